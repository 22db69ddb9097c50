// German number and date formats for printed reports and letters. The PDF
// is always German (the binding language of the authority), independent of
// the UI language, so these do not go through i18next.
import type { IsoDate } from '../domain/model';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 2026-03-01 → 01.03.2026; null/invalid → '' (callers decide what a gap shows). */
export function formatDateDe(day: IsoDate | null | undefined): string {
  if (!day) return '';
  const m = ISO_DAY.exec(day);
  if (!m) return '';
  return `${m[3]}.${m[2]}.${m[1]}`;
}

const MONTHS_DE = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
] as const;

/** 2026-03 or 2026-03-01 → "März 2026". */
export function formatMonthDe(monthOrDay: string): string {
  const year = monthOrDay.slice(0, 4);
  const month = Number(monthOrDay.slice(5, 7));
  const name = MONTHS_DE[month - 1];
  return name ? `${name} ${year}` : monthOrDay;
}

/** 2026-03 → "03/26" for narrow table headers. */
export function formatMonthShortDe(monthOrDay: string): string {
  return `${monthOrDay.slice(5, 7)}/${monthOrDay.slice(2, 4)}`;
}

const integerFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percentFormat = new Intl.NumberFormat('de-DE', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 12345 → "12.345". */
export function formatIntegerDe(n: number | null | undefined): string {
  return n == null || !Number.isFinite(n) ? '' : integerFormat.format(n);
}

/** 7.25 → "7,3" (one decimal, as reports show areas per place). */
export function formatDecimalDe(n: number | null | undefined): string {
  return n == null || !Number.isFinite(n) ? '' : decimalFormat.format(n);
}

/** 0.734 → "73,4 %". */
export function formatPercentDe(ratio: number | null | undefined): string {
  return ratio == null || !Number.isFinite(ratio) ? '' : percentFormat.format(ratio);
}

/** A timestamp as "01.03.2026, 14:05" in the local clock of the device. */
export function formatDateTimeDe(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()}, ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
