// The dashboard's summary cache: county figures and the chart's daily series,
// computed after the occupancy store has read EVERY row, stored with the data
// generation token read before that read (renderer/db/db.ts). At the next
// open the dashboard shows them at once, while the store still reads the
// ≈ 790,000 rows (Berlin scale, ≈ 20 s), but only if the token is unchanged:
// then no write has committed since, and the figures are exact, not "old".
//
// Numbers only: no names, no alerts, nothing personal ends up in localStorage.
// The figures are a pure function of (data, day), so figures for the next few
// days are computed along with today's: a laptop opened the next morning
// without writes in between still starts instantly.
import type { IsoDate } from '../../../shared/domain/model';
import { addDays, addMonths, diffDays } from '../../../shared/domain/dates';
import { figuresAsOf, type OccupancyFigures } from '../../../shared/occupancy/figures';
import type { OccupancyIndex } from '../../../shared/occupancy/occupancyIndex';
import { dailySeries } from '../../../shared/occupancy/series';
import { dataGenerationKey, type QuartierDb } from '../../db/db';

/**
 * Bump whenever the shape OR the figure rules (shared/occupancy) change: a
 * summary computed by an older app version must not be shown by a newer one.
 */
export const SUMMARY_FORMAT = 1;

/** Days covered from the day of computation on (today and the next 6). */
export const SUMMARY_DAYS = 7;

/** The 12 months the dashboard chart shows for Stichtag `day`: [from, to). */
export function chartRange(day: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addMonths(addDays(day, 1), -12), to: addDays(day, 1) };
}

/** The numbers the chart draws (a DailySeries satisfies it). */
export interface ChartSeries {
  from: IsoDate;
  to: IsoDate;
  length: number;
  places: ArrayLike<number>;
  occupied: ArrayLike<number>;
  blocked: ArrayLike<number>;
}

export interface DashboardSummary {
  format: number;
  dbName: string;
  schemaVersion: number;
  /** Data generation token the data was read under. */
  generation: string;
  /** Day the summary was computed on (local calendar day). */
  computedOn: IsoDate;
  /** County figures per day, computedOn … computedOn + SUMMARY_DAYS - 1. */
  figures: Record<IsoDate, OccupancyFigures>;
  /** One series covering the chart ranges of all those days. */
  series: { from: IsoDate; places: number[]; occupied: number[]; blocked: number[] };
}

export function summaryKey(dbName: string): string {
  return `quartier.dashboardSummary.${dbName}`;
}

/** Computes the summary of `index` (data read under `generation`) for `today` and the following days. */
export function computeSummary(db: QuartierDb, index: OccupancyIndex, generation: string, today: IsoDate): DashboardSummary {
  const figures: Record<IsoDate, OccupancyFigures> = {};
  for (let i = 0; i < SUMMARY_DAYS; i++) {
    const day = addDays(today, i);
    figures[day] = figuresAsOf(index, day).county;
  }
  const from = chartRange(today).from;
  const to = chartRange(addDays(today, SUMMARY_DAYS - 1)).to;
  const s = dailySeries(index, from, to, { level: 'county' });
  return {
    format: SUMMARY_FORMAT,
    dbName: db.name,
    schemaVersion: db.verno,
    generation,
    computedOn: today,
    figures,
    series: { from, places: Array.from(s.places), occupied: Array.from(s.occupied), blocked: Array.from(s.blocked) },
  };
}

/** Stores the summary; a failure (storage full) only means no fast start next time. */
export function saveSummary(db: QuartierDb, summary: DashboardSummary): void {
  try {
    db.storage.setItem(summaryKey(db.name), JSON.stringify(summary));
  } catch {
    try {
      db.storage.removeItem(summaryKey(db.name));
    } catch {
      // Nothing stored, nothing trusted.
    }
  }
}

/** The stored summary, whatever its validity (null when missing or unreadable). */
export function readSummary(db: QuartierDb): DashboardSummary | null {
  try {
    const raw = db.storage.getItem(summaryKey(db.name));
    if (raw === null) return null;
    const parsed = JSON.parse(raw) as Partial<DashboardSummary>;
    if (parsed.format !== SUMMARY_FORMAT || typeof parsed.generation !== 'string' || !parsed.figures || !parsed.series) return null;
    return parsed as DashboardSummary;
  } catch {
    return null;
  }
}

/**
 * True when `summary` describes the data in `db` right now: same database,
 * schema and format, and the generation token is unchanged (no write
 * committed since the data was read). Reads the token on every call.
 */
export function isSummaryCurrent(db: QuartierDb, summary: DashboardSummary): boolean {
  if (summary.format !== SUMMARY_FORMAT || summary.dbName !== db.name || summary.schemaVersion !== db.verno) return false;
  let current: string | null;
  try {
    current = db.storage.getItem(dataGenerationKey(db.name));
  } catch {
    return false;
  }
  return current !== null && current === summary.generation;
}

/** County figures of `day` from a current summary, or null. */
export function summaryFigures(summary: DashboardSummary, day: IsoDate): OccupancyFigures | null {
  return summary.figures[day] ?? null;
}

/** The chart series for Stichtag `day` from a summary, or null when the summary does not cover it. */
export function summarySeries(summary: DashboardSummary, day: IsoDate): ChartSeries | null {
  if (!(day in summary.figures)) return null;
  const { from, to } = chartRange(day);
  const start = diffDays(summary.series.from, from);
  const length = diffDays(from, to);
  if (start < 0 || start + length > summary.series.places.length) return null;
  return {
    from,
    to,
    length,
    places: summary.series.places.slice(start, start + length),
    occupied: summary.series.occupied.slice(start, start + length),
    blocked: summary.series.blocked.slice(start, start + length),
  };
}

