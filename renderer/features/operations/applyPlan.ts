// Writes what a planner (shared/occupancy/planners) returned, inside the
// running operation. A plan with errors throws RuleViolationError, which
// aborts the transaction: nothing of the operation is stored.
import { ENTITY_TABLES, type EntityTable } from '../../../shared/domain/model';
import type { PlanResult } from '../../../shared/occupancy/planners/plan';
import { warningsOf, type Violation } from '../../../shared/occupancy/violation';
import type { RecordInput, Writer } from '../../db/repository';
import { RuleViolationError } from './errors';

/** Writes the plan's records; returns its warnings. */
export async function applyPlan(w: Writer, plan: PlanResult): Promise<Violation[]> {
  if (!plan.ok) throw new RuleViolationError(plan.violations);
  for (const table of ENTITY_TABLES) {
    const rows = plan.writes[table];
    if (!rows) continue;
    for (const row of rows) await writeRecord(w, table, row as unknown as RecordInput<typeof table>);
  }
  return warningsOf(plan.violations);
}

async function writeRecord<T extends EntityTable>(w: Writer, table: T, row: RecordInput<T>): Promise<void> {
  if (row.deleted) {
    // A deletion must travel as a tombstone (DeleteOp), not as a field.
    const existing = await w.get(table, row.id);
    if (existing && !existing.deleted) await w.softDelete(table, row.id);
    return;
  }
  await w.put(table, row);
}
