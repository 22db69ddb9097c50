// Access to the shared folder (the "Austauschordner", usually an SMB drive).
// Every path goes through resolveInsideRootReal; writes are atomic (temp name
// in the same folder, write, fsync, close, rename) and renames are retried,
// because on Windows antivirus and indexers briefly lock fresh files. A
// missing or unusable folder is reported as offline - never as an empty one,
// since "no files" would look to the sync like "everything was deleted".
import path from 'node:path';
import { constants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { ShareStatus } from './types';
import { QuartierError } from '../ipc/errors';
import { checkRelativePath, resolveInsideRootReal } from '../security/paths';
import { errnoCode, nodeShareFs, type ShareFs } from './fs-port';

export interface ShareEntryInfo {
  /** Relative to the share root, forward slashes. */
  path: string;
  size: number;
}

export interface RetryPolicy {
  /** Total attempts including the first one. */
  attempts: number;
  /** Delay before the 2nd attempt; doubles each time. */
  baseDelayMs: number;
}

export interface ShareFolderOptions {
  fs?: ShareFs;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
}

/** Suffix of in-progress temp files; listings hide them. */
export const TEMP_SUFFIX = '.quartier-tmp';
const RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES']);
const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 25 };
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function codeSuffix(error: unknown): string {
  const code = errnoCode(error);
  return code ? ` (${code})` : '';
}

export class ShareFolder {
  private readonly fs: ShareFs;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;

  /** `getRoot` is read on every call, so a changed setting applies at once. */
  constructor(
    private readonly getRoot: () => string,
    options: ShareFolderOptions = {},
  ) {
    this.fs = options.fs ?? nodeShareFs;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.sleep = options.sleep ?? defaultSleep;
  }

  get root(): string {
    return this.getRoot();
  }

  async status(): Promise<ShareStatus> {
    const root = this.getRoot();
    const offline = (reason: string): ShareStatus => ({ root, state: 'offline', reason });
    if (!path.isAbsolute(root)) return offline(`Der Austauschordner „${root}“ ist kein absoluter Pfad.`);
    let stat;
    try {
      stat = await this.fs.stat(root);
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        return offline(`Der Austauschordner „${root}“ wurde nicht gefunden. Ist das Netzlaufwerk verbunden?`);
      }
      if (code === 'EACCES' || code === 'EPERM') return offline(`Kein Zugriff auf den Austauschordner „${root}“${codeSuffix(error)}.`);
      return offline(`Der Austauschordner „${root}“ ist nicht erreichbar${codeSuffix(error)}.`);
    }
    if (!stat.isDirectory()) return offline(`„${root}“ ist kein Ordner.`);
    try {
      await this.fs.access(root, constants.R_OK | constants.W_OK);
    } catch (error) {
      return offline(`Der Austauschordner „${root}“ ist nicht les- oder beschreibbar${codeSuffix(error)}.`);
    }
    return { root, state: 'online' };
  }

  /** Throws QuartierError('share-offline') with the German reason unless the share is usable. */
  private async requireOnline(): Promise<string> {
    const status = await this.status();
    if (status.state === 'offline') throw new QuartierError('share-offline', status.reason ?? 'Der Austauschordner ist nicht erreichbar.');
    return status.root;
  }

  /**
   * Lists all files under `dir` (recursively; '' = whole share) with sizes.
   * Symlinks, temp files of unfinished writes and names the contract could
   * not address are left out. Offline → status offline and no entries.
   */
  async list(dir: string): Promise<{ status: ShareStatus; entries: ShareEntryInfo[] }> {
    const before = await this.status();
    if (before.state === 'offline') return { status: before, entries: [] };
    const start = await resolveInsideRootReal(before.root, dir, this.fs);
    const prefix = checkRelativePath(dir);
    const entries: ShareEntryInfo[] = [];
    let startStat;
    try {
      startStat = await this.fs.stat(start);
    } catch (error) {
      const code = errnoCode(error);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw this.ioError(`Der Ordner „${dir}“ konnte nicht gelesen werden`, error);
    }
    if (startStat && !startStat.isDirectory()) throw new QuartierError('path-rejected', `„${dir}“ ist kein Ordner.`);
    if (startStat) await this.walk(start, prefix, entries);
    // The share may have vanished while we listed (network drive dropped):
    // then the partial listing is worthless and must not look like a result.
    const after = await this.status();
    if (after.state === 'offline') return { status: after, entries: [] };
    entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { status: after, entries };
  }

  private async walk(absDir: string, relSegments: string[], out: ShareEntryInfo[]): Promise<void> {
    let children;
    try {
      children = await this.fs.readdir(absDir);
    } catch (error) {
      // A subfolder deleted while we walk is not an error; anything else is.
      if (errnoCode(error) === 'ENOENT' && relSegments.length > 0) return;
      throw this.ioError(`Der Ordner „${relSegments.join('/') || '/'}“ konnte nicht gelesen werden`, error);
    }
    for (const child of children) {
      if (child.isSymbolicLink()) continue;
      if (child.name.endsWith(TEMP_SUFFIX)) continue;
      const segments = [...relSegments, child.name];
      const rel = segments.join('/');
      try {
        checkRelativePath(rel);
      } catch {
        continue;
      }
      const abs = path.join(absDir, child.name);
      if (child.isDirectory()) {
        await this.walk(abs, segments, out);
      } else if (child.isFile()) {
        try {
          const stat = await this.fs.lstat(abs);
          out.push({ path: rel, size: stat.size });
        } catch (error) {
          if (errnoCode(error) !== 'ENOENT') throw this.ioError(`„${rel}“ konnte nicht gelesen werden`, error);
        }
      }
    }
  }

  async read(relative: string): Promise<Uint8Array> {
    const root = await this.requireOnline();
    const target = await resolveInsideRootReal(root, relative, this.fs);
    try {
      return await this.fs.readFile(target);
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new QuartierError('not-found', `Die Datei „${relative}“ gibt es im Austauschordner nicht.`);
      if (code === 'EISDIR') throw new QuartierError('path-rejected', `„${relative}“ ist ein Ordner, keine Datei.`);
      throw this.ioError(`Die Datei „${relative}“ konnte nicht gelesen werden`, error);
    }
  }

  /**
   * Writes atomically: readers see either the old file or the complete new
   * one, never a torn file under the final name, even if we crash midway.
   */
  async write(relative: string, data: Uint8Array): Promise<void> {
    const root = await this.requireOnline();
    if (relative === '') throw new QuartierError('path-rejected', 'Es wurde kein Dateiname angegeben.');
    const target = await resolveInsideRootReal(root, relative, this.fs);
    const dir = path.dirname(target);
    const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
    const failed = (error: unknown) => this.ioError(`Die Datei „${relative}“ konnte nicht im Austauschordner gespeichert werden`, error);
    try {
      await this.fs.mkdir(dir);
    } catch (error) {
      throw failed(error);
    }
    try {
      const handle = await this.fs.open(temp, 'wx');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.withRetry(() => this.fs.rename(temp, target));
    } catch (error) {
      await this.fs.unlink(temp).catch(() => undefined);
      throw failed(error);
    }
    await this.syncDirectory(dir);
  }

  /** Deletes a file; false when it was not there. */
  async delete(relative: string): Promise<boolean> {
    const root = await this.requireOnline();
    if (relative === '') throw new QuartierError('path-rejected', 'Es wurde kein Dateiname angegeben.');
    const target = await resolveInsideRootReal(root, relative, this.fs);
    try {
      await this.withRetry(() => this.fs.unlink(target));
      return true;
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT') return false;
      if (code === 'EISDIR') throw new QuartierError('path-rejected', `„${relative}“ ist ein Ordner, keine Datei.`);
      throw this.ioError(`Die Datei „${relative}“ konnte nicht gelöscht werden`, error);
    }
  }

  /** Retries transient Windows-style locks with exponential backoff. */
  private async withRetry(operation: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await operation();
        return;
      } catch (error) {
        const code = errnoCode(error);
        if (!code || !RETRYABLE.has(code) || attempt >= this.retry.attempts) throw error;
        await this.sleep(this.retry.baseDelayMs * 2 ** (attempt - 1));
      }
    }
  }

  /** Makes the rename itself durable on POSIX; Windows cannot open folders for fsync, so errors are ignored. */
  private async syncDirectory(dir: string): Promise<void> {
    if (process.platform === 'win32') return;
    try {
      const handle = await this.fs.open(dir, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      // Best effort only: the data itself was fsync'd before the rename.
    }
  }

  private ioError(what: string, error: unknown): QuartierError {
    if (error instanceof QuartierError) return error;
    const code = errnoCode(error);
    const hint =
      code === 'EACCES' || code === 'EPERM'
        ? ': Zugriff verweigert. Bitte Berechtigungen für den Austauschordner prüfen.'
        : code === 'EBUSY'
          ? ': Die Datei ist durch ein anderes Programm gesperrt.'
          : code === 'ENOSPC'
            ? ': Auf dem Laufwerk ist kein Platz mehr.'
            : '.';
    return new QuartierError('io-failed', `${what}${code ? ` (${code})` : ''}${hint}`, { cause: error });
  }
}
