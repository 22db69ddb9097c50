// The sync passphrase on the main side: kept only as OS-encrypted bytes
// (Electron safeStorage), never in plain text; no key store → nothing stored.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FileSecretStore, type SecretCipher } from '../../../electron/secrets/secret-store';
import { createMainServices } from '../../../electron/handlers/create-handlers';
import { unsupportedDialogs } from '../../../electron/handlers/dialog-port';

const electronMock = vi.hoisted((): { available: boolean; backend: string; calls: string[] } => ({
  available: true,
  backend: 'gnome_libsecret',
  calls: [] as string[],
}));

vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => electronMock.available,
    getSelectedStorageBackend: () => electronMock.backend,
    encryptString: (plain: string) => {
      electronMock.calls.push('encrypt');
      return Buffer.from(`os:${Buffer.from(plain).toString('base64')}`);
    },
    decryptString: (data: Buffer) => {
      electronMock.calls.push('decrypt');
      const text = data.toString();
      if (!text.startsWith('os:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(3), 'base64').toString();
    },
  },
}));

/** A stand-in for the OS key store: XOR with a key the test knows, so plain text never appears in the file. */
function fakeCipher(available = true): SecretCipher {
  const x = (b: Uint8Array) => Uint8Array.from(b, (v) => v ^ 0x5a);
  return { isAvailable: () => available, encrypt: (p) => x(new TextEncoder().encode(p)), decrypt: (d) => new TextDecoder().decode(x(d)) };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'quartier-secrets-'));
  electronMock.available = true;
  electronMock.backend = 'gnome_libsecret';
  electronMock.calls = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SECRET = 'Kreis-Geheimnis 2026!';

describe('FileSecretStore', () => {
  it('stores only ciphertext, loads it back, deletes it', async () => {
    const store = new FileSecretStore(path.join(dir, 'secrets'), fakeCipher());
    expect(store.backend()).toBe('os');
    await store.store('sync-passphrase', SECRET);
    const files = await readdir(path.join(dir, 'secrets'));
    expect(files).toEqual(['sync-passphrase.bin']);
    const raw = await readFile(path.join(dir, 'secrets', 'sync-passphrase.bin'));
    expect(raw.toString('latin1')).not.toContain('Geheimnis');
    expect(await store.load('sync-passphrase')).toBe(SECRET);
    expect(await store.delete('sync-passphrase')).toBe(true);
    expect(await store.load('sync-passphrase')).toBeNull();
    expect(await store.delete('sync-passphrase')).toBe(false);
  });

  it('without an OS key store stores nothing and says so in German', async () => {
    const store = new FileSecretStore(path.join(dir, 'secrets'), fakeCipher(false));
    expect(store.backend()).toBe('none');
    await expect(store.store('sync-passphrase', SECRET)).rejects.toThrow(/kein Schlüsselspeicher/);
    await expect(readdir(path.join(dir, 'secrets'))).rejects.toThrow();
    expect(await store.load('sync-passphrase')).toBeNull();
    expect(new FileSecretStore(dir, null).backend()).toBe('none');
  });

  it('treats data it cannot decrypt (another user, a new keyring) as no secret', async () => {
    const store = new FileSecretStore(dir, { ...fakeCipher(), decrypt: () => { throw new Error('bad'); } });
    await writeFile(path.join(dir, 'sync-passphrase.bin'), 'garbage');
    expect(await store.load('sync-passphrase')).toBeNull();
  });

  it('refuses names that could act as paths', async () => {
    const store = new FileSecretStore(dir, fakeCipher());
    await expect(store.store('../x', SECRET)).rejects.toThrow(/Ungültiger Name/);
  });
});

describe('Electron safeStorage glue', () => {
  it('encrypts and decrypts through safeStorage', async () => {
    const { electronSecretCipher } = await import('../../../electron/main/safe-storage');
    const cipher = electronSecretCipher();
    expect(cipher.isAvailable()).toBe(true);
    const data = cipher.encrypt(SECRET);
    expect(Buffer.from(data).toString()).not.toContain(SECRET);
    expect(cipher.decrypt(data)).toBe(SECRET);
    expect(electronMock.calls).toEqual(['encrypt', 'decrypt']);
  });

  it('does not count Linux basic_text (a hard-coded key) or a missing key store as available', async () => {
    const { electronSecretCipher } = await import('../../../electron/main/safe-storage');
    electronMock.backend = 'basic_text';
    const onLinux = process.platform === 'linux';
    expect(electronSecretCipher().isAvailable()).toBe(!onLinux);
    electronMock.backend = 'gnome_libsecret';
    electronMock.available = false;
    expect(electronSecretCipher().isAvailable()).toBe(false);
  });

  it('serves the secrets channels over the handler map (store, load, delete, status)', async () => {
    const { electronSecretCipher } = await import('../../../electron/main/safe-storage');
    const { handlers } = await createMainServices({ mode: 'electron', version: '1', dataDir: dir, dialogs: unsupportedDialogs, secretCipher: electronSecretCipher(), diskEncryption: () => Promise.resolve({ state: 'unknown' }) });
    expect(await handlers['secrets:get-status']({})).toEqual({ backend: 'os' });
    expect(await handlers['secrets:load-secret']({ name: 'sync-passphrase' })).toEqual({ value: null });
    await handlers['secrets:store-secret']({ name: 'sync-passphrase', value: SECRET });
    expect((await readFile(path.join(dir, 'secrets', 'sync-passphrase.bin'))).toString()).not.toContain(SECRET);
    expect(await handlers['secrets:load-secret']({ name: 'sync-passphrase' })).toEqual({ value: SECRET });
    expect(await handlers['secrets:delete-secret']({ name: 'sync-passphrase' })).toEqual({ deleted: true });
    expect(await handlers['system:get-disk-encryption']({})).toEqual({ state: 'unknown' });
  });

  it('web mode (no cipher) reports no key store and stores nothing', async () => {
    const { handlers } = await createMainServices({ mode: 'web', version: '1', dataDir: dir, dialogs: unsupportedDialogs });
    expect(await handlers['secrets:get-status']({})).toEqual({ backend: 'none' });
    await expect(handlers['secrets:store-secret']({ name: 'sync-passphrase', value: SECRET })).rejects.toThrow(/kein Schlüsselspeicher/);
  });
});
