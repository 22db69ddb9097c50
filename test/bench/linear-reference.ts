// A straightforward, index-free occupancy count used as the bench baseline at
// scale: one pass over all beds, stays and blocks per queried day. The
// quadratic reference in shared/occupancy/reference.ts (used by the property
// tests) is too slow for Berlin scale, so the bench uses this one and first
// checks that it gives exactly the engine's county figures.
import { addDays } from '../../shared/domain/dates';
import type { Id, IsoDate } from '../../shared/domain/model';
import { DEFAULT_RESERVATION_LOOKAHEAD_DAYS, type OccupancySource } from '../../shared/occupancy';

export interface CountyCounts {
  places: number;
  occupied: number;
  reserved: number;
  blocked: number;
  reserve: number;
  free: number;
  residents: number;
}

export function linearCountyFigures(data: OccupancySource, day: IsoDate, lookahead = DEFAULT_RESERVATION_LOOKAHEAD_DAYS): CountyCounts {
  const openAcc = new Set<Id>();
  for (const a of data.accommodations) if (!a.deleted && a.openedOn <= day && (a.closedOn === null || day < a.closedOn)) openAcc.add(a.id);
  const roomOpen = new Set<Id>();
  for (const r of data.rooms) if (!r.deleted && openAcc.has(r.accommodationId)) roomOpen.add(r.id);
  const limit = addDays(day, lookahead);
  const residents = new Map<Id, number>();
  const reservedBeds = new Set<Id>();
  for (const s of data.stays) {
    if (s.deleted || s.cancelled || (s.to !== null && s.from >= s.to)) continue;
    if (s.from <= day && (s.to === null || day < s.to)) residents.set(s.bedId, (residents.get(s.bedId) ?? 0) + 1);
    else if (s.from > day && s.from <= limit) reservedBeds.add(s.bedId);
  }
  const blockedBeds = new Set<Id>();
  for (const b of data.bedBlocks) {
    if (b.deleted || (b.until !== null && b.from >= b.until)) continue;
    if (b.from <= day && (b.until === null || day < b.until)) blockedBeds.add(b.bedId);
  }
  const c: CountyCounts = { places: 0, occupied: 0, reserved: 0, blocked: 0, reserve: 0, free: 0, residents: 0 };
  for (const bed of data.beds) {
    if (bed.deleted || !roomOpen.has(bed.roomId)) continue;
    c.places++;
    const n = residents.get(bed.id) ?? 0;
    if (n > 0) {
      c.occupied++;
      c.residents += n;
    } else if (blockedBeds.has(bed.id)) c.blocked++;
    else if (reservedBeds.has(bed.id)) c.reserved++;
    else if (bed.reserve) c.reserve++;
    else c.free++;
  }
  return c;
}
