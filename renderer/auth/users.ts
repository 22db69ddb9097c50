// User commands: the first administrator, creating and changing users,
// passwords, sign-in/out and unlocking. Every write goes through runOperation
// (synced, audited, permission-checked like any other change).
//
// Password hashing (PBKDF2, ~0.3 s) happens BEFORE the transaction: an await
// on WebCrypto inside runOperation's body would let IndexedDB commit early.
// The rules that depend on other records (login unique, last administrator)
// are checked again inside the transaction, on what is stored then.
import { checkPassword, hashPassword, MIN_PASSWORD_LENGTH, normalizeLogin, verifyPassword } from '../../shared/auth/password';
import type { AccessEvent, Id, PasswordHash, Role, User } from '../../shared/domain/model';
import { ROLES } from '../../shared/domain/model';
import type { QuartierDb } from '../db/db';
import { runOperation, type OperationResult, type Writer } from '../db/repository';
import { getDeviceId } from '../db/settings';
import { newId, resolveWriteContext, type CommandOptions } from '../features/operations/commandContext';
import { AuthRefusedError } from './errors';
import { sessionUserOf, useSession, type SessionUser } from './session';

const LOGIN_PATTERN = /^[\p{L}\p{N}._-]{1,64}$/u;
const MAX_NAME_LENGTH = 100;

export interface NewUserInput {
  displayName: string;
  login: string;
  password: string;
  /** The confirmation field, when the form has one. */
  passwordRepeat?: string;
}

export interface CreateUserInput extends NewUserInput {
  role: Role;
  accommodationIds?: Id[];
  active?: boolean;
}

export interface UpdateUserInput {
  displayName?: string;
  role?: Role;
  active?: boolean;
  accommodationIds?: Id[];
}

export interface AuthCommandOptions extends CommandOptions {
  /** PBKDF2 iterations: tests only (production uses the 600,000 default). */
  iterations?: number;
  now?: () => Date;
}

/** Users that count (not deleted). */
async function liveUsers(db: QuartierDb | Writer): Promise<User[]> {
  const table = 'query' in db ? db.query('users') : db.users;
  return (await table.toArray()).filter((u) => u.deleted !== true);
}

function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > MAX_NAME_LENGTH) throw new AuthRefusedError('nameMissing');
  return trimmed;
}

function validLogin(login: string): string {
  const trimmed = login.trim();
  if (trimmed === '') throw new AuthRefusedError('loginMissing');
  if (!LOGIN_PATTERN.test(trimmed)) throw new AuthRefusedError('loginInvalid');
  return trimmed;
}

function assertPassword(password: string, login: string, repeat?: string): void {
  const problem = checkPassword(password, login, repeat);
  if (problem) throw new AuthRefusedError(`password.${problem}`, { min: MIN_PASSWORD_LENGTH });
}

function assertRole(role: unknown): asserts role is Role {
  if (!(ROLES as readonly unknown[]).includes(role)) throw new AuthRefusedError('userMissing');
}

async function assertLoginFree(w: Writer, login: string, exceptId?: Id): Promise<void> {
  const key = normalizeLogin(login);
  if ((await liveUsers(w)).some((u) => u.id !== exceptId && normalizeLogin(u.login) === key)) {
    throw new AuthRefusedError('loginTaken', { login });
  }
}

async function assertAccommodations(w: Writer, ids: readonly Id[]): Promise<void> {
  for (const id of ids) {
    const acc = await w.get('accommodations', id);
    if (!acc || acc.deleted) throw new AuthRefusedError('unknownAccommodation');
  }
}

function isActiveAdmin(u: User): boolean {
  return u.deleted !== true && u.active && u.role === 'admin';
}

/**
 * The first administrator, on an empty users table (first start). The new
 * user acts for itself (the repository accepts an actor without record only
 * while no user exists). The session is signed in as the new user.
 */
export async function createFirstAdmin(db: QuartierDb, input: NewUserInput, opts: AuthCommandOptions = {}): Promise<User> {
  const displayName = validName(input.displayName);
  const login = validLogin(input.login);
  assertPassword(input.password, login, input.passwordRepeat);
  if ((await liveUsers(db)).length > 0) throw new AuthRefusedError('usersExist');
  const password = await hashPassword(input.password, opts.iterations);
  const id = newId();
  const deviceId = await getDeviceId(db);
  const ctx = opts.ctx ?? { deviceId, user: displayName, actor: { userId: id, role: 'admin' as const, accommodationIds: [] } };
  let created: User | undefined;
  await runOperation(db, withClock(ctx, opts), 'user.create', async (w) => {
    // Checked again inside: two windows could race on the first start.
    if ((await liveUsers(w)).length > 0) throw new AuthRefusedError('usersExist');
    created = await w.put('users', { id, login, displayName, role: 'admin', active: true, password, accommodationIds: [] });
  });
  if (!created) throw new AuthRefusedError('usersExist');
  useSession.getState().signedIn(sessionUserOf(created));
  return created;
}

/** A new user (Administration only: 'users:manage'). */
export async function createUser(db: QuartierDb, input: CreateUserInput, opts: AuthCommandOptions = {}): Promise<User> {
  const displayName = validName(input.displayName);
  const login = validLogin(input.login);
  assertRole(input.role);
  assertPassword(input.password, login, input.passwordRepeat);
  const ctx = await resolveWriteContext(db, opts);
  const password = await hashPassword(input.password, opts.iterations);
  const accommodationIds = [...new Set(input.accommodationIds ?? [])];
  let created: User | undefined;
  await runOperation(db, withClock(ctx, opts), 'user.create', async (w) => {
    await assertLoginFree(w, login);
    await assertAccommodations(w, accommodationIds);
    created = await w.put('users', { id: newId(), login, displayName, role: input.role, active: input.active ?? true, password, accommodationIds });
  });
  if (!created) throw new AuthRefusedError('userMissing');
  return created;
}

/**
 * Changes name, role, active flag or assigned accommodations. The last active
 * administrator can be neither deactivated nor given another role (nobody
 * could manage users any more).
 */
export async function updateUser(db: QuartierDb, userId: Id, input: UpdateUserInput, opts: AuthCommandOptions = {}): Promise<User> {
  const fields: Partial<Pick<User, 'displayName' | 'role' | 'active' | 'accommodationIds'>> = {};
  if (input.displayName !== undefined) fields.displayName = validName(input.displayName);
  if (input.role !== undefined) {
    assertRole(input.role);
    fields.role = input.role;
  }
  if (input.active !== undefined) fields.active = input.active;
  if (input.accommodationIds !== undefined) fields.accommodationIds = [...new Set(input.accommodationIds)];
  const ctx = await resolveWriteContext(db, opts);
  let updated: User | undefined;
  await runOperation(db, withClock(ctx, opts), 'user.update', async (w) => {
    const users = await liveUsers(w);
    const user = users.find((u) => u.id === userId);
    if (!user) throw new AuthRefusedError('userMissing');
    if (fields.accommodationIds) await assertAccommodations(w, fields.accommodationIds);
    const after: User = { ...user, ...fields };
    if (isActiveAdmin(user) && !isActiveAdmin(after) && !users.some((u) => u.id !== userId && isActiveAdmin(u))) {
      throw new AuthRefusedError('lastAdmin');
    }
    updated = await w.patch('users', userId, fields);
  });
  if (!updated) throw new AuthRefusedError('userMissing');
  useSession.getState().refresh(sessionUserOf(updated));
  return updated;
}

/** Sets a new password (reset by Administration). */
export async function setPassword(
  db: QuartierDb,
  userId: Id,
  password: string,
  passwordRepeat?: string,
  opts: AuthCommandOptions = {},
): Promise<OperationResult> {
  const user = await db.users.get(userId);
  if (!user || user.deleted) throw new AuthRefusedError('userMissing');
  assertPassword(password, user.login, passwordRepeat);
  const ctx = await resolveWriteContext(db, opts);
  const hash: PasswordHash = await hashPassword(password, opts.iterations);
  return runOperation(db, withClock(ctx, opts), 'user.setPassword', async (w) => {
    const current = await w.get('users', userId);
    if (!current || current.deleted) throw new AuthRefusedError('userMissing');
    await w.patch('users', userId, { password: hash });
  });
}

// ---------------------------------------------------------------------------
// Sign-in

/** A fixed hash to verify against when no account matches, so a wrong login takes as long as a wrong password. */
let dummyHash: Promise<PasswordHash> | null = null;
function timingDummy(iterations: number | undefined): Promise<PasswordHash> {
  dummyHash ??= hashPassword('quartier-timing-dummy', iterations);
  return dummyHash;
}

/**
 * Signs in: the ACTIVE user with this login (case-insensitive) whose password
 * matches — after two laptops synced, a login can exist twice. Records
 * 'access.signIn' or 'access.signInFailed'. A failure says only that login or
 * password is wrong (never which). The typed login of an unknown account is
 * NOT recorded: people type their password into the wrong field.
 */
export async function signIn(db: QuartierDb, login: string, password: string, opts: AuthCommandOptions = {}): Promise<SessionUser> {
  const key = normalizeLogin(login);
  const candidates = key === '' ? [] : (await liveUsers(db)).filter((u) => normalizeLogin(u.login) === key);
  let match: User | undefined;
  for (const u of candidates) {
    if (u.active && (await verifyPassword(password, u.password))) {
      match = u;
      break;
    }
  }
  if (candidates.length === 0) await verifyPassword(password, await timingDummy(opts.iterations));
  const deviceId = await getDeviceId(db);
  if (!match) {
    const known = candidates[0];
    await recordAccess(db, deviceId, opts, 'signInFailed', known ?? null, {
      subject: 'signIn',
      description: known ? `Anmeldung als „${known.login}“ fehlgeschlagen` : 'Anmeldung mit unbekanntem Anmeldenamen fehlgeschlagen',
    });
    throw new AuthRefusedError('signInFailed');
  }
  await recordAccess(db, deviceId, opts, 'signIn', match, { subject: 'signIn', description: `Anmeldung als „${match.login}“` });
  const session = sessionUserOf(match);
  useSession.getState().signedIn(session);
  return session;
}

/**
 * Unlocks a locked session with the password of the SAME user; the account
 * must still be active. A wrong password is recorded as a failed sign-in.
 */
export async function unlock(db: QuartierDb, password: string, opts: AuthCommandOptions = {}): Promise<SessionUser> {
  const current = useSession.getState().user;
  if (!current) throw new AuthRefusedError('signInFailed');
  const user = await db.users.get(current.userId);
  const ok = user !== undefined && user.deleted !== true && user.active && (await verifyPassword(password, user.password));
  const deviceId = await getDeviceId(db);
  if (!ok || !user) {
    await recordAccess(db, deviceId, opts, 'signInFailed', user ?? null, { subject: 'unlock', description: 'Entsperren fehlgeschlagen' });
    throw new AuthRefusedError('unlockFailed');
  }
  const session = sessionUserOf(user);
  useSession.getState().signedIn(session);
  return session;
}

/** Ends the session (the next person signs in). */
export function signOut(): void {
  useSession.getState().signedOut();
}

async function recordAccess(
  db: QuartierDb,
  deviceId: string,
  opts: AuthCommandOptions,
  kind: 'signIn' | 'signInFailed',
  user: User | null,
  what: { subject: string; description: string },
): Promise<void> {
  const actor = user
    ? { userId: user.id, role: user.role, accommodationIds: user.accommodationIds }
    : { userId: '', role: 'readonly' as const, accommodationIds: [] };
  const ctx = { deviceId, user: user?.displayName ?? '', actor, ...(opts.now ? { now: opts.now } : {}) };
  await runOperation(db, ctx, kind === 'signIn' ? 'access.signIn' : 'access.signInFailed', async (w) => {
    const event: Omit<AccessEvent, 'createdAt' | 'updatedAt'> = {
      id: newId(),
      at: w.now,
      kind,
      userId: user?.id ?? '',
      userName: user?.displayName ?? '',
      deviceId,
      subject: what.subject,
      description: what.description,
      personIds: [],
    };
    await w.put('accessLog', event);
  });
}

function withClock<T extends { now?: () => Date }>(ctx: T, opts: AuthCommandOptions): T {
  return opts.now && !ctx.now ? { ...ctx, now: opts.now } : ctx;
}

/** Logins that exist more than once among the users (normalised), for the user list. */
export function duplicateLogins(users: readonly User[]): Set<string> {
  const seen = new Map<string, number>();
  for (const u of users) if (u.deleted !== true) seen.set(normalizeLogin(u.login), (seen.get(normalizeLogin(u.login)) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n > 1).map(([k]) => k));
}

/** True when at least one (not deleted) user exists: the app asks for a sign-in. */
export async function hasUsers(db: QuartierDb): Promise<boolean> {
  return (await liveUsers(db)).length > 0;
}

/**
 * "Passwort ändern": the signed-in user changes their OWN password. The old
 * password is checked first (someone at an unlocked laptop must not take the
 * account over); the new one follows the same rules as every password and
 * must differ from the old one. Runs as 'user.setPassword' WITHOUT needing
 * 'users:manage': the repository allows that operation to change only the
 * password of the actor's own record (OWN_ACCOUNT_OPERATIONS).
 */
export async function changeOwnPassword(
  db: QuartierDb,
  input: { oldPassword: string; newPassword: string; newPasswordRepeat: string },
  opts: AuthCommandOptions = {},
): Promise<OperationResult> {
  const current = useSession.getState().user;
  if (!current) throw new AuthRefusedError('userMissing');
  const user = await db.users.get(current.userId);
  if (!user || user.deleted === true || !user.active) throw new AuthRefusedError('userMissing');
  if (!(await verifyPassword(input.oldPassword, user.password))) throw new AuthRefusedError('oldPasswordWrong');
  assertPassword(input.newPassword, user.login, input.newPasswordRepeat);
  if (input.newPassword === input.oldPassword) throw new AuthRefusedError('password.unchanged');
  const ctx = await resolveWriteContext(db, opts);
  const hash: PasswordHash = await hashPassword(input.newPassword, opts.iterations);
  return runOperation(db, withClock(ctx, opts), 'user.setPassword', async (w) => {
    const stored = await w.get('users', current.userId);
    if (!stored || stored.deleted === true) throw new AuthRefusedError('userMissing');
    // Changed meanwhile (another window, a reset synced in): the old password checked above is no longer the one stored.
    if (JSON.stringify(stored.password) !== JSON.stringify(user.password)) throw new AuthRefusedError('oldPasswordWrong');
    await w.patch('users', current.userId, { password: hash });
  });
}
