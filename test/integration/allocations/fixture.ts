// A small county for the allocation command tests: three municipalities, one
// GU in Balingen with six beds, the Haddad household (four persons) and two
// single persons, all living there since January 2025. Seeded straight into
// the tables (no outbox), like data that was already there.
import type { Accommodation, Bed, Household, Municipality, Person, Room, Stay, Unit } from '../../../shared/domain/model';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import type { WriteContext } from '../../../renderer/db/repository';
import { ADMIN } from '../../support/actors';

const T = '2025-01-01T00:00:00.000Z';
const meta = { createdAt: T, updatedAt: T };

export const ctx: WriteContext = { user: 'Test Sachbearbeitung', deviceId: 'device-alloc', actor: ADMIN };
export const TODAY = '2026-03-10';
export const opts = { ctx, today: TODAY };

export function municipality(id: string, name: string, population: number, ags: string): Municipality {
  return {
    id,
    ...meta,
    ags,
    name,
    population,
    populationDate: '2025-06-30',
    populationApproximate: true,
    contact: { name: `Stadtverwaltung ${name}`, address: { street: 'Marktplatz 1', zip: '72336', city: name } },
  };
}

export const municipalities = [
  municipality('m-bal', 'Balingen', 34_500, '08417008'),
  municipality('m-alb', 'Albstadt', 46_000, '08417002'),
  municipality('m-hech', 'Hechingen', 19_500, '08417031'),
];

const gu: Accommodation = {
  id: 'gu',
  ...meta,
  name: 'GU Balingen',
  kind: 'gu',
  address: { street: 'Hauptstr. 1', zip: '72336', city: 'Balingen' },
  municipalityId: 'm-bal',
  lease: { start: null, end: null, rentCents: null, rentFree: false },
  status: 'active',
  openedOn: '2020-01-01',
  closedOn: null,
  reservePlaces: 0,
};
const unit: Unit = { id: 'u1', ...meta, accommodationId: 'gu', kind: 'building', name: 'Haus A' };
const rooms: Room[] = [1, 2].map((n) => ({ id: `r${n}`, ...meta, accommodationId: 'gu', unitId: 'u1', number: `1.0${n}`, areaM2: 24, restriction: 'none', barrierFree: false }));
const beds: Bed[] = [1, 2, 3, 4, 5, 6].map((n) => ({ id: `b${n}`, ...meta, accommodationId: 'gu', roomId: n <= 4 ? 'r1' : 'r2', label: String(n), reserve: false, order: n }));

function person(id: string, givenName: string, familyName: string, birthDate: string, householdId: string | null): Person {
  return {
    id,
    ...meta,
    familyName,
    givenName,
    birthDate,
    sex: 'm',
    nationality: 'SYR',
    languages: ['ar'],
    householdId,
    fileNumber: `AZ-${id}`,
    residenceStatus: 'aufenthaltserlaubnis',
    asylumDecision: 'final_granted',
    admissionDate: '2025-01-10',
    legalBasis: 'asylum',
    extension: null,
    vulnerabilities: [],
    needsBarrierFree: false,
    feePayer: false,
  };
}

export const HADDADS = ['p-omar', 'p-lina', 'p-sami', 'p-rana'];
export const households: Household[] = [{ id: 'h-haddad', ...meta, name: 'Familie Haddad', headPersonId: 'p-omar' }];
export const persons: Person[] = [
  person('p-omar', 'Omar', 'Haddad', '1985-03-01', 'h-haddad'),
  person('p-lina', 'Lina', 'Haddad', '1988-07-12', 'h-haddad'),
  person('p-sami', 'Sami', 'Haddad', '2012-05-20', 'h-haddad'),
  person('p-rana', 'Rana', 'Haddad', '2016-11-02', 'h-haddad'),
  person('p-ali', 'Ali', 'Karimi', '1999-02-14', null),
  person('p-mariam', 'Mariam', 'Yusuf', '1995-09-30', null),
];
export const stays: Stay[] = persons.map((p, i) => ({
  id: `s-${p.id}`,
  ...meta,
  personId: p.id,
  bedId: `b${i + 1}`,
  roomId: i < 4 ? 'r1' : 'r2',
  accommodationId: 'gu',
  householdId: p.householdId,
  from: '2025-01-10',
  to: null,
}));

let counter = 0;

export async function seededDb(): Promise<QuartierDb> {
  const db = await openDatabase(`alloc-test-${process.pid}-${Date.now()}-${++counter}`);
  await db.transaction('rw', [db.municipalities, db.accommodations, db.units, db.rooms, db.beds, db.households, db.persons, db.stays], async () => {
    await db.municipalities.bulkPut(municipalities);
    await db.accommodations.put(gu);
    await db.units.put(unit);
    await db.rooms.bulkPut(rooms);
    await db.beds.bulkPut(beds);
    await db.households.bulkPut(households);
    await db.persons.bulkPut(persons);
    await db.stays.bulkPut(stays);
  });
  return db;
}

export { snapshot } from '../db/snapshot';
