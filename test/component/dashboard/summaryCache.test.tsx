// The dashboard's summary cache: shown at open only while provably current
// (data generation token unchanged, day covered), equal to the engine's
// figures, and never after a write.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, renderHook, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import '../../../renderer/i18n';
import { dataGenerationKey, getDb } from '../../../renderer/db/db';
import { runOperation } from '../../../renderer/db/repository';
import { disposeOccupancyStore, occupancyStoreFor, useCurrentSummary } from '../../../renderer/features/occupancy-data/hooks';
import {
  chartRange,
  computeSummary,
  isSummaryCurrent,
  readSummary,
  summaryKey,
  summarySeries,
  SUMMARY_DAYS,
  type DashboardSummary,
} from '../../../renderer/features/occupancy-data/summaryCache';
import DashboardPage from '../../../renderer/pages/dashboard';
import { addDays } from '../../../shared/domain/dates';
import { buildOccupancyIndex } from '../../../shared/occupancy/occupancyIndex';
import { figuresAsOf } from '../../../shared/occupancy/figures';
import { dailySeries } from '../../../shared/occupancy/series';
import { smallDataset, stay, TODAY } from '../accommodations/fixtures';
import { ADMIN } from '../../support/actors';

const db = getDb();
const ctx = { user: 'Test', deviceId: 'dev-1', actor: ADMIN };

function setToday(day: string) {
  vi.setSystemTime(new Date(`${day}T10:00:00`));
}

/** Simulates closing and reopening the app: a new store that has to read everything again. */
function restart() {
  disposeOccupancyStore(db);
}

/** Builds the store (full load) and waits until it saved the summary computed on `day`. */
async function fullLoad(day: string): Promise<DashboardSummary> {
  restart();
  await occupancyStoreFor(db).ready();
  let saved: DashboardSummary | null = null;
  await vi.waitFor(() => {
    saved = readSummary(db);
    expect(saved?.computedOn).toBe(day);
    expect(saved?.generation).toBe(db.dataGeneration());
  });
  return saved!;
}

function renderDashboard() {
  return render(
    <MemoryRouter initialEntries={['/']}>
      <DashboardPage />
    </MemoryRouter>,
  );
}

/** The big numbers on the cards (spaces normalised); empty strings while a card shows its skeleton. */
function cardNumbers(): string[] {
  return ['places', 'occupied', 'reserved', 'blocked', 'free', 'rate'].map((k) =>
    (screen.getByTestId(`figure-${k}`).querySelector('.MuiTypography-h5')?.textContent ?? '').replace(/\s/g, ' '),
  );
}

async function waitUntilLoaded() {
  await vi.waitFor(() => expect(screen.queryAllByTestId('dashboard-loading-details')).toHaveLength(0), { timeout: 5000 });
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  setToday(TODAY);
  const d = smallDataset();
  await db.transaction('rw', [db.municipalities, db.accommodations, db.units, db.rooms, db.beds, db.bedBlocks, db.persons, db.stays], async () => {
    await db.municipalities.bulkPut(d.municipalities);
    await db.accommodations.bulkPut(d.accommodations);
    await db.units.bulkPut(d.units);
    await db.rooms.bulkPut(d.rooms);
    await db.beds.bulkPut(d.beds);
    await db.bedBlocks.bulkPut(d.bedBlocks);
    await db.persons.bulkPut(d.persons);
    await db.stays.bulkPut(d.stays);
  });
});
afterEach(() => {
  cleanup();
  setToday(TODAY);
});
afterAll(() => {
  restart();
  vi.useRealTimers();
});

describe('dashboard summary cache', () => {
  it('equals the engine’s figures and chart for the same data, holds no personal data, stays small', async () => {
    const summary = await fullLoad(TODAY);
    const snap = occupancyStoreFor(db).getSnapshot();
    const index = buildOccupancyIndex(snap.dataset);
    for (let i = 0; i < SUMMARY_DAYS; i++) {
      const day = addDays(TODAY, i);
      expect(summary.figures[day]).toEqual(figuresAsOf(index, day).county);
      const { from, to } = chartRange(day);
      const live = dailySeries(index, from, to, { level: 'county' });
      const cached = summarySeries(summary, day)!;
      expect([cached.from, cached.to, cached.length]).toEqual([live.from, live.to, live.length]);
      expect(Array.from(cached.places)).toEqual(Array.from(live.places));
      expect(Array.from(cached.occupied)).toEqual(Array.from(live.occupied));
      expect(Array.from(cached.blocked)).toEqual(Array.from(live.blocked));
    }
    expect(summarySeries(summary, addDays(TODAY, SUMMARY_DAYS))).toBeNull();
    const raw = db.storage.getItem(summaryKey(db.name))!;
    expect(raw.length).toBeLessThan(100_000);
    for (const p of snap.dataset.persons) {
      expect(raw).not.toContain(p.familyName);
      expect(raw).not.toContain(p.id);
    }
  });

  it('is shown at once on the next open while the rows still load, and equals the live figures after', async () => {
    await fullLoad(TODAY);
    restart();
    renderDashboard();
    // First render, before IndexedDB answered anything: figures come from the cache.
    expect(screen.getAllByTestId('dashboard-loading-details')[0]).toHaveTextContent('Details werden geladen');
    const cached = cardNumbers();
    expect(cached).toEqual(['6', '1', '1', '1', '3', '16,7 %']);
    await waitUntilLoaded();
    expect(cardNumbers()).toEqual(cached);
  });

  it('is used for a later day it covers, not for a day beyond', async () => {
    const summary = await fullLoad(TODAY);
    restart();
    setToday(addDays(TODAY, 3));
    const { unmount } = renderDashboard();
    expect(cardNumbers().every((n) => n !== '')).toBe(true);
    expect(cardNumbers()[0]).toBe(String(summary.figures[addDays(TODAY, 3)]!.places));
    await waitUntilLoaded();
    unmount();

    // A summary computed on TODAY covers TODAY … TODAY + 6; restore it and open on TODAY + 7.
    db.storage.setItem(summaryKey(db.name), JSON.stringify(summary));
    restart();
    setToday(addDays(TODAY, SUMMARY_DAYS));
    renderDashboard();
    expect(screen.getAllByTestId('dashboard-loading-details').length).toBeGreaterThan(0);
    expect(cardNumbers()).toEqual(['', '', '', '', '', '']);
    await waitUntilLoaded();
    expect(cardNumbers()[0]).toBe('6');
    setToday(TODAY);
  });

  it('is NOT shown after a write: skeletons until the rows are read, then the new figures', async () => {
    await fullLoad(TODAY);
    restart();
    // A check-in into the free bed b5 of room 2 (while the app is "closed").
    const beds = await db.beds.toArray();
    await runOperation(db, ctx, 'stay.checkIn', async (w) => void (await w.put('stays', stay('s9', 'p1', beds.find((b) => b.id === 'b5')!, '2026-03-01', null))));
    renderDashboard();
    expect(cardNumbers()).toEqual(['', '', '', '', '', '']);
    expect(screen.getAllByTestId('dashboard-loading-details').length).toBeGreaterThan(0);
    await waitUntilLoaded();
    expect(cardNumbers()).toEqual(['6', '2', '1', '1', '2', '33,3 %']);
  });

  it('is dropped from the screen the moment a write commits while it is shown', async () => {
    await fullLoad(TODAY);
    const { result } = renderHook(() => useCurrentSummary(db, true));
    expect(result.current).not.toBeNull();
    await act(() => db.bedBlocks.delete('k1'));
    await vi.waitFor(() => expect(result.current).toBeNull());
  });

  it('is not current for another token, database or schema version', async () => {
    const summary = await fullLoad(TODAY);
    expect(isSummaryCurrent(db, summary)).toBe(true);
    expect(isSummaryCurrent(db, { ...summary, dbName: 'other' })).toBe(false);
    expect(isSummaryCurrent(db, { ...summary, schemaVersion: summary.schemaVersion + 1 })).toBe(false);
    expect(isSummaryCurrent(db, { ...summary, generation: 'older' })).toBe(false);
    // A missing token (storage was reset) is never taken as a match.
    db.storage.removeItem(dataGenerationKey(db.name));
    expect(isSummaryCurrent(db, summary)).toBe(false);
    // computeSummary itself only records what it is given.
    const index = buildOccupancyIndex(occupancyStoreFor(db).getSnapshot().dataset);
    expect(computeSummary(db, index, 'g-1', TODAY).generation).toBe('g-1');
  });
});
