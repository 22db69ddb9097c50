import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import { runOperation } from '../../../renderer/db/repository';
import { keySplitPoints, mergeRows, OccupancyStore } from '../../../renderer/features/occupancy-data/occupancyStore';
import { keysOfRangeTree } from '../../../renderer/features/occupancy-data/mutations';
import { buildOccupancyIndex, type OccupancyIndex } from '../../../shared/occupancy/occupancyIndex';
import { figuresAsOf } from '../../../shared/occupancy/figures';
import type { Dataset } from '../../../shared/domain/model';
import { smallDataset, stay, TODAY } from '../accommodations/fixtures';
import { ADMIN } from '../../support/actors';

const ctx = { user: 'Test', deviceId: 'dev-1', actor: ADMIN };
let db: QuartierDb;
let builds: number;
let store: OccupancyStore<OccupancyIndex>;

async function seed(d: Dataset) {
  await db.transaction('rw', [db.municipalities, db.accommodations, db.units, db.rooms, db.beds, db.bedBlocks, db.persons, db.stays], async () => {
    await db.municipalities.bulkPut(d.municipalities);
    await db.accommodations.bulkPut(d.accommodations);
    await db.units.bulkPut(d.units);
    await db.rooms.bulkPut(d.rooms);
    await db.beds.bulkPut(d.beds);
    await db.bedBlocks.bulkPut(d.bedBlocks);
    await db.persons.bulkPut(d.persons);
    await db.stays.bulkPut(d.stays);
  });
}

beforeEach(async () => {
  db = await openDatabase(`occ-store-${crypto.randomUUID()}`);
  await seed(smallDataset());
  builds = 0;
  store = new OccupancyStore(db, {
    buildIndex: (d) => {
      builds++;
      return buildOccupancyIndex(d);
    },
    debounceMs: 20,
  });
});
afterEach(async () => {
  store.dispose();
  db.close();
  await db.delete();
});

describe('OccupancyStore', () => {
  it('loads every table once and builds the index once', async () => {
    const snap = await store.ready();
    expect(snap.status).toBe('ready');
    expect(builds).toBe(1);
    expect(snap.dataset.beds).toHaveLength(6);
    expect(figuresAsOf(snap.index!, TODAY).county).toMatchObject({ places: 6, occupied: 1, reserved: 1, blocked: 1, free: 3 });
  });

  it('applies a burst of writes with one debounced, incremental rebuild', async () => {
    const first = await store.ready();
    let notified = 0;
    const unsubscribe = store.subscribe(() => notified++);
    const bed = first.dataset.beds.find((b) => b.id === 'b4')!;
    await runOperation(db, ctx, 'stay.checkIn', async (w) => {
      await w.put('stays', stay('s-new', 'p2', bed, '2026-03-01', null));
    });
    await runOperation(db, ctx, 'stay.checkOut', async (w) => {
      await w.patch('stays', 's1', { to: '2026-03-05', endKind: 'departure', departureReason: 'own_flat' });
    });
    // Wait for the debounce to fire, then for the queued apply step.
    await new Promise((r) => setTimeout(r, 60));
    await store.settled();
    unsubscribe();
    const snap = store.getSnapshot();
    expect(builds).toBe(2);
    expect(notified).toBe(1);
    expect(snap.version).toBe(first.version + 1);
    expect(snap.dataset.stays).toHaveLength(3);
    expect(snap.dataset.stays.find((s) => s.id === 's1')?.to).toBe('2026-03-05');
    expect(figuresAsOf(snap.index!, TODAY).county).toMatchObject({ occupied: 1, free: 3 });
    // Untouched tables keep their array identity (cheap memoisation downstream).
    expect(snap.dataset.persons).toBe(first.dataset.persons);
    expect(snap.dataset.stays).not.toBe(first.dataset.stays);
  });

  it('reloads a table after a clear()', async () => {
    await store.ready();
    await db.stays.clear();
    await new Promise((r) => setTimeout(r, 60));
    await store.settled();
    expect(store.getSnapshot().dataset.stays).toHaveLength(0);
  });
});

describe('reading the big tables in key ranges', () => {
  it('returns every row in key order, whatever the ids look like', async () => {
    const first = await store.ready();
    const base = first.dataset.persons[0]!;
    const ids = ['', '0', 'dm-per-00001', 'dm-per-0zzzz', 'zzz', '\uffff\uffff', ...Array.from({ length: 200 }, () => crypto.randomUUID())];
    await db.persons.bulkPut(ids.map((id) => ({ ...base, id })));
    const fresh = new OccupancyStore(db, { buildIndex: buildOccupancyIndex });
    const snap = await fresh.ready();
    fresh.dispose();
    expect(snap.dataset.persons.map((p) => p.id)).toEqual(await db.persons.toCollection().primaryKeys());
    expect(snap.dataset.persons).toHaveLength(first.dataset.persons.length + ids.length);
  });

  it('splits strictly between the first and the last key', () => {
    const points = keySplitPoints('dm-sta-00000', 'dm-sta-0aufx', 16);
    expect(points.length).toBeGreaterThan(4);
    expect(points.every((p) => p > 'dm-sta-00000' && p < 'dm-sta-0aufx')).toBe(true);
    expect([...points].sort()).toEqual(points);
    expect(keySplitPoints('a', 'a', 16)).toEqual([]);
  });
});

describe('mergeRows', () => {
  it('replaces changed rows in place, drops deleted ones, appends new ones, and copies', () => {
    const rows = [{ id: 'a', v: 1 }, { id: 'b', v: 1 }, { id: 'c', v: 1 }];
    const out = mergeRows(rows, ['b', 'c', 'd', 'x'], [{ id: 'b', v: 2 }, undefined, { id: 'd', v: 1 }, undefined]);
    expect(out).toEqual([{ id: 'a', v: 1 }, { id: 'b', v: 2 }, { id: 'd', v: 1 }]);
    expect(out[0]).toBe(rows[0]);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual({ id: 'b', v: 1 });
  });
});

describe('keysOfRangeTree', () => {
  it('returns single keys and refuses real ranges', () => {
    expect(keysOfRangeTree({ from: 'a', to: 'a', d: 2, l: null, r: { from: 'c', to: 'c', d: 1 } })).toEqual(new Set(['a', 'c']));
    expect(keysOfRangeTree({ from: 'a', to: 'z', d: 1 })).toBeNull();
    expect(keysOfRangeTree({ d: 0 })).toEqual(new Set());
  });
});
