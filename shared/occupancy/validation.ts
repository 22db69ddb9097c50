// Stay invariants, checked on every local write before anything is stored.
//
// Validation runs on a PARTIAL context so the renderer can load only the
// relevant records inside one IndexedDB transaction. `ValidationContext`
// documents exactly what must be in it; `buildValidationContext` selects it
// from a full Dataset (tests, sync merge, demo generator).
//
// Invariants (errors unless stated):
// 1. stay.invalidPeriod  – from/to are real ISO days and from < to.
// 2. stay.bedMissing / stay.bedRemoved / stay.bedMismatch – the bed exists in
//    the context, is not deleted, and the stay's denormalised roomId and
//    accommodationId match the bed.
// 3. stay.bedOverlap     – no two active stays overlap on one bed.
// 4. stay.personOverlap  – a person has at most one active stay at any instant.
// 5. stay.bedBlocked     – no stay in a bed blocked (BedBlock) for that period.
// 6. stay.beforeOpening / stay.afterClosing – inside [openedOn, closedOn) of
//    the accommodation.
// 7. stay.restrictionWomen / …Men / …Family – the person (household) fits the
//    room restriction (see restrictions.ts); waived when the stay carries an
//    overrideReason, which yields the warning stay.restrictionOverridden.
// "Active" = not deleted and not cancelled. Only proposed stays are checked:
// conflicts among untouched existing stays are not this write's fault. A
// conflicting pair of two proposed stays is reported once.
import { isIsoDate, maxDate, periodsOverlap } from '../domain/dates';
import type { Accommodation, Bed, BedBlock, Household, Id, IsoDate, Person, Room, Stay } from '../domain/model';
import { accommodationLabel, bedLabel, personName, roomLabel } from './labels';
import { fitsRestriction } from './restrictions';
import { error, warning, type Violation } from './violation';

/**
 * Records the validator needs. For every proposed stay P:
 * - stays:        all stays (any date, incl. cancelled/deleted — they are
 *                 skipped) of P.bedId and of P.personId, including the stored
 *                 version of P itself if it exists. Extra stays are harmless.
 * - bedBlocks:    all blocks of P.bedId.
 * - beds:         the bed P.bedId; rooms: its room; accommodations: its
 *                 accommodation. For readable messages also the beds, rooms
 *                 and accommodations of the stays in `stays` (missing ones
 *                 show as "?" but do not change the verdict).
 * - persons:      P.personId, every person owning a stay in `stays` (for names
 *                 in messages), and all members of P's household (for the
 *                 family-room rule).
 * - households:   optional; only used for names.
 */
export interface ValidationContext {
  stays: readonly Stay[];
  bedBlocks: readonly BedBlock[];
  beds: readonly Bed[];
  rooms: readonly Room[];
  accommodations: readonly Accommodation[];
  persons: readonly Person[];
  households?: readonly Household[];
}

export function isActiveStay(s: Pick<Stay, 'deleted' | 'cancelled'>): boolean {
  return !s.deleted && !s.cancelled;
}

/** Overlap of two half-open periods; `to` null = open. */
function overlapOf(aFrom: IsoDate, aTo: IsoDate | null, bFrom: IsoDate, bTo: IsoDate | null): { from: IsoDate; to: IsoDate | null } {
  const from = maxDate(aFrom, bFrom);
  const to = aTo === null ? bTo : bTo === null ? aTo : aTo <= bTo ? aTo : bTo;
  return { from, to };
}

/** Adds fromDate/toDate params; returns the code suffix 'Open' for an open end. */
function periodParams(params: Record<string, string | number>, from: IsoDate, to: IsoDate | null): string {
  params.fromDate = from;
  if (to === null) return 'Open';
  params.toDate = to;
  return '';
}

class ContextIndex {
  readonly beds = new Map<Id, Bed>();
  readonly rooms = new Map<Id, Room>();
  readonly accommodations = new Map<Id, Accommodation>();
  readonly persons = new Map<Id, Person>();
  readonly staysByBed = new Map<Id, Stay[]>();
  readonly staysByPerson = new Map<Id, Stay[]>();
  readonly blocksByBed = new Map<Id, BedBlock[]>();
  readonly membersByHousehold = new Map<Id, Person[]>();

  constructor(ctx: ValidationContext, proposed: readonly Stay[]) {
    for (const b of ctx.beds) this.beds.set(b.id, b);
    for (const r of ctx.rooms) this.rooms.set(r.id, r);
    for (const a of ctx.accommodations) this.accommodations.set(a.id, a);
    for (const p of ctx.persons) {
      this.persons.set(p.id, p);
      if (p.householdId && !p.deleted) push(this.membersByHousehold, p.householdId, p);
    }
    // The proposed versions replace stored ones with the same id.
    const merged = new Map<Id, Stay>();
    for (const s of ctx.stays) merged.set(s.id, s);
    for (const s of proposed) merged.set(s.id, s);
    for (const s of merged.values()) {
      if (!isActiveStay(s)) continue;
      push(this.staysByBed, s.bedId, s);
      push(this.staysByPerson, s.personId, s);
    }
    for (const bl of ctx.bedBlocks) if (!bl.deleted) push(this.blocksByBed, bl.bedId, bl);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Validates new or changed stays against the context. Returns all violations (errors and warnings). */
export function validateStayChanges(proposed: readonly Stay[], ctx: ValidationContext): Violation[] {
  const ix = new ContextIndex(ctx, proposed);
  const proposedIds = new Set(proposed.map((s) => s.id));
  const out: Violation[] = [];
  // Pairs already reported (both stays proposed): "a|b" with a < b.
  const reportedPairs = new Set<string>();
  const pairSeen = (code: string, a: Id, b: Id): boolean => {
    if (!proposedIds.has(b)) return false;
    const key = `${code}|${a < b ? a : b}|${a < b ? b : a}`;
    if (reportedPairs.has(key)) return true;
    reportedPairs.add(key);
    return false;
  };

  for (const stay of proposed) {
    if (!isActiveStay(stay)) continue; // cancelling or deleting never breaks an invariant
    const self = { table: 'stays' as const, id: stay.id };
    const person = ix.persons.get(stay.personId);
    const who = personName(person);

    if (!isIsoDate(stay.from) || (stay.to !== null && !isIsoDate(stay.to)) || (stay.to !== null && stay.to <= stay.from)) {
      out.push(error('stay.invalidPeriod', { person: who, fromDate: String(stay.from), toDate: String(stay.to ?? '') }, self));
      continue;
    }

    const bed = ix.beds.get(stay.bedId);
    if (!bed) {
      out.push(error('stay.bedMissing', { person: who }, self));
      continue;
    }
    const room = ix.rooms.get(bed.roomId);
    const acc = ix.accommodations.get(bed.accommodationId);
    const where = { bed: bedLabel(bed), room: roomLabel(room), accommodation: accommodationLabel(acc) };
    if (bed.deleted || room?.deleted || acc?.deleted) {
      out.push(error('stay.bedRemoved', { person: who, ...where }, self));
    }
    if (stay.roomId !== bed.roomId || stay.accommodationId !== bed.accommodationId) {
      out.push(error('stay.bedMismatch', { person: who, ...where }, self));
    }

    // 3. Bed overlap.
    for (const other of ix.staysByBed.get(stay.bedId) ?? []) {
      if (other.id === stay.id || !periodsOverlap(stay.from, stay.to, other.from, other.to)) continue;
      if (pairSeen('bed', stay.id, other.id)) continue;
      const ov = overlapOf(stay.from, stay.to, other.from, other.to);
      const params: Record<string, string | number> = { ...where, person: who, otherPerson: personName(ix.persons.get(other.personId)) };
      const suffix = periodParams(params, ov.from, ov.to);
      out.push(error(`stay.bedOverlap${suffix}`, params, self, [{ table: 'stays', id: other.id }]));
    }

    // 4. Person overlap.
    for (const other of ix.staysByPerson.get(stay.personId) ?? []) {
      if (other.id === stay.id || !periodsOverlap(stay.from, stay.to, other.from, other.to)) continue;
      if (pairSeen('person', stay.id, other.id)) continue;
      const ov = overlapOf(stay.from, stay.to, other.from, other.to);
      const otherBed = ix.beds.get(other.bedId);
      const params: Record<string, string | number> = {
        person: who,
        otherBed: bedLabel(otherBed),
        otherRoom: roomLabel(otherBed ? ix.rooms.get(otherBed.roomId) : ix.rooms.get(other.roomId)),
        otherAccommodation: accommodationLabel(ix.accommodations.get(other.accommodationId)),
      };
      const suffix = periodParams(params, ov.from, ov.to);
      out.push(error(`stay.personOverlap${suffix}`, params, self, [{ table: 'stays', id: other.id }]));
    }

    // 5. Blocked bed.
    for (const block of ix.blocksByBed.get(stay.bedId) ?? []) {
      if (!periodsOverlap(stay.from, stay.to, block.from, block.until)) continue;
      const ov = overlapOf(stay.from, stay.to, block.from, block.until);
      const params: Record<string, string | number> = { ...where, person: who, reason: block.reason };
      const suffix = periodParams(params, ov.from, ov.to);
      out.push(error(`stay.bedBlocked${suffix}`, params, self, [{ table: 'bedBlocks', id: block.id }]));
    }

    // 6. Opening period of the accommodation.
    if (acc) {
      if (stay.from < acc.openedOn) {
        out.push(error('stay.beforeOpening', { ...where, person: who, fromDate: stay.from, openedDate: acc.openedOn }, self));
      }
      if (acc.closedOn !== null && (stay.to === null || stay.to > acc.closedOn)) {
        out.push(error('stay.afterClosing', { ...where, person: who, closedDate: acc.closedOn }, self));
      }
    } else {
      out.push(error('stay.accommodationMissing', { person: who, ...where }, self));
    }

    // 7. Room restriction.
    if (room && room.restriction !== 'none' && person) {
      const members = person.householdId ? (ix.membersByHousehold.get(person.householdId) ?? [person]) : [person];
      if (!fitsRestriction(room.restriction, person, members, stay.from)) {
        const suffix = room.restriction === 'women' ? 'Women' : room.restriction === 'men' ? 'Men' : 'Family';
        const reason = stay.overrideReason?.trim();
        if (reason) {
          out.push(warning('stay.restrictionOverridden', { ...where, person: who, restriction: room.restriction, reason }, self));
        } else {
          out.push(error(`stay.restriction${suffix}`, { ...where, person: who }, self));
        }
      }
    } else if (!person) {
      out.push(error('stay.personMissing', { ...where }, self));
    }
  }
  return out;
}

/** Minimal view of a full dataset for `buildValidationContext`. */
export interface ValidationSource {
  stays: readonly Stay[];
  bedBlocks: readonly BedBlock[];
  beds: readonly Bed[];
  rooms: readonly Room[];
  accommodations: readonly Accommodation[];
  persons: readonly Person[];
  households?: readonly Household[];
}

/**
 * Selects exactly the records `validateStayChanges(proposed, ·)` needs from a
 * full dataset. The renderer does the same with indexed Dexie queries
 * (stays by bedId and by personId, blocks by bedId, persons by householdId).
 */
export function buildValidationContext(source: ValidationSource, proposed: readonly Stay[]): ValidationContext {
  const bedIds = new Set(proposed.map((s) => s.bedId));
  const personIds = new Set(proposed.map((s) => s.personId));
  const stays = source.stays.filter((s) => bedIds.has(s.bedId) || personIds.has(s.personId));
  const beds = source.beds.filter((b) => bedIds.has(b.id));
  const roomIds = new Set(beds.map((b) => b.roomId));
  const accIds = new Set(beds.map((b) => b.accommodationId));
  for (const s of stays) accIds.add(s.accommodationId);
  for (const s of stays) bedIds.add(s.bedId);
  const allBeds = source.beds.filter((b) => bedIds.has(b.id));
  for (const b of allBeds) roomIds.add(b.roomId);
  const householdIds = new Set<Id>();
  const wanted = new Set<Id>(personIds);
  for (const s of stays) wanted.add(s.personId);
  for (const p of source.persons) if (personIds.has(p.id) && p.householdId) householdIds.add(p.householdId);
  const persons = source.persons.filter((p) => wanted.has(p.id) || (p.householdId !== null && householdIds.has(p.householdId)));
  const ctx: ValidationContext = {
    stays,
    bedBlocks: source.bedBlocks.filter((b) => bedIds.has(b.bedId)),
    beds: allBeds,
    rooms: source.rooms.filter((r) => roomIds.has(r.id)),
    accommodations: source.accommodations.filter((a) => accIds.has(a.id)),
    persons,
  };
  if (source.households) ctx.households = source.households.filter((h) => householdIds.has(h.id));
  return ctx;
}
