// Minutes without input before the app locks. A local setting (this laptop's
// `settings` table, not synced): a laptop in a shared office may need a
// shorter time than one at home.
import type { QuartierDb } from '../db/db';

export const LOCK_SETTING_KEY = 'auth.lockAfterMinutes';
export const DEFAULT_LOCK_MINUTES = 15;
export const MIN_LOCK_MINUTES = 1;
export const MAX_LOCK_MINUTES = 240;

export function isValidLockMinutes(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= MIN_LOCK_MINUTES && v <= MAX_LOCK_MINUTES;
}

export async function getLockMinutes(db: QuartierDb): Promise<number> {
  const row = await db.settings.get(LOCK_SETTING_KEY);
  return isValidLockMinutes(row?.value) ? row.value : DEFAULT_LOCK_MINUTES;
}

export async function setLockMinutes(db: QuartierDb, minutes: number): Promise<void> {
  if (!isValidLockMinutes(minutes)) throw new Error(`Bitte eine ganze Zahl von ${MIN_LOCK_MINUTES} bis ${MAX_LOCK_MINUTES} eingeben.`);
  await db.settings.put({ key: LOCK_SETTING_KEY, value: minutes });
}
