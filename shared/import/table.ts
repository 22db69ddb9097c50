// The plain table a parsed file becomes. Whatever reads a file (the CSV
// reader, SheetJS inside the worker) hands over only this shape, and the
// main side rebuilds it with `toPlainWorkbook` before using it: arrays of
// strings, finite numbers and null, nothing else, no prototypes, no
// properties beyond the indexes. A polluted or hostile object coming back
// from the worker therefore cannot smuggle anything into the app.

export type Cell = string | number | null;
export type Row = Cell[];

export interface SheetData {
  name: string;
  rows: Row[];
}

export interface WorkbookData {
  sheets: SheetData[];
}

/** Limits for reading one file; the defaults are the ones the app uses. */
export interface ImportLimits {
  /** File size in bytes. */
  maxBytes: number;
  /** Data rows over all sheets. */
  maxRows: number;
  /** Columns per row (cells beyond are cut off). */
  maxColumns: number;
  /** Characters per cell (longer text is cut off). */
  maxCellChars: number;
  /** Wall time of the worker in ms; the main side terminates it after that. */
  maxMs: number;
  /** Sheets per workbook. */
  maxSheets: number;
}

export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxBytes: 20 * 1024 * 1024,
  maxRows: 100_000,
  maxColumns: 200,
  maxCellChars: 10_000,
  maxMs: 15_000,
  maxSheets: 100,
});

export class TableShapeError extends Error {
  constructor(readonly reason: 'notAWorkbook' | 'tooManyRows' | 'tooManySheets') {
    super(`unexpected table shape: ${reason}`);
    this.name = 'TableShapeError';
  }
}

/** One cell as a plain value: strings (cut to the limit), finite numbers, else null. */
export function toPlainCell(value: unknown, maxChars: number): Cell {
  if (typeof value === 'string') return value.length > maxChars ? value.slice(0, maxChars) : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 'WAHR' : 'FALSCH';
  return null;
}

/**
 * Rebuilds a workbook from untrusted structured data (a worker message).
 * Reads only own properties (`sheets`, `name`, `rows`) and indexes of real
 * arrays, and creates every array and object anew. Trailing empty cells and fully empty
 * trailing rows are dropped.
 */
export function toPlainWorkbook(input: unknown, limits: Pick<ImportLimits, 'maxRows' | 'maxColumns' | 'maxCellChars' | 'maxSheets'>): WorkbookData {
  if (typeof input !== 'object' || input === null) throw new TableShapeError('notAWorkbook');
  const sheetsIn: unknown = Object.hasOwn(input, 'sheets') ? (input as { sheets: unknown }).sheets : undefined;
  if (!Array.isArray(sheetsIn)) throw new TableShapeError('notAWorkbook');
  if (sheetsIn.length > limits.maxSheets) throw new TableShapeError('tooManySheets');
  const sheets: SheetData[] = [];
  let total = 0;
  for (let s = 0; s < sheetsIn.length; s++) {
    const sheetIn: unknown = sheetsIn[s];
    if (typeof sheetIn !== 'object' || sheetIn === null) continue;
    const nameIn: unknown = Object.hasOwn(sheetIn, 'name') ? (sheetIn as { name: unknown }).name : '';
    const rowsIn: unknown = Object.hasOwn(sheetIn, 'rows') ? (sheetIn as { rows: unknown }).rows : [];
    const name = typeof nameIn === 'string' ? nameIn.slice(0, 100) : String(s + 1);
    const rows: Row[] = [];
    if (Array.isArray(rowsIn)) {
      total += rowsIn.length;
      if (total > limits.maxRows + sheetsIn.length) throw new TableShapeError('tooManyRows');
      for (let r = 0; r < rowsIn.length; r++) rows.push(toPlainRow(rowsIn[r], limits));
    }
    while (rows.length > 0 && isEmptyRow(rows[rows.length - 1]!)) rows.pop();
    sheets.push({ name, rows });
  }
  return { sheets };
}

function toPlainRow(rowIn: unknown, limits: Pick<ImportLimits, 'maxColumns' | 'maxCellChars'>): Row {
  const row: Row = [];
  if (!Array.isArray(rowIn)) return row;
  const n = Math.min(rowIn.length, limits.maxColumns);
  for (let c = 0; c < n; c++) row.push(toPlainCell(rowIn[c], limits.maxCellChars));
  while (row.length > 0 && isBlank(row[row.length - 1] ?? null)) row.pop();
  return row;
}

export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

export function isEmptyRow(row: readonly Cell[]): boolean {
  return row.every((c) => isBlank(c));
}

/** The cell as trimmed text ('' for empty); numbers in plain notation. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  return cell.trim();
}
