// Excel workbook from a report model: one sheet per section plus an "Info"
// sheet with title and notes. Cells are typed (numbers as numbers, dates as
// Excel dates with a German display format), the header row is frozen and
// has an autofilter, and columns have sensible widths. Only WRITING happens
// here: SheetJS 0.18.5 must not parse user-supplied files.
import { toDayNumber } from '../../../shared/domain/dates';
import { isIsoDate } from '../../../shared/domain/dates';
import type { CellValue, ColumnType, ReportModel, ReportSection } from '../../../shared/reports/model';
import { safeSheetName } from '../../../shared/reports/model';
import type * as XlsxNs from 'xlsx';

type XlsxModule = typeof XlsxNs;

/** The few calls of SheetJS's bundled zip library (typed `any` upstream). */
interface ZipEntry {
  content?: Uint8Array;
}
interface ZipApi {
  read(data: Uint8Array, opts: { type: 'array' }): unknown;
  find(container: unknown, path: string): ZipEntry | null;
  write(container: unknown, opts: { fileType: 'zip'; type: 'array'; compression: boolean }): ArrayBuffer | Uint8Array | number[];
}
type Cell = { t: 's' | 'n'; v: string | number; z?: string };

/** Days between the Excel epoch (1899-12-30) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;

const NUMBER_FORMATS: Partial<Record<ColumnType, string>> = {
  integer: '#,##0',
  decimal: '#,##0.0',
  percent: '0.0%',
  date: 'dd.mm.yyyy',
};

export function excelDate(day: string): number {
  return toDayNumber(day) + EXCEL_EPOCH_OFFSET;
}

function toCell(value: CellValue, type: ColumnType): Cell | null {
  if (value === null) return null;
  if (type === 'date' && typeof value === 'string' && isIsoDate(value)) return { t: 'n', v: excelDate(value), z: NUMBER_FORMATS.date! };
  if (typeof value === 'number') {
    const z = NUMBER_FORMATS[type];
    return z ? { t: 'n', v: value, z } : { t: 'n', v: value };
  }
  return { t: 's', v: value };
}

function sectionSheet(XLSX: XlsxModule, section: ReportSection) {
  const ws: Record<string, unknown> = {};
  const cols = section.columns;
  cols.forEach((c, ci) => {
    ws[XLSX.utils.encode_cell({ r: 0, c: ci })] = { t: 's', v: c.header };
  });
  const all = [...section.rows, ...section.totals];
  all.forEach((row, ri) => {
    cols.forEach((c, ci) => {
      const cell = toCell(row[ci] ?? null, c.type);
      if (cell) ws[XLSX.utils.encode_cell({ r: ri + 1, c: ci })] = cell;
    });
  });
  const lastRow = Math.max(all.length, 1);
  const lastCol = Math.max(cols.length - 1, 0);
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastRow, c: lastCol } });
  // The filter covers header and data, not the sum rows, so filtering never hides the totals' meaning.
  ws['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(section.rows.length, 1), c: lastCol } }) };
  ws['!cols'] = cols.map((c) => ({ wch: Math.min(60, Math.max(c.width, c.header.length + 3)) }));
  return ws;
}

function infoSheet(XLSX: XlsxModule, model: Omit<ReportModel, 'kind'>) {
  const lines: string[][] = [[model.title], [model.subtitle], [model.authority], [], ...model.notes.map((n) => [n])];
  const ws = XLSX.utils.aoa_to_sheet(lines);
  ws['!cols'] = [{ wch: 120 }];
  return ws;
}

/** Freezes the first row of every data sheet (SheetJS community does not write panes itself). */
function freezeHeaderRows(XLSX: XlsxModule, bytes: Uint8Array, sheetCount: number): Uint8Array {
  const cfb = XLSX.CFB as ZipApi;
  const zip = cfb.read(bytes, { type: 'array' });
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const pane =
    '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>';
  for (let i = 1; i <= sheetCount; i++) {
    // CFB paths are rooted: "/xl/..." (without the slash nothing is found).
    const entry = cfb.find(zip, `/xl/worksheets/sheet${i}.xml`);
    if (!entry?.content) throw new Error(`Tabellenblatt ${i} fehlt in der erzeugten Excel-Datei.`);
    const xml = decoder.decode(entry.content);
    entry.content = encoder.encode(xml.replace(/<sheetView workbookViewId="0"\s*\/>/, pane));
  }
  const out = cfb.write(zip, { fileType: 'zip', type: 'array', compression: true });
  return out instanceof Uint8Array ? out : new Uint8Array(out);
}

/** The ESM build (bundler) exports CFB by name; Node's CommonJS interop only via the default export. */
async function loadXlsx(): Promise<XlsxModule> {
  const mod = await import('xlsx');
  const withDefault = mod as XlsxModule & { default?: XlsxModule };
  return (withDefault.CFB as unknown) ? mod : (withDefault.default ?? mod);
}

export async function renderReportXlsx(model: Omit<ReportModel, 'kind'>): Promise<Uint8Array> {
  const XLSX = await loadXlsx();
  const wb = XLSX.utils.book_new();
  const used = new Set<string>();
  for (const section of model.sections) {
    XLSX.utils.book_append_sheet(wb, sectionSheet(XLSX, section), safeSheetName(section.sheetName, used));
  }
  XLSX.utils.book_append_sheet(wb, infoSheet(XLSX, model), safeSheetName('Info', used));
  wb.Props = { Title: `${model.title} – ${model.subtitle}`, Author: model.authority, Company: model.authority };
  const raw = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return freezeHeaderRows(XLSX, new Uint8Array(raw), model.sections.length);
}
