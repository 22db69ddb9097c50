// Messages between the main side and the disposable parse worker. The
// worker answers exactly once; the main side terminates it afterwards (or
// when the time limit is over), so a worker never parses two files.
import type { ImportLimits } from '../../../../shared/import/table';

export interface ParseRequest {
  fileName: string;
  bytes: Uint8Array;
  limits: Omit<ImportLimits, 'maxMs'>;
}

/** Codes of file-level problems (translated as `import:file.<code>`). */
export type FileProblemCode =
  | 'tooLarge'
  | 'unsupportedType'
  | 'emptyFile'
  | 'unreadable'
  | 'tooManyRows'
  | 'tooManySheets'
  | 'unterminatedQuote'
  | 'timeLimit'
  | 'workerFailed';

export type ParseResponse =
  | {
      ok: true;
      /** Plain rows only: arrays of strings, numbers and null. Rebuilt again on the main side. */
      workbook: { sheets: { name: string; rows: (string | number | null)[][] }[] };
      /** CSV only: how the text was read. */
      csv?: { encoding: string; delimiter: string };
    }
  | { ok: false; code: FileProblemCode; params: Record<string, string | number> };

export type SpreadsheetFormat = 'xlsx' | 'xls' | 'csv';

/** The format by file extension; null for anything else. */
export function formatOf(fileName: string): SpreadsheetFormat | null {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName.trim());
  const ext = m?.[1]?.toLowerCase();
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'xls') return 'xls';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  return null;
}
