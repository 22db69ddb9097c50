// Snapshots: the whole merged state (records and their merge state) plus the
// seq vector it contains, so a new laptop starts from one file instead of
// replaying every log, and late changes still merge correctly on top of it.
import Dexie from 'dexie';
import type { AuditEntry, Bed, EntityTable, Stay } from '../../shared/domain/model';
import { allConflicts } from '../../shared/sync/conflicts';
import { ENTITY_TABLES } from '../../shared/domain/model';
import type { SnapshotPayload } from '../../shared/sync/format';
import { inlineStateOf, isInlineState, rowWithState, withoutInlineState } from '../../shared/sync/inlineState';
import type { PlainRecord, SyncRecordState } from '../../shared/sync/merge';
import type { QuartierDb } from '../db/db';
import { writeScope } from '../db/repository';
import { CONFLICT_PREFIX, META_PREFIX, readVector, SK } from './apply';

export async function buildSnapshot(db: QuartierDb, deviceId: string, createdAt: string): Promise<SnapshotPayload> {
  return db.transaction('r', writeScope(db), async () => {
    const tables: SnapshotPayload['tables'] = {};
    const metaRows = await db.syncState.where('key').startsWith(META_PREFIX).toArray();
    const meta: [string, SyncRecordState][] = metaRows.map((r) => [r.key.slice(META_PREFIX.length), r.value as SyncRecordState]);
    // The file format keeps every merge state in `meta` (readers of any
    // version understand it): a state stored inline in the record row moves
    // there, and the records go out without the reserved field.
    for (const t of ENTITY_TABLES) {
      const rows = (await db.table(t).toArray()) as PlainRecord[];
      tables[t] = rows.map((row) => {
        const state = inlineStateOf(row);
        if (state === undefined) return row;
        meta.push([`${t}:${row.id}`, state]);
        return withoutInlineState(row);
      });
    }
    const audit = await db.audit.toArray();
    return { v: 1, deviceId, createdAt, vector: await readVector(db), tables, meta, audit };
  });
}

/**
 * Loads a snapshot into an empty local database. Conflicts are computed in
 * memory from the snapshot itself (the records are at hand), in the same
 * transaction, so the laptop never shows the data without its conflicts.
 */
export async function loadSnapshot(db: QuartierDb, snap: SnapshotPayload): Promise<void> {
  const metaByKey = new Map(snap.meta);
  const byTable = new Map<EntityTable, Map<string, PlainRecord>>();
  const recordRefs: { table: EntityTable; record: PlainRecord | undefined; state: SyncRecordState | undefined }[] = [];
  for (const [key, state] of snap.meta) {
    if (!state.f) continue;
    const i = key.indexOf(':');
    const table = key.slice(0, i) as EntityTable;
    const id = key.slice(i + 1);
    let index = byTable.get(table);
    if (!index) byTable.set(table, (index = new Map(((snap.tables[table] ?? []) as PlainRecord[]).map((r) => [r.id, r]))));
    const record = index.get(id);
    recordRefs.push({ table, record, state: metaByKey.get(key) });
  }
  const conflicts = allConflicts({ stays: (snap.tables.stays ?? []) as Stay[], beds: (snap.tables.beds ?? []) as Bed[] }, recordRefs);
  // A create-only state goes inside its record row: one row per record
  // instead of two (the separate meta: rows doubled the writes of a join).
  const inlined = new Set<string>();
  const tableRows: [EntityTable, PlainRecord[]][] = [];
  for (const [table, rows] of Object.entries(snap.tables) as [EntityTable, PlainRecord[]][]) {
    tableRows.push([
      table,
      rows.map((r) => {
        // A snapshot never carries the reserved field; one that does is not trusted with it.
        const record = withoutInlineState(r);
        const key = `${table}:${record.id}`;
        const state = metaByKey.get(key);
        if (state === undefined || !isInlineState(state)) return record;
        inlined.add(key);
        return rowWithState(record, state);
      }),
    ]);
  }
  const metaRows = inlined.size === 0 ? snap.meta : snap.meta.filter(([k]) => !inlined.has(k));
  await db.transaction('rw', writeScope(db), async () => {
    for (const [table, rows] of tableRows) {
      for (let i = 0; i < rows.length; i += CHUNK) await db.table(table).bulkPut(rows.slice(i, i + CHUNK));
    }
    // The history comes along. Entries are immutable and ids are unique, so
    // an entry this laptop has already is the same entry: add only new ones.
    // (A local entry may be scrubbed by a retention run; the snapshot's copy must not undo that.)
    const audit = snap.audit ?? [];
    for (let i = 0; i < audit.length; i += CHUNK) await addMissing(db, audit.slice(i, i + CHUNK));
    for (let i = 0; i < metaRows.length; i += CHUNK) {
      await db.syncState.bulkPut(metaRows.slice(i, i + CHUNK).map(([k, v]) => ({ key: META_PREFIX + k, value: v })));
    }
    const vector = { ...(await readVector(db)) };
    for (const [dev, seq] of Object.entries(snap.vector)) vector[dev] = Math.max(vector[dev] ?? 0, seq);
    await db.syncState.put({ key: SK.vector, value: vector });
    const old = await db.syncState.get(SK.conflictScopes);
    const oldScopes = (old?.value as string[] | undefined) ?? [];
    if (oldScopes.length > 0) await db.syncState.bulkDelete(oldScopes.map((s) => CONFLICT_PREFIX + s));
    await db.syncState.bulkPut([...conflicts].map(([scope, list]) => ({ key: CONFLICT_PREFIX + scope, value: list })));
    await db.syncState.put({ key: SK.conflictScopes, value: [...conflicts.keys()].sort() });
  });
}

const CHUNK = 10_000;

async function addMissing(db: QuartierDb, entries: AuditEntry[]): Promise<void> {
  try {
    await db.audit.bulkAdd(entries);
  } catch (error) {
    // Entries this laptop has already: ConstraintError, nothing written for them.
    if (!(error instanceof Dexie.BulkError) || Object.values(error.failuresByPos).some((e) => e.name !== 'ConstraintError')) throw error;
  }
}

/**
 * syncState keys that describe the synced state or this device's position on
 * the share (not its settings): removed with the records when the local
 * state is replaced by a snapshot on re-registration. Kept: the passphrase,
 * the share's salt, sync info, the clock (never goes back), the outbox
 * counter, quarantine entries and a pending retention purge.
 */
const POSITION_KEYS = [SK.vector, SK.depsSent, SK.conflictScopes, 'sync:ackN', 'sync:lastAck', 'sync:sinceSnapshot', 'sync:mySnapshots'];

/** Empties every entity table and the merge, conflict and position state (inside the caller's transaction). */
export async function resetSyncedState(db: QuartierDb): Promise<void> {
  for (const t of ENTITY_TABLES) await db.table(t).clear();
  await db.syncState.where('key').startsWith(META_PREFIX).delete();
  await db.syncState.where('key').startsWith(CONFLICT_PREFIX).delete();
  await db.syncState.bulkDelete(POSITION_KEYS);
}
