// Every row of every table (entities, audit, outbox, sync state, settings),
// for "a refused operation changed nothing" comparisons in integration tests.
import { ENTITY_TABLES } from '../../../shared/domain/model';
import type { QuartierDb } from '../../../renderer/db/db';

export async function snapshot(db: QuartierDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of [...ENTITY_TABLES, 'audit', 'outbox', 'syncState', 'settings'] as const) out[t] = await db.table(t).toArray();
  return out;
}
