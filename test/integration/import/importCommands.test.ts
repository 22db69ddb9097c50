// Import commands against real IndexedDB semantics (fake-indexeddb): the
// three kinds end to end from rows to stored records, all or nothing, the
// audit source per record, and one Change per import.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import { applyWithoutOutbox } from '../../../renderer/db/repository';
import { ImportRefusedError, previewImport, runImport, type ImportRequest } from '../../../renderer/features/import/importCommands';
import { suggestMapping, type ImportKind } from '../../../shared/import/fields';
import type { Row } from '../../../shared/import/table';
import { snapshot } from '../db/snapshot';
import { municipality } from '../db/fixtures';
import { testCtx } from '../../support/actors';

const ctx = testCtx({ user: 'Import-Test', deviceId: 'dev-import', now: () => new Date('2026-03-02T10:00:00Z') });
const TODAY = '2026-03-02';
let db: QuartierDb;
let n = 0;

beforeEach(async () => {
  db = await openDatabase(`import-${++n}-${Date.now()}`);
  await applyWithoutOutbox(db, ctx, 'seed', async (w) => {
    await w.put('municipalities', municipality('m1'));
  }, { audit: false });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function request(kind: ImportKind, rows: Row[], fileName = `${kind}.xlsx`): ImportRequest {
  const headers = (rows[0] ?? []).map((c) => String(c ?? ''));
  return { kind, fileName, rows, headerRow: 0, mapping: suggestMapping(kind, headers) };
}

const ACC_ROWS: Row[] = [
  ['Unterkunft', 'Art', 'Straße', 'PLZ', 'Ort', 'Gemeinde', 'Gebäude', 'Zimmer', 'Fläche (m²)', 'Plätze', 'Platz'],
  ['GU Import', 'GU', 'Weg 1', '72379', 'Hechingen', 'Hechingen', 'Haus A', '1', '18,5', 2, null],
  ['GU Import', 'GU', 'Weg 1', '72379', 'Hechingen', 'Hechingen', 'Haus A', '2', '12', null, 'Bett 1'],
  ['GU Import', 'GU', 'Weg 1', '72379', 'Hechingen', 'Hechingen', 'Haus A', '2', null, null, 'Bett 2'],
  ['Wohnung Markt 3', 'Wohnung', 'Markt 3', '72379', 'Hechingen', '08417079', 'Whg 1', 'Küche', '10', 1, null],
];

describe('import commands', () => {
  it('imports accommodations with units, rooms and places, audited with file and row', async () => {
    const { plan, result } = await runImport(db, request('accommodations', ACC_ROWS), { ctx, today: TODAY });
    expect(plan.problems).toEqual([]);
    expect(await db.accommodations.count()).toBe(2);
    expect(await db.units.count()).toBe(2);
    expect(await db.rooms.count()).toBe(3);
    const beds = await db.beds.toArray();
    expect(beds.map((b) => b.label).sort()).toEqual(['Bett 1', 'Bett 1', 'Bett 1', 'Bett 2', 'Bett 2']);
    const gu = (await db.accommodations.toArray()).find((a) => a.name === 'GU Import')!;
    expect(gu.municipalityId).toBe('m1');
    expect((await db.rooms.where('accommodationId').equals(gu.id).toArray()).find((r) => r.number === '1')!.areaM2).toBe(18.5);
    // One Change for the whole file; every record audited with its row.
    expect(await db.outbox.count()).toBe(1);
    expect(result.change?.operation).toBe('import.accommodations');
    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(2 + 2 + 3 + 5);
    expect(audit.every((a) => a.operation === 'import.accommodations' && a.source?.file === 'accommodations.xlsx' && a.userId === 'u-admin')).toBe(true);
    const bedRows = audit.filter((a) => a.entity === 'beds').map((a) => a.source!.row).sort();
    expect(bedRows).toEqual([2, 2, 3, 4, 5]);
  });

  it('refuses the whole file when one row is bad and changes nothing at all', async () => {
    const rows = [...ACC_ROWS, ['GU Kaputt', 'GU', '', '', '', 'Atlantis', 'Haus A', '1', '', 2, null]];
    const before = await snapshot(db);
    const err = await runImport(db, request('accommodations', rows), { ctx, today: TODAY }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRefusedError);
    expect((err as ImportRefusedError).plan.errorRows).toEqual([6]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('imports residents with households and refuses duplicates against stored persons', async () => {
    const rows: Row[] = [
      ['Nachname', 'Vorname', 'Geb.-Datum', 'Geschlecht', 'Staatsangehörigkeit', 'AZ', 'Haushalt', 'Haushaltsvorstand', 'Aufnahme'],
      ['Haddad', 'Rami', '14.02.1988', 'm', 'syrisch', 'AZ-1', 'H1', '', '03.05.2024'],
      ['Haddad', 'Lina', '1990-07-01', 'w', 'Syrien', 'AZ-2', 'H1', 'ja', '03.05.2024'],
      ['Kovalenko', 'Olena', 32874, 'weiblich', 'Ukraine', 'AZ-3', '', '', '2024-06-10'],
    ];
    const { plan } = await runImport(db, request('residents', rows), { ctx, today: TODAY });
    expect(plan.problems).toEqual([]);
    const persons = await db.persons.orderBy('familyName').toArray();
    expect(persons.map((p) => [p.givenName, p.nationality, p.birthDate])).toEqual(
      expect.arrayContaining([
        ['Rami', 'SYR', '1988-02-14'],
        ['Lina', 'SYR', '1990-07-01'],
        ['Olena', 'UKR', '1990-01-01'],
      ]),
    );
    const hh = await db.households.toArray();
    expect(hh).toHaveLength(1);
    expect(hh[0]!.headPersonId).toBe(persons.find((p) => p.givenName === 'Lina')!.id);
    expect(persons.find((p) => p.givenName === 'Olena')!.householdId).toBeNull();

    // The same file again: every row is a duplicate of a stored person.
    const again = await previewImport(db, request('residents', rows), { today: TODAY });
    expect(again.errorRows).toEqual([2, 3, 4]);
    expect(again.problems.every((p) => p.code.startsWith('personExists'))).toBe(true);
  });

  it('imports the current occupancy, matching by Aktenzeichen or name + birth date and creating unknown persons', async () => {
    await runImport(db, request('accommodations', ACC_ROWS), { ctx, today: TODAY });
    await runImport(
      db,
      request('residents', [
        ['Nachname', 'Vorname', 'Geburtsdatum', 'Aktenzeichen', 'Aufnahme'],
        ['Haddad', 'Rami', '14.02.1988', 'AZ-1', '03.05.2024'],
        ['Haddad', 'Lina', '01.07.1990', '', '03.05.2024'],
      ]),
      { ctx, today: TODAY },
    );
    const rows: Row[] = [
      ['AZ', 'Name', 'Vorname', 'Geb.-Datum', 'Staatsangehörigkeit', 'Unterkunft', 'Gebäude', 'Zimmer', 'Bett', 'Einzug'],
      ['AZ-1', '', '', '', '', 'GU Import', 'Haus A', '1', '1', '01.06.2024'],
      ['', 'HADDAD', 'lina', '1.7.1990', '', 'gu import', '', '1', '', '01.06.2024'],
      ['AZ-9', 'Neu', 'Nora', '02.02.2002', 'eritreisch', 'GU Import', 'Haus A', '2', 'Bett 2', '15.01.2026'],
    ];
    const { plan } = await runImport(db, request('occupancy', rows), { ctx, today: TODAY });
    expect(plan.problems).toEqual([]);
    expect(plan.matchedPersons).toBe(2);
    const stays = await db.stays.toArray();
    expect(stays).toHaveLength(3);
    const persons = await db.persons.toArray();
    expect(persons).toHaveLength(3);
    const nora = persons.find((p) => p.givenName === 'Nora')!;
    expect(nora.nationality).toBe('ERI');
    expect(nora.admissionDate).toBe('2026-01-15');
    const beds = new Map((await db.beds.toArray()).map((b) => [b.id, b]));
    const lina = persons.find((p) => p.givenName === 'Lina')!;
    // Lina had no place given: the first free place of room 1 (Bett 1 went to Rami).
    expect(beds.get(stays.find((s) => s.personId === lina.id)!.bedId)!.label).toBe('Bett 2');
  });

  it('reports occupancy rule breaks from the shared rules and writes nothing', async () => {
    await runImport(db, request('accommodations', ACC_ROWS), { ctx, today: TODAY });
    const rows: Row[] = [
      ['Name', 'Vorname', 'Geburtsdatum', 'Unterkunft', 'Zimmer', 'Platz', 'Einzug'],
      ['A', 'Anna', '01.01.1990', 'GU Import', '2', 'Bett 1', '01.06.2024'],
      ['B', 'Bert', '01.01.1991', 'GU Import', '2', 'Bett 1', '01.07.2024'],
      ['C', 'Carl', '31.02.1992', 'GU Import', '2', 'Bett 2', '01.07.2024'],
      ['D', 'Dora', '01.01.1993', 'GU Import', '9', '', '01.07.2024'],
    ];
    const before = await snapshot(db);
    const preview = await previewImport(db, request('occupancy', rows), { today: TODAY });
    expect(preview.errorRows).toEqual([2, 3, 4, 5]);
    expect(preview.problems.filter((p) => p.code === 'occupancyRule').map((p) => p.rule)).toEqual(['stay.bedOverlapOpen', 'stay.bedOverlapOpen']);
    expect(preview.problems.find((p) => p.row === 4)!.code).toBe('dateInvalid');
    expect(preview.problems.find((p) => p.row === 5)!.code).toBe('roomUnknown');
    await expect(runImport(db, request('occupancy', rows), { ctx, today: TODAY })).rejects.toBeInstanceOf(ImportRefusedError);
    expect(await snapshot(db)).toEqual(before);
  });
});
