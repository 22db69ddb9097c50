// Daily series over a period and Belegungstage per accommodation and month,
// by a sweep line: every bed contributes +1/-1 deltas at the edges of its
// state intervals, one prefix sum turns deltas into daily counts. Cost is
// O(stays + blocks touching the period + days), independent of the number of
// days times beds. The day rules are those of figures.ts.
import { addMonths, fromDayNumber, toDayNumber } from '../domain/dates';
import type { AccommodationKind, Id, IsoDate } from '../domain/model';
import { finishFigures, emptyFigures, type OccupancyFigures } from './figures';
import { upperBound, type OccupancyIndex } from './occupancyIndex';

export type SeriesScope =
  | { level: 'county' }
  | { level: 'kind'; kind: AccommodationKind }
  | { level: 'municipality'; id: Id }
  | { level: 'accommodation'; id: Id }
  | { level: 'room'; id: Id };

/** Counts per day; index i is day `from + i`. Typed arrays: hand `Array.from(x)` to charts. */
export interface DailySeries {
  from: IsoDate;
  /** Exclusive end. */
  to: IsoDate;
  length: number;
  places: Int32Array;
  occupied: Int32Array;
  reserved: Int32Array;
  blocked: Int32Array;
  reserve: Int32Array;
  free: Int32Array;
  residents: Int32Array;
  areaM2: Float64Array;
}

/** Figures of day i of a series (same shape as figuresAsOf; blockedButOccupied is not tracked: 0). */
export function seriesDay(s: DailySeries, i: number): OccupancyFigures & { day: IsoDate } {
  const f = emptyFigures();
  f.places = s.places[i]!;
  f.occupied = s.occupied[i]!;
  f.reserved = s.reserved[i]!;
  f.blocked = s.blocked[i]!;
  f.reserve = s.reserve[i]!;
  f.free = s.free[i]!;
  f.residents = s.residents[i]!;
  f.areaM2 = s.areaM2[i]!;
  return { ...finishFigures(f), day: fromDayNumber(toDayNumber(s.from) + i) };
}

/** Delta buffers of length n + 1 for days base .. base + n - 1. */
interface Deltas {
  base: number;
  places: Int32Array;
  occupied: Int32Array;
  blocked: Int32Array;
  reserved: Int32Array;
  reserve: Int32Array;
  residents: Int32Array;
}

function newDeltas(base: number, n: number): Deltas {
  return {
    base,
    places: new Int32Array(n + 1),
    occupied: new Int32Array(n + 1),
    blocked: new Int32Array(n + 1),
    reserved: new Int32Array(n + 1),
    reserve: new Int32Array(n + 1),
    residents: new Int32Array(n + 1),
  };
}

function addRange(arr: Int32Array, base: number, from: number, to: number, v: number): void {
  arr[from - base] = arr[from - base]! + v;
  arr[to - base] = arr[to - base]! - v;
}

/**
 * A reusable list of half-open intervals [s0, e0, s1, e1, …] in a typed
 * array with an explicit length: the sweep runs once per bed (35,000 at
 * Berlin scale), and resetting plain arrays with `length = 0` was a third of
 * its time.
 */
class Intervals {
  data = new Int32Array(64);
  n = 0;

  clear(): void {
    this.n = 0;
  }

  push(s: number, e: number): void {
    if (this.n + 2 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.n] = s;
    this.data[this.n + 1] = e;
    this.n += 2;
  }

  /** Appends [s, e) to a union list whose starts arrive in ascending order. */
  unionPush(s: number, e: number): void {
    const n = this.n;
    if (n > 0 && s <= this.data[n - 1]!) {
      if (e > this.data[n - 1]!) this.data[n - 1] = e;
    } else {
      this.push(s, e);
    }
  }
}

// Scratch lists, reused to keep the sweep free of garbage.
const occ = new Intervals();
const blk = new Intervals();
const res = new Intervals();
const tmp = new Intervals();
const tmp2 = new Intervals();

/** out = a \ b for sorted disjoint interval lists. */
function subtract(a: Intervals, b: Intervals, out: Intervals): void {
  out.clear();
  const ad = a.data;
  const bd = b.data;
  const bn = b.n;
  let j = 0;
  for (let i = 0; i < a.n; i += 2) {
    let s = ad[i]!;
    const e = ad[i + 1]!;
    while (j < bn && bd[j + 1]! <= s) j += 2;
    let k = j;
    while (s < e) {
      if (k >= bn || bd[k]! >= e) {
        out.push(s, e);
        break;
      }
      if (bd[k]! > s) out.push(s, bd[k]!);
      s = Math.max(s, bd[k + 1]!);
      k += 2;
    }
  }
}

function addList(arr: Int32Array, base: number, list: Intervals, v: number): void {
  const d = list.data;
  for (let i = 0; i < list.n; i += 2) addRange(arr, base, d[i]!, d[i + 1]!, v);
}

/** Adds the deltas of bed b for days [p0, p1) (already clipped to the period). */
function accumulateBed(ix: OccupancyIndex, b: number, p0: number, p1: number, out: Deltas): void {
  const a = ix.bedAcc[b]!;
  const lo = Math.max(p0, ix.accOpen[a]!);
  const hi = Math.min(p1, ix.accClose[a]!);
  if (lo >= hi) return;
  const base = out.base;
  addRange(out.places, base, lo, hi, 1);

  occ.clear();
  blk.clear();
  res.clear();
  const s0 = ix.stayOffset[b]!;
  const s1 = ix.stayOffset[b + 1]!;
  // First stay whose running max end passes lo: every earlier stay ends before lo.
  let j = upperBound(ix.stayMaxTo, s0, s1, lo);
  const L = ix.lookahead;
  for (; j < s1; j++) {
    const from = ix.stayFrom[j]!;
    if (from >= hi + L) break;
    if (from < hi) {
      const s = Math.max(from, lo);
      const e = Math.min(ix.stayTo[j]!, hi);
      if (s < e) {
        occ.unionPush(s, e);
        addRange(out.residents, base, s, e, 1);
      }
    }
    // Reservation window of this stay: days [from - L, from).
    if (from > lo) {
      const s = Math.max(from - L, lo);
      const e = Math.min(from, hi);
      if (s < e) res.unionPush(s, e);
    }
  }
  const k0 = ix.blockOffset[b]!;
  const k1 = ix.blockOffset[b + 1]!;
  for (let k = k0; k < k1; k++) {
    const from = ix.blockFrom[k]!;
    if (from >= hi) break;
    const s = Math.max(from, lo);
    const e = Math.min(ix.blockTo[k]!, hi);
    if (s < e) blk.unionPush(s, e);
  }

  addList(out.occupied, base, occ, 1);
  if (blk.n === 0 && !ix.bedReserve[b]) {
    // The common bed: no block in the period, not a reserve place.
    if (res.n > 0) {
      subtract(res, occ, tmp); // reserved only where not occupied
      addList(out.reserved, base, tmp, 1);
    }
    return;
  }
  subtract(blk, occ, tmp); // blocked only where not occupied
  addList(out.blocked, base, tmp, 1);
  subtract(res, occ, tmp2);
  subtract(tmp2, blk, tmp); // reserved only where neither occupied nor blocked
  addList(out.reserved, base, tmp, 1);
  if (ix.bedReserve[b]) {
    // A reserve place is 'reserve' whenever it is in no other state.
    addRange(out.reserve, base, lo, hi, 1);
    addList(out.reserve, base, occ, -1);
    subtract(blk, occ, tmp2);
    addList(out.reserve, base, tmp2, -1);
    addList(out.reserve, base, tmp, -1);
  }
}

/**
 * The rooms a scope covers as ascending position ranges [r0, r1, …]. Rooms
 * are grouped by accommodation and beds by room, so the beds of rooms
 * [r0, r1) are the positions [roomBedOffset[r0], roomBedOffset[r1]): a
 * scope's beds are visited without testing the other 35,000.
 */
function roomRanges(ix: OccupancyIndex, scope: SeriesScope): number[] {
  switch (scope.level) {
    case 'county':
      return [0, ix.rooms.length];
    case 'kind':
    case 'municipality': {
      const out: number[] = [];
      for (let a = 0; a < ix.accommodations.length; a++) {
        const acc = ix.accommodations[a]!;
        const match = scope.level === 'kind' ? acc.kind === scope.kind : acc.municipalityId === scope.id;
        if (match) out.push(ix.accRoomOffset[a]!, ix.accRoomOffset[a + 1]!);
      }
      return out;
    }
    case 'accommodation': {
      const a = ix.accIndexById.get(scope.id);
      return a === undefined ? [] : [ix.accRoomOffset[a]!, ix.accRoomOffset[a + 1]!];
    }
    case 'room': {
      const r = ix.roomIndexById.get(scope.id);
      return r === undefined ? [] : [r, r + 1];
    }
  }
}

/** Daily figures for [from, to) (to exclusive) over the scope (default: county). */
export function dailySeries(ix: OccupancyIndex, from: IsoDate, to: IsoDate, scope: SeriesScope = { level: 'county' }): DailySeries {
  const p0 = toDayNumber(from);
  const p1 = Math.max(p0, toDayNumber(to));
  const n = p1 - p0;
  const dl = newDeltas(p0, n);
  const ranges = roomRanges(ix, scope);
  // Area: rooms count on the days their accommodation is open. Rooms are
  // visited in ascending position, so the float sums match a plain scan.
  const area = new Float64Array(n + 1);
  for (let i = 0; i < ranges.length; i += 2) {
    const r0 = ranges[i]!;
    const r1 = ranges[i + 1]!;
    for (let b = ix.roomBedOffset[r0]!; b < ix.roomBedOffset[r1]!; b++) accumulateBed(ix, b, p0, p1, dl);
    for (let r = r0; r < r1; r++) {
      const a = ix.roomAcc[r]!;
      const lo = Math.max(p0, ix.accOpen[a]!);
      const hi = Math.min(p1, ix.accClose[a]!);
      if (lo >= hi) continue;
      area[lo - p0] = area[lo - p0]! + ix.roomArea[r]!;
      area[hi - p0] = area[hi - p0]! - ix.roomArea[r]!;
    }
  }

  const s: DailySeries = {
    from,
    to: fromDayNumber(p1),
    length: n,
    places: new Int32Array(n),
    occupied: new Int32Array(n),
    reserved: new Int32Array(n),
    blocked: new Int32Array(n),
    reserve: new Int32Array(n),
    free: new Int32Array(n),
    residents: new Int32Array(n),
    areaM2: new Float64Array(n),
  };
  let places = 0;
  let occupied = 0;
  let reserved = 0;
  let blocked = 0;
  let reserve = 0;
  let residents = 0;
  let areaSum = 0;
  for (let i = 0; i < n; i++) {
    places += dl.places[i]!;
    occupied += dl.occupied[i]!;
    reserved += dl.reserved[i]!;
    blocked += dl.blocked[i]!;
    reserve += dl.reserve[i]!;
    residents += dl.residents[i]!;
    areaSum += area[i]!;
    s.places[i] = places;
    s.occupied[i] = occupied;
    s.reserved[i] = reserved;
    s.blocked[i] = blocked;
    s.reserve[i] = reserve;
    s.free[i] = places - occupied - reserved - blocked - reserve;
    s.residents[i] = residents;
    // Running float sums drift; rounding to 1/1000 m² keeps the series exact for practical areas.
    s.areaM2[i] = Math.round(areaSum * 1000) / 1000;
  }
  return s;
}

/** Belegungstage and monthly occupancy of one accommodation in one month. */
export interface MonthlyOccupancy {
  accommodationId: Id;
  /** `YYYY-MM`. */
  month: string;
  /** Days the accommodation was open in the month. */
  openDays: number;
  /** Belegungstage: person-days, counted from the move-in day to the day before move-out. */
  occupancyDays: number;
  /** Bed-days with at least one person (differs only for double-booked beds). */
  occupiedBedDays: number;
  /** Place-days (places × open days). */
  placeDays: number;
  /** occupiedBedDays / placeDays; null without places. */
  rate: number | null;
}

/**
 * Belegungstage per accommodation and month for the months fromMonth ..
 * toMonth (both inclusive, `YYYY-MM`). Only rows with place-days > 0 (the
 * accommodation was open and had beds) are returned, ordered by accommodation
 * name, then month.
 */
export function occupancyDaysByMonth(ix: OccupancyIndex, fromMonth: string, toMonth: string): MonthlyOccupancy[] {
  const first = `${fromMonth}-01`;
  const end = addMonths(`${toMonth}-01`, 1);
  const p0 = toDayNumber(first);
  const p1 = toDayNumber(end);
  if (p1 <= p0) return [];
  const n = p1 - p0;
  // Month boundaries as day offsets.
  const months: { key: string; start: number; end: number }[] = [];
  for (let m = first; m < end; m = addMonths(m, 1)) {
    months.push({ key: m.slice(0, 7), start: toDayNumber(m) - p0, end: toDayNumber(addMonths(m, 1)) - p0 });
  }
  const out: MonthlyOccupancy[] = [];
  const dl = newDeltas(p0, n);
  for (let a = 0; a < ix.accommodations.length; a++) {
    const b0 = ix.accBedOffset[a]!;
    const b1 = ix.accBedOffset[a + 1]!;
    if (b0 === b1) continue;
    dl.places.fill(0);
    dl.occupied.fill(0);
    dl.residents.fill(0);
    for (let b = b0; b < b1; b++) accumulateBed(ix, b, p0, p1, dl);
    let places = 0;
    let occupied = 0;
    let residents = 0;
    let mi = 0;
    let row = newRow(ix.accommodations[a]!.id, months[0]!.key);
    for (let i = 0; i < n; i++) {
      while (i >= months[mi]!.end) {
        if (row.placeDays > 0) out.push(finishRow(row));
        mi++;
        row = newRow(ix.accommodations[a]!.id, months[mi]!.key);
      }
      places += dl.places[i]!;
      occupied += dl.occupied[i]!;
      residents += dl.residents[i]!;
      if (places > 0) row.openDays++;
      row.placeDays += places;
      row.occupiedBedDays += occupied;
      row.occupancyDays += residents;
    }
    if (row.placeDays > 0) out.push(finishRow(row));
  }
  return out;
}

function newRow(accommodationId: Id, month: string): MonthlyOccupancy {
  return { accommodationId, month, openDays: 0, occupancyDays: 0, occupiedBedDays: 0, placeDays: 0, rate: null };
}

function finishRow(r: MonthlyOccupancy): MonthlyOccupancy {
  r.rate = r.placeDays > 0 ? r.occupiedBedDays / r.placeDays : null;
  return r;
}
