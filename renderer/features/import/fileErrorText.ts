// The German (or English) sentence for a file-level problem; numbers in the
// UI's format ("2,5 Sekunden", "100.000 Datenzeilen"). The line of an
// unterminated quote stays a plain number.
import type { TFunction } from 'i18next';
import { formatNumber } from '../../i18n/format';
import type { ImportFileError } from './worker/readImportFile';

export function fileErrorText(t: TFunction, error: Pick<ImportFileError, 'code' | 'params'>): string {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(error.params)) params[k] = typeof v === 'number' && k !== 'line' ? formatNumber(v) : String(v);
  return t(`import:file.${error.code}`, params);
}
