// The report model: what a report says, independent of the output format.
// PDF (pdfDocument.ts) and Excel (renderer/features/exports/xlsx.ts) are both
// rendered from this one model, so the numbers in the two files cannot differ.
import type { IsoDate } from '../domain/model';

export type ReportKind = 'occupancyList' | 'occupancyOverview' | 'occupancyDays' | 'movements' | 'freePlaces' | 'deadlines' | 'quotaLedger';

export const REPORT_KINDS: readonly ReportKind[] = ['occupancyList', 'occupancyOverview', 'occupancyDays', 'movements', 'freePlaces', 'deadlines', 'quotaLedger'];

/**
 * Cell types: Excel writes dates as dates and numbers as numbers; the PDF
 * formats them in German (01.03.2026, 12.345, 73,4 %).
 */
export type ColumnType = 'text' | 'integer' | 'decimal' | 'percent' | 'date';

export interface ReportColumn {
  header: string;
  type: ColumnType;
  /** Suggested width in characters (Excel) and relative weight (PDF). */
  width: number;
}

/** text → string; integer/decimal/percent → number (percent as ratio 0..1); date → ISO day. null = no value. */
export type CellValue = string | number | null;

export interface ReportSection {
  title: string;
  /** Excel sheet name (≤ 31 characters, no []:*?/\). */
  sheetName: string;
  columns: ReportColumn[];
  rows: CellValue[][];
  /** Sum rows printed bold below the rows (and kept in Excel after the data). */
  totals: CellValue[][];
  /** Shown when there are no rows. */
  emptyText?: string;
}

export interface ReportModel {
  kind: ReportKind;
  title: string;
  /** "Stichtag 01.03.2026" or "Zeitraum 01.01.2026 – 31.12.2026". */
  subtitle: string;
  authority: string;
  /** Reference day (Stichtag) or the period's first day. */
  asOf: IsoDate;
  /** Period end (inclusive) for period reports. */
  until?: IsoDate;
  /** Explanations printed under the title (e.g. the counting rule). */
  notes: string[];
  orientation: 'portrait' | 'landscape';
  sections: ReportSection[];
}

/** Excel sheet names must be unique, ≤ 31 chars and free of []:*?/\ characters. */
export function safeSheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Tabelle';
  let candidate = base;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 27)} (${i})`;
  used.add(candidate.toLowerCase());
  return candidate;
}

/** Sum of a numeric column over rows; null cells are skipped. */
export function sumColumn(rows: readonly CellValue[][], index: number): number {
  let s = 0;
  for (const r of rows) {
    const v = r[index];
    if (typeof v === 'number') s += v;
  }
  return s;
}
