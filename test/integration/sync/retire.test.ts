// "Gerät abmelden": a laptop gone for good (stolen, scrapped) no longer
// holds back compaction once another laptop retires it; retiring oneself or
// an unknown id is refused and writes nothing; the retired laptop, should it
// come back, stops and writes nothing.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Laptop, NodeSharePort, syncAll, tempShare } from './harness';
import { seedBase } from './fixtures';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

/** Every file under the share, share-relative, sorted (to prove "nothing written"). */
function allFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else out.push(path.relative(root, p).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

async function setup() {
  const share = tempShare();
  const port = new NodeSharePort(share.root);
  const laptops = await Promise.all(['A', 'B', 'C'].map((n) => Laptop.open(n, port, { snapshotEvery: 0 })));
  cleanups.push(share.cleanup, ...laptops.map((l) => () => l.close()));
  await seedBase(laptops[0]!);
  await syncAll(laptops);
  return { share, laptops: laptops as [Laptop, Laptop, Laptop] };
}

const note = (l: Laptop, id: string, notes: string) => l.write('person.update', (w) => w.patch('persons', id, { notes }).then(() => undefined));

describe('retiring a device', () => {
  it('lets compaction remove what the remaining laptops have read once the silent laptop is retired', async () => {
    const { share, laptops } = await setup();
    const [a, b, c] = laptops;
    const [aId, cId] = [await a.deviceId(), await c.deviceId()];
    const aLogs = () => readdirSync(path.join(share.root, 'quartier-sync', 'log', aId)).sort();

    // C goes silent for good; A and B keep working and compacting.
    for (let i = 0; i < 5; i++) {
      await note(a, 'p2', `A ${i}`);
      await a.sync();
      await b.sync();
    }
    await a.sync({ snapshot: true });
    await b.sync();
    await a.sync();
    // C had read only the seed file: the five later files stay for it.
    const unreadByC = aLogs().filter((n) => Number(n.slice(0, 12)) > 1);
    expect(unreadByC).toHaveLength(5);
    expect(aLogs()).toEqual(unreadByC);

    const before = allFiles(share.root);
    const { path: written } = await a.engine.retireDevice(cId, 'Laptop gestohlen');
    expect(written).not.toBeNull();
    // Exactly one new file, in C's devices folder, named only by id and number.
    const added = allFiles(share.root).filter((f) => !before.includes(f));
    expect(added).toEqual([written]);
    expect(written).toMatch(new RegExp(`^quartier-sync/devices/${cId}/\\d{12}\\.reg$`));
    expect(written).not.toMatch(/000000000001\.reg$/);

    // Retiring it again writes nothing.
    expect(await b.engine.retireDevice(cId, 'nochmal')).toEqual({ path: null });
    expect(allFiles(share.root)).toEqual([...before, written!].sort());

    await b.sync();
    await a.sync();
    // Everything B has read and A's snapshot contains is gone now.
    expect(aLogs()).toEqual([]);

    const devices = await b.engine.listDevices();
    expect(devices.map((d) => d.deviceName)).toEqual(['B', 'A', 'C']);
    const cInfo = devices.find((d) => d.deviceId === cId)!;
    expect(cInfo.retired).toMatchObject({ by: aId, reason: 'Laptop gestohlen' });
    expect(cInfo.lastAckAt).toBeDefined();
    expect(devices.find((d) => d.deviceId === aId)?.retired).toBeUndefined();

    // C comes back with unshipped work: it is told it was retired and writes nothing.
    await note(c, 'p1', 'C nach der Abmeldung');
    const beforeC = allFiles(share.root);
    const r = await c.sync();
    expect(r.state).toBe('error');
    expect(r.retired).toBe(true);
    expect(r.message).toMatch(/abgemeldet/);
    expect(r.shipped).toBe(0);
    expect(allFiles(share.root)).toEqual(beforeC);
    expect(await c.pendingCount()).toBe(1);
    await expect(c.engine.retireDevice(aId, 'Rache')).rejects.toThrow(/abgemeldet/);
    expect(allFiles(share.root)).toEqual(beforeC);

    // A and B keep syncing normally.
    await note(b, 'p3', 'B weiter');
    await syncAll([a, b]);
    expect(a.lastReport?.state).toBe('ok');
    expect(await a.stateHash()).toBe(await b.stateHash());
  });

  it('refuses to retire the own laptop or an unknown id and writes nothing', async () => {
    const { share, laptops } = await setup();
    const [a] = laptops;
    const before = allFiles(share.root);
    await expect(a.engine.retireDevice(await a.deviceId(), 'weg')).rejects.toThrow(/nicht selbst abmelden/);
    await expect(a.engine.retireDevice(crypto.randomUUID(), 'weg')).rejects.toThrow(/Unbekanntes Gerät/);
    await expect(a.engine.retireDevice('../../format', 'weg')).rejects.toThrow(/Unbekanntes Gerät/);
    expect(allFiles(share.root)).toEqual(before);
    // Nobody is retired: all three still count.
    expect((await a.engine.listDevices()).filter((d) => d.retired)).toEqual([]);
  });
});
