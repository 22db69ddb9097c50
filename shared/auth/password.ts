// Password hashing (PBKDF2-SHA256 through WebCrypto) and the password rules.
// WebCrypto exists in Node 20 and in browsers/Electron as `globalThis.crypto`;
// shared/ has neither DOM nor Node types, so the few members used are typed
// here. The stored PasswordHash carries its parameters, so the iteration count
// can be raised later without invalidating old hashes (a sign-in with an old
// hash can re-hash it).
import type { PasswordHash } from '../domain/model';

/** OWASP 2023 recommendation for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;
export const SALT_BYTES = 16;
const HASH_BITS = 256;

export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 256;

// --- minimal WebCrypto typing ------------------------------------------------
interface SubtleLike {
  importKey(format: 'raw', keyData: Uint8Array, algorithm: 'PBKDF2', extractable: false, usages: ['deriveBits']): Promise<unknown>;
  deriveBits(algorithm: { name: 'PBKDF2'; hash: 'SHA-256'; salt: Uint8Array; iterations: number }, key: unknown, length: number): Promise<ArrayBuffer>;
}
interface CryptoLike {
  subtle: SubtleLike;
  getRandomValues<T extends Uint8Array>(array: T): T;
}
interface TextEncoderLike {
  encode(input: string): Uint8Array;
}

function webCrypto(): CryptoLike {
  const c = (globalThis as { crypto?: CryptoLike }).crypto;
  if (!c?.subtle) throw new Error('WebCrypto ist nicht verfügbar: Passwörter können nicht geprüft werden.');
  return c;
}

function utf8(text: string): Uint8Array {
  const Encoder = (globalThis as unknown as { TextEncoder: new () => TextEncoderLike }).TextEncoder;
  // NFC: the same password typed on different systems gives the same bytes.
  return new Encoder().encode(text.normalize('NFC'));
}

// --- base64 without DOM/Node helpers ----------------------------------------
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? B64[n & 63]! : '=';
  }
  return out;
}

export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of clean) {
    const v = B64.indexOf(ch);
    if (v < 0) throw new Error('Ungültige Base64-Daten im Passwort-Hash.');
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

// --- hashing -----------------------------------------------------------------
async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const { subtle } = webCrypto();
  const key = await subtle.importKey('raw', utf8(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

/** A new hash with a fresh random salt. `iterations` is for tests only; production uses the default. */
export async function hashPassword(password: string, iterations: number = PBKDF2_ITERATIONS): Promise<PasswordHash> {
  const salt = webCrypto().getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, iterations);
  return { alg: 'PBKDF2-SHA256', iterations, salt: toBase64(salt), hash: toBase64(hash) };
}

/** True when `password` matches the stored hash. Compares in constant time. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  if (stored.alg !== 'PBKDF2-SHA256' || !Number.isInteger(stored.iterations) || stored.iterations < 1) return false;
  let salt: Uint8Array;
  let expected: Uint8Array;
  try {
    salt = fromBase64(stored.salt);
    expected = fromBase64(stored.hash);
  } catch {
    return false;
  }
  const actual = await derive(password, salt, stored.iterations);
  return constantTimeEqual(actual, expected);
}

/** True when a stored hash is weaker than what new hashes get (re-hash on the next sign-in). */
export function needsRehash(stored: PasswordHash): boolean {
  return stored.alg !== 'PBKDF2-SHA256' || stored.iterations < PBKDF2_ITERATIONS;
}

/** Byte comparison whose running time does not depend on where the first difference is. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

// --- rules -------------------------------------------------------------------
export type PasswordProblem = 'tooShort' | 'tooLong' | 'equalsLogin' | 'mismatch';

/** German messages for the password rules (also keys `password.<problem>` in auth.json for the UI). */
export const PASSWORD_PROBLEM_DE: Record<PasswordProblem, string> = {
  tooShort: `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`,
  tooLong: `Das Passwort darf höchstens ${MAX_PASSWORD_LENGTH} Zeichen lang sein.`,
  equalsLogin: 'Das Passwort darf nicht der Anmeldename sein.',
  mismatch: 'Die beiden Passwörter stimmen nicht überein.',
};

/** The first rule a new password breaks, or null. `repeat` is the confirmation field when there is one. */
export function checkPassword(password: string, login: string, repeat?: string): PasswordProblem | null {
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (length > MAX_PASSWORD_LENGTH) return 'tooLong';
  if (normalizeLogin(password) === normalizeLogin(login)) return 'equalsLogin';
  if (repeat !== undefined && repeat !== password) return 'mismatch';
  return null;
}

/** Logins are compared case-insensitively and without surrounding spaces. */
export function normalizeLogin(login: string): string {
  return login.normalize('NFC').trim().toLocaleLowerCase('de');
}
