// Applying changes to the local database. ONE IndexedDB transaction per batch
// that
//   1. ingests this laptop's own outbox entries not yet ingested (they were
//      written by renderer/db/repository.ts): each op gets its `base` (what
//      the user saw) and the change gets its `deps` (what this laptop had
//      applied), and its versions enter the merge state;
//   2. applies remote changes in causal order, de-duplicated by per-device
//      sequence numbers, through the pure merge in shared/sync/merge.ts;
//   3. recomputes the conflicts of exactly the scopes touched;
//   4. advances "what I have read" (the seq vector) and the local clock.
// Local entries are ingested first inside the same transaction, so whatever
// the user wrote before this batch counts as "seen before" the remote
// changes, and whatever they write afterwards sees them.
import Dexie from 'dexie';
import type { Bed, EntityTable, Stay } from '../../shared/domain/model';
import { ENTITY_TABLES } from '../../shared/domain/model';
import type { Change, OutboxEntry, RecordOp } from '../../shared/sync/change';
import {
  bedConflicts,
  personConflicts,
  recordConflicts,
  roomConflicts,
  scopesOf,
  type SyncConflict,
} from '../../shared/sync/conflicts';
import { vectorCovers, type SeqVector } from '../../shared/sync/format';
import { createHlc, DEFAULT_MAX_DRIFT_MS, hlcToString, parseHlc, receive, type Hlc } from '../../shared/sync/hlc';
import { inlineStateOf, isInlineState, rowWithState, withoutInlineState } from '../../shared/sync/inlineState';
import { baseForOp, mergeOp, type PlainRecord, type SyncRecordState } from '../../shared/sync/merge';
import type { QuartierDb } from '../db/db';
import { SYNC_KEYS, writeScope } from '../db/repository';
import { scrubAfterRetention } from './purge';

/** syncState keys owned by the sync (renderer/sync). */
export const SK = {
  /** SeqVector: per device the highest seq applied without gaps (own device: ingested). */
  vector: 'sync:vector',
  /** SeqVector already announced in `deps` of own changes. */
  depsSent: 'sync:depsSent',
  /** string[]: scopes that currently have a conflicts row. */
  conflictScopes: 'sync:conflictScopes',
  /** FlaggedChange[]: remote changes stamped too far in the future. */
  flagged: 'sync:flagged',
} as const;

export const META_PREFIX = 'meta:';
export const CONFLICT_PREFIX = 'conflicts:';

export function metaKey(table: EntityTable, id: string): string {
  return `${META_PREFIX}${table}:${id}`;
}

export interface FlaggedChange {
  changeId: string;
  deviceId: string;
  hlc: string;
  /** How far the stamp was ahead of this laptop's clock when seen. */
  aheadMs: number;
  seenAt: string;
}

export interface ApplyOutcome {
  ingested: number;
  applied: number;
  /** Remote changes skipped (already applied, a gap, or unmet dependencies). */
  skipped: number;
  flagged: FlaggedChange[];
  vector: SeqVector;
}

export interface ApplyOptions {
  nowMs?: number;
  maxDriftMs?: number;
}

type Rec = PlainRecord;

async function getState<T>(db: QuartierDb, key: string, fallback: T): Promise<T> {
  const row = await db.syncState.get(key);
  return row === undefined ? fallback : (row.value as T);
}

export async function readVector(db: QuartierDb): Promise<SeqVector> {
  return getState<SeqVector>(db, SK.vector, {});
}

/**
 * Ingests local outbox entries and applies `remote` (in the given order,
 * which should be causal; anything that does not fit yet is skipped and
 * counted). Safe to call with an empty `remote` to ingest local changes only.
 */
export async function ingestAndApply(db: QuartierDb, deviceId: string, remote: readonly Change[], options: ApplyOptions = {}): Promise<ApplyOutcome> {
  const nowMs = options.nowMs ?? Date.now();
  const maxDrift = options.maxDriftMs ?? DEFAULT_MAX_DRIFT_MS;
  return db.transaction('rw', writeScope(db), async () => {
    const vector = { ...(await readVector(db)) };
    const depsSent = { ...(await getState<SeqVector>(db, SK.depsSent, {})) };
    const local: OutboxEntry[] = await db.outbox.where('seq').above(vector[deviceId] ?? 0).toArray();

    // Load every record and merge state the batch touches, in bulk. A key
    // whose first touch in this batch is a remote create is NOT read: it is
    // almost always new (ids are random), and a read per created record was
    // the largest cost of a big ingest after the writes themselves. Such
    // keys are written with add(), which fails for a key that exists after
    // all; only those are then read and merged again (see writeRecords).
    const wanted = new Map<EntityTable, Set<string>>();
    const optimistic = new Map<string, { table: EntityTable; id: string; ops: { op: RecordOp; hlc: string }[] }>();
    const want = (t: EntityTable, id: string) => {
      let s = wanted.get(t);
      if (!s) wanted.set(t, (s = new Set()));
      s.add(id);
    };
    for (const e of local) for (const op of e.change.ops) want(op.table, op.id);
    for (const c of remote) {
      for (const op of c.ops) {
        if (wanted.get(op.table)?.has(op.id)) continue;
        const k = metaKey(op.table, op.id);
        if (optimistic.has(k)) continue;
        if (op.kind === 'upsert' && op.created && c.deviceId !== deviceId) optimistic.set(k, { table: op.table, id: op.id, ops: [] });
        else want(op.table, op.id);
      }
    }
    const records = new Map<string, Rec | undefined>();
    const states = new Map<string, SyncRecordState | undefined>();
    const before = new Map<string, Loaded>();
    for (const k of optimistic.keys()) before.set(k, { record: undefined, state: undefined, stateRow: false });
    for (const [table, idSet] of wanted) {
      const loaded = await loadRecords(db, table, [...idSet]);
      for (const [k, entry] of loaded) {
        records.set(k, entry.record);
        states.set(k, entry.state);
        before.set(k, entry);
      }
    }
    const dirty = new Set<string>();

    // 1. Own changes.
    for (const entry of local) {
      const change = entry.change;
      // Renumbered after a re-registration: ingested before, base and deps stay.
      const keep = entry.keepBase === true;
      delete entry.keepBase;
      // The repository stamps updatedAt on a soft-deleted record but sends
      // only the DeleteOp; carry the stamp as a field so every laptop ends
      // with the same record (state hashes must match).
      if (!keep) change.ops = change.ops.flatMap((op): RecordOp[] => {
        if (op.kind !== 'delete') return [op];
        const rec = records.get(metaKey(op.table, op.id));
        const hasUpsert = change.ops.some((o) => o.kind === 'upsert' && o.table === op.table && o.id === op.id && 'updatedAt' in o.fields);
        if (!rec || typeof rec.updatedAt !== 'string' || hasUpsert) return [op];
        return [{ kind: 'upsert' as const, table: op.table, id: op.id, fields: { updatedAt: rec.updatedAt }, created: false }, op];
      });
      for (const op of change.ops) {
        const k = metaKey(op.table, op.id);
        if (!keep) {
          const base = baseForOp(op, records.get(k), states.get(k));
          if (Object.keys(base).length > 0) op.base = base;
          else delete op.base;
        }
        const res = mergeOp(op.table, records.get(k), states.get(k), op, change.hlc);
        records.set(k, res.record);
        states.set(k, res.state);
        dirty.add(k);
      }
      const delta: SeqVector = {};
      for (const [dev, seq] of Object.entries(vector)) {
        if (dev !== deviceId && seq > (depsSent[dev] ?? 0)) delta[dev] = seq;
      }
      if (keep) {
        for (const [dev, seq] of Object.entries(change.deps ?? {})) depsSent[dev] = Math.max(depsSent[dev] ?? 0, seq);
      } else if (Object.keys(delta).length > 0) {
        change.deps = delta;
        Object.assign(depsSent, delta);
      }
      vector[deviceId] = entry.seq;
      await db.outbox.put(entry);
    }

    // 2. Remote changes.
    const clockRow = await db.syncState.get(SYNC_KEYS.hlc);
    const clock: Hlc = typeof clockRow?.value === 'string' ? { ...parseHlc(clockRow.value), node: deviceId } : createHlc(deviceId);
    // Only the newest trusted stamp needs to go through receive(): the
    // resulting clock is then later than every stamp of the batch.
    let newestTrusted: string | null = null;
    const flagged: FlaggedChange[] = [];
    let applied = 0;
    let skipped = 0;
    for (const change of remote) {
      const have = vector[change.deviceId] ?? 0;
      if (change.deviceId === deviceId || change.seq !== have + 1 || !vectorCovers(vector, change.deps, change.deviceId)) {
        skipped++;
        continue;
      }
      for (const op of change.ops) {
        const k = metaKey(op.table, op.id);
        const res = mergeOp(op.table, records.get(k), states.get(k), op, change.hlc);
        records.set(k, res.record);
        states.set(k, res.state);
        dirty.add(k);
        optimistic.get(k)?.ops.push({ op, hlc: change.hlc });
      }
      vector[change.deviceId] = change.seq;
      applied++;
      const wallMs = Number(change.hlc.slice(0, 15));
      if (!Number.isFinite(wallMs)) continue;
      if (wallMs - nowMs > maxDrift) {
        flagged.push({ changeId: change.changeId, deviceId: change.deviceId, hlc: change.hlc, aheadMs: wallMs - nowMs, seenAt: new Date(nowMs).toISOString() });
      } else if (newestTrusted === null || change.hlc > newestTrusted) {
        newestTrusted = change.hlc;
      }
    }
    let nextClock: Hlc | null = null;
    if (newestTrusted !== null) {
      try {
        const r = receive(clock, parseHlc(newestTrusted), nowMs, maxDrift);
        if (!r.flagged) nextClock = r.clock;
      } catch {
        // An unparsable stamp cannot move the clock.
      }
    }

    // 3. Write records and merge states. Keys assumed new go in with add();
    // any that exist after all are read now and their ops of this batch
    // merged again on top of the stored record (same order, same result as
    // if they had been read first).
    const added = new Set<string>();
    const addByTable = new Map<EntityTable, string[]>();
    for (const [k, entry] of optimistic) {
      if (entry.ops.length === 0) continue; // its change was not applied in this batch
      let list = addByTable.get(entry.table);
      if (!list) addByTable.set(entry.table, (list = []));
      list.push(k);
    }
    for (const [table, keys] of addByTable) {
      // Added with their final merge state (inline when create-only): no second row.
      const existing = await addNew(db, table, keys.map((k) => rowWithState(records.get(k)!, settleState(table, records.get(k)!, states.get(k)!))));
      const redo = keys.filter((_, i) => existing.has(i));
      const redoSet = new Set(redo);
      for (const k of keys) if (!redoSet.has(k)) added.add(k);
      if (redo.length === 0) continue;
      const loaded = await loadRecords(db, table, redo.map((k) => optimistic.get(k)!.id));
      for (const [k, entry] of loaded) {
        before.set(k, entry);
        let record = entry.record;
        let state = entry.state;
        for (const { op, hlc } of optimistic.get(k)!.ops) {
          const res = mergeOp(table, record, state, op, hlc);
          record = res.record;
          state = res.state;
        }
        records.set(k, record);
        states.set(k, state);
      }
    }
    const conflictIndex = new Set(await getState<string[]>(db, SK.conflictScopes, []));
    const recordsByTable = new Map<EntityTable, Rec[]>();
    const metaRows: { key: string; value: unknown }[] = [];
    const metaDeletes: string[] = [];
    const scopes = new Set<string>();
    for (const k of dirty) {
      const [, table] = k.split(':') as [string, EntityTable];
      const rec = records.get(k)!;
      const st = states.get(k)!;
      const old = before.get(k);
      for (const s of old?.state?.sc ?? scopesOf(table, old?.record)) scopes.add(s);
      const now = scopesOf(table, rec);
      for (const s of now) {
        // A record without per-field history cannot have a field or
        // edit-delete conflict; recompute it only if it had one before.
        if (s.startsWith('rec:') && !st.f && !conflictIndex.has(s)) continue;
        scopes.add(s);
      }
      settleState(table, rec, st);
      // Create-only state goes inside the record row; per-field history in its meta: row.
      const inline = isInlineState(st);
      if (inline) {
        // Stored in the older form (a meta: row): the row gives way to the inline state.
        if (old?.stateRow) metaDeletes.push(k);
      } else {
        metaRows.push({ key: k, value: st });
      }
      if (!added.has(k)) {
        let list = recordsByTable.get(table);
        if (!list) recordsByTable.set(table, (list = []));
        list.push(inline ? rowWithState(rec, st) : rec);
      }
      states.set(k, st);
    }
    for (const [table, list] of recordsByTable) await db.table(table).bulkPut(list);
    if (metaRows.length > 0) await db.syncState.bulkPut(metaRows);
    if (metaDeletes.length > 0) await db.syncState.bulkDelete(metaDeletes);

    // 4. Conflicts of the touched scopes.
    await recomputeScopes(db, scopes, (table, id) => {
      const k = metaKey(table, id);
      return { record: records.get(k), state: states.get(k) };
    });

    // Retention runs (own or remote) applied here: scrub the purged persons' data from local history (purge.ts).
    await scrubAfterRetention(db, [...local.map((e) => e.change), ...remote.filter((c) => (vector[c.deviceId] ?? 0) >= c.seq)], (table, id) => before.get(metaKey(table, id))?.record);
    await db.syncState.put({ key: SK.vector, value: vector });
    await db.syncState.put({ key: SK.depsSent, value: depsSent });
    if (nextClock) await db.syncState.put({ key: SYNC_KEYS.hlc, value: hlcToString(nextClock) });
    if (flagged.length > 0) {
      const old = await getState<FlaggedChange[]>(db, SK.flagged, []);
      await db.syncState.put({ key: SK.flagged, value: [...old, ...flagged].slice(-200) });
    }
    return { ingested: local.length, applied, skipped, flagged, vector };
  });
}

/** A stored record (without the reserved field) and its merge state. */
interface Loaded {
  record: Rec | undefined;
  state: SyncRecordState | undefined;
  /** The state was read from a meta: row (not inline in the record). */
  stateRow: boolean;
}

/**
 * Sets the conflict scopes a record is checked under (stays and beds only;
 * see conflicts.ts) on its new merge state. Idempotent: called before a
 * record is added and again when the batch's writes are collected.
 */
function settleState(table: EntityTable, rec: Rec, st: SyncRecordState): SyncRecordState {
  if (table === 'stays' || table === 'beds') st.sc = scopesOf(table, rec);
  else delete st.sc;
  return st;
}

/**
 * Stored records of `table` with their merge state, keyed by metaKey. The
 * state is inline in the record row (create-only) or in a meta: row (per-field
 * history, and every state written before inline states existed).
 */
async function loadRecords(db: QuartierDb, table: EntityTable, ids: string[]): Promise<Map<string, Loaded>> {
  const rows = await db.table<Rec, string>(table).bulkGet(ids);
  // Merge state exists only next to a stored record: skip the lookup for new
  // ones and for records that carry it inline.
  const inline = rows.map((r) => inlineStateOf(r));
  const withRow = ids.filter((_, i) => rows[i] !== undefined && inline[i] === undefined);
  const metas = withRow.length > 0 ? await db.syncState.bulkGet(withRow.map((id) => metaKey(table, id))) : [];
  const metaById = new Map(withRow.map((id, i) => [id, metas[i]?.value as SyncRecordState | undefined]));
  const out = new Map<string, Loaded>();
  ids.forEach((id, i) => {
    const row = rows[i];
    const fromRow = inline[i] === undefined ? metaById.get(id) : undefined;
    out.set(metaKey(table, id), { record: row && withoutInlineState(row), state: inline[i] ?? fromRow, stateRow: fromRow !== undefined });
  });
  return out;
}

/**
 * Adds records assumed to be new. Returns the positions whose key exists
 * already (ConstraintError): nothing was written for them. Any other failure
 * is rethrown and aborts the batch.
 */
async function addNew(db: QuartierDb, table: EntityTable, rows: Rec[]): Promise<Set<number>> {
  try {
    await db.table(table).bulkAdd(rows);
    return new Set();
  } catch (error) {
    if (!(error instanceof Dexie.BulkError)) throw error;
    const failures = Object.entries(error.failuresByPos);
    if (failures.some(([, e]) => e.name !== 'ConstraintError')) throw error;
    return new Set(failures.map(([pos]) => Number(pos)));
  }
}

type Lookup = (table: EntityTable, id: string) => { record: Rec | undefined; state: SyncRecordState | undefined };

/** Recomputes and stores the conflicts of the given scopes (inside the caller's transaction). */
export async function recomputeScopes(db: QuartierDb, scopes: Iterable<string>, lookup: Lookup): Promise<void> {
  const bedIds: string[] = [];
  const personIds: string[] = [];
  const roomIds: string[] = [];
  const recScopes: string[] = [];
  for (const s of scopes) {
    if (s.startsWith('bed:')) bedIds.push(s.slice(4));
    else if (s.startsWith('person:')) personIds.push(s.slice(7));
    else if (s.startsWith('room:')) roomIds.push(s.slice(5));
    else if (s.startsWith('rec:')) recScopes.push(s);
  }
  const result = new Map<string, SyncConflict[]>();
  const stays = db.table<Stay, string>('stays');
  const beds = db.table<Bed, string>('beds');
  if (bedIds.length > 0) {
    const byBed = groupBy(await stays.where('bedId').anyOf(bedIds).toArray(), (s) => s.bedId);
    for (const id of bedIds) result.set(`bed:${id}`, bedConflicts(id, byBed.get(id) ?? []));
  }
  if (personIds.length > 0) {
    const byPerson = groupBy(await stays.where('personId').anyOf(personIds).toArray(), (s) => s.personId);
    for (const id of personIds) result.set(`person:${id}`, personConflicts(id, byPerson.get(id) ?? []));
  }
  if (roomIds.length > 0) {
    const roomStays = await stays.where('roomId').anyOf(roomIds).toArray();
    const roomBeds = await beds.where('roomId').anyOf(roomIds).toArray();
    const known = new Set(roomBeds.map((b) => b.id));
    const extraIds = [...new Set(roomStays.map((s) => s.bedId).filter((id) => !known.has(id)))];
    const extra = (await beds.bulkGet(extraIds)).filter((b): b is Bed => b !== undefined);
    const staysByRoom = groupBy(roomStays, (s) => s.roomId);
    for (const id of roomIds) {
      const list = staysByRoom.get(id) ?? [];
      const pointed = new Set(list.map((s) => s.bedId));
      const relevant = [...roomBeds.filter((b) => b.roomId === id || pointed.has(b.id)), ...extra.filter((b) => pointed.has(b.id))];
      result.set(`room:${id}`, roomConflicts(id, list, relevant));
    }
  }
  for (const scope of recScopes) {
    const [, table, ...rest] = scope.split(':');
    const id = rest.join(':');
    const { record, state } = lookup(table as EntityTable, id);
    result.set(scope, recordConflicts(table as EntityTable, record, state));
  }
  await storeScopeConflicts(db, result);
}

async function storeScopeConflicts(db: QuartierDb, result: Map<string, SyncConflict[]>): Promise<void> {
  const index = new Set(await getState<string[]>(db, SK.conflictScopes, []));
  const puts: { key: string; value: unknown }[] = [];
  const deletes: string[] = [];
  let changed = false;
  for (const [scope, list] of result) {
    if (list.length > 0) {
      puts.push({ key: CONFLICT_PREFIX + scope, value: list });
      if (!index.has(scope)) {
        index.add(scope);
        changed = true;
      }
    } else if (index.has(scope)) {
      deletes.push(CONFLICT_PREFIX + scope);
      index.delete(scope);
      changed = true;
    }
  }
  if (puts.length > 0) await db.syncState.bulkPut(puts);
  if (deletes.length > 0) await db.syncState.bulkDelete(deletes);
  if (changed) await db.syncState.put({ key: SK.conflictScopes, value: [...index].sort() });
}

function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    let l = out.get(k);
    if (!l) out.set(k, (l = []));
    l.push(item);
  }
  return out;
}

/** Every open conflict on this laptop, sorted by id (identical on every laptop after sync). */
export async function listConflicts(db: QuartierDb): Promise<SyncConflict[]> {
  const rows = await db.syncState.where('key').startsWith(CONFLICT_PREFIX).toArray();
  const all = rows.flatMap((r) => r.value as SyncConflict[]);
  return all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Recomputes every conflict from scratch (after loading a snapshot). */
export async function recomputeAllConflicts(db: QuartierDb): Promise<void> {
  await db.transaction('rw', writeScope(db), async () => {
    const scopes = new Set<string>();
    const stays = await db.table<Stay, string>('stays').toArray();
    for (const s of stays) for (const sc of scopesOf('stays', s as unknown as Rec)) if (!sc.startsWith('rec:')) scopes.add(sc);
    const metaRows = await db.syncState.where('key').startsWith(META_PREFIX).toArray();
    const metaByKey = new Map(metaRows.map((r) => [r.key, r.value as SyncRecordState]));
    const recordScopes: string[] = [];
    for (const r of metaRows) {
      const st = r.value as SyncRecordState;
      if (st.f) recordScopes.push(`rec:${r.key.slice(META_PREFIX.length)}`);
    }
    const recCache = new Map<string, Rec | undefined>();
    for (const scope of recordScopes) {
      const [, table, ...rest] = scope.split(':');
      const id = rest.join(':');
      const row = await db.table<Rec, string>(table as EntityTable).get(id);
      recCache.set(scope, row && withoutInlineState(row));
      scopes.add(scope);
    }
    // Clear everything first so stale rows cannot survive.
    const old = await getState<string[]>(db, SK.conflictScopes, []);
    await db.syncState.bulkDelete(old.map((s) => CONFLICT_PREFIX + s));
    await db.syncState.put({ key: SK.conflictScopes, value: [] });
    await recomputeScopes(db, scopes, (table, id) => ({
      record: recCache.get(`rec:${table}:${id}`),
      state: metaByKey.get(metaKey(table, id)),
    }));
  });
}

export const SYNCED_TABLES: readonly EntityTable[] = ENTITY_TABLES;
