// Files the import hands out: the Excel template per kind (expected columns
// plus one example row) and the error list of a preview. Writing with
// SheetJS is safe (its known flaws are in reading); it is loaded on demand
// to keep it out of the first paint.
import type { TFunction } from 'i18next';
import { IMPORT_FIELDS, type ImportKind } from '../../../shared/import/fields';
import type { ImportPlan } from '../../../shared/import/plan';
import { fieldLabel, problemText } from './problemText';

async function writeXlsx(sheets: { name: string; rows: (string | number)[][]; widths?: number[] }[]): Promise<Uint8Array> {
  const XLSX = await import('xlsx');
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.rows);
    if (s.widths) ws['!cols'] = s.widths.map((wch) => ({ wch }));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** Template: the header row (German column titles the import recognises) and one example row; a second sheet explains the columns. */
export async function templateWorkbook(t: TFunction, kind: ImportKind): Promise<Uint8Array> {
  const fields = IMPORT_FIELDS[kind];
  const header = fields.map((f) => f.aliases[0]!);
  const example = fields.map((f) => f.example);
  const help = [
    [t('import:template.column'), t('import:template.required'), t('import:template.meaning')],
    ...fields.map((f) => [f.aliases[0]!, f.required ? t('import:template.yes') : t('import:template.no'), t(`import:fieldHelp.${f.key}`)]),
  ];
  return writeXlsx([
    { name: t('import:template.sheetData'), rows: [header, example], widths: header.map((h) => Math.max(12, h.length + 2)) },
    { name: t('import:template.sheetHelp'), rows: help, widths: [24, 10, 90] },
  ]);
}

/** The preview's problems as an Excel list: row, column, kind of problem, text. */
export async function errorListWorkbook(t: TFunction, plan: ImportPlan, headers: readonly string[], columnOf: (field: string) => number | null): Promise<Uint8Array> {
  const rows: (string | number)[][] = [[t('import:errors.row'), t('import:errors.column'), t('import:errors.field'), t('import:errors.severity'), t('import:errors.message')]];
  for (const p of plan.problems) {
    const col = p.field ? columnOf(p.field) : null;
    rows.push([p.row, col === null ? '' : (headers[col] ?? ''), fieldLabel(t, p.field), t(`import:severity.${p.severity}`), problemText(t, p)]);
  }
  return writeXlsx([{ name: t('import:errors.sheet'), rows, widths: [8, 22, 22, 10, 100] }]);
}
