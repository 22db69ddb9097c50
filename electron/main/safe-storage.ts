// The Electron glue for secrets: safeStorage as the SecretCipher of
// electron/secrets/secret-store.ts. Thin on purpose; everything else is
// plain Node and tested without Electron.
import { safeStorage } from 'electron';
import type { SecretCipher } from '../secrets/secret-store';

export function electronSecretCipher(): SecretCipher {
  return {
    // On Linux, safeStorage falls back to a hard-coded key ('basic_text') when
    // no keyring is running: that is no protection, so it counts as unavailable.
    isAvailable: () => safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (data) => safeStorage.decryptString(Buffer.from(data.buffer, data.byteOffset, data.byteLength)),
  };
}
