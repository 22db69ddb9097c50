// Shared setup of the audit tests: the hand-checked report county seeded into
// a fresh fake-indexeddb database, and write contexts WITH an actor (the
// permission check in runOperation needs one).
import { ENTITY_TABLES, type Dataset } from '../../../shared/domain/model';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import type { WriteContext } from '../../../renderer/db/repository';
import { fixtureDataset } from '../../unit/reports/fixture';

let counter = 0;

export const ADMIN: WriteContext = {
  user: 'Frau Verwaltung',
  deviceId: 'dev-audit-a',
  actor: { userId: 'u-admin', role: 'admin', accommodationIds: [] },
  now: () => new Date('2026-03-01T09:00:00.000Z'),
};

/** A clock that advances one minute per call (entries get distinct, ordered instants). */
export function ticking(ctx: WriteContext, start = '2026-03-01T09:00:00.000Z'): WriteContext {
  let t = Date.parse(start);
  return { ...ctx, now: () => new Date((t += 60_000)) };
}

export async function seededDb(ds: Dataset = fixtureDataset()): Promise<QuartierDb> {
  const db = await openDatabase(`audit-test-${process.pid}-${Date.now()}-${++counter}`);
  await db.transaction('rw', ENTITY_TABLES.map((t) => db.table(t)), async () => {
    for (const t of ENTITY_TABLES) await db.table(t).bulkPut(ds[t]);
  });
  return db;
}

export async function datasetOf(db: QuartierDb): Promise<Dataset> {
  const ds = fixtureDataset();
  for (const t of ENTITY_TABLES) (ds as Record<string, unknown[]>)[t] = await db.table(t).toArray();
  return ds;
}

export { snapshot } from '../db/snapshot';
