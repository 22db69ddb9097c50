// The merge of ordinary record fields: a last-writer-wins register per field
// that respects causality first and clocks second.
//
// Every write of a field names the versions it saw and overwrote (`base`,
// filled when the sync ingests a local change). A version that some later
// write saw is superseded; the versions nobody saw are the field's "heads".
// The head with the highest HLC stamp wins; the other heads are concurrent
// losers and stay in the conflict journal (with their values) until a
// person picks one, which is again an ordinary write whose base names all
// heads. Consequences:
// - The result is a pure function of the SET of writes: any order, any
//   duplication (changes are also de-duplicated by seq) gives the same state.
// - A laptop whose clock runs a year ahead cannot "poison" a field: as soon
//   as someone edits the field after seeing its value, that edit supersedes
//   it, whatever the stamps say. Stamps decide only between true races.
// - Deletes are writes of `deleted: true` that remember which versions of
//   every field they had seen, so an edit the deleting laptop never saw is
//   reported as an edit-vs-delete conflict instead of vanishing.
import type { EntityTable, Id } from '../domain/model';
import type { RecordOp } from './change';
import { canonicalJson } from './hash';
import { INLINE_STATE_FIELD, withoutInlineState } from './inlineState';

/** One version of a field: its HLC stamp (the node part is the device) and value. */
export interface FieldWrite {
  h: string;
  v: unknown;
  /** For a `deleted: true` write: every version the deleting device had seen. */
  k?: string[];
}

export interface FieldMeta {
  /** Stamp of the winning version (its value is in the record). */
  w: string;
  /** For a winning delete: the versions it had seen. */
  wk?: string[];
  /** Concurrent losing heads with their values (the conflict journal). */
  l?: FieldWrite[];
  /** Stamps superseded by later writes (so a late-arriving old version stays dead). */
  s?: string[];
}

/** Merge state of one record (kept next to the record, and in snapshots). */
export interface SyncRecordState {
  /** Stamp of the create: the version of every field without an entry in `f`. */
  c?: string;
  f?: Record<string, FieldMeta>;
  /** Conflict scopes this record was last checked under (see conflicts.ts). */
  sc?: string[];
}

export type PlainRecord = Record<string, unknown> & { id: Id };

/** The current heads (winner first) of a field, or [] if the field was never written. */
export function fieldHeads(record: PlainRecord | undefined, state: SyncRecordState | undefined, field: string): FieldWrite[] {
  const meta = state?.f?.[field];
  if (meta) {
    const winner: FieldWrite = { h: meta.w, v: record?.[field] };
    if (meta.wk) winner.k = meta.wk;
    return [winner, ...(meta.l ?? [])];
  }
  if (state?.c && record && field in record) return [{ h: state.c, v: record[field] }];
  return [];
}

/** All fields a record has versions for. */
function knownFields(record: PlainRecord | undefined, state: SyncRecordState | undefined): string[] {
  const names = new Set<string>(Object.keys(state?.f ?? {}));
  if (state?.c && record) for (const k of Object.keys(record)) names.add(k);
  names.delete('id');
  return [...names].sort();
}

/**
 * The base a local op gets when the sync ingests it: for every field it
 * writes, all current heads (the user saw the merged value, i.e. all of
 * them). A delete (or `deleted: true`) sees every field of the record.
 */
export function baseForOp(op: RecordOp, record: PlainRecord | undefined, state: SyncRecordState | undefined): Record<string, string[]> {
  const fields = op.kind === 'delete' || op.fields.deleted === true ? knownFields(record, state) : Object.keys(op.fields);
  const base: Record<string, string[]> = {};
  for (const f of fields) {
    const heads = fieldHeads(record, state, f).map((w) => w.h);
    if (heads.length > 0) base[f] = heads;
  }
  if (op.kind === 'upsert' && !('deleted' in op.fields)) {
    // Remember whether the writer had seen a delete: an edit made after
    // seeing the delete is not "concurrent" with it.
    const del = fieldHeads(record, state, 'deleted').map((w) => w.h);
    if (del.length > 0) base.deleted = del;
  }
  return base;
}

/** Fields every write touches; their races are not shown as conflicts (they still merge by LWW). */
const BOOKKEEPING_FIELDS = new Set(['updatedAt', 'createdAt']);

export interface MergeResult {
  record: PlainRecord;
  state: SyncRecordState;
  /** True if the visible record changed. */
  changed: boolean;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Applies one op (stamped `hlc`) to a record and its merge state. Pure: the
 * inputs are not modified. `record` may be undefined (not seen yet).
 */
export function mergeOp(table: EntityTable, recordIn: PlainRecord | undefined, stateIn: SyncRecordState | undefined, op: RecordOp, hlc: string): MergeResult {
  void table;

  // Fast path: a create of a record nobody wrote before. One stamp covers
  // all fields; per-field entries appear only when a field is overwritten.
  // (A local create arrives here with the record already written.)
  if (!stateIn && op.kind === 'upsert' && op.created && (!op.base || Object.keys(op.base).length === 0)) {
    // The reserved field (the local store's merge state) is never data: a change carrying it does not set it.
    const opFields = withoutInlineState(op.fields);
    if (!recordIn) return { record: { ...opFields, id: op.id }, state: { c: hlc }, changed: true };
    const created: PlainRecord = { ...recordIn, ...opFields, id: op.id };
    return { record: created, state: { c: hlc }, changed: !sameValue(recordIn, created) };
  }

  const record: PlainRecord = recordIn ? { ...recordIn } : { id: op.id };
  const state: SyncRecordState = stateIn ? { ...stateIn, ...(stateIn.f ? { f: { ...stateIn.f } } : {}) } : {};
  if (op.kind === 'upsert' && op.created && stateIn?.c && recordIn && stateIn.c !== hlc) {
    // A second create of the same id (two laptops, one id): give every field
    // the first create covered its own entry, then keep the earliest create
    // stamp. Without this `c` would be whichever create arrived first, and
    // laptops would hold different merge states for the same set of writes.
    const f = { ...(state.f ?? {}) };
    for (const key of Object.keys(recordIn)) if (key !== 'id' && !f[key]) f[key] = { w: stateIn.c };
    state.f = f;
    if (hlc < stateIn.c) state.c = hlc;
  }
  const fields: Record<string, unknown> = op.kind === 'delete' ? { deleted: true } : op.fields;
  const base = op.base ?? {};
  let changed = !recordIn;
  const isDelete = fields.deleted === true;
  const known = isDelete ? [...new Set(Object.values(base).flat())].sort() : undefined;
  for (const [field, value] of Object.entries(fields)) {
    if (field === 'id' || field === INLINE_STATE_FIELD) continue;
    const previous = fieldHeads(recordIn, stateIn, field);
    const oldMeta = stateIn?.f?.[field];
    const superseded = new Set<string>(oldMeta?.s ?? []);
    // Fields covered by the create stamp have no `s` yet; nothing to carry.
    for (const h of base[field] ?? []) superseded.add(h);
    const incoming: FieldWrite = { h: hlc, v: value };
    if (isDelete && field === 'deleted' && known) incoming.k = known;
    const candidates = [...previous, incoming];
    const seen = new Set<string>();
    let heads = candidates.filter((w) => {
      if (superseded.has(w.h) || seen.has(w.h)) return false;
      seen.add(w.h);
      return true;
    });
    // Defensive: a cycle of bases cannot come from honest clients; keep the newest then.
    if (heads.length === 0) heads = [candidates.reduce((a, b) => (cmp(a.h, b.h) >= 0 ? a : b))];
    heads.sort((a, b) => cmp(b.h, a.h));
    const [winner, ...losers] = heads as [FieldWrite, ...FieldWrite[]];
    const meta: FieldMeta = { w: winner.h };
    if (winner.k) meta.wk = winner.k;
    if (losers.length > 0) meta.l = losers;
    if (superseded.size > 0) meta.s = [...superseded].sort();
    state.f = { ...(state.f ?? {}), [field]: meta };
    const before = recordIn?.[field];
    if (winner.v === undefined) delete record[field];
    else record[field] = winner.v;
    if (!changed && !sameValue(before, winner.v)) changed = true;
  }
  return { record, state, changed };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * Concurrent losing versions of each field (the conflict journal of one
 * record). Heads that carry the winner's value are kept in the state (so the
 * merge stays order-independent) but are no disagreement, so not listed.
 */
export function journalOf(record: PlainRecord | undefined, state: SyncRecordState | undefined): { field: string; heads: FieldWrite[] }[] {
  const out: { field: string; heads: FieldWrite[] }[] = [];
  for (const [field, meta] of Object.entries(state?.f ?? {})) {
    // Timestamps change with every edit; two edits of different fields are no conflict.
    if (!meta.l || meta.l.length === 0 || BOOKKEEPING_FIELDS.has(field)) continue;
    const winnerValue = record?.[field];
    if (meta.l.every((w) => sameValue(w.v, winnerValue))) continue;
    out.push({ field, heads: fieldHeads(record, state, field) });
  }
  return out.sort((a, b) => cmp(a.field, b.field));
}

/**
 * Edits the winning delete never saw (edit-vs-delete). Empty unless the
 * record is deleted. A delete without a recorded base (older writer) is
 * taken to have seen everything stamped before it.
 */
export function unseenEditsOfDelete(record: PlainRecord | undefined, state: SyncRecordState | undefined): { field: string; write: FieldWrite }[] {
  if (!record || record.deleted !== true) return [];
  const del = state?.f?.deleted;
  if (!del) return [];
  const known = del.wk ? new Set(del.wk) : null;
  const out: { field: string; write: FieldWrite }[] = [];
  for (const field of knownFields(record, state)) {
    if (field === 'deleted' || BOOKKEEPING_FIELDS.has(field)) continue;
    for (const w of fieldHeads(record, state, field)) {
      const seen = known ? known.has(w.h) : w.h < del.w;
      if (!seen && w.h !== del.w) out.push({ field, write: w });
    }
  }
  return out;
}
