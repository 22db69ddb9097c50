// Signing a test in: the session (renderer/auth/session.ts) that commands
// read their acting user from. Component tests that save through dialogs
// sign in first, as the role the test is about (Administration if the test
// is not about permissions).
import type { Id, Role } from '../../shared/domain/model';
import { useSession, type SessionUser } from '../../renderer/auth/session';
import { ACTORS } from './actors';

export function signInAs(role: Role = 'admin', overrides: Partial<SessionUser> = {}): SessionUser {
  const actor = ACTORS[role];
  const user: SessionUser = {
    userId: actor.userId,
    login: actor.userId.replace(/^u-/, ''),
    displayName: `Test ${role}`,
    role,
    accommodationIds: [...actor.accommodationIds] as Id[],
    ...overrides,
  };
  useSession.getState().signedIn(user);
  return user;
}

export function signOutForTest(): void {
  useSession.getState().signedOut();
}
