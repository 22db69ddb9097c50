// Golden tests of every report model on the hand-checked fixture county.
// Expected rows are derived by hand (see fixture.ts); where a figure comes
// from the occupancy engine, the test also checks it equals the engine's.
import { describe, expect, it } from 'vitest';
import { buildOccupancyIndex } from '../../../shared/occupancy/occupancyIndex';
import { figuresAsOf } from '../../../shared/occupancy/figures';
import { buildReport, monthsBetween, OCCUPANCY_DAYS_RULE, reportDocDefinition, safeSheetName, type ReportContext } from '../../../shared/reports';
import { fixtureDataset, FIXTURE_TODAY } from './fixture';

function context(): ReportContext {
  const data = fixtureDataset();
  return { data, index: buildOccupancyIndex(data), authority: 'Landratsamt Zollernalbkreis' };
}

describe('Belegungsliste', () => {
  it('lists every place of the accommodation with person, household, since and deadline', () => {
    const model = buildReport(context(), { kind: 'occupancyList', accommodationId: 'a1', day: FIXTURE_TODAY }, FIXTURE_TODAY);
    expect(model.title).toBe('Belegungsliste GU Balingen Kirchstraße 10');
    expect(model.subtitle).toBe('Stichtag 01.03.2026');
    expect(model.sections[0]!.rows).toEqual([
      ['Haus A / 1.01', 'A', 'belegt', 'Haddad, Amira', 'Familie Haddad', '2025-03-01', '2027-03-01'],
      ['Haus A / 1.01', 'B', 'belegt', 'Haddad, Omar', 'Familie Haddad', '2025-03-01', '2027-03-01'],
      ['Haus A / 1.01', 'C', 'belegt', 'Haddad, Lina', 'Familie Haddad', '2025-03-01', '2027-03-01'],
      ['Haus A / 1.02', 'A', 'gesperrt', null, null, null, null],
      ['Haus A / 1.02', 'B', 'Reserveplatz', null, null, null, null],
    ]);
  });

  it('is reproducible for a past day from the recorded history', () => {
    // On 2025-12-01 Petrenko still lived in 1.02 A (he moved on 2026-01-15); no block yet.
    const model = buildReport(context(), { kind: 'occupancyList', accommodationId: 'a1', day: '2025-12-01' }, FIXTURE_TODAY);
    expect(model.sections[0]!.rows[3]).toEqual(['Haus A / 1.02', 'A', 'belegt', 'Petrenko, Oleksandr', null, '2025-09-01', '2026-03-01']);
  });

  it('rejects an unknown accommodation with a German message', () => {
    expect(() => buildReport(context(), { kind: 'occupancyList', accommodationId: 'nope', day: FIXTURE_TODAY }, FIXTURE_TODAY)).toThrow(
      'Die Unterkunft ist nicht (mehr) vorhanden.',
    );
  });
});

describe('Belegungsübersicht', () => {
  it('shows per accommodation, kind and municipality the engine figures', () => {
    const ctx = context();
    const model = buildReport(ctx, { kind: 'occupancyOverview', day: FIXTURE_TODAY }, FIXTURE_TODAY);
    const [accs, kinds, muns] = model.sections;
    // places, occupied, reserved, blocked, reserve, free, rate, m²/place
    expect(accs!.rows).toEqual([
      ['GU Balingen Kirchstraße 10', 'GU', 'Balingen', 5, 3, 0, 1, 1, 0, 0.6, 6.4],
      ['Wohnung Hechingen', 'dezentral', 'Hechingen', 2, 1, 0, 0, 0, 1, 0.5, 7],
    ]);
    expect(accs!.totals).toEqual([['Landkreis gesamt', null, null, 7, 4, 0, 1, 1, 1, 4 / 7, 46 / 7]]);
    expect(kinds!.rows.map((r) => r.slice(0, 3))).toEqual([
      ['Gemeinschaftsunterkunft', 5, 3],
      ['Wohnung (dezentral)', 2, 1],
    ]);
    expect(muns!.rows.map((r) => r[0])).toEqual(['Balingen', 'Hechingen']);
    const engine = figuresAsOf(ctx.index, FIXTURE_TODAY);
    expect(accs!.totals[0]![3]).toBe(engine.county.places);
    expect(accs!.totals[0]![4]).toBe(engine.county.occupied);
  });

  it('leaves out accommodations not yet open on the day', () => {
    const model = buildReport(context(), { kind: 'occupancyOverview', day: '2025-05-01' }, FIXTURE_TODAY);
    expect(model.sections[0]!.rows.map((r) => r[0])).toEqual(['GU Balingen Kirchstraße 10']);
  });
});

describe('Belegungstage', () => {
  it('counts [move-in, move-out) per accommodation and month and states the rule', () => {
    const model = buildReport(context(), { kind: 'occupancyDays', fromMonth: '2026-01', toMonth: '2026-02' }, FIXTURE_TODAY);
    expect(model.notes).toContain(OCCUPANCY_DAYS_RULE);
    const [pivot] = model.sections;
    expect(pivot!.columns.map((c) => c.header)).toEqual(['Unterkunft', 'Gemeinde', '01/26', '02/26', 'Summe']);
    // January: a1 = 3 × 31 (Haddad) + 14 (Petrenko 1.–14.) = 107; a2 = 17 (Petrenko 15.–31.) + 31 (Demir) = 48.
    // February: a1 = 3 × 28 = 84; a2 = 28 (Petrenko); Demir moved out on 01.02. → 0 days.
    expect(pivot!.rows).toEqual([
      ['GU Balingen Kirchstraße 10', 'Balingen', 107, 84, 191],
      ['Wohnung Hechingen', 'Hechingen', 48, 28, 76],
    ]);
    expect(pivot!.totals).toEqual([['Summe', null, 155, 112, 267]]);
  });

  it('validates the months', () => {
    expect(() => monthsBetween('2026-13', '2026-14')).toThrow('JJJJ-MM');
    expect(() => monthsBetween('2026-05', '2026-01')).toThrow('vor dem ersten');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('Zu- und Abgänge', () => {
  it('counts arrivals, departures by reason and moves in the period', () => {
    const model = buildReport(context(), { kind: 'movements', from: '2026-01-01', to: '2026-02-28' }, FIXTURE_TODAY);
    const [summary, arrivals, departures, moves] = model.sections;
    expect(arrivals!.rows).toEqual([]);
    expect(departures!.rows).toEqual([['2026-02-01', 'Demir, Yusuf', 'Wohnung Hechingen', 'eigene Wohnung']]);
    expect(moves!.rows).toEqual([['2026-01-15', 'Petrenko, Oleksandr', 'GU Balingen Kirchstraße 10', 'Wohnung Hechingen']]);
    expect(summary!.rows.find((r) => r[1] === 'eigene Wohnung')).toEqual(['Abgänge', 'eigene Wohnung', 1]);
    expect(summary!.totals).toEqual([
      ['Zugänge gesamt', null, 0],
      ['Abgänge gesamt', null, 1],
    ]);
  });

  it('counts the first stays of 2025 as arrivals', () => {
    const model = buildReport(context(), { kind: 'movements', from: '2025-01-01', to: '2025-12-31' }, FIXTURE_TODAY);
    expect(model.sections[1]!.rows.map((r) => r[1])).toEqual(['Haddad, Amira', 'Haddad, Lina', 'Haddad, Omar', 'Demir, Yusuf', 'Petrenko, Oleksandr']);
  });
});

describe('Freie Plätze', () => {
  it('lists only free places (not reserve, blocked or reserved) with room attributes', () => {
    const model = buildReport(context(), { kind: 'freePlaces', day: FIXTURE_TODAY }, FIXTURE_TODAY);
    expect(model.sections[0]!.rows).toEqual([['Wohnung Hechingen', 'Wohnung', 'Zimmer 1', '2', 'keine', 'nein', 14, 2, 1, null]]);
    expect(model.sections[0]!.totals[0]![3]).toBe(1);
  });
});

describe('Fristen', () => {
  it('lists residents reaching the 12-month mark or the end within N weeks', () => {
    const model = buildReport(context(), { kind: 'deadlines', weeks: 8 }, FIXTURE_TODAY);
    expect(model.sections[0]!.rows.map((r) => [r[0], r[1], r[2], r[6], r[7]])).toEqual([
      ['2026-03-01', '12 Monate (Wohnung bevorzugen)', 'Haddad, Amira', '24 Monate', 0],
      ['2026-03-01', '12 Monate (Wohnung bevorzugen)', 'Haddad, Omar', '24 Monate', 0],
      ['2026-03-01', '12 Monate (Wohnung bevorzugen)', 'Haddad, Lina', '24 Monate', 0],
      ['2026-03-01', 'Ende vorl. Unterbringung', 'Petrenko, Oleksandr', '6 Monate', 0],
    ]);
  });

  it('rejects a nonsensical number of weeks', () => {
    expect(() => buildReport(context(), { kind: 'deadlines', weeks: 0 }, FIXTURE_TODAY)).toThrow('1 bis 104 Wochen');
  });
});

describe('PDF definition and sheet names', () => {
  it('has a header with authority and title and a footer "Seite x von y"', () => {
    const model = buildReport(context(), { kind: 'occupancyOverview', day: FIXTURE_TODAY }, FIXTURE_TODAY);
    const doc = reportDocDefinition(model, { printedAt: '01.03.2026, 10:00' });
    expect(JSON.stringify(doc.header?.(1, 3))).toContain('Landratsamt Zollernalbkreis');
    expect(JSON.stringify(doc.footer?.(2, 3))).toContain('Seite 2 von 3');
    // Intl separates the percent sign with a no-break space, so it never wraps alone.
    expect(JSON.stringify(doc.content)).toContain('"text":"60,0\u00a0%"');
  });

  it('makes Excel-safe, unique sheet names', () => {
    const used = new Set<string>();
    expect(safeSheetName('Zu/Abgänge: [2026]', used)).toBe('Zu Abgänge   2026');
    expect(safeSheetName('Info', used)).toBe('Info');
    expect(safeSheetName('info', used)).toBe('info (2)');
  });
});
