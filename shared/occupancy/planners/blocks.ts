// Block and unblock a bed (Sperrung: repair, mould, quarantine, …).
// Blocking a bed somebody lives in (or is planned for) is allowed — a
// quarantine may start while the person is still there — but warned about;
// figures count such a bed as occupied. Two blocks of one bed must not overlap:
// extend the existing block instead.
import { isIsoDate, periodsOverlap } from '../../domain/dates';
import type { BedBlock, BlockReason, Id, IsoDate } from '../../domain/model';
import { accommodationLabel, bedLabel, personName, roomLabel } from '../labels';
import { isActiveStay, type ValidationContext } from '../validation';
import { error, warning, type Violation } from '../violation';
import { planResult, type PlanDeps, type PlanResult } from './plan';

export const BLOCK_REASONS: readonly BlockReason[] = ['repair', 'mould', 'quarantine', 'pest', 'other'];

/**
 * Context for block planners: the bed, its room and accommodation, all
 * blocks of the bed, all stays of the bed and the persons of those stays
 * (for names). A ValidationContext with these records fits.
 */
export type BlockContext = Pick<ValidationContext, 'beds' | 'rooms' | 'accommodations' | 'bedBlocks' | 'stays' | 'persons'>;

export interface BlockBedInput {
  bedId: Id;
  from: IsoDate;
  /** Exclusive end or null (until further notice). */
  until: IsoDate | null;
  reason: BlockReason;
  note?: string | null;
}

export function planBlockBed(input: BlockBedInput, ctx: BlockContext, deps: PlanDeps): PlanResult {
  const violations: Violation[] = [];
  const bed = ctx.beds.find((b) => b.id === input.bedId && !b.deleted);
  const room = bed ? ctx.rooms.find((r) => r.id === bed.roomId) : undefined;
  const acc = bed ? ctx.accommodations.find((a) => a.id === bed.accommodationId) : undefined;
  const where = { bed: bedLabel(bed), room: roomLabel(room), accommodation: accommodationLabel(acc) };
  if (!bed) violations.push(error('block.bedMissing'));
  if (!isIsoDate(input.from) || (input.until !== null && (!isIsoDate(input.until) || input.until <= input.from))) {
    violations.push(error('block.invalidPeriod', { fromDate: String(input.from), toDate: String(input.until ?? '') }));
  }
  if (!BLOCK_REASONS.includes(input.reason)) violations.push(error('block.reasonRequired'));
  if (violations.length > 0) return planResult('bed.block', violations, {});

  for (const other of ctx.bedBlocks) {
    if (other.deleted || other.bedId !== input.bedId || !periodsOverlap(input.from, input.until, other.from, other.until)) continue;
    const params: Record<string, string | number> = { ...where, fromDate: other.from, reason: other.reason };
    if (other.until !== null) params.toDate = other.until;
    violations.push(error(other.until === null ? 'block.overlapOpen' : 'block.overlap', params, undefined, [{ table: 'bedBlocks', id: other.id }]));
  }
  for (const stay of ctx.stays) {
    if (stay.bedId !== input.bedId || !isActiveStay(stay) || !periodsOverlap(input.from, input.until, stay.from, stay.to)) continue;
    const person = ctx.persons.find((p) => p.id === stay.personId);
    const params: Record<string, string | number> = { ...where, person: personName(person), fromDate: stay.from };
    if (stay.to !== null) params.toDate = stay.to;
    violations.push(warning(stay.to === null ? 'block.bedOccupiedOpen' : 'block.bedOccupied', params, undefined, [{ table: 'stays', id: stay.id }]));
  }
  const block: BedBlock = {
    id: deps.newId(),
    createdAt: deps.now,
    updatedAt: deps.now,
    bedId: input.bedId,
    accommodationId: bed!.accommodationId,
    from: input.from,
    until: input.until,
    reason: input.reason,
  };
  const note = input.note?.trim();
  if (note) block.note = note;
  return planResult('bed.block', violations, { bedBlocks: [block] }, note);
}

export interface UnblockBedInput {
  blockId: Id;
  /** First day the bed is usable again. */
  on: IsoDate;
}

/** Ends a block on `on`. A block that has not started by then is withdrawn (soft-deleted). */
export function planUnblockBed(input: UnblockBedInput, ctx: Pick<BlockContext, 'bedBlocks'>, deps: PlanDeps): PlanResult {
  const block = ctx.bedBlocks.find((b) => b.id === input.blockId && !b.deleted);
  if (!block) return planResult('bed.unblock', [error('block.missing')], {});
  if (!isIsoDate(input.on)) return planResult('bed.unblock', [error('plan.invalidDate', { value: String(input.on) })], {});
  if (block.until !== null && block.until <= input.on) {
    return planResult('bed.unblock', [error('block.alreadyEnded', { untilDate: block.until })], {});
  }
  const updated: BedBlock = input.on <= block.from ? { ...block, deleted: true, updatedAt: deps.now } : { ...block, until: input.on, updatedAt: deps.now };
  return planResult('bed.unblock', [], { bedBlocks: [updated] });
}
