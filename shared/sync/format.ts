// The layout of the shared folder and the payloads of its files
// (docs/sync-format.md describes the same in prose). Every file is written
// once, by one device, under a name nobody else uses, and never modified.
// Readers find new files by per-device sequence numbers in the names, never
// by modification times; names they do not recognise are ignored.
import type { AuditEntry, EntityTable } from '../domain/model';
import { ENTITY_TABLES } from '../domain/model';
import type { Change } from './change';
import type { KdfParams, WrappedKey } from './cipher';
import type { SyncRecordState } from './merge';

export const SHARE_ROOT = 'quartier-sync';
export const FORMAT_FILE = `${SHARE_ROOT}/format.json`;
export const FORMAT_NAME = 'quartier-sync';
export const FORMAT_VERSION = 1;

/** Device ids are random (UUIDs), never names: no personal data in file names. */
const DEVICE_ID = /^[0-9A-Za-z][0-9A-Za-z-]{7,63}$/;
const SEQ_DIGITS = 12;
const RAND = /^[0-9a-f]{8}$/;

export function isDeviceId(text: string): boolean {
  return DEVICE_ID.test(text);
}

export function padSeq(n: number): string {
  return String(n).padStart(SEQ_DIGITS, '0');
}

export interface FormatFile {
  format: typeof FORMAT_NAME;
  version: number;
  createdAt: string;
  kdf: KdfParams;
  wrappedKey: WrappedKey;
}

export function parseFormatFile(value: unknown): FormatFile {
  const v = value as Partial<FormatFile> | null;
  if (!v || typeof v !== 'object' || v.format !== FORMAT_NAME) throw new Error('format.json gehört nicht zu Quartier.');
  if (typeof v.version !== 'number' || v.version > FORMAT_VERSION) {
    throw new Error(`Der Austauschordner hat Format ${String(v.version)}; diese Version von Quartier kennt nur Format ${FORMAT_VERSION}. Bitte Quartier aktualisieren.`);
  }
  const kdf = v.kdf;
  if (!kdf || kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256' || typeof kdf.iterations !== 'number' || typeof kdf.salt !== 'string') {
    throw new Error('format.json: unbekannte Schlüsselableitung.');
  }
  if (!v.wrappedKey || typeof v.wrappedKey.iv !== 'string' || typeof v.wrappedKey.data !== 'string') throw new Error('format.json: Schlüssel fehlt.');
  return v as FormatFile;
}

// ---------------------------------------------------------------------------
// File names

export type ShareFile =
  | { kind: 'log'; path: string; deviceId: string; first: number; last: number }
  | { kind: 'reg'; path: string; deviceId: string; n: number }
  | { kind: 'ack'; path: string; deviceId: string; n: number }
  | { kind: 'snapshot'; path: string; deviceId: string; wallMs: number };

export const LOG_DIR = `${SHARE_ROOT}/log`;
export const DEVICES_DIR = `${SHARE_ROOT}/devices`;
export const ACKS_DIR = `${SHARE_ROOT}/acks`;
export const SNAPSHOTS_DIR = `${SHARE_ROOT}/snapshots`;

/** The random suffix makes two writes of the same seq range (after a crash) two different files. */
export function logFileName(deviceId: string, first: number, last: number, rand: string): string {
  return `${LOG_DIR}/${deviceId}/${padSeq(first)}-${padSeq(last)}-${rand}.qsync`;
}
export function regFileName(deviceId: string, n: number): string {
  return `${DEVICES_DIR}/${deviceId}/${padSeq(n)}.reg`;
}
export function ackFileName(deviceId: string, n: number): string {
  return `${ACKS_DIR}/${deviceId}/${padSeq(n)}.ack`;
}
export function snapshotFileName(deviceId: string, wallMs: number, rand: string): string {
  return `${SNAPSHOTS_DIR}/${deviceId}/${String(Math.max(0, Math.floor(wallMs))).padStart(15, '0')}-${rand}.qsnap`;
}

const LOG_RE = /^quartier-sync\/log\/([^/]+)\/(\d{12})-(\d{12})-([0-9a-f]{8})\.qsync$/;
const REG_RE = /^quartier-sync\/devices\/([^/]+)\/(\d{12})\.reg$/;
const ACK_RE = /^quartier-sync\/acks\/([^/]+)\/(\d{12})\.ack$/;
const SNAP_RE = /^quartier-sync\/snapshots\/([^/]+)\/(\d{15})-([0-9a-f]{8})\.qsnap$/;

/** Recognises a share path; anything else (including temp files, foreign files) is null and ignored. */
export function parseShareFile(path: string): ShareFile | null {
  let m = LOG_RE.exec(path);
  if (m && isDeviceId(m[1]!) && RAND.test(m[4]!)) {
    const first = Number(m[2]);
    const last = Number(m[3]);
    if (first < 1 || last < first) return null;
    return { kind: 'log', path, deviceId: m[1]!, first, last };
  }
  m = REG_RE.exec(path);
  if (m && isDeviceId(m[1]!)) return { kind: 'reg', path, deviceId: m[1]!, n: Number(m[2]) };
  m = ACK_RE.exec(path);
  if (m && isDeviceId(m[1]!)) return { kind: 'ack', path, deviceId: m[1]!, n: Number(m[2]) };
  m = SNAP_RE.exec(path);
  if (m && isDeviceId(m[1]!)) return { kind: 'snapshot', path, deviceId: m[1]!, wallMs: Number(m[2]) };
  return null;
}

// ---------------------------------------------------------------------------
// Payloads (all encrypted on the share)

/** deviceId → highest seq applied without gaps. */
export type SeqVector = Record<string, number>;

export interface LogPayload {
  v: 1;
  deviceId: string;
  first: number;
  last: number;
  changes: Change[];
}

export interface RegPayload {
  v: 1;
  deviceId: string;
  deviceName: string;
  registeredAt: string;
  /** Set when this id replaced another after a restored disk image. */
  forkedFrom?: string;
  /** Set when a retired laptop registered again under this new id (the old id stays retired). */
  reregisteredFrom?: string;
  /** Set when the device leaves: its acks no longer hold back compaction. */
  retired?: boolean;
}

export interface AckPayload {
  v: 1;
  deviceId: string;
  at: string;
  /** What this device has applied (including its own changes). */
  vector: SeqVector;
}

export interface SnapshotPayload {
  v: 1;
  deviceId: string;
  createdAt: string;
  /** The changes contained in the snapshot. */
  vector: SeqVector;
  tables: { [T in EntityTable]?: unknown[] };
  /** Merge state per record: key = `${table}:${id}`. */
  meta: [string, SyncRecordState][];
  /**
   * The audit trail of the laptop that wrote the snapshot (its local `audit`
   * table, including entries it took over from a snapshot it started from),
   * so a laptop joining from the snapshot has the history. Absent in
   * snapshots written before this field existed.
   */
  audit?: AuditEntry[];
}

export class PayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadError';
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const TABLES = new Set<string>(ENTITY_TABLES);

/** Checks a decrypted log file against its name; a mismatch means the file is not what it claims. */
export function validateLogPayload(value: unknown, file: Extract<ShareFile, { kind: 'log' }>): LogPayload {
  if (!isRecord(value) || value.v !== 1 || value.deviceId !== file.deviceId || value.first !== file.first || value.last !== file.last) {
    throw new PayloadError('Kopf der Protokolldatei passt nicht zum Dateinamen.');
  }
  const changes = value.changes;
  if (!Array.isArray(changes) || changes.length !== file.last - file.first + 1) throw new PayloadError('Anzahl der Änderungen passt nicht.');
  changes.forEach((c: unknown, i) => {
    if (!isRecord(c) || c.deviceId !== file.deviceId || c.seq !== file.first + i || typeof c.hlc !== 'string' || !Array.isArray(c.ops)) {
      throw new PayloadError(`Änderung ${file.first + i} ist ungültig.`);
    }
    if (c.changeId !== `${file.deviceId}:${file.first + i}`) throw new PayloadError(`Änderung ${file.first + i} hat eine falsche Kennung.`);
    for (const op of c.ops as unknown[]) {
      if (!isRecord(op) || (op.kind !== 'upsert' && op.kind !== 'delete') || typeof op.table !== 'string' || !TABLES.has(op.table) || typeof op.id !== 'string') {
        throw new PayloadError(`Änderung ${file.first + i} enthält eine ungültige Operation.`);
      }
      if (op.kind === 'upsert' && !isRecord(op.fields)) throw new PayloadError(`Änderung ${file.first + i}: Felder fehlen.`);
    }
  });
  return value as unknown as LogPayload;
}

export function validateRegPayload(value: unknown, file: Extract<ShareFile, { kind: 'reg' }>): RegPayload {
  if (!isRecord(value) || value.v !== 1 || value.deviceId !== file.deviceId || typeof value.deviceName !== 'string') throw new PayloadError('Ungültige Geräteanmeldung.');
  return value as unknown as RegPayload;
}

export function validateAckPayload(value: unknown, file: Extract<ShareFile, { kind: 'ack' }>): AckPayload {
  if (!isRecord(value) || value.v !== 1 || value.deviceId !== file.deviceId || !isRecord(value.vector)) throw new PayloadError('Ungültige Lesebestätigung.');
  for (const n of Object.values(value.vector)) if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new PayloadError('Ungültige Lesebestätigung.');
  return value as unknown as AckPayload;
}

export function validateSnapshotPayload(value: unknown, file: Extract<ShareFile, { kind: 'snapshot' }>): SnapshotPayload {
  if (!isRecord(value) || value.v !== 1 || value.deviceId !== file.deviceId || !isRecord(value.vector) || !isRecord(value.tables) || !Array.isArray(value.meta)) {
    throw new PayloadError('Ungültiger Schnappschuss.');
  }
  for (const t of Object.keys(value.tables)) if (!TABLES.has(t)) throw new PayloadError(`Schnappschuss: unbekannte Tabelle ${t}.`);
  if (value.audit !== undefined) {
    if (!Array.isArray(value.audit)) throw new PayloadError('Schnappschuss: Änderungsprotokoll ungültig.');
    for (const e of value.audit as unknown[]) {
      if (!isRecord(e) || typeof e.id !== 'string' || typeof e.at !== 'string' || typeof e.entityId !== 'string') throw new PayloadError('Schnappschuss: Eintrag im Änderungsprotokoll ungültig.');
    }
  }
  return value as unknown as SnapshotPayload;
}

/** True when vector `a` covers `need` (every entry of need ≤ the one in a). */
export function vectorCovers(a: SeqVector, need: SeqVector | undefined, ignore?: string): boolean {
  if (!need) return true;
  for (const [dev, seq] of Object.entries(need)) {
    if (dev === ignore) continue;
    if ((a[dev] ?? 0) < seq) return false;
  }
  return true;
}
