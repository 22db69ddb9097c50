// The write path. Every user operation (check-in, move, edit, …) runs through
// runOperation(): ONE IndexedDB transaction that
//   1. writes the records the operation touches,
//   2. appends one AuditEntry per touched record (before/after, for the audit
//      trail and for undo),
//   3. appends ONE Change (shared/sync/change.ts) to the outbox with the next
//      per-device sequence number and a hybrid-logical-clock stamp.
// Either all of it is stored or nothing (the outbox pattern): a crash or an
// exception inside the operation can never leave a record without its change
// or a change without its record.
//
// Rules for operation bodies
// - Read and write only through the Writer (or tables it exposes). Do not
//   await anything that is not IndexedDB (fetch, timers, IPC) inside the body:
//   IndexedDB commits a transaction as soon as it is idle, so a foreign await
//   would end it early. Compute such inputs before calling runOperation.
// - Do not nest runOperation calls: one user action = one Change.
//
// Permissions (issue #7, shared/auth/permissions.ts). Every runOperation is
// checked, whoever calls it; the UI disabling buttons is only a courtesy:
//   1. the operation name must be in the permission table (unknown: refused),
//   2. before the body runs, inside the transaction, the acting user is read
//      from the users table: a deactivated or deleted user is refused, and the
//      CURRENT role and assigned accommodations of the record count (a
//      demotion synced from another laptop applies at once, whatever the
//      session remembers). Without a record for the actor while other users
//      exist the actor is refused; while the users table is still empty (the
//      very first administrator being created, isolated tests) the actor is
//      taken as given;
//   3. the role must have the operation's permission;
//   4. Außendienst: after the body, every record the operation wrote must lie
//      in one of the user's accommodations (see checkScope below);
//   5. operations that need no permission (recording a sign-in) may write
//      access events only;
//   6. own account: a role without the permission of an operation listed in
//      OWN_ACCOUNT_OPERATIONS ('user.setPassword') may still run it when the
//      body writes nothing but the listed fields of the actor's OWN user
//      record (everyone may change their own password);
//   7. a new access event must be of a kind its operation records (see
//      ACCESS_KINDS_BY_OPERATION in shared/audit/immutability.ts) and name
//      the acting user: no operation can forge a policy event or an access
//      in someone else's name.
// A refusal throws PermissionDeniedError; it aborts the transaction, so
// nothing at all is written. applyWithoutOutbox is NOT checked: it applies
// changes another laptop already made under its own user's permissions (a
// local check would make laptops diverge) and the local demo seed.
import type { Table } from 'dexie';
import { hasPermission, isScopedRole, ownAccountFields, permissionForOperation, type Permission } from '../../shared/auth/permissions';
import type { AuditEntry, EntityByTable, EntityTable, Id, IsoTimestamp, RecordMeta, Role } from '../../shared/domain/model';
import { ENTITY_TABLES } from '../../shared/domain/model';
import { PermissionDeniedError } from '../auth/errors';
import type { Change, DeleteOp, OutboxEntry, RecordOp, UpsertOp } from '../../shared/sync/change';
import { assertAccessEventFits, assertAppendOnly } from '../../shared/audit/immutability';
import { createHlc, hlcToString, parseHlc, receive, tick, type Hlc, type ReceiveResult } from '../../shared/sync/hlc';
import { INLINE_STATE_FIELD, inlineStateOf, withoutInlineState } from '../../shared/sync/inlineState';
import type { QuartierDb } from './db';

/** syncState keys owned by the repository. */
export const SYNC_KEYS = {
  /** Last used per-device outbox sequence number (number). */
  outboxSeq: 'outboxSeq',
  /** Last issued / observed hybrid logical clock (string form). */
  hlc: 'hlc',
} as const;

/** The signed-in user on whose behalf an operation runs (permission checks, audit). */
export interface Actor {
  userId: Id;
  role: Role;
  /** Außendienst: accommodations the user may change. */
  accommodationIds: readonly Id[];
}

export interface WriteContext {
  /** Display name of the acting user (audit, Change.user). */
  user: string;
  deviceId: string;
  /** The signed-in user: permissions are checked for it; stored on audit entries as userId. */
  actor: Actor;
  /** Clock for tests; defaults to the system clock. */
  now?: () => Date;
}

export interface OperationOptions {
  /** Why the user did this (e.g. a correction reason); stored in every audit entry. */
  reason?: string;
  /** For imports: the file and row a touched record came from, stored on its audit entry. */
  auditSource?: (table: EntityTable, id: Id) => { file: string; row: number } | undefined;
  /** For the operation 'undo': the name of the operation it reverts (its permission is required). */
  undoes?: string;
}

/** A record as given to put(): the meta timestamps are filled in by the writer. */
export type RecordInput<T extends EntityTable> = Omit<EntityByTable[T], 'createdAt' | 'updatedAt'> &
  Partial<Pick<RecordMeta, 'createdAt' | 'updatedAt'>>;

/** Fields for patch(): anything but the id and the meta timestamps. `undefined` removes a field. */
export type RecordPatch<T extends EntityTable> = Partial<Omit<EntityByTable[T], 'id' | 'createdAt' | 'updatedAt'>>;

export interface Writer {
  /** The instant of this operation (ISO), identical for every record it touches. */
  readonly now: IsoTimestamp;
  get<T extends EntityTable>(table: T, id: Id): Promise<EntityByTable[T] | undefined>;
  /** Creates the record, or replaces it entirely. A replace that changes nothing is not recorded. */
  put<T extends EntityTable>(table: T, record: RecordInput<T>): Promise<EntityByTable[T]>;
  /** Changes some fields of an existing record. Throws if it does not exist. */
  patch<T extends EntityTable>(table: T, id: Id, fields: RecordPatch<T>): Promise<EntityByTable[T]>;
  /** Marks the record deleted (tombstone) and emits a DeleteOp. Throws if it does not exist. */
  softDelete(table: EntityTable, id: Id): Promise<void>;
  /** The Dexie table for reads inside the same transaction (where, filter, …). */
  query<T extends EntityTable>(table: T): Table<EntityByTable[T], Id>;
}

export interface OperationResult {
  /** The Change appended to the outbox; null when the operation changed nothing. */
  change: Change | null;
  /** The record ops of the operation (also when no Change was emitted). */
  ops: RecordOp[];
  audit: AuditEntry[];
}

/** The tables every write transaction spans. */
export function writeScope(db: QuartierDb): Table[] {
  return [...ENTITY_TABLES.map((t) => db.table(t)), db.audit, db.outbox, db.syncState];
}

/**
 * Runs one user operation as one transaction with audit and outbox.
 * If `body` throws, nothing at all is written and the error is rethrown.
 */
export async function runOperation(
  db: QuartierDb,
  ctx: WriteContext,
  operation: string,
  body: (w: Writer) => Promise<void>,
  opts: OperationOptions = {},
): Promise<OperationResult> {
  assertContext(ctx, operation);
  // Cheap check on the session's view first: a refused operation does not even open a transaction.
  const required = requiredPermission(operation, opts.undoes);
  if (required && !ownAccountAllowed(ctx.actor.role, required, operation)) assertRoleHas(ctx.actor.role, required);
  const nowDate = (ctx.now ?? (() => new Date()))();
  return db.transaction('rw', writeScope(db), async () => {
    const actor = required ? await effectiveActor(db, ctx.actor) : null;
    // Without the permission, only as a change of the actor's own account (point 6).
    const ownOnly = actor && required && ownAccountAllowed(actor.role, required, operation) ? ownAccountFields(operation) : null;
    if (actor && required && !ownOnly) assertRoleHas(actor.role, required);
    const session = new WriteSession(db, nowDate.toISOString(), true);
    await body(session.writer);
    if (!required) assertOnlyAccessEvents(session.touchedRecords());
    else if (actor && ownOnly) assertOwnAccountOnly(actor, required, ownOnly, session.touchedRecords());
    else if (actor && isScopedRole(actor.role)) await checkScope(db, actor, session.touchedRecords());
    // Point 7: a new access event must fit the operation and name the actor.
    for (const t of session.touchedRecords()) {
      if (t.table === 'accessLog' && t.before === null) assertAccessEventFits(operation, ctx.actor.userId, t.after as { kind?: unknown; userId?: unknown });
    }
    const ops = session.ops();
    if (ops.length === 0) return { change: null, ops, audit: [] };

    const seq = await nextSeq(db);
    const clock = tick(await loadClock(db, ctx.deviceId), nowDate.getTime());
    await db.syncState.put({ key: SYNC_KEYS.hlc, value: hlcToString(clock) });
    const change: Change = {
      changeId: `${ctx.deviceId}:${seq}`,
      deviceId: ctx.deviceId,
      seq,
      hlc: hlcToString(clock),
      at: session.now,
      user: ctx.user,
      operation,
      ops,
    };
    const entry: OutboxEntry = { seq, change, shipped: false };
    await db.outbox.add(entry);
    const audit = session.auditEntries(ctx, operation, change.changeId, opts);
    await db.audit.bulkAdd(audit);
    return { change, ops, audit };
  });
}

export interface ApplyOptions extends OperationOptions {
  /** Write audit entries (remote changes: yes; demo seed: no). Default true. */
  audit?: boolean;
  /** The id of the change being applied, stored on the audit entries (undo, traceability). */
  changeId?: string;
  /**
   * Keep createdAt/updatedAt as given in the records instead of stamping
   * them with the local clock: a remote change carries its own timestamps.
   */
  keepTimestamps?: boolean;
}

/**
 * Writes records WITHOUT appending to the outbox. Two callers:
 * - sync applies changes that came from another laptop: re-emitting them
 *   would echo them back forever; they are already in the share's log;
 * - the demo seed is a local starting point, not a user's change (every
 *   laptop can load the same seed deterministically).
 * Same transaction rules and Writer as runOperation; the per-device sequence
 * number and the clock are not touched (use observeRemoteClock for remote stamps).
 */
export async function applyWithoutOutbox(
  db: QuartierDb,
  ctx: WriteContext,
  operation: string,
  body: (w: Writer) => Promise<void>,
  opts: ApplyOptions = {},
): Promise<OperationResult> {
  assertContext(ctx, operation);
  const nowDate = (ctx.now ?? (() => new Date()))();
  return db.transaction('rw', writeScope(db), async () => {
    const session = new WriteSession(db, nowDate.toISOString(), !opts.keepTimestamps);
    await body(session.writer);
    const ops = session.ops();
    const audit = opts.audit === false ? [] : session.auditEntries(ctx, operation, opts.changeId, opts);
    if (audit.length > 0) await db.audit.bulkAdd(audit);
    return { change: null, ops, audit };
  });
}

/**
 * Merges the HLC stamp of a remote change into the persisted local clock
 * (joins the caller's transaction if it includes syncState). A stamp too far
 * in the future is flagged and does not move the local clock.
 */
export async function observeRemoteClock(
  db: QuartierDb,
  deviceId: string,
  remoteHlc: string,
  nowMs: number,
  maxDriftMs?: number,
): Promise<ReceiveResult> {
  const remote = parseHlc(remoteHlc);
  return db.transaction('rw', db.syncState, async () => {
    const result = receive(await loadClock(db, deviceId), remote, nowMs, maxDriftMs);
    if (!result.flagged) await db.syncState.put({ key: SYNC_KEYS.hlc, value: hlcToString(result.clock) });
    return result;
  });
}

/** The last used outbox sequence number (0 before the first change). */
export async function lastOutboxSeq(db: QuartierDb): Promise<number> {
  const row = await db.syncState.get(SYNC_KEYS.outboxSeq);
  return typeof row?.value === 'number' ? row.value : 0;
}

// ---------------------------------------------------------------------------
// Internals

type AnyRecord = RecordMeta & Record<string, unknown>;

interface Touched {
  table: EntityTable;
  id: Id;
  /** State before the operation (null when created by it). */
  before: AnyRecord | null;
  after: AnyRecord;
  /** Fields set by the operation (names), for the UpsertOp. */
  fields: Set<string>;
  deleted: boolean;
}

class WriteSession {
  private readonly touched = new Map<string, Touched>();
  readonly writer: Writer;

  constructor(
    private readonly db: QuartierDb,
    readonly now: IsoTimestamp,
    private readonly stampTimestamps: boolean,
  ) {
    // Arrow functions keep `this`; the generic signatures are declared on Writer.
    const tableOf = (t: EntityTable): Table<AnyRecord, Id> => {
      assertEntityTable(t);
      return this.db.table(t);
    };
    this.writer = {
      now,
      get: async (t, id) => {
        const row = await tableOf(t).get(id);
        return (row && withoutInlineState(row)) as never;
      },
      put: async (t, record) => (await this.write(t, record as unknown as AnyRecord, 'put')) as never,
      patch: async (t, id, fields) => {
        const existing = await tableOf(t).get(id);
        if (!existing) throw new Error(`Datensatz nicht gefunden: ${t}/${id}`);
        return (await this.write(t, { ...existing, ...(fields as Record<string, unknown>), id }, 'patch')) as never;
      },
      softDelete: async (t, id) => {
        const existing = await tableOf(t).get(id);
        if (!existing) throw new Error(`Datensatz nicht gefunden: ${t}/${id}`);
        if (existing.deleted === true) return;
        await this.write(t, { ...existing, deleted: true }, 'delete');
      },
      query: (t) => tableOf(t) as never,
    };
  }

  private async write(table: EntityTable, input: AnyRecord, mode: 'put' | 'patch' | 'delete'): Promise<AnyRecord> {
    assertEntityTable(table);
    if (typeof input.id !== 'string' || input.id.length === 0) throw new Error(`Datensatz ohne gültige ID in ${table}.`);
    const tbl = this.db.table<AnyRecord, Id>(table);
    const stored = await tbl.get(input.id);
    // The sync may keep a record's create-only merge state inside its row
    // (shared/sync/inlineState.ts). It is the sync's bookkeeping, not data:
    // never taken from the caller, kept as stored, and absent from the
    // diff, the Change and the audit entry.
    const syncState = inlineStateOf(stored);
    const existing = stored && withoutInlineState(stored);
    const next = withoutUndefined(structuredClone(withoutInlineState(input)));
    // Reviving a soft-deleted record (a full put of its earlier, live state,
    // or a patch clearing the flag) stores and sends `deleted: false`
    // explicitly. An absent flag would travel as null, a non-boolean other
    // laptops must not have to interpret, and a record stored with the flag
    // absent here but null there would differ between laptops.
    if (mode !== 'delete' && existing?.deleted === true && next.deleted !== true) next.deleted = false;
    if (this.stampTimestamps || typeof next.createdAt !== 'string') next.createdAt = existing?.createdAt ?? this.now;
    if (this.stampTimestamps || typeof next.updatedAt !== 'string') next.updatedAt = this.now;

    const changed = changedFields(existing, next);
    if (existing && changed.length === 0) return existing;
    // Access events are evidence: created once, never changed or deleted (shared/audit).
    assertAppendOnly(table, input.id, existing, changed);

    await tbl.put(syncState === undefined ? next : { ...next, [INLINE_STATE_FIELD]: syncState });
    const key = `${table}\u0000${input.id}`;
    let t = this.touched.get(key);
    if (!t) {
      t = { table, id: input.id, before: existing ?? null, after: next, fields: new Set(), deleted: false };
      this.touched.set(key, t);
    }
    t.after = next;
    if (mode === 'delete') t.deleted = true;
    else if (next.deleted !== true) t.deleted = false; // a later put/patch revives the record
    // `deleted` travels as a DeleteOp; a revival (put/patch clearing it) travels as a field.
    for (const f of changed) if (f !== 'deleted' || mode !== 'delete') t.fields.add(f);
    return next;
  }

  /** What the operation wrote so far (for the permission checks). */
  touchedRecords(): readonly TouchedRecord[] {
    return [...this.touched.values()];
  }

  ops(): RecordOp[] {
    const ops: RecordOp[] = [];
    for (const t of this.touched.values()) {
      const created = t.before === null;
      const names = created ? Object.keys(t.after).filter((f) => f !== 'deleted') : [...t.fields];
      if (names.length > 0 && !(t.deleted && !created && onlyMeta(names))) {
        const fields: Record<string, unknown> = {};
        // A field removed by a full replace travels as null: JSON has no undefined.
        for (const f of names) fields[f] = f in t.after ? t.after[f] : null;
        const upsert: UpsertOp = { kind: 'upsert', table: t.table, id: t.id, fields, created };
        ops.push(upsert);
      }
      if (t.deleted) {
        const del: DeleteOp = { kind: 'delete', table: t.table, id: t.id };
        ops.push(del);
      }
    }
    return ops;
  }

  auditEntries(ctx: WriteContext, operation: string, changeId: string | undefined, opts: OperationOptions): AuditEntry[] {
    const reason = opts.reason;
    return [...this.touched.values()].map((t) => {
      const entry: AuditEntry = {
        id: crypto.randomUUID(),
        at: this.now,
        user: ctx.user,
        deviceId: ctx.deviceId,
        operation,
        entity: t.table,
        entityId: t.id,
        before: t.before,
        after: t.after,
      };
      if (reason !== undefined) entry.reason = reason;
      if (changeId !== undefined) entry.changeId = changeId;
      // A failed sign-in of an unknown login has no user id; the entry then has none either.
      if (ctx.actor.userId !== '') entry.userId = ctx.actor.userId;
      const source = opts.auditSource?.(t.table, t.id);
      if (source) entry.source = source;
      return entry;
    });
  }
}

// --- permission checks (see the header) ---------------------------------------

type TouchedRecord = Pick<Touched, 'table' | 'id' | 'before' | 'after'>;

/** The permission `operation` needs; null when none. Unknown operations are refused. */
function requiredPermission(operation: string, undoes: string | undefined): Permission | null {
  const req = permissionForOperation(operation, undoes);
  if (req.kind === 'unknown') throw new PermissionDeniedError('unknownOperation', { operation: undoes ?? operation });
  return req.kind === 'permission' ? req.permission : null;
}

function assertRoleHas(role: Role, permission: Permission): void {
  if (!hasPermission(role, permission)) throw new PermissionDeniedError('missingPermission', { permission });
}

/** The actor as the users table knows it now (see the header, point 2). */
async function effectiveActor(db: QuartierDb, actor: Actor): Promise<Actor> {
  const user = actor.userId === '' ? undefined : await db.users.get(actor.userId);
  if (user) {
    if (user.deleted === true || !user.active) throw new PermissionDeniedError('inactive');
    return { userId: user.id, role: user.role, accommodationIds: user.accommodationIds };
  }
  if ((await db.users.count()) > 0) throw new PermissionDeniedError('unknownUser');
  return actor;
}

/** True when `role` lacks `required` but `operation` may still change the actor's own account (point 6). */
function ownAccountAllowed(role: Role, required: Permission, operation: string): boolean {
  return !hasPermission(role, required) && ownAccountFields(operation) !== null;
}

/**
 * Point 6: the body wrote only `fields` of the actor's own, existing user
 * record (plus the timestamp the writer sets); anything else is refused with
 * the missing permission, as if the exception did not exist.
 */
function assertOwnAccountOnly(actor: Actor, required: Permission, fields: readonly string[], touched: readonly TouchedRecord[]): void {
  const allowed = new Set([...fields, 'updatedAt']);
  const ok = touched.every((t) => {
    if (t.table !== 'users' || t.id !== actor.userId || t.before === null) return false;
    const keys = new Set([...Object.keys(t.before), ...Object.keys(t.after)]);
    return [...keys].every((k) => allowed.has(k) || JSON.stringify(t.before?.[k]) === JSON.stringify(t.after[k]));
  });
  if (!ok) throw new PermissionDeniedError('missingPermission', { permission: required });
}

function assertOnlyAccessEvents(touched: readonly TouchedRecord[]): void {
  if (touched.some((t) => t.table !== 'accessLog')) throw new PermissionDeniedError('onlyAccessEvents');
}

/**
 * Außendienst: every record written must belong to an assigned accommodation.
 * - accommodations: the record itself; units, rooms, beds, bed blocks, stays:
 *   their accommodationId BEFORE and AFTER the write (moving a record out of
 *   or into a foreign accommodation both touch it);
 * - persons: only together with a stay of that person written by the same
 *   operation (which itself passed the check) – a check-in may update the
 *   person it places, never anyone else;
 * - households: only when one of their members has such a stay;
 * - access events: always (they record the operation that is being checked);
 * - every other table (allocations, letters, users, …): never.
 */
async function checkScope(db: QuartierDb, actor: Actor, touched: readonly TouchedRecord[]): Promise<void> {
  const allowed = new Set(actor.accommodationIds);
  const outside = async (accommodationId: unknown): Promise<never> => {
    const acc = typeof accommodationId === 'string' ? await db.accommodations.get(accommodationId) : undefined;
    throw new PermissionDeniedError(acc ? 'outsideAssignment' : 'outsideAssignmentUnnamed', acc ? { accommodation: acc.name } : {});
  };
  const placedPersons = new Set<Id>();
  for (const t of touched) {
    switch (t.table) {
      case 'accessLog':
        break;
      case 'accommodations':
        if (!allowed.has(t.id)) await outside(t.id);
        break;
      case 'units':
      case 'rooms':
      case 'beds':
      case 'bedBlocks':
      case 'stays':
        for (const r of [t.before, t.after]) {
          if (r && !allowed.has(r.accommodationId as Id)) await outside(r.accommodationId);
        }
        if (t.table === 'stays') placedPersons.add(t.after.personId as Id);
        break;
      default:
        break;
    }
  }
  for (const t of touched) {
    if (t.table === 'persons') {
      if (!placedPersons.has(t.id)) throw new PermissionDeniedError('outsideAssignmentUnnamed');
    } else if (t.table === 'households') {
      const members = await db.persons.where('householdId').equals(t.id).primaryKeys();
      if (!members.some((id) => placedPersons.has(id))) throw new PermissionDeniedError('outsideAssignmentUnnamed');
    } else if (!SCOPE_CHECKED.has(t.table)) {
      throw new PermissionDeniedError('outsideAssignmentUnnamed');
    }
  }
}

const SCOPE_CHECKED: ReadonlySet<EntityTable> = new Set(['accessLog', 'accommodations', 'units', 'rooms', 'beds', 'bedBlocks', 'stays']);

function onlyMeta(fields: string[]): boolean {
  return fields.every((f) => f === 'updatedAt' || f === 'createdAt');
}

async function nextSeq(db: QuartierDb): Promise<number> {
  const seq = (await lastOutboxSeq(db)) + 1;
  await db.syncState.put({ key: SYNC_KEYS.outboxSeq, value: seq });
  return seq;
}

async function loadClock(db: QuartierDb, deviceId: string): Promise<Hlc> {
  const row = await db.syncState.get(SYNC_KEYS.hlc);
  if (typeof row?.value !== 'string') return createHlc(deviceId);
  // The node is always this device, even if the stored clock came from a
  // restored image of another one: only the time part is carried over.
  const stored = parseHlc(row.value);
  return { wallMs: stored.wallMs, counter: stored.counter, node: deviceId };
}

function assertContext(ctx: WriteContext, operation: string): void {
  if (ctx.deviceId.length === 0) throw new Error('Keine Geräte-ID: Änderungen können nicht gespeichert werden.');
  if (operation.length === 0) throw new Error('Jede Änderung braucht einen Vorgangsnamen.');
}

function assertEntityTable(table: string): asserts table is EntityTable {
  if (!(ENTITY_TABLES as readonly string[]).includes(table)) throw new Error(`Unbekannte Tabelle: ${table}`);
}

/**
 * Names of fields whose value differs (undefined and absent are the same).
 * A field that disappears is a change like any other: ops() sends it as
 * null. The one exception is `deleted`, which write() never lets disappear
 * from a tombstone: a revival sets it to false, so the change carries false.
 */
export function changedFields(before: Record<string, unknown> | undefined, after: Record<string, unknown>): string[] {
  if (!before) return Object.keys(after);
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out: string[] = [];
  for (const n of names) {
    if (n === 'updatedAt') continue;
    if (!deepEqual(before[n], after[n])) out.push(n);
  }
  if (out.length > 0) out.push('updatedAt');
  return out;
}

/** Structural equality for the plain data we store (JSON-like values). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!deepEqual(ao[k], bo[k])) return false;
  return true;
}

function withoutUndefined<T extends Record<string, unknown>>(record: T): T {
  for (const k of Object.keys(record)) if (record[k] === undefined) delete record[k];
  return record;
}
