// A second laptop joining an existing office (first start, „Mit der
// gemeinsamen Ablage verbinden“): two laptops with their own fake-indexeddb
// databases and ONE real temporary share folder. The joining laptop gets the
// office's users (and data) and signs in with the first laptop's password;
// no second first administrator exists. An unreachable or empty share and a
// wrong passphrase are refused before anything is written, locally or on the
// share.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFirstAdmin, createUser, signIn, signOut } from '../../../renderer/auth/users';
import { joinOffice, JoinRefusedError, type JoinSteps } from '../../../renderer/auth/joinOffice';
import { Laptop, NodeSharePort, tempShare, TEST_PASSPHRASE } from '../sync/harness';
import { snapshot } from '../db/snapshot';

const FAST = { iterations: 1000 };
const ADMIN_PW = 'Sonnenblume-2026';
let share: { root: string; cleanup: () => void };
const laptops: Laptop[] = [];

beforeEach(() => {
  share = tempShare();
  signOut();
});
afterEach(async () => {
  signOut();
  for (const l of laptops.splice(0)) {
    l.db.close();
    await l.db.delete();
  }
  share.cleanup();
});

async function laptop(name: string, root = share.root, passphrase = TEST_PASSPHRASE): Promise<Laptop> {
  const l = await Laptop.open(name, new NodeSharePort(root), { passphrase });
  laptops.push(l);
  return l;
}

/** The join steps over a harness laptop: the typed passphrase is only kept after the check. */
function stepsOf(l: Laptop): JoinSteps & { kept: string | null } {
  const steps = {
    kept: null as string | null,
    check: async (p: string) => {
      const before = l.passphrase;
      l.passphrase = p;
      try {
        await l.engine.checkPassphrase();
      } finally {
        l.passphrase = before;
      }
    },
    keepPassphrase: (p: string) => {
      steps.kept = p;
      l.passphrase = p;
      return Promise.resolve();
    },
    syncPass: () => l.sync(),
  };
  return steps;
}

/** Laptop A: the office with its first administrator, a colleague and a snapshot on the share. */
async function office(): Promise<Laptop> {
  const a = await laptop('A');
  const admin = await createFirstAdmin(a.db, { displayName: 'Frau Admin', login: 'admin', password: ADMIN_PW, passwordRepeat: ADMIN_PW }, FAST);
  await createUser(a.db, { displayName: 'Herr Feld', login: 'feld', password: 'Feldweg-12345', passwordRepeat: 'Feldweg-12345', role: 'field' }, { ...FAST, ctx: { deviceId: await a.deviceId(), user: 'Frau Admin', actor: { userId: admin.id, role: 'admin', accommodationIds: [] } } });
  signOut();
  await a.sync({ snapshot: true });
  return a;
}

function shareFiles(): string[] {
  return readdirSync(share.root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(share.root, path.join(d.parentPath, d.name)))
    .sort();
}

describe('joinOffice', () => {
  it('loads the office users from the share; the sign-in works with the password set on the other laptop; no second administrator', async () => {
    const a = await office();
    const b = await laptop('B', share.root, '');
    const steps = stepsOf(b);
    const phases: string[] = [];
    const { users } = await joinOffice(b.db, TEST_PASSPHRASE, steps, (p) => phases.push(p.phase));
    expect(users).toBe(2);
    expect(steps.kept).toBe(TEST_PASSPHRASE);
    expect((await b.db.users.toArray()).map((u) => u.login).sort()).toEqual(['admin', 'feld']);
    await expect(signIn(b.db, 'admin', ADMIN_PW, FAST)).resolves.toMatchObject({ role: 'admin' });
    // After both sync again (B's sign-in is an access event A receives): same state, one administrator.
    await b.sync();
    await a.sync();
    expect((await a.db.users.toArray()).filter((u) => u.role === 'admin')).toHaveLength(1);
    expect(await b.stateHash()).toBe(await a.stateHash());
  });

  it('refuses a wrong passphrase: nothing kept, nothing written locally or on the share', async () => {
    await office();
    const b = await laptop('B', share.root, '');
    const steps = stepsOf(b);
    const files = shareFiles();
    const before = await snapshot(b.db);
    await expect(joinOffice(b.db, 'falsches Passwort', steps)).rejects.toMatchObject({ code: 'wrongPassphrase' });
    expect(steps.kept).toBeNull();
    expect(await snapshot(b.db)).toEqual(before);
    expect(shareFiles()).toEqual(files);
  });

  it('refuses an empty share (no Quartier sync set up) and writes nothing there', async () => {
    const b = await laptop('B', share.root, '');
    const steps = stepsOf(b);
    const before = await snapshot(b.db);
    await expect(joinOffice(b.db, TEST_PASSPHRASE, steps)).rejects.toMatchObject({ code: 'shareEmpty' });
    expect(steps.kept).toBeNull();
    expect(await snapshot(b.db)).toEqual(before);
    expect(shareFiles()).toEqual([]);
  });

  it('refuses an unreachable share with its reason', async () => {
    const b = await laptop('B', path.join(share.root, 'gibt-es-nicht'), '');
    const error = await joinOffice(b.db, TEST_PASSPHRASE, stepsOf(b)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JoinRefusedError);
    expect((error as JoinRefusedError).code).toBe('shareOffline');
    expect(await b.db.users.count()).toBe(0);
  });

  it('refuses an empty passphrase and a laptop that already has users', async () => {
    await office();
    const b = await laptop('B', share.root, '');
    await expect(joinOffice(b.db, '  ', stepsOf(b))).rejects.toMatchObject({ code: 'passphraseMissing' });
    await createFirstAdmin(b.db, { displayName: 'Doppelt', login: 'admin', password: ADMIN_PW, passwordRepeat: ADMIN_PW }, FAST);
    await expect(joinOffice(b.db, TEST_PASSPHRASE, stepsOf(b))).rejects.toMatchObject({ code: 'usersExist' });
  });
});
