// Resolves a path that came from the renderer (relative to the shared folder,
// forward slashes) to an absolute path that is guaranteed to lie inside the
// root. Everything suspicious is refused rather than "cleaned up": a
// legitimate caller never sends `..`, backslashes or encoded separators.
import path from 'node:path';
import { realpath, lstat } from 'node:fs/promises';
import { QuartierError } from '../ipc/errors';

const MAX_RELATIVE_LENGTH = 512;
/** Windows device names that open a device instead of a file, in any folder. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const CONTROL_CHARS_GLOBAL = new RegExp(CONTROL_CHARS.source, 'g');
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

function reject(relative: string, why: string): never {
  const shown = relative.length > 80 ? `${relative.slice(0, 80)}…` : relative;
  // Control characters would garble the message; show them escaped.
  const printable = shown.replace(CONTROL_CHARS_GLOBAL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  throw new QuartierError('path-rejected', `Pfad „${printable}“ abgelehnt: ${why}`);
}

/** Checks one relative path and returns its segments; throws QuartierError('path-rejected'). */
export function checkRelativePath(relative: string): string[] {
  if (typeof relative !== 'string') reject(String(relative), 'kein Text.');
  if (relative === '') return [];
  if (relative.length > MAX_RELATIVE_LENGTH) reject(relative, 'zu lang.');
  if (CONTROL_CHARS.test(relative)) reject(relative, 'enthält Steuerzeichen.');
  if (relative.includes('\\')) reject(relative, 'Rückwärtsschrägstriche sind nicht erlaubt (nur „/“ als Trenner).');
  if (/%[0-9a-f]{2}/i.test(relative)) reject(relative, 'kodierte Zeichen (%xx) sind nicht erlaubt.');
  if (relative.startsWith('/')) reject(relative, 'absolute Pfade sind nicht erlaubt.');
  if (/^[a-z]:/i.test(relative) || relative.includes(':')) reject(relative, 'Laufwerksangaben und „:“ sind nicht erlaubt.');
  if (/[<>"|?*]/.test(relative)) reject(relative, 'enthält Zeichen, die unter Windows nicht erlaubt sind.');
  const segments = relative.split('/');
  for (const segment of segments) {
    if (segment === '') reject(relative, 'leere Pfadteile („//“ oder „/“ am Ende) sind nicht erlaubt.');
    if (segment === '.' || segment === '..') reject(relative, '„.“ und „..“ sind nicht erlaubt.');
    if (/[. ]$/.test(segment)) reject(relative, 'Namen dürfen nicht mit Punkt oder Leerzeichen enden.');
    if (WINDOWS_DEVICE.test(segment)) reject(relative, `„${segment}“ ist unter Windows ein reservierter Gerätename.`);
  }
  return segments;
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Lexical check: returns the absolute path of `relative` inside `root`.
 * An empty `relative` means the root itself. Does not touch the disk; use
 * resolveInsideRootReal before reading or writing to also defeat symlinks.
 */
export function resolveInsideRoot(root: string, relative: string): string {
  if (!path.isAbsolute(root)) throw new QuartierError('path-rejected', 'Der Austauschordner muss als absoluter Pfad angegeben sein.');
  const segments = checkRelativePath(relative);
  const base = path.resolve(root);
  const resolved = path.resolve(base, ...segments);
  // Belt and braces: the checks above already exclude every way out.
  if (!isInside(base, resolved)) reject(relative, 'liegt außerhalb des Austauschordners.');
  return resolved;
}

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** File system calls the real-path check needs (injectable for tests). */
export interface RealpathFs {
  realpath(p: string): Promise<string>;
  lstat(p: string): Promise<unknown>;
}

const nodeRealpathFs: RealpathFs = { realpath: (p) => realpath(p), lstat: (p) => lstat(p) };

/**
 * Like resolveInsideRoot, and additionally resolves symlinks: the longest
 * prefix of the path that exists on disk is realpath'd and must still lie
 * inside the (realpath'd) root. The remaining, not yet existing segments
 * are plain names (checked above), so they cannot leave the root either.
 * Returns the path with the existing prefix replaced by its real path.
 */
export async function resolveInsideRootReal(root: string, relative: string, fsPort: RealpathFs = nodeRealpathFs): Promise<string> {
  const lexical = resolveInsideRoot(root, relative);
  let realRoot: string;
  try {
    realRoot = await fsPort.realpath(path.resolve(root));
  } catch (error) {
    if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') {
      throw new QuartierError('share-offline', `Der Austauschordner „${root}“ ist nicht erreichbar.`);
    }
    throw error;
  }
  const segments = checkRelativePath(relative);
  // Walk from the full path up to the root until something exists.
  for (let keep = segments.length; keep >= 0; keep--) {
    const prefix = path.join(path.resolve(root), ...segments.slice(0, keep));
    try {
      await fsPort.lstat(prefix);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') continue;
      throw error;
    }
    let realPrefix: string;
    try {
      realPrefix = await fsPort.realpath(prefix);
    } catch (error) {
      // A dangling symlink: its target does not exist, so we cannot prove it stays inside.
      if (errnoCode(error) === 'ENOENT') reject(relative, 'verweist über eine Verknüpfung ins Leere.');
      throw error;
    }
    if (!isInside(realRoot, realPrefix)) reject(relative, 'führt über eine Verknüpfung aus dem Austauschordner hinaus.');
    return path.join(realPrefix, ...segments.slice(keep));
  }
  // Unreachable in practice (the root exists, see above); stay on the safe lexical result.
  return lexical;
}
