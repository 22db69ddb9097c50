// The occupancy index: built once from a Dataset, answers figures, series,
// Belegungstage and free-place searches without touching the raw arrays
// again. Designed for Berlin scale (35,000 beds, 500,000 stays): calendar days
// become int day numbers, stays and blocks are grouped per bed in
// compressed-sparse-row typed arrays sorted by start, with a running maximum
// of the end so "is anything covering day d?" is one binary search per bed.
//
// Which records count (the naive reference in reference.ts applies the same):
// - accommodations, rooms, beds that are not deleted; a room belongs to the
//   accommodation in room.accommodationId, a bed to the room in bed.roomId.
//   A bed whose room (or a room whose accommodation) is missing or deleted is
//   left out.
// - stays that are not deleted, not cancelled, on a counted bed, with
//   from < to (an empty or inverted period occupies nothing).
// - blocks that are not deleted, on a counted bed, with from < until.
import { toDayNumber } from '../domain/dates';
import type { Accommodation, Bed, BedBlock, Dataset, Id, Person, Room, Stay, Unit } from '../domain/model';

/** Day number used for an open end (`to: null`). */
export const OPEN_END = 2_147_483_647;

/** Default look-ahead for 'reserved': a planned stay starting within this many days reserves a free bed. */
export const DEFAULT_RESERVATION_LOOKAHEAD_DAYS = 14;

export interface OccupancyIndexOptions {
  /**
   * A free, unblocked bed counts as 'reserved' on day d when its next stay
   * starts in (d, d + lookahead]. Default 14.
   */
  reservationLookaheadDays?: number;
}

export type OccupancySource = Pick<Dataset, 'accommodations' | 'units' | 'rooms' | 'beds' | 'bedBlocks' | 'stays'> &
  Partial<Pick<Dataset, 'persons'>>;

export interface OccupancyIndex {
  readonly lookahead: number;
  /** Counted accommodations, sorted by name. Position = accommodation index. */
  readonly accommodations: readonly Accommodation[];
  readonly accIndexById: ReadonlyMap<Id, number>;
  /** First open day (openedOn) and first closed day (closedOn or OPEN_END) per accommodation. */
  readonly accOpen: Int32Array;
  readonly accClose: Int32Array;
  /** Sum of the counted rooms' areas per accommodation. */
  readonly accArea: Float64Array;
  /** Beds of accommodation a are bedOrder positions [accBedOffset[a], accBedOffset[a+1]). */
  readonly accBedOffset: Int32Array;
  readonly accRoomOffset: Int32Array;
  readonly units: ReadonlyMap<Id, Unit>;
  /** Counted rooms, grouped by accommodation. */
  readonly rooms: readonly Room[];
  readonly roomIndexById: ReadonlyMap<Id, number>;
  readonly roomAcc: Int32Array;
  readonly roomArea: Float64Array;
  /** Beds of room r are positions [roomBedOffset[r], roomBedOffset[r+1]). */
  readonly roomBedOffset: Int32Array;
  /** Counted beds, grouped by room (then Bed.order). */
  readonly beds: readonly Bed[];
  readonly bedIndexById: ReadonlyMap<Id, number>;
  readonly bedAcc: Int32Array;
  readonly bedRoom: Int32Array;
  readonly bedReserve: Uint8Array;
  /** 1 when some stays of the bed overlap each other (a data conflict). */
  readonly bedOverlap: Uint8Array;
  /** Stays of bed b: [stayOffset[b], stayOffset[b+1]), sorted by from. */
  readonly stayOffset: Int32Array;
  readonly stayFrom: Int32Array;
  readonly stayTo: Int32Array;
  /** Running maximum of stayTo within each bed's run (non-decreasing). */
  readonly stayMaxTo: Int32Array;
  readonly stays: readonly Stay[];
  readonly blockOffset: Int32Array;
  readonly blockFrom: Int32Array;
  readonly blockTo: Int32Array;
  readonly blockMaxTo: Int32Array;
  readonly blocks: readonly BedBlock[];
  readonly persons: ReadonlyMap<Id, Person>;
}

/**
 * ISO day → day number without allocating: digits are read by char code and
 * converted with the days-from-civil algorithm (H. Hinnant). Anything that is
 * not plain `YYYY-MM-DD` with ten digits goes through toDayNumber, which
 * throws on bad input. Building an index converts about a million dates at
 * Berlin scale, so this stays free of closures and temporaries (a nested
 * helper function here cost a third of the whole build under tsx).
 */
export function fastDayNumber(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return toDayNumber(iso);
  const c0 = iso.charCodeAt(0) - 48;
  const c1 = iso.charCodeAt(1) - 48;
  const c2 = iso.charCodeAt(2) - 48;
  const c3 = iso.charCodeAt(3) - 48;
  const c5 = iso.charCodeAt(5) - 48;
  const c6 = iso.charCodeAt(6) - 48;
  const c8 = iso.charCodeAt(8) - 48;
  const c9 = iso.charCodeAt(9) - 48;
  // Every char a digit: (c >>> 0) > 9 is true for anything below '0' too.
  if (((c0 >>> 0) > 9) || ((c1 >>> 0) > 9) || ((c2 >>> 0) > 9) || ((c3 >>> 0) > 9) || ((c5 >>> 0) > 9) || ((c6 >>> 0) > 9) || ((c8 >>> 0) > 9) || ((c9 >>> 0) > 9)) {
    return toDayNumber(iso);
  }
  let y = c0 * 1000 + c1 * 100 + c2 * 10 + c3;
  const m = c5 * 10 + c6;
  const d = c8 * 10 + c9;
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return toDayNumber(iso);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });

export function buildOccupancyIndex(data: OccupancySource, options: OccupancyIndexOptions = {}): OccupancyIndex {
  const day = fastDayNumber;
  const lookahead = options.reservationLookaheadDays ?? DEFAULT_RESERVATION_LOOKAHEAD_DAYS;

  const accommodations = data.accommodations.filter((a) => !a.deleted).sort((x, y) => collator.compare(x.name, y.name) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const accIndexById = new Map<Id, number>();
  accommodations.forEach((a, i) => accIndexById.set(a.id, i));
  const A = accommodations.length;
  const accOpen = new Int32Array(A);
  const accClose = new Int32Array(A);
  accommodations.forEach((a, i) => {
    accOpen[i] = day(a.openedOn);
    accClose[i] = a.closedOn === null ? OPEN_END : day(a.closedOn);
  });

  const units = new Map<Id, Unit>();
  for (const u of data.units) if (!u.deleted) units.set(u.id, u);

  // Rooms: sort keys are computed once per room (accommodation position and
  // unit-name rank) instead of two Map lookups per comparison.
  const roomCandidates: Room[] = [];
  const candAcc: number[] = [];
  const candUnitName: string[] = [];
  for (const r of data.rooms) {
    if (r.deleted) continue;
    const a = accIndexById.get(r.accommodationId);
    if (a === undefined) continue;
    roomCandidates.push(r);
    candAcc.push(a);
    candUnitName.push(units.get(r.unitId)?.name ?? '');
  }
  const candUnitRank = collationRanks(candUnitName);
  const roomOrder = roomCandidates.map((_, i) => i);
  roomOrder.sort((i, j) => {
    const x = roomCandidates[i]!;
    const y = roomCandidates[j]!;
    return candAcc[i]! - candAcc[j]! || candUnitRank[i]! - candUnitRank[j]! || collator.compare(x.number, y.number) || compareIds(x.id, y.id);
  });
  const rooms = roomOrder.map((i) => roomCandidates[i]!);
  const R = rooms.length;
  const roomIndexById = new Map<Id, number>();
  const roomAcc = new Int32Array(R);
  const roomArea = new Float64Array(R);
  const accArea = new Float64Array(A);
  const accRoomOffset = new Int32Array(A + 1);
  for (let i = 0; i < R; i++) {
    const r = rooms[i]!;
    roomIndexById.set(r.id, i);
    const a = candAcc[roomOrder[i]!]!;
    roomAcc[i] = a;
    roomArea[i] = r.areaM2;
    accArea[a] = accArea[a]! + r.areaM2;
    accRoomOffset[a + 1] = accRoomOffset[a + 1]! + 1;
  }
  for (let a = 0; a < A; a++) accRoomOffset[a + 1] = accRoomOffset[a + 1]! + accRoomOffset[a]!;

  // Beds: same idea, the room position is looked up once per bed.
  const bedCandidates: Bed[] = [];
  const candRoom: number[] = [];
  for (const bed of data.beds) {
    if (bed.deleted) continue;
    const r = roomIndexById.get(bed.roomId);
    if (r === undefined) continue;
    bedCandidates.push(bed);
    candRoom.push(r);
  }
  const bedOrder = bedCandidates.map((_, i) => i);
  bedOrder.sort((i, j) => {
    const x = bedCandidates[i]!;
    const y = bedCandidates[j]!;
    return candRoom[i]! - candRoom[j]! || x.order - y.order || collator.compare(x.label, y.label) || compareIds(x.id, y.id);
  });
  const beds = bedOrder.map((i) => bedCandidates[i]!);
  const B = beds.length;
  const bedIndexById = new Map<Id, number>();
  const bedAcc = new Int32Array(B);
  const bedRoom = new Int32Array(B);
  const bedReserve = new Uint8Array(B);
  const roomBedOffset = new Int32Array(R + 1);
  const accBedOffset = new Int32Array(A + 1);
  for (let i = 0; i < B; i++) {
    const bed = beds[i]!;
    bedIndexById.set(bed.id, i);
    const r = candRoom[bedOrder[i]!]!;
    const a = roomAcc[r]!;
    bedRoom[i] = r;
    bedAcc[i] = a;
    bedReserve[i] = bed.reserve ? 1 : 0;
    roomBedOffset[r + 1] = roomBedOffset[r + 1]! + 1;
    accBedOffset[a + 1] = accBedOffset[a + 1]! + 1;
  }
  for (let r = 0; r < R; r++) roomBedOffset[r + 1] = roomBedOffset[r + 1]! + roomBedOffset[r]!;
  for (let a = 0; a < A; a++) accBedOffset[a + 1] = accBedOffset[a + 1]! + accBedOffset[a]!;

  // Stays per bed (CSR), sorted by from. One monomorphic pass per table with
  // no intermediate filtered array: this loop runs over half a million stays.
  const stays = data.stays;
  const stayBed = new Int32Array(stays.length);
  const stayFromAll = new Int32Array(stays.length);
  const stayToAll = new Int32Array(stays.length);
  for (let i = 0; i < stays.length; i++) {
    const s = stays[i]!;
    stayBed[i] = -1;
    if (s.deleted || s.cancelled) continue;
    const b = bedIndexById.get(s.bedId);
    if (b === undefined) continue;
    const from = day(s.from);
    const to = s.to === null ? OPEN_END : day(s.to);
    if (!(from < to)) continue;
    stayBed[i] = b;
    stayFromAll[i] = from;
    stayToAll[i] = to;
  }
  const stayRuns = groupPerBed(stays, B, stayBed, stayFromAll, stayToAll);

  const blocks = data.bedBlocks;
  const blockBed = new Int32Array(blocks.length);
  const blockFromAll = new Int32Array(blocks.length);
  const blockToAll = new Int32Array(blocks.length);
  for (let i = 0; i < blocks.length; i++) {
    const k = blocks[i]!;
    blockBed[i] = -1;
    if (k.deleted) continue;
    const b = bedIndexById.get(k.bedId);
    if (b === undefined) continue;
    const from = day(k.from);
    const to = k.until === null ? OPEN_END : day(k.until);
    if (!(from < to)) continue;
    blockBed[i] = b;
    blockFromAll[i] = from;
    blockToAll[i] = to;
  }
  const blockRuns = groupPerBed(blocks, B, blockBed, blockFromAll, blockToAll);

  const bedOverlap = new Uint8Array(B);
  for (let b = 0; b < B; b++) {
    for (let j = stayRuns.offset[b]! + 1; j < stayRuns.offset[b + 1]!; j++) {
      if (stayRuns.from[j]! < stayRuns.maxTo[j - 1]!) {
        bedOverlap[b] = 1;
        break;
      }
    }
  }

  const persons = new Map<Id, Person>();
  for (const p of data.persons ?? []) if (!p.deleted) persons.set(p.id, p);

  return {
    lookahead,
    accommodations,
    accIndexById,
    accOpen,
    accClose,
    accArea,
    accBedOffset,
    accRoomOffset,
    units,
    rooms,
    roomIndexById,
    roomAcc,
    roomArea,
    roomBedOffset,
    beds,
    bedIndexById,
    bedAcc,
    bedRoom,
    bedReserve,
    bedOverlap,
    stayOffset: stayRuns.offset,
    stayFrom: stayRuns.from,
    stayTo: stayRuns.to,
    stayMaxTo: stayRuns.maxTo,
    stays: stayRuns.refs,
    blockOffset: blockRuns.offset,
    blockFrom: blockRuns.from,
    blockTo: blockRuns.to,
    blockMaxTo: blockRuns.maxTo,
    blocks: blockRuns.refs,
    persons,
  };
}

interface Runs<T> {
  offset: Int32Array;
  from: Int32Array;
  to: Int32Array;
  maxTo: Int32Array;
  refs: T[];
}

function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Rank of each name in collation order; names the collator finds equal get
 * the same rank, so comparing ranks equals comparing the names.
 */
function collationRanks(names: readonly string[]): Int32Array {
  const distinct = [...new Set(names)].sort((x, y) => collator.compare(x, y));
  const rankOf = new Map<string, number>();
  let rank = 0;
  for (let i = 0; i < distinct.length; i++) {
    if (i > 0 && collator.compare(distinct[i - 1]!, distinct[i]!) !== 0) rank++;
    rankOf.set(distinct[i]!, rank);
  }
  const out = new Int32Array(names.length);
  for (let i = 0; i < names.length; i++) out[i] = rankOf.get(names[i]!)!;
  return out;
}

/**
 * Counting sort of periods by bed, then by start (then end) within each bed;
 * equal periods keep their input order. Works on parallel typed arrays (no
 * per-item objects): at Berlin scale this runs over half a million stays.
 * itemBed[i] is -1 for items that do not count.
 */
function groupPerBed<T>(items: readonly T[], bedCount: number, itemBed: Int32Array, itemFrom: Int32Array, itemTo: Int32Array): Runs<T> {
  const m = items.length;
  const offset = new Int32Array(bedCount + 1);
  for (let i = 0; i < m; i++) {
    const b = itemBed[i]!;
    if (b >= 0) offset[b + 1] = offset[b + 1]! + 1;
  }
  for (let b = 0; b < bedCount; b++) offset[b + 1] = offset[b + 1]! + offset[b]!;
  const n = offset[bedCount]!;
  const order = new Int32Array(n);
  const cursor = offset.slice(0, bedCount);
  for (let i = 0; i < m; i++) {
    const b = itemBed[i]!;
    if (b < 0) continue;
    order[cursor[b]!] = i;
    cursor[b] = cursor[b]! + 1;
  }
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  const maxTo = new Int32Array(n);
  // Filled strictly in index order with push: `new Array(n)` of this size would
  // be a slow dictionary-mode array in V8.
  const refs: T[] = [];
  for (let b = 0; b < bedCount; b++) {
    const s0 = offset[b]!;
    const s1 = offset[b + 1]!;
    // Stable insertion sort by (from, to): a bed has a handful of periods,
    // usually already in order, where a comparator sort call costs far more.
    for (let j = s0 + 1; j < s1; j++) {
      const i = order[j]!;
      const f = itemFrom[i]!;
      const t = itemTo[i]!;
      let k = j - 1;
      while (k >= s0) {
        const o = order[k]!;
        const fo = itemFrom[o]!;
        if (fo < f || (fo === f && itemTo[o]! <= t)) break;
        order[k + 1] = o;
        k--;
      }
      order[k + 1] = i;
    }
    let running = -OPEN_END;
    for (let j = s0; j < s1; j++) {
      const i = order[j]!;
      const t = itemTo[i]!;
      from[j] = itemFrom[i]!;
      to[j] = t;
      if (t > running) running = t;
      maxTo[j] = running;
      refs.push(items[i]!);
    }
  }
  return { offset, from, to, maxTo, refs };
}

/** First index j in [lo, hi) with arr[j] > value (arr sorted ascending); hi when none. */
export function upperBound(arr: Int32Array, lo: number, hi: number, value: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Is anything in the run [s0, s1) (from sorted, maxTo running max) covering day d? */
export function runCovers(from: Int32Array, maxTo: Int32Array, s0: number, s1: number, d: number): boolean {
  const k = upperBound(from, s0, s1, d);
  return k > s0 && maxTo[k - 1]! > d;
}

/** Does anything in the run overlap [p0, p1)? */
export function runOverlaps(from: Int32Array, maxTo: Int32Array, s0: number, s1: number, p0: number, p1: number): boolean {
  const k = upperBound(from, s0, s1, p1 - 1); // items starting before p1
  return k > s0 && maxTo[k - 1]! > p0;
}

/** State of one bed on day d; the priority is occupied > blocked > reserved > reserve > free. */
export type BedState = 'occupied' | 'blocked' | 'reserved' | 'reserve' | 'free';

export const BED_STATE_OCCUPIED = 0;
export const BED_STATE_BLOCKED = 1;
export const BED_STATE_RESERVED = 2;
export const BED_STATE_RESERVE = 3;
export const BED_STATE_FREE = 4;
export const BED_STATES: readonly BedState[] = ['occupied', 'blocked', 'reserved', 'reserve', 'free'];

/** Bed state code (BED_STATE_*) on day number d, ignoring whether the accommodation is open. */
export function bedStateCode(ix: OccupancyIndex, b: number, d: number): number {
  const s0 = ix.stayOffset[b]!;
  const s1 = ix.stayOffset[b + 1]!;
  const k = upperBound(ix.stayFrom, s0, s1, d);
  if (k > s0 && ix.stayMaxTo[k - 1]! > d) return BED_STATE_OCCUPIED;
  if (runCovers(ix.blockFrom, ix.blockMaxTo, ix.blockOffset[b]!, ix.blockOffset[b + 1]!, d)) return BED_STATE_BLOCKED;
  if (k < s1 && ix.stayFrom[k]! <= d + ix.lookahead) return BED_STATE_RESERVED;
  return ix.bedReserve[b] ? BED_STATE_RESERVE : BED_STATE_FREE;
}

/** Number of stays covering day d on bed b (more than 1 only for double-booked beds). */
export function residentsOnBed(ix: OccupancyIndex, b: number, d: number): number {
  const s0 = ix.stayOffset[b]!;
  const s1 = ix.stayOffset[b + 1]!;
  const k = upperBound(ix.stayFrom, s0, s1, d);
  if (k === s0 || ix.stayMaxTo[k - 1]! <= d) return 0;
  if (!ix.bedOverlap[b]) return 1;
  let n = 0;
  for (let j = s0; j < k; j++) if (ix.stayTo[j]! > d) n++;
  return n;
}

export function isAccommodationOpen(ix: OccupancyIndex, a: number, d: number): boolean {
  return ix.accOpen[a]! <= d && d < ix.accClose[a]!;
}
