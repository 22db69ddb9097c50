import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkNewAllocations, type NewAllocationFacts } from '../../../shared/allocation/rules';
import { canTransition, openAllocationsByPerson } from '../../../shared/allocation/status';
import { populationReferenceDate, validateMunicipality } from '../../../shared/allocation/municipality';
import { filterQueue, type QueueEntry } from '../../../shared/allocation/queue';
import { balanceTextDe, quotaLedgerReport } from '../../../shared/allocation/ledgerReport';
import { buildLedger, DEFAULT_QUOTA_SETTINGS } from '../../../shared/allocation/ledger';
import type { Allocation, Municipality, Person } from '../../../shared/domain/model';

const T = '2026-01-01T00:00:00.000Z';
const muni = (id: string, name: string, population: number, ags = `08417${id.padStart(3, '0')}`): Municipality => ({
  id, name, ags, population, populationDate: '2025-06-30', populationApproximate: true, createdAt: T, updatedAt: T,
});
const person = (id: string, householdId: string | null): Person => ({
  id, familyName: 'Haddad', givenName: id, birthDate: '1990-01-01', sex: 'm', nationality: 'SYR', languages: [], householdId, fileNumber: id,
  residenceStatus: 'gestattung', asylumDecision: 'pending', admissionDate: '2025-01-01', legalBasis: 'asylum', vulnerabilities: [],
  needsBarrierFree: false, feePayer: false, createdAt: T, updatedAt: T,
});

function facts(persons: Person[], open: Allocation[] = [], residents = persons.map((p) => p.id)): NewAllocationFacts {
  const members = new Map<string, Person[]>();
  for (const p of persons) if (p.householdId) members.set(p.householdId, [...(members.get(p.householdId) ?? []), p]);
  return {
    municipalities: new Map([['m1', muni('1', 'Albstadt', 46_000)]]),
    persons: new Map(persons.map((p) => [p.id, p])),
    householdMembers: members,
    openAllocationByPerson: openAllocationsByPerson(open),
    residentIds: new Set(residents),
    householdNames: new Map([['h1', 'Familie Haddad']]),
  };
}
const decided = { status: 'decided' as const, decisionDate: '2026-03-01', plannedMoveDate: null };

describe('rules for new allocations', () => {
  const family = [person('a', 'h1'), person('b', 'h1'), person('c', 'h1')];

  it('accepts a whole household, and a household minus a member who already left', () => {
    expect(checkNewAllocations([{ householdId: 'h1', personIds: ['a', 'b', 'c'], municipalityId: 'm1' }], decided, facts(family))).toEqual([]);
    expect(checkNewAllocations([{ householdId: 'h1', personIds: ['a', 'b'], municipalityId: 'm1' }], decided, facts(family, [], ['a', 'b']))).toEqual([]);
  });

  it('property: leaving out any resident member, or splitting into two requests, is refused as a split', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.nat(), (n, k) => {
        const members = Array.from({ length: n }, (_, i) => person(`p${i}`, 'h1'));
        const ids = members.map((p) => p.id);
        const missing = k % n;
        const partial = ids.filter((_, i) => i !== missing);
        const codes = checkNewAllocations([{ householdId: 'h1', personIds: partial, municipalityId: 'm1' }], decided, facts(members)).map((p) => p.code);
        expect(codes).toContain('householdSplit');
        const split = checkNewAllocations(
          [
            { householdId: 'h1', personIds: partial, municipalityId: 'm1' },
            { householdId: 'h1', personIds: [ids[missing]!], municipalityId: 'm1' },
          ],
          decided,
          facts(members),
        ).map((p) => p.code);
        expect(split).toContain('householdSplit');
      }),
      { seed: 99, numRuns: 100 },
    );
  });

  it('refuses persons in an open allocation, but not in a moved or cancelled one', () => {
    const open = (status: Allocation['status']): Allocation => ({
      id: 'x', householdId: null, personIds: ['s'], municipalityId: 'm1', decisionDate: '2026-01-01', plannedMoveDate: null, status, letterIds: [], createdAt: T, updatedAt: T,
    });
    const single = [person('s', null)];
    const req = [{ householdId: null, personIds: ['s'], municipalityId: 'm1' }];
    expect(checkNewAllocations(req, decided, facts(single, [open('planned')])).map((p) => p.code)).toEqual(['alreadyAllocated']);
    expect(checkNewAllocations(req, decided, facts(single, [open('decided')])).map((p) => p.code)).toEqual(['alreadyAllocated']);
    expect(checkNewAllocations(req, decided, facts(single, [open('cancelled')]))).toEqual([]);
    expect(checkNewAllocations(req, decided, facts(single, [open('moved')]))).toEqual([]);
  });

  it('refuses a person of another household, an unknown municipality and an empty batch, with German text', () => {
    const ps = [...family, person('s', null)];
    const problems = checkNewAllocations([{ householdId: 'h1', personIds: ['a', 'b', 'c', 's'], municipalityId: 'nowhere' }], decided, facts(ps));
    expect(problems.map((p) => p.code).sort()).toEqual(['personNotInHousehold', 'unknownMunicipality']);
    expect(problems.find((p) => p.code === 'unknownMunicipality')?.message).toBe('Für Familie Haddad ist keine bekannte Gemeinde gewählt.');
    expect(checkNewAllocations([], decided, facts(ps)).map((p) => p.code)).toEqual(['emptySelection']);
  });
});

describe('status life cycle', () => {
  it('allows geplant → entschieden → umgezogen and aufheben from the open states only', () => {
    expect(canTransition('planned', 'decided')).toBe(true);
    expect(canTransition('decided', 'moved')).toBe(true);
    expect(canTransition('planned', 'moved')).toBe(false);
    expect(canTransition('planned', 'cancelled')).toBe(true);
    expect(canTransition('decided', 'cancelled')).toBe(true);
    expect(canTransition('moved', 'cancelled')).toBe(false);
    expect(canTransition('cancelled', 'decided')).toBe(false);
  });
});

describe('municipality master data', () => {
  const ok = { ags: '08417008', name: 'Balingen', population: 34_500, populationDate: '2025-06-30', populationApproximate: false };
  it('accepts valid data and names the reference date of the law', () => {
    expect(validateMunicipality(ok)).toEqual([]);
    expect(populationReferenceDate('2026-03-10')).toBe('2025-06-30');
  });
  it.each([
    [{ ags: '0841700' }, 'agsFormat'],
    [{ ags: '0841700a' }, 'agsFormat'],
    [{ name: '  ' }, 'nameRequired'],
    [{ population: -1 }, 'populationInvalid'],
    [{ population: Number.NaN }, 'populationInvalid'],
    [{ populationDate: '2025-06-31' }, 'populationDateInvalid'],
    [{ foreignShare: 1.2 }, 'foreignShareInvalid'],
    [{ areaKm2: -3 }, 'areaInvalid'],
    [{ contact: { name: 'x', email: 'kein-at' } }, 'emailInvalid'],
    [{ contact: { name: 'x', address: { street: 'a', zip: '7233', city: 'b' } } }, 'zipInvalid'],
  ])('refuses %o (%s)', (over, code) => {
    expect(validateMunicipality({ ...ok, ...over }).map((p) => p.code)).toEqual([code]);
  });
  it('refuses a duplicate AGS but not the deleted one', () => {
    expect(validateMunicipality(ok, [muni('9', 'Other', 1, '08417008')]).map((p) => p.code)).toEqual(['agsDuplicate']);
    expect(validateMunicipality(ok, [{ ...muni('9', 'Other', 1, '08417008'), deleted: true }])).toEqual([]);
  });
});

describe('queue filter', () => {
  const entry = (key: string, reasons: QueueEntry['reasons'], acc: string[]): QueueEntry => ({
    key, householdId: null, name: key, members: [], reasons, earliestEnd: '2026-01-01', accommodationIds: acc,
  });
  const q = [entry('a', ['deadline_passed'], ['gu1']), entry('b', ['residence_title', 'deadline_near'], ['gu2']), entry('c', ['asylum_final'], ['gu1', 'gu2'])];
  it('filters by any of the reasons and by accommodation', () => {
    expect(filterQueue(q, {}).map((e) => e.key)).toEqual(['a', 'b', 'c']);
    expect(filterQueue(q, { reasons: ['deadline_near', 'asylum_final'] }).map((e) => e.key)).toEqual(['b', 'c']);
    expect(filterQueue(q, { accommodationId: 'gu2' }).map((e) => e.key)).toEqual(['b', 'c']);
    expect(filterQueue(q, { reasons: ['deadline_passed'], accommodationId: 'gu2' })).toEqual([]);
  });
});

describe('quota ledger report', () => {
  it('has the ledger rows, signed balances in words and sums that match the ledger', () => {
    const ms = [muni('1', 'Albstadt', 46_000), muni('2', 'Balingen', 34_000), muni('3', 'Hechingen', 19_000)];
    const a = (id: string, m: string, n: number): Allocation => ({
      id, householdId: null, personIds: Array.from({ length: n }, (_, i) => `${id}${i}`), municipalityId: m, decisionDate: '2026-02-01', plannedMoveDate: null,
      status: 'decided', letterIds: [], createdAt: T, updatedAt: T,
    });
    const ledger = buildLedger({
      municipalities: ms, allocations: [a('x', '1', 30), a('y', '2', 20), a('z', '3', 4)], countyPlaces: new Map([['2', 45], ['3', 12]]),
      period: { from: '2026-01-01', to: '2026-12-31' }, settings: { ...DEFAULT_QUOTA_SETTINGS, creditPercent: 50 },
    });
    const report = quotaLedgerReport(ledger, 'Landratsamt Zollernalbkreis');
    const section = report.sections[0]!;
    // The worked example of docs/allocation.md.
    expect(section.rows.map((r) => [r[0], r[8], r[9], r[10], r[11]])).toEqual([
      ['Albstadt', 30, 38, -8, '−8 unter Soll'],
      ['Balingen', 42, 28, 14, '+14 über Soll'],
      ['Hechingen', 10, 16, -6, '−6 unter Soll'],
    ]);
    expect(section.totals[0]?.slice(8, 11)).toEqual([82, 82, 0]);
    expect(report.subtitle).toBe('Zeitraum 01.01.2026 – 31.12.2026');
    expect(balanceTextDe(0)).toBe('im Soll');
  });
});
