// Which persons are due for anonymisation on a given day, and why.
import type { Allocation, Id, IsoDate, Person, Stay } from '../domain/model';
import { holdsPersonalData } from './anonymise';
import { caseStatus, dueDate, ruleOf, type RetentionRule } from './caseClose';
import type { RetentionPolicy } from './policy';

export type DueReason =
  | RetentionRule
  /**
   * Anonymised before, but personal data came back (an edit made offline on
   * another laptop before it saw the run won the merge): anonymise again.
   */
  | 'reanonymise';

export interface DueEntry {
  personId: Id;
  /** Aktenzeichen. */
  fileNumber: string;
  familyName: string;
  givenName: string;
  householdId: Id | null;
  closedOn: IsoDate;
  dueOn: IsoDate;
  reason: DueReason;
}

export interface DueInput {
  persons: readonly Person[];
  stays: readonly Stay[];
  allocations: readonly Allocation[];
}

function groupBy<T>(list: readonly T[], keys: (t: T) => readonly Id[]): Map<Id, T[]> {
  const out = new Map<Id, T[]>();
  for (const item of list) {
    for (const k of keys(item)) {
      let l = out.get(k);
      if (!l) out.set(k, (l = []));
      l.push(item);
    }
  }
  return out;
}

/**
 * Persons due on `today` (due day ≤ today), sorted by due day, then
 * Aktenzeichen. Persons already anonymised are listed again only when they
 * hold personal data again (reason 'reanonymise').
 */
export function dueForRetention(input: DueInput, policy: RetentionPolicy, today: IsoDate): DueEntry[] {
  const staysByPerson = groupBy(input.stays, (s) => [s.personId]);
  const allocByPerson = groupBy(input.allocations, (a) => a.personIds);
  const out: DueEntry[] = [];
  for (const p of input.persons) {
    const status = caseStatus(p, staysByPerson.get(p.id) ?? [], allocByPerson.get(p.id) ?? [], today);
    if (status.open) continue;
    let reason: DueReason;
    let dueOn: IsoDate;
    if (p.anonymisedOn) {
      if (!holdsPersonalData(p)) continue;
      reason = 'reanonymise';
      dueOn = p.anonymisedOn;
    } else {
      reason = ruleOf(p);
      dueOn = dueDate(status.closedOn, reason, policy);
      if (dueOn > today) continue;
    }
    out.push({
      personId: p.id,
      fileNumber: p.fileNumber,
      familyName: p.familyName,
      givenName: p.givenName,
      householdId: p.householdId,
      closedOn: status.closedOn,
      dueOn,
      reason,
    });
  }
  return out.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.fileNumber < b.fileNumber ? -1 : a.fileNumber > b.fileNumber ? 1 : a.personId < b.personId ? -1 : 1));
}
