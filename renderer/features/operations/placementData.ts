// Snapshot of the records the residents screens, the Belegung page and the
// operation dialogs show: persons, households, stays and the accommodation
// tree. useCachedPlacementData derives it from the app-wide occupancy store
// (loaded once, updated incrementally after writes), so opening a screen or
// a dialog reads no table at Berlin scale. loadPlacementData reads the same
// records straight from the database (the reference the tests compare with).
import { useMemo } from 'react';
import type { Accommodation, Bed, BedBlock, Household, Id, Person, Room, Stay, Unit } from '../../../shared/domain/model';
import type { QuartierDb } from '../../db/db';
import { useOccupancyData } from '../occupancy-data/hooks';

export interface PlacementData {
  persons: Person[];
  households: Household[];
  stays: Stay[];
  beds: Bed[];
  rooms: Room[];
  units: Unit[];
  accommodations: Accommodation[];
  bedBlocks: BedBlock[];
}

export interface PlacementLookup extends PlacementData {
  personById: Map<Id, Person>;
  householdById: Map<Id, Household>;
  bedById: Map<Id, Bed>;
  roomById: Map<Id, Room>;
  unitById: Map<Id, Unit>;
  accommodationById: Map<Id, Accommodation>;
  /** Active (not deleted, not cancelled) stays per person, sorted by from. */
  staysByPerson: Map<Id, Stay[]>;
  /** Members (not deleted) per household, sorted by birth date. */
  membersByHousehold: Map<Id, Person[]>;
}

const live = <T extends { deleted?: boolean }>(rows: T[]): T[] => rows.filter((r) => !r.deleted);
/** Stays that count: not deleted and not cancelled. */
const activeStays = (stays: Stay[]): Stay[] => stays.filter((s) => !s.deleted && !s.cancelled);

export async function loadPlacementData(db: QuartierDb): Promise<PlacementData> {
  return db.transaction(
    'r',
    [db.persons, db.households, db.stays, db.beds, db.rooms, db.units, db.accommodations, db.bedBlocks],
    async () => {
      const [persons, households, stays, beds, rooms, units, accommodations, bedBlocks] = await Promise.all([
        db.persons.toArray(),
        db.households.toArray(),
        db.stays.toArray(),
        db.beds.toArray(),
        db.rooms.toArray(),
        db.units.toArray(),
        db.accommodations.toArray(),
        db.bedBlocks.toArray(),
      ]);
      return {
        persons: live(persons),
        households: live(households),
        stays: activeStays(stays),
        beds: live(beds),
        rooms: live(rooms),
        units: live(units),
        accommodations: live(accommodations),
        bedBlocks: live(bedBlocks),
      };
    },
  );
}

const byId = <T extends { id: Id }>(rows: T[]) => new Map(rows.map((r) => [r.id, r] as const));

/** Active stays per person, sorted by from. */
function staysByPersonOf(stays: readonly Stay[]): Map<Id, Stay[]> {
  const staysByPerson = new Map<Id, Stay[]>();
  for (const s of stays) {
    const list = staysByPerson.get(s.personId);
    if (list) list.push(s);
    else staysByPerson.set(s.personId, [s]);
  }
  for (const list of staysByPerson.values()) list.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return staysByPerson;
}

/** Members per household, sorted by birth date. */
function membersByHouseholdOf(persons: readonly Person[]): Map<Id, Person[]> {
  const membersByHousehold = new Map<Id, Person[]>();
  for (const p of persons) {
    if (!p.householdId) continue;
    const list = membersByHousehold.get(p.householdId);
    if (list) list.push(p);
    else membersByHousehold.set(p.householdId, [p]);
  }
  for (const list of membersByHousehold.values()) list.sort((a, b) => (a.birthDate ?? '').localeCompare(b.birthDate ?? ''));
  return membersByHousehold;
}

export function indexPlacementData(data: PlacementData): PlacementLookup {
  return {
    ...data,
    personById: byId(data.persons),
    householdById: byId(data.households),
    bedById: byId(data.beds),
    roomById: byId(data.rooms),
    unitById: byId(data.units),
    accommodationById: byId(data.accommodations),
    staysByPerson: staysByPersonOf(data.stays),
    membersByHousehold: membersByHouseholdOf(data.persons),
  };
}

/**
 * The same lookup as indexPlacementData(loadPlacementData(db)), derived from
 * the cached occupancy dataset (no table reads of its own); undefined while
 * the store loads.
 * Every part is memoised on the dataset array it comes from, and the store
 * reuses the arrays of unchanged tables: a check-in (stays) rebuilds the
 * stay index but not the 150,000-person maps.
 */
export function useCachedPlacementData(db?: QuartierDb): PlacementLookup | undefined {
  const { version, dataset } = useOccupancyData(db);
  const persons = useLive(dataset.persons);
  const households = useLive(dataset.households);
  const beds = useLive(dataset.beds);
  const rooms = useLive(dataset.rooms);
  const units = useLive(dataset.units);
  const accommodations = useLive(dataset.accommodations);
  const bedBlocks = useLive(dataset.bedBlocks);
  const stays = useMemo(() => activeStays(dataset.stays), [dataset.stays]);
  const personById = useMemo(() => byId(persons), [persons]);
  const householdById = useMemo(() => byId(households), [households]);
  const membersByHousehold = useMemo(() => membersByHouseholdOf(persons), [persons]);
  const staysByPerson = useMemo(() => staysByPersonOf(stays), [stays]);
  const tree = useMemo(
    () => ({ bedById: byId(beds), roomById: byId(rooms), unitById: byId(units), accommodationById: byId(accommodations) }),
    [beds, rooms, units, accommodations],
  );
  // At least one complete load; a later failed update keeps the last good data.
  const ready = version > 0;
  return useMemo(
    () =>
      ready
        ? { persons, households, stays, beds, rooms, units, accommodations, bedBlocks, personById, householdById, staysByPerson, membersByHousehold, ...tree }
        : undefined,
    [ready, persons, households, stays, beds, rooms, units, accommodations, bedBlocks, personById, householdById, staysByPerson, membersByHousehold, tree],
  );
}

/** Not-deleted rows of one dataset table, recomputed only when that table changed. */
function useLive<T extends { deleted?: boolean }>(rows: T[]): T[] {
  return useMemo(() => live(rows), [rows]);
}

/** The stay a person is in on `day` (active, day in [from, to)), if any. */
export function currentStay(stays: readonly Stay[] | undefined, day: string): Stay | undefined {
  return stays?.find((s) => s.from <= day && (s.to === null || day < s.to));
}

/** The next planned stay that starts after `day`, if any. */
export function plannedStay(stays: readonly Stay[] | undefined, day: string): Stay | undefined {
  return stays?.find((s) => s.from > day);
}

/** "Haus A · Zimmer 1.04 · Bett 2" style place text parts for a bed. */
export function placeOf(lookup: Pick<PlacementLookup, 'bedById' | 'roomById' | 'unitById' | 'accommodationById'>, bedId: Id) {
  const bed = lookup.bedById.get(bedId);
  const room = bed ? lookup.roomById.get(bed.roomId) : undefined;
  const unit = room ? lookup.unitById.get(room.unitId) : undefined;
  const accommodation = bed ? lookup.accommodationById.get(bed.accommodationId) : undefined;
  return { bed, room, unit, accommodation };
}
