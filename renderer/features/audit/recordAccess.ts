// Records one access (export, letter, Auskunft) as an AccessEvent through
// runOperation, so it is synced, audited and — once permissions are enforced
// in runOperation — refused for a role that may not make it. Callers record
// BEFORE they produce the file: a refusal then stops the export, and the
// German message of the thrown error is what the user sees.
import type { AccessEvent } from '../../../shared/domain/model';
import { accessOperationOf, buildAccessEvent, type AccessEventInput } from '../../../shared/audit/accessEvents';
import type { QuartierDb } from '../../db/db';
import { runOperation, type WriteContext } from '../../db/repository';
import { newId, resolveWriteContext } from '../operations/commandContext';

export type { AccessEventInput } from '../../../shared/audit/accessEvents';

/** Writes the access event in its own operation and returns the stored record. Throws (German) when refused. */
export async function recordAccessEvent(db: QuartierDb, ctx: WriteContext, input: AccessEventInput): Promise<AccessEvent> {
  let stored: AccessEvent | undefined;
  await runOperation(db, ctx, accessOperationOf(input.kind), async (w) => {
    const record = buildAccessEvent(newId(), w.now, { userId: ctx.actor?.userId ?? '', userName: ctx.user, deviceId: ctx.deviceId }, input);
    stored = await w.put('accessLog', record);
  });
  if (!stored) throw new Error('Der Zugriff konnte nicht protokolliert werden.');
  return stored;
}

/** For screens: resolves the signed-in user's write context first, then records. */
export async function recordAccess(db: QuartierDb, input: AccessEventInput): Promise<AccessEvent> {
  return recordAccessEvent(db, await resolveWriteContext(db), input);
}
