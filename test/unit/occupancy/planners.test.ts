import { describe, expect, it } from 'vitest';
import type { Dataset, Stay } from '../../../shared/domain/model';
import {
  buildValidationContext,
  planBlockBed,
  planCheckIn,
  planCheckOut,
  planCloseAccommodation,
  planCorrectStay,
  planMove,
  planSaveAccommodation,
  planUnblockBed,
  validateStayChanges,
} from '../../../shared/occupancy';
import { block, dataset, deps, person, smallHouse, stay } from './fixtures';

function world(extra: Partial<Dataset> = {}) {
  const h = smallHouse();
  const amir = person('P1', { givenName: 'Amir', familyName: 'Haddad', householdId: 'H1' });
  const sara = person('P2', { givenName: 'Sara', familyName: 'Haddad', sex: 'f', householdId: 'H1', birthDate: '2015-05-05' });
  const lena = person('P3', { givenName: 'Lena', familyName: 'Kurz', sex: 'f' });
  const data = dataset({
    accommodations: [h.acc],
    units: [h.u],
    rooms: [h.r1, h.r2],
    beds: [h.b1, h.b2, h.b3, h.b4],
    persons: [amir, sara, lena],
    ...extra,
  });
  return { h, amir, sara, lena, data };
}

/** Context as the repository would load it for these beds and persons. */
function ctxFor(data: Dataset, bedIds: string[], personIds: string[]) {
  const bed = (id: string) => data.beds.find((x) => x.id === id)!;
  const probes: Stay[] = [
    ...bedIds.map((b) => stay('probe', { id: 'nobody', householdId: null }, bed(b), '2000-01-01', null)),
    ...personIds.map((p) => stay('probe', { id: p, householdId: null }, data.beds[0]!, '2000-01-01', null)),
  ];
  return buildValidationContext(data, probes);
}

/** Applies a plan's stay writes to the dataset. */
function apply(data: Dataset, stays: Stay[] | undefined): Dataset {
  const byId = new Map(data.stays.map((s) => [s.id, s]));
  for (const s of stays ?? []) byId.set(s.id, s);
  return { ...data, stays: [...byId.values()] };
}

describe('planCheckIn', () => {
  it('checks in a household as one operation with denormalised fields', () => {
    const { data, h } = world();
    const res = planCheckIn({ assignments: [{ personId: 'P1', bedId: 'B1' }, { personId: 'P2', bedId: 'B2' }], from: '2026-02-01' }, ctxFor(data, ['B1', 'B2'], ['P1', 'P2']), deps());
    expect(res.ok).toBe(true);
    expect(res.operation).toBe('stay.checkIn');
    expect(res.writes.stays!.map((s) => [s.id, s.personId, s.bedId, s.roomId, s.accommodationId, s.householdId, s.from, s.to])).toEqual([
      ['new-1', 'P1', 'B1', h.r1.id, 'A', 'H1', '2026-02-01', null],
      ['new-2', 'P2', 'B2', h.r1.id, 'A', 'H1', '2026-02-01', null],
    ]);
  });

  it('refuses an occupied bed, writes nothing, and explains who is there', () => {
    const w = world();
    const data = apply(w.data, [stay('S1', w.lena, w.h.b1, '2026-01-01', null)]);
    const res = planCheckIn({ assignments: [{ personId: 'P1', bedId: 'B1' }], from: '2026-02-01' }, ctxFor(data, ['B1'], ['P1']), deps());
    expect(res.ok).toBe(false);
    expect(res.writes).toEqual({});
    expect(res.violations).toEqual([
      expect.objectContaining({ code: 'stay.bedOverlapOpen', params: expect.objectContaining({ bed: '1', room: '1.04', otherPerson: 'Lena Kurz', fromDate: '2026-02-01' }) }),
    ]);
  });

  it('refuses a men-only placement in a women room unless overridden; the override is recorded', () => {
    const { data } = world();
    const ctx = ctxFor(data, ['B3'], ['P1']);
    const refused = planCheckIn({ assignments: [{ personId: 'P1', bedId: 'B3' }], from: '2026-02-01' }, ctx, deps());
    expect(refused.violations.map((v) => v.code)).toEqual(['stay.restrictionWomen']);
    const allowed = planCheckIn({ assignments: [{ personId: 'P1', bedId: 'B3' }], from: '2026-02-01', overrideReason: ' Vater bei Tochter, Absprache Heimleitung ' }, ctx, deps());
    expect(allowed.ok).toBe(true);
    expect(allowed.writes.stays![0]!.overrideReason).toBe('Vater bei Tochter, Absprache Heimleitung');
    expect(allowed.violations.map((v) => [v.code, v.severity])).toEqual([['stay.restrictionOverridden', 'warning']]);
    // A fitting person gets no override recorded even if a reason was typed.
    const fitting = planCheckIn({ assignments: [{ personId: 'P3', bedId: 'B3' }], from: '2026-02-01', overrideReason: 'x' }, ctxFor(data, ['B3'], ['P3']), deps());
    expect(fitting.writes.stays![0]!.overrideReason).toBeNull();
  });

  it('rejects duplicates and empty input', () => {
    const { data } = world();
    expect(planCheckIn({ assignments: [], from: '2026-02-01' }, ctxFor(data, [], []), deps()).violations.map((v) => v.code)).toEqual(['checkIn.empty']);
    const dup = planCheckIn({ assignments: [{ personId: 'P1', bedId: 'B1' }, { personId: 'P2', bedId: 'B1' }], from: '2026-02-01' }, ctxFor(data, ['B1'], ['P1', 'P2']), deps());
    expect(dup.violations.map((v) => v.code)).toEqual(['plan.duplicateBed']);
  });
});

describe('planMove', () => {
  it('ends the old stays at the move date and links them to the new ones', () => {
    const w = world();
    const data = apply(w.data, [stay('S1', w.amir, w.h.b1, '2026-01-01', null), stay('S2', w.sara, w.h.b2, '2026-01-01', null)]);
    // Swap beds within the household on the same day: valid because the old stays end when the new start.
    const res = planMove(
      { date: '2026-02-15', assignments: [{ personId: 'P1', bedId: 'B2' }, { personId: 'P2', bedId: 'B1' }], reason: 'Tausch' },
      ctxFor(data, ['B1', 'B2'], ['P1', 'P2']),
      deps(),
    );
    expect(res.violations).toEqual([]);
    expect(res.reason).toBe('Tausch');
    const byId = new Map(res.writes.stays!.map((s) => [s.id, s]));
    expect(byId.get('S1')).toMatchObject({ to: '2026-02-15', endKind: 'move', nextStayId: 'new-1' });
    expect(byId.get('new-1')).toMatchObject({ personId: 'P1', bedId: 'B2', from: '2026-02-15', to: null, previousStayId: 'S1' });
    expect(byId.get('S2')).toMatchObject({ to: '2026-02-15', endKind: 'move', nextStayId: 'new-2' });
    // The result is consistent as a whole.
    const after = apply(data, res.writes.stays);
    expect(validateStayChanges(after.stays, buildValidationContext(after, after.stays))).toEqual([]);
  });

  it('is all or nothing: one member without a current stay fails the whole move', () => {
    const w = world();
    const data = apply(w.data, [stay('S1', w.amir, w.h.b1, '2026-01-01', null)]);
    const res = planMove({ date: '2026-02-15', assignments: [{ personId: 'P1', bedId: 'B2' }, { personId: 'P2', bedId: 'B3' }] }, ctxFor(data, ['B2', 'B3'], ['P1', 'P2']), deps());
    expect(res.ok).toBe(false);
    expect(res.writes).toEqual({});
    expect(res.violations.map((v) => v.code)).toEqual(['move.noCurrentStay']);
  });

  it('refuses a move on the move-in day and into the same bed', () => {
    const w = world();
    const data = apply(w.data, [stay('S1', w.amir, w.h.b1, '2026-02-15', null)]);
    expect(planMove({ date: '2026-02-15', assignments: [{ personId: 'P1', bedId: 'B2' }] }, ctxFor(data, ['B2'], ['P1']), deps()).violations.map((v) => v.code)).toEqual(['move.onMoveInDay']);
    expect(planMove({ date: '2026-02-20', assignments: [{ personId: 'P1', bedId: 'B1' }] }, ctxFor(data, ['B1'], ['P1']), deps()).violations.map((v) => v.code)).toEqual(['move.sameBed']);
  });
});

describe('planCheckOut', () => {
  it('ends the stay with the departure reason and cancels later planned stays', () => {
    const w = world();
    const data = apply(w.data, [stay('S1', w.lena, w.h.b3, '2026-01-01', null), stay('S9', w.lena, w.h.b4, '2026-04-01', null)]);
    const res = planCheckOut({ personIds: ['P3'], date: '2026-03-01', departureReason: 'own_flat' }, ctxFor(data, [], ['P3']), deps());
    expect(res.violations.filter((v) => v.severity === 'error')).toEqual([]);
    const byId = new Map(res.writes.stays!.map((s) => [s.id, s]));
    expect(byId.get('S1')).toMatchObject({ to: '2026-03-01', endKind: 'departure', departureReason: 'own_flat' });
    expect(byId.get('S9')).toMatchObject({ cancelled: true });
    expect(res.violations.map((v) => [v.code, v.severity])).toEqual([['checkOut.plannedStayCancelled', 'warning']]);
  });

  it('needs a reason and a stay', () => {
    const w = world();
    const data = apply(w.data, [stay('S1', w.lena, w.h.b3, '2026-01-01', null)]);
    const ctx = ctxFor(data, [], ['P3', 'P1']);
    expect(planCheckOut({ personIds: ['P3'], date: '2026-03-01', departureReason: '' as never }, ctx, deps()).violations.map((v) => v.code)).toEqual(['checkOut.reasonRequired']);
    expect(planCheckOut({ personIds: ['P1'], date: '2026-03-01', departureReason: 'other' }, ctx, deps()).violations.map((v) => v.code)).toEqual(['checkOut.noStay']);
    // Checking out on the move-in day finds no day of stay.
    expect(planCheckOut({ personIds: ['P3'], date: '2026-01-01', departureReason: 'other' }, ctx, deps()).ok).toBe(false);
  });
});

describe('planCorrectStay', () => {
  it('requires a reason', () => {
    const w = world();
    const data = apply(w.data, [stay('S1', w.lena, w.h.b3, '2026-01-01', null)]);
    expect(planCorrectStay({ stayId: 'S1', from: '2025-12-20', reason: '  ' }, ctxFor(data, ['B3'], ['P3']), deps()).violations.map((v) => v.code)).toEqual(['correction.reasonRequired']);
  });

  it('moves the linked end of the previous stay with the start', () => {
    const w = world();
    const data = apply(w.data, [
      stay('S1', w.amir, w.h.b1, '2026-01-01', '2026-02-15', { endKind: 'move', nextStayId: 'S2' }),
      stay('S2', w.amir, w.h.b2, '2026-02-15', null, { previousStayId: 'S1' }),
    ]);
    const res = planCorrectStay({ stayId: 'S2', from: '2026-02-10', reason: 'Verlegung war früher' }, ctxFor(data, ['B1', 'B2'], ['P1']), deps());
    expect(res.ok).toBe(true);
    const byId = new Map(res.writes.stays!.map((s) => [s.id, s]));
    expect(byId.get('S1')).toMatchObject({ to: '2026-02-10', correctionReason: 'Verlegung war früher' });
    expect(byId.get('S2')).toMatchObject({ from: '2026-02-10', correctionReason: 'Verlegung war früher' });
  });

  it('rejects a correction that creates an overlap', () => {
    const w = world();
    const data = apply(w.data, [stay('S1', w.amir, w.h.b1, '2026-01-01', '2026-02-01'), stay('S2', w.lena, w.h.b1, '2026-02-01', null)]);
    const res = planCorrectStay({ stayId: 'S1', to: '2026-02-05', reason: 'Auszug später' }, ctxFor(data, ['B1'], ['P1']), deps());
    expect(res.violations.map((v) => v.code)).toEqual(['stay.bedOverlap']);
    expect(res.violations[0]!.params).toMatchObject({ fromDate: '2026-02-01', toDate: '2026-02-05', otherPerson: 'Lena Kurz' });
  });

  it('cancels unlinked stays only', () => {
    const w = world();
    const data = apply(w.data, [stay('S1', w.amir, w.h.b1, '2026-05-01', null), stay('S2', w.lena, w.h.b3, '2026-01-01', null, { nextStayId: 'S3' })]);
    expect(planCorrectStay({ stayId: 'S1', cancel: true, reason: 'Zuweisung zurückgenommen' }, ctxFor(data, ['B1'], ['P1']), deps()).writes.stays![0]).toMatchObject({ cancelled: true });
    expect(planCorrectStay({ stayId: 'S2', cancel: true, reason: 'x' }, ctxFor(data, ['B3'], ['P3']), deps()).violations.map((v) => v.code)).toEqual(['correction.cancelLinked']);
  });
});

describe('block planners', () => {
  it('blocks a bed, warns when somebody lives there, refuses overlapping blocks', () => {
    const w = world();
    const data = apply(w.data, [stay('S1', w.lena, w.h.b3, '2026-01-01', null)]);
    const ctx = ctxFor(data, ['B3'], []);
    const res = planBlockBed({ bedId: 'B3', from: '2026-02-01', until: '2026-02-10', reason: 'quarantine' }, ctx, deps());
    expect(res.violations.filter((v) => v.severity === 'error')).toEqual([]);
    expect(res.writes.bedBlocks![0]).toMatchObject({ bedId: 'B3', accommodationId: 'A', from: '2026-02-01', until: '2026-02-10', reason: 'quarantine' });
    expect(res.violations.map((v) => v.code)).toEqual(['block.bedOccupiedOpen']);
    const withBlock = { ...ctx, bedBlocks: res.writes.bedBlocks! };
    expect(planBlockBed({ bedId: 'B3', from: '2026-02-05', until: null, reason: 'mould' }, withBlock, deps()).violations.map((v) => v.code)).toContain('block.overlap');
    expect(planBlockBed({ bedId: 'B3', from: '2026-02-05', until: '2026-02-05', reason: 'mould' }, ctx, deps()).violations.map((v) => v.code)).toEqual(['block.invalidPeriod']);
  });

  it('unblocks: ends a running block, withdraws a future one', () => {
    const w = world();
    const running = block('K1', w.h.b1, '2026-01-01', null);
    const ended = planUnblockBed({ blockId: 'K1', on: '2026-02-01' }, { bedBlocks: [running] }, deps());
    expect(ended.writes.bedBlocks![0]).toMatchObject({ until: '2026-02-01' });
    expect(ended.writes.bedBlocks![0]!.deleted).toBeUndefined();
    const withdrawn = planUnblockBed({ blockId: 'K1', on: '2025-12-01' }, { bedBlocks: [running] }, deps());
    expect(withdrawn.writes.bedBlocks![0]).toMatchObject({ deleted: true });
    const done = block('K2', w.h.b1, '2026-01-01', '2026-01-10');
    expect(planUnblockBed({ blockId: 'K2', on: '2026-02-01' }, { bedBlocks: [done] }, deps()).violations.map((v) => v.code)).toEqual(['block.alreadyEnded']);
  });
});

describe('accommodation planners', () => {
  it('refuses to close while stays remain after the close date, listing each person', () => {
    const w = world();
    const data = apply(w.data, [
      stay('S1', w.amir, w.h.b1, '2026-01-01', null),
      stay('S2', w.lena, w.h.b3, '2026-01-01', '2026-07-01'),
      stay('S3', w.sara, w.h.b2, '2026-01-01', '2026-05-01'),
    ]);
    const ctx = { stays: data.stays, persons: data.persons, beds: data.beds, rooms: data.rooms };
    const res = planCloseAccommodation({ accommodationId: 'A', closedOn: '2026-06-01', today: '2026-02-01' }, w.h.acc, ctx, deps());
    expect(res.ok).toBe(false);
    expect(res.violations.map((v) => [v.code, v.params.person])).toEqual([
      ['accommodation.stayAfterClosingOpen', 'Amir Haddad'],
      ['accommodation.stayAfterClosing', 'Lena Kurz'],
    ]);
    const later = planCloseAccommodation({ accommodationId: 'A', closedOn: '2026-06-01', today: '2026-02-01' }, w.h.acc, { stays: [data.stays[2]!], persons: data.persons }, deps());
    expect(later.writes.accommodations![0]).toMatchObject({ closedOn: '2026-06-01', status: 'closing' });
  });

  it('validates fields on create', () => {
    const w = world();
    const { id: _id, createdAt: _c, updatedAt: _u, ...input } = w.h.acc;
    const ok = planSaveAccommodation({ ...input, name: '  Neue GU ' }, null, { stays: [], persons: [] }, deps());
    expect(ok.writes.accommodations![0]).toMatchObject({ id: 'new-1', name: 'Neue GU' });
    const bad = planSaveAccommodation({ ...input, name: '', closedOn: '2019-01-01', reservePlaces: -1, lease: { start: '2025-01-01', end: '2024-01-01', rentCents: 1.5, rentFree: false } }, null, { stays: [], persons: [] }, deps());
    expect(bad.violations.map((v) => v.code)).toEqual([
      'accommodation.nameRequired',
      'accommodation.closeBeforeOpen',
      'accommodation.leaseEndBeforeStart',
      'accommodation.rentInvalid',
      'accommodation.reservePlacesInvalid',
    ]);
  });
});
