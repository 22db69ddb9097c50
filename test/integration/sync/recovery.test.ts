// Guarantee 8: a restored disk image (same device id twice), a wiped local
// database, and a laptop back after months offline while the others
// snapshotted and compacted.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { QuartierDb } from '../../../renderer/db/db';
import { Laptop, NodeSharePort, syncAll, tempShare } from './harness';
import { placeStay, seedBase } from './fixtures';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

type Dump = Record<string, unknown[]>;

async function dumpDb(db: QuartierDb): Promise<Dump> {
  const out: Dump = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return structuredClone(out);
}

async function restoreInto(l: Laptop, dump: Dump): Promise<void> {
  for (const [name, rows] of Object.entries(dump)) {
    await l.db.table(name).clear();
    await l.db.table(name).bulkPut(rows);
  }
}

async function setup(names = ['A', 'B']) {
  const share = tempShare();
  const port = new NodeSharePort(share.root);
  const laptops = await Promise.all(names.map((n) => Laptop.open(n, port, { snapshotEvery: 0 })));
  cleanups.push(share.cleanup, ...laptops.map((l) => () => l.close()));
  await seedBase(laptops[0]!);
  await syncAll(laptops);
  return { share, port, laptops };
}

const note = (l: Laptop, id: string, notes: string) => l.write('person.update', (w) => w.patch('persons', id, { notes }).then(() => undefined));

describe('recovery', () => {
  it('a restored disk image (same device id twice) forks to a new id and loses nothing from either branch', async () => {
    const { port, laptops } = await setup();
    const [a, b] = laptops as [Laptop, Laptop];
    const image = await dumpDb(a.db);
    await note(a, 'p1', 'nach dem Backup auf A');
    await placeStay(a, 'sA', 'p1', 'b2');
    await a.sync();

    const restored = await Laptop.open('A-restored', port, { snapshotEvery: 0 });
    cleanups.push(() => restored.close());
    await restoreInto(restored, image);
    expect(await restored.deviceId()).toBe(await a.deviceId());
    await note(restored, 'p2', 'auf dem wiederhergestellten Gerät');
    await placeStay(restored, 'sR', 'p3', 'b3');
    const r = await restored.sync();
    expect(r.state).toBe('ok');
    expect(r.forked?.from).toBe(await a.deviceId());
    expect(await restored.deviceId()).not.toBe(await a.deviceId());

    await syncAll([a, b, restored]);
    for (const l of [a, b, restored]) {
      expect((await l.db.table('persons').get('p1')).notes).toBe('nach dem Backup auf A');
      expect((await l.db.table('persons').get('p2')).notes).toBe('auf dem wiederhergestellten Gerät');
      expect(await l.db.table('stays').count()).toBe(2);
    }
    expect(await restored.stateHash()).toBe(await a.stateHash());
    expect(await b.stateHash()).toBe(await a.stateHash());
  });

  it('a restored image whose unsynced changes collide in seq with shipped ones also forks', async () => {
    const { port, laptops } = await setup();
    const [a, b] = laptops as [Laptop, Laptop];
    await note(a, 'p1', 'vor dem Backup');
    const image = await dumpDb(a.db); // contains one unshipped change
    await a.sync();
    await note(a, 'p3', 'A nach dem Backup');
    await a.sync();
    const restored = await Laptop.open('A2', port, { snapshotEvery: 0 });
    cleanups.push(() => restored.close());
    await restoreInto(restored, image);
    await note(restored, 'p2', 'A2');
    await note(restored, 'p2', 'A2 zweimal');
    const r = await restored.sync();
    expect(r.forked).toBeDefined();
    await syncAll([a, b, restored]);
    expect((await b.db.table('persons').get('p2')).notes).toBe('A2 zweimal');
    expect((await b.db.table('persons').get('p3')).notes).toBe('A nach dem Backup');
    expect((await b.db.table('persons').get('p1')).notes).toBe('vor dem Backup');
    expect(await restored.stateHash()).toBe(await b.stateHash());
  });

  it('a crash after writing a file but before marking it shipped does not fork or duplicate', async () => {
    const { laptops } = await setup();
    const [a, b] = laptops as [Laptop, Laptop];
    await note(a, 'p1', 'x');
    await a.sync();
    // Pretend the "shipped" mark was lost.
    await a.db.outbox.toCollection().modify({ shipped: false });
    const r = await a.sync();
    expect(r.forked).toBeUndefined();
    expect(r.shipped).toBe(0);
    await syncAll([a, b]);
    expect(await a.stateHash()).toBe(await b.stateHash());
  });

  it('a wiped local database starts again from the newest snapshot plus the logs after it', async () => {
    const { port, laptops } = await setup();
    const [a, b] = laptops as [Laptop, Laptop];
    await placeStay(a, 's1', 'p1', 'b1');
    await a.sync({ snapshot: true });
    await note(a, 'p2', 'nach dem Schnappschuss');
    await a.sync();
    await b.db.delete();
    const fresh = await Laptop.open('B-neu', port, { snapshotEvery: 0 });
    cleanups.push(() => fresh.close());
    const r = await fresh.sync();
    expect(r.state).toBe('ok');
    // Only the changes after the snapshot were replayed.
    expect(r.applied).toBe(1);
    expect(await fresh.stateHash()).toBe(await a.stateHash());
    expect(await fresh.db.table('stays').count()).toBe(1);
  });

  it('a laptop back after months offline merges correctly after the others snapshotted and compacted', async () => {
    const { share, port, laptops } = await setup(['A', 'B', 'C']);
    const [a, b, c] = laptops as [Laptop, Laptop, Laptop];
    const aId = await a.deviceId();
    const aLogs = () => readdirSync(path.join(share.root, 'quartier-sync', 'log', aId));

    // C goes offline with its own work.
    await placeStay(c, 'sC', 'p3', 'b3');
    await note(c, 'p1', 'C offline');
    for (let i = 0; i < 20; i++) {
      await note(a, 'p2', `A ${i}`);
      await a.sync();
      await b.sync();
    }
    const before = aLogs().length;
    // C read only A's first file (the seed) before going offline.
    const unreadByC = aLogs().filter((n) => Number(n.slice(0, 12)) > 1);
    await a.sync({ snapshot: true });
    await a.sync();
    // Compaction removed what every laptop had read, and nothing C still needs.
    expect(aLogs()).toEqual(unreadByC);

    // C returns: reads everything, ships its months-old work.
    await c.sync();
    await syncAll([a, b, c]);
    await a.sync({ snapshot: true });
    await syncAll([a, b, c]);
    expect(aLogs().length).toBeLessThan(before);
    expect((await a.db.table('persons').get('p1')).notes).toBe('C offline');
    expect(await a.db.table('stays').get('sC')).toBeDefined();
    expect(await c.stateHash()).toBe(await a.stateHash());
    expect(await b.stateHash()).toBe(await a.stateHash());

    // A new laptop joining after compaction gets the same state.
    const d = await Laptop.open('D', port, { snapshotEvery: 0 });
    cleanups.push(() => d.close());
    await d.sync();
    expect(await d.stateHash()).toBe(await a.stateHash());
    expect(await d.conflictIds()).toEqual(await a.conflictIds());
  });
});
