// Stay commands: Einzug, Verlegung, Auszug, Korrektur. Each runs as ONE
// operation: load the context by index inside the transaction, plan with the
// pure planner, refuse on error (nothing written), else write the records,
// the audit entries and one outbox change.
import type { Id } from '../../../shared/domain/model';
import {
  planCheckIn,
  planCheckOut,
  planCorrectStay,
  planMove,
  type CheckInInput,
  type CheckOutInput,
  type CorrectStayInput,
  type MoveInput,
} from '../../../shared/occupancy/planners/stays';
import type { Violation } from '../../../shared/occupancy/violation';
import type { QuartierDb } from '../../db/db';
import { runOperation, type OperationResult } from '../../db/repository';
import { applyPlan } from './applyPlan';
import { newId, resolveWriteContext, type CommandOptions } from './commandContext';
import { loadValidationContext } from './loadValidationContext';

export type { CheckInInput, CheckOutInput, CorrectStayInput, MoveInput } from '../../../shared/occupancy/planners/stays';

export interface CommandResult {
  /** Warnings of the rules (not blocking), to show after saving. */
  warnings: Violation[];
  result: OperationResult;
}

/** Einzug of one person or a whole household (one assignment per member). */
export async function checkIn(db: QuartierDb, input: CheckInInput, opts: CommandOptions = {}): Promise<CommandResult> {
  const ctx = await resolveWriteContext(db, opts);
  let warnings: Violation[] = [];
  const reason = input.overrideReason?.trim() || undefined;
  const result = await runOperation(
    db,
    ctx,
    'stay.checkIn',
    async (w) => {
      const vctx = await loadValidationContext(w, {
        bedIds: input.assignments.map((a) => a.bedId),
        personIds: input.assignments.map((a) => a.personId),
      });
      warnings = await applyPlan(w, planCheckIn(input, vctx, { newId, now: w.now }));
    },
    reason ? { reason } : {},
  );
  return { warnings, result };
}

/**
 * Verlegung of one person or a household: the current stays end on the
 * move day and the new ones begin on it, linked, in ONE operation.
 */
export async function move(db: QuartierDb, input: MoveInput, opts: CommandOptions = {}): Promise<CommandResult> {
  const ctx = await resolveWriteContext(db, opts);
  let warnings: Violation[] = [];
  const reason = input.reason?.trim() || input.overrideReason?.trim() || undefined;
  const result = await runOperation(
    db,
    ctx,
    'stay.move',
    async (w) => {
      const personIds = input.assignments.map((a) => a.personId);
      // The current stays' beds come along through the person index.
      const vctx = await loadValidationContext(w, { bedIds: input.assignments.map((a) => a.bedId), personIds });
      warnings = await applyPlan(w, planMove(input, vctx, { newId, now: w.now }));
    },
    reason ? { reason } : {},
  );
  return { warnings, result };
}

/** Auszug of one or more persons with a departure reason. */
export async function checkOut(db: QuartierDb, input: CheckOutInput, opts: CommandOptions = {}): Promise<CommandResult> {
  const ctx = await resolveWriteContext(db, opts);
  let warnings: Violation[] = [];
  const note = input.note?.trim() || undefined;
  const result = await runOperation(
    db,
    ctx,
    'stay.checkOut',
    async (w) => {
      const vctx = await loadValidationContext(w, { bedIds: [], personIds: input.personIds });
      warnings = await applyPlan(w, planCheckOut(input, vctx, { newId, now: w.now }));
    },
    note ? { reason: note } : {},
  );
  return { warnings, result };
}

/** Korrektur of a recorded stay; the reason is required and audited. */
export async function correctStay(db: QuartierDb, input: CorrectStayInput, opts: CommandOptions = {}): Promise<CommandResult> {
  const ctx = await resolveWriteContext(db, opts);
  let warnings: Violation[] = [];
  const result = await runOperation(
    db,
    ctx,
    'stay.correct',
    async (w) => {
      const stay = await w.get('stays', input.stayId);
      const bedIds: Id[] = [];
      const personIds: Id[] = [];
      if (stay) {
        bedIds.push(stay.bedId);
        personIds.push(stay.personId);
      }
      if (input.bedId) bedIds.push(input.bedId);
      // Linked stays (move chain) are the person's own stays; their beds are
      // loaded too, because moving a start also moves the previous stay's end.
      const vctx = await loadValidationContext(w, { bedIds, personIds, includeBedsOfPersonStays: true });
      warnings = await applyPlan(w, planCorrectStay(input, vctx, { newId, now: w.now }));
    },
    { reason: input.reason.trim() },
  );
  return { warnings, result };
}
