// The queue of households due to leave vorläufige Unterbringung (§ 9 FlüAG)
// and so to be allocated to a municipality. A person is in the queue while
// living in a county accommodation on `today` and at least one reason holds:
//   - deadline_passed: the (possibly extended) end of vorläufige Unterbringung lies before today;
//   - deadline_near:   it falls within the next `weeks` weeks;
//   - asylum_final:    the asylum decision is final (unanfechtbar);
//   - residence_title: a residence title (Aufenthaltserlaubnis, Niederlassungserlaubnis) was issued.
// Persons already covered by an open allocation (geplant / entschieden) are
// left out, so nobody is allocated twice. Households are listed as a whole
// (all members living in the accommodation), with the reasons of all members.
import { addDays } from '../domain/dates';
import type { Allocation, Household, Id, IsoDate, Person, Stay } from '../domain/model';
import { computeDeadlines, type Deadlines } from '../occupancy/deadlines';
import { isActiveStay } from '../occupancy/validation';

export type QueueReason = 'deadline_passed' | 'deadline_near' | 'asylum_final' | 'residence_title';

export interface QueueMember {
  person: Person;
  stay: Stay;
  deadlines: Deadlines;
  reasons: QueueReason[];
}

export interface QueueEntry {
  /** Household id, or the person id for someone without a household. */
  key: Id;
  householdId: Id | null;
  name: string;
  members: QueueMember[];
  /** Union of the members' reasons, in a fixed order. */
  reasons: QueueReason[];
  /** Earliest effective end among the members. */
  earliestEnd: IsoDate;
  accommodationIds: Id[];
}

export interface QueueInput {
  persons: readonly Person[];
  households: readonly Household[];
  stays: readonly Stay[];
  allocations: readonly Allocation[];
  today: IsoDate;
  /** Look-ahead for deadline_near. */
  weeks: number;
}

const REASON_ORDER: readonly QueueReason[] = ['deadline_passed', 'deadline_near', 'asylum_final', 'residence_title'];

export function reasonsFor(person: Person, today: IsoDate, weeks: number): { reasons: QueueReason[]; deadlines: Deadlines } {
  const deadlines = computeDeadlines(person);
  const horizon = addDays(today, Math.max(0, Math.floor(weeks * 7)));
  const reasons: QueueReason[] = [];
  if (deadlines.effectiveEnd < today) reasons.push('deadline_passed');
  else if (deadlines.effectiveEnd <= horizon) reasons.push('deadline_near');
  if (person.asylumDecision === 'final_granted' || person.asylumDecision === 'final_rejected') reasons.push('asylum_final');
  if (person.residenceStatus === 'aufenthaltserlaubnis' || person.residenceStatus === 'niederlassung') reasons.push('residence_title');
  return { reasons, deadlines };
}

export function allocationQueue(input: QueueInput): QueueEntry[] {
  const { today, weeks } = input;
  const covered = new Set<Id>();
  for (const a of input.allocations) {
    if (a.deleted || (a.status !== 'planned' && a.status !== 'decided')) continue;
    for (const id of a.personIds) covered.add(id);
  }
  const currentStay = new Map<Id, Stay>();
  for (const s of input.stays) {
    if (!isActiveStay(s)) continue;
    if (s.from <= today && (s.to === null || today < s.to)) currentStay.set(s.personId, s);
  }
  const households = new Map(input.households.map((h) => [h.id, h]));
  const groups = new Map<Id, { householdId: Id | null; members: QueueMember[] }>();
  for (const p of input.persons) {
    if (p.deleted || covered.has(p.id)) continue;
    const stay = currentStay.get(p.id);
    if (!stay) continue;
    const { reasons, deadlines } = reasonsFor(p, today, weeks);
    const key = p.householdId ?? p.id;
    const g = groups.get(key) ?? { householdId: p.householdId, members: [] };
    g.members.push({ person: p, stay, deadlines, reasons });
    groups.set(key, g);
  }
  const out: QueueEntry[] = [];
  for (const [key, g] of groups) {
    const reasonSet = new Set(g.members.flatMap((m) => m.reasons));
    if (reasonSet.size === 0) continue;
    g.members.sort((a, b) => (a.person.birthDate ?? '').localeCompare(b.person.birthDate ?? '') || a.person.id.localeCompare(b.person.id));
    const first = g.members[0];
    if (!first) continue;
    const household = g.householdId ? households.get(g.householdId) : undefined;
    out.push({
      key,
      householdId: g.householdId,
      name: household?.name ?? `${first.person.familyName}, ${first.person.givenName}`,
      members: g.members,
      reasons: REASON_ORDER.filter((r) => reasonSet.has(r)),
      earliestEnd: g.members.reduce((min, m) => (m.deadlines.effectiveEnd < min ? m.deadlines.effectiveEnd : min), first.deadlines.effectiveEnd),
      accommodationIds: [...new Set(g.members.map((m) => m.stay.accommodationId))],
    });
  }
  return out.sort((a, b) => a.earliestEnd.localeCompare(b.earliestEnd) || a.key.localeCompare(b.key));
}

export interface QueueFilter {
  /** Show entries with at least one of these reasons; empty = all. */
  reasons?: readonly QueueReason[];
  /** Show entries with a member in this accommodation; null = all. */
  accommodationId?: Id | null;
}

export function filterQueue(entries: readonly QueueEntry[], filter: QueueFilter): QueueEntry[] {
  const reasons = filter.reasons ?? [];
  return entries.filter(
    (e) =>
      (reasons.length === 0 || e.reasons.some((r) => reasons.includes(r))) &&
      (!filter.accommodationId || e.accommodationIds.includes(filter.accommodationId)),
  );
}

export const QUEUE_REASONS = REASON_ORDER;
