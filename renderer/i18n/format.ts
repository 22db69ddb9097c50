// Number and date formatting for the UI. Everyone formats through these so
// the whole app shows the same conventions: German dd.MM.yyyy, thousands
// separators, comma decimals. Domain dates are ISO day strings (YYYY-MM-DD)
// and are formatted without going through a time zone, so a day never shifts.
import i18next from 'i18next';

const INTL_LOCALE: Record<string, string> = { de: 'de-DE', en: 'en-GB' };

/** BCP-47 locale of the active UI language (de-DE by default). */
export function intlLocale(lng: string = i18next.resolvedLanguage ?? i18next.language): string {
  return INTL_LOCALE[lng] ?? 'de-DE';
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const PLACEHOLDER = '–';

/**
 * Formats an ISO day ('2024-03-01') or a Date as a day: 01.03.2024 in German,
 * 01/03/2024 in English. null/undefined/invalid → '–'.
 */
export function formatDate(value: string | Date | null | undefined, lng?: string): string {
  if (value == null || value === '') return PLACEHOLDER;
  if (typeof value === 'string') {
    const m = ISO_DAY.exec(value);
    if (!m) return PLACEHOLDER;
    const [, y, mo, d] = m as unknown as [string, string, string, string];
    // Build a UTC date and format in UTC: the calendar day stays the same everywhere.
    const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    return dayFormatter(intlLocale(lng)).format(date);
  }
  if (Number.isNaN(value.getTime())) return PLACEHOLDER;
  return new Intl.DateTimeFormat(intlLocale(lng), { day: '2-digit', month: '2-digit', year: 'numeric' }).format(value);
}

/** Date and time (e.g. for audit entries and sync times): 01.03.2024, 14:05. */
export function formatDateTime(value: string | number | Date | null | undefined, lng?: string): string {
  if (value == null || value === '') return PLACEHOLDER;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return PLACEHOLDER;
  return new Intl.DateTimeFormat(intlLocale(lng), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** Integer or decimal with thousands separators: 12345.5 → '12.345,5'. */
export function formatNumber(
  value: number | null | undefined,
  options: Intl.NumberFormatOptions = { maximumFractionDigits: 2 },
  lng?: string,
): string {
  if (value == null || !Number.isFinite(value)) return PLACEHOLDER;
  return new Intl.NumberFormat(intlLocale(lng), options).format(value);
}

/** Whole number with thousands separators: 28000 → '28.000'. */
export function formatInteger(value: number | null | undefined, lng?: string): string {
  return formatNumber(value, { maximumFractionDigits: 0 }, lng);
}

/**
 * A ratio (0..1) as percent: 0.734 → '73,4 %'. `digits` fraction digits
 * (default 1).
 */
export function formatPercent(ratio: number | null | undefined, digits = 1, lng?: string): string {
  return formatNumber(ratio, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }, lng);
}

/** Area in square metres: 12.5 → '12,5 m²'. */
export function formatArea(squareMetres: number | null | undefined, lng?: string): string {
  if (squareMetres == null || !Number.isFinite(squareMetres)) return PLACEHOLDER;
  return `${formatNumber(squareMetres, { minimumFractionDigits: 0, maximumFractionDigits: 1 }, lng)} m²`;
}

/** Money in euro: 1234.5 → '1.234,50 €'. */
export function formatCurrency(euro: number | null | undefined, lng?: string): string {
  return formatNumber(euro, { style: 'currency', currency: 'EUR' }, lng);
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();
function dayFormatter(locale: string): Intl.DateTimeFormat {
  let f = dayFormatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
    dayFormatters.set(locale, f);
  }
  return f;
}
