// Where a record's merge state is stored (docs/sync-format.md, "Merge state
// storage"). Most records only ever have their create stamp (plus, for stays
// and beds, the conflict scopes last checked). A separate `meta:` row for
// that small state doubled the IndexedDB writes of an ingest or a snapshot
// load, so such a state is kept INSIDE the record row under one reserved
// field. Only a record with per-field history (`f`) has a `meta:` row.
//
// The reserved field is local bookkeeping: it never travels in a Change, an
// audit entry, a snapshot's records or any export. The repository carries it
// through put()/patch() and leaves it out of diffs; readers that pass whole
// records on (snapshots, exports) strip it with withoutInlineState().
import type { SyncRecordState } from './merge';

/** Reserved record field holding a merge state without per-field history. */
export const INLINE_STATE_FIELD = '_sync';

/** True if `state` is stored inside the record row (no per-field history). */
export function isInlineState(state: SyncRecordState): boolean {
  return state.f === undefined;
}

/** The inline merge state of a stored row, if it has one. */
export function inlineStateOf(row: object | undefined): SyncRecordState | undefined {
  if (row === undefined || !(INLINE_STATE_FIELD in row)) return undefined;
  return (row as Record<string, unknown>)[INLINE_STATE_FIELD] as SyncRecordState;
}

/** The record without the reserved field (the same object when it has none). */
export function withoutInlineState<T extends object>(row: T): T {
  if (!(INLINE_STATE_FIELD in row)) return row;
  const { [INLINE_STATE_FIELD]: _dropped, ...rest } = row as Record<string, unknown>;
  void _dropped;
  return rest as T;
}

/** The row to store for a record with the given merge state (record without the reserved field). */
export function rowWithState<T extends object>(record: T, state: SyncRecordState): T {
  return isInlineState(state) ? { ...record, [INLINE_STATE_FIELD]: state } : record;
}
