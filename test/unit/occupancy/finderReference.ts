// The free-place finder as it was before the performance work: builds every
// suggestion, sorts them all, then cuts to the limit. Kept verbatim (only
// renamed) so the property test can check that the pruned, top-k finder in
// shared/occupancy/finder.ts returns exactly the same suggestions.
import { toDayNumber } from '../../../shared/domain/dates';
import type { Id, Room } from '../../../shared/domain/model';
import { OPEN_END, runOverlaps, type OccupancyIndex } from '../../../shared/occupancy/occupancyIndex';
import type { FindPlacesOptions, PlaceRequest, PlaceSuggestion } from '../../../shared/occupancy/finder';
import { fitsRestriction } from '../../../shared/occupancy/restrictions';

interface RoomCandidate {
  r: number;
  room: Room;
  freeBeds: number[];
  places: number;
  sharedWithOthers: boolean;
  otherSex: boolean;
}

export function exhaustiveFindPlaces(ix: OccupancyIndex, request: PlaceRequest, options: FindPlacesOptions = {}): PlaceSuggestion[] {
  const n = request.persons.length;
  if (n === 0) return [];
  const p0 = toDayNumber(request.from);
  const p1 = request.to === null ? OPEN_END : toDayNumber(request.to);
  if (p1 <= p0) return [];
  const limit = options.limit ?? 10;
  const allowSplit = options.allowSplitRooms ?? true;
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

  const suggestions: (PlaceSuggestion & { order: number })[] = [];
  for (let a = 0; a < ix.accommodations.length; a++) {
    const acc = ix.accommodations[a]!;
    if (onlyAcc && !onlyAcc.has(acc.id)) continue;
    if (options.kind && acc.kind !== options.kind) continue;
    if (acc.status === 'closed' || (acc.status === 'closing' && !options.includeClosing)) continue;
    if (ix.accOpen[a]! > p0 || p1 > ix.accClose[a]!) continue;

    const byUnit = new Map<Id, RoomCandidate[]>();
    for (let r = ix.accRoomOffset[a]!; r < ix.accRoomOffset[a + 1]!; r++) {
      const room = ix.rooms[r]!;
      if (!fits(room)) continue;
      const freeBeds: number[] = [];
      const b0 = ix.roomBedOffset[r]!;
      const b1 = ix.roomBedOffset[r + 1]!;
      for (let b = b0; b < b1; b++) {
        if (ix.bedReserve[b]) continue;
        if (runOverlaps(ix.stayFrom, ix.stayMaxTo, ix.stayOffset[b]!, ix.stayOffset[b + 1]!, p0, p1)) continue;
        if (runOverlaps(ix.blockFrom, ix.blockMaxTo, ix.blockOffset[b]!, ix.blockOffset[b + 1]!, p0, p1)) continue;
        if (excluded.size > 0 && excluded.has(ix.beds[b]!.id)) continue;
        freeBeds.push(b);
      }
      if (freeBeds.length === 0) continue;
      // Who else lives in the room during the period (for ranking only).
      let sharedWithOthers = false;
      let otherSex = false;
      for (let b = b0; b < b1; b++) {
        for (let j = ix.stayOffset[b]!; j < ix.stayOffset[b + 1]!; j++) {
          if (ix.stayFrom[j]! >= p1 || ix.stayTo[j]! <= p0) continue;
          const stay = ix.stays[j]!;
          if (householdId === null || stay.householdId !== householdId) sharedWithOthers = true;
          if (singleSex !== null) {
            const sex = ix.persons.get(stay.personId)?.sex;
            if (sex !== undefined && sex !== singleSex) otherSex = true;
          }
        }
      }
      const cand: RoomCandidate = { r, room, freeBeds, places: b1 - b0, sharedWithOthers, otherSex };
      const list = byUnit.get(room.unitId);
      if (list) list.push(cand);
      else byUnit.set(room.unitId, [cand]);
    }

    for (const [unitId, rooms] of byUnit) {
      const unitName = ix.units.get(unitId)?.name ?? '';
      let anySingleRoom = false;
      for (const c of rooms) {
        if (c.freeBeds.length < n) continue;
        anySingleRoom = true;
        let score = 1000 - 5 * (c.freeBeds.length - n);
        if (n > 1 && c.sharedWithOthers) score -= 300;
        if (n === 1 && c.room.restriction === 'none' && c.otherSex) score -= 300;
        score += roomBonus(c.room, needsBarrierFree);
        if (options.preferKind && acc.kind === options.preferKind) score += 100;
        suggestions.push({
          accommodationId: acc.id,
          unitId,
          roomIds: [c.room.id],
          bedIds: c.freeBeds.slice(0, n).map((b) => ix.beds[b]!.id),
          score,
          order: c.r,
          explanation: {
            code: 'finder.sameRoom',
            params: {
              roomType: c.room.restriction,
              access: c.room.barrierFree ? 'barrierFree' : 'notBarrierFree',
              free: c.freeBeds.length,
              places: c.places,
              rooms: 1,
              accommodation: acc.name,
              unit: unitName,
              room: c.room.number,
            },
          },
        });
      }
      if (anySingleRoom || !allowSplit || n < 2) continue;
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
      const beds: number[] = [];
      for (const c of chosen) for (const b of c.freeBeds) if (beds.length < n) beds.push(b);
      let score = 600 - 50 * (chosen.length - 1) - 5 * (got - n);
      if (chosen.some((c) => c.sharedWithOthers)) score -= 300;
      score += Math.min(...chosen.map((c) => roomBonus(c.room, needsBarrierFree)));
      if (options.preferKind && acc.kind === options.preferKind) score += 100;
      const first = chosen[0]!.room;
      const restrictions = new Set(chosen.map((c) => c.room.restriction));
      suggestions.push({
        accommodationId: acc.id,
        unitId,
        roomIds: chosen.map((c) => c.room.id),
        bedIds: beds.map((b) => ix.beds[b]!.id),
        score,
        order: chosen[0]!.r,
        explanation: {
          code: 'finder.sameUnit',
          params: {
            roomType: restrictions.size === 1 ? first.restriction : 'none',
            access: chosen.every((c) => c.room.barrierFree) ? 'barrierFree' : 'notBarrierFree',
            free: got,
            places: chosen.reduce((s, c) => s + c.places, 0),
            rooms: chosen.length,
            accommodation: acc.name,
            unit: unitName,
            room: chosen.map((c) => c.room.number).join(', '),
          },
        },
      });
    }
  }
  suggestions.sort((x, y) => y.score - x.score || x.order - y.order);
  return suggestions.slice(0, limit).map(({ order: _order, ...s }) => s);
}

function roomBonus(room: Room, needsBarrierFree: boolean): number {
  let bonus = 0;
  if (room.restriction !== 'none') bonus += 40; // a specialised room used for its purpose (fit is checked before)
  if (room.barrierFree && !needsBarrierFree) bonus -= 60;
  return bonus;
}
