// PDF bytes from a document definition, with pdfmake loaded on first use
// (it is large, and most screens never print). The same module runs in the
// browser (pdfmake's browser build, also inside the export worker) and in
// Node for tests and the bench (pdfmake's server build): the bundler picks
// the build, this module only feeds the fonts and locks resource access.
import type RobotoContainer from 'pdfmake/build/fonts/Roboto.js';
import type { PdfDocDefinition } from '../../../shared/reports/pdfTypes';

interface CreatedPdf {
  getBuffer(): Promise<Uint8Array>;
}

/** The part of pdfmake's API we use, valid for the browser and the server build. */
interface PdfMakeRuntime {
  createPdf(doc: unknown, options?: Record<string, unknown>): CreatedPdf;
  addFonts(fonts: unknown): void;
  setProgressCallback?: (cb: ((progress: number) => void) | undefined) => void;
  /** Browser build. */
  addVirtualFileSystem?: (vfs: Record<string, unknown>) => void;
  /** Server build. */
  virtualfs?: { writeFileSync(name: string, data: string, encoding: string): void };
  setUrlAccessPolicy?: (cb: (url: string) => boolean) => void;
  setLocalAccessPolicy?: (cb: (path: string) => boolean) => void;
}

let loading: Promise<PdfMakeRuntime> | null = null;

async function load(): Promise<PdfMakeRuntime> {
  const [pdfMod, fontMod] = await Promise.all([import('pdfmake'), import('pdfmake/build/fonts/Roboto.js')]);
  const pdfMake = ((pdfMod as { default?: unknown }).default ?? pdfMod) as PdfMakeRuntime;
  const fonts = ((fontMod as { default?: unknown }).default ?? fontMod) as typeof RobotoContainer;
  if (pdfMake.addVirtualFileSystem) {
    pdfMake.addVirtualFileSystem(fonts.vfs);
  } else if (pdfMake.virtualfs) {
    for (const [name, entry] of Object.entries(fonts.vfs)) {
      const data = typeof entry === 'string' ? entry : entry.data;
      pdfMake.virtualfs.writeFileSync(name, data, 'base64');
    }
  }
  pdfMake.addFonts(fonts.fonts);
  // Documents are built from our own data: never fetch a URL or read a local file
  // (images are embedded as data: URLs, which both policies allow).
  pdfMake.setUrlAccessPolicy?.(() => false);
  pdfMake.setLocalAccessPolicy?.(() => false);
  return pdfMake;
}

export function loadPdfMake(): Promise<PdfMakeRuntime> {
  loading ??= load().catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

/**
 * Renders a document definition to PDF bytes. `onRenderProgress` receives
 * 0..1 while pages are written (pdfmake reports no progress while it lays
 * out the document).
 */
export async function renderPdf(doc: PdfDocDefinition, onRenderProgress?: (fraction: number) => void): Promise<Uint8Array> {
  const pdfMake = await loadPdfMake();
  pdfMake.setProgressCallback?.(onRenderProgress);
  try {
    const bytes = await pdfMake.createPdf(doc).getBuffer();
    // Buffer (Node) and the browser build's Buffer polyfill are Uint8Array views; normalise.
    return bytes instanceof Uint8Array && bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } finally {
    pdfMake.setProgressCallback?.(undefined);
  }
}
