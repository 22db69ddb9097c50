// Small builders for occupancy tests: full records with sensible defaults.
import type { Accommodation, Bed, BedBlock, Dataset, Person, Room, Stay, Unit } from '../../../shared/domain/model';
import { emptyDataset } from '../../../shared/domain/model';
import type { PlanDeps } from '../../../shared/occupancy';

const T = '2026-01-01T00:00:00.000Z';
const meta = (id: string) => ({ id, createdAt: T, updatedAt: T });

export function accommodation(id: string, over: Partial<Accommodation> = {}): Accommodation {
  return {
    ...meta(id),
    name: `Unterkunft ${id}`,
    kind: 'gu',
    address: { street: 'Hauptstr. 1', zip: '72336', city: 'Balingen' },
    municipalityId: 'm1',
    lease: { start: null, end: null, rentCents: null, rentFree: false },
    status: 'active',
    openedOn: '2020-01-01',
    closedOn: null,
    reservePlaces: 0,
    ...over,
  };
}

export function unit(id: string, accommodationId: string, over: Partial<Unit> = {}): Unit {
  return { ...meta(id), accommodationId, kind: 'building', name: `Haus ${id}`, ...over };
}

export function room(id: string, accommodationId: string, unitId: string, over: Partial<Room> = {}): Room {
  return { ...meta(id), accommodationId, unitId, number: id, areaM2: 20, restriction: 'none', barrierFree: false, ...over };
}

export function bed(id: string, r: Pick<Room, 'id' | 'accommodationId'>, over: Partial<Bed> = {}): Bed {
  return { ...meta(id), accommodationId: r.accommodationId, roomId: r.id, label: id, reserve: false, order: 0, ...over };
}

export function person(id: string, over: Partial<Person> = {}): Person {
  return {
    ...meta(id),
    familyName: `Familie${id}`,
    givenName: `Vorname${id}`,
    birthDate: '1990-01-01',
    sex: 'm',
    nationality: 'SYR',
    languages: ['ar'],
    householdId: null,
    fileNumber: `AZ-${id}`,
    residenceStatus: 'gestattung',
    asylumDecision: 'pending',
    admissionDate: '2025-01-15',
    legalBasis: 'asylum',
    vulnerabilities: [],
    needsBarrierFree: false,
    feePayer: false,
    ...over,
  };
}

export function stay(id: string, p: Pick<Person, 'id' | 'householdId'>, b: Pick<Bed, 'id' | 'roomId' | 'accommodationId'>, from: string, to: string | null, over: Partial<Stay> = {}): Stay {
  return {
    ...meta(id),
    personId: p.id,
    bedId: b.id,
    roomId: b.roomId,
    accommodationId: b.accommodationId,
    householdId: p.householdId,
    from,
    to,
    ...over,
  };
}

export function block(id: string, b: Pick<Bed, 'id' | 'accommodationId'>, from: string, until: string | null, over: Partial<BedBlock> = {}): BedBlock {
  return { ...meta(id), bedId: b.id, accommodationId: b.accommodationId, from, until, reason: 'repair', ...over };
}

export function dataset(parts: Partial<Dataset>): Dataset {
  return { ...emptyDataset(), ...parts };
}

/** Deterministic id generator and clock for planners. */
export function deps(prefix = 'new'): PlanDeps {
  let n = 0;
  return { newId: () => `${prefix}-${++n}`, now: '2026-02-01T10:00:00.000Z' };
}

/** One accommodation "A" with unit "U", rooms R1 (2 beds) and R2 (2 beds, women). */
export function smallHouse() {
  const acc = accommodation('A', { name: 'GU Balingen' });
  const u = unit('U', 'A', { name: 'Haus A' });
  const r1 = room('R1', 'A', 'U', { number: '1.04', areaM2: 16 });
  const r2 = room('R2', 'A', 'U', { number: '1.05', areaM2: 14, restriction: 'women' });
  const b1 = bed('B1', r1, { label: '1', order: 1 });
  const b2 = bed('B2', r1, { label: '2', order: 2 });
  const b3 = bed('B3', r2, { label: '1', order: 1 });
  const b4 = bed('B4', r2, { label: '2', order: 2 });
  return { acc, u, r1, r2, b1, b2, b3, b4 };
}
