// Resolves and reads files of the renderer bundle (dist/renderer) for the
// web-mode server and the app:// protocol. Both map a URL path to a file with
// the same checks: decoded once, no traversal, no symlink escape.
import path from 'node:path';
import { readFile, stat } from 'node:fs/promises';
import { resolveInsideRootReal } from '../security/paths';
import { mimeTypeFor } from './mime';
import { errnoCode } from '../share/fs-port';

export type StaticResult =
  | { kind: 'file'; body: Uint8Array; contentType: string }
  | { kind: 'not-found' }
  | { kind: 'rejected' }
  | { kind: 'not-built' };

/** Maps a URL pathname ('/assets/x.js') to a relative file path; null when it cannot be decoded. */
export function relativeFromUrlPath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const relative = decoded.replace(/^\/+/, '');
  return relative === '' ? 'index.html' : relative;
}

export async function readStaticFile(rendererDir: string, pathname: string): Promise<StaticResult> {
  const relative = relativeFromUrlPath(pathname);
  if (relative === null) return { kind: 'rejected' };
  try {
    const index = await stat(path.join(rendererDir, 'index.html'));
    if (!index.isFile()) return { kind: 'not-built' };
  } catch {
    return { kind: 'not-built' };
  }
  let file: string;
  try {
    file = await resolveInsideRootReal(rendererDir, relative);
  } catch {
    return { kind: 'rejected' };
  }
  try {
    const body = await readFile(file);
    return { kind: 'file', body, contentType: mimeTypeFor(file) };
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return { kind: 'not-found' };
    throw error;
  }
}

/** Shown when dist/renderer does not exist yet (main side built, UI not). */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Quartier – Oberfläche fehlt</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>Die Oberfläche von Quartier ist noch nicht gebaut</h1>
<p>Der Dienst läuft, aber der Ordner <code>dist/renderer</code> fehlt. Bitte im Projektordner
<code>npm run build</code> ausführen (oder gleich <code>npm run web</code>) und diese Seite neu laden.</p>
<p lang="en">The user interface has not been built yet. Run <code>npm run build</code> and reload.</p>
</body></html>
`;
