// The index's layout (which records count, their order, the per-bed runs of
// stays and blocks) must equal a plain filter-and-sort construction. The
// build computes sort keys once (collation ranks, room positions) and sorts
// runs by insertion; this checks those shortcuts against the obvious code on
// messy input: names equal under German collation ('Haus a', 'Haus A',
// 'Häus A'), numeric room numbers, shuffled input, tied bed orders, stays
// with equal periods (input order must be kept), deleted and orphan records.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, toDayNumber } from '../../../shared/domain/dates';
import type { Dataset } from '../../../shared/domain/model';
import { buildOccupancyIndex, OPEN_END, type OccupancyIndex } from '../../../shared/occupancy';
import { accommodation, bed, block, dataset, person, room, stay, unit } from './fixtures';

const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });
const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** True about one time in six. */
const rare = fc.integer({ min: 0, max: 5 }).map((n) => n === 0);

const names = ['Haus A', 'Haus a', 'Häus A', 'Haus B', 'Haus 10', 'Haus 2', ''];
const numbers = ['1', '01', '2', '10', '1.02', '1.10', 'a', 'A'];


const layoutArb: fc.Arbitrary<Dataset> = fc
  .record({
    accs: fc.array(fc.record({ name: fc.constantFrom('GU Nord', 'gu nord', 'GU Süd', 'GU 2', 'GU 10'), deleted: rare }), { minLength: 1, maxLength: 4 }),
    units: fc.array(fc.record({ acc: fc.nat(), name: fc.constantFrom(...names), deleted: rare }), { minLength: 1, maxLength: 6 }),
    rooms: fc.array(
      fc.record({ acc: fc.nat(), unit: fc.nat(), orphanUnit: rare, number: fc.constantFrom(...numbers), deleted: rare }),
      { minLength: 2, maxLength: 12 },
    ),
    beds: fc.array(fc.record({ room: fc.nat(), order: fc.integer({ min: 0, max: 2 }), label: fc.constantFrom('1', '2', 'a', 'A', '10'), deleted: rare }), { minLength: 3, maxLength: 30 }),
    stays: fc.array(
      // Few distinct periods, so equal periods on one bed are common.
      fc.record({ bed: fc.nat({ max: 4 }), from: fc.integer({ min: 0, max: 6 }), length: fc.option(fc.integer({ min: -1, max: 4 }), { nil: null }), cancelled: rare, deleted: rare }),
      { minLength: 10, maxLength: 60 },
    ),
    blocks: fc.array(fc.record({ bed: fc.nat(), from: fc.integer({ min: 0, max: 20 }), length: fc.option(fc.integer({ min: -1, max: 10 }), { nil: null }), deleted: rare }), { maxLength: 10 }),
    seed: fc.nat(),
  })
  .map(({ accs, units, rooms, beds, stays, blocks, seed }) => {
    const data = dataset({});
    accs.forEach((a, i) => data.accommodations.push(accommodation(`A${i}`, { name: a.name, deleted: a.deleted })));
    units.forEach((u, i) => data.units.push(unit(`U${i}`, `A${u.acc % accs.length}`, { name: u.name, deleted: u.deleted })));
    rooms.forEach((r, i) => {
      const unitId = r.orphanUnit ? 'missing' : `U${r.unit % units.length}`;
      data.rooms.push(room(`R${i}`, `A${r.acc % (accs.length + 1)}`, unitId, { number: r.number, deleted: r.deleted }));
    });
    if (data.rooms.length > 0) {
      beds.forEach((b, i) => data.beds.push(bed(`B${i}`, data.rooms[b.room % data.rooms.length]!, { order: b.order, label: b.label, deleted: b.deleted })));
    }
    const p = person('P');
    // Stays and blocks may point at a missing bed (index beyond the list).
    const bedRef = (n: number) => data.beds[n % (data.beds.length + 1)] ?? { id: 'missing', roomId: 'missing', accommodationId: 'missing' };
    stays.forEach((s, i) => {
      const from = addDays('2026-01-01', s.from);
      data.stays.push(stay(`S${i}`, p, bedRef(s.bed), from, s.length === null ? null : addDays(from, s.length), { cancelled: s.cancelled, deleted: s.deleted }));
    });
    blocks.forEach((k, i) => {
      const from = addDays('2026-01-01', k.from);
      data.bedBlocks.push(block(`K${i}`, bedRef(k.bed), from, k.length === null ? null : addDays(from, k.length), { deleted: k.deleted }));
    });
    // Shuffle every table deterministically so input order carries no meaning.
    let s = seed;
    const shuffle = <T>(list: T[]) => {
      for (let i = list.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) % 2147483648;
        const j = s % (i + 1);
        [list[i], list[j]] = [list[j]!, list[i]!];
      }
    };
    shuffle(data.accommodations);
    shuffle(data.units);
    shuffle(data.rooms);
    shuffle(data.beds);
    shuffle(data.stays);
    shuffle(data.bedBlocks);
    return data;
  });

/** The layout by plain filters and comparator sorts. */
function referenceLayout(data: Dataset) {
  const accs = data.accommodations.filter((a) => !a.deleted).sort((x, y) => collator.compare(x.name, y.name) || byId(x, y));
  const accPos = new Map(accs.map((a, i) => [a.id, i]));
  const unitName = (unitId: string) => data.units.find((u) => u.id === unitId && !u.deleted)?.name ?? '';
  const rooms = data.rooms
    .filter((r) => !r.deleted && accPos.has(r.accommodationId))
    .sort((x, y) => accPos.get(x.accommodationId)! - accPos.get(y.accommodationId)! || collator.compare(unitName(x.unitId), unitName(y.unitId)) || collator.compare(x.number, y.number) || byId(x, y));
  const roomPos = new Map(rooms.map((r, i) => [r.id, i]));
  const beds = data.beds
    .filter((b) => !b.deleted && roomPos.has(b.roomId))
    .sort((x, y) => roomPos.get(x.roomId)! - roomPos.get(y.roomId)! || x.order - y.order || collator.compare(x.label, y.label) || byId(x, y));
  const end = (to: string | null) => (to === null ? OPEN_END : toDayNumber(to));
  const runs = beds.map((b) => ({
    stays: data.stays
      .filter((s) => s.bedId === b.id && !s.deleted && !s.cancelled && toDayNumber(s.from) < end(s.to))
      .sort((x, y) => toDayNumber(x.from) - toDayNumber(y.from) || end(x.to) - end(y.to))
      .map((s) => s.id),
    blocks: data.bedBlocks
      .filter((k) => k.bedId === b.id && !k.deleted && toDayNumber(k.from) < end(k.until))
      .sort((x, y) => toDayNumber(x.from) - toDayNumber(y.from) || end(x.until) - end(y.until))
      .map((k) => k.id),
  }));
  return { accs: accs.map((a) => a.id), rooms: rooms.map((r) => r.id), beds: beds.map((b) => b.id), runs };
}

function indexLayout(ix: OccupancyIndex) {
  return {
    accs: ix.accommodations.map((a) => a.id),
    rooms: ix.rooms.map((r) => r.id),
    beds: ix.beds.map((b) => b.id),
    runs: ix.beds.map((_, b) => ({
      stays: ix.stays.slice(ix.stayOffset[b], ix.stayOffset[b + 1]).map((s) => s.id),
      blocks: ix.blocks.slice(ix.blockOffset[b], ix.blockOffset[b + 1]).map((k) => k.id),
    })),
  };
}

describe('occupancy index layout = plain filter and sort', () => {
  it('orders accommodations, rooms, beds and per-bed runs like the obvious construction', () => {
    fc.assert(
      fc.property(layoutArb, (data) => {
        const ix = buildOccupancyIndex(data);
        expect(indexLayout(ix)).toEqual(referenceLayout(data));
        // Parallel arrays agree with the records they describe.
        ix.beds.forEach((b, i) => {
          expect(ix.rooms[ix.bedRoom[i]!]!.id).toBe(b.roomId);
          expect(ix.accommodations[ix.bedAcc[i]!]!.id).toBe(ix.rooms[ix.bedRoom[i]!]!.accommodationId);
          let running = -OPEN_END;
          for (let j = ix.stayOffset[i]!; j < ix.stayOffset[i + 1]!; j++) {
            const s = ix.stays[j]!;
            expect(ix.stayFrom[j]).toBe(toDayNumber(s.from));
            expect(ix.stayTo[j]).toBe(s.to === null ? OPEN_END : toDayNumber(s.to));
            running = Math.max(running, ix.stayTo[j]!);
            expect(ix.stayMaxTo[j]).toBe(running);
          }
        });
        ix.rooms.forEach((r, i) => {
          expect(ix.accommodations[ix.roomAcc[i]!]!.id).toBe(r.accommodationId);
          for (let b = ix.roomBedOffset[i]!; b < ix.roomBedOffset[i + 1]!; b++) expect(ix.bedRoom[b]).toBe(i);
        });
      }),
      { seed: 20261121, numRuns: 300 },
    );
  });
});
