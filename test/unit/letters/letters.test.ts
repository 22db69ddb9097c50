// Letters: placeholder language, shipped templates, context from the
// recorded data, composition into frozen content, missing data, numbering.
import { describe, expect, it } from 'vitest';
import {
  buildLetterContext,
  buildLetterData,
  checkLetterhead,
  checkTemplateText,
  composeLetter,
  DEFAULT_LETTERHEAD,
  defaultTemplate,
  defaultTemplates,
  deviceShortId,
  fillText,
  findPlaceholders,
  formatLetterNumber,
  lettersDocDefinition,
  parseLetterNumber,
  reserveLetterNumbers,
  TEMPLATE_KINDS,
  toParagraphs,
  type LetterRequest,
} from '../../../shared/letters';
import { fixtureDataset, FIXTURE_TODAY } from '../reports/fixture';

const NOW = '2026-03-01T09:00:00.000Z';

function compose(request: LetterRequest, mutate?: (ds: ReturnType<typeof fixtureDataset>) => void) {
  const ds = fixtureDataset();
  mutate?.(ds);
  const data = buildLetterData(ds);
  const context = buildLetterContext(data, request, DEFAULT_LETTERHEAD, FIXTURE_TODAY);
  const template = defaultTemplate(request.kind, NOW);
  return { context, ...composeLetter(template, context, DEFAULT_LETTERHEAD, { number: '2026-ABC123-00007', issuedOn: FIXTURE_TODAY }) };
}

function allText(content: unknown): string {
  return JSON.stringify(content);
}

describe('placeholders', () => {
  it('finds placeholders in order of first use', () => {
    expect(findPlaceholders('{{name}} am {{ datum }}, {{name}}')).toEqual(['name', 'datum']);
  });

  it('reports unknown placeholders, ones the kind cannot fill, and unclosed braces', () => {
    expect(checkTemplateText('Hallo {{nmae}}', 'assignment')).toEqual([{ placeholder: 'nmae', message: 'Unbekannter Platzhalter {{nmae}}.' }]);
    expect(checkTemplateText('{{gemeinde}}', 'assignment')[0]!.message).toContain('steht für diese Briefart nicht zur Verfügung');
    expect(checkTemplateText('Hallo {{name', 'assignment')[0]!.message).toContain('nicht richtig geschlossen');
    expect(checkTemplateText('{{gemeinde}} {{name}}', 'allocation')).toEqual([]);
  });

  it('never prints "undefined" for missing values: it marks and reports them', () => {
    const r = fillText('geb. {{geburtsdatum}}, Zimmer {{zimmer}}', { geburtsdatum: null, zimmer: '1.01' });
    expect(r.text).toBe('geb. [geburtsdatum fehlt], Zimmer 1.01');
    expect(r.missing).toEqual(['geburtsdatum']);
    expect(fillText('{{unbekannt}}', {}).text).not.toContain('undefined');
  });

  it('splits paragraphs and pulls the person table out of a block', () => {
    expect(toParagraphs('Satz eins\nweiter.\n\nZweiter:\n{{personenliste}}\nDanach.')).toEqual([
      { kind: 'text', text: 'Satz eins\nweiter.' },
      { kind: 'text', text: 'Zweiter:' },
      { kind: 'persons' },
      { kind: 'text', text: 'Danach.' },
    ]);
  });
});

describe('shipped templates', () => {
  it('use only placeholders their kind can fill', () => {
    for (const t of defaultTemplates(NOW)) {
      for (const b of t.blocks) expect(checkTemplateText(b.text, t.kind), `${t.kind}/${b.key}`).toEqual([]);
    }
  });

  it('are Bescheide with legal basis and Rechtsbehelfsbelehrung', () => {
    for (const kind of ['assignment', 'transfer', 'allocation'] as const) {
      const text = allText(defaultTemplate(kind, NOW).blocks);
      expect(text).toContain('Widerspruch erhoben werden');
      expect(text).toContain('schriftlich oder zur Niederschrift');
      expect(text).toMatch(/§ (9|18) FlüAG/);
    }
    expect(TEMPLATE_KINDS).toHaveLength(4);
  });
});

describe('letter context and composition', () => {
  it('Einweisung: addressed to the household head at the accommodation, with all members and the place', () => {
    const { content, missing, context } = compose({ kind: 'assignment', stayId: 's2' });
    expect(missing).toEqual([]);
    expect(context.personIds).toEqual(['p1', 'p2', 'p3']);
    expect(content.addressLines).toEqual(['Frau', 'Amira Haddad', 'GU Balingen Kirchstraße 10, Zimmer 1.01', 'Kirchstraße 10', '72336 Balingen']);
    expect(content.salutation).toBe('Sehr geehrte Frau Haddad,');
    expect(content.fileNumber).toBe('422.21-H-0001');
    const text = allText(content.sections);
    expect(text).toContain('Sie werden mit Wirkung vom 01.03.2025 in die folgende Unterkunft');
    expect(text).toContain('Zimmer 1.01, Platz B.');
    expect(text).toContain('beim Landratsamt Zollernalbkreis, Grünewaldstr. 15, 72336 Balingen, schriftlich');
    expect(text).toContain('endet spätestens am 01.03.2027');
    expect(content.persons.map((p) => p.givenName)).toEqual(['Amira', 'Omar', 'Lina']);
    expect(text).not.toContain('undefined');
  });

  it('Verlegung: names the previous and the new place and the reason; without reason it is reported missing', () => {
    const withReason = compose({ kind: 'transfer', stayId: 's5', reason: 'Sanierung des Zimmers' });
    expect(withReason.missing).toEqual([]);
    const text = allText(withReason.content.sections);
    expect(text).toContain('Unterkunft GU Balingen Kirchstraße 10, Kirchstraße 10, 72336 Balingen (Zimmer 1.02, Platz A), wird zum 15.01.2026 aufgehoben');
    // The room is recorded as "Zimmer 1": printed once, not "Zimmer Zimmer 1".
    expect(text).toContain('Zimmer 1, Platz 1, eingewiesen');
    expect(text).toContain('aus folgendem Grund: Sanierung des Zimmers.');
    const noReason = compose({ kind: 'transfer', stayId: 's5' });
    expect(noReason.missing).toEqual([{ key: 'grund', label: 'Grund der Verlegung' }]);
  });

  it('reports a missing birth date before anything is generated, and never prints "undefined"', () => {
    const { missing, content } = compose({ kind: 'assignment', stayId: 's1' }, (ds) => {
      ds.persons[0]!.birthDate = null;
    });
    // The shipped Einweisung does not use {{geburtsdatum}}; the person table shows an empty cell.
    expect(missing).toEqual([]);
    expect(content.persons[0]!.birthDate).toBe('');
    expect(allText(content)).not.toContain('undefined');

    const ds = fixtureDataset();
    ds.persons[0]!.birthDate = null;
    const ctx = buildLetterContext(buildLetterData(ds), { kind: 'assignment', stayId: 's1' }, DEFAULT_LETTERHEAD, FIXTURE_TODAY);
    const t = defaultTemplate('assignment', NOW);
    t.blocks[1]!.text = '{{anrede}} (geb. {{geburtsdatum}})';
    const r = composeLetter(t, ctx, DEFAULT_LETTERHEAD, { number: 'x', issuedOn: FIXTURE_TODAY });
    expect(r.missing).toEqual([{ key: 'geburtsdatum', label: 'Geburtsdatum' }]);
  });

  it('Zuteilung: to the household with municipality and dates; notice to the municipality lists the persons', () => {
    const household = compose({ kind: 'allocation', allocationId: 'al1' });
    expect(household.missing).toEqual([]);
    expect(allText(household.content.sections)).toContain('der Gemeinde Balingen zur Anschlussunterbringung zugeteilt');
    expect(allText(household.content.sections)).toContain('Als Umzugstermin ist der 01.04.2026 vorgesehen');

    const notice = compose({ kind: 'municipality_notice', allocationId: 'al1' });
    expect(notice.missing).toEqual([]);
    expect(notice.content.addressLines).toEqual(['Stadtverwaltung Balingen', 'Ordnungsamt', 'Neue Str. 31', '72336 Balingen']);
    expect(notice.content.salutation).toBe('Sehr geehrte Damen und Herren,');
    expect(allText(notice.content.sections)).toContain('die folgenden 3 Personen');
    expect(notice.content.sections[0]!.paragraphs.some((p) => p.kind === 'persons')).toBe(true);
  });

  // A second household for Balingen in the same batch: Petrenko (p4), own file number, a later move.
  const withPetrenko = (ds: ReturnType<typeof fixtureDataset>) => {
    ds.allocations.push({
      ...ds.allocations[0]!,
      id: 'al2',
      householdId: null,
      personIds: ['p4'],
      decisionDate: '2026-02-20',
      plannedMoveDate: '2026-04-15',
      letterIds: [],
    });
  };

  it('one notice per municipality lists every person of several allocations with household, birth date, Aktenzeichen and move date', () => {
    const notice = compose({ kind: 'municipality_notice', allocationIds: ['al1', 'al2'] }, withPetrenko);
    expect(notice.missing).toEqual([]);
    expect(notice.context.personIds).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(notice.context.allocationIds).toEqual(['al1', 'al2']);
    expect(notice.context.allocationId).toBeNull();
    expect(notice.context.householdId).toBeNull();
    expect(notice.context.caseLabel).toBe('Balingen – 2 Haushalte');
    expect(notice.content.persons.map((p) => [p.household, p.familyName, p.givenName, p.birthDate, p.fileNumber, p.plannedMoveDate])).toEqual([
      ['Familie Haddad', 'Haddad', 'Amira', '01.02.1990', '422-p1', '01.04.2026'],
      ['Familie Haddad', 'Haddad', 'Omar', '10.05.1988', '422-p2', '01.04.2026'],
      ['Familie Haddad', 'Haddad', 'Lina', '07.07.2018', '422-p3', '01.04.2026'],
      ['Petrenko, Oleksandr', 'Petrenko', 'Oleksandr', '20.01.1975', '422-p4', '15.04.2026'],
    ]);
    const text = allText(notice.content.sections);
    expect(text).toContain('die folgenden 4 Personen');
    expect(text).toContain('mit Entscheidung vom 20.02.2026');
    expect(text).toContain('Als Umzugstermin ist der 01.04.2026 bzw. 15.04.2026 vorgesehen');
    expect(notice.content.fileNumber).toBe('422.21-H-0001, 422-p4');
    // PDF table: household and move-date columns, one row per person.
    const doc = allText(lettersDocDefinition([notice.content], 'Test').content);
    for (const h of ['Haushalt', 'Umzug geplant', 'Petrenko, Oleksandr', '15.04.2026', '07.07.2018']) expect(doc).toContain(h);
  });

  it('the single-id notice still works and a notice never mixes municipalities', () => {
    const single = compose({ kind: 'municipality_notice', allocationId: 'al1' });
    expect(single.context.allocationIds).toEqual(['al1']);
    expect(single.context.allocationId).toBe('al1');
    expect(single.content.persons).toHaveLength(3);
    expect(() =>
      compose({ kind: 'municipality_notice', allocationIds: ['al1', 'al2'] }, (ds) => {
        withPetrenko(ds);
        ds.allocations[1]!.municipalityId = 'm2';
      }),
    ).toThrow('Eine Mitteilung an die Gemeinde kann nur Zuteilungen derselben Gemeinde umfassen.');
    expect(() => compose({ kind: 'municipality_notice', allocationIds: [] })).toThrow('nennt keine Zuteilung');
  });

  it('a combined notice reports a missing decision date of any of its allocations', () => {
    const { missing } = compose({ kind: 'municipality_notice', allocationIds: ['al1', 'al2'] }, (ds) => {
      withPetrenko(ds);
      ds.allocations[1]!.decisionDate = null;
    });
    expect(missing.map((m) => m.key)).toEqual(['entscheidungsdatum']);
  });

  it('reports a municipality without address instead of printing an empty address field', () => {
    const { missing } = compose({ kind: 'municipality_notice', allocationId: 'al1' }, (ds) => {
      ds.allocations[0]!.municipalityId = 'm2';
    });
    expect(missing.map((m) => m.key)).toEqual(['anschrift']);
  });

  it('attaches a translated annex in Cyrillic on its own page', () => {
    const ds = fixtureDataset();
    const data = buildLetterData(ds);
    const ctx = buildLetterContext(data, { kind: 'assignment', stayId: 's1' }, DEFAULT_LETTERHEAD, FIXTURE_TODAY);
    const t = defaultTemplate('assignment', NOW);
    t.annexes = [{ language: 'uk', title: 'Рішення', text: 'Київ, вулиця Шевченка. {{einzugsdatum}}' }];
    const { content } = composeLetter(t, ctx, DEFAULT_LETTERHEAD, { number: 'n', issuedOn: FIXTURE_TODAY, annexLanguage: 'uk' });
    expect(content.annex?.paragraphs).toEqual([{ kind: 'text', text: 'Київ, вулиця Шевченка. 01.03.2025' }]);
    const doc = lettersDocDefinition([content], 'Test');
    expect(allText(doc.content)).toContain('"pageBreak":"before"');
  });

  it('batch: one letter per household, each after a page break; page numbers only for single letters', () => {
    const a = compose({ kind: 'assignment', stayId: 's1' }).content;
    const b = compose({ kind: 'allocation', allocationId: 'al1' }).content;
    const doc = lettersDocDefinition([a, b], 'Stapel');
    expect(doc.content.filter((n) => 'pageBreak' in n && n.pageBreak === 'before')).toHaveLength(1);
    expect(JSON.stringify(doc.footer?.(1, 4))).not.toContain('Seite');
    expect(JSON.stringify(lettersDocDefinition([a], 'Einzeln').footer?.(1, 2))).toContain('Seite 1 von 2');
    expect(() => lettersDocDefinition([], 'leer')).toThrow('Keine Schreiben');
  });
});

describe('letterhead', () => {
  it('accepts the default and rejects bad input with German messages', () => {
    expect(checkLetterhead(DEFAULT_LETTERHEAD).ok).toBe(true);
    const bad = checkLetterhead({ ...DEFAULT_LETTERHEAD, zip: '7233', email: 'kein-mail', authority: '', logo: 'file:///etc/passwd' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.map((e) => e.field).sort()).toEqual(['authority', 'email', 'logo', 'zip']);
      expect(bad.errors.find((e) => e.field === 'zip')!.message).toBe('Die Postleitzahl hat fünf Ziffern.');
    }
  });
});

describe('letter numbers', () => {
  it('are unique per device, count up, and restart each year', () => {
    const dev = deviceShortId('3fa91c2e-0000-4000-8000-000000000000');
    expect(dev).toBe('3FA91C');
    const first = reserveLetterNumbers(null, 2026, dev, 2);
    expect(first.numbers).toEqual(['2026-3FA91C-00001', '2026-3FA91C-00002']);
    const second = reserveLetterNumbers(first.next, 2026, dev, 1);
    expect(second.numbers).toEqual(['2026-3FA91C-00003']);
    expect(reserveLetterNumbers(second.next, 2027, dev, 1).numbers).toEqual(['2027-3FA91C-00001']);
    // Another laptop never produces the same number.
    expect(reserveLetterNumbers(null, 2026, deviceShortId('7b00aa00-1111'), 1).numbers[0]).toBe('2026-7B00AA-00001');
    expect(parseLetterNumber('2026-3FA91C-00003')).toEqual({ year: 2026, device: '3FA91C', counter: 3 });
    expect(parseLetterNumber('2026-000123')).toBeNull();
    expect(() => formatLetterNumber(2026, dev, 0)).toThrow('positive ganze Zahl');
  });
});
