// Cases a batch of letters can be made for, per letter kind, from the
// recorded data. One entry per household (the letter goes to the household).
import { addDays } from '../../../shared/domain/dates';
import type { Dataset, IsoDate, LetterTemplateKind } from '../../../shared/domain/model';
import type { LetterRequest } from '../../../shared/letters/context';
import { formatDateDe } from '../../../shared/reports/format';

export interface LetterCandidate {
  key: string;
  request: LetterRequest;
  /** Sort/display: "Haddad, Amira" */
  name: string;
  /** Where/what: accommodation or municipality. */
  detail: string;
  date: IsoDate | null;
}

export interface CandidateFilter {
  kind: LetterTemplateKind;
  from: IsoDate;
  to: IsoDate;
}

export function defaultCandidateFilter(kind: LetterTemplateKind, today: IsoDate): CandidateFilter {
  return { kind, from: addDays(today, -30), to: addDays(today, 30) };
}

export function letterCandidates(data: Pick<Dataset, 'stays' | 'persons' | 'accommodations' | 'allocations' | 'municipalities' | 'households'>, filter: CandidateFilter): LetterCandidate[] {
  const persons = new Map(data.persons.map((p) => [p.id, p]));
  const out: LetterCandidate[] = [];
  if (filter.kind === 'assignment' || filter.kind === 'transfer') {
    const accs = new Map(data.accommodations.map((a) => [a.id, a.name]));
    const seen = new Set<string>();
    for (const s of data.stays) {
      if (s.deleted || s.cancelled || s.from < filter.from || s.from > filter.to) continue;
      const isMove = !!s.previousStayId;
      if ((filter.kind === 'transfer') !== isMove) continue;
      // One letter per household moving in together (same day, same accommodation).
      const group = s.householdId ? `${s.householdId}|${s.from}|${s.accommodationId}` : s.id;
      if (seen.has(group)) continue;
      seen.add(group);
      const p = persons.get(s.personId);
      out.push({
        key: s.id,
        request: filter.kind === 'transfer' ? { kind: 'transfer', stayId: s.id } : { kind: 'assignment', stayId: s.id },
        name: p ? `${p.familyName}, ${p.givenName}` : '?',
        detail: accs.get(s.accommodationId) ?? '',
        date: s.from,
      });
    }
  } else {
    const muns = new Map(data.municipalities.map((m) => [m.id, m.name]));
    const households = new Map(data.households.map((h) => [h.id, h.name]));
    for (const a of data.allocations) {
      // Only decided allocations: a planned one is not yet an administrative act to write about.
      if (a.deleted || a.status !== 'decided') continue;
      const date = a.plannedMoveDate ?? a.decisionDate;
      if (date && (date < filter.from || date > filter.to)) continue;
      const head = persons.get(a.personIds[0] ?? '');
      out.push({
        key: a.id,
        request: filter.kind === 'allocation' ? { kind: 'allocation', allocationId: a.id } : { kind: 'municipality_notice', allocationId: a.id },
        name: (a.householdId ? households.get(a.householdId) : undefined) ?? (head ? `${head.familyName}, ${head.givenName}` : '?'),
        detail: `${muns.get(a.municipalityId) ?? '?'}${a.plannedMoveDate ? ` · Umzug ${formatDateDe(a.plannedMoveDate)}` : ''}`,
        date,
      });
    }
  }
  return out.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.name.localeCompare(b.name, 'de'));
}
