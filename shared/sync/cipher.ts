// Encryption of everything on the share except format.json (guarantee 7).
//
// - A random 256-bit data key encrypts every file with AES-256-GCM, a fresh
//   random 96-bit IV per file, and the file's name as additional data: a
//   file copied or renamed to another name fails authentication.
// - The data key is stored in format.json wrapped (AES-GCM) by a key derived
//   from the organisation passphrase with PBKDF2-SHA256 (600,000 iterations
//   by default, the OWASP 2023 figure). A wrong passphrase fails to unwrap,
//   so the laptop stops before writing anything.
//
// shared/ has no DOM types, so the small WebCrypto surface we need is typed
// here; Node 20 and Chromium both provide it as globalThis.crypto.
import { fromBase64, toBase64, utf8Encode } from './text';

/** Opaque CryptoKey. */
export type KeyHandle = object;

export interface SubtleLike {
  importKey(format: 'raw', keyData: Uint8Array, algorithm: { name: string } | string, extractable: boolean, usages: string[]): Promise<KeyHandle>;
  deriveKey(
    algorithm: { name: 'PBKDF2'; salt: Uint8Array; iterations: number; hash: string },
    baseKey: KeyHandle,
    derivedKeyType: { name: 'AES-GCM'; length: number },
    extractable: boolean,
    usages: string[],
  ): Promise<KeyHandle>;
  encrypt(algorithm: { name: 'AES-GCM'; iv: Uint8Array; additionalData?: Uint8Array }, key: KeyHandle, data: Uint8Array): Promise<ArrayBuffer>;
  decrypt(algorithm: { name: 'AES-GCM'; iv: Uint8Array; additionalData?: Uint8Array }, key: KeyHandle, data: Uint8Array): Promise<ArrayBuffer>;
}

export interface CryptoPort {
  subtle: SubtleLike;
  getRandomValues<T extends Uint8Array>(array: T): T;
}

/** The runtime's WebCrypto (Node 20+, browsers). */
export function defaultCrypto(): CryptoPort {
  const c = (globalThis as unknown as { crypto?: CryptoPort }).crypto;
  if (!c?.subtle) throw new Error('WebCrypto ist in dieser Umgebung nicht verfügbar.');
  return c;
}

export const DEFAULT_KDF_ITERATIONS = 600_000;
const IV_BYTES = 12;
/** File magic + format version of encrypted files: "QSY" 0x01. */
const MAGIC = new Uint8Array([0x51, 0x53, 0x59, 0x01]);
const WRAP_AAD = 'quartier-sync/format.json#data-key';

export interface KdfParams {
  name: 'PBKDF2';
  hash: 'SHA-256';
  iterations: number;
  /** base64 */
  salt: string;
}

export interface WrappedKey {
  /** base64 IV */
  iv: string;
  /** base64 AES-GCM ciphertext of the 32-byte raw data key */
  data: string;
}

export class WrongPassphraseError extends Error {
  constructor() {
    super('Das Passwort der Organisation ist falsch. Es wurde nichts in den Austauschordner geschrieben.');
    this.name = 'WrongPassphraseError';
  }
}

export class DecryptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecryptError';
  }
}

export function randomBytes(c: CryptoPort, n: number): Uint8Array {
  return c.getRandomValues(new Uint8Array(n));
}

async function deriveKek(c: CryptoPort, passphrase: string, kdf: KdfParams): Promise<KeyHandle> {
  if (passphrase.length === 0) throw new Error('Bitte das Passwort der Organisation eingeben.');
  const base = await c.subtle.importKey('raw', utf8Encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return c.subtle.deriveKey(
    { name: 'PBKDF2', salt: fromBase64(kdf.salt), iterations: kdf.iterations, hash: kdf.hash },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Creates a fresh data key and wraps it for a new share. */
export async function createKeyring(
  c: CryptoPort,
  passphrase: string,
  iterations = DEFAULT_KDF_ITERATIONS,
): Promise<{ kdf: KdfParams; wrapped: WrappedKey; key: KeyHandle }> {
  const kdf: KdfParams = { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(randomBytes(c, 16)) };
  const kek = await deriveKek(c, passphrase, kdf);
  const raw = randomBytes(c, 32);
  const iv = randomBytes(c, IV_BYTES);
  const data = new Uint8Array(await c.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8Encode(WRAP_AAD) }, kek, raw));
  const key = await c.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  raw.fill(0);
  return { kdf, wrapped: { iv: toBase64(iv), data: toBase64(data) }, key };
}

/** Unwraps the data key; throws WrongPassphraseError when the passphrase does not fit. */
export async function unlockKeyring(c: CryptoPort, passphrase: string, kdf: KdfParams, wrapped: WrappedKey): Promise<KeyHandle> {
  const kek = await deriveKek(c, passphrase, kdf);
  let raw: Uint8Array;
  try {
    raw = new Uint8Array(
      await c.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(wrapped.iv), additionalData: utf8Encode(WRAP_AAD) }, kek, fromBase64(wrapped.data)),
    );
  } catch {
    throw new WrongPassphraseError();
  }
  const key = await c.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  raw.fill(0);
  return key;
}

/** Encrypts a file body; `name` (the share-relative path) is bound as additional data. */
export async function encryptFile(c: CryptoPort, key: KeyHandle, name: string, plaintext: Uint8Array): Promise<Uint8Array> {
  const iv = randomBytes(c, IV_BYTES);
  const ct = new Uint8Array(await c.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8Encode(name) }, key, plaintext));
  const out = new Uint8Array(MAGIC.length + IV_BYTES + ct.length);
  out.set(MAGIC, 0);
  out.set(iv, MAGIC.length);
  out.set(ct, MAGIC.length + IV_BYTES);
  return out;
}

/** Decrypts a file body; DecryptError for garbage, torn, renamed or foreign-key files. */
export async function decryptFile(c: CryptoPort, key: KeyHandle, name: string, body: Uint8Array): Promise<Uint8Array> {
  if (body.length < MAGIC.length + IV_BYTES + 16) throw new DecryptError('Datei ist zu kurz (unvollständig geschrieben?).');
  for (let i = 0; i < MAGIC.length; i++) {
    if (body[i] !== MAGIC[i]) throw new DecryptError('Unbekanntes Dateiformat.');
  }
  const iv = body.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
  try {
    return new Uint8Array(await c.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: utf8Encode(name) }, key, body.subarray(MAGIC.length + IV_BYTES)));
  } catch {
    throw new DecryptError('Echtheitsprüfung fehlgeschlagen (Datei beschädigt, umbenannt oder mit anderem Schlüssel).');
  }
}
