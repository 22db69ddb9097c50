// Hands produced bytes to the platform: the save dialog in Electron, a
// download in web mode (both behind api.filesSaveAs), or printing.
import { api } from '../../platform/api';
import { bytesToBase64 } from '../../platform/base64';
import { MIME, type ExportFormat } from './formats';

export async function saveExport(bytes: Uint8Array, suggestedName: string, format: ExportFormat): Promise<boolean> {
  const result = await api.filesSaveAs({ suggestedName, mimeType: MIME[format], data: bytesToBase64(bytes) });
  return result.saved;
}

export async function printPdf(bytes: Uint8Array): Promise<boolean> {
  const result = await api.filesPrintPdf({ data: bytesToBase64(bytes) });
  return result.printed;
}

/** File names carry no personal data (DSGVO): only the kind of document, a date or a letter number. */
export function exportFileName(base: string, format: ExportFormat): string {
  const safe = base
    .normalize('NFKD')
    .replace(/ß/g, 'ss')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return `${safe || 'Export'}.${format}`;
}
