// Calendar-day arithmetic on ISO date strings (`YYYY-MM-DD`). Days are
// counted in UTC so that no time zone or DST change shifts a stay by a day.
import type { IsoDate } from './model';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day in `YYYY-MM-DD` form (rejects 2025-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Days since 1970-01-01 for an ISO day. Throws on malformed input. */
export function toDayNumber(day: IsoDate): number {
  const m = ISO_DATE.exec(day);
  if (!m) throw new Error(`Ungültiges Datum: ${day}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY);
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(day: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(day) + days);
}

/** Number of days from a to b (b - a). */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/**
 * Adds calendar months; the day is clamped to the month's end
 * (2024-01-31 + 1 month = 2024-02-29), as German deadline practice does (§ 188 BGB).
 */
export function addMonths(day: IsoDate, months: number): IsoDate {
  const m = ISO_DATE.exec(day);
  if (!m) throw new Error(`Ungültiges Datum: ${day}`);
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1 + months;
  const targetY = y + Math.floor(mo / 12);
  const targetM = ((mo % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetY, targetM + 1, 0)).getUTCDate();
  const d = Math.min(Number(m[3]), lastDay);
  return fromDayNumber(Math.round(Date.UTC(targetY, targetM, d) / MS_PER_DAY));
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Today as an ISO day in the local calendar of the given clock. */
export function isoDateOf(date: Date): IsoDate {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** First day of the month of `day`. */
export function startOfMonth(day: IsoDate): IsoDate {
  return `${day.slice(0, 7)}-01`;
}

/**
 * Half-open overlap of [aFrom, aTo) and [bFrom, bTo); `null` ends are open.
 */
export function periodsOverlap(aFrom: IsoDate, aTo: IsoDate | null, bFrom: IsoDate, bTo: IsoDate | null): boolean {
  return (bTo === null || aFrom < bTo) && (aTo === null || bFrom < aTo);
}

/** True when `day` lies in [from, to). */
export function dayInPeriod(day: IsoDate, from: IsoDate, to: IsoDate | null): boolean {
  return from <= day && (to === null || day < to);
}
