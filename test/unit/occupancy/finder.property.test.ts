// The finder keeps only the best `limit` suggestions while it scans and
// skips the occupant scan for rooms that cannot rank; it must return exactly
// what the exhaustive version (build all, sort all, cut) returns, for any
// history, request and options, including odd limits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccommodationStatus, Dataset, Sex } from '../../../shared/domain/model';
import { buildOccupancyIndex, findPlaces, type FindPlacesOptions, type PlaceRequest } from '../../../shared/occupancy';
import { exhaustiveFindPlaces } from './finderReference';
import { accommodation, bed, dataset, person, room, stay, unit } from './fixtures';
import { day, historyArb } from './gen';

/** historyArb has one unit per accommodation; move some rooms to a second unit and vary the status. */
const dataArb: fc.Arbitrary<Dataset> = fc
  .tuple(historyArb, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), fc.array(fc.constantFrom<AccommodationStatus>('active', 'active', 'closing', 'closed'), { minLength: 3, maxLength: 3 }))
  .map(([data, second, statuses]) => {
    const units = [...data.units];
    for (const u of data.units) units.push(unit(`${u.id}b`, u.accommodationId, { name: `${u.name} Nord` }));
    return {
      ...data,
      units,
      accommodations: data.accommodations.map((a, i) => ({ ...a, status: statuses[i % statuses.length]! })),
      rooms: data.rooms.map((r, i) => (second[i % second.length] ? { ...r, unitId: `${r.unitId}b` } : r)),
    };
  });

/** Flats with several small rooms, partly occupied by members of other households. */
const flatsArb: fc.Arbitrary<Dataset> = fc
  .record({
    flats: fc.array(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
    stays: fc.array(fc.record({ bed: fc.nat(), from: fc.integer({ min: 0, max: 25 }), length: fc.integer({ min: 1, max: 15 }), household: fc.constantFrom('H1', 'H2', null) }), { maxLength: 25 }),
  })
  .map(({ flats, stays }) => {
    const data = dataset({ accommodations: [accommodation('A', { openedOn: day(-100) }), accommodation('B', { name: 'Unterkunft B', kind: 'flat', openedOn: day(-100) })] });
    flats.forEach((roomBeds, f) => {
      const accId = f % 2 === 0 ? 'A' : 'B';
      data.units.push(unit(`W${f}`, accId, { name: `Wohnung ${f}` }));
      roomBeds.forEach((count, r) => {
        const rm = room(`W${f}.${r}`, accId, `W${f}`, { number: String(r + 1) });
        data.rooms.push(rm);
        for (let b = 0; b < count; b++) data.beds.push(bed(`W${f}.${r}.${b}`, rm, { order: b }));
      });
    });
    stays.forEach((st, i) => {
      const p = person(`P${i}`, { householdId: st.household });
      data.persons.push(p);
      const from = day(st.from);
      data.stays.push(stay(`S${i}`, p, data.beds[st.bed % data.beds.length]!, from, day(st.from + st.length)));
    });
    return data;
  });

const seekerArb = fc.record({
  sex: fc.constantFrom<Sex>('f', 'm', 'x'),
  birthDate: fc.option(fc.constantFrom('1970-05-01', '1995-02-03', '2012-08-09', '2021-12-24'), { nil: null }),
  needsBarrierFree: fc.integer({ min: 0, max: 4 }).map((k) => k === 0),
  householdId: fc.constantFrom(null, 'H1', 'H2'),
});

const requestArb: fc.Arbitrary<PlaceRequest> = fc
  .record({
    persons: fc.array(seekerArb, { minLength: 1, maxLength: 4 }),
    householdId: fc.option(fc.constantFrom('H1', 'H2'), { nil: undefined }),
    from: fc.integer({ min: -40, max: 360 }),
    length: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
  })
  .map(({ persons, householdId, from, length }) => ({
    persons,
    ...(householdId === undefined ? {} : { householdId }),
    from: day(from),
    to: length === null ? null : day(from + length),
  }));

const optionsArb = (data: Dataset): fc.Arbitrary<FindPlacesOptions> =>
  fc
    .record(
      {
        limit: fc.constantFrom(0, 1, 2, 3, 5, 10, 100, 2.5, -1, Number.POSITIVE_INFINITY, Number.NaN, 1000),
        accommodationIds: fc.subarray(data.accommodations.map((a) => a.id)),
        kind: fc.constantFrom('gu' as const, 'flat' as const),
        preferKind: fc.constantFrom('gu' as const, 'flat' as const),
        allowSplitRooms: fc.boolean(),
        includeClosing: fc.boolean(),
        excludeBedIds: fc.subarray(data.beds.map((b) => b.id), { maxLength: Math.min(3, data.beds.length) }),
      },
      { requiredKeys: [] },
    )
    .map((o) => o as FindPlacesOptions);

describe('findPlaces = exhaustive ranking', () => {
  it('returns the same suggestions as building, sorting and cutting all of them', () => {
    fc.assert(
      fc.property(
        dataArb.chain((data) => fc.tuple(fc.constant(data), requestArb, optionsArb(data))),
        ([data, request, options]) => {
          const ix = buildOccupancyIndex(data);
          expect(findPlaces(ix, request, options)).toEqual(exhaustiveFindPlaces(ix, request, options));
        },
      ),
      { seed: 20261121, numRuns: 600 },
    );
  });

  it('a small limit returns the head of the full ranking', () => {
    // Equal scores are common (identical rooms): the tie-break by room order
    // must make the first `limit` of the full ranking come out.
    fc.assert(
      fc.property(historyArb, requestArb, fc.integer({ min: 1, max: 4 }), (data, request, limit) => {
        const ix = buildOccupancyIndex(data);
        const fast = findPlaces(ix, request, { limit });
        const all = exhaustiveFindPlaces(ix, request, { limit: 10_000 });
        expect(fast).toEqual(all.slice(0, limit));
        for (let i = 1; i < fast.length; i++) expect(fast[i - 1]!.score).toBeGreaterThanOrEqual(fast[i]!.score);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('ranks households split over the rooms of a unit, sharing with others, like the exhaustive version', () => {
    // Households of two to four in small flats whose rooms are partly
    // occupied by others: exercises the unit path and its sharing penalty.
    fc.assert(
      fc.property(flatsArb, fc.integer({ min: 2, max: 4 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 3 }), (data, n, from, limit) => {
        const persons = Array.from({ length: n }, (_, i) => ({ sex: i % 2 === 0 ? ('f' as const) : ('m' as const), birthDate: '1990-01-01', needsBarrierFree: false, householdId: 'H1' }));
        const ix = buildOccupancyIndex(data);
        const request = { persons, householdId: 'H1', from: day(from), to: day(from + 10) };
        expect(findPlaces(ix, request, { limit })).toEqual(exhaustiveFindPlaces(ix, request, { limit }));
      }),
      { seed: 99, numRuns: 600 },
    );
  });
});
