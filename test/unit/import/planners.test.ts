// The planners on their own (pure): duplicates and conflicts within the
// file and against stored data, households, person matching, places, and a
// German text for every problem code the planners can emit.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../../shared/import';
import { suggestMapping, type ImportKind } from '../../../shared/import/fields';
import { emptyExisting, type ImportExisting } from '../../../shared/import/plan';
import type { Row } from '../../../shared/import/table';
import de from '../../../renderer/i18n/locales/de/import.json';
import { accommodation, bed, municipality, person, room, unit } from '../../integration/db/fixtures';

function plan(kind: ImportKind, rows: Row[], existing: ImportExisting = emptyExisting()) {
  let n = 0;
  const headers = (rows[0] ?? []).map((c) => String(c ?? ''));
  return planImport({ kind, rows, headerRow: 0, mapping: suggestMapping(kind, headers), today: '2026-03-02', now: '2026-03-02T10:00:00.000Z', newId: () => `id${++n}` }, existing);
}
const codes = (p: ReturnType<typeof plan>) => p.problems.map((x) => `${x.row}:${x.code}`);

describe('accommodation planner', () => {
  const existing = { ...emptyExisting(), municipalities: [municipality('m1')], accommodations: [accommodation('a1')] };
  const H = ['Unterkunft', 'Gemeinde', 'Art', 'Zimmer', 'Fläche', 'Plätze', 'Platz'];
  it('reports duplicates and conflicts within the file and against Quartier', () => {
    const p = plan('accommodations', [
      H,
      ['Neu', 'Hechingen', 'GU', '1', '12', 2, null],
      ['Neu', 'Hechingen', 'GU', '1', '12', 2, null], // room twice with a count
      ['Neu', 'Hechingen', 'Wohnung', '2', '', 1, null], // other kind than row 2
      ['Neu', 'Hechingen', 'GU', '3', '', null, 'A'],
      ['Neu', 'Hechingen', 'GU', '3', '', null, 'a'], // same place (case folded)
      ['Neu', 'Hechingen', 'GU', '3', '15', null, 'B'],
      ['Neu', 'Hechingen', 'GU', '3', '16', null, 'C'], // other area than row 7
      ['GU Hechingen Lindenstraße', '08417079', 'GU', '1', '', 1, null], // exists (AGS works)
      ['X', 'Nirgendwo', 'GU', '1', '', null, null], // unknown municipality, no places
    ], existing);
    expect(codes(p)).toEqual([
      '3:roomDuplicate',
      '4:accommodationConflict',
      '6:placeDuplicate',
      '8:roomConflict',
      '9:accommodationExists',
      '10:municipalityUnknown',
      '10:placesMissing',
    ]);
  });

  it('builds units, rooms and places with defaults', () => {
    const p = plan('accommodations', [H, ['Neu', 'hechingen', '', '1', '18,5', 3, null]], existing);
    expect(p.problems).toEqual([]);
    expect(p.records.accommodations[0]).toMatchObject({ name: 'Neu', kind: 'gu', openedOn: '2000-01-01', address: { city: 'Hechingen' }, municipalityId: 'm1' });
    expect(p.records.units.map((u) => u.name)).toEqual(['Haus 1']);
    expect(p.records.rooms[0]).toMatchObject({ number: '1', areaM2: 18.5 });
    expect(p.records.beds.map((b) => [b.label, b.order])).toEqual([['Bett 1', 1], ['Bett 2', 2], ['Bett 3', 3]]);
  });
});

describe('resident planner', () => {
  it('forms households with one head, refuses a second head and duplicates', () => {
    const existing = { ...emptyExisting(), persons: [person('p1', null)] }; // Samir Haddad, 1990-03-14, AZ 422-2026-p1
    const p = plan('residents', [
      ['Nachname', 'Vorname', 'Geburtsdatum', 'AZ', 'Haushalt', 'HHV', 'Aufnahme'],
      ['Nasser', 'Adel', '01.01.1980', 'N-1', '17', '', '01.02.2025'],
      ['Nasser', 'Huda', '01.01.1982', 'N-2', '17', 'ja', '01.02.2025'],
      ['Nasser', 'Omar', '01.01.2010', 'N-3', '17', 'ja', '01.02.2025'],
      ['Haddad', 'Samir', '14.03.1990', '', '', '', '01.02.2025'],
      ['Nasser', 'Adel', '1980-01-01', 'N-4', '', '', '01.02.2025'],
      ['Kind', 'Zukunft', '01.01.2027', 'K-1', '', '', '01.02.2025'],
    ], existing);
    expect(codes(p)).toEqual(['4:headDuplicate', '5:personExistsName', '6:duplicatePerson', '7:birthInFuture']);
    const hh = p.records.households;
    expect(hh).toHaveLength(1);
    // A number names nothing: the household is called after its head.
    expect(hh[0]!.name).toBe('Haushalt Nasser');
    const huda = p.records.persons.find((x) => x.givenName === 'Huda')!;
    expect(hh[0]!.headPersonId).toBe(huda.id);
  });
});

describe('occupancy planner', () => {
  const existing: ImportExisting = {
    ...emptyExisting(),
    accommodations: [accommodation('a1')],
    units: [unit('u1'), unit('u2')],
    rooms: [{ ...room('r1'), number: '1' }, { ...room('r2', 'a1', 'u2'), number: '1' }, { ...room('r3'), number: '3' }],
    beds: [bed('b1', 'r1'), bed('b3', 'r3', 'a1', 1)],
    persons: [person('p1', null)],
  };
  const H = ['AZ', 'Nachname', 'Vorname', 'Geburtsdatum', 'Unterkunft', 'Gebäude', 'Zimmer', 'Platz', 'Einzug'];
  const ACC = 'GU Hechingen Lindenstraße';
  it('matches, refuses mismatches and ambiguity, finds places', () => {
    const p = plan('occupancy', [
      H,
      ['AZ-X', 'Haddad', 'Samir', '14.03.1990', ACC, '', '3', '', '01.02.2026'], // name+birth find p1 with another AZ
      ['', 'Neu', 'Nina', '01.01.2000', ACC, '', '1', '', '01.02.2026'], // room 1 in two buildings
      ['', 'Neu', 'Nils', '01.01.2001', ACC, 'Haus A', '1', '5', '01.02.2026'], // no place 5
      ['', 'Neu', 'Nora', '01.01.2002', ACC, '', '3', '', '01.04.2026'], // future: warning only
      ['', 'Neu', 'Nele', '01.01.2003', ACC, '', '3', '', '01.02.2026'], // room 3 has one place, taken by row 5
      ['422-2026-p1', '', '', '', ACC, '', '3', '1', '01.01.2026'],
    ], existing);
    // Row 2 is refused, so it does not hold room 3's only place: row 5 gets it, row 6 finds the room full,
    // and row 7 (an existing person by Aktenzeichen) names that place: the bed-overlap rule, on both rows.
    expect(codes(p)).toEqual(['2:fileNumberMismatch', '3:roomAmbiguous', '4:placeUnknown', '5:occupancyRule', '5:moveInFuture', '6:roomFull', '7:occupancyRule']);
    expect(p.problems.filter((x) => x.code === 'occupancyRule').map((x) => x.rule)).toEqual(['stay.bedOverlapOpen', 'stay.bedOverlapOpen']);
    expect(p.problems.find((x) => x.code === 'moveInFuture')!.severity).toBe('warning');
    expect(p.matchedPersons).toBe(1);
  });
});

describe('texts', () => {
  it('has a German text for every problem code the planners and readers emit', () => {
    const dir = 'shared/import';
    const used = new Set<string>();
    for (const f of readdirSync(dir)) {
      const src = readFileSync(join(dir, f), 'utf8');
      for (const m of src.matchAll(/(?:error|warning|fail)\('([a-zA-Z]+)'/g)) used.add(m[1]!);
      // Codes chosen by a condition inside the call: r.error(x ? 'codeA' : 'codeB', …).
      for (const m of src.matchAll(/\.error\([^'\n]*\? '([a-zA-Z]+)' : '([a-zA-Z]+)'/g)) [m[1]!, m[2]!].forEach((c) => used.add(c));
    }
    expect(used.size).toBeGreaterThan(30);
    const missing = [...used].filter((c) => !(c in de.problem));
    expect(missing).toEqual([]);
  });
});
