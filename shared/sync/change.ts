// The unit of sync: one Change per user operation (a check-in of a household,
// a move, an edit), written to the local outbox in the same IndexedDB
// transaction as the records it touches (renderer/db/repository.ts), and later
// shipped to the shared folder. A move is one Change with several record ops,
// so it is applied all-or-nothing everywhere.
import type { EntityTable, Id, IsoTimestamp } from '../domain/model';

/** Upsert of some fields of one record: per-field values for the merge. */
export interface UpsertOp {
  kind: 'upsert';
  table: EntityTable;
  id: Id;
  /** Only the fields this operation set (all fields on create). */
  fields: Record<string, unknown>;
  /** True when the record was created by this operation. */
  created: boolean;
  /**
   * Filled by the sync (shared/sync/merge.ts), not by the repository: per
   * field, the clock stamps of the versions the writer saw and overwrote.
   * Lets a later edit win over an earlier one even when clocks are skewed.
   */
  base?: Record<string, string[]>;
}

/** Explicit delete (tombstone). Nothing is ever deleted by absence. */
export interface DeleteOp {
  kind: 'delete';
  table: EntityTable;
  id: Id;
  /** Filled by the sync: per field, the versions the deleting device had seen (edit-vs-delete detection). */
  base?: Record<string, string[]>;
}

export type RecordOp = UpsertOp | DeleteOp;

export interface Change {
  /** Globally unique: `${deviceId}:${seq}`. */
  changeId: string;
  deviceId: string;
  /** Per-device sequence number, 1, 2, 3, … without gaps. */
  seq: number;
  /** Hybrid logical clock stamp (shared/sync/hlc.ts), totally ordered as a string. */
  hlc: string;
  /** Wall clock of the device when the change was made (informational only). */
  at: IsoTimestamp;
  user: string;
  /** Operation name, e.g. "stay.move", "accommodation.update". */
  operation: string;
  ops: RecordOp[];
  /**
   * Filled by the sync: remote changes this device had applied when it made
   * this change and that its previous change did not list yet (deviceId →
   * seq). Readers apply a change only after its dependencies (causal order).
   */
  deps?: Record<string, number>;
}

/** Outbox row: the change plus whether it has been written to the share. */
export interface OutboxEntry {
  seq: number;
  change: Change;
  shipped: boolean;
  /**
   * Set when a re-registration renumbered an already ingested change under a
   * new device id: its `base` and `deps` say what the user saw when making
   * it, so the next ingest keeps them instead of recomputing them against
   * the state loaded since (which would hide real conflicts).
   */
  keepBase?: true;
}
