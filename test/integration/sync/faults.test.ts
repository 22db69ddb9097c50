// Guarantees 4, 5 and 7 against a real temp folder with injected faults.
import { copyFileSync, mkdirSync, readdirSync, renameSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Faults, Laptop, NodeSharePort, syncAll, tempShare } from './harness';
import { placeStay, seedBase } from './fixtures';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

function listAll(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

async function setup() {
  const share = tempShare();
  const faults = new Faults();
  const port = new NodeSharePort(share.root, faults.fs());
  const a = await Laptop.open('A', port);
  const b = await Laptop.open('B', port);
  cleanups.push(share.cleanup, () => a.close(), () => b.close());
  await seedBase(a);
  await syncAll([a, b]);
  return { share, faults, port, a, b };
}

const logDir = (root: string) => path.join(root, 'quartier-sync', 'log');

describe('faults on the share', () => {
  it('retries renames that fail with EPERM/EBUSY and reports a permanent failure without losing the change', async () => {
    const { faults, a, b } = await setup();
    faults.renameFailures = ['EPERM', 'EBUSY'];
    await a.write('person.update', (w) => w.patch('persons', 'p1', { notes: 'eins' }).then(() => undefined));
    expect((await a.sync()).state).toBe('ok');
    faults.renameFailures = ['EPERM', 'EPERM', 'EPERM', 'EPERM', 'EACCES', 'EACCES', 'EACCES', 'EACCES'];
    await a.write('person.update', (w) => w.patch('persons', 'p2', { notes: 'zwei' }).then(() => undefined));
    const failed = await a.sync();
    expect(failed.state).toBe('error');
    expect(failed.message).toMatch(/konnte nicht im Austauschordner gespeichert werden/);
    expect(await a.pendingCount()).toBe(1);
    faults.renameFailures = [];
    await syncAll([a, b]);
    expect((await b.db.table('persons').get('p2')).notes).toBe('zwei');
    expect(await a.stateHash()).toBe(await b.stateHash());
  });

  it('quarantines garbage and torn files with a warning and keeps syncing everything else', async () => {
    const { share, a, b } = await setup();
    const aId = await a.deviceId();
    await a.write('person.update', (w) => w.patch('persons', 'p1', { notes: 'wichtig' }).then(() => undefined));
    await a.sync();
    const dir = path.join(logDir(share.root), aId);
    const [real] = readdirSync(dir).filter((n) => n.startsWith('000000000002'));
    // A torn copy under another valid name for the same seqs, a garbage file
    // claiming later seqs, and a foreign file with an unknown name.
    const torn = readFileSync(path.join(dir, real!));
    writeFileSync(path.join(dir, '000000000002-000000000002-00000000.qsync'), torn.subarray(0, torn.length - 7));
    writeFileSync(path.join(dir, '000000000003-000000000003-bbbbbbbb.qsync'), 'garbage');
    writeFileSync(path.join(share.root, 'quartier-sync', 'Desktop.ini'), 'x');
    const c = await Laptop.open('C', a.engine['o'].port);
    cleanups.push(() => c.close());
    const report = await c.sync();
    expect(report.state).toBe('ok');
    // Readers try the lowest name first for a seq, so the torn copy (suffix 00000000) is met before the real file.
    expect(report.quarantined.map((q) => path.basename(q.path)).sort()).toEqual(['000000000002-000000000002-00000000.qsync', '000000000003-000000000003-bbbbbbbb.qsync']);
    expect(report.waitingFor).toEqual([]);
    expect((await c.db.table('persons').get('p1')).notes).toBe('wichtig');
    // The garbage claims seq 3 that A has not written: C waits for it, A's real seq 3 later is applied.
    await b.write('person.update', (w) => w.patch('persons', 'p3', { notes: 'von B' }).then(() => undefined));
    await a.write('person.update', (w) => w.patch('persons', 'p2', { notes: 'seq 3' }).then(() => undefined));
    await syncAll([a, b, c]);
    expect((await c.db.table('persons').get('p2')).notes).toBe('seq 3');
    expect((await c.db.table('persons').get('p3')).notes).toBe('von B');
    expect(await c.stateHash()).toBe(await a.stateHash());
    const quarantined = await c.db.syncState.where('key').startsWith('quarantine:').count();
    expect(quarantined).toBeGreaterThanOrEqual(1);
  });

  it('waits for files a stale listing does not show yet, and never skips them', async () => {
    const { faults, a, b } = await setup();
    faults.staleListings = 3;
    for (let i = 0; i < 3; i++) {
      await a.write('person.update', (w) => w.patch('persons', 'p1', { notes: `n${i}` }).then(() => undefined));
      await a.sync();
    }
    const r = await b.sync();
    expect(r.applied).toBe(0);
    await syncAll([a, b], 4);
    expect((await b.db.table('persons').get('p1')).notes).toBe('n2');
    expect(await b.stateHash()).toBe(await a.stateHash());
  });

  it('a vanished or empty share is offline, never "everything was deleted"', async () => {
    const { share, faults, b } = await setup();
    const before = await b.stateHash();
    faults.vanished = true;
    const r = await b.sync();
    expect(r.state).toBe('offline');
    expect(await b.stateHash()).toBe(before);
    faults.vanished = false;

    // The drive letter now points at an empty folder: nothing is written, nothing deleted locally.
    const moved = `${share.root}-moved`;
    renameSync(share.root, moved);
    mkdirSync(share.root);
    const r2 = await b.sync();
    expect(r2.state).toBe('offline');
    expect(r2.message).toMatch(/format\.json/);
    expect(listAll(share.root)).toEqual([]);
    expect(await b.stateHash()).toBe(before);
    expect(await b.db.table('persons').count()).toBe(3);
    renameSync(share.root, `${share.root}-empty`);
    renameSync(moved, share.root);
    cleanups.push(() => undefined);
    expect((await b.sync()).state).toBe('ok');
  });

  it('the share vanishing mid-sync ends the pass cleanly; the next pass completes', async () => {
    const { faults, a, b } = await setup();
    for (let i = 0; i < 5; i++) {
      await a.write('person.update', (w) => w.patch('persons', 'p1', { notes: `v${i}` }).then(() => undefined));
      await a.sync();
    }
    faults.vanishAfterReads = 2;
    const r = await b.sync();
    expect(r.state).toBe('offline');
    faults.vanished = false;
    faults.vanishAfterReads = null;
    await syncAll([a, b]);
    expect((await b.db.table('persons').get('p1')).notes).toBe('v4');
    expect(await b.stateHash()).toBe(await a.stateHash());
  });

  it('out of space: the write fails, no partial file is left, the change ships later', async () => {
    const { share, faults, a, b } = await setup();
    faults.outOfSpace = true;
    await placeStay(a, 's1', 'p1', 'b1');
    const r = await a.sync();
    expect(r.state).toBe('error');
    expect(r.message).toMatch(/ENOSPC/);
    expect(listAll(share.root).filter((p) => p.includes('quartier-tmp'))).toEqual([]);
    faults.outOfSpace = false;
    await syncAll([a, b]);
    expect(await b.db.table('stays').count()).toBe(1);
  });

  it('a wrong passphrase writes nothing and says so', async () => {
    const { share, a } = await setup();
    const port = a.engine['o'].port;
    const c = await Laptop.open('C', port, { passphrase: 'falsch' });
    cleanups.push(() => c.close());
    await placeStay(c, 'sX', 'p1', 'b1');
    const before = listAll(share.root);
    const r = await c.sync();
    expect(r.state).toBe('error');
    expect(r.message).toMatch(/Passwort der Organisation ist falsch/);
    expect(listAll(share.root)).toEqual(before);
    expect(await c.pendingCount()).toBe(1);
  });

  it('without a passphrase the sync is "not set up", not an error, and writes nothing', async () => {
    const { share, a } = await setup();
    const port = a.engine['o'].port;
    const d = await Laptop.open('D', port, { passphrase: '' });
    cleanups.push(() => d.close());
    await placeStay(d, 'sY', 'p2', 'b2');
    const before = listAll(share.root);
    const r = await d.sync();
    expect(r.state).toBe('unconfigured');
    expect(r.message).toMatch(/Passwort der Organisation/);
    expect(listAll(share.root)).toEqual(before);
    expect(await d.pendingCount()).toBe(1);
  });

  it('stores no personal data in file names or in clear text on the share', async () => {
    const { share, a } = await setup();
    await a.sync({ snapshot: true });
    for (const rel of listAll(share.root)) {
      expect(rel).not.toMatch(/Haddad|Yusuf|Koval|Hechingen/);
      const text = readFileSync(path.join(share.root, rel)).toString('latin1');
      expect(text).not.toMatch(/Haddad|Yusuf|Koval|Hechingen/);
    }
  });

  it('a file copied to another name fails authentication and is quarantined', async () => {
    const { share, a, b } = await setup();
    const aId = await a.deviceId();
    const dir = path.join(logDir(share.root), aId);
    const [first] = readdirSync(dir);
    copyFileSync(path.join(dir, first!), path.join(dir, '000000000001-000000000001-00000000.qsync'));
    const c = await Laptop.open('C', a.engine['o'].port);
    cleanups.push(() => c.close());
    const r = await c.sync();
    expect(r.quarantined.map((q) => path.basename(q.path))).toContain('000000000001-000000000001-00000000.qsync');
    expect(await c.stateHash()).toBe(await b.stateHash());
  });
});
