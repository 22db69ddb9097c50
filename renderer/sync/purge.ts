// After a retention run: remove the purged persons' data from this laptop's
// local history and from the shared folder. The rules are in
// docs/sync-format.md "Retention runs on the share"; the pure parts are in
// shared/retention/scrub.ts.
//
// Local (scrubAfterRetention, called inside the apply transaction for every
// retention change this laptop applies, own or remote, and by the run itself):
//   - audit entries of the records the run touched: anonymised snapshots,
//     names replaced in every string;
//   - own outbox changes: superseded personal values replaced (redactChange);
//   - a pending purge is recorded for the next sync pass.
// Share (purgeShare, called by the sync engine after it has acknowledged):
//   - the engine writes a fresh snapshot (already anonymised) and deletes its
//     own older ones;
//   - own change files holding superseded personal values are rewritten
//     under a new name (same seq range) and the old file is deleted; files of
//     RETIRED devices (nobody owns them any more) are rewritten the same way
//     by one steward: the registered, not retired device with the lowest id;
//   - snapshots of other devices that do not yet contain the run are deleted
//     (they hold the old data; this laptop's fresh snapshot replaces them).
import type { EntityTable, Id, IsoDate } from '../../shared/domain/model';
import {
  personTokens,
  purgedPersonIds,
  purgeKey,
  purgeValuesOf,
  redactChange,
  REMOVED_NAME,
  RETENTION_OPERATION,
  scrubAuditEntry,
  TokenScrubber,
  type PurgeValues,
  type ScrubToken,
} from '../../shared/retention';
import type { Change } from '../../shared/sync/change';
import { logFileName, validateLogPayload, validateSnapshotPayload, type LogPayload, type ShareFile, type SnapshotPayload } from '../../shared/sync/format';
import type { PlainRecord, SyncRecordState } from '../../shared/sync/merge';
import type { QuartierDb } from '../db/db';
import { writeScope } from '../db/repository';

/** syncState key of the pending share purge (no personal data: only anonymised values and ids). */
export const PURGE_STATE_KEY = 'retention:purge';

export interface PendingPurge {
  /** The retention changes this laptop has applied and not yet purged from the share. */
  runs: { changeId: string; deviceId: string; seq: number }[];
  /** Per record key (`table:id`), the values the runs wrote. */
  values: [string, Record<string, unknown>][];
  /** A fresh own snapshot (containing every run above) is on the share. */
  snapshotWritten: boolean;
  /** Share paths already checked in this purge (rewritten or clean; snapshots kept or deleted). */
  checked: string[];
}

function metaKeyOf(key: string): string {
  return `meta:${key}`;
}

/**
 * Scrubs local history after retention changes were applied. Runs inside
 * the caller's transaction when there is one (writeScope tables only), so
 * the scrub commits with the change. `beforeRecord` gives the record as it
 * was before the batch (the source of the names to look for on a laptop that
 * receives the run); without it the names come from the local audit.
 */
export async function scrubAfterRetention(
  db: QuartierDb,
  changes: readonly Change[],
  beforeRecord?: (table: EntityTable, id: Id) => PlainRecord | undefined,
): Promise<void> {
  const runs = changes.filter((c) => c.operation === RETENTION_OPERATION);
  if (runs.length === 0) return;
  await db.transaction('rw', writeScope(db), async () => {
    const values = purgeValuesOf(runs);
    const personIds = purgedPersonIds(values);
    const purged = new Set(personIds);
    const ids = [...new Set([...values.keys()].map((k) => k.slice(k.indexOf(':') + 1)))];
    const audit = await db.audit.where('entityId').anyOf(ids).toArray();

    // The names to look for: the records before the run, and every version in the local audit.
    const tokens: ScrubToken[] = [];
    const householdIds = new Set<Id>();
    for (const id of personIds) {
      const before = beforeRecord?.('persons', id);
      if (before) tokens.push(...personTokens(before));
      if (typeof before?.householdId === 'string') householdIds.add(before.householdId);
    }
    for (const key of values.keys()) {
      if (!key.startsWith('households:') || !('name' in values.get(key)!)) continue;
      const id = key.slice('households:'.length);
      householdIds.add(id);
      const name = beforeRecord?.('households', id)?.name;
      if (typeof name === 'string') tokens.push({ text: name, replacement: REMOVED_NAME });
    }
    const neutralised = new Set([...values.keys()].filter((k) => k.startsWith('households:') && 'name' in values.get(k)!).map((k) => k.slice('households:'.length)));
    for (const e of audit) {
      if (e.entity === 'persons' && purged.has(e.entityId)) {
        for (const snap of [e.before, e.after]) if (snap && typeof snap === 'object') tokens.push(...personTokens(snap));
      } else if (e.entity === 'households' && neutralised.has(e.entityId)) {
        for (const snap of [e.before, e.after]) {
          const name = (snap as { name?: unknown } | null)?.name;
          if (typeof name === 'string') tokens.push({ text: name, replacement: REMOVED_NAME });
        }
      }
    }
    const current = (await db.persons.bulkGet(personIds)).filter((p) => p !== undefined);
    for (const p of current) if (p.householdId) householdIds.add(p.householdId);
    // Relatives who stay keep their names, also where they appear next to a purged person.
    const keep: string[] = [];
    if (householdIds.size > 0) {
      for (const p of await db.persons.where('householdId').anyOf([...householdIds]).toArray()) {
        if (purged.has(p.id) || p.anonymisedOn) continue;
        keep.push(p.familyName, p.givenName, `${p.givenName} ${p.familyName}`, `${p.familyName}, ${p.givenName}`);
      }
    }
    const scrubber = new TokenScrubber(tokens, keep);
    const today: IsoDate = new Date().toISOString().slice(0, 10);
    const scrubbed = audit.map((e) => scrubAuditEntry(e, purged, scrubber, today)).filter((e) => e !== null);
    if (scrubbed.length > 0) await db.audit.bulkPut(scrubbed);

    // Own changes: replace the superseded personal values.
    const superseded = await supersededLookup(db, values);
    const outbox = await db.outbox.toArray();
    const redacted = [];
    for (const entry of outbox) {
      const change = redactChange(entry.change, values, superseded);
      if (change) redacted.push({ ...entry, change });
    }
    if (redacted.length > 0) await db.outbox.bulkPut(redacted);

    // The share is purged on the next sync pass.
    const row = await db.syncState.get(PURGE_STATE_KEY);
    const old = (row?.value as PendingPurge | undefined) ?? { runs: [], values: [], snapshotWritten: false, checked: [] };
    const known = new Set(old.runs.map((r) => r.changeId));
    const merged = new Map(old.values);
    for (const [k, v] of values) merged.set(k, { ...(merged.get(k) ?? {}), ...v });
    const next: PendingPurge = {
      runs: [...old.runs, ...runs.filter((c) => !known.has(c.changeId)).map((c) => ({ changeId: c.changeId, deviceId: c.deviceId, seq: c.seq }))],
      values: [...merged],
      snapshotWritten: false,
      checked: [],
    };
    await db.syncState.put({ key: PURGE_STATE_KEY, value: next });
  });
}

/** Per record field, the stamps that are dead (superseded) in the local merge state. */
async function supersededLookup(db: QuartierDb, values: PurgeValues): Promise<(table: EntityTable, id: Id, field: string) => ReadonlySet<string> | undefined> {
  const keys = [...values.keys()];
  const rows = await db.syncState.bulkGet(keys.map(metaKeyOf));
  const dead = new Map<string, Map<string, Set<string>>>();
  keys.forEach((k, i) => {
    const st = rows[i]?.value as SyncRecordState | undefined;
    const perField = new Map<string, Set<string>>();
    for (const [f, meta] of Object.entries(st?.f ?? {})) if (meta.s) perField.set(f, new Set(meta.s));
    dead.set(k, perField);
  });
  return (table, id, field) => dead.get(purgeKey(table, id))?.get(field);
}

export async function pendingPurge(db: QuartierDb): Promise<PendingPurge | null> {
  const row = await db.syncState.get(PURGE_STATE_KEY);
  const p = row?.value as PendingPurge | undefined;
  return p && p.runs.length > 0 ? p : null;
}

/** What the engine lends the purge: reading and writing encrypted share files. */
export interface PurgeShareContext {
  db: QuartierDb;
  me: string;
  files: readonly ShareFile[];
  /** Devices retired on the share. */
  retired: ReadonlySet<string>;
  /** Reads and decrypts a file; null when unreadable (quarantined) or gone. */
  read: <T>(f: ShareFile, validate: (v: unknown) => T) => Promise<T | null>;
  write: (path: string, value: unknown) => Promise<void>;
  delete: (path: string) => Promise<boolean>;
  rand: () => string;
}

export interface PurgeReport {
  rewritten: number;
  snapshotsDeleted: number;
  /** True when the purge of this laptop's part is complete. */
  done: boolean;
}

/**
 * Purges the share after retention runs (see the module comment). Call after
 * the engine wrote a fresh snapshot for `pending` (`markSnapshotWritten`).
 * Idempotent: a pass interrupted half-way continues on the next one.
 */
export async function purgeShare(ctx: PurgeShareContext, pending: PendingPurge): Promise<PurgeReport> {
  const report: PurgeReport = { rewritten: 0, snapshotsDeleted: 0, done: false };
  const values: PurgeValues = new Map(pending.values);
  const checked = new Set(pending.checked);
  const superseded = await supersededLookup(ctx.db, values);
  const registered = [...new Set(ctx.files.filter((f) => f.kind === 'reg').map((f) => f.deviceId))];
  const steward = registered.filter((d) => !ctx.retired.has(d)).sort()[0] ?? ctx.me;
  const mine = (dev: string) => dev === ctx.me || (steward === ctx.me && ctx.retired.has(dev));

  for (const f of ctx.files) {
    if (f.kind !== 'log' || !mine(f.deviceId) || checked.has(f.path)) continue;
    const payload = await ctx.read<LogPayload>(f, (v) => validateLogPayload(v, f));
    if (payload) {
      let changed = false;
      const changes = payload.changes.map((c) => {
        const r = redactChange(c, values, superseded);
        if (r) changed = true;
        return r ?? c;
      });
      if (changed) {
        const path = logFileName(f.deviceId, f.first, f.last, ctx.rand());
        await ctx.write(path, { ...payload, changes });
        checked.add(path);
        await ctx.delete(f.path);
        report.rewritten++;
      }
    }
    checked.add(f.path);
  }

  // Snapshots that do not contain every run hold the old data: the fresh own one replaces them.
  const covers = (snap: SnapshotPayload) => pending.runs.every((r) => (snap.vector[r.deviceId] ?? 0) >= r.seq);
  for (const f of ctx.files) {
    if (f.kind !== 'snapshot' || f.deviceId === ctx.me || checked.has(f.path)) continue;
    const snap = await ctx.read<SnapshotPayload>(f, (v) => validateSnapshotPayload(v, f));
    if (snap && !covers(snap)) {
      if (await ctx.delete(f.path)) report.snapshotsDeleted++;
    }
    checked.add(f.path);
  }

  report.done = pending.snapshotWritten;
  await ctx.db.transaction('rw', ctx.db.syncState, async () => {
    const row = await ctx.db.syncState.get(PURGE_STATE_KEY);
    const now = row?.value as PendingPurge | undefined;
    // A run applied meanwhile (another batch) starts a new purge: keep it.
    if (!now || now.runs.length !== pending.runs.length) return;
    if (report.done) await ctx.db.syncState.delete(PURGE_STATE_KEY);
    else await ctx.db.syncState.put({ key: PURGE_STATE_KEY, value: { ...now, checked: [...checked] } });
  });
  return report;
}

/** Records that a fresh own snapshot containing every pending run is on the share. */
export async function markSnapshotWritten(db: QuartierDb, pending: PendingPurge): Promise<PendingPurge> {
  const next = { ...pending, snapshotWritten: true };
  await db.transaction('rw', db.syncState, async () => {
    const row = await db.syncState.get(PURGE_STATE_KEY);
    const now = row?.value as PendingPurge | undefined;
    if (now && now.runs.length === pending.runs.length) await db.syncState.put({ key: PURGE_STATE_KEY, value: { ...now, snapshotWritten: true } });
  });
  return next;
}
