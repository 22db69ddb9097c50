// React access to the cached occupancy read model. One store per database
// (normally the app's single getDb()), created on first use and kept for the
// app's lifetime: switching screens never reloads 500,000 stays.
import { useEffect, useMemo, useReducer, useState, useSyncExternalStore } from 'react';
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Accommodation, Dataset, Id, IsoDate, Unit } from '../../../shared/domain/model';
import { buildOccupancyIndex, type OccupancyIndex } from '../../../shared/occupancy/occupancyIndex';
import { figuresAsOf, type FiguresAsOf, type OccupancyFigures } from '../../../shared/occupancy/figures';
import { dailySeries, type DailySeries, type SeriesScope } from '../../../shared/occupancy/series';
import { getDb, type QuartierDb } from '../../db/db';
import { isoDateOf } from '../../../shared/domain/dates';
import { OccupancyStore, type OccupancySnapshot } from './occupancyStore';
import { computeSummary, isSummaryCurrent, readSummary, saveSummary, type DashboardSummary } from './summaryCache';

export type OccupancyData = OccupancySnapshot<OccupancyIndex>;

const stores = new WeakMap<QuartierDb, OccupancyStore<OccupancyIndex>>();

/** The store of `db` (created on first call). Exposed for tests and the bench. */
export function occupancyStoreFor(db: QuartierDb = getDb()): OccupancyStore<OccupancyIndex> {
  let store = stores.get(db);
  if (!store) {
    store = new OccupancyStore(db, {
      buildIndex: (dataset: Dataset) => buildOccupancyIndex(dataset),
      onFullLoad: (index, generation) => {
        if (generation === null) return;
        // After the screens have rendered the fresh data: the summary is for the next open.
        setTimeout(() => saveSummary(db, computeSummary(db, index, generation, isoDateOf(new Date()))), 0);
      },
    });
    stores.set(db, store);
  }
  return store;
}

/** Drops the store of `db` (tests; after deleting the database). */
export function disposeOccupancyStore(db: QuartierDb): void {
  stores.get(db)?.dispose();
  stores.delete(db);
}

/** The whole snapshot: status, dataset, index, version. Re-renders after each rebuild. */
export function useOccupancyData(db?: QuartierDb): OccupancyData {
  const store = occupancyStoreFor(db);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** The engine's index, or null while the first load runs. */
export function useOccupancyIndex(db?: QuartierDb): OccupancyIndex | null {
  return useOccupancyData(db).index;
}

/** All figures (county, kind, municipality, accommodation; rooms on request) as of `day`. */
export function useFiguresAsOf(day: IsoDate, options: { rooms?: boolean; db?: QuartierDb } = {}): FiguresAsOf | null {
  const index = useOccupancyIndex(options.db);
  const rooms = options.rooms ?? false;
  return useMemo(() => (index ? figuresAsOf(index, day, { rooms }) : null), [index, day, rooms]);
}

/** County figures as of `day`. */
export function useCountyFigures(day: IsoDate, db?: QuartierDb): OccupancyFigures | null {
  return useFiguresAsOf(day, { db })?.county ?? null;
}

/** Figures per accommodation id as of `day` (only accommodations open on the day). */
export function useAccommodationFigures(day: IsoDate, db?: QuartierDb): Readonly<Record<Id, OccupancyFigures>> | null {
  return useFiguresAsOf(day, { db })?.byAccommodation ?? null;
}

/** Daily series over [from, to) for a scope (county by default). */
export function useDailySeries(from: IsoDate, to: IsoDate, scope: SeriesScope = { level: 'county' }, db?: QuartierDb): DailySeries | null {
  const index = useOccupancyIndex(db);
  const key = JSON.stringify(scope);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- scope is compared by value via `key`
  return useMemo(() => (index ? dailySeries(index, from, to, scope) : null), [index, from, to, key]);
}

/**
 * The dashboard summary cached by an earlier full load, while the store is
 * still loading and ONLY while it is provably current (its data generation
 * token is still the stored one; checked at every render and again after
 * every committed write). Null otherwise, and always null once the store is
 * ready: then the live figures take over.
 */
export function useCurrentSummary(db: QuartierDb, loading: boolean): DashboardSummary | null {
  const [summary] = useState(() => (loading ? readSummary(db) : null));
  const [, recheck] = useReducer((n: number) => n + 1, 0);
  const watching = loading && summary !== null;
  useEffect(() => {
    if (!watching) return;
    // A write commits only after it replaced the token, so re-checking after
    // each commit notification drops a summary the moment it is outdated.
    Dexie.on.storagemutated.subscribe(recheck);
    return () => Dexie.on.storagemutated.unsubscribe(recheck);
  }, [watching]);
  return watching && isSummaryCurrent(db, summary) ? summary : null;
}

/** One accommodation, live from Dexie (undefined while loading, null when missing). */
export function useAccommodation(id: Id | undefined, db: QuartierDb = getDb()): Accommodation | null | undefined {
  return useLiveQuery(async () => (id ? ((await db.accommodations.get(id)) ?? null) : null), [id, db]);
}

/** Units of one accommodation, live from Dexie. */
export function useUnits(accommodationId: Id | undefined, db: QuartierDb = getDb()): Unit[] | undefined {
  return useLiveQuery(
    async () => (accommodationId ? (await db.units.where('accommodationId').equals(accommodationId).toArray()).filter((u) => !u.deleted) : []),
    [accommodationId, db],
  );
}
