// Loading and clearing demo data.
//
// Demo data is written with bulkAdd, NOT through runOperation: it is a local
// seed, not a user's change. It gets no audit entries (nobody did anything)
// and no outbox entries (shipping 700,000 seed records to the share would be
// pointless: every laptop can generate the same seed, ids included).
//
// All-or-nothing: the whole load is ONE IndexedDB transaction. If the user
// aborts, a chunk fails, or the app is killed mid-way, IndexedDB rolls the
// transaction back and the database is exactly as empty as before. The
// progress callback runs between chunks inside the transaction; it must be
// synchronous (an await on anything else would let the transaction commit).
import type { Dataset, EntityTable, IsoDate } from '../../shared/domain/model';
import { ENTITY_TABLES } from '../../shared/domain/model';
import { isoDateOf } from '../../shared/domain/dates';
import { DEFAULT_DEMO_SEED, generateDemoData, type DemoScale } from '../../shared/demo/generate';
import type { QuartierDb } from './db';
import { SYNC_KEYS } from './repository';

export const DEMO_CHUNK_SIZE = 5_000;

export interface LoadDemoOptions {
  seed?: number;
  scale?: DemoScale;
  /** End of the generated history; defaults to the local calendar day. */
  today?: IsoDate;
}

/** True when no entity table holds a record (settings and sync bookkeeping do not count). */
/**
 * The tables that hold the county's data. User accounts and their sign-in
 * records are not data in this sense: the first administrator is created
 * BEFORE demo data is offered, and must not make the database "non-empty".
 */
export const DATA_TABLES: readonly EntityTable[] = ENTITY_TABLES.filter((t) => t !== 'users' && t !== 'accessLog');

export async function isDatabaseEmpty(db: QuartierDb): Promise<boolean> {
  return db.transaction('r', DATA_TABLES.map((t) => db.table(t)), async () => {
    for (const t of DATA_TABLES) {
      if ((await db.table(t).limit(1).count()) > 0) return false;
    }
    return true;
  });
}

function abortError(): Error {
  // DOMException is what fetch() & co. throw on abort; callers can check `name === 'AbortError'`.
  return new DOMException('Das Laden der Demodaten wurde abgebrochen.', 'AbortError');
}

/**
 * Generates the demo dataset and stores it. Refuses to load into a database
 * that already holds data. Reports progress as (rows written, rows total).
 */
export async function loadDemoData(
  db: QuartierDb,
  options: LoadDemoOptions = {},
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  if (signal?.aborted) throw abortError();
  if (!(await isDatabaseEmpty(db))) {
    throw new Error('Die Datenbank enthält bereits Daten. Demodaten können nur in eine leere Datenbank geladen werden.');
  }
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const scale = options.scale ?? 'county';
  const dataset: Dataset = generateDemoData({ seed, scale, today: options.today ?? isoDateOf(new Date()) });
  if (signal?.aborted) throw abortError();

  const total = ENTITY_TABLES.reduce((n, t) => n + dataset[t].length, 0);
  let done = 0;
  onProgress?.(0, total);
  await db.transaction('rw', [...ENTITY_TABLES.map((t) => db.table(t)), db.settings], async () => {
    // A second check inside the transaction: another tab may have written meanwhile.
    for (const t of DATA_TABLES) {
      if ((await db.table(t).limit(1).count()) > 0) throw new Error('Die Datenbank enthält bereits Daten.');
    }
    for (const t of ENTITY_TABLES) {
      const rows = dataset[t] as unknown[];
      for (let i = 0; i < rows.length; i += DEMO_CHUNK_SIZE) {
        if (signal?.aborted) throw abortError();
        const chunk = rows.slice(i, i + DEMO_CHUNK_SIZE);
        await db.table(t).bulkAdd(chunk);
        done += chunk.length;
        onProgress?.(done, total);
      }
    }
    if (signal?.aborted) throw abortError();
    await db.settings.put({ key: 'demoData', value: { seed, scale, loadedAt: new Date().toISOString() } });
  });
}

/**
 * Deletes the county's records (DATA_TABLES) and the outbox (including
 * changes not yet shipped: callers must confirm with the user first), and the
 * demo marker. Kept on purpose:
 * - the user accounts (whoever clears the data stays able to sign in);
 * - the audit trail and the access log: they are evidence and append-only
 *   (docs/data-model.md "Immutability"); only the retention scrub rewrites
 *   audit entries, nothing deletes them;
 * - the device id, the settings, and the outbox sequence number and clock in
 *   syncState, so change ids `${deviceId}:${seq}` are never reused and other
 *   laptops never mistake new changes for old ones.
 * Sync read positions are dropped so that a later sync reads the share again
 * from the start.
 */
export async function clearAllData(db: QuartierDb): Promise<void> {
  const keep = new Set<string>([SYNC_KEYS.outboxSeq, SYNC_KEYS.hlc]);
  await db.transaction('rw', [...DATA_TABLES.map((t: EntityTable) => db.table(t)), db.outbox, db.syncState, db.settings], async () => {
    for (const t of DATA_TABLES) await db.table(t).clear();
    await db.outbox.clear();
    await db.syncState.filter((row) => !keep.has(row.key)).delete();
    await db.settings.delete('demoData');
  });
}
