// Guarantees 1 and 2 as a property: N laptops, random operations, random
// partitions (who syncs when), duplicated files, listings that miss new files
// for a while, snapshots. After everyone syncs, every laptop has every change
// exactly once, the same state hash and the same list of conflicts.
import { copyFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readVector } from '../../../renderer/sync/apply';
import { Faults, Laptop, NodeSharePort, syncAll, tempShare } from './harness';
import { seedBase, stay } from './fixtures';

export const NUM_RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 20);
const LAPTOPS = 3;

type Cmd =
  | { k: 'edit'; l: number; p: string; field: 'notes' | 'fileNumber'; v: string }
  | { k: 'place'; l: number; p: string; bed: string; from: string; to: string | null }
  | { k: 'cancel'; l: number; pick: number }
  | { k: 'delete'; l: number; p: string }
  | { k: 'restore'; l: number; p: string }
  | { k: 'sync'; l: number }
  | { k: 'dup'; pick: number }
  | { k: 'stale'; n: number }
  | { k: 'snapshot'; l: number };

const laptop = fc.integer({ min: 0, max: LAPTOPS - 1 });
const personId = fc.constantFrom('p1', 'p2', 'p3');
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  { arbitrary: fc.record({ k: fc.constant('edit' as const), l: laptop, p: personId, field: fc.constantFrom('notes' as const, 'fileNumber' as const), v: fc.constantFrom('x', 'y', 'z') }), weight: 4 },
  {
    arbitrary: fc.record({
      k: fc.constant('place' as const),
      l: laptop,
      p: personId,
      bed: fc.constantFrom('b1', 'b2', 'b3'),
      from: fc.constantFrom('2026-03-01', '2026-03-10', '2026-04-01'),
      to: fc.constantFrom(null, '2026-03-20', '2026-05-01'),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ k: fc.constant('cancel' as const), l: laptop, pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ k: fc.constant('delete' as const), l: laptop, p: personId }), weight: 1 },
  { arbitrary: fc.record({ k: fc.constant('restore' as const), l: laptop, p: personId }), weight: 1 },
  { arbitrary: fc.record({ k: fc.constant('sync' as const), l: laptop }), weight: 5 },
  { arbitrary: fc.record({ k: fc.constant('dup' as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ k: fc.constant('stale' as const), n: fc.integer({ min: 0, max: 2 }) }), weight: 1 },
  { arbitrary: fc.record({ k: fc.constant('snapshot' as const), l: laptop }), weight: 1 },
);

function logFiles(root: string): string[] {
  const base = path.join(root, 'quartier-sync', 'log');
  const out: string[] = [];
  for (const dev of readdirSync(base)) for (const f of readdirSync(path.join(base, dev))) if (f.endsWith('.qsync')) out.push(path.join(base, dev, f));
  return out.sort();
}

async function run(cmds: Cmd[]): Promise<void> {
  const share = tempShare();
  const faults = new Faults();
  const port = new NodeSharePort(share.root, faults.fs());
  const laptops = await Promise.all(Array.from({ length: LAPTOPS }, (_, i) => Laptop.open(`L${i}`, port, { snapshotEvery: 0 })));
  let stayCounter = 0;
  try {
    await seedBase(laptops[0]!);
    await syncAll(laptops, 1);
    for (const c of cmds) {
      if (c.k === 'sync') await laptops[c.l]!.sync();
      else if (c.k === 'snapshot') await laptops[c.l]!.sync({ snapshot: true });
      else if (c.k === 'stale') faults.staleListings = c.n;
      else if (c.k === 'dup') {
        const files = logFiles(share.root);
        const f = files[c.pick % files.length];
        if (f) copyFileSync(f, f.replace(/-[0-9a-f]{8}\.qsync$/, `-${(c.pick % 0xffffffff).toString(16).padStart(8, '0')}.qsync`));
      } else {
        const l = laptops[c.l]!;
        if (c.k === 'edit') await l.write('person.update', (w) => w.patch('persons', c.p, { [c.field]: c.v }).then(() => undefined));
        else if (c.k === 'place') {
          const id = `s${++stayCounter}`;
          await l.write('stay.checkIn', (w) => w.put('stays', stay(id, c.p, c.bed, c.from, c.to)).then(() => undefined));
        } else if (c.k === 'cancel') {
          const stays = (await l.db.table('stays').toArray()).filter((s) => !s.cancelled);
          const s = stays[c.pick % Math.max(1, stays.length)];
          if (s) await l.write('stay.correct', (w) => w.patch('stays', s.id as string, { cancelled: true }).then(() => undefined));
        } else if (c.k === 'delete') await l.write('person.update', (w) => w.softDelete('persons', c.p));
        else if (c.k === 'restore') await l.write('person.update', (w) => w.patch('persons', c.p, { deleted: false }).then(() => undefined));
      }
    }
    faults.staleListings = 0;
    await syncAll(laptops, 3);

    const texts = await Promise.all(laptops.map((l) => l.stateText()));
    for (const t of texts) expect(t).toBe(texts[0]);
    const hashes = await Promise.all(laptops.map((l) => l.stateHash()));
    expect(new Set(hashes).size).toBe(1);
    const conflicts = await Promise.all(laptops.map((l) => l.conflicts()));
    for (const c of conflicts) expect(c).toEqual(conflicts[0]);
    // Nothing lost, nothing applied twice: every laptop applied exactly the
    // changes each laptop made, and holds no unshipped change.
    const made = new Map<string, number>();
    for (const l of laptops) {
      made.set(await l.deviceId(), await l.db.outbox.count());
      expect(await l.pendingCount()).toBe(0);
    }
    for (const l of laptops) {
      const vector = await readVector(l.db);
      for (const [dev, n] of made) expect(vector[dev] ?? 0).toBe(n);
      expect(l.lastReport?.quarantined ?? []).toEqual([]);
    }
  } finally {
    for (const l of laptops) l.close();
    share.cleanup();
  }
}

describe('convergence property', () => {
  it(`N=${LAPTOPS} laptops, random operations, partitions, duplicated and delayed files → identical state and conflicts (numRuns=${NUM_RUNS})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cmd, { minLength: 5, maxLength: 30 }), run),
      { numRuns: NUM_RUNS, seed: Number(process.env.SYNC_PROPERTY_SEED ?? 20260405) },
    );
  }, 240_000);
});
