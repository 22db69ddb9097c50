// Helpers to test Dexie schema migrations on real IndexedDB semantics
// (fake-indexeddb): create a database exactly as an OLD app version left it,
// with raw rows, then open it with the current QuartierDb and inspect.
//
// The old database is created with plain Dexie and the frozen store
// definitions of that version (renderer/db/schema.ts, SCHEMA_VERSIONS), so it
// has the same IndexedDB version number and indexes the old app produced.
import Dexie from 'dexie';
import { QuartierDb } from '../../../renderer/db/db';
import { SCHEMA_VERSIONS, type StoreDefinitions } from '../../../renderer/db/schema';

export type FixtureRows = Record<string, readonly object[]>;

let counter = 0;
/** A database name no other test uses. */
export function uniqueDbName(prefix = 'quartier-test'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

export function storesOfVersion(version: number): StoreDefinitions {
  const found = SCHEMA_VERSIONS.find((v) => v.version === version);
  if (!found) throw new Error(`No schema version ${version} in SCHEMA_VERSIONS`);
  return found.stores;
}

/**
 * Creates database `name` at schema `version` (declaring every version up to
 * it, as the old app did) and writes the raw fixture rows, bypassing the
 * repository: fixtures are what an old version stored, not new changes.
 */
export async function createDatabaseAtVersion(name: string, version: number, rows: FixtureRows = {}): Promise<void> {
  const db = new Dexie(name);
  for (const v of SCHEMA_VERSIONS) {
    if (v.version > version) break;
    db.version(v.version).stores(v.stores);
  }
  await db.open();
  try {
    const tables = Object.keys(rows);
    await db.transaction('rw', tables, async () => {
      for (const t of tables) await db.table(t).bulkAdd([...(rows[t] ?? [])]);
    });
  } finally {
    db.close();
  }
}

/** Opens the database with the current app schema (runs pending upgrades). */
export async function openWithCurrentSchema(name: string): Promise<QuartierDb> {
  const db = new QuartierDb(name);
  await db.open();
  return db;
}

/** All rows of all tables of an open Dexie database, by table name. */
export async function dumpTables(db: Dexie): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

/** The raw IndexedDB version and per-store key path and index names, read without Dexie. */
export async function describeRawDatabase(
  name: string,
): Promise<{ version: number; stores: Record<string, { keyPath: string | string[] | null; indexes: string[] }> }> {
  const request = indexedDB.open(name);
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
  try {
    const stores: Record<string, { keyPath: string | string[] | null; indexes: string[] }> = {};
    const names = [...idb.objectStoreNames];
    if (names.length > 0) {
      const tx = idb.transaction(names, 'readonly');
      for (const n of names) {
        const store = tx.objectStore(n);
        stores[n] = { keyPath: store.keyPath, indexes: [...store.indexNames].sort() };
      }
    }
    return { version: idb.version, stores };
  } finally {
    idb.close();
  }
}

/** Index names Dexie creates for a store definition string (without the primary key). */
export function expectedIndexNames(definition: string): string[] {
  return definition
    .split(',')
    .slice(1)
    .map((s) => s.trim().replace(/^[&*]/, ''))
    .filter((s) => s.length > 0)
    .sort();
}

export async function deleteDatabase(name: string): Promise<void> {
  await Dexie.delete(name);
}
