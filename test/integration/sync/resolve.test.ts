// The inbox's resolution actions are ordinary synced changes that close the
// conflict on every laptop — including "keep the current value" and "confirm
// the delete", which change nothing visible.
import { afterEach, describe, expect, it } from 'vitest';
import { cancelStay, confirmDelete, pickFieldValue, restoreRecord } from '../../../renderer/sync/resolve';
import { Laptop, NodeSharePort, syncAll, tempShare } from './harness';
import { placeStay, seedBase } from './fixtures';
import { ADMIN } from '../../support/actors';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

async function setup() {
  const share = tempShare();
  const port = new NodeSharePort(share.root);
  const a = await Laptop.open('A', port);
  const b = await Laptop.open('B', port);
  cleanups.push(share.cleanup, () => a.close(), () => b.close());
  await seedBase(a);
  await syncAll([a, b]);
  return { a, b };
}

const ctx = async (l: Laptop) => ({ user: l.name, deviceId: await l.deviceId(), actor: ADMIN });

describe('conflict resolution actions', () => {
  it('keeping the winning value closes a field conflict everywhere', async () => {
    const { a, b } = await setup();
    await a.write('person.update', (w) => w.patch('persons', 'p1', { notes: 'A' }).then(() => undefined));
    await b.write('person.update', (w) => w.patch('persons', 'p1', { notes: 'B' }).then(() => undefined));
    await syncAll([a, b]);
    const [c] = await b.conflicts();
    const winner = c!.versions!.find((v) => v.winner)!.value;
    await pickFieldValue(b.db, await ctx(b), 'persons', 'p1', 'notes', winner);
    await syncAll([a, b]);
    expect(await a.conflicts()).toEqual([]);
    expect((await a.db.table('persons').get('p1')).notes).toBe(winner);
    expect(await a.stateHash()).toBe(await b.stateHash());
  });

  it('confirming a delete closes the edit-vs-delete conflict and keeps the record deleted', async () => {
    const { a, b } = await setup();
    await a.write('person.update', (w) => w.softDelete('persons', 'p2'));
    await b.write('person.update', (w) => w.patch('persons', 'p2', { notes: 'noch da?' }).then(() => undefined));
    await syncAll([a, b]);
    expect((await a.conflicts()).map((c) => c.kind)).toEqual(['edit-delete']);
    await confirmDelete(a.db, await ctx(a), 'persons', 'p2');
    await syncAll([a, b]);
    expect(await b.conflicts()).toEqual([]);
    expect((await b.db.table('persons').get('p2')).deleted).toBe(true);
    expect(await a.stateHash()).toBe(await b.stateHash());
  });

  it('restore and cancel are synced like any change', async () => {
    const { a, b } = await setup();
    await a.write('person.update', (w) => w.softDelete('persons', 'p3'));
    await b.write('person.update', (w) => w.patch('persons', 'p3', { notes: 'x' }).then(() => undefined));
    await placeStay(a, 's1', 'p1', 'b1');
    await placeStay(b, 's2', 'p2', 'b1');
    await syncAll([a, b]);
    expect((await a.conflicts()).map((c) => c.kind).sort()).toEqual(['bed-double-booking', 'edit-delete']);
    await restoreRecord(b.db, await ctx(b), 'persons', 'p3');
    await cancelStay(a.db, await ctx(a), 's2');
    await syncAll([a, b]);
    expect(await a.conflicts()).toEqual([]);
    expect(await b.conflicts()).toEqual([]);
    expect(await a.stateHash()).toBe(await b.stateHash());
  });
});
