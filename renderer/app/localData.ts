// The shell's one door to the local database: first-start decision, demo
// data, record counts, wiping local data, device name. Keeping these calls in
// one module means the shell's components (and their tests, via vi.mock) do
// not depend on the database's internals.
import { getDb } from '../db/db';
import { clearAllData, DATA_TABLES, isDatabaseEmpty, loadDemoData } from '../db/demo';
import { getSetting, getUserDisplayName, setUserDisplayName } from '../db/settings';

export type FirstStartChoice = 'demo' | 'empty';
export type DemoProgressHandler = (done: number, total: number) => void;

/**
 * Settings keys owned by the shell. They live in the same local key/value
 * `settings` table as the database's own keys, but are not part of its typed
 * SettingsSchema, so they are read and written here directly.
 */
export const SHELL_SETTING_KEYS = {
  firstStartChoice: 'shell.firstStartChoice',
  deviceName: 'shell.deviceName',
} as const;

/** The stored first-start choice, or null when the user has not chosen yet. */
export async function getFirstStartChoice(): Promise<FirstStartChoice | null> {
  const row = await getDb().settings.get(SHELL_SETTING_KEYS.firstStartChoice);
  return row?.value === 'demo' || row?.value === 'empty' ? row.value : null;
}

export async function rememberFirstStartChoice(choice: FirstStartChoice): Promise<void> {
  await getDb().settings.put({ key: SHELL_SETTING_KEYS.firstStartChoice, value: choice });
}

/** Number of county records (entity tables except user accounts and sign-in records) in the local database. Read-only (liveQuery-safe). */
export async function countLocalRecords(): Promise<number> {
  const db = getDb();
  const counts = await Promise.all(DATA_TABLES.map((table) => db.table(table).count()));
  return counts.reduce((sum, n) => sum + n, 0);
}

/** True when the welcome dialog should be offered: nothing chosen yet and no data at all. */
export async function needsFirstStartDecision(): Promise<boolean> {
  if ((await getFirstStartChoice()) !== null) return false;
  return isDatabaseEmpty(getDb());
}

/**
 * Loads the county-scale demo dataset (all or nothing). Rejects with an
 * AbortError when cancelled, and with a German message when data exists.
 */
export function loadCountyDemo(onProgress: DemoProgressHandler, signal: AbortSignal): Promise<void> {
  return loadDemoData(getDb(), { scale: 'county' }, onProgress, signal);
}

/**
 * Deletes every county record and unsent changes. The audit trail, the access
 * log, the user accounts and the settings (user and device name, device id,
 * first-start choice) are kept – see clearAllData.
 */
export async function clearLocalData(): Promise<void> {
  await clearAllData(getDb());
}

export interface Identity {
  /** Name written into the audit trail and letters. */
  userName: string;
  /** Human-readable name of this laptop (e.g. "Laptop GU Balingen"); may be empty. */
  deviceName: string;
  /** Random id of this database, undefined until the first write creates it. */
  deviceId: string | undefined;
}

/** Read-only, so it can run inside a Dexie liveQuery. */
export async function getIdentity(): Promise<Identity> {
  const db = getDb();
  const [userName, deviceName, deviceId] = await Promise.all([getUserDisplayName(db), getDeviceName(), getSetting(db, 'deviceId')]);
  return { userName, deviceName, deviceId };
}

/** Saves both names; throws a German message for invalid input and then changes nothing. */
export async function saveIdentity(userName: string, deviceName: string): Promise<void> {
  const db = getDb();
  if (deviceName.trim().length > 100) throw new Error('Der Gerätename darf höchstens 100 Zeichen lang sein.');
  if (userName.trim().length === 0) throw new Error('Der Name darf nicht leer sein.');
  await db.transaction('rw', db.settings, async () => {
    await setUserDisplayName(db, userName);
    await setDeviceName(deviceName);
  });
}

export async function getDeviceName(): Promise<string> {
  const row = await getDb().settings.get(SHELL_SETTING_KEYS.deviceName);
  return typeof row?.value === 'string' ? row.value : '';
}

export async function setDeviceName(name: string): Promise<void> {
  const trimmed = name.trim();
  if (trimmed.length > 100) throw new Error('Der Gerätename darf höchstens 100 Zeichen lang sein.');
  await getDb().settings.put({ key: SHELL_SETTING_KEYS.deviceName, value: trimmed });
}

/** True for the rejection of an aborted operation (AbortController). */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException ? error.name === 'AbortError' : error instanceof Error && error.name === 'AbortError';
}
