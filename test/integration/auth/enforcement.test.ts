// Permission enforcement in runOperation (issue #7): each role × each
// operation name, allowed or refused, and a refusal writes nothing at all
// (every table compared). Außendienst only in its accommodations, with the
// real commands. Inactive, demoted and unknown users.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasPermission, knownOperations, permissionForOperation } from '../../../shared/auth/permissions';
import { ACCESS_KINDS_BY_OPERATION } from '../../../shared/audit/immutability';
import { ROLES, type AccessEventKind, type Role, type User } from '../../../shared/domain/model';
import { PermissionDeniedError } from '../../../renderer/auth/errors';
import type { QuartierDb } from '../../../renderer/db/db';
import { runOperation, type Actor, type WriteContext, type Writer } from '../../../renderer/db/repository';
import { blockBed, checkIn, move, undoLastOperation } from '../../../renderer/features/operations';
import { ACTORS, fieldActor } from '../../support/actors';
import { seededDb, snapshot } from '../operations/fixture';

const T = '2025-01-01T00:00:00.000Z';
let db: QuartierDb;

beforeEach(async () => {
  db = await seededDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function ctxOf(actor: Actor): WriteContext {
  return { user: `Test ${actor.role}`, deviceId: 'dev-auth', actor };
}

let seq = 0;
/** A write that fits the operation's permission, inside the flat (assigned to the Außendienst actor). */
async function typicalWrite(w: Writer, operation: string, actor: Actor): Promise<void> {
  const req = permissionForOperation(operation);
  const n = ++seq;
  if (req.kind === 'none') {
    // The access event this operation records (its kind and the actor's id, as the repository demands).
    const kind = ACCESS_KINDS_BY_OPERATION[operation]![0] as AccessEventKind;
    await w.put('accessLog', { id: `ev-${n}`, at: w.now, kind, userId: actor.userId, userName: '', deviceId: 'dev-auth', subject: kind, description: 'x', personIds: [], ...(kind === 'denied' ? { deniedPermission: 'export:lists' } : {}) });
    return;
  }
  if (req.kind !== 'permission') throw new Error(`unknown ${operation}`);
  switch (req.permission) {
    case 'stays:write':
      await w.put('stays', { id: `s-${n}`, personId: 'p-ali', bedId: 'b-f1', roomId: 'r-flat-1', accommodationId: 'flat', householdId: null, from: `2026-0${(n % 9) + 1}-01`, to: `2026-0${(n % 9) + 1}-02` });
      return;
    case 'bedBlocks:write':
      await w.put('bedBlocks', { id: `bb-${n}`, bedId: 'b-f2', accommodationId: 'flat', from: '2026-01-01', until: '2026-01-02', reason: 'repair' });
      return;
    case 'accommodations:write':
      await w.patch('accommodations', 'flat', { reservePlaces: n });
      return;
    default:
      await w.patch('persons', 'p-mariam', { notes: `note ${n}` });
  }
}

describe('each role × each operation', () => {
  const operations = knownOperations();

  it('knows the operations the brief reserves', () => {
    for (const op of ['access.export', 'access.letter', 'access.auskunft', 'access.signIn', 'access.signInFailed', 'retention.run', 'import.accommodations', 'import.residents', 'import.occupancy', 'user.create', 'user.update', 'user.setPassword', 'settings.update']) {
      expect(operations).toContain(op);
    }
  });

  for (const role of ROLES) {
    it(`${role}: allowed exactly where the role has the permission; a refusal writes nothing`, async () => {
      const actor: Actor = role === 'field' ? fieldActor(['flat']) : ACTORS[role];
      let allowedCount = 0;
      for (const operation of operations) {
        const req = permissionForOperation(operation);
        const expected = req.kind === 'none' || (req.kind === 'permission' && hasPermission(role, req.permission));
        const before = await snapshot(db);
        const attempt = runOperation(db, ctxOf(actor), operation, (w) => typicalWrite(w, operation, actor));
        if (expected) {
          const { change } = await attempt;
          expect(change?.operation, `${role} ${operation}`).toBe(operation);
          allowedCount++;
        } else {
          await expect(attempt, `${role} ${operation}`).rejects.toSatisfy(
            (e: unknown) => e instanceof PermissionDeniedError && e.reason === 'missingPermission',
          );
          expect(await snapshot(db), `${role} ${operation} wrote something`).toEqual(before);
        }
      }
      // The matrix is not trivially all-allowed or all-refused.
      if (role === 'admin') expect(allowedCount).toBe(operations.length);
      else expect(allowedCount).toBeLessThan(operations.length);
    });
  }

  it('names the missing permission in German', async () => {
    await expect(runOperation(db, ctxOf(ACTORS.field), 'access.export', async () => {})).rejects.toThrow('Keine Berechtigung: Ihnen fehlt „Listen exportieren“.');
  });

  it('refuses an unknown operation for every role, even Administration', async () => {
    const before = await snapshot(db);
    await expect(runOperation(db, ctxOf(ACTORS.admin), 'stay.teleport', (w) => w.patch('persons', 'p-ali', { notes: 'x' }).then(() => undefined))).rejects.toThrow(
      /„stay\.teleport“ ist keiner Berechtigung zugeordnet/,
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('an operation without permission (sign-in record) may write access events only', async () => {
    const before = await snapshot(db);
    await expect(runOperation(db, ctxOf(ACTORS.readonly), 'access.signIn', (w) => w.patch('persons', 'p-ali', { notes: 'x' }).then(() => undefined))).rejects.toSatisfy(
      (e: unknown) => e instanceof PermissionDeniedError && e.reason === 'onlyAccessEvents',
    );
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('Außendienst only in assigned accommodations (real commands)', () => {
  const field = { ctx: ctxOf(fieldActor(['flat'])) };

  it('checks in, moves and blocks inside the flat', async () => {
    await checkIn(db, { assignments: [{ personId: 'p-ali', bedId: 'b-f1' }], from: '2026-02-01' }, field);
    await move(db, { assignments: [{ personId: 'p-ali', bedId: 'b-f3' }], date: '2026-02-10' }, field);
    await blockBed(db, { bedId: 'b-f4', from: '2026-02-01', until: null, reason: 'repair' }, field);
    const stays = await db.stays.toArray();
    expect(stays.map((s) => [s.bedId, s.from, s.to])).toEqual(
      expect.arrayContaining([
        ['b-f1', '2026-02-01', '2026-02-10'],
        ['b-f3', '2026-02-10', null],
      ]),
    );
    expect(await db.bedBlocks.count()).toBe(1);
  });

  it('refuses a check-in into the GU, naming it, and writes nothing', async () => {
    const before = await snapshot(db);
    await expect(checkIn(db, { assignments: [{ personId: 'p-mariam', bedId: 'b-w1' }], from: '2026-02-01' }, field)).rejects.toThrow(
      'Keine Berechtigung: Die Unterkunft „GU Balingen“ ist Ihnen nicht zugewiesen.',
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a move out of the flat into the GU (the new stay is outside) and writes nothing', async () => {
    await checkIn(db, { assignments: [{ personId: 'p-ali', bedId: 'b-f1' }], from: '2026-02-01' }, field);
    const before = await snapshot(db);
    await expect(move(db, { assignments: [{ personId: 'p-ali', bedId: 'b-g1' }], date: '2026-02-10' }, field)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a move of someone living in the GU into the flat (the ended stay is outside)', async () => {
    await checkIn(db, { assignments: [{ personId: 'p-ali', bedId: 'b-g1' }], from: '2026-02-01' }, { ctx: ctxOf(ACTORS.housing) });
    const before = await snapshot(db);
    await expect(move(db, { assignments: [{ personId: 'p-ali', bedId: 'b-f1' }], date: '2026-02-10' }, field)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a bed block in the GU', async () => {
    const before = await snapshot(db);
    await expect(blockBed(db, { bedId: 'b-g2', from: '2026-02-01', until: null, reason: 'repair' }, field)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await snapshot(db)).toEqual(before);
  });

  it('a person is writable only together with a stay of that person in an assigned accommodation', async () => {
    const ctx = ctxOf(fieldActor(['flat']));
    const stay = { id: 's-x', personId: 'p-ali', bedId: 'b-f1', roomId: 'r-flat-1', accommodationId: 'flat', householdId: null, from: '2026-03-01', to: null };
    await runOperation(db, ctx, 'stay.checkIn', async (w) => {
      await w.put('stays', stay);
      await w.patch('persons', 'p-ali', { notes: 'eingezogen' });
    });
    const before = await snapshot(db);
    await expect(
      runOperation(db, ctx, 'stay.checkIn', async (w) => {
        await w.put('stays', { ...stay, id: 's-y', from: '2026-04-01' });
        await w.patch('persons', 'p-mariam', { notes: 'jemand anderes' });
      }),
    ).rejects.toSatisfy((e: unknown) => e instanceof PermissionDeniedError && e.reason === 'outsideAssignmentUnnamed');
    expect(await snapshot(db)).toEqual(before);
  });

  it('undo needs the permission of the undone operation and stays in scope', async () => {
    await checkIn(db, { assignments: [{ personId: 'p-ali', bedId: 'b-g1' }], from: '2026-02-01' }, { ctx: { ...ctxOf(ACTORS.housing), deviceId: 'dev-auth' } });
    const before = await snapshot(db);
    // Sachbearbeitung may not record stays, so it may not revert one either.
    await expect(undoLastOperation(db, { ctx: ctxOf(ACTORS.caseworker) })).rejects.toThrow(/Einzüge, Auszüge und Verlegungen/);
    // Außendienst of the flat may not revert a check-in in the GU.
    await expect(undoLastOperation(db, field)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await snapshot(db)).toEqual(before);
    await undoLastOperation(db, { ctx: ctxOf(ACTORS.housing) });
    expect((await db.stays.toArray()).every((s) => s.deleted === true || s.cancelled === true)).toBe(true);
  });
});

describe('the user record decides, not the session', () => {
  const user = (id: string, role: Role, active = true, accommodationIds: string[] = []): User => ({
    id,
    login: id,
    displayName: id,
    role,
    active,
    accommodationIds,
    password: { alg: 'PBKDF2-SHA256', iterations: 1, salt: 'AA==', hash: 'AA==' },
    createdAt: T,
    updatedAt: T,
  });

  it('refuses an inactive user although the session still says Administration', async () => {
    await db.users.bulkPut([user('u-admin', 'admin', false), user('u-other', 'admin')]);
    const before = await snapshot(db);
    await expect(runOperation(db, ctxOf(ACTORS.admin), 'person.update', (w) => w.patch('persons', 'p-ali', { notes: 'x' }).then(() => undefined))).rejects.toThrow(
      'Keine Berechtigung: Ihr Benutzerkonto ist deaktiviert.',
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('a demotion (synced from another laptop) applies at once', async () => {
    await db.users.put(user('u-admin', 'readonly'));
    await expect(runOperation(db, ctxOf(ACTORS.admin), 'person.update', (w) => w.patch('persons', 'p-ali', { notes: 'x' }).then(() => undefined))).rejects.toThrow(/Personen bearbeiten/);
  });

  it('the stored accommodations of an Außendienst user count', async () => {
    await db.users.put(user('u-field', 'field', true, ['gu']));
    // The session still thinks the flat is assigned; the record says the GU.
    await expect(checkIn(db, { assignments: [{ personId: 'p-ali', bedId: 'b-f1' }], from: '2026-02-01' }, { ctx: ctxOf(fieldActor(['flat'])) })).rejects.toBeInstanceOf(PermissionDeniedError);
    await checkIn(db, { assignments: [{ personId: 'p-ali', bedId: 'b-g1' }], from: '2026-02-01' }, { ctx: ctxOf(fieldActor(['flat'])) });
  });

  it('refuses an actor without user record once users exist', async () => {
    await db.users.put(user('u-someone', 'admin'));
    await expect(runOperation(db, ctxOf(ACTORS.admin), 'person.update', (w) => w.patch('persons', 'p-ali', { notes: 'x' }).then(() => undefined))).rejects.toThrow(/nicht bekannt/);
  });

  it('stores the acting user id on every audit entry', async () => {
    const { audit } = await runOperation(db, ctxOf(ACTORS.housing), 'person.update', (w) => w.patch('persons', 'p-ali', { notes: 'x' }).then(() => undefined));
    expect(audit.map((a) => a.userId)).toEqual(['u-housing']);
  });
});
