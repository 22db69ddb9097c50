import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apportion } from '../../../shared/allocation/apportion';
import { buildLedger, DEFAULT_QUOTA_SETTINGS, type QuotaSettings } from '../../../shared/allocation/ledger';
import { proposeAllocations } from '../../../shared/allocation/proposal';
import type { Allocation, Municipality } from '../../../shared/domain/model';

const T = '2026-01-01T00:00:00.000Z';

function muni(id: string, name: string, population: number, extra: Partial<Municipality> = {}): Municipality {
  return { id, name, ags: `08417${id.padStart(3, '0')}`, population, populationDate: '2025-06-30', populationApproximate: true, createdAt: T, updatedAt: T, ...extra };
}

function alloc(id: string, municipalityId: string, persons: number, status: Allocation['status'], decisionDate: string | null): Allocation {
  return {
    id, municipalityId, status, decisionDate, householdId: `h-${id}`, plannedMoveDate: null, letterIds: [],
    personIds: Array.from({ length: persons }, (_, i) => `${id}-p${i}`), createdAt: T, updatedAt: T,
  };
}

const period = { from: '2026-01-01', to: '2026-12-31' };

describe('apportion (largest remainder)', () => {
  it('splits 10 persons 50/30/20 exactly', () => {
    const parts = apportion(10, [{ id: 'a', weight: 50 }, { id: 'b', weight: 30 }, { id: 'c', weight: 20 }]);
    expect([...parts.values()]).toEqual([5, 3, 2]);
  });

  it('gives the leftover person to the largest remainder', () => {
    // exact: 3.333…, 3.333…, 3.333… → one gets 4; tie broken by weight then id → 'a'
    const parts = apportion(10, [{ id: 'b', weight: 1 }, { id: 'a', weight: 1 }, { id: 'c', weight: 1 }]);
    expect(parts.get('a')).toBe(4);
    expect(parts.get('b')).toBe(3);
    expect(parts.get('c')).toBe(3);
  });

  it('refuses an empty key and a negative total with German messages', () => {
    expect(() => apportion(3, [{ id: 'a', weight: 0 }])).toThrow(/Verteilungsschlüssel/);
    expect(() => apportion(-1, [{ id: 'a', weight: 1 }])).toThrow(/ganze Zahl/);
  });

  it('property: parts sum to the total, never lose or invent a person, and stay within 1 of the exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 40 }).filter((ws) => ws.some((w) => w > 0)),
        (total, weights) => {
          const entries = weights.map((w, i) => ({ id: `m${i}`, weight: w }));
          const parts = apportion(total, entries);
          const sum = [...parts.values()].reduce((s, x) => s + x, 0);
          expect(sum).toBe(total);
          const wsum = weights.reduce((s, w) => s + w, 0);
          for (const e of entries) {
            const exact = (total * e.weight) / wsum;
            const p = parts.get(e.id) ?? -1;
            expect(Number.isInteger(p)).toBe(true);
            expect(p).toBeGreaterThanOrEqual(Math.floor(exact));
            expect(p).toBeLessThanOrEqual(Math.ceil(exact));
          }
        },
      ),
      { seed: 4711, numRuns: 300 },
    );
  });
});

describe('quota ledger', () => {
  const munis = [muni('1', 'Balingen', 34_000), muni('2', 'Albstadt', 46_000), muni('3', 'Bitz', 3_800)];

  it('counts decided and moved allocations in the period, planned ones separately, cancelled not at all', () => {
    const ledger = buildLedger({
      municipalities: munis,
      allocations: [
        alloc('a', '1', 4, 'decided', '2026-03-01'),
        alloc('b', '1', 2, 'moved', '2026-05-01'),
        alloc('c', '2', 3, 'planned', null),
        alloc('d', '2', 5, 'cancelled', '2026-02-01'),
        alloc('e', '2', 1, 'decided', '2025-12-31'), // before the period
      ],
      countyPlaces: new Map(),
      period,
      settings: DEFAULT_QUOTA_SETTINGS,
    });
    const byName = new Map(ledger.rows.map((r) => [r.name, r]));
    expect(byName.get('Balingen')?.allocated).toBe(6);
    expect(byName.get('Albstadt')?.allocated).toBe(0);
    expect(byName.get('Albstadt')?.planned).toBe(3);
    expect(ledger.totals.target).toBe(6);
    expect(ledger.totals.balance).toBe(0);
  });

  it('credits county places with the configured percentage, floored', () => {
    const settings: QuotaSettings = { ...DEFAULT_QUOTA_SETTINGS, creditPercent: 50 };
    const ledger = buildLedger({
      municipalities: munis,
      allocations: [alloc('a', '2', 10, 'decided', '2026-03-01')],
      countyPlaces: new Map([['1', 45], ['3', 12]]),
      period,
      settings,
    });
    const byName = new Map(ledger.rows.map((r) => [r.name, r]));
    expect(byName.get('Balingen')?.credited).toBe(22); // floor(45 × 0.5)
    expect(byName.get('Bitz')?.credited).toBe(6);
    expect(ledger.totals.counted).toBe(10 + 22 + 6);
    expect(ledger.totals.target).toBe(ledger.totals.counted);
    expect(ledger.totals.balance).toBe(0);
  });

  it('refuses a credit percentage outside 0–100', () => {
    expect(() =>
      buildLedger({ municipalities: munis, allocations: [], countyPlaces: new Map(), period, settings: { ...DEFAULT_QUOTA_SETTINGS, creditPercent: 120 } }),
    ).toThrow(/zwischen 0 und 100/);
  });

  it('supports a weighted key (population and area)', () => {
    const ms = [muni('1', 'A', 1000, { areaKm2: 10 }), muni('2', 'B', 1000, { areaKm2: 30 })];
    const settings: QuotaSettings = { key: 'weighted', weights: { population: 1, area: 1, foreignResidents: 0 }, creditPercent: 0 };
    const ledger = buildLedger({ municipalities: ms, allocations: [alloc('x', '1', 8, 'decided', '2026-06-01')], countyPlaces: new Map(), period, settings });
    const byName = new Map(ledger.rows.map((r) => [r.name, r]));
    // shares: A = (0.5 + 0.25)/2 = 0.375, B = 0.625 → targets 3 and 5 of 8
    expect(byName.get('A')?.target).toBe(3);
    expect(byName.get('B')?.target).toBe(5);
    expect(byName.get('A')?.balance).toBe(5);
  });

  it('property: balances always sum to zero and targets to the counted total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60_000 }), { minLength: 1, maxLength: 25 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 8 }), fc.constantFrom('decided', 'moved', 'planned', 'cancelled' as const)), { maxLength: 60 }),
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 25 }),
        (pops, allocs, pct, places) => {
          const ms = pops.map((p, i) => muni(String(i + 1), `G${i}`, p));
          const as = allocs.map(([m, n, st], i) => alloc(`a${i}`, String((m % ms.length) + 1), n, st, '2026-06-01'));
          const cp = new Map(places.slice(0, ms.length).map((p, i) => [String(i + 1), p]));
          const ledger = buildLedger({ municipalities: ms, allocations: as, countyPlaces: cp, period, settings: { ...DEFAULT_QUOTA_SETTINGS, creditPercent: pct } });
          expect(ledger.totals.balance).toBe(0);
          expect(ledger.totals.target).toBe(ledger.totals.counted);
          const persons = as.filter((a) => a.status === 'decided' || a.status === 'moved').reduce((s, a) => s + a.personIds.length, 0);
          expect(ledger.totals.allocated).toBe(persons);
        },
      ),
      { seed: 815, numRuns: 200 },
    );
  });
});

describe('allocation proposal', () => {
  const munis = [muni('1', 'Balingen', 34_000), muni('2', 'Albstadt', 46_000), muni('3', 'Hechingen', 19_000)];
  const empty = buildLedger({ municipalities: munis, allocations: [], countyPlaces: new Map(), period, settings: DEFAULT_QUOTA_SETTINGS });

  it('sends the household to the municipality furthest behind and explains why', () => {
    const ledger = buildLedger({
      municipalities: munis,
      allocations: [alloc('a', '2', 20, 'decided', '2026-02-01')],
      countyPlaces: new Map(),
      period,
      settings: DEFAULT_QUOTA_SETTINGS,
    });
    const { proposals } = proposeAllocations(ledger, munis, [{ householdId: 'h1', name: 'Familie A', personIds: ['p1', 'p2', 'p3', 'p4'] }]);
    expect(proposals).toHaveLength(1);
    expect(proposals[0]?.municipalityName).toBe('Balingen');
    expect(proposals[0]?.reason).toBe('most_behind');
    expect(proposals[0]?.deficitBefore).toBeGreaterThan(0);
  });

  it('keeps user choices and refuses duplicates', () => {
    const hs = [{ householdId: 'h1', name: 'A', personIds: ['p1'] }, { householdId: 'h2', name: 'B', personIds: ['p2', 'p3'] }];
    const { proposals } = proposeAllocations(empty, munis, hs, { fixed: new Map([['h1', '3']]) });
    expect(proposals.find((p) => p.householdId === 'h1')?.municipalityId).toBe('3');
    expect(proposals.find((p) => p.householdId === 'h1')?.reason).toBe('manual');
    expect(() => proposeAllocations(empty, munis, [hs[0]!, hs[0]!])).toThrow(/doppelt/);
  });

  it('property: every household goes whole to exactly one municipality, persons are neither lost nor invented, and balances even out', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 40 }), (sizes) => {
        const hs = sizes.map((n, i) => ({ householdId: `h${i}`, name: `H${i}`, personIds: Array.from({ length: n }, (_, k) => `h${i}p${k}`) }));
        const { proposals, projectedBalance } = proposeAllocations(empty, munis, hs);
        expect(proposals).toHaveLength(hs.length);
        const persons = proposals.flatMap((p) => p.personIds);
        expect(new Set(persons).size).toBe(sizes.reduce((s, n) => s + n, 0));
        for (const p of proposals) {
          const h = hs.find((x) => x.householdId === p.householdId)!;
          expect(p.personIds).toEqual(h.personIds);
        }
        expect([...projectedBalance.values()].reduce((s, b) => s + b, 0)).toBe(0);
        // Greedy largest-first never leaves a municipality more than the largest household behind another's surplus.
        const maxSize = Math.max(...sizes);
        for (const b of projectedBalance.values()) expect(Math.abs(b)).toBeLessThanOrEqual(maxSize);
      }),
      { seed: 2026, numRuns: 200 },
    );
  });
});
