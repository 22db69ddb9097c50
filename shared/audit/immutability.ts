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

/**
 * Which access-event kinds each operation may create. Several of these
 * operations need no permission (recording a sign-in or a refusal), so
 * without this rule they could be used to write ANY access event — e.g. a
 * retention policy event, which would put new deletion periods in force on
 * every laptop. An operation not listed may create no access event at all.
 */
export const ACCESS_KINDS_BY_OPERATION: Readonly<Record<string, readonly string[]>> = {
  'access.export': ['export'],
  'access.letter': ['letter'],
  'access.auskunft': ['auskunft'],
  'access.signIn': ['signIn'],
  'access.signInFailed': ['signInFailed'],
  'access.denied': ['denied'],
  'settings.update': ['retention'],
  'retention.run': ['retention'],
};

export class AccessEventMismatchError extends Error {
  constructor(readonly operation: string, readonly kind: string) {
    super(`Der Vorgang „${operation}“ darf keinen Zugriff der Art „${kind}“ protokollieren.`);
    this.name = 'AccessEventMismatchError';
  }
}

/**
 * Throws unless a NEW access event fits the operation that writes it: its
 * kind is one the operation may record, and it names the acting user (a
 * failed sign-in of an unknown login acts as the empty user id), so nobody
 * can record an access in somebody else's name.
 */
export function assertAccessEventFits(operation: string, actorUserId: string, event: { kind?: unknown; userId?: unknown }): void {
  const kinds = ACCESS_KINDS_BY_OPERATION[operation] ?? [];
  const kind = typeof event.kind === 'string' ? event.kind : String(event.kind);
  if (!kinds.includes(kind)) throw new AccessEventMismatchError(operation, kind);
  if (event.userId !== actorUserId) throw new AccessEventMismatchError(operation, kind);
}
