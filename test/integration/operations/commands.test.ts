// The operation commands against a real Dexie database on fake-indexeddb:
// each successful command writes its records, one audit entry per record and
// exactly ONE outbox change; each refused command leaves every table as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuartierDb } from '../../../renderer/db/db';
import { applyWithoutOutbox } from '../../../renderer/db/repository';
import {
  blockBed,
  checkIn,
  checkOut,
  CommandRefusedError,
  correctStay,
  createHousehold,
  createPerson,
  extendDeadline,
  move,
  RuleViolationError,
  unblockBed,
  undoLastOperation,
  updatePerson,
} from '../../../renderer/features/operations/commands';
import { emptyPersonInput, personToInput } from '../../../renderer/features/operations/personSchema';
import type { Stay } from '../../../shared/domain/model';
import { ctx, HADDADS, seededDb, snapshot } from './fixture';
import { ADMIN } from '../../support/actors';

let db: QuartierDb;
const opts = { ctx };

beforeEach(async () => {
  db = await seededDb();
});
afterEach(() => {
  db.close();
});

const haddadsIntoFlat = () =>
  checkIn(
    db,
    { assignments: HADDADS.map((personId, i) => ({ personId, bedId: `b-f${i + 1}` })), from: '2025-02-01' },
    opts,
  );

async function staysOf(personId: string): Promise<Stay[]> {
  return (await db.stays.where('personId').equals(personId).sortBy('from')).filter((s) => !s.deleted && !s.cancelled);
}

/** Runs `fn`, expects it to throw `type`, and checks that no table changed. */
async function expectRefusedUnchanged<E extends Error>(fn: () => Promise<unknown>, type: new (...a: never[]) => E): Promise<E> {
  const before = await snapshot(db);
  const error = await fn().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  expect(await snapshot(db)).toEqual(before);
  return error as E;
}

describe('checkIn', () => {
  it('checks a household of four into a flat as one change', async () => {
    const { result, warnings } = await haddadsIntoFlat();
    expect(warnings).toEqual([]);
    for (const [i, id] of HADDADS.entries()) {
      const [stay] = await staysOf(id);
      expect(stay).toMatchObject({ bedId: `b-f${i + 1}`, accommodationId: 'flat', householdId: 'h-haddad', from: '2025-02-01', to: null });
    }
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.change.operation).toBe('stay.checkIn');
    expect(outbox[0]!.change.ops.filter((o) => o.table === 'stays')).toHaveLength(4);
    expect(result.change?.changeId).toBe(outbox[0]!.change.changeId);
    const audit = await db.audit.where('changeId').equals(outbox[0]!.change.changeId).toArray();
    expect(audit).toHaveLength(4);
    expect(audit.every((a) => a.before === null && a.user === ctx.user)).toBe(true);
  });

  it('refuses a bed that is occupied for the period and writes nothing', async () => {
    await haddadsIntoFlat();
    const e = await expectRefusedUnchanged(
      () => checkIn(db, { assignments: [{ personId: 'p-ali', bedId: 'b-f1' }], from: '2025-03-01' }, opts),
      RuleViolationError,
    );
    expect(e.errors.map((v) => v.code)).toEqual(['stay.bedOverlapOpen']);
    expect(e.errors[0]!.params).toMatchObject({ person: 'Ali Karimi', otherPerson: 'Omar Haddad', fromDate: '2025-03-01' });
  });

  it('refuses a blocked bed', async () => {
    await blockBed(db, { bedId: 'b-g2', from: '2025-02-01', until: '2025-03-01', reason: 'mould' }, opts);
    const e = await expectRefusedUnchanged(
      () => checkIn(db, { assignments: [{ personId: 'p-ali', bedId: 'b-g2' }], from: '2025-02-15' }, opts),
      RuleViolationError,
    );
    expect(e.errors.map((v) => v.code)).toEqual(['stay.bedBlocked']);
    // After the block ends the bed is free again.
    await checkIn(db, { assignments: [{ personId: 'p-ali', bedId: 'b-g2' }], from: '2025-03-01' }, opts);
    expect(await staysOf('p-ali')).toHaveLength(1);
  });

  it('refuses a person who is already placed', async () => {
    await haddadsIntoFlat();
    const e = await expectRefusedUnchanged(
      () => checkIn(db, { assignments: [{ personId: 'p-omar', bedId: 'b-g1' }], from: '2025-03-01' }, opts),
      RuleViolationError,
    );
    expect(e.errors.map((v) => v.code)).toEqual(['stay.personOverlapOpen']);
  });

  it('refuses a women-only room for a man unless overridden with a reason, which is recorded', async () => {
    const e = await expectRefusedUnchanged(
      () => checkIn(db, { assignments: [{ personId: 'p-ali', bedId: 'b-w1' }], from: '2025-02-01' }, opts),
      RuleViolationError,
    );
    expect(e.errors.map((v) => v.code)).toEqual(['stay.restrictionWomen']);
    const { warnings } = await checkIn(
      db,
      { assignments: [{ personId: 'p-ali', bedId: 'b-w1' }], from: '2025-02-01', overrideReason: 'Notaufnahme über Nacht' },
      opts,
    );
    expect(warnings.map((w) => w.code)).toEqual(['stay.restrictionOverridden']);
    const [stay] = await staysOf('p-ali');
    expect(stay!.overrideReason).toBe('Notaufnahme über Nacht');
  });
});

describe('move', () => {
  it('ends the old stay and starts the linked new one in one change', async () => {
    await haddadsIntoFlat();
    await move(db, { date: '2025-03-01', assignments: [{ personId: 'p-sami', bedId: 'b-g1' }], reason: 'Renovierung' }, opts);
    const [old, next] = await staysOf('p-sami');
    expect(old).toMatchObject({ bedId: 'b-f3', to: '2025-03-01', endKind: 'move', nextStayId: next!.id });
    expect(next).toMatchObject({ bedId: 'b-g1', from: '2025-03-01', to: null, previousStayId: old!.id });
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox).toHaveLength(2);
    expect(outbox[1]!.change.operation).toBe('stay.move');
    expect(outbox[1]!.change.ops).toHaveLength(2);
    const audit = await db.audit.where('changeId').equals(outbox[1]!.change.changeId).toArray();
    expect(audit.every((a) => a.reason === 'Renovierung')).toBe(true);
  });

  it('refuses a move into an occupied bed and writes nothing', async () => {
    await haddadsIntoFlat();
    const e = await expectRefusedUnchanged(
      () => move(db, { date: '2025-03-01', assignments: [{ personId: 'p-sami', bedId: 'b-f1' }] }, opts),
      RuleViolationError,
    );
    expect(e.errors.map((v) => v.code)).toContain('stay.bedOverlapOpen');
  });
});

describe('checkOut', () => {
  it('ends the stay with the departure reason', async () => {
    await haddadsIntoFlat();
    await checkOut(db, { personIds: ['p-omar'], date: '2025-04-01', departureReason: 'own_flat', note: 'Mietvertrag' }, opts);
    const [stay] = await staysOf('p-omar');
    expect(stay).toMatchObject({ to: '2025-04-01', endKind: 'departure', departureReason: 'own_flat' });
    expect((await staysOf('p-lina'))[0]!.to).toBeNull();
  });

  it('refuses a move-out before the move-in', async () => {
    await haddadsIntoFlat();
    const e = await expectRefusedUnchanged(
      () => checkOut(db, { personIds: ['p-omar'], date: '2025-01-15', departureReason: 'own_flat' }, opts),
      RuleViolationError,
    );
    expect(e.errors.map((v) => v.code)).toEqual(['checkOut.noStay']);
  });
});

describe('bed blocks', () => {
  it('blocks and unblocks a bed', async () => {
    await blockBed(db, { bedId: 'b-g2', from: '2025-02-01', until: null, reason: 'repair', note: 'Lattenrost' }, opts);
    const [block] = await db.bedBlocks.toArray();
    expect(block).toMatchObject({ bedId: 'b-g2', accommodationId: 'gu', from: '2025-02-01', until: null, reason: 'repair', note: 'Lattenrost' });
    await unblockBed(db, { blockId: block!.id, on: '2025-02-10' }, opts);
    expect((await db.bedBlocks.get(block!.id))!.until).toBe('2025-02-10');
    expect((await db.outbox.toArray()).map((o) => o.change.operation)).toEqual(['bed.block', 'bed.unblock']);
  });

  it('refuses an overlapping second block', async () => {
    await blockBed(db, { bedId: 'b-g2', from: '2025-02-01', until: null, reason: 'repair' }, opts);
    const e = await expectRefusedUnchanged(
      () => blockBed(db, { bedId: 'b-g2', from: '2025-03-01', until: '2025-04-01', reason: 'mould' }, opts),
      RuleViolationError,
    );
    expect(e.errors.map((v) => v.code)).toEqual(['block.overlapOpen']);
  });
});

describe('correctStay', () => {
  it('requires a reason and records it', async () => {
    await haddadsIntoFlat();
    const [stay] = await staysOf('p-rana');
    await expectRefusedUnchanged(() => correctStay(db, { stayId: stay!.id, from: '2025-01-25', reason: '  ' }, opts), RuleViolationError);
    await correctStay(db, { stayId: stay!.id, from: '2025-01-25', reason: 'Einzug war früher' }, opts);
    expect(await db.stays.get(stay!.id)).toMatchObject({ from: '2025-01-25', correctionReason: 'Einzug war früher' });
  });
});

describe('persons and households', () => {
  it('creates a household with members, edits a person and records an extension', async () => {
    const base = emptyPersonInput('2025-02-01');
    const member = { ...base, nationality: 'afg', languages: 'fa, en', fileNumber: 'AZ 9', sex: 'f' as const };
    const { householdId, personIds } = await createHousehold(
      db,
      {
        name: 'Familie Ahmadi',
        fileNumber: 'AZ 9',
        newMembers: [
          { ...member, familyName: 'Ahmadi', givenName: 'Zahra' },
          { ...member, familyName: 'Ahmadi', givenName: 'Reza', sex: 'm' },
        ],
        existingMemberIds: ['p-mariam'],
        head: 'new:1',
      },
      opts,
    );
    expect(personIds).toHaveLength(3);
    expect(await db.households.get(householdId)).toMatchObject({ name: 'Familie Ahmadi', headPersonId: personIds[1] });
    const members = await db.persons.where('householdId').equals(householdId).toArray();
    expect(members.map((p) => p.givenName).sort()).toEqual(['Mariam', 'Reza', 'Zahra']);
    expect(members.find((p) => p.givenName === 'Zahra')).toMatchObject({ nationality: 'AFG', languages: ['fa', 'en'] });
    expect((await db.outbox.toArray()).map((o) => o.change.operation)).toEqual(['household.create']);

    const zahra = members.find((p) => p.givenName === 'Zahra')!;
    await updatePerson(db, zahra.id, { ...personToInput(zahra), givenName: 'Zahra M.', azrNumber: '' }, opts);
    expect(await db.persons.get(zahra.id)).toMatchObject({ givenName: 'Zahra M.', householdId });

    await extendDeadline(db, { personId: zahra.id, until: '2027-04-01', reason: 'Schwangerschaft', decidedOn: '2027-01-15', regularEnd: '2027-02-01' }, opts);
    expect((await db.persons.get(zahra.id))!.extension).toMatchObject({ until: '2027-04-01', reason: 'Schwangerschaft', by: ctx.user });
  });

  it('refuses bad person input with the field named and writes nothing', async () => {
    const e = await expectRefusedUnchanged(
      () => createPerson(db, { ...emptyPersonInput('2025-02-01'), familyName: 'X', givenName: 'Y', fileNumber: 'AZ', nationality: 'Syrien' }, opts),
      CommandRefusedError,
    );
    expect(e.params).toMatchObject({ field: 'nationality', problem: 'validation.nationality' });
    await expectRefusedUnchanged(
      () => extendDeadline(db, { personId: 'p-ali', until: '2026-01-01', reason: 'x', decidedOn: '2025-12-01', regularEnd: '2027-01-10' }, opts),
      CommandRefusedError,
    );
  });
});

describe('undoLastOperation', () => {
  it('restores the previous state as a new synced change, and steps back further on repeat', async () => {
    await haddadsIntoFlat();
    const afterCheckIn = await db.stays.toArray();
    await checkOut(db, { personIds: ['p-omar'], date: '2025-04-01', departureReason: 'own_flat' }, opts);

    const { undone } = await undoLastOperation(db, opts);
    expect(undone.operation).toBe('stay.checkOut');
    const restored = await db.stays.toArray();
    // Same records and values as before the check-out (only updatedAt moved on).
    const strip = (rows: Stay[]) => rows.map(({ updatedAt: _u, ...rest }) => rest).sort((a, b) => a.id.localeCompare(b.id));
    expect(strip(restored)).toEqual(strip(afterCheckIn));
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((o) => o.change.operation)).toEqual(['stay.checkIn', 'stay.checkOut', 'undo']);
    expect(outbox[2]!.change.ops.some((op) => op.kind === 'upsert' && op.table === 'stays' && op.fields.to === null)).toBe(true);

    // The next undo reverts the check-in: the stays become tombstones.
    await undoLastOperation(db, opts);
    expect(await staysOf('p-omar')).toEqual([]);
    const last = (await db.outbox.orderBy('seq').last())!.change;
    expect(last.ops.filter((op) => op.kind === 'delete')).toHaveLength(4);

    await expectRefusedUnchanged(() => undoLastOperation(db, opts), CommandRefusedError);
  });

  it('refuses when a later change touched the same records', async () => {
    await haddadsIntoFlat();
    const [stay] = await staysOf('p-omar');
    // A change synced from another laptop edits the same stay.
    await applyWithoutOutbox(db, { user: 'Andere', deviceId: 'other', actor: ADMIN }, 'stay.correct', async (w) => {
      await w.patch('stays', stay!.id, { from: '2025-01-30', correctionReason: 'remote' });
    });
    const e = await expectRefusedUnchanged(() => undoLastOperation(db, opts), CommandRefusedError);
    expect(e.code).toBe('undoConflict');
  });

  it('refuses when restoring would double-book a bed', async () => {
    await haddadsIntoFlat();
    await checkOut(db, { personIds: ['p-omar'], date: '2025-04-01', departureReason: 'own_flat' }, opts);
    // Meanwhile another laptop placed Ali in Omar's former bed.
    await applyWithoutOutbox(db, { user: 'Andere', deviceId: 'other', actor: ADMIN }, 'stay.checkIn', async (w) => {
      await w.put('stays', {
        id: 'remote-stay',
        personId: 'p-ali',
        bedId: 'b-f1',
        roomId: 'r-flat-1',
        accommodationId: 'flat',
        householdId: null,
        from: '2025-05-01',
        to: null,
      });
    });
    const e = await expectRefusedUnchanged(() => undoLastOperation(db, opts), RuleViolationError);
    expect(e.errors.map((v) => v.code)).toContain('stay.bedOverlapOpen');
  });
});
