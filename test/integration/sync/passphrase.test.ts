// The organisation passphrase is never stored in plain text: the OS key store
// in the desktop app, in web mode memory only or (on request) sealed with
// the installation key; a plain copy from earlier versions is migrated away.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuartierApi } from '../../../shared/ipc/contract';
import { QuartierDb } from '../../../renderer/db/db';
import { LEGACY_PASSPHRASE_KEY, PassphraseKeeper, SEALED_PASSPHRASE_KEY } from '../../../renderer/sync/passphrase';

type SecretsApi = ConstructorParameters<typeof PassphraseKeeper>[1];
const SECRET = 'Kreis-Geheimnis 2026!';

/** The main side as seen over IPC: an OS key store (a Map standing in for safeStorage files) or none. */
function fakeApi(os: boolean, installationId = 'inst-0001'): SecretsApi & { stored: Map<string, string> } {
  const stored = new Map<string, string>();
  const info: Awaited<ReturnType<QuartierApi['appGetInfo']>> = { name: 'Quartier', version: '1', mode: os ? 'electron' : 'web', platform: 'linux', installationId };
  return {
    stored,
    appGetInfo: () => Promise.resolve(info),
    secretsGetStatus: () => Promise.resolve({ backend: os ? 'os' : 'none' }),
    secretsStoreSecret: ({ name, value }) => {
      if (!os) return Promise.reject(new Error('kein Schlüsselspeicher'));
      stored.set(name, value);
      return Promise.resolve({ stored: true as const });
    },
    secretsLoadSecret: ({ name }) => Promise.resolve({ value: stored.get(name) ?? null }),
    secretsDeleteSecret: ({ name }) => Promise.resolve({ deleted: stored.delete(name) }),
  };
}

let db: QuartierDb;
let n = 0;
beforeEach(async () => {
  db = new QuartierDb(`passphrase-${++n}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

/** Everything in the local database as text: the passphrase must not appear in it. */
async function dbText(): Promise<string> {
  const parts: string[] = [];
  for (const t of db.tables) parts.push(JSON.stringify(await t.toArray()));
  return parts.join('\n');
}

describe('keeping the sync passphrase', () => {
  it('web mode by default: this session only, nothing stored, gone after a restart', async () => {
    const api = fakeApi(false);
    const keeper = new PassphraseKeeper(db, api);
    expect(await keeper.set(SECRET, { remember: false })).toBe('session');
    expect(await keeper.get()).toBe(SECRET);
    expect(await keeper.status()).toEqual({ keeping: 'session', osStore: false });
    expect(await dbText()).not.toContain('Geheimnis');
    const afterRestart = new PassphraseKeeper(db, api);
    expect(await afterRestart.get()).toBeNull();
    expect((await afterRestart.status()).keeping).toBe('none');
  });

  it('web mode on request: sealed with the installation key, readable after a restart, not with another installation', async () => {
    const keeper = new PassphraseKeeper(db, fakeApi(false));
    expect(await keeper.set(SECRET, { remember: true })).toBe('installation');
    expect(await db.syncState.get(SEALED_PASSPHRASE_KEY)).toBeDefined();
    expect(await dbText()).not.toContain('Geheimnis');
    expect(await new PassphraseKeeper(db, fakeApi(false)).get()).toBe(SECRET);
    expect(await new PassphraseKeeper(db, fakeApi(false, 'inst-9999')).get()).toBeNull();
  });

  it('desktop app: in the OS key store, not in the database', async () => {
    const api = fakeApi(true);
    const keeper = new PassphraseKeeper(db, api);
    expect(await keeper.set(SECRET, { remember: true })).toBe('os');
    expect(api.stored.get('sync-passphrase')).toBe(SECRET);
    expect(await dbText()).not.toContain('Geheimnis');
    const afterRestart = new PassphraseKeeper(db, api);
    expect(await afterRestart.get()).toBe(SECRET);
    expect((await afterRestart.status()).keeping).toBe('os');
    // "Only this session" removes the stored copy.
    await afterRestart.set(SECRET, { remember: false });
    expect(api.stored.size).toBe(0);
  });

  it('moves a plain passphrase of an earlier version into the key store and deletes the plain copy', async () => {
    await db.syncState.put({ key: LEGACY_PASSPHRASE_KEY, value: SECRET });
    const api = fakeApi(true);
    expect(await new PassphraseKeeper(db, api).get()).toBe(SECRET);
    expect(await db.syncState.get(LEGACY_PASSPHRASE_KEY)).toBeUndefined();
    expect(api.stored.get('sync-passphrase')).toBe(SECRET);
    expect(await dbText()).not.toContain('Geheimnis');
  });

  it('moves it into the sealed form in web mode', async () => {
    await db.syncState.put({ key: LEGACY_PASSPHRASE_KEY, value: SECRET });
    expect(await new PassphraseKeeper(db, fakeApi(false)).get()).toBe(SECRET);
    expect(await dbText()).not.toContain('Geheimnis');
    expect(await new PassphraseKeeper(db, fakeApi(false)).get()).toBe(SECRET);
  });

  it('refuses a short passphrase in German and keeps nothing; forget removes every copy', async () => {
    const api = fakeApi(true);
    const keeper = new PassphraseKeeper(db, api);
    await expect(keeper.set('kurz', { remember: true })).rejects.toThrow(/mindestens 10 Zeichen/);
    expect(await keeper.get()).toBeNull();
    await keeper.set(SECRET, { remember: true });
    await keeper.forget();
    expect(await keeper.get()).toBeNull();
    expect(api.stored.size).toBe(0);
  });
});
