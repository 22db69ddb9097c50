// Schema migrations. Every Dexie version gets a test here.
//
// THE PATTERN every future `version(n).upgrade` must follow:
//  1. Add `SCHEMA_Vn` in renderer/db/schema.ts (copy V(n-1), change what is
//     needed), append it to SCHEMA_VERSIONS and bump CURRENT_SCHEMA_VERSION.
//     Never edit an older SCHEMA_V* or an older upgrade function.
//  2. In QuartierDb's constructor: `this.version(n).stores(SCHEMA_Vn).upgrade(tx => …)`.
//     The upgrade only transforms rows with `tx.table(name).toCollection().modify(…)`;
//     it must be deterministic and idempotent in effect (the same v(n-1) rows
//     give the same vn rows), and must not write to the outbox: a migration is
//     not a user change, every laptop migrates its own copy the same way.
//  3. Add a test below: createDatabaseAtVersion(name, n-1, fixtureRows), then
//     openWithCurrentSchema(name), and assert on the migrated rows and on the
//     raw indexes (describeRawDatabase). The test "a v2 upgrade written with
//     the pattern" shows the shape with a throw-away v2.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ENTITY_TABLES } from '../../../shared/domain/model';
import { CURRENT_SCHEMA_VERSION, SCHEMA_V1, SCHEMA_V2, SCHEMA_VERSIONS } from '../../../renderer/db/schema';
import { openDatabase } from '../../../renderer/db/db';
import {
  createDatabaseAtVersion,
  deleteDatabase,
  describeRawDatabase,
  dumpTables,
  expectedIndexNames,
  openWithCurrentSchema,
  storesOfVersion,
  uniqueDbName,
} from './migration-harness';
import { smallFixture } from './fixtures';

const opened: { close(): void; name: string }[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await deleteDatabase(db.name);
  }
});

describe('schema versions', () => {
  it('lists every version in order, the last being the current one', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual([1, 2]);
    expect(SCHEMA_VERSIONS.at(-1)!.version).toBe(CURRENT_SCHEMA_VERSION);
    expect(Object.isFrozen(SCHEMA_V1)).toBe(true);
    expect(Object.isFrozen(SCHEMA_V2)).toBe(true);
  });

  it('the current version has a table for every entity plus audit, settings, outbox and syncState', () => {
    expect(Object.keys(SCHEMA_V2).sort()).toEqual([...ENTITY_TABLES, 'audit', 'settings', 'outbox', 'syncState'].sort());
  });

  it('v2 only adds: every v1 store keeps its definition except the new audit index', () => {
    for (const [table, def] of Object.entries(SCHEMA_V1)) {
      if (table === 'audit') expect(SCHEMA_V2.audit!.startsWith(def), table).toBe(true);
      else expect(SCHEMA_V2[table], table).toBe(def);
    }
  });
});

describe('current version', () => {
  it('opens empty with exactly the declared stores and indexes', async () => {
    const name = uniqueDbName();
    const db = await openDatabase(name);
    opened.push(db);
    for (const t of ENTITY_TABLES) expect(await db.table(t).count()).toBe(0);
    db.close();

    const raw = await describeRawDatabase(name);
    expect(raw.version).toBe(CURRENT_SCHEMA_VERSION * 10); // Dexie multiplies by 10
    expect(Object.keys(raw.stores).sort()).toEqual(Object.keys(SCHEMA_V2).sort());
    for (const [table, def] of Object.entries(SCHEMA_V2)) {
      expect(raw.stores[table]!.indexes, table).toEqual(expectedIndexNames(def));
    }
    expect(raw.stores.outbox!.keyPath).toBe('seq');
    expect(raw.stores.stays!.indexes).toContain('[bedId+from]');
  });

  it('opens a v1 database with fixture rows unchanged and queryable by its indexes', async () => {
    const name = uniqueDbName();
    const fixture = smallFixture();
    await createDatabaseAtVersion(name, 1, fixture);
    const db = await openWithCurrentSchema(name);
    opened.push(db);

    const dump = await dumpTables(db);
    for (const [table, rows] of Object.entries(fixture)) expect(dump[table], table).toEqual(rows);
    expect(await db.stays.where('bedId').equals('b2').count()).toBe(1);
    expect(await db.stays.where('[bedId+from]').between(['b1', '2026-01-01'], ['b1', '2026-12-31']).count()).toBe(1);
    expect(await db.persons.where('familyName').equals('Haddad').count()).toBe(2);
    // Open stays are not in the `to` index (null is not a key): documented in schema.ts.
    expect(await db.stays.where('to').above('').count()).toBe(1);
  });

  it('refuses nothing silently: a fixture for an unknown version fails loudly', () => {
    expect(() => storesOfVersion(99)).toThrow(/No schema version 99/);
  });
});

describe('a v2 upgrade written with the pattern', () => {
  // A throw-away v2 that adds an index and fills a new field, to prove the
  // harness and the pattern work before a real v2 exists.
  const SCHEMA_V2_EXAMPLE = { ...SCHEMA_V1, persons: `${SCHEMA_V1.persons}, nationality` };

  class ExampleV2Db extends Dexie {
    constructor(name: string) {
      super(name);
      this.version(1).stores(SCHEMA_V1);
      this.version(2)
        .stores(SCHEMA_V2_EXAMPLE)
        .upgrade(async (tx) => {
          await tx
            .table('persons')
            .toCollection()
            .modify((p: { languages?: string[] }) => {
              if (!Array.isArray(p.languages)) p.languages = [];
            });
        });
    }
  }

  it('migrates v1 rows and adds the index, without touching the outbox', async () => {
    const name = uniqueDbName();
    const fixture = smallFixture();
    const legacy = { ...fixture.persons[0]!, id: 'p-old' } as Record<string, unknown>;
    delete legacy.languages;
    await createDatabaseAtVersion(name, 1, { ...fixture, persons: [...fixture.persons, legacy] });

    const db = new ExampleV2Db(name);
    await db.open();
    opened.push(db);
    expect(db.verno).toBe(2);
    const migrated = (await db.table('persons').get('p-old')) as { languages: string[] };
    expect(migrated.languages).toEqual([]);
    expect(await db.table('persons').where('nationality').equals('SYR').count()).toBe(3);
    expect(await db.table('outbox').count()).toBe(0);
    expect(await db.table('stays').count()).toBe(fixture.stays.length);
    db.close();
    const raw = await describeRawDatabase(name);
    expect(raw.stores.persons!.indexes).toContain('nationality');
  });
});
