// User commands (renderer/auth/users.ts) on a real IndexedDB: first
// administrator, creating/changing users, password reset, sign-in with its
// access events, duplicates after sync, the last-administrator rule.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PBKDF2_ITERATIONS, verifyPassword } from '../../../shared/auth/password';
import type { User } from '../../../shared/domain/model';
import { AuthRefusedError, PermissionDeniedError } from '../../../renderer/auth/errors';
import { currentUser, useSession } from '../../../renderer/auth/session';
import { createFirstAdmin, createUser, duplicateLogins, hasUsers, setPassword, signIn, signOut, unlock, updateUser } from '../../../renderer/auth/users';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import { resolveWriteContext } from '../../../renderer/features/operations/commandContext';
import { findLastUndoable } from '../../../renderer/features/operations/undo';
import { snapshot } from '../db/snapshot';

const FAST = { iterations: 1000 };
const ADMIN_PW = 'Sonnenblume-2026';
let db: QuartierDb;
let n = 0;

beforeEach(async () => {
  db = await openDatabase(`auth-users-${process.pid}-${++n}`);
  signOut();
});
afterEach(async () => {
  signOut();
  db.close();
  await db.delete();
});

async function firstAdmin(): Promise<User> {
  return createFirstAdmin(db, { displayName: 'Frau Admin', login: 'Admin', password: ADMIN_PW, passwordRepeat: ADMIN_PW }, FAST);
}

describe('first administrator', () => {
  it('is created on an empty database, signed in, with a PBKDF2 hash (never the password)', async () => {
    expect(await hasUsers(db)).toBe(false);
    const admin = await firstAdmin();
    expect(admin).toMatchObject({ login: 'Admin', role: 'admin', active: true, accommodationIds: [] });
    expect(JSON.stringify(await db.users.toArray())).not.toContain(ADMIN_PW);
    expect(await verifyPassword(ADMIN_PW, admin.password)).toBe(true);
    expect(currentUser()).toMatchObject({ userId: admin.id, role: 'admin' });
    const [change] = (await db.outbox.toArray()).map((e) => e.change);
    expect(change?.operation).toBe('user.create');
    expect((await db.audit.toArray()).map((a) => a.userId)).toEqual([admin.id]);
  });

  it('is not offered to "Rückgängig" (nor is a sign-in): undo could remove the only administrator', async () => {
    await firstAdmin();
    await signIn(db, 'admin', ADMIN_PW, FAST);
    expect(await findLastUndoable(db)).toBeNull();
  });

  it('uses 600,000 iterations by default', async () => {
    const admin = await createFirstAdmin(db, { displayName: 'A', login: 'a.admin', password: ADMIN_PW });
    expect(admin.password.iterations).toBe(PBKDF2_ITERATIONS);
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  it('is refused once a user exists, and with bad input, writing nothing', async () => {
    await firstAdmin();
    const before = await snapshot(db);
    await expect(createFirstAdmin(db, { displayName: 'B', login: 'b', password: 'x'.repeat(12) }, FAST)).rejects.toThrow(/Es gibt bereits Benutzer/);
    expect(await snapshot(db)).toEqual(before);
  });

  it.each([
    [{ displayName: 'A', login: 'admin', password: 'kurz' }, /mindestens 10 Zeichen/],
    [{ displayName: 'A', login: 'admin1234567', password: 'ADMIN1234567' }, /nicht der Anmeldename/],
    [{ displayName: 'A', login: 'admin', password: ADMIN_PW, passwordRepeat: 'anders-12345' }, /stimmen nicht überein/],
    [{ displayName: ' ', login: 'admin', password: ADMIN_PW }, /Namen an/],
    [{ displayName: 'A', login: 'mit leerzeichen', password: ADMIN_PW }, /Anmeldename darf nur/],
  ])('refuses %o with a German message', async (input, message) => {
    await expect(createFirstAdmin(db, input, FAST)).rejects.toThrow(message);
    expect(await db.users.count()).toBe(0);
  });
});

describe('users', () => {
  beforeEach(async () => {
    await firstAdmin();
    await db.accommodations.put({
      id: 'acc-1', name: 'GU Balingen', kind: 'gu', address: { street: 's', zip: '1', city: 'c' }, municipalityId: 'm', lease: { start: null, end: null, rentCents: null, rentFree: false },
      status: 'active', openedOn: '2020-01-01', closedOn: null, reservePlaces: 0, createdAt: 'x', updatedAt: 'x',
    });
  });

  it('creates a user (login unique case-insensitively) and refuses a duplicate', async () => {
    const u = await createUser(db, { displayName: 'Herr Feld', login: 'feld', password: 'Feldweg-123', role: 'field', accommodationIds: ['acc-1'] }, FAST);
    expect(u).toMatchObject({ role: 'field', active: true, accommodationIds: ['acc-1'] });
    const before = await snapshot(db);
    await expect(createUser(db, { displayName: 'X', login: 'FELD', password: 'Feldweg-456', role: 'readonly' }, FAST)).rejects.toThrow('Den Anmeldenamen „FELD“ gibt es schon.');
    await expect(createUser(db, { displayName: 'X', login: 'neu', password: 'Feldweg-456', role: 'readonly', accommodationIds: ['nope'] }, FAST)).rejects.toThrow(/zugewiesenen Unterkünfte gibt es nicht/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('only Administration may manage users', async () => {
    await createUser(db, { displayName: 'Frau Lese', login: 'lese', password: 'Lesebrille-1', role: 'readonly' }, FAST);
    await signIn(db, 'lese', 'Lesebrille-1', FAST);
    const before = await snapshot(db);
    await expect(createUser(db, { displayName: 'X', login: 'x', password: 'Xylophon-123', role: 'admin' }, FAST)).rejects.toThrow('Keine Berechtigung: Ihnen fehlt „Benutzer verwalten“.');
    await expect(updateUser(db, (await db.users.where('login').equals('lese').first())!.id, { role: 'admin' })).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await snapshot(db)).toEqual(before);
  });

  it('never lets the last active administrator be deactivated or demoted', async () => {
    const admin = currentUser()!;
    const before = await snapshot(db);
    await expect(updateUser(db, admin.userId, { active: false })).rejects.toThrow(/letzte aktive Administration/);
    await expect(updateUser(db, admin.userId, { role: 'housing' })).rejects.toThrow(/letzte aktive Administration/);
    expect(await snapshot(db)).toEqual(before);
    // With a second administrator it works, and the session follows the record.
    await createUser(db, { displayName: 'Zweite', login: 'admin2', password: 'Zweite-Admin-1', role: 'admin' }, FAST);
    await updateUser(db, admin.userId, { role: 'housing', displayName: 'Frau Verwaltung' });
    expect(currentUser()).toMatchObject({ role: 'housing', displayName: 'Frau Verwaltung' });
  });

  it('resets a password; the old one stops working', async () => {
    const u = await createUser(db, { displayName: 'S', login: 'sach', password: 'Altes-Passwort1', role: 'caseworker' }, FAST);
    await expect(setPassword(db, u.id, 'sach', undefined, FAST)).rejects.toThrow(/mindestens 10/);
    await setPassword(db, u.id, 'Neues-Passwort2', 'Neues-Passwort2', FAST);
    signOut();
    await expect(signIn(db, 'sach', 'Altes-Passwort1', FAST)).rejects.toThrow('Anmeldename oder Passwort ist falsch.');
    await expect(signIn(db, 'sach', 'Neues-Passwort2', FAST)).resolves.toMatchObject({ role: 'caseworker' });
  });
});

describe('sign-in', () => {
  beforeEach(async () => {
    await firstAdmin();
    signOut();
  });

  it('signs in case-insensitively and records access.signIn', async () => {
    const s = await signIn(db, '  ADMIN ', ADMIN_PW, FAST);
    expect(s.role).toBe('admin');
    expect(useSession.getState().user?.userId).toBe(s.userId);
    const events = await db.accessLog.toArray();
    expect(events).toEqual([expect.objectContaining({ kind: 'signIn', userId: s.userId, userName: 'Frau Admin', personIds: [] })]);
    expect((await db.outbox.toArray()).at(-1)?.change.operation).toBe('access.signIn');
  });

  it('a wrong password and an unknown login fail alike; the unknown one is recorded with userId "" and without the typed text', async () => {
    const admin = (await db.users.toArray())[0]!;
    const e1 = await signIn(db, 'admin', 'falsch-falsch', FAST).catch((e: unknown) => e);
    const e2 = await signIn(db, 'Geheimnis-im-Loginfeld', 'x', FAST).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(AuthRefusedError);
    expect((e1 as Error).message).toBe((e2 as Error).message);
    const events = await db.accessLog.orderBy('at').toArray();
    expect(events.map((e) => [e.kind, e.userId])).toEqual([
      ['signInFailed', admin.id],
      ['signInFailed', ''],
    ]);
    expect(JSON.stringify(events)).not.toContain('Geheimnis');
    expect(currentUser()).toBeNull();
    await expect(resolveWriteContext(db)).rejects.toThrow(/Nicht angemeldet/);
  });

  it('an inactive user cannot sign in', async () => {
    await signIn(db, 'admin', ADMIN_PW, FAST);
    const u = await createUser(db, { displayName: 'Weg', login: 'weg', password: 'Weggegangen-1', role: 'housing' }, FAST);
    await updateUser(db, u.id, { active: false });
    signOut();
    await expect(signIn(db, 'weg', 'Weggegangen-1', FAST)).rejects.toThrow('Anmeldename oder Passwort ist falsch.');
  });

  it('with a login twice (two laptops), takes the active account whose password matches; the list flags it', async () => {
    const mk = async (id: string, password: string, active: boolean) => {
      const u = (await db.users.toArray())[0]!;
      const { hashPassword } = await import('../../../shared/auth/password');
      await db.users.put({ ...u, id, login: id === 'dup-1' ? 'Meier' : 'meier', displayName: id, role: 'housing', active, password: await hashPassword(password, 1000) });
    };
    await mk('dup-1', 'Passwort-Eins1', true);
    await mk('dup-2', 'Passwort-Zwei2', true);
    expect(duplicateLogins(await db.users.toArray())).toEqual(new Set(['meier']));
    expect((await signIn(db, 'meier', 'Passwort-Zwei2', FAST)).userId).toBe('dup-2');
    expect((await signIn(db, 'MEIER', 'Passwort-Eins1', FAST)).userId).toBe('dup-1');
  });

  it('unlock needs the password of the same user', async () => {
    await signIn(db, 'admin', ADMIN_PW, FAST);
    useSession.getState().lock();
    await expect(unlock(db, 'falsch-falsch', FAST)).rejects.toThrow('Das Passwort ist falsch.');
    expect(useSession.getState().locked).toBe(true);
    await unlock(db, ADMIN_PW, FAST);
    expect(useSession.getState().locked).toBe(false);
  });
});
