// The allocation commands against a real Dexie database on fake-indexeddb:
// each successful command writes its records with one audit entry per record
// and exactly ONE outbox change; each refused command leaves every table as
// it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuartierDb } from '../../../renderer/db/db';
import {
  createAllocations,
  createMunicipality,
  markMoved,
  setAllocationStatus,
  updateMunicipality,
} from '../../../renderer/features/allocations/commands';
import { AllocationRefusedError } from '../../../renderer/features/allocations/errors';
import { loadQuotaSettings, saveQuotaSettings } from '../../../renderer/features/allocations/quotaSettings';
import { DEFAULT_QUOTA_SETTINGS } from '../../../shared/allocation/ledger';
import type { MunicipalityInput } from '../../../shared/allocation/municipality';
import { ctx, HADDADS, opts, seededDb, snapshot, TODAY } from './fixture';

let db: QuartierDb;
beforeEach(async () => {
  db = await seededDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function expectRefused(fn: () => Promise<unknown>, codes: string[], type: new (...a: never[]) => Error = AllocationRefusedError): Promise<void> {
  const before = await snapshot(db);
  const error = await fn().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  if (error instanceof AllocationRefusedError) expect(error.problems.map((p) => p.code)).toEqual(expect.arrayContaining(codes));
  expect(await snapshot(db)).toEqual(before);
}

const haddads = { householdId: 'h-haddad', personIds: HADDADS, municipalityId: 'm-alb' };
const ali = { householdId: null, personIds: ['p-ali'], municipalityId: 'm-hech' };
const decided = { status: 'decided' as const, decisionDate: '2026-03-01', plannedMoveDate: '2026-04-01' };

describe('createAllocations', () => {
  it('records one allocation per household as one change with audit entries', async () => {
    const { allocations, result } = await createAllocations(db, [haddads, ali], decided, opts);
    expect(allocations).toHaveLength(2);
    const stored = await db.allocations.toArray();
    expect(stored.map((a) => [a.householdId, a.personIds, a.municipalityId, a.status, a.decisionDate, a.plannedMoveDate]).sort()).toEqual(
      [
        ['h-haddad', HADDADS, 'm-alb', 'decided', '2026-03-01', '2026-04-01'],
        [null, ['p-ali'], 'm-hech', 'decided', '2026-03-01', '2026-04-01'],
      ].sort(),
    );
    expect(await db.outbox.count()).toBe(1);
    expect(result.change?.operation).toBe('allocation.create');
    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.operation === 'allocation.create' && a.user === ctx.user && a.before === null)).toBe(true);
  });

  it('refuses a household split (a member left out) and writes nothing', async () => {
    await expectRefused(() => createAllocations(db, [{ ...haddads, personIds: HADDADS.slice(0, 3) }], decided, opts), ['householdSplit']);
  });

  it('refuses a person who does not belong to the household', async () => {
    await expectRefused(() => createAllocations(db, [{ ...haddads, personIds: [...HADDADS, 'p-ali'] }], decided, opts), ['personNotInHousehold']);
  });

  it('refuses an unknown municipality', async () => {
    await expectRefused(() => createAllocations(db, [{ ...ali, municipalityId: 'nowhere' }], decided, opts), ['unknownMunicipality']);
  });

  it('refuses a person already in an open allocation, but allows a new one after cancelling', async () => {
    const { allocations } = await createAllocations(db, [ali], { status: 'planned', decisionDate: null, plannedMoveDate: null }, opts);
    await expectRefused(() => createAllocations(db, [{ ...ali, municipalityId: 'm-bal' }], decided, opts), ['alreadyAllocated']);
    await setAllocationStatus(db, allocations[0]!.id, { status: 'cancelled', reason: 'Wohnung in Hechingen entfällt' }, opts);
    const again = await createAllocations(db, [{ ...ali, municipalityId: 'm-bal' }], decided, opts);
    expect(again.allocations[0]?.municipalityId).toBe('m-bal');
  });

  it('refuses a decided allocation without decision date and a move before the decision', async () => {
    await expectRefused(() => createAllocations(db, [ali], { status: 'decided', decisionDate: null, plannedMoveDate: null }, opts), ['decisionDateRequired']);
    await expectRefused(
      () => createAllocations(db, [ali], { status: 'decided', decisionDate: '2026-03-01', plannedMoveDate: '2026-02-01' }, opts),
      ['moveBeforeDecision'],
    );
    await expectRefused(() => createAllocations(db, [ali], { status: 'moved', decisionDate: '2026-03-01', plannedMoveDate: null }, opts), ['initialStatus']);
  });

  it('a batch with one bad request writes none of the good ones', async () => {
    await expectRefused(() => createAllocations(db, [haddads, { ...ali, municipalityId: 'nowhere' }], decided, opts), ['unknownMunicipality']);
    expect(await db.allocations.count()).toBe(0);
  });
});

describe('setAllocationStatus', () => {
  it('decides a planned allocation, then cancels with a reason (audited)', async () => {
    const { allocations } = await createAllocations(db, [ali], { status: 'planned', decisionDate: null, plannedMoveDate: null }, opts);
    const id = allocations[0]!.id;
    await setAllocationStatus(db, id, { status: 'decided', decisionDate: '2026-03-05' }, opts);
    expect(await db.allocations.get(id)).toMatchObject({ status: 'decided', decisionDate: '2026-03-05' });
    await expectRefused(() => setAllocationStatus(db, id, { status: 'cancelled', reason: '   ' }, opts), ['reasonRequired']);
    await setAllocationStatus(db, id, { status: 'cancelled', reason: 'Bescheid zurückgenommen' }, opts);
    expect(await db.allocations.get(id)).toMatchObject({ status: 'cancelled', cancelReason: 'Bescheid zurückgenommen' });
    const audit = (await db.audit.toArray()).filter((a) => a.operation === 'allocation.cancel');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.reason).toBe('Bescheid zurückgenommen');
    expect(await db.outbox.count()).toBe(3);
  });

  it('refuses transitions the life cycle does not allow', async () => {
    const { allocations } = await createAllocations(db, [ali], { status: 'planned', decisionDate: null, plannedMoveDate: null }, opts);
    const id = allocations[0]!.id;
    // planned → moved skips the decision
    await expectRefused(() => markMoved(db, id, '2026-03-08', opts), ['transition']);
    await setAllocationStatus(db, id, { status: 'cancelled', reason: 'x' }, opts);
    await expectRefused(() => setAllocationStatus(db, id, { status: 'decided', decisionDate: '2026-03-05' }, opts), ['transition']);
    await expectRefused(() => setAllocationStatus(db, 'missing', { status: 'decided', decisionDate: '2026-03-05' }, opts), ['allocationMissing']);
  });
});

describe('markMoved', () => {
  it('sets umgezogen and ends every member\'s stay with reason Anschlussunterbringung in ONE change', async () => {
    const { allocations } = await createAllocations(db, [haddads], decided, opts);
    const id = allocations[0]!.id;
    const outboxBefore = await db.outbox.count();
    const { result } = await markMoved(db, id, '2026-03-09', opts);
    expect(await db.allocations.get(id)).toMatchObject({ status: 'moved', movedOn: '2026-03-09' });
    for (const p of HADDADS) {
      const [stay] = await db.stays.where('personId').equals(p).toArray();
      expect(stay).toMatchObject({ to: '2026-03-09', endKind: 'departure', departureReason: 'follow_up_accommodation' });
    }
    // The others still live there.
    expect((await db.stays.get('s-p-ali'))?.to).toBeNull();
    expect(await db.outbox.count()).toBe(outboxBefore + 1);
    expect(result.change?.operation).toBe('allocation.moved');
    expect(result.change?.ops.map((o) => `${o.table}`).sort()).toEqual(['allocations', 'stays', 'stays', 'stays', 'stays']);
  });

  it('refuses a move day in the future or before the decision, and writes nothing', async () => {
    const { allocations } = await createAllocations(db, [haddads], decided, opts);
    const id = allocations[0]!.id;
    await expectRefused(() => markMoved(db, id, '2026-03-11', opts), ['moveInFuture']);
    await expectRefused(() => markMoved(db, id, '2026-02-20', opts), ['moveBeforeDecision']);
    await expectRefused(() => markMoved(db, id, '10.03.2026', opts), ['invalidMoveDate']);
  });

  it('a member whose stay begins on the move day has no day to end: the stay stays, the status is moved', async () => {
    await db.stays.update('s-p-ali', { from: TODAY });
    const { allocations } = await createAllocations(db, [{ ...ali }], { status: 'decided', decisionDate: '2026-03-01', plannedMoveDate: null }, { ...opts, today: TODAY });
    await markMoved(db, allocations[0]!.id, TODAY, opts);
    expect((await db.stays.get('s-p-ali'))?.to).toBeNull();
  });

  it('a member who already left is skipped; the others are checked out', async () => {
    await db.stays.update('s-p-rana', { to: '2026-02-01', endKind: 'departure', departureReason: 'own_flat' });
    const { allocations } = await createAllocations(db, [{ ...haddads, personIds: HADDADS.slice(0, 3) }], decided, opts);
    const { allocation } = await markMoved(db, allocations[0]!.id, '2026-03-09', opts);
    expect(allocation.status).toBe('moved');
    expect((await db.stays.get('s-p-rana'))?.to).toBe('2026-02-01');
    expect((await db.stays.get('s-p-omar'))?.departureReason).toBe('follow_up_accommodation');
  });
});

describe('municipalities', () => {
  const input = (over: Partial<MunicipalityInput> = {}): MunicipalityInput => ({
    ags: '08417008',
    name: 'Balingen',
    population: 34_800,
    populationDate: '2025-06-30',
    populationApproximate: false,
    areaKm2: 89.4,
    foreignShare: 0.15,
    contact: { name: 'Stadtverwaltung Balingen', email: 'au@balingen.example', address: { street: 'Neue Straße 31', zip: '72336', city: 'Balingen' } },
    ...over,
  });

  it('updates population, reference date and contact as one audited change', async () => {
    const saved = await updateMunicipality(db, 'm-bal', input(), opts);
    expect(saved).toMatchObject({ population: 34_800, populationApproximate: false, areaKm2: 89.4 });
    expect((await db.municipalities.get('m-bal'))?.contact?.address?.street).toBe('Neue Straße 31');
    expect(await db.outbox.count()).toBe(1);
    expect((await db.audit.toArray())[0]).toMatchObject({ operation: 'municipality.update', entityId: 'm-bal' });
  });

  it('refuses a bad AGS, a negative population, an invalid date and a duplicate AGS', async () => {
    await expectRefused(() => updateMunicipality(db, 'm-bal', input({ ags: '8417008' }), opts), ['agsFormat']);
    await expectRefused(() => updateMunicipality(db, 'm-bal', input({ population: -1 }), opts), ['populationInvalid']);
    await expectRefused(() => updateMunicipality(db, 'm-bal', input({ population: 12.5 }), opts), ['populationInvalid']);
    await expectRefused(() => updateMunicipality(db, 'm-bal', input({ populationDate: '2025-02-30' }), opts), ['populationDateInvalid']);
    await expectRefused(() => updateMunicipality(db, 'm-bal', input({ ags: '08417002' }), opts), ['agsDuplicate']);
    await expectRefused(() => createMunicipality(db, input({ name: 'Neu', ags: '08417031' }), opts), ['agsDuplicate']);
  });

  it('creates a new municipality', async () => {
    const m = await createMunicipality(db, input({ name: 'Bitz', ags: '08417011', population: 3_800 }), opts);
    expect(await db.municipalities.get(m.id)).toMatchObject({ name: 'Bitz', ags: '08417011' });
  });
});

describe('quota settings', () => {
  it('defaults, stores valid settings and refuses invalid ones without storing', async () => {
    expect(await loadQuotaSettings(db)).toEqual(DEFAULT_QUOTA_SETTINGS);
    await saveQuotaSettings(db, { key: 'weighted', weights: { population: 2, area: 1, foreignResidents: 0 }, creditPercent: 50 });
    expect(await loadQuotaSettings(db)).toEqual({ key: 'weighted', weights: { population: 2, area: 1, foreignResidents: 0 }, creditPercent: 50 });
    await expectRefused(() => saveQuotaSettings(db, { ...DEFAULT_QUOTA_SETTINGS, creditPercent: 101 }), ['quotaSettings']);
    await expectRefused(() => saveQuotaSettings(db, { key: 'weighted', weights: { population: 0, area: 0, foreignResidents: 0 }, creditPercent: 0 }), ['quotaSettings']);
    expect((await loadQuotaSettings(db)).creditPercent).toBe(50);
  });
});
