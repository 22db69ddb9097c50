// Decides what the window shows: nothing while the users table is read, the
// app (with the first-start dialog on top) while no user exists, the sign-in
// screen while nobody is signed in, and the app with the lock on top while
// locked. Every write is checked again by the repository; this is only what
// is on screen.
import { useEffect, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, type QuartierDb } from '../db/db';
import { useUiStore } from '../state/ui';
import { LockScreen } from './LockScreen';
import { sessionUserOf, useSession } from './session';
import { SignInScreen } from './SignInScreen';
import { useInactivityLock } from './useInactivityLock';
import { hasUsers, signOut } from './users';

export function AuthGate({ children, db = getDb() }: { children: ReactNode; db?: QuartierDb }) {
  const usersExist = useLiveQuery(() => hasUsers(db), [db]);
  const signedIn = useSession((s) => s.user !== null);
  useInactivityLock(db);
  useSessionFollowsRecord(db);
  useNotificationsClearedOnLock();
  if (usersExist === undefined) return null;
  if (usersExist && !signedIn) return <SignInScreen db={db} />;
  return (
    <>
      {children}
      <LockScreen db={db} />
    </>
  );
}

/**
 * The session follows its user record: deactivated or deleted (here or
 * through sync) → signed out; name, role or accommodations changed → updated.
 */
function useSessionFollowsRecord(db: QuartierDb): void {
  const userId = useSession((s) => s.user?.userId ?? null);
  const record = useLiveQuery(async () => (userId ? ((await db.users.get(userId)) ?? null) : undefined), [db, userId]);
  useEffect(() => {
    if (record === undefined) return;
    if (record === null || record.deleted === true || !record.active) {
      // While no user exists at all (first start in progress) there is nothing to follow.
      if (record === null) void hasUsers(db).then((exist) => exist && signOut());
      else signOut();
      return;
    }
    useSession.getState().refresh(sessionUserOf(record));
  }, [db, record]);
}

/** Messages of the session (e.g. "Person … eingezogen") must not stay visible on the lock or sign-in screen. */
function useNotificationsClearedOnLock(): void {
  const hidden = useSession((s) => s.user === null || s.locked);
  useEffect(() => {
    if (hidden) useUiStore.setState({ notifications: [] });
  }, [hidden]);
}
