// A small, hand-made county for the operation tests: one flat (two rooms,
// four beds) and one GU (a women's room with two beds, an open room with two
// beds), a household of four and two single persons. Seeded straight into
// the tables (no outbox), like data that was already there.
import type { Accommodation, Bed, Household, Person, Room, Unit } from '../../../shared/domain/model';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import type { WriteContext } from '../../../renderer/db/repository';
import { ADMIN } from '../../support/actors';

const T = '2025-01-01T00:00:00.000Z';
const meta = { createdAt: T, updatedAt: T };

export const ctx: WriteContext = { user: 'Test Sachbearbeitung', deviceId: 'device-test', actor: ADMIN };

function acc(id: string, name: string, kind: Accommodation['kind']): Accommodation {
  return {
    id,
    ...meta,
    name,
    kind,
    address: { street: 'Hauptstr. 1', zip: '72336', city: 'Balingen' },
    municipalityId: 'm1',
    lease: { start: null, end: null, rentCents: null, rentFree: false },
    status: 'active',
    openedOn: '2020-01-01',
    closedOn: null,
    reservePlaces: 0,
  };
}

function room(id: string, accommodationId: string, unitId: string, number: string, restriction: Room['restriction'] = 'none'): Room {
  return { id, ...meta, accommodationId, unitId, number, areaM2: 20, restriction, barrierFree: false };
}

function bed(id: string, accommodationId: string, roomId: string, label: string, order: number): Bed {
  return { id, ...meta, accommodationId, roomId, label, reserve: false, order };
}

export function person(id: string, givenName: string, familyName: string, sex: Person['sex'], birthDate: string, householdId: string | null): Person {
  return {
    id,
    ...meta,
    familyName,
    givenName,
    birthDate,
    sex,
    nationality: 'SYR',
    languages: ['ar'],
    householdId,
    fileNumber: `AZ-${id}`,
    residenceStatus: 'gestattung',
    asylumDecision: 'pending',
    admissionDate: '2025-01-10',
    legalBasis: 'asylum',
    extension: null,
    vulnerabilities: [],
    needsBarrierFree: false,
    feePayer: false,
  };
}

export const accommodations = [acc('flat', 'Wohnung Lindenstraße', 'flat'), acc('gu', 'GU Balingen', 'gu')];
export const units: Unit[] = [
  { id: 'u-flat', ...meta, accommodationId: 'flat', kind: 'flat', name: 'Wohnung 1' },
  { id: 'u-gu', ...meta, accommodationId: 'gu', kind: 'building', name: 'Haus A' },
];
export const rooms = [
  room('r-flat-1', 'flat', 'u-flat', '1'),
  room('r-flat-2', 'flat', 'u-flat', '2'),
  room('r-gu-w', 'gu', 'u-gu', '1.01', 'women'),
  room('r-gu-1', 'gu', 'u-gu', '1.02'),
];
export const beds = [
  bed('b-f1', 'flat', 'r-flat-1', '1', 1),
  bed('b-f2', 'flat', 'r-flat-1', '2', 2),
  bed('b-f3', 'flat', 'r-flat-2', '1', 1),
  bed('b-f4', 'flat', 'r-flat-2', '2', 2),
  bed('b-w1', 'gu', 'r-gu-w', 'A', 1),
  bed('b-w2', 'gu', 'r-gu-w', 'B', 2),
  bed('b-g1', 'gu', 'r-gu-1', 'A', 1),
  bed('b-g2', 'gu', 'r-gu-1', 'B', 2),
];
export const households: Household[] = [{ id: 'h-haddad', ...meta, name: 'Familie Haddad', headPersonId: 'p-omar' }];
export const persons: Person[] = [
  person('p-omar', 'Omar', 'Haddad', 'm', '1985-03-01', 'h-haddad'),
  person('p-lina', 'Lina', 'Haddad', 'f', '1988-07-12', 'h-haddad'),
  person('p-sami', 'Sami', 'Haddad', 'm', '2012-05-20', 'h-haddad'),
  person('p-rana', 'Rana', 'Haddad', 'f', '2016-11-02', 'h-haddad'),
  person('p-ali', 'Ali', 'Karimi', 'm', '1999-02-14', null),
  person('p-mariam', 'Mariam', 'Yusuf', 'f', '1995-09-30', null),
];
export const HADDADS = ['p-omar', 'p-lina', 'p-sami', 'p-rana'];

let counter = 0;

/** A fresh database with a unique name, seeded with the fixture. */
export async function seededDb(): Promise<QuartierDb> {
  const db = await openDatabase(`ops-test-${process.pid}-${Date.now()}-${++counter}`);
  await db.transaction('rw', [db.accommodations, db.units, db.rooms, db.beds, db.households, db.persons], async () => {
    await db.accommodations.bulkPut(accommodations);
    await db.units.bulkPut(units);
    await db.rooms.bulkPut(rooms);
    await db.beds.bulkPut(beds);
    await db.households.bulkPut(households);
    await db.persons.bulkPut(persons);
  });
  return db;
}

export { snapshot } from '../db/snapshot';
