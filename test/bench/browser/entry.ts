// Bench page, served from the same origin as the app in web mode so it works
// on the app's own IndexedDB database. Driven by test/bench/occupancy-browser.ts
// through window.quartierBench; never part of the app bundle.
import { openDatabase } from '../../../renderer/db/db';
import { clearAllData, loadDemoData } from '../../../renderer/db/demo';
import { checkIn } from '../../../renderer/features/operations/commands';
import { disposeOccupancyStore, occupancyStoreFor } from '../../../renderer/features/occupancy-data/hooks';
import { buildOccupancyIndex, findPlaces } from '../../../shared/occupancy';
import { ENTITY_TABLES, type Person, type Stay } from '../../../shared/domain/model';
import { isoDateOf } from '../../../shared/domain/dates';
import { ADMIN } from '../../support/actors';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

const held: unknown[][] = [];

const bench = {
  async load(scale: 'county' | 'berlin'): Promise<{ ms: number; rows: number }> {
    const db = await openDatabase();
    await clearAllData(db);
    const t0 = performance.now();
    let rows = 0;
    await loadDemoData(db, { scale }, (done) => {
      rows = done;
    });
    db.close();
    return { ms: performance.now() - t0, rows };
  },

  /**
   * Baseline for "open the app": reading every entity table with toArray.
   * With `hold`, the rows stay referenced so the heap baseline includes them.
   */
  async rawRead(hold = false): Promise<{ ms: number; rows: number }> {
    const db = await openDatabase();
    const t0 = performance.now();
    let rows = 0;
    for (const t of ENTITY_TABLES) {
      const all: unknown[] = await db.table(t).toArray();
      rows += all.length;
      if (hold) held.push(all);
    }
    const ms = performance.now() - t0;
    db.close();
    return { ms, rows };
  },

  /**
   * Median time of n single check-ins through the real command (load context
   * by index, validate, write stay + audit + outbox in one transaction),
   * against a raw Dexie transaction writing the same three records.
   */
  async checkIns(n: number): Promise<{ commandMs: number; rawMs: number }> {
    const db = await openDatabase();
    const today = isoDateOf(new Date());
    const [accommodations, units, rooms, beds, bedBlocks, stays] = await Promise.all([
      db.accommodations.toArray(), db.units.toArray(), db.rooms.toArray(), db.beds.toArray(), db.bedBlocks.toArray(), db.stays.toArray(),
    ]);
    const ix = buildOccupancyIndex({ accommodations, units, rooms, beds, bedBlocks, stays });
    const stamp = new Date().toISOString();
    const persons: Person[] = Array.from({ length: 2 * n }, (_, i) => ({
      id: crypto.randomUUID(), familyName: `Bench${i}`, givenName: 'Test', birthDate: '1990-01-01', sex: 'm', nationality: 'SYR',
      languages: ['ar'], householdId: null, fileNumber: `BENCH-${i}`, residenceStatus: 'gestattung', asylumDecision: 'pending',
      admissionDate: today, legalBasis: 'asylum', vulnerabilities: [], needsBarrierFree: false, feePayer: false, createdAt: stamp, updatedAt: stamp,
    }));
    await db.persons.bulkAdd(persons);
    const suggestions = findPlaces(ix, { persons: [{ sex: 'm', birthDate: '1990-01-01', needsBarrierFree: false }], from: today, to: null }, { limit: 4 * n, allowSplitRooms: true });
    const bedIds = [...new Set(suggestions.flatMap((s) => s.bedIds))];
    if (bedIds.length < 2 * n) throw new Error(`only ${bedIds.length} free beds found`);
    const ctx = { deviceId: 'bench-device', user: 'Bench', actor: ADMIN };
    const commandTimes: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await checkIn(db, { assignments: [{ personId: persons[i]!.id, bedId: bedIds[i]! }], from: today }, { ctx });
      commandTimes.push(performance.now() - t0);
    }
    const rawTimes: number[] = [];
    for (let i = n; i < 2 * n; i++) {
      const bed = beds.find((b) => b.id === bedIds[i])!;
      const stay: Stay = {
        id: crypto.randomUUID(), personId: persons[i]!.id, bedId: bed.id, roomId: bed.roomId, accommodationId: bed.accommodationId,
        householdId: null, from: today, to: null, createdAt: stamp, updatedAt: stamp,
      };
      const t0 = performance.now();
      await db.transaction('rw', [db.stays, db.audit, db.outbox], async () => {
        await db.stays.put(stay);
        await db.audit.put({ id: crypto.randomUUID(), at: stamp, user: 'Bench', deviceId: 'bench-device', operation: 'raw', entity: 'stays', entityId: stay.id, before: null, after: stay });
        await db.outbox.put({
          seq: 1_000_000 + i, shipped: false,
          change: { changeId: `raw:${i}`, deviceId: 'raw', seq: i, hlc: '0', at: stamp, user: 'Bench', operation: 'raw', ops: [{ kind: 'upsert', table: 'stays', id: stay.id, fields: { ...stay }, created: true }] },
        });
      });
      rawTimes.push(performance.now() - t0);
    }
    db.close();
    return { commandMs: median(commandTimes), rawMs: median(rawTimes) };
  },
};

/** Longest main-thread task (ms) seen while `work` runs, from a long-task observer. */
async function longestTask(work: () => Promise<void>): Promise<number> {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
  });
  observer.observe({ type: 'longtask' });
  await work();
  // Long-task entries are delivered asynchronously after the task ended.
  await new Promise((r) => setTimeout(r, 50));
  observer.disconnect();
  return longest;
}

Object.assign(bench, {
  /**
   * What the app does after one check-in: the occupancy store re-reads the
   * changed rows, merges them and rebuilds the index (then the screens
   * re-render). Returns the store's update time and the longest main-thread
   * block while it ran (the freeze a user would feel), median of n.
   */
  async storeUpdates(n: number): Promise<{ updateMs: number; longestTaskMs: number; buildMs: number }> {
    const db = await openDatabase();
    const store = occupancyStoreFor(db);
    await store.ready();
    const ctx = { deviceId: 'bench-device', user: 'Bench', actor: ADMIN };
    const today = isoDateOf(new Date());
    const stamp = new Date().toISOString();
    const persons: Person[] = Array.from({ length: n }, (_, i) => ({
      id: crypto.randomUUID(), familyName: `Store${i}`, givenName: 'Test', birthDate: '1990-01-01', sex: 'm', nationality: 'SYR',
      languages: ['ar'], householdId: null, fileNumber: `STORE-${i}`, residenceStatus: 'gestattung', asylumDecision: 'pending',
      admissionDate: today, legalBasis: 'asylum', vulnerabilities: [], needsBarrierFree: false, feePayer: false, createdAt: stamp, updatedAt: stamp,
    }));
    await db.persons.bulkAdd(persons);
    await store.settled();
    // Baseline: building the engine's index alone from the same dataset.
    const t0 = performance.now();
    buildOccupancyIndex(store.getSnapshot().dataset);
    const buildMs = performance.now() - t0;
    const updates: number[] = [];
    const blocks: number[] = [];
    for (const person of persons) {
      const [place] = findPlaces(store.getSnapshot().index!, { persons: [{ sex: 'm', birthDate: '1990-01-01', needsBarrierFree: false }], from: today, to: null }, { limit: 1, allowSplitRooms: true });
      await checkIn(db, { assignments: [{ personId: person.id, bedId: place!.bedIds[0]! }], from: today }, { ctx });
      blocks.push(await longestTask(() => store.settled()));
      updates.push(store.getSnapshot().lastBuildMs);
    }
    disposeOccupancyStore(db);
    db.close();
    return { updateMs: median(updates), longestTaskMs: median(blocks), buildMs };
  },
});

declare global {
  interface Window {
    quartierBench: typeof bench & { storeUpdates(n: number): Promise<{ updateMs: number; longestTaskMs: number; buildMs: number }> };
  }
}
window.quartierBench = bench as Window['quartierBench'];
document.getElementById('status')!.textContent = 'ready';
