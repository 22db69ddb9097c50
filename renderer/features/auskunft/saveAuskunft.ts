// Hands both Auskunft files to the platform's save path (a save dialog each
// in the app, two downloads in web mode).
import { api } from '../../platform/api';
import { bytesToBase64 } from '../../platform/base64';
import { exportFileName, saveExport } from '../exports/output';
import { auskunftFileBase, type AuskunftFiles } from './generateAuskunft';

export interface SavedAuskunft {
  pdf: boolean;
  json: boolean;
}

export async function saveAuskunft(files: AuskunftFiles): Promise<SavedAuskunft> {
  const base = auskunftFileBase(files.records.generatedAt, files.records.personId);
  const pdf = await saveExport(files.pdf, exportFileName(base, 'pdf'), 'pdf');
  const json = await api.filesSaveAs({
    suggestedName: `${base}.json`,
    mimeType: 'application/json',
    data: bytesToBase64(new TextEncoder().encode(files.json)),
  });
  return { pdf, json: json.saved };
}
