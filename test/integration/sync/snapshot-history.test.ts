// A laptop joining from a snapshot gets the history too: the audit trail of
// the laptop that wrote the snapshot (local table, carried in the snapshot)
// and the user accounts and access log (synced entity tables).
import { afterEach, describe, expect, it } from 'vitest';
import { Laptop, NodeSharePort, syncAll, tempShare } from './harness';
import { seedBase } from './fixtures';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

describe('snapshots carry the history', () => {
  it('a laptop joining from a snapshot has the audit trail, the users and the access log', async () => {
    const share = tempShare();
    const port = new NodeSharePort(share.root);
    const a = await Laptop.open('A', port, { snapshotEvery: 0 });
    cleanups.push(share.cleanup, () => a.close());
    await seedBase(a);
    // The test actor (u-admin) itself, so later operations pass the permission check.
    await a.write('user.create', async (w) => {
      await w.put('users', {
        id: 'u-admin', login: 'mia', displayName: 'Mia Berger', role: 'admin', active: true, accommodationIds: [],
        password: { alg: 'PBKDF2-SHA256', iterations: 600_000, salt: 'c2FsdA==', hash: 'aGFzaA==' },
      });
    });
    const aId = await a.deviceId();
    await a.write('access.export', async (w) => {
      await w.put('accessLog', {
        id: 'ev-1', at: '2026-11-21T10:00:00.000Z', kind: 'export', userId: 'u-admin', userName: 'Mia Berger', deviceId: aId,
        subject: 'report.occupancy.xlsx', description: 'Belegungsliste exportiert', personIds: [],
      });
    });
    await a.write('person.update', (w) => w.patch('persons', 'p1', { notes: 'Vermerk' }).then(() => undefined));
    const r = await a.sync({ snapshot: true });
    expect(r.snapshotWritten).toBeTruthy();
    const aAudit = (await a.db.audit.toArray()).sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(aAudit.length).toBeGreaterThan(10);

    // A new laptop starts from that snapshot.
    const d = await Laptop.open('D', port, { snapshotEvery: 0 });
    cleanups.push(() => d.close());
    const joined = await d.sync();
    expect(joined.state).toBe('ok');
    // Everything came from the snapshot, not from replaying the logs.
    expect(joined.applied).toBe(0);
    const dAudit = (await d.db.audit.toArray()).sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(dAudit).toEqual(aAudit);
    expect(dAudit.some((e) => e.operation === 'person.update' && e.entityId === 'p1')).toBe(true);
    expect(await d.db.users.get('u-admin')).toMatchObject({ login: 'mia', role: 'admin' });
    expect(await d.db.accessLog.get('ev-1')).toMatchObject({ kind: 'export', userName: 'Mia Berger' });
    await syncAll([a, d]);
    expect(await d.stateHash()).toBe(await a.stateHash());
  });
});
