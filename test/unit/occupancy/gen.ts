// fast-check arbitraries for random small histories: accommodations, rooms,
// beds (some reserve or deleted), persons in households, stays and blocks
// that sometimes overlap, start before opening or run past closing.
import fc from 'fast-check';
import { addDays } from '../../../shared/domain/dates';
import type { Dataset, RoomRestriction, Sex, Stay } from '../../../shared/domain/model';
import { accommodation, bed, block, dataset, person, room, stay, unit } from './fixtures';

export const BASE = '2025-01-01';
export const day = (offset: number) => addDays(BASE, offset);

const accArb = fc.record({
  kind: fc.constantFrom('gu' as const, 'flat' as const),
  municipality: fc.constantFrom('m1', 'm2'),
  openOffset: fc.integer({ min: -30, max: 60 }),
  closeAfter: fc.option(fc.integer({ min: 30, max: 300 }), { nil: null }),
  deleted: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  rooms: fc.array(
    fc.record({
      area: fc.integer({ min: 8, max: 60 }).map((n) => n / 2),
      restriction: fc.constantFrom<RoomRestriction>('none', 'none', 'women', 'men', 'family'),
      barrierFree: fc.boolean(),
      deleted: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      beds: fc.array(fc.record({ reserve: fc.integer({ min: 0, max: 3 }).map((n) => n === 0), deleted: fc.integer({ min: 0, max: 9 }).map((n) => n === 0) }), { minLength: 0, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

const stayArb = fc.record({
  bed: fc.nat(),
  person: fc.nat({ max: 5 }),
  from: fc.integer({ min: -40, max: 330 }),
  length: fc.option(fc.integer({ min: -2, max: 120 }), { nil: null, freq: 4 }),
  cancelled: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  deleted: fc.integer({ min: 0, max: 14 }).map((n) => n === 0),
});

const blockArb = fc.record({
  bed: fc.nat(),
  from: fc.integer({ min: -20, max: 330 }),
  length: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null, freq: 4 }),
  deleted: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

const personArb = fc.record({ sex: fc.constantFrom<Sex>('f', 'm', 'x'), age: fc.integer({ min: 1, max: 70 }), household: fc.constantFrom(null, 'H1', 'H1', 'H2') });

export const historyArb: fc.Arbitrary<Dataset> = fc
  .record({
    accs: fc.array(accArb, { minLength: 1, maxLength: 3 }),
    persons: fc.array(personArb, { minLength: 6, maxLength: 6 }),
    stays: fc.array(stayArb, { maxLength: 30 }),
    blocks: fc.array(blockArb, { maxLength: 6 }),
  })
  .map(({ accs, persons, stays, blocks }) => {
    const data = dataset({});
    accs.forEach((a, ai) => {
      const accId = `A${ai}`;
      const openedOn = day(a.openOffset);
      data.accommodations.push(
        accommodation(accId, { kind: a.kind, municipalityId: a.municipality, openedOn, closedOn: a.closeAfter === null ? null : addDays(openedOn, a.closeAfter) }),
      );
      data.units.push(unit(`U${ai}`, accId));
      a.rooms.forEach((r, ri) => {
        const rm = room(`R${ai}.${ri}`, accId, `U${ai}`, { areaM2: r.area, restriction: r.restriction, barrierFree: r.barrierFree, deleted: r.deleted });
        data.rooms.push(rm);
        r.beds.forEach((b, bi) => data.beds.push(bed(`B${ai}.${ri}.${bi}`, rm, { reserve: b.reserve, deleted: b.deleted, order: bi })));
      });
    });
    persons.forEach((p, i) =>
      data.persons.push(person(`P${i}`, { sex: p.sex, birthDate: addDays('2026-01-01', -Math.round(p.age * 365.25)), householdId: p.household })),
    );
    if (data.beds.length > 0) {
      stays.forEach((s, i) => {
        const b = data.beds[s.bed % data.beds.length]!;
        const p = data.persons[s.person]!;
        const from = day(s.from);
        data.stays.push(stay(`S${i}`, p, b, from, s.length === null ? null : addDays(from, s.length), { cancelled: s.cancelled, deleted: s.deleted }));
      });
      blocks.forEach((k, i) => {
        const b = data.beds[k.bed % data.beds.length]!;
        const from = day(k.from);
        data.bedBlocks.push(block(`K${i}`, b, from, k.length === null ? null : addDays(from, k.length), { deleted: k.deleted }));
      });
    }
    return data;
  });

/** Proposed stays: new ones and edited versions of existing ones. */
export function proposedArb(data: Dataset): fc.Arbitrary<Stay[]> {
  if (data.beds.length === 0) return fc.constant([]);
  const one = fc.record({
    edit: fc.boolean(),
    which: fc.nat(),
    bed: fc.nat(),
    person: fc.nat({ max: 5 }),
    from: fc.integer({ min: -40, max: 330 }),
    length: fc.option(fc.integer({ min: -1, max: 120 }), { nil: null, freq: 3 }),
    override: fc.constantFrom(null, null, 'Ausnahme genehmigt'),
  });
  return fc.array(one, { minLength: 1, maxLength: 3 }).map((list) => {
    const byId = new Map<string, Stay>();
    list.forEach((x, i) => {
      const b = data.beds[x.bed % data.beds.length]!;
      const from = day(x.from);
      const to = x.length === null ? null : addDays(from, x.length);
      if (x.edit && data.stays.length > 0) {
        const base = data.stays[x.which % data.stays.length]!;
        byId.set(base.id, { ...base, bedId: b.id, roomId: b.roomId, accommodationId: b.accommodationId, from, to, overrideReason: x.override, cancelled: false, deleted: false });
        return;
      }
      const p = data.persons[x.person]!;
      byId.set(`N${i}`, stay(`N${i}`, p, b, from, to, { overrideReason: x.override }));
    });
    return [...byId.values()];
  });
}
