// Occupancy figures as of one day, per room, accommodation, municipality,
// kind (GU/flat) and county.
//
// Rules (identical in reference.ts):
// - Only accommodations open on D count: openedOn <= D < closedOn.
// - Every counted bed is in exactly one state on D, by priority:
//   occupied  – a stay covers D (from <= D < to);
//   blocked   – not occupied and a BedBlock covers D (from <= D < until);
//   reserved  – neither, and the bed's next stay starts within
//               (D, D + lookahead] (default 14 days);
//   reserve   – none of the above and the bed is a reserve place (Bed.reserve);
//   free      – none of the above: free for placement.
//   places = occupied + blocked + reserved + reserve + free.
// - A bed both occupied and blocked counts as occupied; `blockedButOccupied`
//   counts those so the UI can warn.
// - residents = stays covering D (persons); exceeds occupied only when a bed
//   is double-booked.
// - rate = occupied / places; m2PerPlace = sum of room areas / places (null
//   when there are no places). Rooms without beds add area but no places.
import { fromDayNumber, toDayNumber } from '../domain/dates';
import type { AccommodationKind, Id, IsoDate } from '../domain/model';
import {
  BED_STATE_BLOCKED,
  BED_STATE_OCCUPIED,
  BED_STATE_RESERVE,
  BED_STATE_RESERVED,
  BED_STATES,
  bedStateCode,
  isAccommodationOpen,
  residentsOnBed,
  runCovers,
  type BedState,
  type OccupancyIndex,
} from './occupancyIndex';

export interface OccupancyFigures {
  places: number;
  occupied: number;
  reserved: number;
  blocked: number;
  /** Reserve places (Reserveplätze) that are neither occupied, blocked nor reserved. */
  reserve: number;
  /** Free for placement. */
  free: number;
  residents: number;
  blockedButOccupied: number;
  areaM2: number;
  /** occupied / places; null without places. */
  rate: number | null;
  /** areaM2 / places; null without places. */
  m2PerPlace: number | null;
}

export interface FiguresAsOf {
  day: IsoDate;
  county: OccupancyFigures;
  byKind: Record<AccommodationKind, OccupancyFigures>;
  /** Municipalities with at least one accommodation open on the day. */
  byMunicipality: Record<Id, OccupancyFigures>;
  /** Accommodations open on the day. */
  byAccommodation: Record<Id, OccupancyFigures>;
  /** Rooms of open accommodations; only with `{ rooms: true }`. */
  byRoom?: Record<Id, OccupancyFigures>;
}

export function emptyFigures(): OccupancyFigures {
  return { places: 0, occupied: 0, reserved: 0, blocked: 0, reserve: 0, free: 0, residents: 0, blockedButOccupied: 0, areaM2: 0, rate: null, m2PerPlace: null };
}

/** Adds the counts of b into a (rates are recomputed by `finishFigures`). */
export function addFigures(a: OccupancyFigures, b: OccupancyFigures): void {
  a.places += b.places;
  a.occupied += b.occupied;
  a.reserved += b.reserved;
  a.blocked += b.blocked;
  a.reserve += b.reserve;
  a.free += b.free;
  a.residents += b.residents;
  a.blockedButOccupied += b.blockedButOccupied;
  a.areaM2 += b.areaM2;
}

export function finishFigures(f: OccupancyFigures): OccupancyFigures {
  f.rate = f.places > 0 ? f.occupied / f.places : null;
  f.m2PerPlace = f.places > 0 ? f.areaM2 / f.places : null;
  return f;
}

// Per-bed counters: 5 states + residents + blockedButOccupied.
const SLOTS = 7;
const SLOT_RESIDENTS = 5;
const SLOT_BBO = 6;

function figuresFromSlots(counts: Int32Array, offset: number, areaM2: number): OccupancyFigures {
  const f = emptyFigures();
  f.occupied = counts[offset + BED_STATE_OCCUPIED]!;
  f.blocked = counts[offset + BED_STATE_BLOCKED]!;
  f.reserved = counts[offset + BED_STATE_RESERVED]!;
  f.reserve = counts[offset + BED_STATE_RESERVE]!;
  f.free = counts[offset + 4]!;
  f.places = f.occupied + f.blocked + f.reserved + f.reserve + f.free;
  f.residents = counts[offset + SLOT_RESIDENTS]!;
  f.blockedButOccupied = counts[offset + SLOT_BBO]!;
  f.areaM2 = areaM2;
  return finishFigures(f);
}

export interface FiguresOptions {
  /** Also compute per-room figures (byRoom). */
  rooms?: boolean;
}

export function figuresAsOf(ix: OccupancyIndex, day: IsoDate, options: FiguresOptions = {}): FiguresAsOf {
  const d = toDayNumber(day);
  const A = ix.accommodations.length;
  const accCounts = new Int32Array(A * SLOTS);
  const roomCounts = options.rooms ? new Int32Array(ix.rooms.length * SLOTS) : null;

  for (let a = 0; a < A; a++) {
    if (!isAccommodationOpen(ix, a, d)) continue;
    const base = a * SLOTS;
    for (let b = ix.accBedOffset[a]!; b < ix.accBedOffset[a + 1]!; b++) {
      const state = bedStateCode(ix, b, d);
      accCounts[base + state]!++;
      let residents = 0;
      let bbo = 0;
      if (state === BED_STATE_OCCUPIED) {
        residents = residentsOnBed(ix, b, d);
        if (runCovers(ix.blockFrom, ix.blockMaxTo, ix.blockOffset[b]!, ix.blockOffset[b + 1]!, d)) bbo = 1;
        accCounts[base + SLOT_RESIDENTS] = accCounts[base + SLOT_RESIDENTS]! + residents;
        accCounts[base + SLOT_BBO] = accCounts[base + SLOT_BBO]! + bbo;
      }
      if (roomCounts) {
        const rb = ix.bedRoom[b]! * SLOTS;
        roomCounts[rb + state]!++;
        roomCounts[rb + SLOT_RESIDENTS] = roomCounts[rb + SLOT_RESIDENTS]! + residents;
        roomCounts[rb + SLOT_BBO] = roomCounts[rb + SLOT_BBO]! + bbo;
      }
    }
  }

  const county = emptyFigures();
  const byKind: Record<AccommodationKind, OccupancyFigures> = { gu: emptyFigures(), flat: emptyFigures() };
  const byMunicipality: Record<Id, OccupancyFigures> = {};
  const byAccommodation: Record<Id, OccupancyFigures> = {};
  for (let a = 0; a < A; a++) {
    if (!isAccommodationOpen(ix, a, d)) continue;
    const acc = ix.accommodations[a]!;
    const f = figuresFromSlots(accCounts, a * SLOTS, ix.accArea[a]!);
    byAccommodation[acc.id] = f;
    addFigures(county, f);
    addFigures(byKind[acc.kind], f);
    addFigures((byMunicipality[acc.municipalityId] ??= emptyFigures()), f);
  }
  finishFigures(county);
  finishFigures(byKind.gu);
  finishFigures(byKind.flat);
  for (const f of Object.values(byMunicipality)) finishFigures(f);

  const result: FiguresAsOf = { day, county, byKind, byMunicipality, byAccommodation };
  if (roomCounts) {
    const byRoom: Record<Id, OccupancyFigures> = {};
    ix.rooms.forEach((room, r) => {
      if (!isAccommodationOpen(ix, ix.roomAcc[r]!, d)) return;
      byRoom[room.id] = figuresFromSlots(roomCounts, r * SLOTS, ix.roomArea[r]!);
    });
    result.byRoom = byRoom;
  }
  return result;
}

/** One bed on a day, for the Belegungsplan / Belegungsliste. */
export interface BedStatus {
  bedId: Id;
  roomId: Id;
  accommodationId: Id;
  state: BedState;
  /** Stays covering the day (more than one only for a double-booked bed). */
  stayIds: Id[];
  personIds: Id[];
  /** Blocks covering the day. */
  blockIds: Id[];
  /** The next stay starting after the day, if any. */
  nextStayId: Id | null;
  nextStayFrom: IsoDate | null;
}

/**
 * Status of every bed on `day`, optionally for one accommodation. Beds of
 * accommodations not open on the day are left out.
 */
export function bedStatusAsOf(ix: OccupancyIndex, day: IsoDate, accommodationId?: Id): BedStatus[] {
  const d = toDayNumber(day);
  const out: BedStatus[] = [];
  let a0 = 0;
  let a1 = ix.accommodations.length;
  if (accommodationId !== undefined) {
    const a = ix.accIndexById.get(accommodationId);
    if (a === undefined) return out;
    a0 = a;
    a1 = a + 1;
  }
  for (let a = a0; a < a1; a++) {
    if (!isAccommodationOpen(ix, a, d)) continue;
    for (let b = ix.accBedOffset[a]!; b < ix.accBedOffset[a + 1]!; b++) {
      const bed = ix.beds[b]!;
      const stayIds: Id[] = [];
      const personIds: Id[] = [];
      let next: number | null = null;
      for (let j = ix.stayOffset[b]!; j < ix.stayOffset[b + 1]!; j++) {
        if (ix.stayFrom[j]! <= d && ix.stayTo[j]! > d) {
          stayIds.push(ix.stays[j]!.id);
          personIds.push(ix.stays[j]!.personId);
        } else if (ix.stayFrom[j]! > d && next === null) next = j;
      }
      const blockIds: Id[] = [];
      for (let j = ix.blockOffset[b]!; j < ix.blockOffset[b + 1]!; j++) {
        if (ix.blockFrom[j]! <= d && ix.blockTo[j]! > d) blockIds.push(ix.blocks[j]!.id);
      }
      out.push({
        bedId: bed.id,
        roomId: bed.roomId,
        accommodationId: ix.accommodations[a]!.id,
        state: BED_STATES[bedStateCode(ix, b, d)]!,
        stayIds,
        personIds,
        blockIds,
        nextStayId: next === null ? null : ix.stays[next]!.id,
        nextStayFrom: next === null ? null : fromDayNumber(ix.stayFrom[next]!),
      });
    }
  }
  return out;
}
