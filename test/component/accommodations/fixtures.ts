// Small hand-made datasets for the accommodation and dashboard tests.
import type { Accommodation, Bed, BedBlock, Dataset, Municipality, Person, Room, Stay, Unit } from '../../../shared/domain/model';
import { emptyDataset } from '../../../shared/domain/model';

const META = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };

export const TODAY = '2026-03-10';

export function municipality(id = 'm1', name = 'Balingen'): Municipality {
  return { ...META, id, ags: '08417008', name, population: 35000, populationDate: '2025-06-30', populationApproximate: true };
}

export function accommodation(id = 'a1', over: Partial<Accommodation> = {}): Accommodation {
  return {
    ...META,
    id,
    name: 'GU Lindenstraße',
    kind: 'gu',
    address: { street: 'Lindenstraße 4', zip: '72336', city: 'Balingen' },
    municipalityId: 'm1',
    lease: { start: null, end: null, rentCents: null, rentFree: false },
    status: 'active',
    openedOn: '2024-01-01',
    closedOn: null,
    reservePlaces: 0,
    ...over,
  };
}

export function unit(id: string, accommodationId: string, name: string): Unit {
  return { ...META, id, accommodationId, kind: 'building', name };
}

export function room(id: string, accommodationId: string, unitId: string, number: string, areaM2: number, over: Partial<Room> = {}): Room {
  return { ...META, id, accommodationId, unitId, number, areaM2, restriction: 'none', barrierFree: false, ...over };
}

export function bed(id: string, accommodationId: string, roomId: string, order: number, reserve = false): Bed {
  return { ...META, id, accommodationId, roomId, label: String(order), reserve, order };
}

export function person(id: string, familyName: string, givenName: string, over: Partial<Person> = {}): Person {
  return {
    ...META,
    id,
    familyName,
    givenName,
    birthDate: '1990-05-01',
    sex: 'f',
    nationality: 'SYR',
    languages: ['ar'],
    householdId: null,
    fileNumber: `AZ-${id}`,
    residenceStatus: 'gestattung',
    asylumDecision: 'pending',
    admissionDate: '2025-09-01',
    legalBasis: 'asylum',
    vulnerabilities: [],
    needsBarrierFree: false,
    feePayer: false,
    ...over,
  };
}

export function stay(id: string, personId: string, b: Bed, from: string, to: string | null): Stay {
  return { ...META, id, personId, bedId: b.id, roomId: b.roomId, accommodationId: b.accommodationId, householdId: null, from, to };
}

export function block(id: string, b: Bed, from: string, until: string | null, reason: BedBlock['reason'] = 'repair'): BedBlock {
  return { ...META, id, bedId: b.id, accommodationId: b.accommodationId, from, until, reason };
}

/** One GU, Haus A, room 1 (4 beds: occupied, reserved, blocked, free) and room 2 (small, 2 free beds). */
export function smallDataset(): Dataset {
  const d = emptyDataset();
  d.municipalities.push(municipality());
  d.accommodations.push(accommodation());
  d.units.push(unit('u1', 'a1', 'Haus A'));
  d.rooms.push(room('r1', 'a1', 'u1', '1', 30, { barrierFree: true, restriction: 'women' }), room('r2', 'a1', 'u1', '2', 8));
  const beds = [bed('b1', 'a1', 'r1', 1), bed('b2', 'a1', 'r1', 2), bed('b3', 'a1', 'r1', 3), bed('b4', 'a1', 'r1', 4), bed('b5', 'a1', 'r2', 1), bed('b6', 'a1', 'r2', 2)];
  d.beds.push(...beds);
  d.persons.push(person('p1', 'Haddad', 'Amal'), person('p2', 'Kovalenko', 'Olena'));
  d.stays.push(stay('s1', 'p1', beds[0]!, '2025-10-01', null), stay('s2', 'p2', beds[1]!, '2026-03-15', null));
  d.bedBlocks.push(block('k1', beds[2]!, '2026-03-01', '2026-04-01', 'repair'));
  return d;
}
