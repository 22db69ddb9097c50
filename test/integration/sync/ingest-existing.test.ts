// The ingest does not read records that a remote change creates (they are
// assumed new and added); a key that exists after all must end exactly as if
// it had been read first. Two laptops creating the same id, in any order and
// any batching, must converge with the same field conflict.
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/sync/change';
import { QuartierDb } from '../../../renderer/db/db';
import { ingestAndApply, listConflicts, metaKey } from '../../../renderer/sync/apply';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const C = 'cccccccc-0000-4000-8000-000000000003';
const ME = 'dddddddd-0000-4000-8000-000000000004';
const stamp = (ms: number, dev: string) => `${String(ms).padStart(15, '0')}-00000-${dev}`;

function create(dev: string, seq: number, ms: number, id: string, familyName: string): Change {
  return {
    changeId: `${dev}:${seq}`, deviceId: dev, seq, hlc: stamp(ms, dev), at: '2026-01-01T00:00:00.000Z', user: 't', operation: 'person.create',
    ops: [{ kind: 'upsert', table: 'persons', id, created: true, fields: { id, familyName, givenName: 'Ada', householdId: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' } }],
  };
}

function edit(dev: string, seq: number, ms: number, id: string, fields: Record<string, unknown>, base: Record<string, string[]>): Change {
  return {
    changeId: `${dev}:${seq}`, deviceId: dev, seq, hlc: stamp(ms, dev), at: '2026-01-01T00:00:00.000Z', user: 't', operation: 'person.update',
    ops: [{ kind: 'upsert', table: 'persons', id, created: false, fields, base }],
  };
}

let n = 0;
async function run(batches: Change[][]): Promise<{ record: unknown; state: unknown; conflicts: string[]; count: number }> {
  const db = new QuartierDb(`ingest-existing-${++n}`);
  await db.open();
  for (const b of batches) await ingestAndApply(db, ME, b, { nowMs: 1_800_000_000_000 });
  const out = {
    record: await db.persons.get('p-1'),
    state: (await db.syncState.get(metaKey('persons', 'p-1')))?.value,
    conflicts: (await listConflicts(db)).map((c) => `${c.kind}:${c.id}`),
    count: await db.persons.count(),
  };
  await db.delete();
  return out;
}

describe('ingest of creates for records that exist already', () => {
  const a = create(A, 1, 1_780_000_000_100, 'p-1', 'Aslan');
  const b = create(B, 1, 1_780_000_000_200, 'p-1', 'Bakir');
  // C saw A's create only, then edited the given name.
  const cEdit = { ...edit(C, 1, 1_780_000_000_300, 'p-1', { givenName: 'Adaeze' }, { givenName: [a.hlc] }), deps: { [A]: 1 } };
  const other = create(A, 2, 1_780_000_000_400, 'p-2', 'Celik');

  it('gives the same record, merge state and conflicts whatever the batching', async () => {
    const together = await run([[a, b, cEdit, other]]);
    const split = await run([[a, other], [b], [cEdit]]);
    const reversed = await run([[b], [a, cEdit, other]]);
    expect(together.count).toBe(2);
    // The later create wins the race on familyName; the loser stays in the journal.
    expect(together.record).toMatchObject({ id: 'p-1', familyName: 'Bakir', givenName: 'Adaeze' });
    expect(together.conflicts.some((c) => c.startsWith('field:'))).toBe(true);
    for (const other of [split, reversed]) {
      expect(other.record).toEqual(together.record);
      expect(other.state).toEqual(together.state);
      expect(other.conflicts).toEqual(together.conflicts);
    }
  });

  it('merges a remote create on top of a record written without sync history (local seed)', async () => {
    const db = new QuartierDb(`ingest-existing-${++n}`);
    await db.open();
    await db.persons.put({ id: 'p-1', familyName: 'Seed', givenName: 'Old', householdId: null } as never);
    await ingestAndApply(db, ME, [a, other], { nowMs: 1_800_000_000_000 });
    // Read-then-merge semantics: the create's fields land on the stored record, nothing is lost or duplicated.
    expect(await db.persons.get('p-1')).toMatchObject({ familyName: 'Aslan', givenName: 'Ada' });
    expect(await db.persons.count()).toBe(2);
    await db.delete();
  });
});
