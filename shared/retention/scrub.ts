// Removing a purged person's data from local history (audit entries, own
// changes) and from change files on the share. Pure; the callers are
// renderer/features/retention/scrubLocal.ts (local tables) and
// renderer/sync/purge.ts (the share).
import type { AuditEntry, EntityTable, Id, IsoDate, Person } from '../domain/model';
import type { Change, RecordOp } from '../sync/change';
import { anonymisedPersonFields } from './anonymise';
import type { TokenScrubber } from './scrubText';

/** The operation name of a retention run (reserved in shared/auth/permissions.ts). */
export const RETENTION_OPERATION = 'retention.run';

/** Timestamps are not personal; a redaction never rewrites them. */
const UNTOUCHED_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'deleted']);

/** Per record (`table:id`): the values a retention change wrote (removed fields as null). */
export type PurgeValues = Map<string, Record<string, unknown>>;

export function purgeKey(table: string, id: Id): string {
  return `${table}:${id}`;
}

/** The values written by retention changes, later changes winning. */
export function purgeValuesOf(changes: readonly Pick<Change, 'operation' | 'ops'>[]): PurgeValues {
  const out: PurgeValues = new Map();
  for (const c of changes) {
    if (c.operation !== RETENTION_OPERATION) continue;
    for (const op of c.ops) {
      if (op.kind !== 'upsert') continue;
      const k = purgeKey(op.table, op.id);
      const fields: Record<string, unknown> = { ...(out.get(k) ?? {}) };
      for (const [f, v] of Object.entries(op.fields)) if (!UNTOUCHED_FIELDS.has(f)) fields[f] = v ?? null;
      out.set(k, fields);
    }
  }
  return out;
}

/** Person ids an anonymisation touched (persons upserted by a retention change). */
export function purgedPersonIds(values: PurgeValues): Id[] {
  const out: Id[] = [];
  for (const k of values.keys()) if (k.startsWith('persons:')) out.push(k.slice('persons:'.length));
  return out;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The change with the personal values of purged records replaced by what the
 * retention change wrote, or null when nothing needs replacing.
 *
 * Only versions the retention change (or a later write) SUPERSEDED are
 * replaced: `superseded(table, id, field)` gives the stamps that are dead for
 * that field (the local merge state's `s`, after the retention change was
 * applied). The value of a superseded version never reaches any record again
 * on any laptop (the merge decides by the set of writes; a superseded
 * version can never become a head), so replacing it cannot change the state
 * a reader ends with, whatever order it reads in. A version that is NOT
 * superseded (a concurrent edit the run had not seen, which may win) is left
 * alone; the next run lists that person again ('reanonymise').
 */
export function redactChange(change: Change, values: PurgeValues, superseded: (table: EntityTable, id: Id, field: string) => ReadonlySet<string> | undefined): Change | null {
  if (change.operation === RETENTION_OPERATION) return null;
  let changed = false;
  const ops: RecordOp[] = change.ops.map((op) => {
    if (op.kind !== 'upsert') return op;
    const pv = values.get(purgeKey(op.table, op.id));
    if (!pv) return op;
    let fields: Record<string, unknown> | null = null;
    for (const [f, v] of Object.entries(op.fields)) {
      if (!(f in pv) || sameJson(v, pv[f])) continue;
      if (!superseded(op.table, op.id, f)?.has(change.hlc)) continue;
      fields ??= { ...op.fields };
      fields[f] = pv[f] ?? null;
    }
    if (!fields) return op;
    changed = true;
    return { ...op, fields };
  });
  return changed ? { ...change, ops } : null;
}

/**
 * An audit entry without the purged persons' data, or null when it holds
 * none. Snapshots of a purged person get the anonymised field values; every
 * string (other records' snapshots, the reason) has the tokens replaced.
 */
export function scrubAuditEntry(entry: AuditEntry, purged: ReadonlySet<Id>, scrubber: TokenScrubber, today: IsoDate): AuditEntry | null {
  const personSnapshot = (snap: unknown): unknown => {
    if (!snap || typeof snap !== 'object') return snap;
    const p = snap as Person;
    const next: Record<string, unknown> = { ...(snap as Record<string, unknown>) };
    for (const [k, v] of Object.entries(anonymisedPersonFields(p, p.anonymisedOn ?? today))) {
      if (v === undefined) delete next[k];
      else next[k] = v;
    }
    return next;
  };
  const isPurgedPerson = entry.entity === 'persons' && purged.has(entry.entityId);
  let before = isPurgedPerson ? personSnapshot(entry.before) : entry.before;
  let after = isPurgedPerson ? personSnapshot(entry.after) : entry.after;
  before = scrubber.deep(before);
  after = scrubber.deep(after);
  const reason = entry.reason === undefined ? undefined : scrubber.text(entry.reason);
  if (sameJson(before, entry.before) && sameJson(after, entry.after) && reason === entry.reason) return null;
  const out: AuditEntry = { ...entry, before, after };
  if (reason !== undefined) out.reason = reason;
  return out;
}
