// A second laptop joining an existing office (first-start path „Mit der
// gemeinsamen Ablage verbinden“). Instead of creating another first
// administrator (which after sync would show up as a duplicate), the laptop
// checks the shared folder and the passphrase WITHOUT writing anything, and
// only then keeps the passphrase and runs a sync pass, which loads the newest
// snapshot and the change logs, users included. Afterwards the sign-in screen
// shows the office's accounts.
//
// The steps are injected (JoinSteps) so the same logic runs in the app (IPC
// share port, the sync controller) and in tests (a real temp folder, two
// fake-indexeddb databases).
import { WrongPassphraseError } from '../../shared/sync/cipher';
import { ShareOfflineError } from '../../shared/sync/port';
import type { QuartierDb } from '../db/db';
import type { SyncProgress, SyncReport } from '../sync/engine';
import { hasUsers } from './users';

export type JoinRefusal = 'usersExist' | 'shareOffline' | 'shareEmpty' | 'wrongPassphrase' | 'passphraseMissing' | 'noUsers' | 'syncFailed';

/** The join was refused or failed; `code` is a key under `join.refusal.` (namespace `auth`), `detail` the technical reason if any. */
export class JoinRefusedError extends Error {
  constructor(
    readonly code: JoinRefusal,
    readonly detail = '',
  ) {
    super(`Verbinden mit der gemeinsamen Ablage fehlgeschlagen (${code})${detail ? `: ${detail}` : ''}`);
    this.name = 'JoinRefusedError';
  }
}

export interface JoinSteps {
  /** Checks share and passphrase, reading only (SyncEngine.checkPassphrase with this passphrase). */
  check: (passphrase: string) => Promise<void>;
  /** Keeps the passphrase for later passes (sync controller setPassphrase). */
  keepPassphrase: (passphrase: string) => Promise<void>;
  /** Runs one sync pass with progress (sync controller syncNow). */
  syncPass: (onProgress?: (p: SyncProgress) => void) => Promise<SyncReport>;
}

/** The German message of the share check that means "no Quartier sync here yet" (SyncEngine.checkPassphrase). */
const NOT_SET_UP = /noch keine Quartier-Synchronisation/;

/**
 * Joins the office whose data is in the shared folder. Refuses before
 * writing anything when this laptop already has users, the share is
 * unreachable or empty, or the passphrase is wrong. Returns the number of
 * user accounts that came from the share.
 */
export async function joinOffice(db: QuartierDb, passphrase: string, steps: JoinSteps, onProgress?: (p: SyncProgress) => void): Promise<{ users: number; report: SyncReport }> {
  if (passphrase.trim() === '') throw new JoinRefusedError('passphraseMissing');
  if (await hasUsers(db)) throw new JoinRefusedError('usersExist');
  try {
    await steps.check(passphrase);
  } catch (e) {
    throw classify(e);
  }
  await steps.keepPassphrase(passphrase);
  let report: SyncReport;
  try {
    report = await steps.syncPass(onProgress);
  } catch (e) {
    throw classify(e, 'syncFailed');
  }
  const users = (await db.users.toArray()).filter((u) => u.deleted !== true).length;
  // A share from before user accounts existed: the data is here, but nobody can sign in yet.
  if (users === 0) throw new JoinRefusedError('noUsers');
  return { users, report };
}

function classify(e: unknown, fallback: JoinRefusal = 'shareOffline'): JoinRefusedError {
  if (e instanceof JoinRefusedError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof WrongPassphraseError) return new JoinRefusedError('wrongPassphrase');
  if (e instanceof ShareOfflineError) return new JoinRefusedError('shareOffline', message);
  if (NOT_SET_UP.test(message)) return new JoinRefusedError('shareEmpty');
  return new JoinRefusedError(fallback, message);
}
