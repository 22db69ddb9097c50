import { describe, expect, it } from 'vitest';
import { allocationQueue } from '../../../shared/allocation/queue';
import type { Allocation, Household, Person, Stay } from '../../../shared/domain/model';

const T = '2026-01-01T00:00:00.000Z';

function person(id: string, over: Partial<Person> = {}): Person {
  return {
    id, familyName: 'Haddad', givenName: id, birthDate: '1990-01-01', sex: 'm', nationality: 'SYR', languages: ['ar'], householdId: null,
    fileNumber: `AZ-${id}`, residenceStatus: 'gestattung', asylumDecision: 'pending', admissionDate: '2025-01-15', legalBasis: 'asylum',
    vulnerabilities: [], needsBarrierFree: false, feePayer: false, createdAt: T, updatedAt: T, ...over,
  };
}

function stay(personId: string, from: string, to: string | null = null): Stay {
  return { id: `s-${personId}-${from}`, personId, bedId: `b-${personId}`, roomId: 'r1', accommodationId: 'acc1', householdId: null, from, to, createdAt: T, updatedAt: T };
}

const today = '2026-11-21';

describe('allocation queue', () => {
  it('applies the 24-month rule for asylum seekers and the 6-month rule for § 24 AufenthG', () => {
    const persons = [
      person('asyl-due', { admissionDate: '2024-12-01' }), // end 2026-12-01: within 4 weeks
      person('asyl-later', { admissionDate: '2025-06-01' }), // end 2027-06-01: not due
      person('ukr-passed', { admissionDate: '2026-04-01', legalBasis: 'aufenthg_24' }), // end 2026-10-01: passed
      person('ukr-later', { admissionDate: '2026-10-01', legalBasis: 'aufenthg_24' }), // end 2027-04-01
    ];
    const q = allocationQueue({ persons, households: [], stays: persons.map((p) => stay(p.id, p.admissionDate)), allocations: [], today, weeks: 4 });
    expect(q.map((e) => [e.key, e.reasons])).toEqual([
      ['ukr-passed', ['deadline_passed']],
      ['asyl-due', ['deadline_near']],
    ]);
  });

  it('honours a recorded extension', () => {
    const p = person('ext', { admissionDate: '2024-11-01', extension: { until: '2027-02-01', reason: 'Krankheit', decidedOn: '2026-10-01', by: 'Test' } });
    const q = allocationQueue({ persons: [p], households: [], stays: [stay(p.id, '2024-11-01')], allocations: [], today, weeks: 4 });
    expect(q).toHaveLength(0);
    const q2 = allocationQueue({ persons: [p], households: [], stays: [stay(p.id, '2024-11-01')], allocations: [], today: '2027-01-10', weeks: 4 });
    expect(q2[0]?.reasons).toEqual(['deadline_near']);
  });

  it('lists residence titles and final decisions, keeps households whole, skips people not living here or already allocated', () => {
    const hh: Household = { id: 'h1', name: 'Familie Haddad', headPersonId: 'a', createdAt: T, updatedAt: T };
    const persons = [
      person('a', { householdId: 'h1', residenceStatus: 'aufenthaltserlaubnis', admissionDate: '2026-08-01' }),
      person('b', { householdId: 'h1', admissionDate: '2026-08-01', birthDate: '2015-03-03' }),
      person('gone', { asylumDecision: 'final_granted' }),
      person('allocated', { asylumDecision: 'final_granted' }),
    ];
    const stays = [stay('a', '2026-08-01'), stay('b', '2026-08-01'), stay('gone', '2025-01-15', '2026-05-01'), stay('allocated', '2025-01-15')];
    const allocations: Allocation[] = [
      { id: 'al', householdId: null, personIds: ['allocated'], municipalityId: 'm1', decisionDate: '2026-11-01', plannedMoveDate: null, status: 'decided', letterIds: [], createdAt: T, updatedAt: T },
    ];
    const q = allocationQueue({ persons, households: [hh], stays, allocations, today, weeks: 4 });
    expect(q).toHaveLength(1);
    expect(q[0]?.name).toBe('Familie Haddad');
    expect(q[0]?.members.map((m) => m.person.id)).toEqual(['a', 'b']);
    expect(q[0]?.reasons).toEqual(['residence_title']);
  });
});
