// The signed-in user of this window (zustand). Kept in sessionStorage so a
// reload of the same window keeps the session (and the lock!), while a new
// window or a new start of the app asks for the password again; the password
// itself is never stored. resolveWriteContext reads it for every
// command; the repository re-checks the user record on every write, so a
// session that outlives a deactivation or demotion cannot write with its old
// rights.
import { create } from 'zustand';
import { hasPermission, type Permission } from '../../shared/auth/permissions';
import type { Id, Role, User } from '../../shared/domain/model';
import type { Actor } from '../db/repository';

export interface SessionUser {
  userId: Id;
  login: string;
  displayName: string;
  role: Role;
  accommodationIds: readonly Id[];
}

interface SessionState {
  user: SessionUser | null;
  /** Locked (inactivity or "Sperren"): the page stays, the password of the same user unlocks. */
  locked: boolean;
  signedIn: (user: SessionUser) => void;
  /** The user record changed (role, name, accommodations): keep the session in step. */
  refresh: (user: SessionUser) => void;
  lock: () => void;
  unlocked: () => void;
  signedOut: () => void;
}

const STORAGE_KEY = 'quartier.session';

interface StoredSession {
  user: SessionUser | null;
  locked: boolean;
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage disabled: the session lives in memory only
  }
}

function isSessionUser(v: unknown): v is SessionUser {
  if (typeof v !== 'object' || v === null) return false;
  const u = v as Record<string, unknown>;
  return typeof u.userId === 'string' && typeof u.login === 'string' && typeof u.displayName === 'string' && typeof u.role === 'string' && Array.isArray(u.accommodationIds);
}

function restore(): StoredSession {
  try {
    const raw = storage()?.getItem(STORAGE_KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<StoredSession>) : null;
    if (parsed && isSessionUser(parsed.user)) return { user: parsed.user, locked: parsed.locked === true };
  } catch {
    // unreadable: start signed out
  }
  return { user: null, locked: false };
}

export const useSession = create<SessionState>()((set, get) => ({
  ...restore(),
  signedIn: (user) => set({ user, locked: false }),
  refresh: (user) => {
    if (get().user?.userId === user.userId) set({ user });
  },
  lock: () => {
    if (get().user) set({ locked: true });
  },
  unlocked: () => set({ locked: false }),
  signedOut: () => set({ user: null, locked: false }),
}));

export function sessionUserOf(user: User): SessionUser {
  return { userId: user.id, login: user.login, displayName: user.displayName, role: user.role, accommodationIds: [...user.accommodationIds] };
}

export function actorOf(user: SessionUser): Actor {
  return { userId: user.userId, role: user.role, accommodationIds: user.accommodationIds };
}

/** The signed-in user, or null (outside React). */
export function currentUser(): SessionUser | null {
  return useSession.getState().user;
}

/** Does the signed-in user have `permission`? False when nobody is signed in. */
export function can(permission: Permission, user: SessionUser | null = currentUser()): boolean {
  return user !== null && hasPermission(user.role, permission);
}

/** React: the signed-in user (re-renders on change). */
export function useCurrentUser(): SessionUser | null {
  return useSession((s) => s.user);
}

/** React: does the signed-in user have `permission`? */
export function usePermission(permission: Permission): boolean {
  return useSession((s) => s.user !== null && hasPermission(s.user.role, permission));
}

useSession.subscribe((state) => {
  const store = storage();
  if (!store) return;
  try {
    if (state.user) store.setItem(STORAGE_KEY, JSON.stringify({ user: state.user, locked: state.locked } satisfies StoredSession));
    else store.removeItem(STORAGE_KEY);
  } catch {
    // full or disabled storage: the session stays in memory
  }
});
