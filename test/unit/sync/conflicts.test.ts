import { describe, expect, it } from 'vitest';
import type { Bed, Stay } from '../../../shared/domain/model';
import { bedConflicts, personConflicts, roomConflicts } from '../../../shared/sync/conflicts';

const T = '2026-01-01T00:00:00.000Z';
const stay = (id: string, personId: string, bedId: string, from: string, to: string | null, extra: Partial<Stay> = {}): Stay => ({
  id, personId, bedId, roomId: 'r1', accommodationId: 'a1', householdId: null, from, to, createdAt: T, updatedAt: T, ...extra,
});
const bed = (id: string, extra: Partial<Bed> = {}): Bed => ({ id, roomId: 'r1', accommodationId: 'a1', label: id, reserve: false, order: 1, createdAt: T, updatedAt: T, ...extra });

describe('occupancy conflicts', () => {
  it('finds overlapping stays on one bed with an id independent of input order', () => {
    const s1 = stay('s1', 'p1', 'b1', '2026-03-01', null);
    const s2 = stay('s2', 'p2', 'b1', '2026-03-10', '2026-04-01');
    const a = bedConflicts('b1', [s1, s2]);
    expect(a).toHaveLength(1);
    expect(a[0]!.fromDate).toBe('2026-03-10');
    expect(bedConflicts('b1', [s2, s1])).toEqual(a);
  });

  it('treats half-open periods correctly and ignores cancelled or deleted stays', () => {
    const s1 = stay('s1', 'p1', 'b1', '2026-03-01', '2026-03-10');
    const s2 = stay('s2', 'p2', 'b1', '2026-03-10', null);
    expect(bedConflicts('b1', [s1, s2])).toEqual([]);
    expect(bedConflicts('b1', [stay('s3', 'p3', 'b1', '2026-03-01', null), { ...s2, cancelled: true }])).toEqual([]);
    expect(bedConflicts('b1', [stay('s3', 'p3', 'b1', '2026-03-01', null), { ...s2, deleted: true }])).toEqual([]);
  });

  it('finds a person in two beds at once', () => {
    const c = personConflicts('p1', [stay('s1', 'p1', 'b1', '2026-03-01', null), stay('s2', 'p1', 'b2', '2026-03-05', null)]);
    expect(c.map((x) => x.kind)).toEqual(['person-double-stay']);
  });

  it('room over capacity counts a stay in a removed bed, and a double-booked bed only once', () => {
    const beds = [bed('b1'), bed('b2', { deleted: true })];
    expect(roomConflicts('r1', [stay('s1', 'p1', 'b1', '2026-03-01', null), stay('s2', 'p2', 'b1', '2026-03-01', null)], beds)).toEqual([]);
    const c = roomConflicts('r1', [stay('s1', 'p1', 'b1', '2026-03-01', null), stay('s2', 'p2', 'b2', '2026-03-05', null)], beds);
    expect(c).toHaveLength(1);
    expect(c[0]!.fromDate).toBe('2026-03-05');
    expect(c[0]!.refs.map((r) => r.id)).toEqual(['s1', 's2']);
  });
});

describe('allConflicts', () => {
  it('finds the same conflicts as the per-scope checks', async () => {
    const { allConflicts } = await import('../../../shared/sync/conflicts');
    const stays = [
      stay('s1', 'p1', 'b1', '2026-03-01', null),
      stay('s2', 'p2', 'b1', '2026-03-05', null),
      stay('s3', 'p1', 'b2', '2026-03-10', null),
      stay('s4', 'p3', 'b2', '2027-01-01', null, { cancelled: true }),
    ];
    const beds = [bed('b1'), bed('b2', { deleted: true })];
    const all = [...allConflicts({ stays, beds }, []).values()].flat().map((c) => c.id).sort();
    const single = [
      ...bedConflicts('b1', stays),
      ...bedConflicts('b2', stays),
      ...personConflicts('p1', stays),
      ...personConflicts('p2', stays),
      ...roomConflicts('r1', stays, beds),
    ].map((c) => c.id).sort();
    expect(all).toEqual(single);
    expect(all.length).toBe(3);
  });
});
