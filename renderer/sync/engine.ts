// The sync orchestrator: one pass = check the share, unlock the key, register
// this laptop, detect a cloned identity, ingest and ship own changes, read
// and apply everyone else's, acknowledge, and occasionally snapshot and
// compact. It runs in the renderer (which owns IndexedDB) and reaches the
// folder through a ShareFolderPort. The rules it follows are in
// docs/sync-format.md; the merge itself is pure (shared/sync/merge.ts).
import type { Change, OutboxEntry } from '../../shared/sync/change';
import {
  createKeyring,
  decryptFile,
  DEFAULT_KDF_ITERATIONS,
  defaultCrypto,
  encryptFile,
  randomBytes,
  unlockKeyring,
  WrongPassphraseError,
  type CryptoPort,
  type KeyHandle,
} from '../../shared/sync/cipher';
import {
  ackFileName,
  FORMAT_FILE,
  FORMAT_NAME,
  FORMAT_VERSION,
  isDeviceId,
  logFileName,
  parseFormatFile,
  parseShareFile,
  regFileName,
  SHARE_ROOT,
  snapshotFileName,
  validateAckPayload,
  validateLogPayload,
  validateRegPayload,
  validateSnapshotPayload,
  vectorCovers,
  type AckPayload,
  type FormatFile,
  type LogPayload,
  type RegPayload,
  type SeqVector,
  type ShareFile,
  type SnapshotPayload,
} from '../../shared/sync/format';
import { ShareOfflineError, type ShareFolderPort } from '../../shared/sync/port';
import { bytesToJson, jsonToBytes } from '../../shared/sync/text';
import type { QuartierDb } from '../db/db';
import { lastOutboxSeq, SYNC_KEYS, writeScope } from '../db/repository';
import { getDeviceId } from '../db/settings';
import { ingestAndApply, readVector, SK, type FlaggedChange } from './apply';
import { buildSnapshot, loadSnapshot, resetSyncedState } from './snapshot';
import { markSnapshotWritten, pendingPurge, purgeShare, type PurgeReport, type PurgeShareContext } from './purge';

export type SyncPhase = 'connecting' | 'shipping' | 'reading' | 'applying' | 'snapshot' | 'done';

export interface SyncProgress {
  phase: SyncPhase;
  done: number;
  total: number;
}

export interface QuarantineEntry {
  path: string;
  size: number;
  reason: string;
  at: string;
}

/**
 * Thrown when no organisation passphrase is set yet. That is a setup step, not
 * a failure: the app shows "Sync nicht eingerichtet", not a red error.
 */
export class SyncNotConfiguredError extends Error {
  constructor() {
    super('Bitte zuerst das Passwort der Organisation in den Sync-Einstellungen eingeben.');
    this.name = 'SyncNotConfiguredError';
  }
}

export interface SyncReport {
  /** 'unconfigured': no passphrase yet; nothing was read or written. */
  state: 'ok' | 'offline' | 'error' | 'unconfigured';
  message?: string;
  shipped: number;
  applied: number;
  ingested: number;
  /** Files newly set aside in this pass. */
  quarantined: QuarantineEntry[];
  flagged: FlaggedChange[];
  /** Devices whose next file is missing (stale listing or still being written). */
  waitingFor: string[];
  forked?: { from: string; to: string };
  /** Set when another laptop retired this one: the pass stopped and wrote nothing. */
  retired?: boolean;
  snapshotWritten?: string;
  compacted: number;
  /** Set when this pass purged the share after a retention run (renderer/sync/purge.ts). */
  purge?: PurgeReport;
}

/**
 * A retirement registration (`devices/<retired id>/<n>.reg`, n > 1, written
 * by another laptop). The extra fields are informational; readers decide on
 * `retired: true` alone.
 */
export interface RetirementPayload extends RegPayload {
  retired: true;
  retiredBy: string;
  retiredAt: string;
  /** Free text from the dialog (why the laptop is gone). Encrypted like everything else. */
  reason: string;
}

/** A laptop registered on the share, as the "Geräte" list shows it. */
export interface SyncDeviceInfo {
  deviceId: string;
  /** Empty when the registration could not be read. */
  deviceName: string;
  registeredAt?: string;
  /** Time of its newest acknowledgement on the share (its last successful sync). */
  lastAckAt?: string;
  isSelf: boolean;
  retired?: { at?: string; by?: string; reason?: string };
}

/** This laptop was retired by another one; it must not write to the share any more. */
export class DeviceRetiredError extends Error {
  constructor() {
    super(
      'Dieses Gerät wurde von einem anderen Laptop im Austauschordner abgemeldet und kann nicht mehr synchronisieren. ' +
        'Es wurde nichts geschrieben; noch nicht übertragene Änderungen bleiben auf diesem Laptop. Unter „Geräte“ kann es neu angemeldet werden.',
    );
    this.name = 'DeviceRetiredError';
  }
}

/** Highest `n` of a retirement file; `n` is random so two laptops retiring the same device at once write two files. */
const RETIREMENT_N_SPAN = 999_999_999_998;
const REASON_MAX = 500;

export interface SyncInfo {
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  lastState?: SyncReport['state'];
  lastMessage?: string;
}

export interface SyncEngineOptions {
  db: QuartierDb;
  port: ShareFolderPort;
  getPassphrase: () => string | null | Promise<string | null>;
  getDeviceName?: () => string | Promise<string>;
  crypto?: CryptoPort;
  /** PBKDF2 iterations for a NEW share. */
  kdfIterations?: number;
  /** Lowest accepted iteration count when opening a share. */
  minKdfIterations?: number;
  /** Changes per log file. */
  fileBatch?: number;
  /** Remote changes per IndexedDB transaction. */
  applyBatch?: number;
  /** Write an own snapshot after this many changes applied since the last one (0 = never automatically). */
  snapshotEvery?: number;
  now?: () => number;
  maxDriftMs?: number;
  onProgress?: (p: SyncProgress) => void;
}

export const SYNC_STATE = {
  info: 'sync:info',
  shareSalt: 'sync:shareSalt',
  ackN: 'sync:ackN',
  lastAck: 'sync:lastAck',
  sinceSnapshot: 'sync:sinceSnapshot',
  mySnapshots: 'sync:mySnapshots',
  quarantinePrefix: 'quarantine:',
} as const;

const DEFAULT_FILE_BATCH = 500;
const DEFAULT_APPLY_BATCH = 2000;

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export class SyncEngine {
  private readonly c: CryptoPort;
  private key: { salt: string; passphrase: string; handle: KeyHandle } | null = null;
  private running: Promise<SyncReport> | null = null;

  constructor(private readonly o: SyncEngineOptions) {
    this.c = o.crypto ?? defaultCrypto();
  }

  private get db(): QuartierDb {
    return this.o.db;
  }

  private now(): number {
    return (this.o.now ?? Date.now)();
  }

  private progress(phase: SyncPhase, done = 0, total = 0): void {
    this.o.onProgress?.({ phase, done, total });
  }

  /** Runs one pass; concurrent callers share the running pass. */
  sync(options: { snapshot?: boolean } = {}): Promise<SyncReport> {
    this.running ??= this.pass(options).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * Checks the share and the passphrase without writing anything (settings
   * screen, and warm-up in benchmarks). Throws the German reason.
   */
  async checkPassphrase(): Promise<void> {
    const status = await this.o.port.status();
    if (status.state === 'offline') throw new ShareOfflineError(status.reason ?? 'Der Austauschordner ist nicht erreichbar.');
    const listing = await this.o.port.list(SHARE_ROOT);
    if (!listing.entries.some((e) => e.path === FORMAT_FILE)) throw new Error('Im Austauschordner ist noch keine Quartier-Synchronisation eingerichtet.');
    await this.unlock(listing.entries.length);
  }

  /** Status, listing and key for the device list and retirement; throws the German reason when offline. */
  private async openShare(): Promise<{ key: KeyHandle; files: ShareFile[]; sizes: Map<string, number> }> {
    const status = await this.o.port.status();
    if (status.state === 'offline') throw new ShareOfflineError(status.reason ?? 'Der Austauschordner ist nicht erreichbar.');
    const listing = await this.o.port.list(SHARE_ROOT);
    if (listing.status.state === 'offline') throw new ShareOfflineError(listing.status.reason ?? 'Der Austauschordner ist nicht erreichbar.');
    if (!listing.entries.some((e) => e.path === FORMAT_FILE)) throw new Error('Im Austauschordner ist noch keine Quartier-Synchronisation eingerichtet.');
    const key = await this.unlock(listing.entries.length);
    const sizes = new Map(listing.entries.map((e) => [e.path, e.size]));
    const files = listing.entries.map((e) => parseShareFile(e.path)).filter((f): f is ShareFile => f !== null);
    return { key, files, sizes };
  }

  /** The laptops registered on the share, this one first, then by name. Reads only. */
  async listDevices(): Promise<SyncDeviceInfo[]> {
    await this.running?.catch(() => undefined);
    const { key, files, sizes } = await this.openShare();
    const me = await getDeviceId(this.db);
    const retired = await this.retirements(key, files, sizes);
    const ids = [...new Set(files.filter((f) => f.kind === 'reg').map((f) => f.deviceId))];
    const out: SyncDeviceInfo[] = [];
    for (const id of ids) {
      const first = files.find((f): f is Extract<ShareFile, { kind: 'reg' }> => f.kind === 'reg' && f.deviceId === id && f.n === 1);
      const reg = first ? await this.readChecked(first, key, sizes, emptyReport(), (v) => validateRegPayload(v, first)) : null;
      const newestAck = files
        .filter((f): f is Extract<ShareFile, { kind: 'ack' }> => f.kind === 'ack' && f.deviceId === id)
        .sort((a, b) => b.n - a.n)[0];
      const ack = newestAck ? await this.readChecked(newestAck, key, sizes, emptyReport(), (v) => validateAckPayload(v, newestAck)) : null;
      const info: SyncDeviceInfo = { deviceId: id, deviceName: reg?.deviceName ?? '', isSelf: id === me };
      if (reg?.registeredAt) info.registeredAt = reg.registeredAt;
      if (ack?.at) info.lastAckAt = ack.at;
      const r = retired.get(id);
      if (r) {
        info.retired = {};
        if (typeof r.retiredAt === 'string') info.retired.at = r.retiredAt;
        if (typeof r.retiredBy === 'string') info.retired.by = r.retiredBy;
        if (typeof r.reason === 'string') info.retired.reason = r.reason;
      }
      out.push(info);
    }
    return out.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.deviceName.localeCompare(b.deviceName, 'de') || (a.deviceId < b.deviceId ? -1 : 1));
  }

  /**
   * Retires another laptop that is gone for good (stolen, scrapped): writes
   * a retirement registration under a new random name in its devices folder.
   * From then on compaction no longer waits for its acknowledgements, and
   * the laptop itself, should it come back, stops syncing and writes
   * nothing. Refuses this laptop and ids not registered on the share (German
   * message, nothing written). Retiring an already retired laptop writes
   * nothing and returns its existing retirement.
   */
  async retireDevice(deviceId: string, reason: string): Promise<{ path: string | null }> {
    await this.running?.catch(() => undefined);
    const me = await getDeviceId(this.db);
    if (deviceId === me) throw new Error('Dieses Gerät kann sich nicht selbst abmelden. Bitte an einem anderen Laptop abmelden. Es wurde nichts geschrieben.');
    if (!isDeviceId(deviceId)) throw new Error('Unbekanntes Gerät: Die Geräte-ID ist ungültig. Es wurde nichts geschrieben.');
    const { key, files, sizes } = await this.openShare();
    const first = files.find((f): f is Extract<ShareFile, { kind: 'reg' }> => f.kind === 'reg' && f.deviceId === deviceId && f.n === 1);
    if (!first) throw new Error(`Unbekanntes Gerät: ${deviceId.slice(0, 8)} ist im Austauschordner nicht angemeldet. Es wurde nichts geschrieben.`);
    const retired = await this.retirements(key, files, sizes);
    if (retired.has(me)) throw new DeviceRetiredError();
    if (retired.has(deviceId)) return { path: null };
    const reg = await this.readChecked(first, key, sizes, emptyReport(), (v) => validateRegPayload(v, first));
    const taken = new Set(files.map((f) => f.path));
    let path: string;
    do {
      const bytes = randomBytes(this.c, 5);
      const r = bytes.reduce((n, b) => n * 256 + b, 0);
      path = regFileName(deviceId, 2 + (r % RETIREMENT_N_SPAN));
    } while (taken.has(path));
    const payload: RetirementPayload = {
      v: 1,
      deviceId,
      deviceName: reg?.deviceName ?? '',
      registeredAt: reg?.registeredAt ?? '',
      retired: true,
      retiredBy: me,
      retiredAt: new Date(this.now()).toISOString(),
      reason: reason.trim().slice(0, REASON_MAX),
    };
    await this.writeEncrypted(path, key, payload);
    return { path };
  }

  /**
   * Brings a retired laptop back under a NEW device id (the old id stays
   * retired; the others may have compacted files it never read):
   *   1. reads the newest readable snapshot (before changing anything);
   *   2. in ONE local transaction: renumbers the unshipped changes under the
   *      new id (already ingested ones keep what their user saw, and the first
   *      one depends on everything the old id shipped), replaces the synced
   *      local state by the snapshot, takes the new id;
   *   3. registers the new id and runs a pass, which re-ingests and ships the
   *      renumbered changes and reads the rest (including the old id's files
   *      the snapshot does not contain) like any other laptop's.
   * Refuses, writing nothing, when this laptop is not retired.
   */
  async reRegister(): Promise<{ from: string; to: string; reshipped: number; report: SyncReport }> {
    await this.running?.catch(() => undefined);
    const { key, files, sizes } = await this.openShare();
    const oldId = await getDeviceId(this.db);
    const retired = await this.retirements(key, files, sizes);
    if (!retired.has(oldId)) throw new Error('Dieses Gerät ist nicht abgemeldet und muss nicht neu angemeldet werden. Es wurde nichts geschrieben.');
    const report = emptyReport();
    let snap: SnapshotPayload | null = null;
    const snaps = files.filter((f): f is Extract<ShareFile, { kind: 'snapshot' }> => f.kind === 'snapshot').sort((a, b) => b.wallMs - a.wallMs || (a.path < b.path ? 1 : -1));
    for (const f of snaps) {
      this.progress('snapshot');
      snap = await this.readChecked<SnapshotPayload>(f, key, sizes, report, (v) => validateSnapshotPayload(v, f));
      if (snap) break;
    }
    // Give every own change its base and deps against the state its user saw
    // (the local one), before that state is replaced by the snapshot.
    await ingestAndApply(this.db, oldId, [], { nowMs: this.now(), ...(this.o.maxDriftMs ? { maxDriftMs: this.o.maxDriftMs } : {}) });
    const newId = globalThis.crypto.randomUUID();
    const db = this.db;
    let reshipped = 0;
    await db.transaction('rw', [...writeScope(db), db.settings], async () => {
      const vector = await readVector(db);
      const ingestedOld = vector[oldId] ?? 0;
      const entries = (await db.outbox.toArray()).sort((a, b) => a.seq - b.seq);
      const shippedMax = entries.filter((e) => e.shipped).reduce((m, e) => Math.max(m, e.seq), 0);
      const renumbered: OutboxEntry[] = entries
        .filter((e) => !e.shipped)
        .map((e, i) => {
          const seq = i + 1;
          const change: Change = { ...e.change, changeId: `${newId}:${seq}`, deviceId: newId, seq };
          // Readers must have the old id's shipped changes before these.
          if (i === 0 && shippedMax > 0) change.deps = { ...change.deps, [oldId]: Math.max(change.deps?.[oldId] ?? 0, shippedMax) };
          const entry: OutboxEntry = { seq, change, shipped: false };
          if (e.seq <= ingestedOld) entry.keepBase = true;
          return entry;
        });
      reshipped = renumbered.length;
      await db.outbox.clear();
      if (renumbered.length > 0) await db.outbox.bulkAdd(renumbered);
      await resetSyncedState(db);
      await db.syncState.put({ key: SYNC_KEYS.outboxSeq, value: renumbered.length });
      await db.settings.put({ key: 'deviceId', value: newId });
      if (snap) await loadSnapshot(db, snap);
    });
    await this.register(newId, key, { reregisteredFrom: oldId });
    const passReport = await this.sync();
    return { from: oldId, to: newId, reshipped, report: passReport };
  }

  private async pass(options: { snapshot?: boolean }): Promise<SyncReport> {
    const report: SyncReport = { state: 'ok', shipped: 0, applied: 0, ingested: 0, quarantined: [], flagged: [], waitingFor: [], compacted: 0 };
    const startedAt = new Date(this.now()).toISOString();
    try {
      await this.run(report, options);
    } catch (error) {
      const offline = error instanceof ShareOfflineError || (await this.o.port.status().then((s) => s.state === 'offline').catch(() => true));
      report.state = error instanceof SyncNotConfiguredError ? 'unconfigured' : error instanceof DeviceRetiredError ? 'error' : offline ? 'offline' : 'error';
      if (error instanceof DeviceRetiredError) report.retired = true;
      report.message = error instanceof Error ? error.message : String(error);
    }
    const info: SyncInfo = { lastAttemptAt: startedAt, lastState: report.state };
    if (report.message) info.lastMessage = report.message;
    const old = await this.getState<SyncInfo>(SYNC_STATE.info, {});
    info.lastSuccessAt = report.state === 'ok' ? new Date(this.now()).toISOString() : old.lastSuccessAt;
    if (!info.lastSuccessAt) delete info.lastSuccessAt;
    await this.db.syncState.put({ key: SYNC_STATE.info, value: info });
    this.progress('done');
    return report;
  }

  private async getState<T>(key: string, fallback: T): Promise<T> {
    const row = await this.db.syncState.get(key);
    return row === undefined ? fallback : (row.value as T);
  }

  private async run(report: SyncReport, options: { snapshot?: boolean }): Promise<void> {
    this.progress('connecting');
    const status = await this.o.port.status();
    if (status.state === 'offline') throw new ShareOfflineError(status.reason ?? 'Der Austauschordner ist nicht erreichbar.');
    const listing = await this.o.port.list(SHARE_ROOT);
    if (listing.status.state === 'offline') throw new ShareOfflineError(listing.status.reason ?? 'Der Austauschordner ist nicht erreichbar.');
    const sizes = new Map(listing.entries.map((e) => [e.path, e.size]));
    // Unknown names (foreign files, temp files) are ignored.
    const files = listing.entries.map((e) => parseShareFile(e.path)).filter((f): f is ShareFile => f !== null);

    const key = await this.unlock(listing.entries.length);
    let me = await getDeviceId(this.db);

    // A retired laptop writes nothing (no registration, no log, no ack): the
    // others may already have compacted files it never read, and its new
    // changes would reach nobody who expects them. They stay in its outbox.
    if ((await this.retirements(key, files, sizes)).has(me)) throw new DeviceRetiredError();

    if (!files.some((f) => f.kind === 'reg' && f.deviceId === me)) await this.register(me, key);

    const forkedTo = await this.checkIdentity(me, key, files, sizes, report);
    if (forkedTo) {
      report.forked = { from: me, to: forkedTo };
      me = forkedTo;
      await this.register(me, key, { forkedFrom: report.forked.from });
    }

    const ingest = await ingestAndApply(this.db, me, [], { nowMs: this.now(), ...(this.o.maxDriftMs ? { maxDriftMs: this.o.maxDriftMs } : {}) });
    report.ingested += ingest.ingested;

    await this.ship(me, key, report);
    await this.maybeLoadSnapshot(me, key, files, sizes, report);
    await this.pull(me, key, files, sizes, report);
    await this.acknowledge(me, key, files);

    const since = (await this.getState<number>(SYNC_STATE.sinceSnapshot, 0)) + report.applied + report.ingested;
    await this.db.syncState.put({ key: SYNC_STATE.sinceSnapshot, value: since });
    const every = this.o.snapshotEvery ?? 20_000;
    // After a retention run: a fresh (anonymised) snapshot first, then the purge of the share.
    let purge = await pendingPurge(this.db);
    if (options.snapshot || (purge !== null && !purge.snapshotWritten) || (every > 0 && since >= every)) {
      await this.writeSnapshot(me, key, files, report);
      if (purge) purge = await markSnapshotWritten(this.db, purge);
    }
    if (purge) report.purge = await purgeShare(await this.purgeContext(me, key, files, sizes), purge);
    report.compacted = await this.compact(me, key, files, sizes);
  }

  // -------------------------------------------------------------------------
  // Keys

  private async unlock(entryCount: number): Promise<KeyHandle> {
    const passphrase = await this.o.getPassphrase();
    if (!passphrase) throw new SyncNotConfiguredError();
    let format: FormatFile | null = null;
    try {
      format = parseFormatFile(bytesToJson(await this.o.port.read(FORMAT_FILE)));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    const knownSalt = await this.getState<string | null>(SYNC_STATE.shareSalt, null);
    if (!format) {
      // Never re-create the keyring of a share we know, or of one that has
      // data: a stale listing or a half-mounted drive must not split the
      // organisation into two keys.
      if (knownSalt) throw new ShareOfflineError('Im Austauschordner fehlt format.json. Ist das richtige Laufwerk verbunden? Es wurde nichts geschrieben.');
      if (entryCount > 0) throw new ShareOfflineError('Der Austauschordner enthält Quartier-Dateien, aber keine format.json. Es wurde nichts geschrieben.');
      const created = await createKeyring(this.c, passphrase, this.o.kdfIterations ?? DEFAULT_KDF_ITERATIONS);
      const file: FormatFile = { format: FORMAT_NAME, version: FORMAT_VERSION, createdAt: new Date(this.now()).toISOString(), kdf: created.kdf, wrappedKey: created.wrapped };
      await this.o.port.write(FORMAT_FILE, jsonToBytes(file));
      // Read back: if another laptop set up the share at the same moment, its file won.
      format = parseFormatFile(bytesToJson(await this.o.port.read(FORMAT_FILE)));
      if (format.kdf.salt === created.kdf.salt) {
        this.key = { salt: format.kdf.salt, passphrase, handle: created.key };
      }
    }
    if (knownSalt && knownSalt !== format.kdf.salt) {
      throw new ShareOfflineError('Der Austauschordner gehört zu einer anderen Einrichtung (anderer Schlüssel). Es wurde nichts geschrieben.');
    }
    const min = this.o.minKdfIterations ?? DEFAULT_KDF_ITERATIONS;
    if (format.kdf.iterations < min) throw new Error(`Die Schlüsselableitung im Austauschordner ist zu schwach (${format.kdf.iterations} Iterationen).`);
    if (!this.key || this.key.salt !== format.kdf.salt || this.key.passphrase !== passphrase) {
      this.key = null;
      const handle = await unlockKeyring(this.c, passphrase, format.kdf, format.wrappedKey);
      this.key = { salt: format.kdf.salt, passphrase, handle };
    }
    if (!knownSalt) await this.db.syncState.put({ key: SYNC_STATE.shareSalt, value: format.kdf.salt });
    return this.key.handle;
  }

  private async writeEncrypted(path: string, key: KeyHandle, value: unknown): Promise<void> {
    await this.o.port.write(path, await encryptFile(this.c, key, path, jsonToBytes(value)));
  }

  private async readEncrypted(path: string, key: KeyHandle): Promise<unknown> {
    const body = await this.o.port.read(path);
    return bytesToJson(await decryptFile(this.c, key, path, body));
  }

  private rand(): string {
    return hex(randomBytes(this.c, 4));
  }

  // -------------------------------------------------------------------------
  // Identity

  private async register(me: string, key: KeyHandle, origin: { forkedFrom?: string; reregisteredFrom?: string } = {}): Promise<void> {
    const name = (await this.o.getDeviceName?.()) ?? 'Laptop';
    const reg: RegPayload = { v: 1, deviceId: me, deviceName: name, registeredAt: new Date(this.now()).toISOString() };
    if (origin.forkedFrom) reg.forkedFrom = origin.forkedFrom;
    if (origin.reregisteredFrom) reg.reregisteredFrom = origin.reregisteredFrom;
    await this.writeEncrypted(regFileName(me, 1), key, reg);
  }

  /**
   * A restored disk image or a cloned laptop runs under a device id whose
   * history on the share differs from the local outbox. Then this laptop
   * takes a new id and re-ships its unshipped changes under it; the old
   * id's changes on the share are read like any other laptop's.
   * Returns the new id, or null when nothing is wrong.
   */
  private async checkIdentity(me: string, key: KeyHandle, files: ShareFile[], sizes: Map<string, number>, report: SyncReport): Promise<string | null> {
    const mine = files.filter((f): f is Extract<ShareFile, { kind: 'log' }> => f.kind === 'log' && f.deviceId === me).sort((a, b) => a.first - b.first);
    if (mine.length === 0) return null;
    const localMax = await lastOutboxSeq(this.db);
    const outbox = await this.db.outbox.toArray();
    const bySeq = new Map(outbox.map((e) => [e.seq, e]));
    const shipped = outbox.filter((e) => e.shipped).reduce((m, e) => Math.max(m, e.seq), 0);
    // Only files that may tell us something: beyond what we know we shipped.
    const toCheck = mine.filter((f) => f.last > shipped);
    let verifiedMax = shipped;
    let conflict = false;
    const confirm: number[] = [];
    for (const f of toCheck) {
      const payload = await this.readLog(f, key, sizes, report);
      if (!payload) continue;
      for (const c of payload.changes) {
        if (c.seq > localMax) {
          conflict = true;
          continue;
        }
        const local = bySeq.get(c.seq);
        if (local && local.change.hlc === c.hlc) {
          if (!local.shipped) confirm.push(c.seq);
          if (!conflict && c.seq === verifiedMax + 1) verifiedMax = c.seq;
        } else if (local || c.seq > shipped) {
          conflict = true;
        }
      }
    }
    if (!conflict) {
      // Crash after the rename but before marking: the file is there, mark it.
      if (confirm.length > 0) {
        await this.db.transaction('rw', this.db.outbox, async () => {
          for (const seq of confirm) await this.db.outbox.update(seq, { shipped: true });
        });
      }
      return null;
    }
    return this.fork(me, verifiedMax);
  }

  private async fork(oldId: string, verifiedMax: number): Promise<string> {
    const newId = globalThis.crypto.randomUUID();
    const db = this.db;
    await db.transaction('rw', [db.outbox, db.syncState, db.settings], async () => {
      const vector = { ...(await readVector(db)) };
      const ingestedOld = vector[oldId] ?? 0;
      const entries = (await db.outbox.toArray()).sort((a, b) => a.seq - b.seq);
      const keep = entries.filter((e) => e.seq > verifiedMax);
      const renumbered: OutboxEntry[] = keep.map((e, i) => {
        const seq = i + 1;
        const change: Change = { ...e.change, changeId: `${newId}:${seq}`, deviceId: newId, seq };
        return { seq, change, shipped: false };
      });
      await db.outbox.clear();
      if (renumbered.length > 0) await db.outbox.bulkAdd(renumbered);
      const ingestedNew = keep.filter((e) => e.seq <= ingestedOld).length;
      vector[oldId] = Math.min(verifiedMax, ingestedOld);
      if (ingestedNew > 0) vector[newId] = ingestedNew;
      await db.syncState.put({ key: SK.vector, value: vector });
      await db.syncState.put({ key: SYNC_KEYS.outboxSeq, value: renumbered.length });
      await db.settings.put({ key: 'deviceId', value: newId });
      await db.syncState.put({ key: SYNC_STATE.ackN, value: 0 });
    });
    return newId;
  }

  // -------------------------------------------------------------------------
  // Shipping

  private async ship(me: string, key: KeyHandle, report: SyncReport): Promise<void> {
    const pending = (await this.db.outbox.toArray()).filter((e) => !e.shipped).sort((a, b) => a.seq - b.seq);
    const batch = this.o.fileBatch ?? DEFAULT_FILE_BATCH;
    for (let i = 0; i < pending.length; i += batch) {
      this.progress('shipping', i, pending.length);
      const chunk = pending.slice(i, i + batch);
      const first = chunk[0]!.seq;
      const last = chunk[chunk.length - 1]!.seq;
      const payload: LogPayload = { v: 1, deviceId: me, first, last, changes: chunk.map((e) => e.change) };
      await this.writeEncrypted(logFileName(me, first, last, this.rand()), key, payload);
      await this.db.transaction('rw', this.db.outbox, async () => {
        for (const e of chunk) await this.db.outbox.update(e.seq, { shipped: true });
      });
      report.shipped += chunk.length;
    }
  }

  // -------------------------------------------------------------------------
  // Reading

  private async quarantine(path: string, size: number, reason: string, report: SyncReport): Promise<void> {
    const entry: QuarantineEntry = { path, size, reason, at: new Date(this.now()).toISOString() };
    await this.db.syncState.put({ key: SYNC_STATE.quarantinePrefix + path, value: entry });
    report.quarantined.push(entry);
  }

  /** True when the file was set aside before and has not changed size since (a retry would fail the same way). */
  private async isQuarantined(path: string, sizes: Map<string, number>): Promise<boolean> {
    const q = await this.getState<QuarantineEntry | null>(SYNC_STATE.quarantinePrefix + path, null);
    return q !== null && q.size === (sizes.get(path) ?? -1);
  }

  /**
   * Reads one encrypted file. Decryption or format errors quarantine it and
   * return null; I/O errors (share gone) propagate and end the pass.
   */
  private async readChecked<T>(f: ShareFile, key: KeyHandle, sizes: Map<string, number>, report: SyncReport, validate: (v: unknown) => T): Promise<T | null> {
    if (await this.isQuarantined(f.path, sizes)) return null;
    let body: Uint8Array;
    try {
      body = await this.o.port.read(f.path);
    } catch (error) {
      // Deleted by compaction between listing and reading: not an error.
      if (isNotFound(error)) return null;
      throw error;
    }
    try {
      return validate(bytesToJson(await decryptFile(this.c, key, f.path, body)));
    } catch (error) {
      await this.quarantine(f.path, body.length, error instanceof Error ? error.message : String(error), report);
      return null;
    }
  }

  private readLog(f: Extract<ShareFile, { kind: 'log' }>, key: KeyHandle, sizes: Map<string, number>, report: SyncReport): Promise<LogPayload | null> {
    return this.readChecked(f, key, sizes, report, (v) => validateLogPayload(v, f));
  }

  private async maybeLoadSnapshot(me: string, key: KeyHandle, files: ShareFile[], sizes: Map<string, number>, report: SyncReport): Promise<void> {
    const vector = await readVector(this.db);
    const knowsOthers = Object.keys(vector).some((d) => d !== me && (vector[d] ?? 0) > 0);
    if (knowsOthers || (await this.db.outbox.count()) > 0) return;
    const snaps = files.filter((f): f is Extract<ShareFile, { kind: 'snapshot' }> => f.kind === 'snapshot').sort((a, b) => b.wallMs - a.wallMs || (a.path < b.path ? 1 : -1));
    for (const f of snaps) {
      this.progress('snapshot');
      const snap = await this.readChecked<SnapshotPayload>(f, key, sizes, report, (v) => validateSnapshotPayload(v, f));
      if (!snap) continue;
      await loadSnapshot(this.db, snap);
      return;
    }
  }

  private async pull(me: string, key: KeyHandle, files: ShareFile[], sizes: Map<string, number>, report: SyncReport): Promise<void> {
    const vector = await readVector(this.db);
    const logs = new Map<string, Extract<ShareFile, { kind: 'log' }>[]>();
    for (const f of files) {
      if (f.kind !== 'log' || f.deviceId === me || f.last <= (vector[f.deviceId] ?? 0)) continue;
      let l = logs.get(f.deviceId);
      if (!l) logs.set(f.deviceId, (l = []));
      l.push(f);
    }
    // Per device: the contiguous run of new changes we can read now.
    const queues = new Map<string, Change[]>();
    const totalFiles = [...logs.values()].reduce((n, l) => n + l.length, 0);
    let readFiles = 0;
    for (const [dev, list] of logs) {
      list.sort((a, b) => a.first - b.first || b.last - a.last || (a.path < b.path ? -1 : 1));
      const queue: Change[] = [];
      let next = (vector[dev] ?? 0) + 1;
      const tried = new Set<string>();
      for (;;) {
        const candidate = list.find((f) => !tried.has(f.path) && f.first <= next && f.last >= next);
        if (!candidate) break;
        tried.add(candidate.path);
        this.progress('reading', ++readFiles, totalFiles);
        const payload = await this.readLog(candidate, key, sizes, report);
        if (!payload) continue;
        for (const c of payload.changes) {
          if (c.seq === next) {
            queue.push(c);
            next++;
          }
        }
      }
      // A file with later seqs exists but the next one is not visible (yet):
      // wait for it, never skip.
      if (list.some((f) => f.first > next)) report.waitingFor.push(dev);
      if (queue.length > 0) queues.set(dev, queue);
    }

    // Causal order: take changes from each device as far as their deps allow.
    const working = { ...vector };
    const ordered: Change[] = [];
    const heads = new Map<string, number>();
    let progress = true;
    while (progress) {
      progress = false;
      for (const [dev, queue] of queues) {
        let i = heads.get(dev) ?? 0;
        while (i < queue.length && vectorCovers(working, queue[i]!.deps, dev)) {
          const c = queue[i]!;
          ordered.push(c);
          working[dev] = c.seq;
          i++;
          progress = true;
        }
        heads.set(dev, i);
      }
    }
    const batch = this.o.applyBatch ?? DEFAULT_APPLY_BATCH;
    for (let i = 0; i < ordered.length; i += batch) {
      this.progress('applying', i, ordered.length);
      const out = await ingestAndApply(this.db, me, ordered.slice(i, i + batch), {
        nowMs: this.now(),
        ...(this.o.maxDriftMs ? { maxDriftMs: this.o.maxDriftMs } : {}),
      });
      report.applied += out.applied;
      report.ingested += out.ingested;
      report.flagged.push(...out.flagged);
    }
  }

  // -------------------------------------------------------------------------
  // Acks, snapshots, compaction

  private async acknowledge(me: string, key: KeyHandle, files: ShareFile[]): Promise<void> {
    const vector = await readVector(this.db);
    const last = await this.getState<SeqVector | null>(SYNC_STATE.lastAck, null);
    const mineOnShare = files.filter((f): f is Extract<ShareFile, { kind: 'ack' }> => f.kind === 'ack' && f.deviceId === me);
    if (last && JSON.stringify(last) === JSON.stringify(vector) && mineOnShare.length > 0) return;
    const n = Math.max(await this.getState<number>(SYNC_STATE.ackN, 0), ...mineOnShare.map((f) => f.n)) + 1;
    const ack: AckPayload = { v: 1, deviceId: me, at: new Date(this.now()).toISOString(), vector };
    await this.writeEncrypted(ackFileName(me, n), key, ack);
    await this.db.syncState.bulkPut([
      { key: SYNC_STATE.ackN, value: n },
      { key: SYNC_STATE.lastAck, value: vector },
    ]);
    // Older own acks are superseded; only this laptop writes them, so only it removes them.
    for (const f of mineOnShare) if (f.n < n) await this.o.port.delete(f.path).catch(() => false);
  }

  private async writeSnapshot(me: string, key: KeyHandle, files: ShareFile[], report: SyncReport): Promise<void> {
    this.progress('snapshot');
    const snap = await buildSnapshot(this.db, me, new Date(this.now()).toISOString());
    const path = snapshotFileName(me, this.now(), this.rand());
    await this.writeEncrypted(path, key, snap);
    report.snapshotWritten = path;
    const mine = await this.getState<{ path: string; vector: SeqVector }[]>(SYNC_STATE.mySnapshots, []);
    await this.db.syncState.bulkPut([
      { key: SYNC_STATE.mySnapshots, value: [...mine, { path, vector: snap.vector }].slice(-3) },
      { key: SYNC_STATE.sinceSnapshot, value: 0 },
    ]);
    for (const f of files) if (f.kind === 'snapshot' && f.deviceId === me && f.path !== path) await this.o.port.delete(f.path).catch(() => false);
  }

  /** What renderer/sync/purge.ts may do on the share: read, write and delete encrypted files. */
  private async purgeContext(me: string, key: KeyHandle, files: ShareFile[], sizes: Map<string, number>): Promise<PurgeShareContext> {
    const retired = new Set((await this.retirements(key, files, sizes)).keys());
    return {
      db: this.db,
      me,
      files,
      retired,
      read: (f, validate) => this.readChecked(f, key, sizes, emptyReport(), validate),
      write: (path, value) => this.writeEncrypted(path, key, value),
      delete: (path) => this.o.port.delete(path).catch(() => false),
      rand: () => this.rand(),
    };
  }

  /** Retired devices on the share: id → its (first readable) retirement file. */
  private async retirements(key: KeyHandle, files: ShareFile[], sizes: Map<string, number>): Promise<Map<string, Partial<RetirementPayload>>> {
    const out = new Map<string, Partial<RetirementPayload>>();
    for (const f of files) {
      if (f.kind !== 'reg' || f.n === 1 || out.has(f.deviceId)) continue;
      const reg = await this.readChecked(f, key, sizes, emptyReport(), (v) => validateRegPayload(v, f));
      if (reg?.retired) out.set(f.deviceId, reg as Partial<RetirementPayload>);
    }
    return out;
  }

  /**
   * Removes own log files that every registered laptop has acknowledged and
   * that an own snapshot on the share contains. Never anything else.
   */
  private async compact(me: string, key: KeyHandle, files: ShareFile[], sizes: Map<string, number>): Promise<number> {
    const mySnaps = await this.getState<{ path: string; vector: SeqVector }[]>(SYNC_STATE.mySnapshots, []);
    const present = new Set(files.map((f) => f.path));
    const inSnapshot = Math.max(0, ...mySnaps.filter((s) => present.has(s.path)).map((s) => s.vector[me] ?? 0));
    if (inSnapshot === 0) return 0;
    const devices = new Set(files.filter((f) => f.kind === 'reg').map((f) => f.deviceId));
    const retired = await this.retirements(key, files, sizes);
    let floor = inSnapshot;
    for (const dev of devices) {
      if (retired.has(dev) || dev === me) continue;
      const acks = files.filter((f): f is Extract<ShareFile, { kind: 'ack' }> => f.kind === 'ack' && f.deviceId === dev).sort((a, b) => b.n - a.n);
      const newest = acks[0];
      if (!newest) return 0;
      const ack = await this.readChecked(newest, key, sizes, emptyReport(), (v) => validateAckPayload(v, newest));
      if (!ack) return 0;
      floor = Math.min(floor, ack.vector[me] ?? 0);
    }
    let removed = 0;
    for (const f of files) {
      if (f.kind === 'log' && f.deviceId === me && f.last <= floor) {
        if (await this.o.port.delete(f.path).catch(() => false)) removed++;
      }
    }
    return removed;
  }
}

function emptyReport(): SyncReport {
  return { state: 'ok', shipped: 0, applied: 0, ingested: 0, quarantined: [], flagged: [], waitingFor: [], compacted: 0 };
}

function isNotFound(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown };
  return e.code === 'not-found' || e.code === 'ENOENT';
}

export { WrongPassphraseError };
