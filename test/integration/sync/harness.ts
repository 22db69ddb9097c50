// Simulated laptops for sync tests: each has its own fake-indexeddb database
// (separate name), the real repository write path, and a SyncEngine on ONE
// real temporary folder reached through H1's ShareFolder with a
// fault-injecting file system underneath.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nodeShareFs, type ShareFs, type DirEntryLike } from '../../../electron/share/fs-port';
import { ShareFolder } from '../../../electron/share/folder';
import { ENTITY_TABLES } from '../../../shared/domain/model';
import { canonicalJson, stableHash } from '../../../shared/sync/hash';
import type { ShareFolderPort } from '../../../shared/sync/port';
import { QuartierDb } from '../../../renderer/db/db';
import { runOperation, type Writer } from '../../../renderer/db/repository';
import { getDeviceId } from '../../../renderer/db/settings';
import { listConflicts } from '../../../renderer/sync/apply';
import { SyncEngine, type SyncEngineOptions, type SyncReport } from '../../../renderer/sync/engine';
import { ADMIN } from '../../support/actors';

export const TEST_PASSPHRASE = 'Kreis-Geheimnis 2026!';
/** Low PBKDF2 cost for tests only; production uses 600,000. */
export const TEST_ITERATIONS = 1000;

function errno(code: string, what: string): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(`${code}: injected (${what})`);
  e.code = code;
  return e;
}

/** Faults that can be switched on and off while laptops sync. */
export class Faults {
  /** Codes the next renames fail with, one per call. */
  renameFailures: string[] = [];
  /** The share is gone (unmounted / network dropped). */
  vanished = false;
  /** Vanish after this many more file reads (mid-sync). */
  vanishAfterReads: number | null = null;
  /** Writes fail with ENOSPC. */
  outOfSpace = false;
  /** Newly appearing files stay invisible in listings for this many listings. */
  staleListings = 0;
  private readonly hiddenFor = new Map<string, number>();
  private readonly seen = new Set<string>();

  fs(): ShareFs {
    const gone = (p: string) => {
      if (this.vanished) throw errno('ENOENT', p);
    };
    return {
      ...nodeShareFs,
      stat: async (p) => (gone(p), nodeShareFs.stat(p)),
      access: async (p, m) => (gone(p), nodeShareFs.access(p, m)),
      readdir: async (p) => {
        gone(p);
        const list = await nodeShareFs.readdir(p);
        return list.filter((d: DirEntryLike) => this.visible(path.join(p, d.name), d.isDirectory()));
      },
      readFile: async (p) => {
        gone(p);
        if (this.vanishAfterReads !== null) {
          if (this.vanishAfterReads <= 0) {
            this.vanished = true;
            throw errno('ENOENT', p);
          }
          this.vanishAfterReads--;
        }
        return nodeShareFs.readFile(p);
      },
      open: async (p, flags) => {
        gone(p);
        const h = await nodeShareFs.open(p, flags);
        if (flags === 'wx' && this.outOfSpace) {
          return {
            writeFile: () => Promise.reject(errno('ENOSPC', p)),
            sync: () => h.sync(),
            close: () => h.close(),
          };
        }
        return h;
      },
      rename: async (a, b) => {
        gone(b);
        const code = this.renameFailures.shift();
        if (code) throw errno(code, b);
        return nodeShareFs.rename(a, b);
      },
    };
  }

  private visible(p: string, dir: boolean): boolean {
    if (dir || this.staleListings <= 0) return true;
    if (this.seen.has(p)) return true;
    const left = this.hiddenFor.get(p) ?? this.staleListings;
    if (left <= 0) {
      this.seen.add(p);
      return true;
    }
    this.hiddenFor.set(p, left - 1);
    return false;
  }
}

export class NodeSharePort implements ShareFolderPort {
  readonly folder: ShareFolder;
  constructor(root: string, fs: ShareFs = nodeShareFs) {
    this.folder = new ShareFolder(() => root, { fs, retry: { attempts: 4, baseDelayMs: 1 }, sleep: () => Promise.resolve() });
  }
  status() {
    return this.folder.status();
  }
  list(dir: string) {
    return this.folder.list(dir);
  }
  read(p: string) {
    return this.folder.read(p);
  }
  write(p: string, data: Uint8Array) {
    return this.folder.write(p, data);
  }
  delete(p: string) {
    return this.folder.delete(p);
  }
}

export function tempShare(): { root: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'quartier-sync-'));
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

let dbCounter = 0;

export interface LaptopOptions extends Partial<SyncEngineOptions> {
  /** Clock offset of this laptop in ms (skew tests). */
  offsetMs?: number;
  passphrase?: string;
  dbName?: string;
}

export class Laptop {
  offsetMs: number;
  passphrase: string;
  engine: SyncEngine;
  lastReport: SyncReport | null = null;

  private constructor(
    readonly name: string,
    readonly db: QuartierDb,
    port: ShareFolderPort,
    o: LaptopOptions,
  ) {
    this.offsetMs = o.offsetMs ?? 0;
    this.passphrase = o.passphrase ?? TEST_PASSPHRASE;
    this.engine = new SyncEngine({
      db,
      port,
      getPassphrase: () => this.passphrase,
      getDeviceName: () => this.name,
      kdfIterations: TEST_ITERATIONS,
      minKdfIterations: TEST_ITERATIONS,
      now: () => Date.now() + this.offsetMs,
      ...o,
    });
  }

  static async open(name: string, port: ShareFolderPort, o: LaptopOptions = {}): Promise<Laptop> {
    const db = new QuartierDb(o.dbName ?? `laptop-${name}-${++dbCounter}-${Math.random().toString(36).slice(2)}`);
    await db.open();
    return new Laptop(name, db, port, o);
  }

  async deviceId(): Promise<string> {
    return getDeviceId(this.db);
  }

  async write(operation: string, body: (w: Writer) => Promise<void>): Promise<void> {
    const deviceId = await this.deviceId();
    await runOperation(this.db, { user: this.name, deviceId, actor: ADMIN, now: () => new Date(Date.now() + this.offsetMs) }, operation, body);
  }

  async sync(options?: { snapshot?: boolean }): Promise<SyncReport> {
    this.lastReport = await this.engine.sync(options);
    return this.lastReport;
  }

  async conflicts() {
    return listConflicts(this.db);
  }

  async conflictIds(): Promise<string[]> {
    return (await this.conflicts()).map((c) => c.id);
  }

  /** Hash of every synced table (null and absent fields count the same). */
  async stateHash(): Promise<string> {
    return stableHash(await this.stateText());
  }

  async stateText(): Promise<string> {
    const parts: string[] = [];
    for (const t of ENTITY_TABLES) {
      const rows = (await this.db.table(t).toArray()) as Record<string, unknown>[];
      rows.sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
      parts.push(`${t}:${canonicalJson(rows.map(dropNulls))}`);
    }
    return parts.join('\n');
  }

  async pendingCount(): Promise<number> {
    return (await this.db.outbox.toArray()).filter((e) => !e.shipped).length;
  }

  close(): void {
    this.db.close();
  }
}

function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = dropNulls(v);
    return out;
  }
  return value;
}

/** Syncs every laptop `rounds` times round-robin (enough for everyone to see everything). */
export async function syncAll(laptops: Laptop[], rounds = 2): Promise<SyncReport[]> {
  const reports: SyncReport[] = [];
  for (let r = 0; r < rounds; r++) for (const l of laptops) reports.push(await l.sync());
  return reports;
}
