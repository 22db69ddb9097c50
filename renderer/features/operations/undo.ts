// Undo of this device's last operation. The audit trail holds the full
// before/after of every record an operation touched (grouped by changeId);
// undo writes the before-values back as a NEW operation "undo", so it is
// audited and synced like any other change – nothing is erased from history.
//
// Which operation is "last": walk the outbox (this device's changes) from the
// newest; every undo cancels the newest not-yet-undone operation before it,
// like a stack. So pressing undo repeatedly steps further back.
//
// Refused (nothing written) when
// - a later change (local or synced from another laptop) touched one of the
//   records: the current value no longer equals what the operation wrote;
// - restoring would break a stay rule (e.g. undoing a check-out whose bed
//   has been given to somebody else since).
import type { AuditEntry, EntityByTable, EntityTable, Stay } from '../../../shared/domain/model';
import { ENTITY_TABLES } from '../../../shared/domain/model';
import { validateStayChanges, isActiveStay } from '../../../shared/occupancy/validation';
import { errorsOf, warningsOf, type Violation } from '../../../shared/occupancy/violation';
import type { Change } from '../../../shared/sync/change';
import type { QuartierDb } from '../../db/db';
import { deepEqual, runOperation, type Writer } from '../../db/repository';
import { resolveWriteContext, type CommandOptions } from './commandContext';
import { CommandRefusedError, RuleViolationError } from './errors';
import { loadValidationContext } from './loadValidationContext';
import type { CommandResult } from './stayCommands';

export const UNDO_OPERATION = 'undo';

/** Operations that can be undone (everything a user does through the commands). */
function isUndoable(change: Change): boolean {
  return change.operation !== UNDO_OPERATION;
}

/**
 * Access events (sign-in, exports, letters printed) are an append-only record
 * of what happened, not a change of the data: undo passes over them, so
 * "Rückgängig" after signing in still reverts the last real change.
 */
function isAccessRecord(change: Change): boolean {
  // settings.update: a retention policy change, recorded as an access event (renderer/features/retention).
  // user.*: account changes are corrected in Einstellungen → Benutzer, where the rules (one active
  // administrator at least) are checked; an undo could remove the only administrator.
  return change.operation.startsWith('access.') || change.operation.startsWith('user.') || change.operation === 'settings.update';
}

type ReadableDb = Pick<QuartierDb, 'outbox'>;

/**
 * The newest change of this device that has not been undone yet, or null.
 * Reads in pages so a long outbox is not loaded at once.
 */
export async function findLastUndoable(db: ReadableDb): Promise<Change | null> {
  const PAGE = 100;
  let pendingUndos = 0;
  for (let offset = 0; ; offset += PAGE) {
    const page = await db.outbox.orderBy('seq').reverse().offset(offset).limit(PAGE).toArray();
    for (const { change } of page) {
      // A retention run is final: its history was scrubbed, so neither it nor anything before it can be undone.
      if (change.operation === 'retention.run') return null;
      if (isAccessRecord(change)) continue;
      if (!isUndoable(change)) pendingUndos++;
      else if (pendingUndos > 0) pendingUndos--;
      else return change;
    }
    if (page.length < PAGE) return null;
  }
}

/** The audit entries of one change (its records' before/after). */
export async function auditOfChange(db: Pick<QuartierDb, 'audit'>, changeId: string): Promise<AuditEntry[]> {
  return db.audit.where('changeId').equals(changeId).toArray();
}

export interface UndoResult extends CommandResult {
  /** The operation that was undone. */
  undone: Change;
}

function isEntityTable(t: string): t is EntityTable {
  return (ENTITY_TABLES as readonly string[]).includes(t);
}

type AnyRecord = EntityByTable[EntityTable];

/**
 * True when the stored record still holds what the operation wrote. The
 * update stamp is ignored: an undo that was itself undone restores the
 * content but, being a new write, carries a newer stamp.
 */
function unchangedSince(current: unknown, after: unknown): boolean {
  return deepEqual(withoutStamp(current), withoutStamp(after));
}

function withoutStamp(record: unknown): unknown {
  if (record === null || record === undefined || typeof record !== 'object') return record ?? null;
  const { updatedAt: _ignored, ...rest } = record as Record<string, unknown>;
  return rest;
}

async function restore(w: Writer, table: EntityTable, entry: AuditEntry): Promise<void> {
  const before = entry.before as AnyRecord | null;
  if (before === null || before.deleted) {
    // Created by the operation (or it revived a deleted record): delete again.
    await w.softDelete(table, entry.entityId);
    return;
  }
  await w.put(table, before);
}

export async function undoLastOperation(db: QuartierDb, opts: CommandOptions = {}): Promise<UndoResult> {
  const ctx = await resolveWriteContext(db, opts);
  const expected = await findLastUndoable(db);
  if (!expected) throw new CommandRefusedError('nothingToUndo');
  let undone: Change | null = null;
  let warnings: Violation[] = [];
  // The target is found again inside the transaction, so what is checked is
  // exactly what is undone even if another window wrote in between.
  const result = await runOperation(
    db,
    ctx,
    UNDO_OPERATION,
    async (w) => {
      const target = await findLastUndoable(db);
      if (!target || target.changeId !== expected.changeId) throw new CommandRefusedError('undoRaced');
      undone = target;
      const entries = await auditOfChange(db, target.changeId);
      if (entries.length === 0) throw new CommandRefusedError('undoNoHistory', { operation: target.operation });

      for (const e of entries) {
        if (!isEntityTable(e.entity)) continue;
        const current = await w.get(e.entity, e.entityId);
        if (!unchangedSince(current, e.after)) {
          throw new CommandRefusedError('undoConflict', { operation: target.operation });
        }
      }
      const restoredStays: Stay[] = [];
      for (const e of entries) {
        if (!isEntityTable(e.entity)) continue;
        await restore(w, e.entity, e);
        const restoredStay = e.entity === 'stays' ? (e.before as Stay | null) : null;
        if (restoredStay && isActiveStay(restoredStay)) restoredStays.push(restoredStay);
      }
      if (restoredStays.length > 0) {
        const vctx = await loadValidationContext(w, {
          bedIds: restoredStays.map((s) => s.bedId),
          personIds: restoredStays.map((s) => s.personId),
        });
        const violations = validateStayChanges(restoredStays, vctx);
        if (errorsOf(violations).length > 0) throw new RuleViolationError(violations);
        warnings = warningsOf(violations);
      }
    },
    // The audit trail says which change this undo reverts; the repository
    // requires the permission of that operation (the body checks it is the same change).
    { reason: `${expected.operation} ${expected.changeId}`, undoes: expected.operation },
  );
  if (!undone) throw new CommandRefusedError('nothingToUndo');
  return { undone, warnings, result };
}
