// Who is acting, for the permission checks, the audit trail and the outbox:
// the signed-in user of the session (renderer/auth/session.ts). Read BEFORE
// the operation's transaction starts: runOperation's body must only await
// IndexedDB work on its own tables (settings is not in its scope).
import { PermissionDeniedError } from '../../auth/errors';
import { actorOf, currentUser } from '../../auth/session';
import type { QuartierDb } from '../../db/db';
import type { WriteContext } from '../../db/repository';
import { getDeviceId } from '../../db/settings';

export interface CommandOptions {
  /** Acting user and device; taken from the session when omitted. */
  ctx?: WriteContext;
}

/** The context of a command; throws „Nicht angemeldet“ (PermissionDeniedError) when nobody is signed in. */
export async function resolveWriteContext(db: QuartierDb, opts: CommandOptions = {}): Promise<WriteContext> {
  if (opts.ctx) return opts.ctx;
  const user = currentUser();
  if (!user) throw new PermissionDeniedError('notSignedIn');
  const deviceId = await getDeviceId(db);
  return { deviceId, user: user.displayName, actor: actorOf(user) };
}

/** A new record id. Random UUIDs carry no personal data (see model.ts). */
export function newId(): string {
  return crypto.randomUUID();
}
