// What the parse worker does with one file. Runs ONLY inside a disposable
// worker (a Web Worker in the app, a worker thread in Node tests): SheetJS
// 0.18.5 has known flaws when reading hostile files (CVE-2023-30533
// prototype pollution, CVE-2024-22363 ReDoS) and no fixed version is on npm.
// Inside the worker a polluted Object.prototype or a runaway regex harms
// only the worker, which the main side throws away after one file or kills
// at the time limit. What leaves the worker is rebuilt here as plain arrays
// of strings/numbers/null (and once more on the main side).
import * as XLSX from 'xlsx';
import { parseCsv, CsvTooManyRowsError } from '../../../../shared/import/csv';
import { decodeText } from '../../../../shared/import/encoding';
import type { Cell } from '../../../../shared/import/table';
import { formatOf, type ParseRequest, type ParseResponse } from './protocol';

interface SsfDate {
  y: number;
  m: number;
  d: number;
}
interface SsfApi {
  is_date(fmt: string): boolean;
  parse_date_code(v: number, opts?: { date1904?: boolean }): SsfDate | null;
}
// The browser bundle (xlsx.mjs) exports SSF by name; Node loads the CommonJS
// build, whose SSF export only the default namespace object carries.
const xlsxModule = XLSX as unknown as { SSF?: SsfApi; default?: { SSF?: SsfApi } };
const SSF: SsfApi | undefined = xlsxModule.SSF ?? xlsxModule.default?.SSF;

function isDateFormat(fmt: string): boolean {
  return SSF?.is_date(fmt) ?? false;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function fail(code: Extract<ParseResponse, { ok: false }>['code'], params: Record<string, string | number> = {}): ParseResponse {
  return { ok: false, code, params };
}

export function parseFileBytes(req: ParseRequest): ParseResponse {
  const { limits } = req;
  const format = formatOf(req.fileName);
  if (!format) return fail('unsupportedType', { name: req.fileName });
  if (req.bytes.byteLength > limits.maxBytes) return fail('tooLarge', { maxMb: Math.round(limits.maxBytes / 1024 / 1024) });
  if (req.bytes.byteLength === 0) return fail('emptyFile');
  if (format === 'csv') return parseCsvBytes(req);
  return parseWorkbookBytes(req, format);
}

function parseCsvBytes(req: ParseRequest): ParseResponse {
  const { text, encoding } = decodeText(req.bytes);
  try {
    // +1: the header row does not count against the data row limit.
    const parsed = parseCsv(text, { maxRows: req.limits.maxRows + 1 });
    if (parsed.unterminatedQuoteLine !== null) return fail('unterminatedQuote', { line: parsed.unterminatedQuoteLine });
    const rows = parsed.rows.map((r) => r.slice(0, req.limits.maxColumns).map((c) => (c.length > req.limits.maxCellChars ? c.slice(0, req.limits.maxCellChars) : c)));
    const name = req.fileName.replace(/\.[^.]+$/, '') || 'CSV';
    return { ok: true, workbook: { sheets: [{ name, rows }] }, csv: { encoding, delimiter: parsed.delimiter } };
  } catch (e) {
    if (e instanceof CsvTooManyRowsError) return fail('tooManyRows', { max: req.limits.maxRows });
    throw e;
  }
}

/** Zip (xlsx), OLE compound file (xls), or XML/HTML text (a "xls" saved by older programs). */
function looksLikeSpreadsheet(bytes: Uint8Array, format: 'xlsx' | 'xls'): boolean {
  const b = bytes;
  const zip = b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
  if (format === 'xlsx') return zip;
  const cfb = b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
  let i = 0;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3;
  while (i < b.length && i < 64 && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  return zip || cfb || b[i] === 0x3c; // '<'
}

function parseWorkbookBytes(req: ParseRequest, format: 'xlsx' | 'xls'): ParseResponse {
  const { limits } = req;
  // SheetJS reads almost anything as "some" sheet (plain text, too); a file
  // that is not a spreadsheet container is refused instead of misread.
  if (!looksLikeSpreadsheet(req.bytes, format)) return fail('unreadable');
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(req.bytes, {
      type: 'array',
      cellNF: true, // number formats tell date cells from numbers
      cellDates: false, // day numbers, converted below without time zones
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      bookVBA: false,
      // One row more than allowed (plus the header) so "too many" is detectable without reading everything.
      sheetRows: limits.maxRows + 2,
    });
  } catch {
    return fail('unreadable');
  }
  const names = Array.isArray(wb.SheetNames) ? wb.SheetNames.filter((n): n is string => typeof n === 'string') : [];
  if (names.length > limits.maxSheets) return fail('tooManySheets', { max: limits.maxSheets });
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const sheets: { name: string; rows: Cell[][] }[] = [];
  let total = 0;
  for (const name of names) {
    // Own properties only: a sheet named "__proto__" must not resolve to Object.prototype.
    if (!Object.hasOwn(wb.Sheets, name)) continue;
    const ws = wb.Sheets[name];
    if (!ws) continue;
    const ref = typeof ws['!ref'] === 'string' ? ws['!ref'] : undefined;
    const fullRef = typeof ws['!fullref'] === 'string' ? ws['!fullref'] : ref;
    if (!ref) {
      sheets.push({ name: String(name), rows: [] });
      continue;
    }
    const range = XLSX.utils.decode_range(ref);
    const full = XLSX.utils.decode_range(fullRef ?? ref);
    const rowCount = full.e.r + 1;
    total += Math.max(0, rowCount - 1);
    if (total > limits.maxRows) return fail('tooManyRows', { max: limits.maxRows });
    const lastCol = Math.min(range.e.c, limits.maxColumns - 1);
    const rows: Cell[][] = [];
    // Rows from A1 so that row numbers in messages are the ones Excel shows.
    for (let r = 0; r <= range.e.r; r++) {
      const row: Cell[] = [];
      for (let c = 0; c <= lastCol; c++) {
        const addr = XLSX.utils.encode_cell({ r, c });
        const cell = Object.hasOwn(ws, addr) ? (ws[addr] as XLSX.CellObject | undefined) : undefined;
        row.push(cell ? plainCell(cell, date1904, limits.maxCellChars) : null);
      }
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      rows.push(row);
    }
    sheets.push({ name: String(name), rows });
  }
  return { ok: true, workbook: { sheets } };
}

function plainCell(cell: XLSX.CellObject, date1904: boolean, maxChars: number): Cell {
  const v: unknown = cell.v;
  switch (cell.t) {
    case 's':
      return typeof v === 'string' ? v.slice(0, maxChars) : null;
    case 'n': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return null;
      if (SSF && typeof cell.z === 'string' && isDateFormat(cell.z)) {
        const d = SSF.parse_date_code(v, { date1904 });
        if (d && d.y >= 1000 && d.y <= 9999) return `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}`;
      }
      return v;
    }
    case 'b':
      return v === true ? 'WAHR' : 'FALSCH';
    case 'd':
      return v instanceof Date && !Number.isNaN(v.getTime()) ? `${pad(v.getFullYear(), 4)}-${pad(v.getMonth() + 1)}-${pad(v.getDate())}` : null;
    default:
      return typeof cell.w === 'string' ? cell.w.slice(0, maxChars) : null;
  }
}
