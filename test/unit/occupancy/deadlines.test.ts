import { describe, expect, it } from 'vitest';
import { checkExtension, computeDeadlines, dueWithin } from '../../../shared/occupancy';
import { person } from './fixtures';

describe('computeDeadlines (§ 9 FlüAG)', () => {
  it('asylum: 12-month mark and 24-month end', () => {
    const d = computeDeadlines(person('P', { admissionDate: '2024-03-15', legalBasis: 'asylum' }));
    expect(d).toEqual({
      admissionDate: '2024-03-15',
      twelveMonthMark: '2025-03-15',
      regularEnd: '2026-03-15',
      effectiveEnd: '2026-03-15',
      monthsRule: 24,
      extended: false,
    });
  });

  it.each(['aufenthg_22', 'aufenthg_23', 'aufenthg_24', 'aufenthg_15a'] as const)('%s: 6 months, no 12-month mark', (basis) => {
    const d = computeDeadlines(person('P', { admissionDate: '2025-01-10', legalBasis: basis }));
    expect(d.monthsRule).toBe(6);
    expect(d.regularEnd).toBe('2025-07-10');
    expect(d.twelveMonthMark).toBeNull();
  });

  it('clamps to the month end', () => {
    expect(computeDeadlines(person('P', { admissionDate: '2023-08-31', legalBasis: 'aufenthg_24' })).regularEnd).toBe('2024-02-29');
    expect(computeDeadlines(person('P', { admissionDate: '2022-08-31', legalBasis: 'aufenthg_24' })).regularEnd).toBe('2023-02-28');
    const d = computeDeadlines(person('P', { admissionDate: '2024-02-29', legalBasis: 'asylum' }));
    expect(d.twelveMonthMark).toBe('2025-02-28');
    expect(d.regularEnd).toBe('2026-02-28');
  });

  it('an extension replaces the regular end', () => {
    const p = person('P', { admissionDate: '2024-01-01', legalBasis: 'asylum', extension: { until: '2026-03-01', reason: 'Wohnung in Aussicht', decidedOn: '2025-12-01', by: 'SB 422' } });
    const d = computeDeadlines(p);
    expect(d.regularEnd).toBe('2026-01-01');
    expect(d.effectiveEnd).toBe('2026-03-01');
    expect(d.extended).toBe(true);
    expect(checkExtension(p)).toEqual([]);
  });

  it('warns about extensions beyond 3 months or not after the regular end', () => {
    const long = person('P', { admissionDate: '2024-01-01', extension: { until: '2026-04-02', reason: 'x', decidedOn: '2025-12-01', by: 'x' } });
    expect(checkExtension(long).map((v) => v.code)).toEqual(['deadline.extensionLong']);
    const early = person('P', { admissionDate: '2024-01-01', extension: { until: '2025-12-01', reason: 'x', decidedOn: '2025-12-01', by: 'x' } });
    expect(checkExtension(early).map((v) => v.code)).toEqual(['deadline.extensionNotLater']);
  });
});

describe('dueWithin', () => {
  const today = '2026-02-01';
  const persons = [
    person('a', { admissionDate: '2025-02-10', legalBasis: 'asylum' }), // 12 months on 2026-02-10
    person('b', { admissionDate: '2024-02-20', legalBasis: 'asylum' }), // end 2026-02-20
    person('c', { admissionDate: '2025-08-05', legalBasis: 'aufenthg_24' }), // end 2026-02-05
    person('d', { admissionDate: '2025-07-01', legalBasis: 'aufenthg_24' }), // end 2026-01-01: overdue
    person('e', { admissionDate: '2025-06-01', legalBasis: 'asylum' }), // 12 months 2026-06-01: too far
    person('f', { admissionDate: '2024-01-05', legalBasis: 'asylum', extension: { until: '2026-04-01', reason: 'x', decidedOn: '2025-12-01', by: 'x' } }),
  ];

  it('lists 12-month marks and ends in the window, overdue ends first, sorted by date', () => {
    const due = dueWithin(persons, today, 3);
    expect(due.map((d) => [d.personId, d.kind, d.date, d.daysLeft, d.overdue])).toEqual([
      ['d', 'end', '2026-01-01', -31, true],
      ['c', 'end', '2026-02-05', 4, false],
      ['a', 'twelveMonths', '2026-02-10', 9, false],
      ['b', 'end', '2026-02-20', 19, false],
    ]);
  });

  it('respects extensions and the horizon edge (inclusive)', () => {
    const due = dueWithin(persons, '2026-03-04', 4); // horizon 2026-04-01
    expect(due.filter((d) => d.personId === 'f').map((d) => d.date)).toEqual(['2026-04-01']);
    expect(dueWithin(persons, '2026-03-04', 3).some((d) => d.personId === 'f')).toBe(false);
  });
});
