// Snapshots: the whole merged state (records and their merge state) plus the
// seq vector it contains, so a new laptop starts from one file instead of
// replaying every log, and late changes still merge correctly on top of it.
import type { EntityTable } from '../../shared/domain/model';
import { ENTITY_TABLES } from '../../shared/domain/model';
import type { SnapshotPayload } from '../../shared/sync/format';
import type { SyncRecordState } from '../../shared/sync/merge';
import type { QuartierDb } from '../db/db';
import { writeScope } from '../db/repository';
import { META_PREFIX, readVector, recomputeAllConflicts, SK } from './apply';

export async function buildSnapshot(db: QuartierDb, deviceId: string, createdAt: string): Promise<SnapshotPayload> {
  return db.transaction('r', writeScope(db), async () => {
    const tables: SnapshotPayload['tables'] = {};
    for (const t of ENTITY_TABLES) tables[t] = await db.table(t).toArray();
    const metaRows = await db.syncState.where('key').startsWith(META_PREFIX).toArray();
    const meta: [string, SyncRecordState][] = metaRows.map((r) => [r.key.slice(META_PREFIX.length), r.value as SyncRecordState]);
    return { v: 1, deviceId, createdAt, vector: await readVector(db), tables, meta };
  });
}

/** Loads a snapshot into an empty local database and recomputes conflicts. */
export async function loadSnapshot(db: QuartierDb, snap: SnapshotPayload): Promise<void> {
  await db.transaction('rw', writeScope(db), async () => {
    for (const [table, rows] of Object.entries(snap.tables) as [EntityTable, unknown[]][]) {
      if (rows.length > 0) await db.table(table).bulkPut(rows);
    }
    if (snap.meta.length > 0) await db.syncState.bulkPut(snap.meta.map(([k, v]) => ({ key: META_PREFIX + k, value: v })));
    const vector = { ...(await readVector(db)) };
    for (const [dev, seq] of Object.entries(snap.vector)) vector[dev] = Math.max(vector[dev] ?? 0, seq);
    await db.syncState.put({ key: SK.vector, value: vector });
  });
  await recomputeAllConflicts(db);
}
