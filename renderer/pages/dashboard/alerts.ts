// What the dashboard warns about, computed from the occupancy index on the
// Stichtag. Pure: data in, alert records out; the list component translates.
import type { BlockReason, Id, IsoDate, Person } from '../../../shared/domain/model';
import { addDays, toDayNumber } from '../../../shared/domain/dates';
import type { FiguresAsOf } from '../../../shared/occupancy/figures';
import type { OccupancyIndex } from '../../../shared/occupancy/occupancyIndex';
import { dueWithin, type DeadlineKind } from '../../../shared/occupancy/deadlines';
import { checkSpaceStandard, type SpaceStandardSetting } from '../../../shared/occupancy/spaceStandard';

/** Expired blocks are reported this many days after their end. */
export const EXPIRED_BLOCK_DAYS = 30;
export const DEADLINE_WEEKS = 4;

export type DashboardAlert =
  | { kind: 'overCapacityRoom'; accommodationId: Id; accommodation: string; room: string; residents: number; places: number }
  | { kind: 'overCapacityAccommodation'; accommodationId: Id; accommodation: string; residents: number; places: number }
  | { kind: 'blockedButOccupied'; accommodationId: Id; accommodation: string; count: number }
  | { kind: 'spaceAccommodation'; accommodationId: Id; accommodation: string; actual: number; required: number }
  | { kind: 'spaceRooms'; accommodationId: Id; accommodation: string; rooms: string[]; required: number }
  | { kind: 'spaceCounty'; actual: number; required: number }
  | { kind: 'blockExpired'; accommodationId: Id; accommodation: string; room: string; bed: string; reason: BlockReason; until: IsoDate }
  | { kind: 'deadline'; personId: Id; person: string; deadline: DeadlineKind; date: IsoDate; overdue: boolean };

export type AlertSeverity = 'error' | 'warning' | 'info';

export function severityOf(a: DashboardAlert): AlertSeverity {
  switch (a.kind) {
    case 'overCapacityRoom':
    case 'overCapacityAccommodation':
    case 'blockedButOccupied':
      return 'error';
    case 'deadline':
      return a.overdue ? 'error' : 'warning';
    case 'blockExpired':
      return 'info';
    default:
      return 'warning';
  }
}

export function computeAlerts(ix: OccupancyIndex, figures: FiguresAsOf, day: IsoDate, standard: SpaceStandardSetting): DashboardAlert[] {
  const out: DashboardAlert[] = [];
  const accName = (id: Id) => ix.accommodations[ix.accIndexById.get(id) ?? -1]?.name ?? '?';

  // Over capacity: more residents than places (double-booked beds).
  for (const [accId, f] of Object.entries(figures.byAccommodation)) {
    if (f.residents > f.places) out.push({ kind: 'overCapacityAccommodation', accommodationId: accId, accommodation: accName(accId), residents: f.residents, places: f.places });
    if (f.blockedButOccupied > 0) out.push({ kind: 'blockedButOccupied', accommodationId: accId, accommodation: accName(accId), count: f.blockedButOccupied });
  }
  if (figures.byRoom) {
    for (const room of ix.rooms) {
      const f = figures.byRoom[room.id];
      if (f && f.residents > f.places) {
        out.push({ kind: 'overCapacityRoom', accommodationId: room.accommodationId, accommodation: accName(room.accommodationId), room: room.number, residents: f.residents, places: f.places });
      }
    }
  }

  // Space standard: one line per accommodation, rooms grouped per accommodation.
  const roomsBelow = new Map<Id, { rooms: string[]; required: number }>();
  for (const v of checkSpaceStandard(ix, day, standard, figures)) {
    if (v.code === 'space.county') out.push({ kind: 'spaceCounty', actual: Number(v.params.actual), required: Number(v.params.required) });
    else if (v.code === 'space.accommodation' && v.entity) {
      out.push({ kind: 'spaceAccommodation', accommodationId: v.entity.id, accommodation: String(v.params.accommodation), actual: Number(v.params.actual), required: Number(v.params.required) });
    } else if (v.code === 'space.room' && v.entity) {
      const room = ix.rooms[ix.roomIndexById.get(v.entity.id) ?? -1];
      if (!room) continue;
      const entry = roomsBelow.get(room.accommodationId) ?? { rooms: [], required: Number(v.params.required) };
      entry.rooms.push(room.number);
      roomsBelow.set(room.accommodationId, entry);
    }
  }
  for (const [accId, e] of roomsBelow) out.push({ kind: 'spaceRooms', accommodationId: accId, accommodation: accName(accId), rooms: e.rooms, required: e.required });

  // Blocks whose until-date passed recently: is the bed really usable again?
  const d = toDayNumber(day);
  const since = toDayNumber(addDays(day, -EXPIRED_BLOCK_DAYS));
  for (let b = 0; b < ix.beds.length; b++) {
    for (let j = ix.blockOffset[b]!; j < ix.blockOffset[b + 1]!; j++) {
      const to = ix.blockTo[j]!;
      if (to > d || to < since) continue;
      const block = ix.blocks[j]!;
      const bed = ix.beds[b]!;
      const room = ix.rooms[ix.bedRoom[b]!]!;
      out.push({ kind: 'blockExpired', accommodationId: bed.accommodationId, accommodation: accName(room.accommodationId), room: room.number, bed: bed.label, reason: block.reason, until: block.until ?? day });
    }
  }

  // § 9 FlüAG deadlines of persons living in the county's accommodation on the day.
  const living = new Set<Id>();
  for (let j = 0; j < ix.stays.length; j++) {
    if (ix.stayFrom[j]! <= d && ix.stayTo[j]! > d) living.add(ix.stays[j]!.personId);
  }
  const persons: Person[] = [];
  for (const id of living) {
    const p = ix.persons.get(id);
    if (p) persons.push(p);
  }
  for (const item of dueWithin(persons, day, DEADLINE_WEEKS)) {
    const p = ix.persons.get(item.personId);
    out.push({
      kind: 'deadline',
      personId: item.personId,
      person: p ? `${p.familyName}, ${p.givenName}` : '?',
      deadline: item.kind,
      date: item.date,
      overdue: item.overdue,
    });
  }
  // Most severe first; within a severity the actionable ones (deadlines,
  // blocks) before the structural ones (space standard).
  const rank: Record<AlertSeverity, number> = { error: 0, warning: 10, info: 20 };
  const kindRank: Partial<Record<DashboardAlert['kind'], number>> = { deadline: 0, blockExpired: 1, spaceCounty: 2, spaceAccommodation: 3, spaceRooms: 4 };
  const score = (a: DashboardAlert) => rank[severityOf(a)] + (kindRank[a.kind] ?? 0);
  return out.sort((a, b) => score(a) - score(b));
}
