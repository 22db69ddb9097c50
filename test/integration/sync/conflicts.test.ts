// Guarantees 1-3 with two and three laptops on one real temp folder:
// nothing lost, identical state hashes, real conflicts shown identically
// everywhere and resolved only by a synced change.
import { afterEach, describe, expect, it } from 'vitest';
import { Laptop, NodeSharePort, syncAll, tempShare } from './harness';
import { placeStay, seedBase } from './fixtures';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

async function twoLaptops() {
  const share = tempShare();
  cleanups.push(share.cleanup);
  const port = new NodeSharePort(share.root);
  const a = await Laptop.open('A', port);
  const b = await Laptop.open('B', port);
  cleanups.push(() => a.close(), () => b.close());
  await seedBase(a);
  await syncAll([a, b]);
  return { a, b, port, share };
}

describe('sync between laptops', () => {
  it('delivers every change and converges to the same state hash', async () => {
    const { a, b } = await twoLaptops();
    expect(await b.db.table('persons').count()).toBe(3);
    await a.write('person.update', (w) => w.patch('persons', 'p1', { notes: 'von A' }).then(() => undefined));
    await b.write('person.update', (w) => w.patch('persons', 'p2', { notes: 'von B' }).then(() => undefined));
    await syncAll([a, b]);
    expect((await a.db.table('persons').get('p2')).notes).toBe('von B');
    expect((await b.db.table('persons').get('p1')).notes).toBe('von A');
    expect(await a.stateHash()).toBe(await b.stateHash());
    expect(await a.pendingCount()).toBe(0);
    expect(await a.conflicts()).toEqual([]);
  });

  it('shows a double booking made offline on both laptops identically, and both converge after one resolves it', async () => {
    const { a, b } = await twoLaptops();
    await placeStay(a, 'sA', 'p2', 'b1');
    await placeStay(b, 'sB', 'p3', 'b1');
    await syncAll([a, b]);
    // Stays are facts: both placements exist, nothing was overwritten.
    expect(await a.db.table('stays').count()).toBe(2);
    const ca = await a.conflicts();
    const cb = await b.conflicts();
    expect(ca.map((c) => c.kind)).toEqual(['bed-double-booking']);
    expect(cb).toEqual(ca);
    expect(ca[0]!.refs.map((r) => r.id)).toEqual(['sA', 'sB']);
    // The conflict stays until someone resolves it, through an ordinary change.
    await syncAll([a, b]);
    expect(await b.conflictIds()).toEqual(ca.map((c) => c.id));
    await b.write('stay.correct', (w) => w.patch('stays', 'sB', { cancelled: true }).then(() => undefined));
    expect(await b.conflicts()).toEqual(ca); // not recomputed before the next sync pass …
    await syncAll([a, b]);
    expect(await a.conflicts()).toEqual([]);
    expect(await b.conflicts()).toEqual([]);
    expect(await a.stateHash()).toBe(await b.stateHash());
  });

  it('reports one person placed in two beds at once and a room over capacity after a bed was removed', async () => {
    const { a, b } = await twoLaptops();
    await placeStay(a, 'sA', 'p2', 'b2');
    await placeStay(b, 'sB', 'p2', 'b3');
    await syncAll([a, b]);
    expect((await a.conflicts()).map((c) => c.kind)).toEqual(['person-double-stay']);
    expect(await b.conflictIds()).toEqual(await a.conflictIds());

    // A removes bed b3 while B (offline) had placed p3 there.
    await b.write('stay.correct', (w) => w.patch('stays', 'sB', { cancelled: true }).then(() => undefined));
    await syncAll([a, b]);
    await placeStay(b, 'sC', 'p3', 'b3');
    await placeStay(a, 'sD', 'p1', 'b3', '2026-04-01');
    await a.write('accommodation.structure', (w) => w.softDelete('beds', 'b3'));
    await syncAll([a, b]);
    const kinds = (await a.conflicts()).map((c) => c.kind).sort();
    expect(kinds).toContain('room-over-capacity');
    expect(await b.conflicts()).toEqual(await a.conflicts());
  });

  it('surfaces an edit racing a delete on both laptops; restoring resolves it', async () => {
    const { a, b } = await twoLaptops();
    await a.write('person.update', (w) => w.softDelete('persons', 'p3'));
    await b.write('person.update', (w) => w.patch('persons', 'p3', { notes: 'Termin am Montag' }).then(() => undefined));
    await syncAll([a, b]);
    const ca = await a.conflicts();
    expect(ca.map((c) => c.kind)).toEqual(['edit-delete']);
    expect(ca[0]!.fields).toContain('notes');
    expect(await b.conflicts()).toEqual(ca);
    expect((await b.db.table('persons').get('p3')).deleted).toBe(true);
    // Restore on B: an ordinary synced write of deleted=false.
    await b.write('person.update', (w) => w.patch('persons', 'p3', { deleted: false }).then(() => undefined));
    await syncAll([a, b]);
    expect(await a.conflicts()).toEqual([]);
    expect((await a.db.table('persons').get('p3')).deleted).toBe(false);
    expect((await a.db.table('persons').get('p3')).notes).toBe('Termin am Montag');
    expect(await a.stateHash()).toBe(await b.stateHash());
  });

  it('keeps the losing value of a concurrent field edit in the journal until someone picks a value', async () => {
    const { a, b } = await twoLaptops();
    await a.write('person.update', (w) => w.patch('persons', 'p1', { fileNumber: 'AZ-A' }).then(() => undefined));
    await b.write('person.update', (w) => w.patch('persons', 'p1', { fileNumber: 'AZ-B' }).then(() => undefined));
    await syncAll([a, b]);
    const [c] = await a.conflicts();
    expect(c?.kind).toBe('field');
    expect(c?.versions?.map((v) => v.value).sort()).toEqual(['AZ-A', 'AZ-B']);
    expect(await b.conflicts()).toEqual(await a.conflicts());
    const loser = c!.versions!.find((v) => !v.winner)!.value as string;
    await a.write('conflict.pickValue', (w) => w.patch('persons', 'p1', { fileNumber: loser }).then(() => undefined));
    await syncAll([a, b]);
    expect(await b.conflicts()).toEqual([]);
    expect((await b.db.table('persons').get('p1')).fileNumber).toBe(loser);
  });

  it('a later edit made after seeing a value wins, and sequential edits are not conflicts', async () => {
    const { a, b } = await twoLaptops();
    await a.write('person.update', (w) => w.patch('persons', 'p1', { notes: 'eins' }).then(() => undefined));
    await syncAll([a, b]);
    await b.write('person.update', (w) => w.patch('persons', 'p1', { notes: 'zwei' }).then(() => undefined));
    await syncAll([a, b]);
    expect((await a.db.table('persons').get('p1')).notes).toBe('zwei');
    expect(await a.conflicts()).toEqual([]);
  });
});
