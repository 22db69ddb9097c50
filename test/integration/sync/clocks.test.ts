// Guarantee 6: clocks lie. A laptop an hour or ten years off, or a clock that
// steps back, must not reorder history or poison the others.
import { afterEach, describe, expect, it } from 'vitest';
import { parseHlc } from '../../../shared/sync/hlc';
import { SK, type FlaggedChange } from '../../../renderer/sync/apply';
import { Laptop, NodeSharePort, syncAll, tempShare } from './harness';
import { seedBase } from './fixtures';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

const HOUR = 3_600_000;
const YEAR = 365 * 24 * HOUR;

async function setup(offsets: number[]) {
  const share = tempShare();
  const port = new NodeSharePort(share.root);
  const laptops = await Promise.all(offsets.map((o, i) => Laptop.open(String.fromCharCode(65 + i), port, { offsetMs: o })));
  cleanups.push(share.cleanup, ...laptops.map((l) => () => l.close()));
  await seedBase(laptops[1] ?? laptops[0]!);
  await syncAll(laptops);
  return laptops;
}

const note = (l: Laptop, notes: string) => l.write('person.update', (w) => w.patch('persons', 'p1', { notes }).then(() => undefined));

async function clockMs(l: Laptop): Promise<number> {
  const row = await l.db.syncState.get('hlc');
  return parseHlc(row!.value as string).wallMs;
}

describe('clock skew', () => {
  it('a laptop ten years ahead is flagged, does not move the others\' clocks, and cannot win over later edits', async () => {
    const [future, b, c] = (await setup([10 * YEAR, 0, 0])) as [Laptop, Laptop, Laptop];
    await note(future, 'aus 2036');
    await syncAll([future, b, c]);
    const flagged = (await b.db.syncState.get(SK.flagged))?.value as FlaggedChange[];
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged[0]!.aheadMs).toBeGreaterThan(9 * YEAR);
    expect(await clockMs(b)).toBeLessThan(Date.now() + HOUR);
    expect(await clockMs(c)).toBeLessThan(Date.now() + HOUR);
    // B corrects the value after seeing it: the correction wins everywhere.
    await note(b, 'korrigiert');
    await syncAll([future, b, c]);
    for (const l of [future, b, c]) {
      expect((await l.db.table('persons').get('p1')).notes).toBe('korrigiert');
      expect(await l.conflicts()).toEqual([]);
    }
    expect(await future.stateHash()).toBe(await c.stateHash());
  });

  it('±1 hour: concurrent edits converge identically; a later edit after seeing the other wins', async () => {
    const [behind, ahead] = (await setup([-HOUR, HOUR])) as [Laptop, Laptop];
    await note(behind, 'hinten');
    await note(ahead, 'vorne');
    await syncAll([behind, ahead]);
    expect(await behind.stateHash()).toBe(await ahead.stateHash());
    expect(await behind.conflictIds()).toEqual(await ahead.conflictIds());
    expect((await behind.conflicts()).map((c) => c.kind)).toEqual(['field']);
    // The laptop two hours behind edits after seeing everything: it wins and the conflict is closed.
    await note(behind, 'entschieden');
    await syncAll([behind, ahead]);
    expect((await ahead.db.table('persons').get('p1')).notes).toBe('entschieden');
    expect(await ahead.conflicts()).toEqual([]);
  });

  it('a clock stepping back does not reorder this laptop\'s own history', async () => {
    const [a, b] = (await setup([0, 0])) as [Laptop, Laptop];
    await note(a, 'erst');
    a.offsetMs = -2 * 24 * HOUR;
    await note(a, 'dann');
    a.offsetMs = -30 * 24 * HOUR;
    await note(a, 'zuletzt');
    const stamps = (await a.db.outbox.toArray()).map((e) => e.change.hlc);
    expect([...stamps].sort()).toEqual(stamps);
    await syncAll([a, b]);
    expect((await b.db.table('persons').get('p1')).notes).toBe('zuletzt');
    expect(await b.conflicts()).toEqual([]);
  });
});
