// Common shape of the operation planners. A planner is pure: it takes the
// relevant current records and the user's input and returns the records to
// write plus violations. It never writes. The repository (renderer/db) writes
// `writes` in one IndexedDB transaction together with the audit entries and
// the outbox change, and only when `ok` is true; planners return empty writes
// otherwise, so a failed operation cannot be half-applied.
import type { EntityByTable, EntityTable, Id, IsoTimestamp } from '../../domain/model';
import { hasErrors, type Violation } from '../violation';

/** Supplied by the caller: shared/ has no crypto and no clock. */
export interface PlanDeps {
  newId: () => Id;
  now: IsoTimestamp;
}

/** Full records to put, per table. */
export type RecordWrites = { [T in EntityTable]?: EntityByTable[T][] };

export interface PlanResult {
  /** Operation name for audit and change log, e.g. "stay.checkIn". */
  operation: string;
  /** True when there is no error; warnings do not block. */
  ok: boolean;
  violations: Violation[];
  /** Records to write (empty when !ok). */
  writes: RecordWrites;
  /** Reason given by the user, for the audit entry. */
  reason?: string;
}

export function planResult(operation: string, violations: Violation[], writes: RecordWrites, reason?: string): PlanResult {
  const ok = !hasErrors(violations);
  const result: PlanResult = { operation, ok, violations, writes: ok ? writes : {} };
  if (reason) result.reason = reason;
  return result;
}
