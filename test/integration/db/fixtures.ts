// Small, valid records for database tests (not the demo generator: tests
// must not depend on it).
import type { Accommodation, Bed, Household, Municipality, Person, Room, Stay, Unit } from '../../../shared/domain/model';

const T = '2026-01-05T09:00:00.000Z';

export function municipality(id = 'm1'): Municipality {
  return { id, createdAt: T, updatedAt: T, ags: '08417079', name: 'Hechingen', population: 19500, populationDate: '2025-06-30', populationApproximate: true };
}

export function accommodation(id = 'a1', municipalityId = 'm1'): Accommodation {
  return {
    id,
    createdAt: T,
    updatedAt: T,
    name: 'GU Hechingen Lindenstraße',
    kind: 'gu',
    address: { street: 'Lindenstraße 4', zip: '72379', city: 'Hechingen' },
    municipalityId,
    lease: { start: '2020-01-01', end: null, rentCents: 450000, rentFree: false },
    status: 'active',
    openedOn: '2020-01-01',
    closedOn: null,
    reservePlaces: 0,
  };
}

export function unit(id = 'u1', accommodationId = 'a1'): Unit {
  return { id, createdAt: T, updatedAt: T, accommodationId, kind: 'building', name: 'Haus A' };
}

export function room(id = 'r1', accommodationId = 'a1', unitId = 'u1'): Room {
  return { id, createdAt: T, updatedAt: T, accommodationId, unitId, number: '1.01', areaM2: 18, restriction: 'none', barrierFree: false };
}

export function bed(id = 'b1', roomId = 'r1', accommodationId = 'a1', order = 1): Bed {
  return { id, createdAt: T, updatedAt: T, accommodationId, roomId, label: `Bett ${order}`, reserve: false, order };
}

export function household(id = 'h1', headPersonId: string | null = 'p1'): Household {
  return { id, createdAt: T, updatedAt: T, name: 'Familie Haddad', headPersonId };
}

export function person(id = 'p1', householdId: string | null = 'h1'): Person {
  return {
    id,
    createdAt: T,
    updatedAt: T,
    familyName: 'Haddad',
    givenName: 'Samir',
    birthDate: '1990-03-14',
    sex: 'm',
    nationality: 'SYR',
    languages: ['ar'],
    householdId,
    fileNumber: `422-2026-${id}`,
    residenceStatus: 'gestattung',
    asylumDecision: 'pending',
    admissionDate: '2026-01-05',
    legalBasis: 'asylum',
    vulnerabilities: [],
    needsBarrierFree: false,
    feePayer: false,
  };
}

export function stay(id = 's1', personId = 'p1', bedId = 'b1', from = '2026-01-05', to: string | null = null): Stay {
  return { id, createdAt: T, updatedAt: T, personId, bedId, roomId: 'r1', accommodationId: 'a1', householdId: 'h1', from, to };
}

/** One of everything, consistent, keyed by table name. */
export function smallFixture() {
  return {
    municipalities: [municipality()],
    accommodations: [accommodation()],
    units: [unit()],
    rooms: [room()],
    beds: [bed(), bed('b2', 'r1', 'a1', 2)],
    households: [household()],
    persons: [person(), { ...person('p2'), givenName: 'Lina', sex: 'f' as const }],
    stays: [stay(), stay('s2', 'p2', 'b2', '2026-01-05', '2026-03-01')],
  };
}
