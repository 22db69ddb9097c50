// Occupancy engine benchmarks (issue: occupancy core). Each figure is paired
// with a baseline measured in the same run:
// - county figures as of a date and the daily series for a year, against the
//   naive reference implementation (shared/occupancy/reference.ts) that loops
//   over every record — the ratio shows what the index buys;
// - the free-place search for a household of five (and for one person),
//   against one county figures query (a cheap, stable yardstick);
// - a warm index build (median of 3; the first, cold build is what opening
//   the app pays), one accommodation's series for a year and the
//   Belegungstage of twelve months, against the county series.
// Targets from the issue (Berlin scale): figures ≤ 100 ms, series ≤ 300 ms,
// free-place search ≤ 50 ms. The browser figures (open app, heap, check-in
// with real IndexedDB) are in test/bench/occupancy-browser.ts.
import { performance } from 'node:perf_hooks';
import { addDays } from '../../shared/domain/dates';
import { generateDemoData } from '../../shared/demo/generate';
import {
  buildOccupancyIndex,
  dailySeries,
  figuresAsOf,
  findPlaces,
  naiveDailySeries,
  occupancyDaysByMonth,
  naiveFiguresAsOf,
} from '../../shared/occupancy';
import { medianMs, result, type BenchSuite } from './harness';
import { linearCountyFigures } from './linear-reference';

const TODAY = '2026-11-21';

export const occupancyEngineSuite: BenchSuite = {
  area: 'occupancy',
  title: 'engine vs naive reference (Node)',
  async run({ scale, log }) {
    let t0 = performance.now();
    const data = generateDemoData({ seed: 20_240_630, scale, today: TODAY });
    log(`demo data (${scale}): ${data.beds.length} beds, ${data.persons.length} persons, ${data.stays.length} stays in ${(performance.now() - t0).toFixed(0)} ms`);
    t0 = performance.now();
    const ix = buildOccupancyIndex(data);
    const buildMs = performance.now() - t0;
    log(`index built in ${buildMs.toFixed(0)} ms`);

    const day = addDays(TODAY, -100);
    const from = addDays(TODAY, -365);
    // The baselines must answer the same: check before timing anything.
    const engineCounty = figuresAsOf(ix, day).county;
    const linear = linearCountyFigures(data, day);
    for (const k of ['places', 'occupied', 'reserved', 'blocked', 'reserve', 'free', 'residents'] as const) {
      if (engineCounty[k] !== linear[k]) throw new Error(`engine and linear reference differ in ${k}: ${engineCounty[k]} vs ${linear[k]}`);
    }
    const engineSeries = dailySeries(ix, from, TODAY);
    for (let i = 0; i < engineSeries.length; i += 29) {
      const ref = linearCountyFigures(data, addDays(from, i));
      if (engineSeries.occupied[i] !== ref.occupied || engineSeries.free[i] !== ref.free) throw new Error(`series differs on ${addDays(from, i)}`);
    }
    const figures = await medianMs(() => figuresAsOf(ix, day), 9);
    const linearFigures = await medianMs(() => linearCountyFigures(data, day), 5, 1);
    const series = await medianMs(() => dailySeries(ix, from, TODAY), 7);
    const linearSeries = await medianMs(() => {
      for (let i = 0; i < 365; i++) linearCountyFigures(data, addDays(from, i));
    }, 1, 0);
    // The quadratic reference of the property tests, only where it finishes in reasonable time.
    const quadratic = scale === 'county';
    const naiveFigures = quadratic ? await medianMs(() => naiveFiguresAsOf(data, day), 3, 1) : Number.NaN;
    const naiveSeries = quadratic ? ((await medianMs(() => naiveDailySeries(data, from, addDays(from, 7)), 1, 0)) * 365) / 7 : Number.NaN;

    // One accommodation's series (the detail page) and a year of Belegungstage (the monthly report).
    const biggest = ix.accommodations.reduce((best, _, a) => (ix.accBedOffset[a + 1]! - ix.accBedOffset[a]! > ix.accBedOffset[best + 1]! - ix.accBedOffset[best]! ? a : best), 0);
    const accScope = { level: 'accommodation' as const, id: ix.accommodations[biggest]!.id };
    const firstMonth = addDays(TODAY, -365).slice(0, 7);
    const lastMonth = addDays(TODAY, -30).slice(0, 7);
    const months = occupancyDaysByMonth(ix, firstMonth, lastMonth);
    const monthSeries = dailySeries(ix, `${firstMonth}-01`, `${TODAY.slice(0, 7)}-01`);
    const seriesResidentDays = monthSeries.residents.reduce((a, b) => a + b, 0);
    const monthResidentDays = months.reduce((a, r) => a + r.occupancyDays, 0);
    if (seriesResidentDays !== monthResidentDays) throw new Error(`Belegungstage ${monthResidentDays} differ from the series' resident-days ${seriesResidentDays}`);
    const accSeries = await medianMs(() => dailySeries(ix, from, TODAY, accScope), 9);
    const belegungstage = await medianMs(() => occupancyDaysByMonth(ix, firstMonth, lastMonth), 7);
    const warmBuild = await medianMs(() => buildOccupancyIndex(data), 3, 0);

    const household = [
      { sex: 'f' as const, birthDate: '1988-03-01', needsBarrierFree: true },
      { sex: 'm' as const, birthDate: '1985-07-12', needsBarrierFree: false },
      { sex: 'f' as const, birthDate: '2014-01-20', needsBarrierFree: false },
      { sex: 'm' as const, birthDate: '2017-09-02', needsBarrierFree: false },
      { sex: 'm' as const, birthDate: '2022-05-30', needsBarrierFree: false },
    ];
    // More runs than the others: a few ms of work, so single scheduling hiccups on a busy machine would dominate.
    const search = await medianMs(() => findPlaces(ix, { persons: household, from: TODAY, to: null }, { limit: 10 }), 21);
    const single = [{ sex: 'm' as const, birthDate: '1990-04-11', needsBarrierFree: false }];
    const searchSingle = await medianMs(() => findPlaces(ix, { persons: single, from: TODAY, to: null }, { limit: 10 }), 21);

    const out = [
      result('occupancy.index-build', buildMs, 'ms', linearFigures, 'baseline: one linear-scan figures pass'),
      result('occupancy.county-figures', figures, 'ms', linearFigures, 'baseline: linear-scan reference; target ≤ 100 ms (Berlin)'),
      result('occupancy.daily-series-year', series, 'ms', linearSeries, 'baseline: linear-scan reference × 365 days; target ≤ 300 ms'),
      result('occupancy.free-place-search-5', search, 'ms', figures, 'baseline: one indexed figures query; target ≤ 50 ms'),
      result('occupancy.free-place-search-1', searchSingle, 'ms', figures, 'baseline: one indexed figures query'),
      result('occupancy.index-build-warm', warmBuild, 'ms', linearFigures, 'median of 3 rebuilds; baseline: one linear-scan figures pass'),
      result('occupancy.daily-series-year-accommodation', accSeries, 'ms', series, `largest accommodation (${ix.accBedOffset[biggest + 1]! - ix.accBedOffset[biggest]!} beds); baseline: county series`),
      result('occupancy.belegungstage-12-months', belegungstage, 'ms', series, 'all accommodations × 12 months; baseline: county series for a year'),
    ];
    if (quadratic) {
      out.push(
        result('occupancy.county-figures-vs-naive', figures, 'ms', naiveFigures, 'baseline: naive reference of the property tests'),
        result('occupancy.daily-series-year-vs-naive', series, 'ms', naiveSeries, 'baseline: naive reference (7 days × 365/7)'),
      );
    }
    return out;
  },
};
