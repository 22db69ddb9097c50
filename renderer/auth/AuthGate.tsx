// Decides what the window shows: nothing while the users table is read, the
// app (with the first-start dialog on top) while no user exists, the sign-in
// screen while nobody is signed in, and the app with the lock on top while
// locked. Every write is checked again by the repository; this is only what
// is on screen.
import type { ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, type QuartierDb } from '../db/db';
import { LockScreen } from './LockScreen';
import { useSession } from './session';
import { SignInScreen } from './SignInScreen';
import { useInactivityLock } from './useInactivityLock';
import { hasUsers } from './users';

export function AuthGate({ children, db = getDb() }: { children: ReactNode; db?: QuartierDb }) {
  const usersExist = useLiveQuery(() => hasUsers(db), [db]);
  const signedIn = useSession((s) => s.user !== null);
  useInactivityLock(db);
  if (usersExist === undefined) return null;
  if (usersExist && !signedIn) return <SignInScreen db={db} />;
  return (
    <>
      {children}
      <LockScreen db={db} />
    </>
  );
}
