// A retired laptop comes back: it registers again under a new device id,
// loads the state from a snapshot (the others compacted files it never
// read), re-ships its unshipped changes renumbered under the new id, and
// goes on. Its changes reach the others exactly once, and everyone
// converges, including a real conflict its old offline edit causes.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SK } from '../../../renderer/sync/apply';
import { Laptop, NodeSharePort, syncAll, tempShare } from './harness';
import { placeStay, seedBase } from './fixtures';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

const note = (l: Laptop, id: string, notes: string) => l.write('person.update', (w) => w.patch('persons', id, { notes }).then(() => undefined));

async function vectorOf(l: Laptop): Promise<Record<string, number>> {
  return ((await l.db.syncState.get(SK.vector))?.value as Record<string, number> | undefined) ?? {};
}

function logFiles(root: string, deviceId: string): string[] {
  try {
    return readdirSync(path.join(root, 'quartier-sync', 'log', deviceId)).sort();
  } catch {
    return [];
  }
}

describe('re-registering a retired laptop', () => {
  it('comes back under a new id, loads a snapshot, and its unshipped changes reach the others exactly once', async () => {
    const share = tempShare();
    const port = new NodeSharePort(share.root);
    const [a, b, c] = (await Promise.all(['A', 'B', 'C'].map((n) => Laptop.open(n, port, { snapshotEvery: 0 })))) as [Laptop, Laptop, Laptop];
    cleanups.push(share.cleanup, () => a.close(), () => b.close(), () => c.close());
    await seedBase(a);
    await syncAll([a, b, c]);

    // C ships one change, then works offline: two changes never shipped.
    await note(c, 'p1', 'C vor dem Abmelden');
    await c.sync();
    const oldId = await c.deviceId();
    await note(c, 'p3', 'C offline');
    await placeStay(c, 'sC', 'p2', 'b1');

    // A retires C; A and B go on, snapshot and compact.
    await a.engine.retireDevice(oldId, 'Laptop war verschwunden');
    await note(a, 'p3', 'A später');
    await placeStay(b, 'sB', 'p1', 'b1'); // same bed as C's offline stay: a real conflict once C is back
    await syncAll([a, b]);
    await a.sync({ snapshot: true });
    await syncAll([a, b]);

    // Back, C stops and writes nothing.
    const stopped = await c.sync();
    expect(stopped.retired).toBe(true);

    // Not retired: refused.
    await expect(a.engine.reRegister()).rejects.toThrow(/nicht abgemeldet/);

    const back = await c.engine.reRegister();
    expect(back.from).toBe(oldId);
    expect(back.to).not.toBe(oldId);
    expect(await c.deviceId()).toBe(back.to);
    expect(back.reshipped).toBe(2);
    expect(back.report.state).toBe('ok');
    expect(back.report.shipped).toBe(2);

    await syncAll([a, b, c], 3);
    const hash = await a.stateHash();
    expect(await b.stateHash()).toBe(hash);
    expect(await c.stateHash()).toBe(hash);
    expect(await b.conflictIds()).toEqual(await a.conflictIds());
    expect(await c.conflictIds()).toEqual(await a.conflictIds());

    // C's offline changes arrived, and its shipped one is still there.
    expect(await a.db.persons.get('p3')).toMatchObject({ notes: expect.any(String) });
    expect(await a.db.stays.get('sC')).toMatchObject({ personId: 'p2', bedId: 'b1' });
    expect(await a.db.persons.get('p1')).toMatchObject({ notes: 'C vor dem Abmelden' });
    // The old offline stay and B's stay share bed b1: shown as a conflict everywhere, not dropped.
    expect((await a.conflicts()).some((x) => x.kind === 'bed-double-booking')).toBe(true);
    // A concurrent edit of p3 (A later, C offline): one wins everywhere, the other is in the journal.
    expect((await a.conflicts()).some((x) => x.kind === 'field')).toBe(true);

    // Exactly once: the old id carries only what it shipped before retirement,
    // the new id exactly the two renumbered changes.
    for (const l of [a, b]) {
      const v = await vectorOf(l);
      expect(v[oldId]).toBe(1);
      expect(v[back.to]).toBe(2);
    }
    expect(logFiles(share.root, back.to).map((n) => n.slice(0, 25))).toEqual(['000000000001-000000000002']);
    expect(logFiles(share.root, oldId).every((n) => n.startsWith('000000000001-000000000001'))).toBe(true);

    // And C goes on like any laptop.
    await note(c, 'p2', 'C danach');
    await syncAll([c, a]);
    expect(await a.db.persons.get('p2')).toMatchObject({ notes: 'C danach' });
  });
});
