// Secrets of this installation (the organisation's sync passphrase) kept
// encrypted by the operating system's key store: on Windows DPAPI (tied to
// the Windows user account), on macOS the Keychain, on Linux libsecret /
// kwallet. The encryption itself comes through SecretCipher, which Electron
// provides with safeStorage (electron/main/safe-storage.ts); web mode has
// none, and then nothing is stored here at all (the renderer keeps the
// passphrase for the session, see renderer/sync/passphrase.ts).
//
// The ciphertext lives in `<dataDir>/secrets/<name>.bin`, written atomically
// (temp file, flush, rename) so a crash leaves the old or the new secret,
// never a torn one. It never contains the secret in plain text.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { QuartierError } from '../ipc/errors';

/** The OS key store as the secret store needs it (Electron: safeStorage). */
export interface SecretCipher {
  /** False when the OS offers no key store (e.g. Linux without a keyring): then nothing is stored. */
  isAvailable(): boolean;
  encrypt(plain: string): Uint8Array;
  decrypt(data: Uint8Array): string;
}

const NAME = /^[a-z][a-z0-9-]{0,63}$/;

export class FileSecretStore {
  constructor(
    private readonly dir: string,
    private readonly cipher: SecretCipher | null,
  ) {}

  backend(): 'os' | 'none' {
    return this.cipher?.isAvailable() ? 'os' : 'none';
  }

  private file(name: string): string {
    if (!NAME.test(name)) throw new QuartierError('invalid-request', 'Ungültiger Name für ein Geheimnis.');
    return path.join(this.dir, `${name}.bin`);
  }

  private requireCipher(): SecretCipher {
    if (!this.cipher?.isAvailable()) {
      throw new QuartierError('not-supported', 'Auf diesem Rechner steht kein Schlüsselspeicher des Betriebssystems zur Verfügung; das Passwort wurde nicht gespeichert.');
    }
    return this.cipher;
  }

  async store(name: string, value: string): Promise<void> {
    const target = this.file(name);
    const data = this.requireCipher().encrypt(value);
    await mkdir(this.dir, { recursive: true });
    const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temp, data, { flush: true, mode: 0o600 });
      await rename(temp, target);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw new QuartierError('io-failed', `Das Passwort konnte nicht gespeichert werden: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The secret, or null when none is stored (or no key store exists). Undecryptable data (another Windows user, a new keyring) is null too. */
  async load(name: string): Promise<string | null> {
    const target = this.file(name);
    if (!this.cipher?.isAvailable()) return null;
    let data: Buffer;
    try {
      data = await readFile(target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new QuartierError('io-failed', 'Das gespeicherte Passwort konnte nicht gelesen werden.');
    }
    try {
      return this.cipher.decrypt(data);
    } catch {
      return null;
    }
  }

  async delete(name: string): Promise<boolean> {
    try {
      await unlink(this.file(name));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw new QuartierError('io-failed', 'Das gespeicherte Passwort konnte nicht gelöscht werden.');
    }
  }
}
