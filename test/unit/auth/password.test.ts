import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkPassword, constantTimeEqual, fromBase64, hashPassword, needsRehash, normalizeLogin, PASSWORD_PROBLEM_DE, toBase64, verifyPassword } from '../../../shared/auth/password';

describe('PBKDF2 hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const h = await hashPassword('Richtig-Passwort', 1000);
    expect(h).toMatchObject({ alg: 'PBKDF2-SHA256', iterations: 1000 });
    expect(fromBase64(h.salt)).toHaveLength(16);
    expect(fromBase64(h.hash)).toHaveLength(32);
    expect(await verifyPassword('Richtig-Passwort', h)).toBe(true);
    expect(await verifyPassword('richtig-Passwort', h)).toBe(false);
    expect(await verifyPassword('', h)).toBe(false);
  });

  it('uses a fresh random salt each time', async () => {
    const [a, b] = await Promise.all([hashPassword('gleich-gleich', 1000), hashPassword('gleich-gleich', 1000)]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('matches the PBKDF2-HMAC-SHA256 reference vector (RFC 7914 §11: "passwd"/"salt", c=1)', async () => {
    const stored = { alg: 'PBKDF2-SHA256' as const, iterations: 1, salt: toBase64(new TextEncoder().encode('salt')), hash: toBase64(hex('55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc')) };
    expect(await verifyPassword('passwd', stored)).toBe(true);
  });

  it('rejects a corrupted or foreign hash instead of throwing', async () => {
    const h = await hashPassword('Richtig-Passwort', 1000);
    expect(await verifyPassword('Richtig-Passwort', { ...h, hash: '!!!' })).toBe(false);
    expect(await verifyPassword('Richtig-Passwort', { ...h, iterations: 0 })).toBe(false);
    expect(await verifyPassword('Richtig-Passwort', { ...h, alg: 'MD5' as never })).toBe(false);
    expect(needsRehash(h)).toBe(true);
  });

  it('base64 round-trips any bytes like Node does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = toBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect([...fromBase64(text)]).toEqual([...bytes]);
      }),
    );
  });

  it('compares bytes by value', () => {
    expect(constantTimeEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 3))).toBe(true);
    expect(constantTimeEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 4))).toBe(false);
    expect(constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2, 0))).toBe(false);
  });
});

describe('password rules', () => {
  it('require 10 characters, not the login, and a matching repeat', () => {
    expect(checkPassword('123456789', 'x')).toBe('tooShort');
    expect(checkPassword('Meier.Anna', 'meier.anna')).toBe('equalsLogin');
    expect(checkPassword('gut-genug-1', 'anna', 'gut-genug-2')).toBe('mismatch');
    expect(checkPassword('gut-genug-1', 'anna', 'gut-genug-1')).toBeNull();
    expect(checkPassword('äöüßäöüßäö', 'anna')).toBeNull();
    expect(PASSWORD_PROBLEM_DE.tooShort).toMatch(/mindestens 10 Zeichen/);
  });

  it('compares logins case-insensitively without surrounding spaces', () => {
    expect(normalizeLogin('  Anna.Meier ')).toBe(normalizeLogin('anna.meier'));
  });
});

function hex(s: string): Uint8Array {
  return Uint8Array.from(s.match(/../g)!.map((b) => parseInt(b, 16)));
}
