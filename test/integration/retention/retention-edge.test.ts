// Retention on the share, the harder cases: change files of a RETIRED laptop
// (nobody owns them) are rewritten by the steward; an edit made offline
// before the run was seen wins the merge, is left alone by the purge (it is
// live data), makes the person due again ('reanonymise'), and a second run
// removes it everywhere.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/domain/model';
import { decryptFile, defaultCrypto, unlockKeyring } from '../../../shared/sync/cipher';
import { FORMAT_FILE, parseFormatFile } from '../../../shared/sync/format';
import { bytesToJson } from '../../../shared/sync/text';
import { runOperation, type Writer } from '../../../renderer/db/repository';
import { loadDue, runRetention } from '../../../renderer/features/retention/retentionCommands';
import { Laptop, NodeSharePort, tempShare, TEST_PASSPHRASE } from '../sync/harness';
import { accommodation, bed, municipality, person, room, unit } from '../db/fixtures';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

const ADMIN = { userId: 'u-admin', role: 'admin' as const, accommodationIds: [] };
const POLICY = { standardMonths: 1, refusedMonths: 1 };
const TODAY = '2026-11-21';

async function write(l: Laptop, operation: string, body: (w: Writer) => Promise<void>): Promise<void> {
  await runOperation(l.db, { user: l.name, deviceId: await l.deviceId(), actor: ADMIN }, operation, body);
}

async function retention(l: Laptop, personIds: string[]): Promise<void> {
  await runRetention(l.db, { user: l.name, deviceId: await l.deviceId(), actor: ADMIN }, { personIds, mode: 'anonymise', today: TODAY, policy: POLICY, archived: true });
}

async function shareTexts(root: string): Promise<Map<string, string>> {
  const c = defaultCrypto();
  const format = parseFormatFile(bytesToJson(readFileSync(path.join(root, FORMAT_FILE))));
  const key = await unlockKeyring(c, TEST_PASSPHRASE, format.kdf, format.wrappedKey);
  const out = new Map<string, string>();
  const walk = async (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) await walk(p);
      else {
        const rel = path.relative(root, p).split(path.sep).join('/');
        if (rel !== FORMAT_FILE) out.set(rel, new TextDecoder().decode(await decryptFile(c, key, rel, new Uint8Array(readFileSync(p)))));
      }
    }
  };
  await walk(root);
  return out;
}

async function dbText(l: Laptop): Promise<string> {
  const parts: string[] = [];
  for (const t of l.db.tables) parts.push(JSON.stringify(await t.toArray()));
  return parts.join('\n');
}

async function setup(names: string[]) {
  const share = tempShare();
  const port = new NodeSharePort(share.root);
  const laptops = await Promise.all(names.map((n) => Laptop.open(n, port, { snapshotEvery: 0 })));
  cleanups.push(share.cleanup, ...laptops.map((l) => () => l.close()));
  return { share, port, laptops };
}

const secretPerson = (): Omit<Person, 'createdAt' | 'updatedAt'> => ({
  ...person('px', null),
  familyName: 'Wojciechowska',
  givenName: 'Małgorzata',
  birthDate: '1979-05-23',
  notes: 'Bruder in Breslau',
});
const NEEDLES = ['Wojciechowska', 'Małgorzata', '1979-05-23', 'Breslau', 'Nachtrag offline'];

async function seed(l: Laptop): Promise<void> {
  await write(l, 'accommodation.create', async (w) => {
    await w.put('municipalities', municipality());
    await w.put('accommodations', accommodation());
    await w.put('units', unit());
    await w.put('rooms', room('r1'));
    await w.put('beds', bed('b1', 'r1', 'a1', 1));
  });
  await write(l, 'person.create', async (w) => {
    await w.put('persons', secretPerson());
    await w.put('stays', { id: 'sx', personId: 'px', bedId: 'b1', roomId: 'r1', accommodationId: 'a1', householdId: null, from: '2025-01-01', to: '2025-06-01' });
  });
}

describe('retention on the share: harder cases', () => {
  it("rewrites a retired laptop's change files through the steward", async () => {
    const { share, laptops } = await setup(['A', 'B', 'C']);
    const [a, b, c] = laptops as [Laptop, Laptop, Laptop];
    // C created the person; its change files hold the data. Then C is gone for good.
    await seed(c);
    await c.sync();
    await a.sync();
    await b.sync();
    const cId = await c.deviceId();
    await a.engine.retireDevice(cId, 'Laptop verschrottet');
    const cLogs = () => [...readdirSync(path.join(share.root, 'quartier-sync', 'log', cId))];
    expect(cLogs().length).toBeGreaterThan(0);

    await retention(a, ['px']);
    let rewritten = 0;
    for (let i = 0; i < 3; i++) {
      rewritten += (await a.sync()).purge?.rewritten ?? 0;
      rewritten += (await b.sync()).purge?.rewritten ?? 0;
    }
    expect(rewritten).toBeGreaterThan(0);
    // C's files are still there (nobody compacts them) but hold no data any more.
    expect(cLogs().length).toBeGreaterThan(0);
    for (const [f, text] of await shareTexts(share.root)) expect({ f, leaks: NEEDLES.filter((n) => text.includes(n)) }).toEqual({ f, leaks: [] });
    expect(await a.stateHash()).toBe(await b.stateHash());
    for (const l of [a, b]) {
      const text = await dbText(l);
      expect({ laptop: l.name, leaks: NEEDLES.filter((n) => text.includes(n)) }).toEqual({ laptop: l.name, leaks: [] });
    }
  });

  it('leaves a concurrent offline edit alone, lists the person again, and a second run removes it everywhere', async () => {
    const { share, laptops } = await setup(['A', 'B']);
    const [a, b] = laptops as [Laptop, Laptop];
    await seed(a);
    await a.sync();
    await b.sync();
    await a.sync();
    // B edits the notes offline; A runs retention without having seen it. B's clock is later: its edit wins.
    b.offsetMs = 60_000;
    await runOperation(b.db, { user: 'B', deviceId: await b.deviceId(), actor: ADMIN, now: () => new Date(Date.now() + 60_000) }, 'person.update', async (w) => {
      await w.patch('persons', 'px', { notes: 'Nachtrag offline' });
    });
    await retention(a, ['px']);
    for (let i = 0; i < 3; i++) {
      await a.sync();
      await b.sync();
    }
    expect(await a.stateHash()).toBe(await b.stateHash());
    const px = (await a.db.persons.get('px'))!;
    expect(px.familyName).toBe('Gelöscht');
    expect(px.notes).toBe('Nachtrag offline');
    expect((await loadDue(a.db, TODAY, POLICY)).map((d) => [d.personId, d.reason])).toEqual([['px', 'reanonymise']]);

    await retention(a, ['px']);
    for (let i = 0; i < 3; i++) {
      await a.sync();
      await b.sync();
    }
    expect(await a.stateHash()).toBe(await b.stateHash());
    expect(await loadDue(b.db, TODAY, POLICY)).toEqual([]);
    for (const [f, text] of await shareTexts(share.root)) expect({ f, leaks: NEEDLES.filter((n) => text.includes(n)) }).toEqual({ f, leaks: [] });
    for (const l of [a, b]) {
      const text = await dbText(l);
      expect({ laptop: l.name, leaks: NEEDLES.filter((n) => text.includes(n)) }).toEqual({ laptop: l.name, leaks: [] });
    }
  });
});
