// Repository rule 7 (renderer/db/repository.ts): operations that need no
// permission (recording a sign-in or a refusal) must not be usable to write
// any other access event — a forged retention policy event would put new
// deletion periods in force on every laptop — and no access event may name
// another user than the one acting. A refusal writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccessEventMismatchError } from '../../../shared/audit/immutability';
import type { AccessEvent } from '../../../shared/domain/model';
import type { QuartierDb } from '../../../renderer/db/db';
import { runOperation, type WriteContext } from '../../../renderer/db/repository';
import { ACTORS } from '../../support/actors';
import { seededDb, snapshot } from '../operations/fixture';

let db: QuartierDb;
beforeEach(async () => {
  db = await seededDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const field: WriteContext = { user: 'Feld', deviceId: 'dev-fit', actor: ACTORS.field };

function event(overrides: Partial<AccessEvent>): Omit<AccessEvent, 'createdAt' | 'updatedAt'> {
  return { id: `ev-${Math.random().toString(36).slice(2)}`, at: '2026-11-21T10:00:00.000Z', kind: 'signIn', userId: field.actor.userId, userName: 'Feld', deviceId: 'dev-fit', subject: 'signIn', description: 'Anmeldung', personIds: [], ...overrides };
}

describe('an access event must fit its operation and name the actor', () => {
  it('records a sign-in of the acting user', async () => {
    await runOperation(db, field, 'access.signIn', async (w) => void (await w.put('accessLog', event({}))));
    expect(await db.accessLog.count()).toBe(1);
  });

  it.each([
    ['access.signIn', { kind: 'retention' as const, subject: 'retention.policy?standardMonths=1&refusedMonths=1' }],
    ['access.denied', { kind: 'export' as const }],
    ['access.signInFailed', { kind: 'signIn' as const }],
    ['access.signIn', { userId: 'someone-else' }],
  ])('%s refuses %o and writes nothing', async (operation, overrides) => {
    const before = await snapshot(db);
    await expect(runOperation(db, field, operation, async (w) => void (await w.put('accessLog', event(overrides))))).rejects.toBeInstanceOf(AccessEventMismatchError);
    expect(await snapshot(db)).toEqual(before);
  });

  it('an operation that records no accesses cannot write one', async () => {
    const before = await snapshot(db);
    const admin: WriteContext = { user: 'Admin', deviceId: 'dev-fit', actor: ACTORS.admin };
    await expect(
      runOperation(db, admin, 'person.update', async (w) => void (await w.put('accessLog', event({ userId: admin.actor.userId, kind: 'export' })))),
    ).rejects.toBeInstanceOf(AccessEventMismatchError);
    expect(await snapshot(db)).toEqual(before);
  });
});
