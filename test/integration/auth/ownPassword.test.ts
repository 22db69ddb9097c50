// "Passwort ändern": every user may change their OWN password without
// 'users:manage' (OWN_ACCOUNT_OPERATIONS, repository point 6), on a real
// IndexedDB. The exception covers only the password of the actor's own
// record; everything else still needs the permission, and a refusal writes
// nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../shared/auth/password';
import type { User } from '../../../shared/domain/model';
import { AuthRefusedError, PermissionDeniedError } from '../../../renderer/auth/errors';
import { changeOwnPassword, createFirstAdmin, createUser, setPassword, signIn, signOut } from '../../../renderer/auth/users';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import { runOperation, type WriteContext } from '../../../renderer/db/repository';
import { snapshot } from '../db/snapshot';

const FAST = { iterations: 1000 };
const ADMIN_PW = 'Sonnenblume-2026';
const CLERK_PW = 'Kastanienallee-7';
let db: QuartierDb;
let n = 0;
let admin: User;
let clerk: User;

beforeEach(async () => {
  db = await openDatabase(`auth-own-password-${process.pid}-${++n}`);
  signOut();
  admin = await createFirstAdmin(db, { displayName: 'Frau Admin', login: 'admin', password: ADMIN_PW, passwordRepeat: ADMIN_PW }, FAST);
  clerk = await createUser(db, { displayName: 'Herr Sachbearbeiter', login: 'sb', password: CLERK_PW, passwordRepeat: CLERK_PW, role: 'caseworker' }, FAST);
  signOut();
  await signIn(db, 'sb', CLERK_PW, FAST);
});
afterEach(async () => {
  signOut();
  db.close();
  await db.delete();
});

const clerkCtx = (): WriteContext => ({ deviceId: 'dev-own', user: clerk.displayName, actor: { userId: clerk.id, role: 'caseworker', accommodationIds: [] } });

describe('changeOwnPassword', () => {
  it('lets Sachbearbeitung (no users:manage) change their own password as user.setPassword; the new one signs in, the old one not', async () => {
    const result = await changeOwnPassword(db, { oldPassword: CLERK_PW, newPassword: 'Lindenblatt-2027', newPasswordRepeat: 'Lindenblatt-2027' }, FAST);
    expect(result.change?.operation).toBe('user.setPassword');
    expect(result.change?.ops.map((op) => `${op.table}/${op.id}`)).toEqual([`users/${clerk.id}`]);
    const stored = (await db.users.get(clerk.id))!;
    expect(await verifyPassword('Lindenblatt-2027', stored.password)).toBe(true);
    expect(JSON.stringify(await db.audit.toArray())).not.toContain('Lindenblatt-2027');
    signOut();
    await expect(signIn(db, 'sb', CLERK_PW, FAST)).rejects.toBeInstanceOf(AuthRefusedError);
    await expect(signIn(db, 'sb', 'Lindenblatt-2027', FAST)).resolves.toMatchObject({ userId: clerk.id });
  });

  it('refuses a wrong old password, a mismatch, a too short or unchanged password, and writes nothing', async () => {
    const before = await snapshot(db);
    const attempt = (oldPassword: string, newPassword: string, newPasswordRepeat = newPassword) => changeOwnPassword(db, { oldPassword, newPassword, newPasswordRepeat }, FAST);
    await expect(attempt('falsch-falsch', 'Lindenblatt-2027')).rejects.toMatchObject({ code: 'oldPasswordWrong', message: 'Das bisherige Passwort ist falsch.' });
    await expect(attempt(CLERK_PW, 'Lindenblatt-2027', 'Lindenblatt-2028')).rejects.toMatchObject({ code: 'password.mismatch' });
    await expect(attempt(CLERK_PW, 'kurz')).rejects.toMatchObject({ code: 'password.tooShort' });
    await expect(attempt(CLERK_PW, CLERK_PW)).rejects.toMatchObject({ code: 'password.unchanged' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses without a signed-in user', async () => {
    signOut();
    await expect(changeOwnPassword(db, { oldPassword: CLERK_PW, newPassword: 'Lindenblatt-2027', newPasswordRepeat: 'Lindenblatt-2027' }, FAST)).rejects.toBeInstanceOf(AuthRefusedError);
  });
});

describe('the own-account exception in runOperation', () => {
  it('still refuses setting SOMEONE ELSE’s password without users:manage, writing nothing', async () => {
    const before = await snapshot(db);
    await expect(setPassword(db, admin.id, 'Uebernahme-2026', 'Uebernahme-2026', FAST)).rejects.toSatisfy(
      (e: unknown) => e instanceof PermissionDeniedError && e.reason === 'missingPermission' && e.permission === 'users:manage',
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses other fields of the own record (role, name) and a second record in the same operation', async () => {
    const hash = await hashPassword('Lindenblatt-2027', 1000);
    const before = await snapshot(db);
    const refused = (body: Parameters<typeof runOperation>[3]) =>
      expect(runOperation(db, clerkCtx(), 'user.setPassword', body)).rejects.toSatisfy((e: unknown) => e instanceof PermissionDeniedError && e.permission === 'users:manage');
    await refused(async (w) => {
      await w.patch('users', clerk.id, { password: hash, role: 'admin' });
    });
    await refused(async (w) => {
      await w.patch('users', clerk.id, { displayName: 'Chef' });
    });
    await refused(async (w) => {
      await w.patch('users', clerk.id, { password: hash });
      await w.patch('users', admin.id, { password: hash });
    });
    await refused(async (w) => {
      await w.patch('persons', 'p-x', { notes: 'x' }).catch(() => undefined);
      await w.put('users', { ...clerk, id: 'u-new', login: 'neu' });
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('does not extend to other operations or to undo', async () => {
    await expect(runOperation(db, clerkCtx(), 'user.update', (w) => w.patch('users', clerk.id, { displayName: 'X' }).then(() => undefined))).rejects.toBeInstanceOf(
      PermissionDeniedError,
    );
    await expect(
      runOperation(db, clerkCtx(), 'undo', (w) => w.patch('users', clerk.id, { password: admin.password }).then(() => undefined), { undoes: 'user.setPassword' }),
    ).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  it('a deactivated user cannot use it (the record, not the session, counts)', async () => {
    await db.users.update(clerk.id, { active: false });
    await expect(
      runOperation(db, clerkCtx(), 'user.setPassword', async (w) => {
        await w.patch('users', clerk.id, { password: admin.password });
      }),
    ).rejects.toMatchObject({ reason: 'inactive' });
  });
});
