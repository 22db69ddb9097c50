import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import {
  SYNC_KEYS,
  applyWithoutOutbox,
  lastOutboxSeq,
  observeRemoteClock,
  runOperation,
  type WriteContext,
} from '../../../renderer/db/repository';
import { DEFAULT_USER_DISPLAY_NAME, getDeviceId, getUserDisplayName, setUserDisplayName } from '../../../renderer/db/settings';
import { hlcToString, parseHlc } from '../../../shared/sync/hlc';
import { ingestAndApply } from '../../../renderer/sync/apply';
import type { Person } from '../../../shared/domain/model';
import { deleteDatabase, dumpTables, uniqueDbName } from './migration-harness';
import { bed, household, person, room, stay } from './fixtures';
import { ADMIN } from '../../support/actors';

let db: QuartierDb;
let clockMs: number;
let ctx: WriteContext;

beforeEach(async () => {
  db = await openDatabase(uniqueDbName());
  clockMs = Date.UTC(2026, 0, 5, 9, 0, 0);
  ctx = { user: 'Frau Test', deviceId: 'dev-A', actor: ADMIN, now: () => new Date(clockMs) };
});
afterEach(async () => {
  db.close();
  await deleteDatabase(db.name);
});

describe('runOperation', () => {
  it('writes records, one audit entry per record and one Change in the outbox', async () => {
    const result = await runOperation(db, ctx, 'stay.checkIn', async (w) => {
      await w.put('households', household());
      await w.put('persons', person());
      await w.put('stays', stay());
    });
    expect(await db.persons.get('p1')).toMatchObject({ givenName: 'Samir', createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z' });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    const change = outbox[0]!.change;
    expect(outbox[0]!.shipped).toBe(false);
    expect(change).toEqual(result.change);
    expect(change).toMatchObject({ changeId: 'dev-A:1', deviceId: 'dev-A', seq: 1, user: 'Frau Test', operation: 'stay.checkIn', at: '2026-01-05T09:00:00.000Z' });
    expect(change.ops.map((o) => `${o.kind}:${o.table}:${o.id}`)).toEqual(['upsert:households:h1', 'upsert:persons:p1', 'upsert:stays:s1']);
    expect(change.ops.every((o) => o.kind === 'upsert' && o.created)).toBe(true);
    const audit = await db.audit.orderBy('entityId').toArray();
    expect(audit.map((a) => [a.entity, a.entityId, a.before, a.changeId])).toEqual([
      ['households', 'h1', null, 'dev-A:1'],
      ['persons', 'p1', null, 'dev-A:1'],
      ['stays', 's1', null, 'dev-A:1'],
    ]);
    expect(parseHlc(change.hlc)).toEqual({ wallMs: clockMs, counter: 0, node: 'dev-A' });
  });

  it('records only the changed fields of an update, with before and after in the audit', async () => {
    await runOperation(db, ctx, 'person.create', async (w) => {
      await w.put('persons', person());
    });
    clockMs += 60_000;
    const { change } = await runOperation(
      db,
      ctx,
      'person.update',
      async (w) => {
        const p = (await w.get('persons', 'p1'))!;
        await w.put('persons', { ...p, givenName: 'Sami', languages: ['ar', 'en'] });
      },
      { reason: 'Schreibweise korrigiert' },
    );
    expect(change!.ops).toEqual([
      {
        kind: 'upsert',
        table: 'persons',
        id: 'p1',
        created: false,
        fields: { givenName: 'Sami', languages: ['ar', 'en'], updatedAt: '2026-01-05T09:01:00.000Z' },
      },
    ]);
    const stored = (await db.persons.get('p1'))!;
    expect(stored.createdAt).toBe('2026-01-05T09:00:00.000Z');
    expect(stored.updatedAt).toBe('2026-01-05T09:01:00.000Z');
    const entry = (await db.audit.where('changeId').equals('dev-A:2').toArray())[0]!;
    expect((entry.before as Person).givenName).toBe('Samir');
    expect((entry.after as Person).givenName).toBe('Sami');
    expect(entry.reason).toBe('Schreibweise korrigiert');
  });

  it('patch merges fields, removes fields set to undefined (sent as null), and a no-op writes nothing', async () => {
    await runOperation(db, ctx, 'person.create', async (w) => {
      await w.put('persons', { ...person(), azrNumber: '123456789012' });
    });
    const { change } = await runOperation(db, ctx, 'person.update', async (w) => {
      await w.patch('persons', 'p1', { feePayer: true, azrNumber: undefined });
    });
    expect(change!.ops[0]).toMatchObject({ fields: { feePayer: true, azrNumber: null } });
    const stored = (await db.persons.get('p1'))!;
    expect(stored.feePayer).toBe(true);
    expect('azrNumber' in stored).toBe(false);

    const noop = await runOperation(db, ctx, 'person.update', async (w) => {
      await w.patch('persons', 'p1', { feePayer: true });
    });
    expect(noop.change).toBeNull();
    expect(await db.outbox.count()).toBe(2);
    expect(await lastOutboxSeq(db)).toBe(2);
  });

  it('rolls back everything when the body throws after two puts', async () => {
    await runOperation(db, ctx, 'person.create', async (w) => {
      await w.put('rooms', room());
    });
    const before = await dumpTables(db);
    await expect(
      runOperation(db, ctx, 'stay.checkIn', async (w) => {
        await w.put('persons', person());
        await w.put('beds', bed());
        // Reads inside the transaction see the uncommitted writes …
        expect(await w.query('persons').count()).toBe(1);
        throw new Error('Bett ist belegt');
      }),
    ).rejects.toThrow('Bett ist belegt');
    // … but nothing of it is stored: tables, audit, outbox and the seq counter are as before.
    expect(await dumpTables(db)).toEqual(before);
    expect(await lastOutboxSeq(db)).toBe(1);
    // The next successful operation gets seq 2, no gap.
    const { change } = await runOperation(db, ctx, 'person.create', async (w) => {
      await w.put('persons', person());
    });
    expect(change!.seq).toBe(2);
  });

  it('keeps the outbox sequence without gaps across many operations, including no-ops and failures', async () => {
    for (let i = 0; i < 12; i++) {
      if (i % 4 === 3) {
        await expect(
          runOperation(db, ctx, 'stay.checkIn', async (w) => {
            await w.put('persons', person(`x${i}`));
            throw new Error('nein');
          }),
        ).rejects.toThrow();
      } else if (i % 4 === 2) {
        await runOperation(db, ctx, 'person.update', async (w) => {
          await w.get('persons', 'p0');
        });
      } else {
        await runOperation(db, ctx, 'person.create', async (w) => {
          await w.put('persons', person(`p${i}`));
        });
      }
    }
    const seqs = (await db.outbox.toArray()).map((e) => e.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await db.outbox.toArray()).map((e) => e.change.changeId)).toEqual(seqs.map((s) => `dev-A:${s}`));
  });

  it('softDelete keeps a tombstone, emits a DeleteOp, and is idempotent', async () => {
    await runOperation(db, ctx, 'stay.checkIn', async (w) => {
      await w.put('stays', stay());
    });
    const { change } = await runOperation(db, ctx, 'stay.correct', async (w) => {
      await w.softDelete('stays', 's1');
    });
    expect(change!.ops).toEqual([{ kind: 'delete', table: 'stays', id: 's1' }]);
    expect((await db.stays.get('s1'))!.deleted).toBe(true);
    const audit = await db.audit.where('changeId').equals(change!.changeId).toArray();
    expect((audit[0]!.before as { deleted?: boolean }).deleted).toBeUndefined();
    expect((audit[0]!.after as { deleted?: boolean }).deleted).toBe(true);

    const again = await runOperation(db, ctx, 'stay.correct', async (w) => {
      await w.softDelete('stays', 's1');
    });
    expect(again.change).toBeNull();
    await expect(
      runOperation(db, ctx, 'stay.correct', async (w) => {
        await w.softDelete('stays', 'missing');
      }),
    ).rejects.toThrow(/nicht gefunden/);
  });

  it('a full put reviving a soft-deleted record carries deleted: false, and the Change revives it on another laptop', async () => {
    await runOperation(db, ctx, 'stay.checkIn', async (w) => {
      await w.put('stays', stay());
    });
    clockMs += 60_000;
    await runOperation(db, ctx, 'stay.correct', async (w) => {
      await w.softDelete('stays', 's1');
    });
    clockMs += 60_000;
    // Undo of the undo: the record as it was before (no `deleted` field at all).
    const { change } = await runOperation(db, ctx, 'stay.correct', async (w) => {
      await w.put('stays', stay());
    });
    expect(change!.ops).toEqual([
      { kind: 'upsert', table: 'stays', id: 's1', created: false, fields: { deleted: false, updatedAt: '2026-01-05T09:02:00.000Z' } },
    ]);
    const local = (await db.stays.get('s1'))!;
    expect(local.deleted).toBe(false);

    // Another laptop applies the three Changes in order and ends with the same live record.
    const changes = (await db.outbox.orderBy('seq').toArray()).map((e) => e.change);
    const other = await openDatabase(uniqueDbName());
    try {
      await ingestAndApply(other, 'dev-B', changes, { nowMs: clockMs });
      const there = (await other.stays.get('s1'))!;
      expect(there.deleted).not.toBe(true);
      expect(there).toEqual(local);
    } finally {
      other.close();
      await deleteDatabase(other.name);
    }
  });

  it('a patch clearing the deleted flag (set to undefined) also travels as deleted: false', async () => {
    await runOperation(db, ctx, 'stay.checkIn', async (w) => {
      await w.put('stays', stay());
      await w.softDelete('stays', 's1');
    });
    const { change } = await runOperation(db, ctx, 'stay.correct', async (w) => {
      await w.patch('stays', 's1', { deleted: undefined });
    });
    expect(change!.ops[0]).toMatchObject({ kind: 'upsert', fields: { deleted: false } });
    expect((await db.stays.get('s1'))!.deleted).toBe(false);
  });

  it('a move is one Change with several ops and one audit entry per record, even if a record is written twice', async () => {
    await runOperation(db, ctx, 'person.create', async (w) => {
      await w.put('stays', stay('s1', 'p1', 'b1', '2026-01-05', null));
    });
    const { change, audit } = await runOperation(db, ctx, 'stay.move', async (w) => {
      await w.patch('stays', 's1', { to: '2026-02-01', endKind: 'move' });
      await w.put('stays', { ...stay('s2', 'p1', 'b2', '2026-02-01', null), previousStayId: 's1' });
      await w.patch('stays', 's1', { nextStayId: 's2' });
    });
    expect(change!.ops).toHaveLength(2);
    expect(change!.ops[0]).toMatchObject({ id: 's1', fields: { to: '2026-02-01', endKind: 'move', nextStayId: 's2' } });
    expect(audit).toHaveLength(2);
    expect((audit[0]!.before as { to: string | null }).to).toBeNull();
    expect((audit[0]!.after as { nextStayId: string }).nextStayId).toBe('s2');
  });

  it('HLC stamps increase across operations even when the wall clock steps back', async () => {
    const stamps: string[] = [];
    const steps = [0, 1000, -3_600_000, 0, -1, 5, -86_400_000];
    for (const [i, step] of steps.entries()) {
      clockMs += step;
      const { change } = await runOperation(db, ctx, 'person.create', async (w) => {
        await w.put('persons', person(`p${i}`));
      });
      stamps.push(change!.hlc);
    }
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]! > stamps[i - 1]!).toBe(true);
    expect((await db.syncState.get(SYNC_KEYS.hlc))!.value).toBe(stamps.at(-1));
  });

  it('rejects unknown tables and missing device ids with a clear message', async () => {
    await expect(
      runOperation(db, ctx, 'person.create', async (w) => {
        await w.put('nope' as 'persons', person());
      }),
    ).rejects.toThrow(/Unbekannte Tabelle/);
    await expect(runOperation(db, { ...ctx, deviceId: '' }, 'x', async () => {})).rejects.toThrow(/Geräte-ID/);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('applyWithoutOutbox and remote clocks', () => {
  it('writes records (optionally audited) without outbox entry or seq', async () => {
    const remoteTime = '2025-12-01T08:00:00.000Z';
    const result = await applyWithoutOutbox(
      db,
      ctx,
      'sync.apply',
      async (w) => {
        await w.put('persons', { ...person(), createdAt: remoteTime, updatedAt: remoteTime });
      },
      { changeId: 'dev-B:7', keepTimestamps: true },
    );
    expect(result.change).toBeNull();
    expect(result.ops).toHaveLength(1);
    expect(await db.outbox.count()).toBe(0);
    expect(await lastOutboxSeq(db)).toBe(0);
    expect((await db.persons.get('p1'))!.updatedAt).toBe(remoteTime);
    expect((await db.audit.toArray()).map((a) => a.changeId)).toEqual(['dev-B:7']);

    await applyWithoutOutbox(db, ctx, 'demo.load', async (w) => {
      await w.put('persons', person('p2'));
    }, { audit: false });
    expect(await db.audit.count()).toBe(1);
    expect(await db.persons.count()).toBe(2);
  });

  it('adopts a plausible remote clock but flags one ten years ahead', async () => {
    const nearFuture = hlcToString({ wallMs: clockMs + 10_000, counter: 3, node: 'dev-B' });
    expect((await observeRemoteClock(db, 'dev-A', nearFuture, clockMs, 60_000)).flagged).toBe(false);
    const { change } = await runOperation(db, ctx, 'person.create', async (w) => {
      await w.put('persons', person());
    });
    expect(change!.hlc > nearFuture).toBe(true);

    const farFuture = hlcToString({ wallMs: clockMs + 10 * 365 * 86_400_000, counter: 0, node: 'dev-C' });
    const stored = (await db.syncState.get(SYNC_KEYS.hlc))!.value;
    expect((await observeRemoteClock(db, 'dev-A', farFuture, clockMs, 60_000)).flagged).toBe(true);
    expect((await db.syncState.get(SYNC_KEYS.hlc))!.value).toBe(stored);
  });
});

describe('settings', () => {
  it('creates the device id once and keeps it', async () => {
    const [a, b] = await Promise.all([getDeviceId(db), getDeviceId(db)]);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toBe(a);
    expect(await getDeviceId(db)).toBe(a);
  });

  it('has a default user name and validates a new one', async () => {
    expect(await getUserDisplayName(db)).toBe(DEFAULT_USER_DISPLAY_NAME);
    await setUserDisplayName(db, '  M. Keller ');
    expect(await getUserDisplayName(db)).toBe('M. Keller');
    await expect(setUserDisplayName(db, '   ')).rejects.toThrow(/leer/);
    expect(await getUserDisplayName(db)).toBe('M. Keller');
  });
});
