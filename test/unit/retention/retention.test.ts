// Retention rules: case close, due list, anonymisation plan, text scrubbing,
// audit scrubbing and the redaction of change files.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../shared/domain/dates';
import type { Allocation, AuditEntry, LetterLogEntry, Person, Stay } from '../../../shared/domain/model';
import type { Change } from '../../../shared/sync/change';
import {
  anonymisedPersonFields,
  caseStatus,
  DEFAULT_RETENTION_POLICY,
  dueForRetention,
  holdsPersonalData,
  parsePolicySubject,
  personTokens,
  planRetention,
  policyInForce,
  policySubject,
  purgeValuesOf,
  redactChange,
  scrubAuditEntry,
  TokenScrubber,
  validatePolicy,
} from '../../../shared/retention';
import { household, person, stay } from '../../integration/db/fixtures';

const T = '2026-01-05T09:00:00.000Z';

function allocation(id: string, personIds: string[], status: Allocation['status'], movedOn: string | null = null): Allocation {
  return { id, createdAt: T, updatedAt: T, householdId: 'h1', personIds, municipalityId: 'm1', decisionDate: null, plannedMoveDate: movedOn, status, letterIds: [], movedOn };
}

describe('case close', () => {
  const p = person('p1');
  it('is open while a stay has not ended, and closes on the end of the last stay', () => {
    const stays: Stay[] = [stay('s1', 'p1', 'b1', '2020-01-01', '2021-05-01'), stay('s2', 'p1', 'b2', '2021-05-01', null)];
    expect(caseStatus(p, stays, [], '2024-01-01')).toEqual({ open: true });
    stays[1] = { ...stays[1]!, to: '2022-07-10' };
    expect(caseStatus(p, stays, [], '2024-01-01')).toEqual({ open: false, closedOn: '2022-07-10' });
    // A stay ending after today keeps it open; cancelled and deleted stays do not count.
    expect(caseStatus(p, stays, [], '2022-07-09')).toEqual({ open: true });
    const withCancelled = [...stays, { ...stay('s3', 'p1', 'b1', '2023-01-01', null), cancelled: true }];
    expect(caseStatus(p, withCancelled, [], '2024-01-01')).toEqual({ open: false, closedOn: '2022-07-10' });
  });

  it('is open while an allocation is planned or decided; a moved allocation closes on its move day', () => {
    const stays = [stay('s1', 'p1', 'b1', '2020-01-01', '2021-05-01')];
    expect(caseStatus(p, stays, [allocation('a', ['p1'], 'decided')], '2024-01-01')).toEqual({ open: true });
    expect(caseStatus(p, stays, [allocation('a', ['p1'], 'moved', '2021-06-15')], '2024-01-01')).toEqual({ open: false, closedOn: '2021-06-15' });
    expect(caseStatus(p, stays, [allocation('a', ['other'], 'decided')], '2024-01-01')).toEqual({ open: false, closedOn: '2021-05-01' });
  });

  it('a person never placed closes on the admission day', () => {
    expect(caseStatus({ ...p, admissionDate: '2025-01-01' }, [], [], '2024-06-01')).toEqual({ open: true });
    expect(caseStatus({ ...p, admissionDate: '2020-01-01' }, [], [], '2024-06-01')).toEqual({ open: false, closedOn: '2020-01-01' });
  });
});

describe('due list', () => {
  const policy = { standardMonths: 72, refusedMonths: 12 };
  const persons: Person[] = [
    { ...person('p1'), fileNumber: 'AZ-1' },
    { ...person('p2'), fileNumber: 'AZ-2', benefitsRefused: true },
    { ...person('p3'), fileNumber: 'AZ-3' },
  ];
  const stays = [stay('s1', 'p1', 'b1', '2018-01-01', '2019-02-01'), stay('s2', 'p2', 'b2', '2022-01-01', '2023-03-01'), stay('s3', 'p3', 'b1', '2019-03-01', null)];

  it('lists closed cases past their period with the rule, nothing else', () => {
    const due = dueForRetention({ persons, stays, allocations: [] }, policy, '2025-06-01');
    expect(due.map((d) => [d.personId, d.reason, d.closedOn, d.dueOn])).toEqual([
      ['p2', 'refused', '2023-03-01', '2024-03-01'],
      ['p1', 'standard', '2019-02-01', '2025-02-01'],
    ]);
    // The day before p1's due day it is not listed.
    expect(dueForRetention({ persons, stays, allocations: [] }, policy, '2025-01-31').map((d) => d.personId)).toEqual(['p2']);
  });

  it('lists anonymised persons again only when personal data came back', () => {
    const anon = { ...persons[0]!, ...anonymisedPersonFields(persons[0]!, '2025-06-01') };
    for (const k of Object.keys(anon) as (keyof Person)[]) if (anon[k] === undefined) delete anon[k];
    expect(holdsPersonalData(anon)).toBe(false);
    expect(dueForRetention({ persons: [anon], stays, allocations: [] }, policy, '2026-01-01')).toEqual([]);
    const back = { ...anon, notes: 'Telefon 0171 …' };
    expect(dueForRetention({ persons: [back], stays, allocations: [] }, policy, '2026-01-01').map((d) => d.reason)).toEqual(['reanonymise']);
  });

  it('property: a person is due exactly when the case is closed and close + period ≤ today', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2015, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.option(day, { nil: null }), day, fc.boolean(), fc.integer({ min: 1, max: 100 }), (from, toRaw, today, refused, months) => {
        const to = toRaw !== null && toRaw <= from ? null : toRaw;
        const p: Person = { ...person('p1'), admissionDate: from, benefitsRefused: refused };
        const s = [stay('s1', 'p1', 'b1', from, to)];
        const pol = { standardMonths: months + 12, refusedMonths: months };
        const due = dueForRetention({ persons: [p], stays: s, allocations: [] }, pol, today);
        const closed = to !== null && to <= today;
        const expected = closed && addMonths(to, refused ? months : months + 12) <= today;
        expect(due.length === 1).toBe(expected);
        if (expected) expect(due[0]!.reason).toBe(refused ? 'refused' : 'standard');
      }),
      { numRuns: 300 },
    );
  });
});

describe('policy', () => {
  it('round-trips through the subject and validates ranges', () => {
    expect(parsePolicySubject(policySubject({ standardMonths: 24, refusedMonths: 6 }))).toEqual({ standardMonths: 24, refusedMonths: 6 });
    expect(parsePolicySubject('retention.policy?standardMonths=0&refusedMonths=6')).toBeNull();
    expect(parsePolicySubject('export.xlsx')).toBeNull();
    expect(validatePolicy({ standardMonths: 12, refusedMonths: 24 })).toEqual(['refusedMonths.longerThanStandard']);
    expect(validatePolicy({ standardMonths: 1.5, refusedMonths: 1 })).toEqual(['standardMonths.range']);
  });

  it('the newest policy event wins; defaults without one', () => {
    const ev = (id: string, at: string, subject: string) => ({ id, at, createdAt: at, updatedAt: at, kind: 'retention' as const, userId: 'u', userName: 'A', deviceId: 'd', subject, description: '', personIds: [] });
    expect(policyInForce([]).policy).toEqual(DEFAULT_RETENTION_POLICY);
    const events = [ev('e1', '2026-01-01T00:00:00Z', policySubject({ standardMonths: 24, refusedMonths: 6 })), ev('e2', '2026-02-01T00:00:00Z', policySubject({ standardMonths: 36, refusedMonths: 6 }))];
    expect(policyInForce(events).policy.standardMonths).toBe(36);
    expect(policyInForce([...events].reverse()).event?.id).toBe('e2');
  });
});

describe('text scrubbing', () => {
  it('replaces whole words only, longest first, and keeps names of persons who stay', () => {
    const s = new TokenScrubber([{ text: 'Ali', replacement: 'X' }, { text: 'Ali Haddad', replacement: 'Gelöscht' }, { text: 'Haddad', replacement: 'X' }], ['Haddad']);
    expect(s.text('Herr Ali Haddad und Alina Haddad')).toBe('Herr Gelöscht und Alina Haddad');
    const obj = { a: ['Ali'], b: { c: 1, d: 'nichts' } };
    const out = s.deep(obj);
    expect(out).toEqual({ a: ['X'], b: { c: 1, d: 'nichts' } });
    expect(out.b).toBe(obj.b);
    expect(s.deep({ x: 'keine' })).toEqual({ x: 'keine' });
  });

  it('covers German and ISO birth days', () => {
    const s = new TokenScrubber(personTokens(person('p1')));
    expect(s.text('geb. 14.03.1990 (1990-03-14), Samir Haddad')).toBe('geb. 1990 (1990), Gelöscht');
  });
});

describe('anonymisation plan', () => {
  const p1: Person = { ...person('p1'), notes: 'Allergie, Bruder in Köln', azrNumber: 'AZR-123456' };
  const p2: Person = { ...person('p2'), givenName: 'Lina', sex: 'f' };
  const p3: Person = { ...person('p3', null), familyName: 'Koval', givenName: 'Olena' };
  const letter: LetterLogEntry = {
    id: 'l1', createdAt: T, updatedAt: T, number: '2026-000001', templateId: 't', templateKind: 'assignment', templateVersion: 1, issuedOn: '2026-01-05',
    issuedBy: 'A', recipientName: 'Samir Haddad', personIds: ['p1', 'p2'], householdId: 'h1',
    content: { recipientName: 'Samir Haddad', persons: [{ familyName: 'Haddad', givenName: 'Samir', birthDate: '14.03.1990' }, { familyName: 'Haddad', givenName: 'Lina' }] },
  };
  const input = {
    persons: [p1, p2, p3],
    households: [household('h1', 'p1')],
    stays: [{ ...stay('s1', 'p1'), to: '2020-01-01', overrideReason: 'Samir braucht Ruhe' }, stay('s2', 'p2')],
    allocations: [] as Allocation[],
    letters: [letter],
  };

  it('anonymises the person, drops free text on the stays, keeps the household name while a member stays', () => {
    const plan = planRetention(input, ['p1'], 'anonymise', '2026-06-01');
    expect(plan.persons).toEqual([{ id: 'p1', fields: expect.objectContaining({ familyName: 'Gelöscht', birthDate: '1990-01-01', birthYearOnly: true, notes: '', azrNumber: '', anonymisedOn: '2026-06-01' }) }]);
    expect(plan.stays).toEqual([{ id: 's1', fields: { overrideReason: null } }]);
    expect(plan.households).toEqual([]);
    // Lina stays: "Haddad" is her name too and is kept; Samir and his birth day go.
    const content = JSON.stringify(plan.letters[0]!.fields.content);
    expect(content).not.toMatch(/Samir|14\.03\.1990/);
    expect(content).toMatch(/Lina/);
    expect(plan.deletePersonIds).toEqual([]);
  });

  it('neutralises the household name when every member goes, and plans nothing twice', () => {
    const plan = planRetention(input, ['p1', 'p2'], 'delete', '2026-06-01');
    expect(plan.households).toHaveLength(1);
    expect(plan.households[0]!.fields.name).toMatch(/^Gelöscht [0-9a-f]{6}$/);
    expect(plan.deletePersonIds).toEqual(['p1', 'p2']);
    expect(JSON.stringify(plan.letters)).not.toMatch(/Haddad|Samir|Lina/);
    // Apply the plan and plan again: nothing left to do.
    const apply = <T extends { id: string }>(list: readonly T[], patches: { id: string; fields: Record<string, unknown> }[]): T[] =>
      list.map((r) => {
        const p = patches.find((x) => x.id === r.id);
        if (!p) return r;
        const next: Record<string, unknown> = { ...r };
        for (const [k, v] of Object.entries(p.fields)) if (v === undefined) delete next[k];
        else next[k] = v;
        return next as T;
      });
    const after = {
      ...input,
      persons: apply(input.persons, plan.persons),
      households: apply(input.households, plan.households),
      stays: apply(input.stays, plan.stays),
      letters: apply(input.letters, plan.letters),
    };
    const again = planRetention(after, ['p1', 'p2'], 'anonymise', '2026-07-01');
    expect([again.persons, again.households, again.stays, again.letters]).toEqual([[], [], [], []]);
  });
});

describe('scrubbing history', () => {
  const p1: Person = { ...person('p1'), notes: 'Allergie' };
  const scrubber = new TokenScrubber(personTokens(p1));

  it('anonymises audit snapshots of the person and replaces names elsewhere', () => {
    const entry: AuditEntry = { id: 'e', at: T, user: 'A', deviceId: 'd', operation: 'person.update', entity: 'persons', entityId: 'p1', before: p1, after: { ...p1, notes: 'neu' }, reason: 'Samir Haddad hat angerufen' };
    const out = scrubAuditEntry(entry, new Set(['p1']), scrubber, '2026-06-01')!;
    expect(JSON.stringify(out)).not.toMatch(/Samir|Haddad|Allergie|1990-03-14|neu"/);
    const other: AuditEntry = { ...entry, entity: 'stays', entityId: 's1', before: null, after: { personId: 'p1', overrideReason: 'wegen Samir' }, reason: undefined };
    delete other.reason;
    expect(JSON.stringify(scrubAuditEntry(other, new Set(['p1']), scrubber, '2026-06-01'))).not.toMatch(/Samir/);
    const unrelated: AuditEntry = { ...other, after: { label: 'Bett 1' } };
    expect(scrubAuditEntry(unrelated, new Set(['p1']), scrubber, '2026-06-01')).toBeNull();
  });

  it('redacts only superseded versions of the fields a retention change wrote', () => {
    const create: Change = { changeId: 'd:1', deviceId: 'd', seq: 1, hlc: 'H1', at: T, user: 'A', operation: 'person.create', ops: [{ kind: 'upsert', table: 'persons', id: 'p1', fields: { familyName: 'Haddad', givenName: 'Samir', nationality: 'SYR' }, created: true }] };
    const run: Change = { changeId: 'd:2', deviceId: 'd', seq: 2, hlc: 'H2', at: T, user: 'A', operation: 'retention.run', ops: [{ kind: 'upsert', table: 'persons', id: 'p1', fields: { familyName: 'Gelöscht', givenName: 'abc123', notes: null, updatedAt: T }, created: false }] };
    const values = purgeValuesOf([run]);
    expect(values.get('persons:p1')).toEqual({ familyName: 'Gelöscht', givenName: 'abc123', notes: null });
    const dead = new Set(['H1']);
    const out = redactChange(create, values, () => dead)!;
    expect(out.ops[0]).toMatchObject({ fields: { familyName: 'Gelöscht', givenName: 'abc123', nationality: 'SYR' } });
    expect(create.ops[0]).toMatchObject({ fields: { familyName: 'Haddad' } });
    // Not superseded (a concurrent edit that may win): left alone.
    expect(redactChange(create, values, () => new Set())).toBeNull();
    expect(redactChange(run, values, () => dead)).toBeNull();
  });
});
