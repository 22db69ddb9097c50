// The data generation token (renderer/db/db.ts): every write to an entity
// table replaces it before the write can commit, whatever path writes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataGenerationKey, QuartierDb, type SyncStorage } from '../../../renderer/db/db';
import { applyWithoutOutbox, runOperation, type WriteContext } from '../../../renderer/db/repository';
import { clearAllData, loadDemoData } from '../../../renderer/db/demo';
import { deleteDatabase, uniqueDbName } from './migration-harness';
import { bed, municipality, person } from './fixtures';
import { ADMIN } from '../../support/actors';

/** A storage that records every write, to see WHEN the token changed. */
class RecordingStorage implements SyncStorage {
  readonly map = new Map<string, string>();
  writes = 0;
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.writes++;
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

let db: QuartierDb;
let storage: RecordingStorage;
const ctx: WriteContext = { user: 'Frau Test', deviceId: 'dev-A', actor: ADMIN };

beforeEach(async () => {
  storage = new RecordingStorage();
  db = new QuartierDb(uniqueDbName(), { storage });
  await db.open();
});
afterEach(async () => {
  db.close();
  await deleteDatabase(db.name);
});

/** Runs `write` and returns whether the token differs afterwards. */
async function changesToken(write: () => Promise<unknown>): Promise<boolean> {
  const before = db.dataGeneration();
  expect(before).not.toBeNull();
  await write();
  const after = db.storage.getItem(dataGenerationKey(db.name));
  return after !== null && after !== before;
}

describe('data generation token', () => {
  it('is created on first read and stays put without writes', async () => {
    const g = db.dataGeneration();
    expect(g).toMatch(/\S+/);
    await db.persons.toArray();
    await db.settings.put({ key: 'x', value: 1 });
    await db.syncState.put({ key: 'y', value: 2 });
    expect(db.dataGeneration()).toBe(g);
  });

  it('changes on runOperation', async () => {
    expect(await changesToken(() => runOperation(db, ctx, 'person.create', async (w) => void (await w.put('municipalities', municipality()))))).toBe(true);
  });

  it('changes on applyWithoutOutbox (sync apply, demo seed path)', async () => {
    expect(await changesToken(() => applyWithoutOutbox(db, ctx, 'remote', async (w) => void (await w.put('persons', person('p1'))), { audit: false }))).toBe(true);
  });

  it('changes on raw Dexie put, bulkAdd, modify, delete and clear', async () => {
    expect(await changesToken(() => db.beds.put(bed('b1')))).toBe(true);
    expect(await changesToken(() => db.persons.bulkAdd([person('p1'), person('p2')]))).toBe(true);
    expect(await changesToken(() => db.persons.where('id').equals('p1').modify({ givenName: 'Neu' }))).toBe(true);
    expect(await changesToken(() => db.persons.delete('p2'))).toBe(true);
    expect(await changesToken(() => db.beds.clear())).toBe(true);
  });

  it('changes on demo load and clearAllData', async () => {
    expect(await changesToken(() => loadDemoData(db, { scale: 'county', today: '2026-03-10' }))).toBe(true);
    expect(await changesToken(() => clearAllData(db))).toBe(true);
  });

  it('is replaced before the write commits, and also when the transaction aborts', async () => {
    const before = db.dataGeneration();
    let seenInside: string | null = null;
    await expect(
      db.transaction('rw', db.persons, async () => {
        await db.persons.put(person('p9'));
        seenInside = storage.getItem(dataGenerationKey(db.name));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    // Already replaced while the transaction was still open …
    expect(seenInside).not.toBe(before);
    // … and an aborted write leaves it replaced: a cache is dropped for nothing, never kept wrongly.
    expect(await db.persons.get('p9')).toBeUndefined();
    expect(db.dataGeneration()).toBe(seenInside);
  });

  it('sees writes of another connection to the same database (another tab)', async () => {
    const other = new QuartierDb(db.name, { storage });
    const before = db.dataGeneration();
    await other.persons.put(person('p5'));
    other.close();
    expect(db.dataGeneration()).not.toBe(before);
  });

  it('is never reused: two writers that start from the same value produce different tokens', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      db.bumpDataGeneration();
      seen.add(db.dataGeneration()!);
    }
    expect(seen.size).toBe(20);
  });

  it('removes the token when it cannot be written, and reports none when storage is unusable', async () => {
    const full: SyncStorage = {
      getItem: (k) => storage.getItem(k),
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: (k) => storage.removeItem(k),
    };
    storage.setItem(dataGenerationKey(db.name), 'old');
    const broken = new QuartierDb(db.name, { storage: full });
    await broken.persons.put(person('p7'));
    expect(storage.getItem(dataGenerationKey(db.name))).toBeNull();
    expect(broken.dataGeneration()).toBeNull();
    broken.close();
  });

  it('falls back to a process-wide in-memory storage without localStorage', () => {
    const a = new QuartierDb('no-storage-a');
    const b = new QuartierDb('no-storage-a');
    expect(a.dataGeneration()).toBe(b.dataGeneration());
    a.bumpDataGeneration();
    expect(b.dataGeneration()).toBe(a.dataGeneration());
  });
});
