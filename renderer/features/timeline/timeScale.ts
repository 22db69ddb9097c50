// Pure maths of the bed timeline: zoom levels, day ↔ pixel, the visible
// window of rows and days, and the header ticks. Kept apart from the React
// component so the windowing can be reasoned about (and tested) on its own.
import type { IsoDate } from '../../../shared/domain/model';
import { fromDayNumber, toDayNumber } from '../../../shared/domain/dates';

export const ZOOMS = ['days', 'weeks', 'months'] as const;
export type TimelineZoom = (typeof ZOOMS)[number];

/** Pixels per day at each zoom level. */
export const DAY_WIDTH: Record<TimelineZoom, number> = { days: 36, weeks: 10, months: 3 };

export function zoomIn(z: TimelineZoom): TimelineZoom {
  const i = ZOOMS.indexOf(z);
  return ZOOMS[Math.max(0, i - 1)] ?? z;
}

export function zoomOut(z: TimelineZoom): TimelineZoom {
  const i = ZOOMS.indexOf(z);
  return ZOOMS[Math.min(ZOOMS.length - 1, i + 1)] ?? z;
}

export interface RowWindow {
  first: number;
  /** Exclusive. */
  last: number;
}

/** Rows intersecting the viewport plus `overscan` rows on each side. */
export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, rowCount: number, overscan = 4): RowWindow {
  const first = Math.min(rowCount, Math.max(0, Math.floor(scrollTop / rowHeight) - overscan));
  const last = Math.min(rowCount, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return { first, last: Math.max(first, last) };
}

export interface DayWindow {
  /** Day numbers (days since epoch), `to` exclusive. */
  from: number;
  to: number;
}

/** Days intersecting the horizontal viewport (the timeline area only), with a margin. */
export function visibleDays(scrollLeft: number, timelineWidth: number, dayWidth: number, startDay: number, totalDays: number, marginDays = 7): DayWindow {
  const first = Math.floor(scrollLeft / dayWidth) - marginDays;
  const last = Math.ceil((scrollLeft + timelineWidth) / dayWidth) + marginDays;
  return { from: startDay + Math.max(0, first), to: startDay + Math.min(totalDays, Math.max(0, last)) };
}

export interface Tick {
  day: number;
  label: string;
  /** Major ticks (month / year starts) get a stronger grid line. */
  major: boolean;
}

/** ISO 8601 week number (KW). */
export function isoWeek(dayNumber: number): number {
  const d = new Date(dayNumber * 86_400_000);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = dayNumber - weekday + 3;
  const yearStart = Math.floor(Date.UTC(new Date(thursday * 86_400_000).getUTCFullYear(), 0, 1) / 86_400_000);
  return Math.floor((thursday - yearStart) / 7) + 1;
}

export interface TickLabels {
  month: (monthIndex: number, year: number) => string;
  monthShort: (monthIndex: number) => string;
  week: (week: number) => string;
}

/** Two header lines: upper (months or years) and lower (days, weeks or months). */
export function ticksFor(zoom: TimelineZoom, window: DayWindow, labels: TickLabels): { upper: Tick[]; lower: Tick[] } {
  const upper: Tick[] = [];
  const lower: Tick[] = [];
  for (let day = window.from; day < window.to; day++) {
    const iso = fromDayNumber(day);
    const y = Number(iso.slice(0, 4));
    const m = Number(iso.slice(5, 7)) - 1;
    const d = Number(iso.slice(8, 10));
    const weekday = (new Date(day * 86_400_000).getUTCDay() + 6) % 7;
    const first = day === window.from;
    if (zoom === 'months') {
      if (d === 1 && m === 0) upper.push({ day, label: String(y), major: true });
      else if (first) upper.push({ day, label: String(y), major: false });
      if (d === 1) lower.push({ day, label: labels.monthShort(m), major: m === 0 });
    } else {
      if (d === 1) upper.push({ day, label: labels.month(m, y), major: true });
      else if (first) upper.push({ day, label: labels.month(m, y), major: false });
      if (zoom === 'days') lower.push({ day, label: String(d), major: weekday === 0 });
      else if (weekday === 0) lower.push({ day, label: labels.week(isoWeek(day)), major: d <= 7 });
    }
  }
  return { upper, lower };
}

export function dayNumber(day: IsoDate): number {
  return toDayNumber(day);
}
