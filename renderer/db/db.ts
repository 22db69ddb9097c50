// The local IndexedDB database (Dexie). Every laptop keeps the whole dataset
// here and works offline; writes go through renderer/db/repository.ts so that
// each change also lands in the audit trail and the sync outbox.
import Dexie, { type Table } from 'dexie';
import type { AuditEntry, EntityByTable, EntityTable, Id, SettingEntry } from '../../shared/domain/model';
import type { OutboxEntry } from '../../shared/sync/change';
import { SCHEMA_V1 } from './schema';

export interface SyncStateEntry {
  key: string;
  value: unknown;
}

export type EntityTables = { [T in EntityTable]: Table<EntityByTable[T], Id> };

export const DEFAULT_DATABASE_NAME = 'quartier';

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
  audit!: Table<AuditEntry, Id>;
  settings!: Table<SettingEntry, string>;
  outbox!: Table<OutboxEntry, number>;
  syncState!: Table<SyncStateEntry, string>;

  constructor(name: string = DEFAULT_DATABASE_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    // Future versions follow this pattern (see test/integration/db/migrations.test.ts):
    //   this.version(2).stores(SCHEMA_V2).upgrade(async (tx) => { ...transform rows of v1... });
    // Never edit SCHEMA_V1 or an existing upgrade after release.
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
