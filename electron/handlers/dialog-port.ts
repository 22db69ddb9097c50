// Saving a file where the user chooses and printing a PDF need OS dialogs.
// The handlers reach them through this port: Electron provides the real one
// (electron/main/dialogs.ts); web mode does both in the browser instead, so
// its server uses `unsupportedDialogs`.
import { QuartierError } from '../ipc/errors';

export interface DialogPort {
  /** Asks where to save and writes the bytes; `null` when the user cancelled. */
  saveAs(suggestedName: string, mimeType: string, data: Uint8Array): Promise<string | null>;
  /** Hands the PDF to the system's printing; false when the user cancelled. */
  printPdf(data: Uint8Array): Promise<boolean>;
}

export const unsupportedDialogs: DialogPort = {
  saveAs: () =>
    Promise.reject(new QuartierError('not-supported', 'Speichern unter wird im Web-Modus vom Browser erledigt (Download), nicht vom Server.')),
  printPdf: () =>
    Promise.reject(new QuartierError('not-supported', 'Drucken wird im Web-Modus vom Browser erledigt, nicht vom Server.')),
};
