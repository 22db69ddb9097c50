// A create-only merge state is kept inside the record row (reserved field
// `_sync`, shared/sync/inlineState.ts) instead of a separate meta: row.
// These tests pin down that
// - a create writes one row, an edit moves the state to a meta: row;
// - the reserved field never leaks: not into a Change, an audit entry,
//   Writer.get, or a snapshot's records, and a caller cannot set it;
// - databases written before (a meta: row for every record) are read as
//   they are and end exactly like databases in the new form;
// - a snapshot round trip keeps every merge state.
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/sync/change';
import { INLINE_STATE_FIELD } from '../../../shared/sync/inlineState';
import type { SyncRecordState } from '../../../shared/sync/merge';
import { QuartierDb } from '../../../renderer/db/db';
import { runOperation, type WriteContext } from '../../../renderer/db/repository';
import { ingestAndApply, listConflicts, META_PREFIX, metaKey } from '../../../renderer/sync/apply';
import { buildSnapshot, loadSnapshot } from '../../../renderer/sync/snapshot';
import { loadAuskunftSources } from '../../../renderer/features/auskunft/generateAuskunft';
import { buildArchive } from '../../../renderer/features/retention/archive';
import { DEFAULT_RETENTION_POLICY } from '../../../shared/retention/policy';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const ME = 'dddddddd-0000-4000-8000-000000000004';
const NOW = 1_800_000_000_000;
const stamp = (ms: number, dev: string) => `${String(ms).padStart(15, '0')}-00000-${dev}`;
const ctx: WriteContext = { user: 'Test', deviceId: ME, actor: { userId: 'u-admin', role: 'admin', accommodationIds: [] }, now: () => new Date(NOW - 1000) };

function create(dev: string, seq: number, ms: number, id: string, familyName: string, table: 'persons' | 'stays' = 'persons'): Change {
  const fields: Record<string, unknown> =
    table === 'persons'
      ? { id, familyName, givenName: 'Ada', householdId: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }
      : { id, personId: 'p-1', bedId: 'b-1', roomId: 'r-1', accommodationId: 'a-1', from: '2026-01-01', to: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
  return { changeId: `${dev}:${seq}`, deviceId: dev, seq, hlc: stamp(ms, dev), at: 'x', user: 't', operation: 'bench', ops: [{ kind: 'upsert', table, id, created: true, fields }] };
}

function edit(dev: string, seq: number, ms: number, id: string, fields: Record<string, unknown>, base: Record<string, string[]>): Change {
  return { changeId: `${dev}:${seq}`, deviceId: dev, seq, hlc: stamp(ms, dev), at: 'x', user: 't', operation: 'bench', ops: [{ kind: 'upsert', table: 'persons', id, created: false, fields, base }] };
}

let n = 0;
const open: QuartierDb[] = [];
async function freshDb(): Promise<QuartierDb> {
  const db = new QuartierDb(`inline-state-${++n}-${Date.now()}`);
  await db.open();
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

async function rawRow(db: QuartierDb, table: string, id: string): Promise<Record<string, unknown> | undefined> {
  return (await db.table(table).get(id)) as Record<string, unknown> | undefined;
}
async function metaRow(db: QuartierDb, table: 'persons' | 'stays', id: string): Promise<SyncRecordState | undefined> {
  return (await db.syncState.get(metaKey(table, id)))?.value as SyncRecordState | undefined;
}

/** Rewrites every inline state into the older form: record without the field, state in a meta: row. */
async function toOldForm(db: QuartierDb): Promise<number> {
  let moved = 0;
  await db.transaction('rw', [db.persons, db.stays, db.syncState], async () => {
    for (const table of ['persons', 'stays'] as const) {
      for (const row of (await db.table(table).toArray()) as Record<string, unknown>[]) {
        if (!(INLINE_STATE_FIELD in row)) continue;
        const { [INLINE_STATE_FIELD]: state, ...record } = row;
        await db.table(table).put(record);
        await db.syncState.put({ key: metaKey(table, String(record.id)), value: state });
        moved++;
      }
    }
  });
  return moved;
}

/** Records (without the reserved field) with their merge state, wherever it is stored, and the conflicts. */
async function dump(db: QuartierDb): Promise<{ records: unknown[]; conflicts: string[] }> {
  const records: unknown[] = [];
  for (const table of ['persons', 'stays'] as const) {
    for (const row of (await db.table(table).orderBy('id').toArray()) as Record<string, unknown>[]) {
      const { [INLINE_STATE_FIELD]: inline, ...record } = row;
      records.push({ table, record, state: inline ?? (await metaRow(db, table, String(record.id))) });
    }
  }
  return { records, conflicts: (await listConflicts(db)).map((c) => c.id) };
}

describe('merge state inside the record row', () => {
  const a1 = create(A, 1, NOW - 10_000, 'p-1', 'Aslan');
  const a2 = create(A, 2, NOW - 9_000, 'p-2', 'Celik');
  const s1 = create(A, 3, NOW - 8_000, 's-1', '', 'stays');

  it('writes one row per created record and moves the state to a meta: row once a field is edited', async () => {
    const db = await freshDb();
    await ingestAndApply(db, ME, [a1, a2, s1], { nowMs: NOW });
    expect((await rawRow(db, 'persons', 'p-1'))?.[INLINE_STATE_FIELD]).toEqual({ c: a1.hlc });
    // Stays keep the conflict scopes they were checked under with the create stamp.
    expect((await rawRow(db, 'stays', 's-1'))?.[INLINE_STATE_FIELD]).toEqual({ c: s1.hlc, sc: ['rec:stays:s-1', 'bed:b-1', 'person:p-1', 'room:r-1'] });
    expect(await db.syncState.where('key').startsWith(META_PREFIX).count()).toBe(0);

    await ingestAndApply(db, ME, [edit(B, 1, NOW - 5_000, 'p-1', { givenName: 'Adaeze' }, { givenName: [a1.hlc] })], { nowMs: NOW });
    const row = await rawRow(db, 'persons', 'p-1');
    expect(row).toMatchObject({ givenName: 'Adaeze' });
    expect(row && INLINE_STATE_FIELD in row).toBe(false);
    expect(await metaRow(db, 'persons', 'p-1')).toMatchObject({ c: a1.hlc, f: { givenName: { w: stamp(NOW - 5_000, B), s: [a1.hlc] } } });
    // The untouched record keeps its inline state.
    expect((await rawRow(db, 'persons', 'p-2'))?.[INLINE_STATE_FIELD]).toEqual({ c: a2.hlc });
  });

  it('keeps the reserved field out of Writer.get, changes, diffs and audit entries, and a caller cannot set it', async () => {
    const db = await freshDb();
    await ingestAndApply(db, ME, [a1], { nowMs: NOW });
    const stored = await rawRow(db, 'persons', 'p-1');

    // A put of the row exactly as stored (reserved field included) changes nothing.
    const same = await runOperation(db, ctx, 'person.update', async (w) => {
      expect(await w.get('persons', 'p-1')).not.toHaveProperty(INLINE_STATE_FIELD);
      await w.put('persons', stored as never);
    });
    expect(same.change).toBeNull();

    // A forged value from the caller is ignored; the stored state is kept.
    const res = await runOperation(db, ctx, 'person.update', async (w) => {
      const current = await w.get('persons', 'p-1');
      await w.put('persons', { ...current, givenName: 'Adaeze', [INLINE_STATE_FIELD]: { c: 'forged' } } as never);
    });
    expect(res.change?.ops).toHaveLength(1);
    const op = res.change!.ops[0]!;
    expect(op.kind === 'upsert' && Object.keys(op.fields).sort()).toEqual(['givenName', 'updatedAt']);
    for (const entry of res.audit) {
      expect(entry.before).not.toHaveProperty(INLINE_STATE_FIELD);
      expect(entry.after).not.toHaveProperty(INLINE_STATE_FIELD);
    }
    expect((await rawRow(db, 'persons', 'p-1'))?.[INLINE_STATE_FIELD]).toEqual({ c: a1.hlc });

    // A local create never takes the field from its input either.
    const created = await runOperation(db, ctx, 'person.create', async (w) => {
      await w.put('persons', { ...(stored as object), id: 'p-9', [INLINE_STATE_FIELD]: { c: 'forged' } } as never);
    });
    const createOp = created.change!.ops[0]!;
    expect(createOp.kind === 'upsert' && INLINE_STATE_FIELD in createOp.fields).toBe(false);
    expect(await rawRow(db, 'persons', 'p-9')).not.toHaveProperty(INLINE_STATE_FIELD);

    // Ingesting the local edit: its base is the create stamp read from the row.
    await ingestAndApply(db, ME, [], { nowMs: NOW });
    const entry = await db.outbox.get(res.change!.seq);
    const ingested = entry!.change.ops[0]!;
    expect(ingested.kind === 'upsert' && ingested.base).toEqual({ givenName: [a1.hlc], updatedAt: [a1.hlc] });
    expect(await rawRow(db, 'persons', 'p-1')).not.toHaveProperty(INLINE_STATE_FIELD);
    expect(await metaRow(db, 'persons', 'p-1')).toMatchObject({ c: a1.hlc, f: { givenName: { w: res.change!.hlc } } });
    // The local create now has its create stamp inline, no meta: row.
    expect((await rawRow(db, 'persons', 'p-9'))?.[INLINE_STATE_FIELD]).toEqual({ c: created.change!.hlc });
    expect(await metaRow(db, 'persons', 'p-9')).toBeUndefined();
  });

  it('exports that pass whole records on (Auskunft, retention archive) never show the reserved field', async () => {
    const db = await freshDb();
    await ingestAndApply(db, ME, [a1, a2, s1], { nowMs: NOW });
    expect((await rawRow(db, 'persons', 'p-1'))?.[INLINE_STATE_FIELD]).toBeDefined();
    const sources = await loadAuskunftSources(db, 'p-1');
    expect(sources.persons).toHaveLength(1);
    expect(sources.stays).toHaveLength(1);
    expect(JSON.stringify(sources)).not.toContain(INLINE_STATE_FIELD);
    const due = [{ personId: 'p-1', fileNumber: 'AZ-1', familyName: 'Aslan', givenName: 'Ada', householdId: null, closedOn: '2019-01-01', dueOn: '2025-01-01' }];
    const archive = await buildArchive(db, due as never, '2026-01-01', { ...DEFAULT_RETENTION_POLICY }, 'x');
    expect(archive.persons).toHaveLength(1);
    expect(archive.stays).toHaveLength(1);
    expect(JSON.stringify(archive)).not.toContain(INLINE_STATE_FIELD);
  });

  it('reads databases in the older form (a meta: row per record) and ends like the new form', async () => {
    const b1 = create(B, 1, NOW - 9_500, 'p-1', 'Bakir'); // a second create of the same id: a field conflict
    const later = [b1, edit(B, 2, NOW - 4_000, 'p-2', { givenName: 'Deniz' }, { givenName: [a2.hlc] })];
    const fresh = await freshDb();
    await ingestAndApply(fresh, ME, [a1, a2, s1], { nowMs: NOW });
    await ingestAndApply(fresh, ME, later, { nowMs: NOW });

    const old = await freshDb();
    await ingestAndApply(old, ME, [a1, a2, s1], { nowMs: NOW });
    expect(await toOldForm(old)).toBe(3);
    await ingestAndApply(old, ME, later, { nowMs: NOW });

    expect(await dump(old)).toEqual(await dump(fresh));
    expect((await dump(fresh)).conflicts.length).toBeGreaterThan(0);
    // The untouched stay is still in the older form, and still valid.
    expect(await metaRow(old, 'stays', 's-1')).toEqual({ c: s1.hlc, sc: ['rec:stays:s-1', 'bed:b-1', 'person:p-1', 'room:r-1'] });
    expect(await metaRow(fresh, 'stays', 's-1')).toBeUndefined();
  });

  it('a local edit of a record in the older form reads the create stamp from its meta: row', async () => {
    const db = await freshDb();
    await ingestAndApply(db, ME, [a1], { nowMs: NOW });
    await toOldForm(db);
    const res = await runOperation(db, ctx, 'person.update', async (w) => {
      const current = await w.get('persons', 'p-1');
      await w.put('persons', { ...current!, notes: 'x' });
    });
    // Until the sync ingests the edit, the merge state is untouched.
    expect(await metaRow(db, 'persons', 'p-1')).toEqual({ c: a1.hlc });
    expect(await rawRow(db, 'persons', 'p-1')).not.toHaveProperty(INLINE_STATE_FIELD);
    await ingestAndApply(db, ME, [], { nowMs: NOW });
    const ingested = (await db.outbox.get(res.change!.seq))!.change.ops[0]!;
    // The edit's base is the create stamp, read from the meta: row.
    expect(ingested.kind === 'upsert' && ingested.base).toEqual({ notes: [a1.hlc], updatedAt: [a1.hlc] });
    expect(await rawRow(db, 'persons', 'p-1')).not.toHaveProperty(INLINE_STATE_FIELD);
    expect(await metaRow(db, 'persons', 'p-1')).toMatchObject({ c: a1.hlc, f: { notes: { w: res.change!.hlc }, updatedAt: { w: res.change!.hlc, s: [a1.hlc] } } });
  });

  it('snapshots carry every state in meta and records without the field; loading one writes create-only states inline', async () => {
    const db = await freshDb();
    await ingestAndApply(db, ME, [a1, a2, s1, edit(B, 1, NOW - 5_000, 'p-1', { givenName: 'Adaeze' }, { givenName: [a1.hlc] })], { nowMs: NOW });
    const snap = await buildSnapshot(db, ME, 'x');
    for (const rows of Object.values(snap.tables)) for (const r of rows as object[]) expect(r).not.toHaveProperty(INLINE_STATE_FIELD);
    const meta = new Map(snap.meta);
    expect(meta.get('persons:p-2')).toEqual({ c: a2.hlc });
    expect(meta.get('stays:s-1')).toMatchObject({ c: s1.hlc });
    expect(meta.get('persons:p-1')?.f?.givenName).toBeDefined();

    const joiner = await freshDb();
    await loadSnapshot(joiner, snap);
    expect((await rawRow(joiner, 'persons', 'p-2'))?.[INLINE_STATE_FIELD]).toEqual({ c: a2.hlc });
    expect(await metaRow(joiner, 'persons', 'p-2')).toBeUndefined();
    expect(await rawRow(joiner, 'persons', 'p-1')).not.toHaveProperty(INLINE_STATE_FIELD);
    expect(await metaRow(joiner, 'persons', 'p-1')).toEqual(meta.get('persons:p-1'));
    // Same content either way round.
    const again = await buildSnapshot(joiner, ME, 'x');
    const sorted = (m: [string, SyncRecordState][]) => [...m].sort(([x], [y]) => (x < y ? -1 : 1));
    expect(sorted(again.meta)).toEqual(sorted(snap.meta));
    expect(again.tables).toEqual(snap.tables);
    expect(await dump(joiner)).toEqual(await dump(db));
  });
});
