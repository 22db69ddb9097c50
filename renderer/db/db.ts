// The local IndexedDB database (Dexie). Every laptop keeps the whole dataset
// here and works offline; writes go through renderer/db/repository.ts so that
// each change also lands in the audit trail and the sync outbox.
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTable, type Table } from 'dexie';
import { ENTITY_TABLES, type AuditEntry, type EntityByTable, type EntityTable, type Id, type SettingEntry } from '../../shared/domain/model';
import type { OutboxEntry } from '../../shared/sync/change';
import { SCHEMA_V1, SCHEMA_V2 } from './schema';

export interface SyncStateEntry {
  key: string;
  value: unknown;
}

export type EntityTables = { [T in EntityTable]: Table<EntityByTable[T], Id> };

export const DEFAULT_DATABASE_NAME = 'quartier';

// ---------------------------------------------------------------------------
// Data generation
//
// A token in synchronous, origin-wide storage (localStorage: shared by every
// tab and window of the app) that changes before ANY write to an entity table
// can commit. Caches derived from the data (the dashboard's summary) store the
// token they were computed from and are valid only while it is unchanged.
//
// Why this is safe, whatever code path writes (repository, demo load,
// clearAllData, the sync engine's own Dexie calls, another tab): the token is
// replaced by a DBCore middleware inside `mutate`, i.e. synchronously before
// the request is even handed to IndexedDB, so before its transaction can
// commit. A reader that reads the token and THEN opens its read transaction
// either sees a write (the write's transaction was created earlier and
// IndexedDB orders the reader after it) or sees the token that write set
// later. So "token unchanged" proves "no write committed since the read".
// - An aborted transaction has still replaced the token: the cache is
//   invalidated for nothing (safe, costs one slow open).
// - A crash between the replacement and the commit: same (safe).
// - The token is a fresh random value, not `n + 1`: two tabs that read n at
//   the same time would both write n + 1 and one change would go unnoticed;
//   two fresh tokens can never equal one that a reader saw before.
// - If the token cannot be written (storage full or disabled), it is removed
//   instead: a missing token is never treated as valid by a reader.

/** Synchronous key-value storage (the subset of Web Storage we use). */
export interface SyncStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Process-wide fallback where there is no localStorage (Node tests). Shared by all instances like localStorage. */
const memoryStorage: SyncStorage = (() => {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
})();

/** localStorage when the environment has a usable one, else the in-memory fallback. */
export function defaultSyncStorage(): SyncStorage {
  try {
    if (typeof localStorage !== 'undefined' && typeof localStorage.getItem === 'function') return localStorage;
  } catch {
    // Access can throw (e.g. storage disabled by policy).
  }
  return memoryStorage;
}

export function dataGenerationKey(dbName: string): string {
  return `quartier.dataGeneration.${dbName}`;
}

function freshToken(): string {
  return `${Date.now().toString(36)}-${crypto.randomUUID()}`;
}

const ENTITY_TABLE_NAMES: ReadonlySet<string> = new Set(ENTITY_TABLES);

export interface QuartierDbOptions {
  /** Where the data generation token lives; defaults to localStorage (in-memory without one). */
  storage?: SyncStorage;
}

export class QuartierDb extends Dexie {
  municipalities!: EntityTables['municipalities'];
  accommodations!: EntityTables['accommodations'];
  units!: EntityTables['units'];
  rooms!: EntityTables['rooms'];
  beds!: EntityTables['beds'];
  bedBlocks!: EntityTables['bedBlocks'];
  persons!: EntityTables['persons'];
  households!: EntityTables['households'];
  stays!: EntityTables['stays'];
  allocations!: EntityTables['allocations'];
  letterTemplates!: EntityTables['letterTemplates'];
  letters!: EntityTables['letters'];
  users!: EntityTables['users'];
  accessLog!: EntityTables['accessLog'];
  audit!: Table<AuditEntry, Id>;
  settings!: Table<SettingEntry, string>;
  outbox!: Table<OutboxEntry, number>;
  syncState!: Table<SyncStateEntry, string>;

  /** Storage of the data generation token (and of caches keyed by it). */
  readonly storage: SyncStorage;

  constructor(name: string = DEFAULT_DATABASE_NAME, options: QuartierDbOptions = {}) {
    super(name);
    this.storage = options.storage ?? defaultSyncStorage();
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    // Future versions follow this pattern (see test/integration/db/migrations.test.ts):
    //   this.version(2).stores(SCHEMA_V2).upgrade(async (tx) => { ...transform rows of v1... });
    // Never edit SCHEMA_V1 or an existing upgrade after release.
    this.use({
      stack: 'dbcore',
      name: 'changeCounter',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (tableName: string): DBCoreTable => {
          const table = down.table(tableName);
          if (!ENTITY_TABLE_NAMES.has(tableName)) return table;
          return {
            ...table,
            mutate: (req: DBCoreMutateRequest) => {
              // Before the request reaches IndexedDB, hence before any commit (see above).
              this.bumpDataGeneration();
              return table.mutate(req);
            },
          };
        },
      }),
    });
  }

  /**
   * The current data generation token. A missing token is created first: the
   * caller reads data only after this returns, so that data is covered.
   * Null when the storage is unusable (then nothing may be cached).
   */
  dataGeneration(): string | null {
    const key = dataGenerationKey(this.name);
    try {
      const current = this.storage.getItem(key);
      if (current !== null) return current;
      const token = freshToken();
      this.storage.setItem(key, token);
      return token;
    } catch {
      return null;
    }
  }

  /** Replaces the token (see "Data generation" above). Never throws: a write must not fail over a cache. */
  bumpDataGeneration(): void {
    const key = dataGenerationKey(this.name);
    try {
      this.storage.setItem(key, freshToken());
    } catch {
      try {
        this.storage.removeItem(key);
      } catch (error) {
        // Storage unusable altogether: dataGeneration() returns null too, so no cache is trusted.
        console.error('Datenstand-Zähler konnte nicht aktualisiert werden', error);
      }
    }
  }

  /** The Dexie table of an entity, typed by its name. */
  entity<T extends EntityTable>(table: T): EntityTables[T] {
    return this.table(table) as unknown as EntityTables[T];
  }
}

/** Opens (creating or upgrading) the database with the given name. */
export async function openDatabase(name: string = DEFAULT_DATABASE_NAME): Promise<QuartierDb> {
  const db = new QuartierDb(name);
  await db.open();
  return db;
}

let defaultDb: QuartierDb | null = null;

/**
 * The app's database, created on first use. Dexie opens it lazily on the
 * first query, so this is synchronous and safe to call from React modules.
 */
export function getDb(): QuartierDb {
  defaultDb ??= new QuartierDb(DEFAULT_DATABASE_NAME);
  return defaultDb;
}
