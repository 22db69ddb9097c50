// Records one access (export, letter, Auskunft) as an AccessEvent through
// runOperation, so it is synced, audited and refused for a role that may not
// make it. Callers record BEFORE they produce the file: a refusal then stops
// the export, and the German message of the thrown error is what the user
// sees. A refusal for a missing permission is part of the audit trail too:
// it is recorded as an access event of kind 'denied' before the error is
// rethrown.
import type { AccessEvent } from '../../../shared/domain/model';
import { accessOperationOf, buildAccessEvent, type AccessEventInput } from '../../../shared/audit/accessEvents';
import { deniedAccessEvent } from '../../../shared/audit/descriptions';
import { germanPermissionLabel, isPermissionDeniedError } from '../../auth/errors';
import type { QuartierDb } from '../../db/db';
import { runOperation, type WriteContext } from '../../db/repository';
import { newId, resolveWriteContext } from '../operations/commandContext';

export type { AccessEventInput } from '../../../shared/audit/accessEvents';

/**
 * Writes the access event in its own operation and returns the stored record.
 * Throws (German) when refused; a refusal for a missing permission first
 * records a 'denied' event (operation 'access.denied', which needs no
 * permission and may write nothing but access events), then rethrows the
 * original PermissionDeniedError.
 */
export async function recordAccessEvent(db: QuartierDb, ctx: WriteContext, input: AccessEventInput): Promise<AccessEvent> {
  try {
    return await storeAccessEvent(db, ctx, input);
  } catch (err) {
    // Only a missing permission: an inactive or unknown account is signed out
    // anyway, and bad input is the program's mistake, not an attempt.
    if (isPermissionDeniedError(err) && err.reason === 'missingPermission' && err.permission && input.kind !== 'denied') {
      try {
        await storeAccessEvent(db, ctx, deniedAccessEvent(input, err.permission, germanPermissionLabel(err.permission)));
      } catch (recordErr) {
        // The user must still see the refusal itself; the failed record is for the developer console.
        console.error('Der abgelehnte Zugriff konnte nicht protokolliert werden.', recordErr);
      }
    }
    throw err;
  }
}

async function storeAccessEvent(db: QuartierDb, ctx: WriteContext, input: AccessEventInput): Promise<AccessEvent> {
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
