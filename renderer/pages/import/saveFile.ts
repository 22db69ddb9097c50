// Hands a produced workbook to the platform (save dialog / download).
import { exportFileName, saveExport } from '../../features/exports/output';
import { notify } from '../../state/ui';

export async function saveWorkbook(bytes: Uint8Array, baseName: string, savedText: string): Promise<void> {
  if (await saveExport(bytes, exportFileName(baseName, 'xlsx'), 'xlsx')) notify(savedText);
}
