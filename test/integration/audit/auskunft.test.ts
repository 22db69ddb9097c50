// "Auskunft export complete": a person with records in every table (person,
// household, stays, allocation, letters, audit entries, access events), one
// Auskunft generated against a real database; the JSON file is parsed and the
// PDF read back with pdfjs-dist, and every record must appear in both.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { QuartierDb } from '../../../renderer/db/db';
import { produceExport } from '../../../renderer/features/exports/produce';
import { recordAccessEvent } from '../../../renderer/features/audit/recordAccess';
import { generateAuskunft, auskunftFileBase } from '../../../renderer/features/auskunft/generateAuskunft';
import { correctStay, updatePerson } from '../../../renderer/features/operations/commands';
import { personToInput } from '../../../renderer/features/operations/personSchema';
import { issueLetters, prepareLetters } from '../../../renderer/features/letters/issue';
import { loadTemplates } from '../../../renderer/features/letters/storage';
import { reportExportEvent } from '../../../shared/audit/descriptions';
import { AUSKUNFT_FORMAT, AUSKUNFT_TEXTS, type AuskunftRecords } from '../../../shared/audit/auskunft';
import { DEFAULT_LETTERHEAD } from '../../../shared/letters';
import { ADMIN, datasetOf, seededDb, snapshot, ticking } from './fixture';

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  // pdf.js returns a hyphenated word as two items ("422-" "p1"): join them again.
  return pages.join(' ').replace(/\s+/g, ' ').replace(/(\S)- (?=\S)/g, '$1-');
}

let db: QuartierDb;
beforeEach(async () => {
  db = await seededDb();
});
afterEach(() => db.close());

/** p1 (Amira Haddad, household h1, stay s1 in GU Balingen, allocation al1) gets letters, changes and accesses. */
async function history() {
  const ctx = ticking(ADMIN);
  await updatePerson(db, 'p1', { ...personToInput((await db.persons.get('p1'))!), notes: 'Dolmetscherin benötigt' }, { ctx });
  await correctStay(db, { stayId: 's1', from: '2025-03-02', reason: 'Einzugstag falsch erfasst' }, { ctx });
  // Household letter (only her household) and a notice to the municipality that also lists another person (p4).
  await db.allocations.put({ ...(await db.allocations.get('al1'))!, id: 'al2', householdId: null, personIds: ['p4'], letterIds: [] });
  const prep = prepareLetters(
    await datasetOf(db),
    await loadTemplates(db),
    [
      { kind: 'allocation', allocationId: 'al1' },
      { kind: 'municipality_notice', allocationIds: ['al1', 'al2'] },
    ],
    DEFAULT_LETTERHEAD,
    { issuedOn: '2026-03-01' },
  );
  expect(prep.problems).toEqual([]);
  const letters = await issueLetters(db, ctx, prep.letters, DEFAULT_LETTERHEAD, { issuedOn: '2026-03-01' });
  await recordAccessEvent(db, ctx, { kind: 'letter', subject: 'letter.issueBatch', description: '2 Schreiben erstellt: 1 × Zuteilung, 1 × Mitteilung an die Gemeinde (PDF)', personIds: ['p1', 'p2', 'p3', 'p4'] });
  // A list export concerns nobody in particular: not part of her Auskunft.
  await recordAccessEvent(db, ctx, reportExportEvent('occupancyOverview', 'Belegungsübersicht', 'Stichtag 01.03.2026', 'pdf'));
  return { ctx, letters };
}

describe('Auskunft nach Art. 15 DSGVO', () => {
  it('Auskunft export complete: every record about the person is in the JSON and in the PDF', async () => {
    const { ctx, letters } = await history();
    const files = await generateAuskunft(db, ctx, 'p1', {
      authority: 'Landratsamt Zollernalbkreis',
      renderPdf: (view) => produceExport({ type: 'auskunft', view }),
      formatInstant: (iso) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)} ${iso.slice(11, 16)}`,
    });

    // --- JSON: parse the file text and compare with the database.
    const json = JSON.parse(files.json) as AuskunftRecords;
    expect(json.format).toBe(AUSKUNFT_FORMAT);
    expect(json.person).toEqual(await db.persons.get('p1'));
    expect(json.household).toEqual(await db.households.get('h1'));
    expect(json.householdMembers.map((m) => m.id).sort()).toEqual(['p2', 'p3']);
    expect(json.stays).toEqual(await db.stays.where('personId').equals('p1').toArray());
    expect(json.allocations.map((a) => a.id)).toEqual(['al1']);
    expect(json.allocations[0]).toEqual(await db.allocations.get('al1'));
    expect(json.letters.map((l) => l.id).sort()).toEqual(letters.map((l) => l.id).sort());
    const notice = json.letters.find((l) => l.templateKind === 'municipality_notice')!;
    const own = json.letters.find((l) => l.templateKind === 'allocation')!;
    // Her household's own letter whole; the notice that also lists Petrenko without content and without his id.
    expect(own.content).toEqual((await db.letters.get(own.id))!.content);
    expect(notice.content).toBeNull();
    expect(notice.contentOmitted).toContain('Art. 15 Abs. 4');
    expect(notice.personIds).toEqual(['p1', 'p2', 'p3']);
    expect(files.json).not.toContain('Petrenko');
    // Audit: every entry about her records (person, stay, allocation, letters), none about others.
    const expectedAudit = (await db.audit.toArray()).filter((e) => ['p1', 's1', 'al1', ...letters.map((l) => l.id)].includes(e.entityId));
    expect(json.auditEntries.map((e) => e.id).sort()).toEqual(expectedAudit.map((e) => e.id).sort());
    expect(json.auditEntries.map((e) => e.operation)).toEqual(expect.arrayContaining(['person.update', 'stay.correct', 'letters.issueBatch']));
    expect(json.auditEntries.some((e) => e.entityId === 'al2' || e.entityId === 'p4')).toBe(false);
    // Access events: the batch of letters and this Auskunft itself, not the list export.
    expect(json.accessEvents.map((e) => e.kind)).toEqual(['letter', 'auskunft']);
    expect(json.accessEvents[0]!.personIds).toEqual(['p1', 'p2', 'p3']);
    expect(json.references.accommodations).toEqual([{ id: 'a1', name: 'GU Balingen Kirchstraße 10' }]);

    // --- PDF: read back and find every record.
    expect(new TextDecoder().decode(files.pdf.slice(0, 5))).toBe('%PDF-');
    const text = await pdfText(files.pdf);
    for (const s of [
      'Auskunft nach Art. 15 DSGVO',
      'Amira Haddad, geboren am 01.02.1990, Aktenzeichen 422-p1',
      'Landratsamt Zollernalbkreis',
      // Stammdaten, Haushalt
      'Dolmetscherin benötigt',
      'Familie Haddad',
      '422.21-H-0001',
      'Omar Haddad',
      'Lina Haddad',
      // Aufenthalte with accommodation, room, place and the corrected day
      'GU Balingen Kirchstraße 10 1.01 A 02.03.2025',
      // Zuteilung
      'Balingen entschieden 20.02.2026 01.04.2026',
      // Schreiben (numbers), the notice marked as concerning others
      ...letters.map((l) => l.number),
      'betrifft auch andere Personen',
      // Protokolleinträge
      'Person geändert',
      'Belegung korrigiert',
      'Bemerkungen (alt: –, neu: Dolmetscherin benötigt)',
      'Von (alt: 01.03.2025, neu: 02.03.2025)',
      'Aufenthaltsgestattung',
      'Schreiben im Stapel erstellt',
      // Zugriffe
      '2 Schreiben erstellt: 1 × Zuteilung, 1 × Mitteilung an die Gemeinde (PDF)',
      'Auskunft nach Art. 15 DSGVO erstellt (PDF und JSON)',
      // Art. 15 (1) information
      'Empfänger',
      'Speicherdauer',
      AUSKUNFT_TEXTS.storage.slice(0, 40),
    ]) {
      expect(text, s).toContain(s);
    }
    expect(text).not.toContain('Petrenko');
    expect(text).not.toContain('Belegungsübersicht');
    // The allocation's new letter ids are shown as letter numbers, not as UUIDs.
    expect(text).toContain(`Schreiben (alt: –, neu: ${letters.map((l) => l.number).join(', ')})`);
    for (const l of letters) expect(text).not.toContain(l.id);

    // The file names carry no personal data.
    const base = auskunftFileBase(json.generatedAt, 'p1');
    expect(base).toMatch(/^Auskunft-Art15-\d{4}-\d{2}-\d{2}-p1$/);
  });

  it('records the Auskunft as an access event BEFORE anything is produced: a refused write produces no file and changes nothing', async () => {
    const before = await snapshot(db);
    let rendered = false;
    const refusingCtx = { ...ADMIN, deviceId: '' };
    await expect(
      generateAuskunft(db, refusingCtx, 'p1', {
        authority: 'x',
        renderPdf: (view) => {
          rendered = true;
          return produceExport({ type: 'auskunft', view });
        },
      }),
    ).rejects.toThrow('Keine Geräte-ID');
    expect(rendered).toBe(false);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses an unknown person with a German message and writes nothing', async () => {
    const before = await snapshot(db);
    await expect(generateAuskunft(db, ADMIN, 'nobody', { authority: 'x', renderPdf: () => Promise.resolve(new Uint8Array()) })).rejects.toThrow('Die Person ist nicht (mehr) vorhanden');
    expect(await snapshot(db)).toEqual(before);
  });
});
