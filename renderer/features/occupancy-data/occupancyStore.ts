// The renderer's cached read model of occupancy. Loads every table the
// occupancy engine needs ONCE (one bulk toArray per table in one read
// transaction), builds the engine's index once, and afterwards applies
// changes incrementally: Dexie's `storagemutated` notification tells which
// rows changed, we re-read just those rows (bulkGet) and rebuild the index
// after a short debounce, so a burst of writes (a household checking in, a
// sync apply) causes one rebuild, not one per row.
//
// After the full load, `onFullLoad` lets the app cache a summary keyed by the
// data generation read before the load (summaryCache.ts).
//
// Why not one liveQuery over all tables: it would re-run every toArray()
// (≈ 500,000 stays at Berlin scale) after each single write.
import Dexie, { type ObservabilitySet, type Table } from 'dexie';
import type { Dataset, EntityByTable, Id } from '../../../shared/domain/model';
import { emptyDataset } from '../../../shared/domain/model';
import type { QuartierDb } from '../../db/db';
import { mergeChanges, tableChanges, type TableChange } from './mutations';

/** Tables the occupancy screens read. Letters and templates are not needed here. */
export const OCCUPANCY_TABLES = [
  'municipalities',
  'accommodations',
  'units',
  'rooms',
  'beds',
  'bedBlocks',
  'persons',
  'households',
  'stays',
  'allocations',
] as const;
export type OccupancyTable = (typeof OCCUPANCY_TABLES)[number];

/** The big tables (Berlin: 505,000 stays, 148,000 persons), read in key ranges at open. */
const CHUNKED_TABLES: ReadonlySet<string> = new Set(['stays', 'persons']);
const KEY_RANGE_PARTS = 16;

export type OccupancyStatus = 'loading' | 'ready' | 'error';

export interface OccupancySnapshot<I> {
  status: OccupancyStatus;
  /** Current rows (soft-deleted ones included; the engine ignores them). */
  dataset: Dataset;
  /** The engine's index built from `dataset`; null until the first load finished. */
  index: I | null;
  /** Increases with every rebuild; use as a memo key. */
  version: number;
  error: unknown;
  /** Milliseconds of the last load + build (diagnostics, bench). */
  lastBuildMs: number;
}

export interface OccupancyStoreOptions<I> {
  /** Builds the engine's index from a dataset (H4's engine). */
  buildIndex: (dataset: Dataset) => I;
  /** Wait this long after the last change before rebuilding. */
  debounceMs?: number;
  /**
   * Called after a FULL load (every row read) with the index and the data
   * generation token read before the read began (null when unknown). Not
   * called after incremental updates: those re-read only the rows announced
   * as changed, and a write of another tab may be committed but not yet
   * announced, so they cannot prove the index matches a token.
   */
  onFullLoad?: (index: I, generation: string | null) => void;
}

type Row = EntityByTable[OccupancyTable];

export class OccupancyStore<I> {
  private readonly listeners = new Set<() => void>();
  private readonly tableNames: ReadonlySet<string> = new Set(OCCUPANCY_TABLES);
  private snapshot: OccupancySnapshot<I> = {
    status: 'loading',
    dataset: emptyDataset(),
    index: null,
    version: 0,
    error: null,
    lastBuildMs: 0,
  };
  private started = false;
  private disposed = false;
  private pending = new Map<string, TableChange>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Serialises load and apply steps so they never interleave. */
  private queue: Promise<void> = Promise.resolve();
  private readonly debounceMs: number;

  constructor(
    private readonly db: QuartierDb,
    private readonly options: OccupancyStoreOptions<I>,
  ) {
    this.debounceMs = options.debounceMs ?? 300;
  }

  /** For useSyncExternalStore. Starts loading on the first subscriber. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    this.start();
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = (): OccupancySnapshot<I> => this.snapshot;

  /** Resolves once all scheduled loads and rebuilds have finished. */
  async settled(): Promise<void> {
    if (this.timer !== null) this.flushNow();
    await this.queue;
  }

  /** Loads (if not yet started) and resolves with the ready snapshot. */
  async ready(): Promise<OccupancySnapshot<I>> {
    this.start();
    await this.settled();
    return this.snapshot;
  }

  dispose(): void {
    this.disposed = true;
    Dexie.on.storagemutated.unsubscribe(this.onMutated);
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  private start(): void {
    if (this.started || this.disposed) return;
    this.started = true;
    // Listen before loading so no change committed during the load is lost
    // (a change seen twice is harmless: it is re-read from the database).
    Dexie.on.storagemutated.subscribe(this.onMutated);
    this.enqueue(() => this.loadAll());
  }

  private enqueue(step: () => Promise<void>): void {
    this.queue = this.queue.then(step).catch((error: unknown) => {
      // The database was closed under us (deleted, replaced, a test ended):
      // nothing left to follow, and nothing wrong to report.
      if (!this.db.isOpen() && error instanceof Dexie.DatabaseClosedError) {
        this.dispose();
        return;
      }
      console.error('Belegungsdaten konnten nicht geladen werden', error);
      this.publish({ ...this.snapshot, status: 'error', error });
    });
  }

  private readonly onMutated = (parts: ObservabilitySet): void => {
    if (this.disposed) return;
    const changes = tableChanges(parts, this.db.name, this.tableNames);
    if (changes.size === 0) return;
    mergeChanges(this.pending, changes);
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flushNow(), this.debounceMs);
  };

  private flushNow(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const changes = this.pending;
    this.pending = new Map();
    if (changes.size > 0) this.enqueue(() => this.apply(changes));
  }

  private async loadAll(): Promise<void> {
    const t0 = performance.now();
    // Read the token BEFORE opening the read transaction (see renderer/db/db.ts).
    const generation = this.db.dataGeneration();
    const tables = OCCUPANCY_TABLES.map((name) => this.db.table(name));
    const arrays = await this.db.transaction('r', tables, () =>
      Promise.all(tables.map((t) => (CHUNKED_TABLES.has(t.name) ? readInKeyRanges(t as Table<Row, unknown>) : (t.toArray() as Promise<Row[]>)))),
    );
    // The arrays Dexie returned ARE the first dataset: no per-row Map inserts
    // and no copies (≈ 700,000 rows at Berlin scale).
    const dataset = emptyDataset();
    OCCUPANCY_TABLES.forEach((name, i) => {
      (dataset[name] as Row[]) = arrays[i] ?? [];
    });
    this.publishBuilt(t0, dataset);
    const index = this.snapshot.index;
    if (!this.disposed && index !== null) this.options.onFullLoad?.(index, generation);
  }

  private async apply(changes: Map<string, TableChange>): Promise<void> {
    const t0 = performance.now();
    const previous = this.snapshot.dataset;
    // Arrays of unchanged tables are reused, so consumers memoised on e.g.
    // `dataset.persons` (the quick search) do not recompute after a check-in.
    const dataset: Dataset = { ...previous };
    const work = [...changes].map(async ([name, change]) => {
      const table = this.db.table(name);
      const key = name as OccupancyTable;
      if (change.kind === 'all') {
        (dataset[key] as Row[]) = (await table.toArray()) as Row[];
        return;
      }
      const ids = [...change.keys];
      const fresh = (await table.bulkGet(ids)) as (Row | undefined)[];
      (dataset[key] as Row[]) = mergeRows(previous[key] as Row[], ids, fresh);
    });
    await Promise.all(work);
    this.publishBuilt(t0, dataset);
  }

  /** Builds the index of `dataset` and publishes both. */
  private publishBuilt(t0: number, dataset: Dataset): void {
    if (this.disposed) return;
    const index = this.options.buildIndex(dataset);
    this.publish({
      status: 'ready',
      dataset,
      index,
      version: this.snapshot.version + 1,
      error: null,
      lastBuildMs: performance.now() - t0,
    });
  }

  private publish(next: OccupancySnapshot<I>): void {
    this.snapshot = next;
    for (const l of [...this.listeners]) l();
  }
}

/**
 * A new array: `rows` with the rows of `ids` replaced by `fresh` (same
 * position), dropped where `fresh` has none (deleted), and appended at the
 * end where they are new. One pass with a Set lookup per row: at Berlin
 * scale (505,000 stays) a few milliseconds, against a per-table Map of every
 * row that would cost tens of MB of heap for the app's lifetime.
 */
export function mergeRows<T extends { id: Id }>(rows: readonly T[], ids: readonly Id[], fresh: readonly (T | undefined)[]): T[] {
  const byId = new Map<Id, T | undefined>();
  ids.forEach((id, i) => byId.set(id, fresh[i]));
  const out: T[] = [];
  for (const row of rows) {
    if (!byId.has(row.id)) {
      out.push(row);
      continue;
    }
    const next = byId.get(row.id);
    byId.delete(row.id);
    if (next) out.push(next);
  }
  for (const next of byId.values()) if (next) out.push(next);
  return out;
}

/**
 * Split points strictly between `first` and `last` (string primary keys),
 * spread over the two characters after their common prefix. The ranges they
 * cut cover every possible key whatever the points are; the points only
 * decide how evenly the rows fall into the ranges.
 */
export function keySplitPoints(first: string, last: string, parts: number): string[] {
  let p = 0;
  while (p < first.length && p < last.length && first[p] === last[p]) p++;
  const prefix = first.slice(0, p);
  const pair = (s: string) => (s.charCodeAt(p) || 0) * 65_536 + (s.charCodeAt(p + 1) || 0);
  const a = pair(first);
  const b = pair(last);
  const points = new Set<string>();
  for (let i = 1; i < parts; i++) {
    const v = Math.floor(a + ((b - a) * i) / parts);
    const point = prefix + String.fromCharCode(Math.floor(v / 65_536), v % 65_536);
    if (point > first && point < last) points.add(point);
  }
  return [...points].sort();
}

/**
 * All rows of `table` in primary-key order, like toArray(), but asked for as
 * several key-range requests at once. IndexedDB answers them one after the
 * other, so the main thread deserialises one range while the database reads
 * the next, instead of idling through the whole read and then freezing for
 * the whole deserialisation (one 2 s long task for 505,000 stays).
 */
async function readInKeyRanges<T>(table: Table<T, unknown>): Promise<T[]> {
  const [first]: unknown[] = await table.orderBy(':id').limit(1).primaryKeys();
  const [last]: unknown[] = await table.orderBy(':id').reverse().limit(1).primaryKeys();
  if (typeof first !== 'string' || typeof last !== 'string' || first === last) return table.toArray();
  const points = keySplitPoints(first, last, KEY_RANGE_PARTS);
  const pk = table.where(':id');
  const ranges = [
    pk.below(points[0] ?? last),
    ...points.map((from, i) => (i + 1 < points.length ? pk.between(from, points[i + 1], true, false) : pk.aboveOrEqual(from))),
  ];
  if (points.length === 0) ranges.push(pk.aboveOrEqual(last));
  const chunks = await Promise.all(ranges.map((r) => r.toArray()));
  return chunks.flat();
}
