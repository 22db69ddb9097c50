// The signed-in user of this window (zustand, memory only: a reload or a new
// start asks for the password again). resolveWriteContext reads it for every
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

export const useSession = create<SessionState>()((set, get) => ({
  user: null,
  locked: false,
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
