import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import { clearAllData, isDatabaseEmpty, loadDemoData } from '../../../renderer/db/demo';
import { lastOutboxSeq, runOperation } from '../../../renderer/db/repository';
import { getDeviceId, getSetting } from '../../../renderer/db/settings';
import { generateDemoData } from '../../../shared/demo/generate';
import { ENTITY_TABLES } from '../../../shared/domain/model';
import { deleteDatabase, uniqueDbName } from './migration-harness';
import { person } from './fixtures';
import { ADMIN } from '../../support/actors';

const TODAY = '2026-11-21';
let db: QuartierDb;

beforeEach(async () => {
  db = await openDatabase(uniqueDbName());
});
afterEach(async () => {
  db.close();
  await deleteDatabase(db.name);
});

async function rowCount(): Promise<number> {
  let n = 0;
  for (const t of ENTITY_TABLES) n += await db.table(t).count();
  return n;
}

describe('loadDemoData', () => {
  it('loads the county dataset in chunks with progress, without audit or outbox, and marks it', async () => {
    expect(await isDatabaseEmpty(db)).toBe(true);
    const expected = generateDemoData({ seed: 5, scale: 'county', today: TODAY });
    const progress: [number, number][] = [];
    const t0 = performance.now();
    await loadDemoData(db, { seed: 5, scale: 'county', today: TODAY }, (done, total) => progress.push([done, total]));
    console.info(`county demo load into IndexedDB: ${Math.round(performance.now() - t0)} ms`);

    for (const t of ENTITY_TABLES) expect(await db.table(t).count(), t).toBe(expected[t].length);
    expect(await db.persons.get(expected.persons[17]!.id)).toEqual(expected.persons[17]);
    const total = ENTITY_TABLES.reduce((n, t) => n + expected[t].length, 0);
    expect(progress[0]).toEqual([0, total]);
    expect(progress.at(-1)).toEqual([total, total]);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]![0]).toBeGreaterThan(progress[i - 1]![0]);
      expect(progress[i]![0] - progress[i - 1]![0]).toBeLessThanOrEqual(5000);
    }
    expect(await db.audit.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await isDatabaseEmpty(db)).toBe(false);
    expect(await getSetting(db, 'demoData')).toMatchObject({ seed: 5, scale: 'county' });
    // The indexes work on the loaded data.
    const someBed = expected.stays[0]!.bedId;
    expect(await db.stays.where('bedId').equals(someBed).count()).toBe(expected.stays.filter((s) => s.bedId === someBed).length);
  });

  it('refuses to load into a database that holds data, and changes nothing', async () => {
    await runOperation(db, { user: 'Test', deviceId: 'd', actor: ADMIN }, 'person.create', async (w) => {
      await w.put('persons', person());
    });
    await expect(loadDemoData(db, { seed: 1, scale: 0.2, today: TODAY })).rejects.toThrow(/bereits Daten/);
    expect(await rowCount()).toBe(1);
  });

  it('leaves the database empty when aborted mid-way (one transaction rolls back)', async () => {
    const controller = new AbortController();
    let calls = 0;
    const load = loadDemoData(
      db,
      { seed: 3, scale: 'county', today: TODAY },
      (done) => {
        calls++;
        if (done > 0) controller.abort(); // after the first chunk is written
      },
      controller.signal,
    );
    await expect(load).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(await rowCount()).toBe(0);
    expect(await isDatabaseEmpty(db)).toBe(true);
    expect(await getSetting(db, 'demoData')).toBeUndefined();
  });

  it('leaves the database empty when writing fails part-way', async () => {
    let chunks = 0;
    const load = loadDemoData(db, { seed: 3, scale: 'county', today: TODAY }, () => {
      chunks++;
      if (chunks === 3) throw new Error('Speicher voll');
    });
    await expect(load).rejects.toThrow('Speicher voll');
    expect(await rowCount()).toBe(0);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(loadDemoData(db, { scale: 0.2, today: TODAY }, undefined, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(await rowCount()).toBe(0);
  });
});

describe('clearAllData', () => {
  it('removes records, outbox and the demo marker but keeps the audit trail, the access log, device id, seq and clock', async () => {
    const deviceId = await getDeviceId(db);
    await loadDemoData(db, { seed: 9, scale: 0.2, today: TODAY });
    const ctx = { user: 'Test', deviceId, actor: ADMIN };
    await runOperation(db, ctx, 'person.create', async (w) => {
      await w.put('persons', person('extra'));
    });
    await db.syncState.put({ key: 'read:other-device', value: 12 });
    // Evidence stays: the audit trail and the access log are append-only.
    const audit = await db.audit.toArray();
    expect(audit.length).toBeGreaterThan(0);
    await db.accessLog.put({ id: 'z1', createdAt: '2026-03-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z', at: '2026-03-01T00:00:00.000Z', kind: 'export', userId: 'u', userName: 'Test', deviceId, subject: 'report.x.pdf', description: 'Export', personIds: [] });
    await clearAllData(db);

    expect(await isDatabaseEmpty(db)).toBe(true);
    expect(await db.audit.toArray()).toEqual(audit);
    expect((await db.accessLog.toArray()).map((e) => e.id)).toEqual(['z1']);
    expect(await db.outbox.count()).toBe(0);
    expect(await getSetting(db, 'demoData')).toBeUndefined();
    expect(await getDeviceId(db)).toBe(deviceId);
    expect(await db.syncState.get('read:other-device')).toBeUndefined();
    expect(await lastOutboxSeq(db)).toBe(1);
    const { change } = await runOperation(db, ctx, 'person.create', async (w) => {
      await w.put('persons', person('again'));
    });
    expect(change!.seq).toBe(2);
  });
});
