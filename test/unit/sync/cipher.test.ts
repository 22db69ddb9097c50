import { describe, expect, it } from 'vitest';
import { createKeyring, decryptFile, DecryptError, defaultCrypto, encryptFile, unlockKeyring, WrongPassphraseError } from '../../../shared/sync/cipher';
import { utf8Decode, utf8Encode, fromBase64, toBase64 } from '../../../shared/sync/text';

const c = defaultCrypto();

describe('share encryption', () => {
  it('round-trips a file and binds it to its name', async () => {
    const { key } = await createKeyring(c, 'geheim', 1000);
    const body = await encryptFile(c, key, 'quartier-sync/log/x/1.qsync', utf8Encode('Familie Haddad'));
    expect(Buffer.from(body).toString('latin1')).not.toContain('Haddad');
    expect(utf8Decode(await decryptFile(c, key, 'quartier-sync/log/x/1.qsync', body))).toBe('Familie Haddad');
    await expect(decryptFile(c, key, 'quartier-sync/log/x/2.qsync', body)).rejects.toBeInstanceOf(DecryptError);
    const torn = body.subarray(0, body.length - 5);
    await expect(decryptFile(c, key, 'quartier-sync/log/x/1.qsync', torn)).rejects.toBeInstanceOf(DecryptError);
    const flipped = body.slice();
    flipped[20] = flipped[20]! ^ 1;
    await expect(decryptFile(c, key, 'quartier-sync/log/x/1.qsync', flipped)).rejects.toBeInstanceOf(DecryptError);
  });

  it('unwraps the data key only with the right passphrase', async () => {
    const created = await createKeyring(c, 'richtig', 1000);
    const key = await unlockKeyring(c, 'richtig', created.kdf, created.wrapped);
    const body = await encryptFile(c, created.key, 'f', utf8Encode('x'));
    expect(utf8Decode(await decryptFile(c, key, 'f', body))).toBe('x');
    await expect(unlockKeyring(c, 'falsch', created.kdf, created.wrapped)).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('base64 matches Node', () => {
    for (const n of [0, 1, 2, 3, 31, 100]) {
      const bytes = c.getRandomValues(new Uint8Array(n));
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      expect([...fromBase64(toBase64(bytes))]).toEqual([...bytes]);
    }
  });
});
