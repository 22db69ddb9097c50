// Where the organisation passphrase is kept on this laptop. Never in plain
// text:
//   'os'           desktop app: encrypted by the operating system's key store
//                  (Electron safeStorage: DPAPI on Windows, tied to the Windows
//                  account) through the main side (secrets:* channels).
//   'installation' web mode, only if the user asks for it: AES-GCM in the
//                  local database under a key derived (HKDF-SHA-256) from this
//                  installation's id. That keeps it out of plain sight (backups,
//                  a copied database alone) but anyone who can run Quartier as
//                  this user can use it; the disk encryption (BitLocker) is what
//                  protects the machine.
//   'session'      web mode default (and desktop without a key store): kept in
//                  memory only; after closing or reloading the app it must be
//                  entered again.
// A passphrase stored in plain text by earlier versions ('sync:passphrase' in
// syncState) is moved into the best available place on first read and the
// plain copy is deleted.
import type { QuartierApi } from '../../shared/ipc/contract';
import { fromBase64, toBase64 } from '../../shared/sync/text';
import type { QuartierDb } from '../db/db';

export type PassphraseKeeping = 'os' | 'installation' | 'session' | 'none';

export const MIN_PASSPHRASE_LENGTH = 10;
/** Plain text, written by earlier versions only; migrated and deleted on first read. */
export const LEGACY_PASSPHRASE_KEY = 'sync:passphrase';
/** `{ v: 1, iv, data }` (base64): the passphrase sealed with the installation key (web mode, on request). */
export const SEALED_PASSPHRASE_KEY = 'sync:passphraseSealed';
const SECRET_NAME = 'sync-passphrase';

type SecretsApi = Pick<QuartierApi, 'secretsGetStatus' | 'secretsStoreSecret' | 'secretsLoadSecret' | 'secretsDeleteSecret' | 'appGetInfo'>;

interface Sealed {
  v: 1;
  iv: string;
  data: string;
}

export class PassphraseKeeper {
  private session: string | null = null;
  private keeping: PassphraseKeeping | null = null;

  constructor(
    private readonly db: QuartierDb,
    private readonly api: SecretsApi,
  ) {}

  /** Whether the OS key store can keep it (desktop app with a key store). Asked each time: a keyring can come and go. */
  hasOsStore(): Promise<boolean> {
    return this.api.secretsGetStatus({}).then(
      (s) => s.backend === 'os',
      () => false,
    );
  }

  /** The passphrase, or null when none is kept. */
  async get(): Promise<string | null> {
    if (this.session !== null) return this.session;
    if (await this.hasOsStore()) {
      const stored = (await this.api.secretsLoadSecret({ name: SECRET_NAME })).value;
      if (stored) return this.remember(stored, 'os');
    }
    const sealed = await this.db.syncState.get(SEALED_PASSPHRASE_KEY);
    if (sealed) {
      const plain = await this.unseal(sealed.value as Sealed).catch(() => null);
      if (plain) return this.remember(plain, 'installation');
    }
    const legacy = await this.db.syncState.get(LEGACY_PASSPHRASE_KEY);
    if (typeof legacy?.value === 'string' && legacy.value.length > 0) {
      // The user chose to keep it before: keep it, but no longer in plain text.
      await this.set(legacy.value, { remember: true });
      await this.db.syncState.delete(LEGACY_PASSPHRASE_KEY);
      return legacy.value;
    }
    this.keeping = 'none';
    return null;
  }

  /** How the current passphrase is kept (after get() or set()). */
  async status(): Promise<{ keeping: PassphraseKeeping; osStore: boolean }> {
    if (this.keeping === null) await this.get();
    return { keeping: this.keeping ?? 'none', osStore: await this.hasOsStore() };
  }

  /**
   * Keeps a new passphrase. `remember`: in the OS key store when there is
   * one, else (web mode) sealed with the installation key; without it, for
   * this session only (and any stored copy is removed).
   */
  async set(passphrase: string, options: { remember: boolean }): Promise<PassphraseKeeping> {
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new Error(`Das Passwort der Organisation muss mindestens ${MIN_PASSPHRASE_LENGTH} Zeichen lang sein.`);
    let keeping: PassphraseKeeping = 'session';
    if (options.remember && (await this.hasOsStore())) {
      await this.api.secretsStoreSecret({ name: SECRET_NAME, value: passphrase });
      await this.db.syncState.delete(SEALED_PASSPHRASE_KEY);
      keeping = 'os';
    } else if (options.remember) {
      await this.db.syncState.put({ key: SEALED_PASSPHRASE_KEY, value: await this.seal(passphrase) });
      keeping = 'installation';
    } else {
      await this.clearStored();
    }
    await this.db.syncState.delete(LEGACY_PASSPHRASE_KEY);
    this.remember(passphrase, keeping);
    return keeping;
  }

  /** Removes the passphrase from this laptop (memory and every store). */
  async forget(): Promise<void> {
    await this.clearStored();
    await this.db.syncState.delete(LEGACY_PASSPHRASE_KEY);
    this.session = null;
    this.keeping = 'none';
  }

  private async clearStored(): Promise<void> {
    if (await this.hasOsStore()) await this.api.secretsDeleteSecret({ name: SECRET_NAME });
    await this.db.syncState.delete(SEALED_PASSPHRASE_KEY);
  }

  private remember(passphrase: string, keeping: PassphraseKeeping): string {
    this.session = passphrase;
    this.keeping = keeping;
    return passphrase;
  }

  private async installationKey(): Promise<CryptoKey> {
    const { installationId } = await this.api.appGetInfo({});
    const subtle = globalThis.crypto.subtle;
    const material = await subtle.importKey('raw', new TextEncoder().encode(installationId), 'HKDF', false, ['deriveKey']);
    return subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: new TextEncoder().encode('quartier/sync-passphrase/v1'), info: new TextEncoder().encode(this.db.name) },
      material,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
  }

  private async seal(plain: string): Promise<Sealed> {
    const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
    const data = await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await this.installationKey(), new TextEncoder().encode(plain));
    return { v: 1, iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
  }

  private async unseal(sealed: Sealed): Promise<string> {
    const plain = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(fromBase64(sealed.iv)) }, await this.installationKey(), new Uint8Array(fromBase64(sealed.data)));
    return new TextDecoder().decode(plain);
  }
}
