// Naive reference implementation of the occupancy rules in figures.ts and
// series.ts. It loops over everything for every day and shares no code with
// the index, so property tests and the bench can check that the fast engine
// gives identical answers. Far too slow for production use at scale.
import { addDays, addMonths, dayInPeriod, diffDays } from '../domain/dates';
import type { AccommodationKind, Bed, Id, IsoDate } from '../domain/model';
import type { BedState } from './occupancyIndex';
import { DEFAULT_RESERVATION_LOOKAHEAD_DAYS, type OccupancySource } from './occupancyIndex';
import { emptyFigures, finishFigures, type OccupancyFigures } from './figures';

interface Counted {
  bed: Bed;
  roomId: Id;
  accommodationId: Id;
}

function countedBeds(data: OccupancySource): Counted[] {
  const out: Counted[] = [];
  for (const bed of data.beds) {
    if (bed.deleted) continue;
    const room = data.rooms.find((r) => r.id === bed.roomId && !r.deleted);
    if (!room) continue;
    const acc = data.accommodations.find((a) => a.id === room.accommodationId && !a.deleted);
    if (!acc) continue;
    out.push({ bed, roomId: room.id, accommodationId: acc.id });
  }
  return out;
}

function isOpen(data: OccupancySource, accommodationId: Id, day: IsoDate): boolean {
  const acc = data.accommodations.find((a) => a.id === accommodationId)!;
  return dayInPeriod(day, acc.openedOn, acc.closedOn);
}

function activeStays(data: OccupancySource, bedId: Id) {
  return data.stays.filter((s) => s.bedId === bedId && !s.deleted && !s.cancelled && (s.to === null || s.from < s.to));
}

export function naiveBedState(data: OccupancySource, bed: Bed, day: IsoDate, lookahead = DEFAULT_RESERVATION_LOOKAHEAD_DAYS): BedState {
  const stays = activeStays(data, bed.id);
  if (stays.some((s) => dayInPeriod(day, s.from, s.to))) return 'occupied';
  const blocked = data.bedBlocks.some(
    (b) => b.bedId === bed.id && !b.deleted && (b.until === null || b.from < b.until) && dayInPeriod(day, b.from, b.until),
  );
  if (blocked) return 'blocked';
  const limit = addDays(day, lookahead);
  if (stays.some((s) => s.from > day && s.from <= limit)) return 'reserved';
  return bed.reserve ? 'reserve' : 'free';
}

function naiveBedFigures(data: OccupancySource, c: Counted, day: IsoDate, lookahead: number): OccupancyFigures {
  const f = emptyFigures();
  f.places = 1;
  const state = naiveBedState(data, c.bed, day, lookahead);
  f[state] = 1;
  if (state === 'occupied') {
    f.residents = activeStays(data, c.bed.id).filter((s) => dayInPeriod(day, s.from, s.to)).length;
    const blocked = data.bedBlocks.some(
      (b) => b.bedId === c.bed.id && !b.deleted && (b.until === null || b.from < b.until) && dayInPeriod(day, b.from, b.until),
    );
    if (blocked) f.blockedButOccupied = 1;
  }
  return f;
}

export interface NaiveFigures {
  county: OccupancyFigures;
  byKind: Record<AccommodationKind, OccupancyFigures>;
  byMunicipality: Record<Id, OccupancyFigures>;
  byAccommodation: Record<Id, OccupancyFigures>;
  byRoom: Record<Id, OccupancyFigures>;
}

function add(a: OccupancyFigures, b: OccupancyFigures): void {
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

export function naiveFiguresAsOf(data: OccupancySource, day: IsoDate, lookahead = DEFAULT_RESERVATION_LOOKAHEAD_DAYS): NaiveFigures {
  const result: NaiveFigures = { county: emptyFigures(), byKind: { gu: emptyFigures(), flat: emptyFigures() }, byMunicipality: {}, byAccommodation: {}, byRoom: {} };
  for (const acc of data.accommodations) {
    if (acc.deleted || !dayInPeriod(day, acc.openedOn, acc.closedOn)) continue;
    const accF = emptyFigures();
    for (const room of data.rooms) {
      if (room.deleted || room.accommodationId !== acc.id) continue;
      const roomF = emptyFigures();
      roomF.areaM2 = room.areaM2;
      for (const c of countedBeds(data)) {
        if (c.roomId === room.id) add(roomF, naiveBedFigures(data, c, day, lookahead));
      }
      result.byRoom[room.id] = finishFigures(roomF);
      add(accF, roomF);
    }
    result.byAccommodation[acc.id] = finishFigures(accF);
    add(result.county, accF);
    add(result.byKind[acc.kind], accF);
    add((result.byMunicipality[acc.municipalityId] ??= emptyFigures()), accF);
  }
  finishFigures(result.county);
  finishFigures(result.byKind.gu);
  finishFigures(result.byKind.flat);
  for (const f of Object.values(result.byMunicipality)) finishFigures(f);
  return result;
}

/** County (or one accommodation's) figures for every day of [from, to). */
export function naiveDailySeries(
  data: OccupancySource,
  from: IsoDate,
  to: IsoDate,
  accommodationId?: Id,
  lookahead = DEFAULT_RESERVATION_LOOKAHEAD_DAYS,
): OccupancyFigures[] {
  const out: OccupancyFigures[] = [];
  for (let day = from; day < to; day = addDays(day, 1)) {
    const f = naiveFiguresAsOf(data, day, lookahead);
    out.push(accommodationId === undefined ? f.county : (f.byAccommodation[accommodationId] ?? finishFigures(emptyFigures())));
  }
  return out;
}

/** Belegungstage (person-days in open accommodations) per accommodation for one month `YYYY-MM`. */
export function naiveOccupancyDays(data: OccupancySource, month: string): Record<Id, number> {
  const first = `${month}-01`;
  const days = diffDays(first, addMonths(first, 1));
  const out: Record<Id, number> = {};
  const counted = countedBeds(data);
  for (let i = 0; i < days; i++) {
    const day = addDays(first, i);
    for (const c of counted) {
      if (!isOpen(data, c.accommodationId, day)) continue;
      const n = activeStays(data, c.bed.id).filter((s) => dayInPeriod(day, s.from, s.to)).length;
      if (n > 0) out[c.accommodationId] = (out[c.accommodationId] ?? 0) + n;
    }
  }
  return out;
}
