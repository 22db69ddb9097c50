// Free-place finder: ranks concrete beds for a person or household over a
// period. Hard rules (a bed is never offered otherwise):
// - the accommodation is open over the whole period (openedOn <= from, and
//   to <= closedOn; an open-ended request needs closedOn = null) and its
//   status is not 'closed' ('closing' only with includeClosing);
// - the bed is not a reserve place and has no stay (current or planned) and
//   no block overlapping the period;
// - the room fits the group: restriction (restrictions.ts, applied to the
//   persons being placed) and barrier-free when anyone needs it;
// - the household stays together: all in one room, or else all in one unit
//   (flat or building) across several rooms. Never split across units.
// Over-capacity cannot happen: only free beds are offered, one per person.
// Ranking (higher is better), so the explanation stays honest:
// - one room (1000) beats one unit (600, minus 50 per extra room);
// - leftover free beds in the room cost 5 each (big rooms stay for big
//   households, singles fill partly used rooms);
// - a household sharing a room with other people in the period: −300; a
//   single person with occupants of another sex in an unrestricted room: −300;
// - a restricted room used for its purpose: +40;
// - a barrier-free room for a group that does not need it: −60;
// - the preferred accommodation kind (e.g. flats after 12 months): +100.
// Equal scores are ordered by the position of the (first) room in the index
// (accommodation name, unit name, room number), so the ranking is a total,
// deterministic order. Only the best `limit` suggestions are kept while
// scanning, and the occupant scan (for the sharing penalties) is skipped for
// rooms whose unpenalised score cannot enter them; the result is exactly the
// first `limit` of the full ranking (property test against the exhaustive
// version in test/unit/occupancy/finderReference.ts).
import { toDayNumber } from '../domain/dates';
import type { AccommodationKind, Id, IsoDate, Person, Room } from '../domain/model';
import { OPEN_END, runOverlaps, type OccupancyIndex } from './occupancyIndex';
import { fitsRestriction } from './restrictions';

export interface PlaceSeeker extends Pick<Person, 'sex' | 'birthDate' | 'needsBarrierFree'> {
  id?: Id;
  householdId?: Id | null;
}

export interface PlaceRequest {
  persons: readonly PlaceSeeker[];
  householdId?: Id | null;
  from: IsoDate;
  /** Exclusive end; null = open-ended. */
  to: IsoDate | null;
}

export interface FindPlacesOptions {
  /** Maximum suggestions (default 10). */
  limit?: number;
  /** Search only these accommodations. */
  accommodationIds?: readonly Id[];
  /** Only this kind. */
  kind?: AccommodationKind;
  /** Rank this kind higher. */
  preferKind?: AccommodationKind;
  /** Allow one unit across several rooms when no single room fits (default true). */
  allowSplitRooms?: boolean;
  /** Also offer accommodations with status 'closing' (default false). */
  includeClosing?: boolean;
  /** Beds already taken by the caller's plan. */
  excludeBedIds?: readonly Id[];
}

export interface SuggestionExplanation {
  /** 'finder.sameRoom' or 'finder.sameUnit' in the rules namespace. */
  code: 'finder.sameRoom' | 'finder.sameUnit';
  params: {
    /** Room restriction: none | women | men | family (translated via finder.roomType.*). */
    roomType: Room['restriction'];
    /** barrierFree | notBarrierFree (translated via finder.access.*). */
    access: 'barrierFree' | 'notBarrierFree';
    /** Free beds for the period in the room (or unit's chosen rooms). */
    free: number;
    /** Places in the room (or the unit's chosen rooms). */
    places: number;
    rooms: number;
    accommodation: string;
    unit: string;
    room: string;
  };
}

export interface PlaceSuggestion {
  accommodationId: Id;
  unitId: Id;
  roomIds: Id[];
  /** One bed per person, in the order of request.persons. */
  bedIds: Id[];
  score: number;
  explanation: SuggestionExplanation;
}

interface RoomCandidate {
  r: number;
  room: Room;
  freeBeds: number[];
  places: number;
  /** Occupant facts for the period, computed on first use (see occupantsOf). */
  scanned: boolean;
  sharedWithOthers: boolean;
  otherSex: boolean;
}

/** A ranked suggestion before it is turned into a PlaceSuggestion (only the top `limit` ever are). */
interface Ranked {
  score: number;
  /** Position of the (first) room in the index: the tie-break, unique per suggestion. */
  order: number;
  a: number;
  unitId: Id;
  /** 'finder.sameRoom' (one room) or 'finder.sameUnit' (the unit's chosen rooms by position). */
  sameRoom: boolean;
  rooms: RoomCandidate[];
  /** Free beds in those rooms. */
  free: number;
}

/** x ranks before y: higher score, then lower room position. */
function ranksBefore(score: number, order: number, y: Ranked): boolean {
  return score > y.score || (score === y.score && order < y.order);
}

/**
 * The best `k` suggestions seen so far, in rank order. Because the ranking
 * is a total order (score, then the unique room position), keeping the top k
 * while scanning gives exactly the first k of sorting everything. For a
 * large k (or all) it simply collects and sorts once at the end.
 */
class TopK {
  private readonly items: Ranked[] = [];
  private readonly collectAll: boolean;
  constructor(private readonly k: number) {
    this.collectAll = k > 256;
  }

  /** True when a suggestion scoring at most `score` at position `order` cannot get in. */
  excludes(score: number, order: number): boolean {
    const n = this.items.length;
    return !this.collectAll && n >= this.k && !ranksBefore(score, order, this.items[n - 1]!);
  }

  add(entry: Ranked): void {
    const items = this.items;
    if (this.collectAll) {
      items.push(entry);
      return;
    }
    if (this.excludes(entry.score, entry.order)) return;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ranksBefore(entry.score, entry.order, items[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    items.splice(lo, 0, entry);
    if (items.length > this.k) items.pop();
  }

  ranked(): Ranked[] {
    if (this.collectAll) this.items.sort((x, y) => y.score - x.score || x.order - y.order);
    return this.items;
  }
}

export function findPlaces(ix: OccupancyIndex, request: PlaceRequest, options: FindPlacesOptions = {}): PlaceSuggestion[] {
  const n = request.persons.length;
  if (n === 0) return [];
  const p0 = toDayNumber(request.from);
  const p1 = request.to === null ? OPEN_END : toDayNumber(request.to);
  if (p1 <= p0) return [];
  const limit = options.limit ?? 10;
  // How many ranked suggestions to keep; a negative or NaN limit keeps them
  // all and the final slice applies Array.prototype.slice's own rules.
  const keep = limit >= 0 ? Math.floor(limit) : Number.POSITIVE_INFINITY;
  const allowSplit = options.allowSplitRooms ?? true;
  // Several rooms of one unit are only ever considered for two or more persons.
  const splitPossible = allowSplit && n >= 2;
  const onlyAcc = options.accommodationIds ? new Set(options.accommodationIds) : null;
  const excluded = new Set(options.excludeBedIds ?? []);
  const needsBarrierFree = request.persons.some((p) => p.needsBarrierFree);
  const householdId = request.householdId ?? request.persons[0]?.householdId ?? null;
  const singleSex = n === 1 ? request.persons[0]!.sex : null;
  // Restriction fit depends only on the restriction value: decide it once per request.
  const fitsByRestriction: Record<Room['restriction'], boolean> = {
    none: true,
    women: request.persons.every((p) => fitsRestriction('women', p, request.persons, request.from)),
    men: request.persons.every((p) => fitsRestriction('men', p, request.persons, request.from)),
    family: request.persons.every((p) => fitsRestriction('family', p, request.persons, request.from)),
  };
  const fits = (room: Room): boolean => (!needsBarrierFree || room.barrierFree) && fitsByRestriction[room.restriction];
  // Checked after the request is evaluated, so bad input fails as before.
  if (keep === 0) return [];

  /** Who else lives in the room during the period (ranking only); scanned only for rooms that can still rank. */
  const occupantsOf = (c: RoomCandidate): RoomCandidate => {
    if (c.scanned) return c;
    c.scanned = true;
    for (let b = ix.roomBedOffset[c.r]!; b < ix.roomBedOffset[c.r + 1]!; b++) {
      for (let j = ix.stayOffset[b]!; j < ix.stayOffset[b + 1]!; j++) {
        if (ix.stayFrom[j]! >= p1 || ix.stayTo[j]! <= p0) continue;
        const stay = ix.stays[j]!;
        if (householdId === null || stay.householdId !== householdId) c.sharedWithOthers = true;
        if (singleSex !== null) {
          const sex = ix.persons.get(stay.personId)?.sex;
          if (sex !== undefined && sex !== singleSex) c.otherSex = true;
        }
      }
    }
    return c;
  };

  const top = new TopK(keep);
  for (let a = 0; a < ix.accommodations.length; a++) {
    const acc = ix.accommodations[a]!;
    if (onlyAcc && !onlyAcc.has(acc.id)) continue;
    if (options.kind && acc.kind !== options.kind) continue;
    if (acc.status === 'closed' || (acc.status === 'closing' && !options.includeClosing)) continue;
    if (ix.accOpen[a]! > p0 || p1 > ix.accClose[a]!) continue;
    const kindBonus = options.preferKind && acc.kind === options.preferKind ? 100 : 0;

    let byUnit: Map<Id, RoomCandidate[]> | null = null;
    for (let r = ix.accRoomOffset[a]!; r < ix.accRoomOffset[a + 1]!; r++) {
      const room = ix.rooms[r]!;
      const b0 = ix.roomBedOffset[r]!;
      const b1 = ix.roomBedOffset[r + 1]!;
      // Without a split only a room that holds everyone counts.
      if (!splitPossible && b1 - b0 < n) continue;
      if (!fits(room)) continue;
      let freeBeds: number[] | null = null;
      for (let b = b0; b < b1; b++) {
        if (ix.bedReserve[b]) continue;
        if (runOverlaps(ix.stayFrom, ix.stayMaxTo, ix.stayOffset[b]!, ix.stayOffset[b + 1]!, p0, p1)) continue;
        if (runOverlaps(ix.blockFrom, ix.blockMaxTo, ix.blockOffset[b]!, ix.blockOffset[b + 1]!, p0, p1)) continue;
        if (excluded.size > 0 && excluded.has(ix.beds[b]!.id)) continue;
        (freeBeds ??= []).push(b);
      }
      if (freeBeds === null) continue;
      if (!splitPossible && freeBeds.length < n) continue;
      const cand: RoomCandidate = { r, room, freeBeds, places: b1 - b0, scanned: false, sharedWithOthers: false, otherSex: false };
      byUnit ??= new Map();
      const list = byUnit.get(room.unitId);
      if (list) list.push(cand);
      else byUnit.set(room.unitId, [cand]);
    }
    if (byUnit === null) continue;

    for (const [unitId, rooms] of byUnit) {
      let anySingleRoom = false;
      for (const c of rooms) {
        if (c.freeBeds.length < n) continue;
        anySingleRoom = true;
        // Penalties only lower a score: skip the occupant scan when even the
        // unpenalised score cannot enter the top.
        const best = 1000 - 5 * (c.freeBeds.length - n) + roomBonus(c.room, needsBarrierFree) + kindBonus;
        if (top.excludes(best, c.r)) continue;
        let score = best;
        if (n > 1 && occupantsOf(c).sharedWithOthers) score -= 300;
        if (n === 1 && c.room.restriction === 'none' && occupantsOf(c).otherSex) score -= 300;
        top.add({ score, order: c.r, a, unitId, sameRoom: true, rooms: [c], free: c.freeBeds.length });
      }
      if (anySingleRoom || !splitPossible) continue;
      // Several rooms of one unit: fewest rooms first (largest free counts).
      const sorted = [...rooms].sort((x, y) => y.freeBeds.length - x.freeBeds.length || x.r - y.r);
      const chosen: RoomCandidate[] = [];
      let got = 0;
      for (const c of sorted) {
        if (got >= n) break;
        chosen.push(c);
        got += c.freeBeds.length;
      }
      if (got < n) continue;
      chosen.sort((x, y) => x.r - y.r);
      let minBonus = Number.POSITIVE_INFINITY;
      for (const c of chosen) minBonus = Math.min(minBonus, roomBonus(c.room, needsBarrierFree));
      const best = 600 - 50 * (chosen.length - 1) - 5 * (got - n) + minBonus + kindBonus;
      const order = chosen[0]!.r;
      if (top.excludes(best, order)) continue;
      const score = chosen.some((c) => occupantsOf(c).sharedWithOthers) ? best - 300 : best;
      top.add({ score, order, a, unitId, sameRoom: false, rooms: chosen, free: got });
    }
  }
  return top
    .ranked()
    .slice(0, limit)
    .map((s) => toSuggestion(ix, s, n));
}

function toSuggestion(ix: OccupancyIndex, s: Ranked, n: number): PlaceSuggestion {
  const acc = ix.accommodations[s.a]!;
  const unitName = ix.units.get(s.unitId)?.name ?? '';
  const beds: number[] = [];
  for (const c of s.rooms) for (const b of c.freeBeds) if (beds.length < n) beds.push(b);
  const first = s.rooms[0]!.room;
  const base = {
    accommodationId: acc.id,
    unitId: s.unitId,
    roomIds: s.rooms.map((c) => c.room.id),
    bedIds: beds.map((b) => ix.beds[b]!.id),
    score: s.score,
  };
  if (s.sameRoom) {
    return {
      ...base,
      explanation: {
        code: 'finder.sameRoom',
        params: {
          roomType: first.restriction,
          access: first.barrierFree ? 'barrierFree' : 'notBarrierFree',
          free: s.free,
          places: s.rooms[0]!.places,
          rooms: 1,
          accommodation: acc.name,
          unit: unitName,
          room: first.number,
        },
      },
    };
  }
  const restrictions = new Set(s.rooms.map((c) => c.room.restriction));
  return {
    ...base,
    explanation: {
      code: 'finder.sameUnit',
      params: {
        roomType: restrictions.size === 1 ? first.restriction : 'none',
        access: s.rooms.every((c) => c.room.barrierFree) ? 'barrierFree' : 'notBarrierFree',
        free: s.free,
        places: s.rooms.reduce((sum, c) => sum + c.places, 0),
        rooms: s.rooms.length,
        accommodation: acc.name,
        unit: unitName,
        room: s.rooms.map((c) => c.room.number).join(', '),
      },
    },
  };
}

function roomBonus(room: Room, needsBarrierFree: boolean): number {
  let bonus = 0;
  if (room.restriction !== 'none') bonus += 40; // a specialised room used for its purpose (fit is checked before)
  if (room.barrierFree && !needsBarrierFree) bonus -= 60;
  return bonus;
}
