// Dexie store definitions, one frozen const per schema version.
//
// Why consts: a migration test must be able to create a database at exactly
// an old version (test/integration/db/migration-harness.ts). So a version's
// stores are never edited once released; a change is a new SCHEMA_Vn plus a
// `version(n).stores(SCHEMA_Vn).upgrade(...)` in db.ts.
//
// Index notes
// - The first entry is the primary key. All entity tables use the string `id`.
// - IndexedDB does not index null/undefined/boolean values: a stay with
//   `to: null` (open) is absent from the `to` index, and booleans such as
//   `deleted` cannot be indexed at all. Queries for open stays therefore go
//   through `personId`/`bedId`/`accommodationId` and filter in memory.
// - No unique secondary indexes (e.g. on AGS or letter number): two offline
//   laptops may create the same value, and a sync apply must never fail on a
//   constraint. Duplicates are a domain conflict, shown by the rules instead.
// - `[bedId+from]` answers "stays of this bed ordered by start" (bed timeline,
//   overlap checks) without sorting in JS.
import type { EntityTable } from '../../shared/domain/model';

export type StoreDefinitions = Readonly<Record<string, string>>;

const ENTITY_STORES_V1: Readonly<Record<Exclude<EntityTable, 'users' | 'accessLog'>, string>> = {
  municipalities: 'id, ags, name',
  accommodations: 'id, municipalityId, status, kind, name',
  units: 'id, accommodationId',
  rooms: 'id, accommodationId, unitId',
  beds: 'id, roomId, accommodationId',
  bedBlocks: 'id, bedId, accommodationId',
  persons: 'id, householdId, fileNumber, familyName, admissionDate',
  households: 'id, headPersonId',
  stays: 'id, personId, bedId, accommodationId, roomId, householdId, from, to, [bedId+from]',
  allocations: 'id, householdId, municipalityId, status',
  letterTemplates: 'id, kind',
  letters: 'id, number, templateId, householdId, issuedOn',
};

/** Version 1: entity tables plus local-only bookkeeping. */
export const SCHEMA_V1: StoreDefinitions = Object.freeze({
  ...ENTITY_STORES_V1,
  /** One row per touched record per operation; `changeId` groups an operation for undo. */
  audit: 'id, at, entityId, changeId',
  /** Key/value settings (device id, user name, demo marker). */
  settings: 'key',
  /** Outgoing changes, primary key = per-device sequence number (no auto-increment: we control gaps). */
  outbox: 'seq',
  /** Sync bookkeeping (outbox sequence counter, persisted HLC, later: read positions). */
  syncState: 'key',
});

/**
 * Version 2: user accounts and the access log (exports, letters, Auskunft,
 * retention runs, sign-ins), both synced entity tables; the audit trail gets
 * an index on the acting user for the audit view's filter. New tables only:
 * no row of version 1 changes, so there is no upgrade function.
 */
export const SCHEMA_V2: StoreDefinitions = Object.freeze({
  ...SCHEMA_V1,
  users: 'id, login',
  accessLog: 'id, at, kind, userId',
  audit: 'id, at, entityId, changeId, user',
});

/** The newest schema version; db.ts declares every version up to this one. */
export const CURRENT_SCHEMA_VERSION = 2;

/** Every version with its stores, oldest first. Tests use this to open old versions. */
export const SCHEMA_VERSIONS: readonly { version: number; stores: StoreDefinitions }[] = [
  { version: 1, stores: SCHEMA_V1 },
  { version: 2, stores: SCHEMA_V2 },
];

/** Tables that are local to this device and never synced. */
export const LOCAL_TABLES = ['audit', 'settings', 'outbox', 'syncState'] as const;
export type LocalTable = (typeof LOCAL_TABLES)[number];
