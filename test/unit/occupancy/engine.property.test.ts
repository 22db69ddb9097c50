// The index-based engine must give exactly the answers of the naive
// reference on random histories (overlaps, cancelled and deleted stays,
// blocks, reserve places, deleted rooms/beds, opening and closing dates).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../../shared/domain/dates';
import {
  buildOccupancyIndex,
  dailySeries,
  figuresAsOf,
  naiveDailySeries,
  naiveFiguresAsOf,
  naiveOccupancyDays,
  occupancyDaysByMonth,
  seriesDay,
  type OccupancyFigures,
} from '../../../shared/occupancy';
import { day, historyArb } from './gen';

const RUNS = { seed: 20260201, numRuns: 200 };

/** The fields a daily series carries. */
const seriesFields = (f: OccupancyFigures) => ({
  places: f.places,
  occupied: f.occupied,
  reserved: f.reserved,
  blocked: f.blocked,
  reserve: f.reserve,
  free: f.free,
  residents: f.residents,
  areaM2: f.areaM2,
});

describe('occupancy engine = naive reference', () => {
  it('figures as of a random day, at every level', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: -50, max: 400 }), fc.integer({ min: 0, max: 30 }), fc.nat(), fc.integer({ min: -2, max: 2 }), (data, offset, lookahead, pick, delta) => {
        // Half of the days are random, half sit on the edges where rules switch:
        // a stay's start, its end, a reservation window's start, a block's start.
        const edges = [
          ...data.stays.flatMap((s) => [s.from, addDays(s.from, -lookahead), ...(s.to ? [s.to] : [])]),
          ...data.bedBlocks.flatMap((b) => [b.from, ...(b.until ? [b.until] : [])]),
        ];
        const d = pick % 2 === 0 || edges.length === 0 ? day(offset) : addDays(edges[pick % edges.length]!, delta);
        const ix = buildOccupancyIndex(data, { reservationLookaheadDays: lookahead });
        const fast = figuresAsOf(ix, d, { rooms: true });
        const slow = naiveFiguresAsOf(data, d, lookahead);
        expect(fast.county).toEqual(slow.county);
        expect(fast.byKind).toEqual(slow.byKind);
        expect(fast.byMunicipality).toEqual(slow.byMunicipality);
        expect(fast.byAccommodation).toEqual(slow.byAccommodation);
        expect(fast.byRoom).toEqual(slow.byRoom);
        const c = fast.county;
        expect(c.occupied + c.blocked + c.reserved + c.reserve + c.free).toBe(c.places);
      }),
      RUNS,
    );
  });

  it('daily series over a random period (county and one accommodation)', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: -50, max: 380 }), fc.integer({ min: 0, max: 45 }), (data, offset, length) => {
        const from = day(offset);
        const to = day(offset + length);
        const ix = buildOccupancyIndex(data);
        const county = dailySeries(ix, from, to);
        expect(county.length).toBe(length);
        const naive = naiveDailySeries(data, from, to);
        naive.forEach((f, i) => expect(seriesFields(seriesDay(county, i)), `day ${i}`).toEqual(seriesFields(f)));
        const accId = data.accommodations[0]!.id;
        const one = dailySeries(ix, from, to, { level: 'accommodation', id: accId });
        naiveDailySeries(data, from, to, accId).forEach((f, i) => expect(seriesFields(seriesDay(one, i))).toEqual(seriesFields(f)));
      }),
      RUNS,
    );
  });

  it('series agrees with figuresAsOf for kind, municipality and room scopes', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: -30, max: 360 }), (data, offset) => {
        const ix = buildOccupancyIndex(data);
        const d = day(offset);
        const f = figuresAsOf(ix, d, { rooms: true });
        const empty = { places: 0, occupied: 0, reserved: 0, blocked: 0, reserve: 0, free: 0, residents: 0, areaM2: 0 };
        const at = (s: ReturnType<typeof dailySeries>) => seriesFields(seriesDay(s, 0));
        expect(at(dailySeries(ix, d, day(offset + 1), { level: 'kind', kind: 'gu' }))).toEqual(seriesFields(f.byKind.gu));
        expect(at(dailySeries(ix, d, day(offset + 1), { level: 'municipality', id: 'm2' }))).toEqual(f.byMunicipality.m2 ? seriesFields(f.byMunicipality.m2) : empty);
        for (const room of ix.rooms) {
          const rf = f.byRoom![room.id];
          expect(at(dailySeries(ix, d, day(offset + 1), { level: 'room', id: room.id }))).toEqual(rf ? seriesFields(rf) : empty);
        }
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it('Belegungstage per accommodation and month', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: -1, max: 12 }), (data, m) => {
        const month = addMonths('2025-01-01', m).slice(0, 7);
        const ix = buildOccupancyIndex(data);
        const rows = occupancyDaysByMonth(ix, month, month);
        const naive = naiveOccupancyDays(data, month);
        const fast: Record<string, number> = {};
        for (const r of rows) if (r.occupancyDays > 0) fast[r.accommodationId] = r.occupancyDays;
        expect(fast).toEqual(naive);
        // Rate and place-days agree with the daily series of the accommodation.
        for (const r of rows) {
          const s = dailySeries(ix, `${month}-01`, addMonths(`${month}-01`, 1), { level: 'accommodation', id: r.accommodationId });
          expect(r.placeDays).toBe(s.places.reduce((a, b) => a + b, 0));
          expect(r.occupiedBedDays).toBe(s.occupied.reduce((a, b) => a + b, 0));
          expect(r.occupancyDays).toBe(s.residents.reduce((a, b) => a + b, 0));
        }
      }),
      RUNS,
    );
  });

  it('multi-month Belegungstage equal the per-month answers', () => {
    fc.assert(
      fc.property(historyArb, (data) => {
        const ix = buildOccupancyIndex(data);
        const all = occupancyDaysByMonth(ix, '2024-12', '2026-01');
        const single = ['2024-12', '2025-03', '2025-07', '2026-01'].flatMap((m) => occupancyDaysByMonth(ix, m, m));
        for (const row of single) expect(all).toContainEqual(row);
      }),
      { seed: 11, numRuns: 100 },
    );
  });
});
