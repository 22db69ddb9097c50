// Typed access to the local `settings` table (key/value). Settings are local
// to this laptop and are not synced.
import type { IsoTimestamp } from '../../shared/domain/model';
import type { QuartierDb } from './db';

export interface DemoDataMarker {
  seed: number;
  scale: string | number;
  loadedAt: IsoTimestamp;
}

/** Known settings and the type of their value. */
export interface SettingsSchema {
  deviceId: string;
  userDisplayName: string;
  demoData: DemoDataMarker;
}
export type SettingKey = keyof SettingsSchema;

export const DEFAULT_USER_DISPLAY_NAME = 'Sachbearbeitung';

export async function getSetting<K extends SettingKey>(db: QuartierDb, key: K): Promise<SettingsSchema[K] | undefined> {
  const row = await db.settings.get(key);
  return row?.value as SettingsSchema[K] | undefined;
}

export async function setSetting<K extends SettingKey>(db: QuartierDb, key: K, value: SettingsSchema[K]): Promise<void> {
  await db.settings.put({ key, value });
}

export async function deleteSetting(db: QuartierDb, key: SettingKey): Promise<void> {
  await db.settings.delete(key);
}

/**
 * The id of this laptop's database, created once at random. It names the
 * device in sync (change ids are `${deviceId}:${seq}`) and carries no
 * personal data. Created inside a transaction so that two callers racing on
 * first start end up with the same id.
 */
export async function getDeviceId(db: QuartierDb): Promise<string> {
  return db.transaction('rw', db.settings, async () => {
    const existing = await db.settings.get('deviceId');
    if (typeof existing?.value === 'string' && existing.value.length > 0) return existing.value;
    const id = crypto.randomUUID();
    await db.settings.put({ key: 'deviceId', value: id });
    return id;
  });
}

/** The name written into audit entries and changes; a neutral default until the user sets one. */
export async function getUserDisplayName(db: QuartierDb): Promise<string> {
  const name = await getSetting(db, 'userDisplayName');
  return typeof name === 'string' && name.trim().length > 0 ? name : DEFAULT_USER_DISPLAY_NAME;
}

export async function setUserDisplayName(db: QuartierDb, name: string): Promise<void> {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new Error('Der Name darf nicht leer sein.');
  if (trimmed.length > 100) throw new Error('Der Name darf höchstens 100 Zeichen lang sein.');
  await setSetting(db, 'userDisplayName', trimmed);
}
