// The Electron implementation of the DialogPort: native save dialog and
// handing PDFs to the system viewer for printing.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeFile, rename, unlink } from 'node:fs/promises';
import { app, dialog, shell, type BrowserWindow } from 'electron';
import type { DialogPort } from '../handlers/dialog-port';
import { QuartierError } from '../ipc/errors';

const FILTERS: Readonly<Record<string, { name: string; extensions: string[] }>> = {
  'application/pdf': { name: 'PDF-Dokument', extensions: ['pdf'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { name: 'Excel-Arbeitsmappe', extensions: ['xlsx'] },
  'text/csv': { name: 'CSV-Datei', extensions: ['csv'] },
  'application/json': { name: 'JSON-Datei', extensions: ['json'] },
  'application/zip': { name: 'ZIP-Archiv', extensions: ['zip'] },
};

/** A file name from the renderer, stripped of anything that could act as a path. */
export function safeFileName(name: string): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
    .slice(0, 200);
  return cleaned === '' ? 'Quartier-Export' : cleaned;
}

async function writeAtomically(target: string, data: Uint8Array): Promise<void> {
  const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, data, { flush: true });
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

export function electronDialogs(getWindow: () => BrowserWindow | null): DialogPort {
  return {
    async saveAs(suggestedName, mimeType, data) {
      const window = getWindow();
      const filter = FILTERS[mimeType];
      const options = {
        title: 'Speichern unter',
        defaultPath: path.join(app.getPath('documents'), safeFileName(suggestedName)),
        filters: filter ? [filter, { name: 'Alle Dateien', extensions: ['*'] }] : [{ name: 'Alle Dateien', extensions: ['*'] }],
      };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      try {
        await writeAtomically(result.filePath, data);
      } catch (error) {
        throw new QuartierError('io-failed', `Die Datei „${path.basename(result.filePath)}“ konnte nicht gespeichert werden.`, { cause: error });
      }
      return result.filePath;
    },

    /**
     * Chromium's built-in PDF viewer cannot be printed from reliably in a
     * hidden window, so the PDF goes to the system's PDF viewer, where the
     * user prints with the printer dialog they know.
     */
    async printPdf(data) {
      const file = path.join(app.getPath('temp'), `Quartier-Druck-${randomBytes(4).toString('hex')}.pdf`);
      await writeFile(file, data);
      const error = await shell.openPath(file);
      if (error !== '') throw new QuartierError('io-failed', `Das PDF konnte nicht zum Drucken geöffnet werden: ${error}`);
      return true;
    },
  };
}
