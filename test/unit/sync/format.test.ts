import { describe, expect, it } from 'vitest';
import { logFileName, parseShareFile, regFileName, snapshotFileName, ackFileName, vectorCovers, validateLogPayload, PayloadError } from '../../../shared/sync/format';

const dev = '3f0c2a9e-1b2c-4d5e-8f90-123456789abc';

describe('share file names', () => {
  it('round-trips every kind and carries only random ids and numbers', () => {
    const log = logFileName(dev, 1, 20, '0a1b2c3d');
    expect(log).toBe(`quartier-sync/log/${dev}/000000000001-000000000020-0a1b2c3d.qsync`);
    expect(parseShareFile(log)).toMatchObject({ kind: 'log', deviceId: dev, first: 1, last: 20 });
    expect(parseShareFile(regFileName(dev, 1))).toMatchObject({ kind: 'reg', n: 1 });
    expect(parseShareFile(ackFileName(dev, 7))).toMatchObject({ kind: 'ack', n: 7 });
    expect(parseShareFile(snapshotFileName(dev, 1760000000000, 'deadbeef'))).toMatchObject({ kind: 'snapshot', wallMs: 1760000000000 });
  });

  it('ignores names it does not recognise', () => {
    for (const p of [
      'quartier-sync/log/x/1.qsync',
      `quartier-sync/log/${dev}/000000000005-000000000001-0a1b2c3d.qsync`,
      `quartier-sync/log/${dev}/000000000001-000000000020-0a1b2c3d.qsync.quartier-tmp`,
      `quartier-sync/log/Familie Haddad/000000000001-000000000020-0a1b2c3d.qsync`,
      'quartier-sync/readme.txt',
      'Thumbs.db',
    ]) {
      expect(parseShareFile(p)).toBeNull();
    }
  });

  it('rejects a log payload that does not match its name', () => {
    const f = { kind: 'log' as const, path: 'x', deviceId: dev, first: 1, last: 1 };
    const good = { v: 1, deviceId: dev, first: 1, last: 1, changes: [{ changeId: `${dev}:1`, deviceId: dev, seq: 1, hlc: 'h', ops: [] }] };
    expect(validateLogPayload(good, f).changes).toHaveLength(1);
    expect(() => validateLogPayload({ ...good, first: 2 }, f)).toThrow(PayloadError);
    expect(() => validateLogPayload({ ...good, changes: [{ ...good.changes[0], seq: 2 }] }, f)).toThrow(PayloadError);
    expect(() => validateLogPayload({ ...good, changes: [{ ...good.changes[0], ops: [{ kind: 'drop', table: 'persons', id: 'p' }] }] }, f)).toThrow(PayloadError);
  });

  it('vectorCovers', () => {
    expect(vectorCovers({ a: 3 }, { a: 3 })).toBe(true);
    expect(vectorCovers({ a: 2 }, { a: 3 })).toBe(false);
    expect(vectorCovers({}, { a: 3 }, 'a')).toBe(true);
  });
});
