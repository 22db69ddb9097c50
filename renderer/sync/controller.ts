// The sync as the app runs it: one SyncEngine over the IPC API, passes on
// demand ("Jetzt synchronisieren"), on an interval, when the shared folder
// shows new files, and shortly after local changes. Its live state (phase,
// progress, last report) is a small zustand store for the status indicator
// and the sync page; durable state (last success, conflicts, quarantine)
// lives in IndexedDB and is read with live queries.
import { create } from 'zustand';
import { SHARE_ROOT } from '../../shared/sync/format';
import { stableHash } from '../../shared/sync/hash';
import { getDb } from '../db/db';
import { getDeviceName } from '../app/localData';
import { api } from '../platform/api';
import { ApiSharePort } from './apiPort';
import { SyncEngine, type SyncDeviceInfo, type SyncProgress, type SyncReport } from './engine';
import { PassphraseKeeper, type PassphraseKeeping } from './passphrase';

export const FULL_SYNC_INTERVAL_MS = 2 * 60_000;
export const WATCH_INTERVAL_MS = 15_000;
export const LOCAL_CHANGE_DELAY_MS = 5_000;

export interface SyncUiState {
  /** How the passphrase is kept; null until first read. */
  passphrase: { keeping: PassphraseKeeping; osStore: boolean } | null;
  setPassphraseStatus: (p: { keeping: PassphraseKeeping; osStore: boolean }) => void;
  running: boolean;
  progress: SyncProgress | null;
  lastReport: SyncReport | null;
  setRunning: (running: boolean) => void;
  setProgress: (p: SyncProgress | null) => void;
  setReport: (r: SyncReport) => void;
}

export const useSyncStore = create<SyncUiState>()((set) => ({
  passphrase: null,
  setPassphraseStatus: (passphrase) => set({ passphrase }),
  running: false,
  progress: null,
  lastReport: null,
  setRunning: (running) => set({ running }),
  setProgress: (progress) => set({ progress }),
  setReport: (lastReport) => set({ lastReport }),
}));

let keeper: PassphraseKeeper | null = null;

/** Where this laptop keeps the organisation passphrase (never in plain text; renderer/sync/passphrase.ts). */
export function passphraseKeeper(): PassphraseKeeper {
  keeper ??= new PassphraseKeeper(getDb(), api);
  return keeper;
}

export function getPassphrase(): Promise<string | null> {
  return passphraseKeeper().get();
}

/** Keeps a new passphrase (see PassphraseKeeper.set) and updates the status shown. */
export async function setPassphrase(passphrase: string, options: { remember: boolean }): Promise<PassphraseKeeping> {
  const keeping = await passphraseKeeper().set(passphrase, options);
  await refreshPassphraseStatus();
  return keeping;
}

export async function forgetPassphrase(): Promise<void> {
  await passphraseKeeper().forget();
  await refreshPassphraseStatus();
}

export async function refreshPassphraseStatus(): Promise<void> {
  useSyncStore.getState().setPassphraseStatus(await passphraseKeeper().status());
}

let engine: SyncEngine | null = null;

function getEngine(): SyncEngine {
  engine ??= new SyncEngine({
    db: getDb(),
    port: new ApiSharePort(api),
    getPassphrase: () => getPassphrase(),
    getDeviceName: async () => (await getDeviceName()) || 'Laptop',
    onProgress: (p) => useSyncStore.getState().setProgress(p.phase === 'done' ? null : p),
  });
  return engine;
}

/** Runs one pass now (shared with a pass already running). */
export async function syncNow(options: { snapshot?: boolean } = {}): Promise<SyncReport> {
  const store = useSyncStore.getState();
  store.setRunning(true);
  try {
    const report = await getEngine().sync(options);
    useSyncStore.getState().setReport(report);
    return report;
  } finally {
    useSyncStore.getState().setRunning(false);
    useSyncStore.getState().setProgress(null);
  }
}

/** The laptops registered on the share ("Geräte" on the sync page). */
export function listSyncDevices(): Promise<SyncDeviceInfo[]> {
  return getEngine().listDevices();
}

/** Retires another laptop that is gone for good; see SyncEngine.retireDevice. */
export function retireSyncDevice(deviceId: string, reason: string): Promise<{ path: string | null }> {
  return getEngine().retireDevice(deviceId, reason);
}

/** Registers this retired laptop anew; see SyncEngine.reRegister. The pass it runs becomes the last report. */
export async function reRegisterSyncDevice(): Promise<{ from: string; to: string; reshipped: number; report: SyncReport }> {
  const store = useSyncStore.getState();
  store.setRunning(true);
  try {
    const result = await getEngine().reRegister();
    useSyncStore.getState().setReport(result.report);
    return result;
  } finally {
    useSyncStore.getState().setRunning(false);
    useSyncStore.getState().setProgress(null);
  }
}

/**
 * Starts automatic sync; returns the disposer. Cheap folder watch: the
 * listing of the share is hashed every WATCH_INTERVAL_MS and a pass runs
 * when it changed; a full pass runs every FULL_SYNC_INTERVAL_MS anyway and
 * a few seconds after local changes.
 */
export function startAutoSync(): () => void {
  let stopped = false;
  let lastSignature = '';
  let localTimer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    if (!stopped) void syncNow().catch(() => undefined);
  };
  const watch = async () => {
    try {
      const listing = await api.shareListFiles({ dir: SHARE_ROOT });
      if (listing.status.state !== 'online') return;
      const signature = stableHash(listing.entries.map((e) => `${e.path}:${e.size}`).join('\n'));
      if (lastSignature && signature !== lastSignature) run();
      lastSignature = signature;
    } catch {
      // Offline or not configured: the next full pass reports it.
    }
  };
  const full = setInterval(run, FULL_SYNC_INTERVAL_MS);
  const watcher = setInterval(() => void watch(), WATCH_INTERVAL_MS);
  const db = getDb();
  const onLocalChange = () => {
    if (localTimer) clearTimeout(localTimer);
    localTimer = setTimeout(run, LOCAL_CHANGE_DELAY_MS);
  };
  // Every local user operation adds one outbox row (renderer/db/repository.ts).
  const outboxHook = () => onLocalChange();
  db.outbox.hook('creating', outboxHook);
  const first = setTimeout(run, 1_000);
  return () => {
    stopped = true;
    clearInterval(full);
    clearInterval(watcher);
    clearTimeout(first);
    if (localTimer) clearTimeout(localTimer);
    db.outbox.hook('creating').unsubscribe(outboxHook);
  };
}
