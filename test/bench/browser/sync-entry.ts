// Sync bench page in Chromium (real IndexedDB): the ingest of the Node sync
// bench, same workload, against a raw Dexie bulkPut of the resulting records
// in the same browser. Driven by test/bench/sync-browser.ts through
// window.quartierSyncBench; never part of the app bundle.
import { QuartierDb } from '../../../renderer/db/db';
import { ingestAndApply } from '../../../renderer/sync/apply';
import { interleave, remoteChanges } from '../sync-workload';

declare global {
  interface Window {
    quartierSyncBench?: typeof bench;
  }
}

let n = 0;

async function fresh(): Promise<QuartierDb> {
  const db = new QuartierDb(`sync-bench-${Date.now()}-${++n}`);
  await db.open();
  return db;
}

const bench = {
  /** Ingest vs raw bulkPut, interleaved twice; best of each (the machine may be shared). */
  async ingest(laptops: number, perLaptop: number): Promise<{ ingestMs: number; rawMs: number; changes: number; records: number }> {
    const { byDevice, finalRecords } = remoteChanges(laptops, perLaptop);
    const ordered = interleave(byDevice, perLaptop);
    const me = 'benchrdr-0000-4000-8000-000000000000';
    const raw = async () => {
      const db = await fresh();
      const t0 = performance.now();
      for (let i = 0; i < finalRecords.length; i += 2000) await db.transaction('rw', db.persons, () => db.table('persons').bulkPut(finalRecords.slice(i, i + 2000)));
      const ms = performance.now() - t0;
      db.close();
      await db.delete();
      return ms;
    };
    const ingest = async () => {
      const db = await fresh();
      const t0 = performance.now();
      for (let i = 0; i < ordered.length; i += 2000) await ingestAndApply(db, me, ordered.slice(i, i + 2000), { nowMs: 1_780_000_000_000 + 10 * perLaptop + 1000 });
      const ms = performance.now() - t0;
      const stored = await db.persons.count();
      db.close();
      await db.delete();
      if (stored !== finalRecords.length) throw new Error(`ingest stored ${stored} records, expected ${finalRecords.length}`);
      return ms;
    };
    const r1 = await raw();
    const i1 = await ingest();
    const i2 = await ingest();
    const r2 = await raw();
    return { ingestMs: Math.min(i1, i2), rawMs: Math.min(r1, r2), changes: ordered.length, records: finalRecords.length };
  },
};

window.quartierSyncBench = bench;
document.getElementById('status')!.textContent = 'ready';
