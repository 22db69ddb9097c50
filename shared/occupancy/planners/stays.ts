// Stay operations: check-in (Einzug), move (Verlegung/Umsetzung), check-out
// (Auszug) and correction of a stay. Each returns every record it changes so
// the operation is applied all-or-nothing, and validates the result with
// validateStayChanges. The context is a ValidationContext (validation.ts)
// for the target beds and the persons involved.
import { isIsoDate } from '../../domain/dates';
import type { Bed, DepartureReason, Id, IsoDate, Person, Stay } from '../../domain/model';
import { DEPARTURE_REASONS } from '../../domain/model';
import { accommodationLabel, bedLabel, personName, roomLabel } from '../labels';
import { fitsRestriction } from '../restrictions';
import { isActiveStay, validateStayChanges, type ValidationContext } from '../validation';
import { error, warning, type Violation } from '../violation';
import { planResult, type PlanDeps, type PlanResult } from './plan';

export interface BedAssignment {
  personId: Id;
  bedId: Id;
}

export { DEPARTURE_REASONS };

class Lookup {
  readonly persons: Map<Id, Person>;
  readonly beds: Map<Id, Bed>;
  constructor(readonly ctx: ValidationContext) {
    this.persons = new Map(ctx.persons.map((p) => [p.id, p]));
    this.beds = new Map(ctx.beds.map((b) => [b.id, b]));
  }
  name(personId: Id): string {
    return personName(this.persons.get(personId));
  }
  members(person: Person): Person[] {
    if (!person.householdId) return [person];
    return this.ctx.persons.filter((p) => p.householdId === person.householdId && !p.deleted);
  }
  /** Does the person fit the bed's room restriction on `day`? (Unknown room: yes; validation reports it.) */
  fits(person: Person | undefined, bed: Bed | undefined, day: IsoDate): boolean {
    if (!person || !bed) return true;
    const room = this.ctx.rooms.find((r) => r.id === bed.roomId);
    return !room || fitsRestriction(room.restriction, person, this.members(person), day);
  }
  where(bedId: Id): Record<string, string> {
    const bed = this.beds.get(bedId);
    const room = bed ? this.ctx.rooms.find((r) => r.id === bed.roomId) : undefined;
    const acc = bed ? this.ctx.accommodations.find((a) => a.id === bed.accommodationId) : undefined;
    return { bed: bedLabel(bed), room: roomLabel(room), accommodation: accommodationLabel(acc) };
  }
  activeStaysOf(personId: Id): Stay[] {
    return this.ctx.stays.filter((s) => s.personId === personId && isActiveStay(s));
  }
}

function newStay(deps: PlanDeps, personId: Id, bed: Bed | undefined, bedId: Id, person: Person | undefined, from: IsoDate, to: IsoDate | null): Stay {
  return {
    id: deps.newId(),
    createdAt: deps.now,
    updatedAt: deps.now,
    personId,
    bedId,
    roomId: bed?.roomId ?? '',
    accommodationId: bed?.accommodationId ?? '',
    householdId: person?.householdId ?? null,
    from,
    to,
    endKind: null,
    departureReason: null,
    previousStayId: null,
    nextStayId: null,
    overrideReason: null,
  };
}

function checkAssignments(assignments: readonly BedAssignment[], lk: Lookup, emptyCode: string): Violation[] {
  const out: Violation[] = [];
  if (assignments.length === 0) out.push(error(emptyCode));
  const seenPersons = new Set<Id>();
  const seenBeds = new Set<Id>();
  for (const a of assignments) {
    if (seenPersons.has(a.personId)) out.push(error('plan.duplicatePerson', { person: lk.name(a.personId) }));
    if (seenBeds.has(a.bedId)) out.push(error('plan.duplicateBed', lk.where(a.bedId)));
    seenPersons.add(a.personId);
    seenBeds.add(a.bedId);
  }
  return out;
}

export interface CheckInInput {
  /** One bed per person; a household checks in with one assignment per member. */
  assignments: readonly BedAssignment[];
  /** Move-in day (first day of stay). A future day records a planned stay. */
  from: IsoDate;
  /** Planned move-out day (exclusive) or null (open). */
  to?: IsoDate | null;
  /** Waives room-restriction violations; recorded on the stays that need it. */
  overrideReason?: string | null;
}

/** Einzug of a person or a whole household. */
export function planCheckIn(input: CheckInInput, ctx: ValidationContext, deps: PlanDeps): PlanResult {
  const lk = new Lookup(ctx);
  const violations = checkAssignments(input.assignments, lk, 'checkIn.empty');
  if (!isIsoDate(input.from)) violations.push(error('plan.invalidDate', { value: String(input.from) }));
  if (violations.length > 0) return planResult('stay.checkIn', violations, {});
  const override = input.overrideReason?.trim() || null;
  const stays = input.assignments.map((a) => {
    const person = lk.persons.get(a.personId);
    const bed = lk.beds.get(a.bedId);
    const stay = newStay(deps, a.personId, bed, a.bedId, person, input.from, input.to ?? null);
    if (override && !lk.fits(person, bed, input.from)) stay.overrideReason = override;
    return stay;
  });
  violations.push(...validateStayChanges(stays, ctx));
  return planResult('stay.checkIn', violations, { stays }, override ?? undefined);
}

export interface MoveInput {
  /** Move day: the old stays end (exclusive) and the new ones begin on this day. */
  date: IsoDate;
  assignments: readonly BedAssignment[];
  overrideReason?: string | null;
  /** Reason of the Verlegung/Umsetzung, for the audit entry and the letter. */
  reason?: string | null;
}

/**
 * Verlegung/Umsetzung of a person or household as one operation: each
 * person's stay covering `date` ends on `date` (endKind 'move', nextStayId →
 * new stay) and a new stay starts on `date` (previousStayId → old stay). A
 * planned end of the old stay (to, endKind, departureReason) carries over
 * to the new stay, and a stay that followed the old one is relinked.
 */
export function planMove(input: MoveInput, ctx: ValidationContext, deps: PlanDeps): PlanResult {
  const lk = new Lookup(ctx);
  const violations = checkAssignments(input.assignments, lk, 'move.empty');
  if (!isIsoDate(input.date)) violations.push(error('plan.invalidDate', { value: String(input.date) }));
  if (violations.length > 0) return planResult('stay.move', violations, {});
  const override = input.overrideReason?.trim() || null;
  const changed = new Map<Id, Stay>();
  for (const a of input.assignments) {
    const who = lk.name(a.personId);
    const current = lk.activeStaysOf(a.personId).find((s) => s.from <= input.date && (s.to === null || input.date < s.to));
    if (!current) {
      violations.push(error('move.noCurrentStay', { person: who, date: input.date }));
      continue;
    }
    if (current.bedId === a.bedId) {
      violations.push(error('move.sameBed', { person: who, ...lk.where(a.bedId) }));
      continue;
    }
    if (current.from === input.date) {
      violations.push(error('move.onMoveInDay', { person: who, date: input.date }, { table: 'stays', id: current.id }));
      continue;
    }
    const person = lk.persons.get(a.personId);
    const bed = lk.beds.get(a.bedId);
    const next = newStay(deps, a.personId, bed, a.bedId, person, input.date, current.to);
    next.previousStayId = current.id;
    next.endKind = current.endKind ?? null;
    next.departureReason = current.departureReason ?? null;
    next.nextStayId = current.nextStayId ?? null;
    if (override && !lk.fits(person, bed, input.date)) next.overrideReason = override;
    changed.set(current.id, { ...current, to: input.date, endKind: 'move', departureReason: null, nextStayId: next.id, updatedAt: deps.now });
    changed.set(next.id, next);
    if (current.nextStayId) {
      const follower = ctx.stays.find((s) => s.id === current.nextStayId);
      if (follower) changed.set(follower.id, { ...(changed.get(follower.id) ?? follower), previousStayId: next.id, updatedAt: deps.now });
    }
  }
  if (violations.length > 0) return planResult('stay.move', violations, {});
  const stays = [...changed.values()];
  violations.push(...validateStayChanges(stays, ctx));
  return planResult('stay.move', violations, { stays }, input.reason?.trim() || override || undefined);
}

export interface CheckOutInput {
  personIds: readonly Id[];
  /** Move-out day: the first day the person no longer lives there (not a day of stay). */
  date: IsoDate;
  departureReason: DepartureReason;
  note?: string | null;
}

/**
 * Auszug of persons. The stay the person lives in on the day before `date`
 * ends on `date` with endKind 'departure'. Planned stays of the person that
 * start on or after `date` are cancelled (warning lists them).
 */
export function planCheckOut(input: CheckOutInput, ctx: ValidationContext, deps: PlanDeps): PlanResult {
  const lk = new Lookup(ctx);
  const violations: Violation[] = [];
  if (input.personIds.length === 0) violations.push(error('checkOut.empty'));
  if (!isIsoDate(input.date)) violations.push(error('plan.invalidDate', { value: String(input.date) }));
  if (!DEPARTURE_REASONS.includes(input.departureReason)) violations.push(error('checkOut.reasonRequired'));
  if (violations.length > 0) return planResult('stay.checkOut', violations, {});
  const changed = new Map<Id, Stay>();
  for (const personId of new Set(input.personIds)) {
    const who = lk.name(personId);
    const stays = lk.activeStaysOf(personId);
    const current = stays.find((s) => s.from < input.date && (s.to === null || s.to >= input.date));
    if (!current) {
      violations.push(error('checkOut.noStay', { person: who, date: input.date }));
      continue;
    }
    changed.set(current.id, { ...current, to: input.date, endKind: 'departure', departureReason: input.departureReason, nextStayId: null, updatedAt: deps.now });
    for (const later of stays) {
      if (later.id === current.id || later.from < input.date) continue;
      changed.set(later.id, { ...later, cancelled: true, previousStayId: later.previousStayId === current.id ? null : (later.previousStayId ?? null), updatedAt: deps.now });
      violations.push(
        warning('checkOut.plannedStayCancelled', { person: who, fromDate: later.from, ...lk.where(later.bedId) }, { table: 'stays', id: later.id }),
      );
    }
  }
  if (violations.some((v) => v.severity === 'error')) return planResult('stay.checkOut', violations, {});
  const stays = [...changed.values()];
  violations.push(...validateStayChanges(stays, ctx));
  return planResult('stay.checkOut', violations, { stays }, input.note?.trim() || undefined);
}

export interface CorrectStayInput {
  stayId: Id;
  from?: IsoDate;
  /** New end (exclusive) or null for open. Omit to keep. */
  to?: IsoDate | null;
  bedId?: Id;
  /** Cancel the stay (only for stays not linked to a move). */
  cancel?: boolean;
  /** Why the recorded history is changed (required, audited). */
  reason: string;
  overrideReason?: string | null;
}

/**
 * Correction of a (past or planned) stay with a reason. Moving the start of
 * a stay that began with a move also moves the end of the previous stay, and
 * vice versa, so linked stays stay seamless.
 */
export function planCorrectStay(input: CorrectStayInput, ctx: ValidationContext, deps: PlanDeps): PlanResult {
  const lk = new Lookup(ctx);
  const reason = input.reason.trim();
  const violations: Violation[] = [];
  if (!reason) violations.push(error('correction.reasonRequired'));
  const stay = ctx.stays.find((s) => s.id === input.stayId && !s.deleted);
  if (!stay) violations.push(error('correction.stayMissing'));
  if (input.from !== undefined && !isIsoDate(input.from)) violations.push(error('plan.invalidDate', { value: String(input.from) }));
  if (input.to !== undefined && input.to !== null && !isIsoDate(input.to)) violations.push(error('plan.invalidDate', { value: String(input.to) }));
  if (!stay || violations.length > 0) return planResult('stay.correct', violations, {});

  const changed = new Map<Id, Stay>();
  const updated: Stay = { ...stay, correctionReason: reason, updatedAt: deps.now };
  if (input.cancel) {
    if (stay.previousStayId || stay.nextStayId) {
      violations.push(error('correction.cancelLinked', { person: lk.name(stay.personId) }, { table: 'stays', id: stay.id }));
      return planResult('stay.correct', violations, {});
    }
    updated.cancelled = true;
    return planResult('stay.correct', violations, { stays: [updated] }, reason);
  }
  if (input.from !== undefined) updated.from = input.from;
  if (input.to !== undefined) updated.to = input.to;
  if (input.bedId !== undefined && input.bedId !== stay.bedId) {
    const bed = lk.beds.get(input.bedId);
    updated.bedId = input.bedId;
    updated.roomId = bed?.roomId ?? '';
    updated.accommodationId = bed?.accommodationId ?? '';
  }
  const override = input.overrideReason?.trim();
  if (override && !lk.fits(lk.persons.get(stay.personId), lk.beds.get(updated.bedId), updated.from)) updated.overrideReason = override;
  changed.set(updated.id, updated);

  if (updated.from !== stay.from && stay.previousStayId) {
    const prev = ctx.stays.find((s) => s.id === stay.previousStayId);
    if (prev) changed.set(prev.id, { ...prev, to: updated.from, correctionReason: reason, updatedAt: deps.now });
  }
  if (updated.to !== stay.to && stay.nextStayId) {
    const next = ctx.stays.find((s) => s.id === stay.nextStayId);
    if (next && updated.to === null) {
      violations.push(error('correction.linkedOpenEnd', { person: lk.name(stay.personId) }, { table: 'stays', id: stay.id }));
    } else if (next && updated.to !== null) {
      changed.set(next.id, { ...next, from: updated.to, correctionReason: reason, updatedAt: deps.now });
    }
  }
  if (violations.length > 0) return planResult('stay.correct', violations, {});
  const stays = [...changed.values()];
  violations.push(...validateStayChanges(stays, ctx));
  return planResult('stay.correct', violations, { stays }, reason);
}
