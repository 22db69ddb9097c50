// Web mode does "save as" and "print" in the browser: a download through an
// <a download> link, and printing from a hidden iframe showing the PDF.
import { base64ToBytes } from './base64';

export function downloadFile(doc: Document, suggestedName: string, mimeType: string, data: string): void {
  const blob = new Blob([base64ToBytes(data)], { type: mimeType || 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = suggestedName;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the blob once click() returned; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const PRINT_FRAME_ID = 'quartier-print-frame';
const LOAD_TIMEOUT_MS = 20_000;

/** Loads the PDF into a hidden iframe and opens the browser's print dialog for it. */
export function printPdfInFrame(doc: Document, data: string): Promise<boolean> {
  doc.getElementById(PRINT_FRAME_ID)?.remove();
  const url = URL.createObjectURL(new Blob([base64ToBytes(data)], { type: 'application/pdf' }));
  const frame = doc.createElement('iframe');
  frame.id = PRINT_FRAME_ID;
  frame.title = 'PDF-Druck';
  frame.setAttribute('aria-hidden', 'true');
  // Off-screen rather than display:none: Chromium does not print hidden frames.
  Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '1px', height: '1px', border: '0', opacity: '0' });
  return new Promise<boolean>((resolve, reject) => {
    const timer = setTimeout(() => {
      frame.remove();
      URL.revokeObjectURL(url);
      reject(new Error('Das PDF konnte nicht zum Drucken geladen werden.'));
    }, LOAD_TIMEOUT_MS);
    frame.addEventListener('load', () => {
      clearTimeout(timer);
      const target = frame.contentWindow;
      if (!target) {
        reject(new Error('Das PDF konnte nicht zum Drucken geöffnet werden.'));
        return;
      }
      target.focus();
      target.print();
      // The frame stays until the next print or page unload: removing it while the
      // print dialog is open would cancel printing in some browsers.
      resolve(true);
    });
    frame.src = url;
    doc.body.appendChild(frame);
  });
}
