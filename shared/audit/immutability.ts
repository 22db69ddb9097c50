// The audit trail and the access log are evidence: once written, nobody
// changes or removes an entry through the app. The audit table is not an
// entity table at all (the Writer cannot reach it); access events are synced
// entity records, so the repository's write path asks this rule before it
// changes one. Pure, so the rule is testable without a database.

/** Entity tables whose records may be created but never changed or deleted. */
export const APPEND_ONLY_TABLES: ReadonlySet<string> = new Set(['accessLog']);

export class AppendOnlyViolationError extends Error {
  constructor(readonly table: string, readonly id: string) {
    super('Protokolleinträge und Zugriffe können nicht geändert oder gelöscht werden.');
    this.name = 'AppendOnlyViolationError';
  }
}

/**
 * Throws when a write would change or delete an existing record of an
 * append-only table. `existing` is the stored record (undefined = new),
 * `changedFieldNames` the fields the write changes (empty = no change, e.g.
 * the same record arriving again by sync, which is allowed).
 */
export function assertAppendOnly(table: string, id: string, existing: unknown, changedFieldNames: readonly string[]): void {
  if (!APPEND_ONLY_TABLES.has(table)) return;
  if (existing === undefined || existing === null) return;
  if (changedFieldNames.length === 0) return;
  throw new AppendOnlyViolationError(table, id);
}
