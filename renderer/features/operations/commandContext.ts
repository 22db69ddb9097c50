// Who is acting, for the audit trail and the outbox. Read from the settings
// BEFORE the operation's transaction starts: runOperation's body must only
// await IndexedDB work on its own tables (settings is not in its scope).
import type { QuartierDb } from '../../db/db';
import type { WriteContext } from '../../db/repository';
import { getDeviceId, getUserDisplayName } from '../../db/settings';

export interface CommandOptions {
  /** Acting user and device; read from the settings when omitted. */
  ctx?: WriteContext;
}

export async function resolveWriteContext(db: QuartierDb, opts: CommandOptions = {}): Promise<WriteContext> {
  if (opts.ctx) return opts.ctx;
  const [deviceId, user] = await Promise.all([getDeviceId(db), getUserDisplayName(db)]);
  return { deviceId, user };
}

/** A new record id. Random UUIDs carry no personal data (see model.ts). */
export function newId(): string {
  return crypto.randomUUID();
}
