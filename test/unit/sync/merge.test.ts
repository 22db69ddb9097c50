import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordOp } from '../../../shared/sync/change';
import { baseForOp, journalOf, mergeOp, unseenEditsOfDelete, type PlainRecord, type SyncRecordState } from '../../../shared/sync/merge';

const h = (ms: number, node = 'devA0000') => `${String(ms).padStart(15, '0')}-00000-${node}`;

type Write = { op: RecordOp; hlc: string };

function fold(writes: readonly Write[]): { record: PlainRecord | undefined; state: SyncRecordState | undefined } {
  let record: PlainRecord | undefined;
  let state: SyncRecordState | undefined;
  for (const w of writes) {
    const r = mergeOp('persons', record, state, w.op, w.hlc);
    record = r.record;
    state = r.state;
  }
  return { record, state };
}

const create: Write = { op: { kind: 'upsert', table: 'persons', id: 'p', fields: { givenName: 'Ali', notes: 'x' }, created: true }, hlc: h(1) };
const edit = (field: string, value: unknown, hlc: string, base?: string[]): Write => ({
  op: { kind: 'upsert', table: 'persons', id: 'p', fields: { [field]: value }, created: false, ...(base ? { base: { [field]: base } } : {}) },
  hlc,
});

describe('mergeOp', () => {
  it('takes the newest of two concurrent writes and keeps the loser in the journal', () => {
    const { record, state } = fold([create, edit('notes', 'A', h(5, 'devA0000'), [h(1)]), edit('notes', 'B', h(7, 'devB0000'), [h(1)])]);
    expect(record?.notes).toBe('B');
    expect(journalOf(record, state)).toEqual([{ field: 'notes', heads: [{ h: h(7, 'devB0000'), v: 'B' }, { h: h(5, 'devA0000'), v: 'A' }] }]);
  });

  it('lets a write that saw a version supersede it even with an older stamp (skewed clock)', () => {
    const future = edit('notes', 'aus der Zukunft', h(9_000_000, 'devSkew0'), [h(1)]);
    const later = edit('notes', 'korrigiert', h(10, 'devB0000'), [future.hlc]);
    for (const order of [[create, future, later], [create, later, future]]) {
      const { record, state } = fold(order);
      expect(record?.notes).toBe('korrigiert');
      expect(journalOf(record, state)).toEqual([]);
    }
  });

  it('is independent of order and duplication (property)', () => {
    const writeArb = fc.record({
      field: fc.constantFrom('notes', 'givenName', 'fileNumber'),
      value: fc.constantFrom('a', 'b', 'c', null),
      ms: fc.integer({ min: 2, max: 50 }),
      node: fc.constantFrom('devA0000', 'devB0000', 'devC0000'),
      baseIdx: fc.option(fc.nat(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(writeArb, { maxLength: 12 }), fc.infiniteStream(fc.nat()), (spec, randoms) => {
        const writes: Write[] = [create];
        spec.forEach((s, i) => {
          const earlier = writes.slice(0, i + 1).map((w) => w.hlc);
          const base = s.baseIdx === undefined ? undefined : [earlier[s.baseIdx % earlier.length]!];
          writes.push(edit(s.field, s.value, `${String(s.ms).padStart(15, '0')}-${String(i).padStart(5, '0')}-${s.node}`, base));
        });
        const it = randoms[Symbol.iterator]();
        const shuffled = [create, ...writes.slice(1)];
        for (let i = shuffled.length - 1; i > 1; i--) {
          const j = 1 + ((it.next().value as number) % i);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const dup = [...shuffled, ...shuffled.slice(1, 3)];
        const a = fold(writes);
        const b = fold(dup);
        expect(b.record).toEqual(a.record);
        expect(journalOf(b.record, b.state)).toEqual(journalOf(a.record, a.state));
      }),
      { numRuns: 300, seed: 4242 },
    );
  });

  it('detects an edit the deleting laptop had not seen, and not one it had seen', () => {
    const e = edit('notes', 'neu', h(5, 'devB0000'), [h(1)]);
    const delBlind: Write = { op: { kind: 'delete', table: 'persons', id: 'p', base: { notes: [h(1)], givenName: [h(1)] } }, hlc: h(6, 'devA0000') };
    const r1 = fold([create, e, delBlind]);
    expect(r1.record?.deleted).toBe(true);
    expect(unseenEditsOfDelete(r1.record, r1.state).map((u) => u.field)).toEqual(['notes']);
    const afterEdit = fold([create, e]);
    const delSeen: Write = { op: { kind: 'delete', table: 'persons', id: 'p', base: baseForOp({ kind: 'delete', table: 'persons', id: 'p' }, afterEdit.record, afterEdit.state) }, hlc: h(6, 'devA0000') };
    const r2 = fold([create, e, delSeen]);
    expect(unseenEditsOfDelete(r2.record, r2.state)).toEqual([]);
  });
});
