// When does a person's case close, and when is the person due for retention?
//
// Definition (docs/data-model.md "Retention"):
// - A case is OPEN on day `today` while the person has an active stay (not
//   cancelled, not deleted) that has not ended by `today` (`to` null or
//   after today; a planned stay also keeps it open), or an allocation (not
//   deleted) listing the person with status planned or decided.
// - Otherwise it is CLOSED, on the latest of: the end (`to`) of the person's
//   last active stay, and the move day of every allocation that moved the
//   person (`movedOn`, else its planned move day). A person with neither a
//   stay nor a moved allocation was never placed: the case counts as closed
//   on the admission day (once that day has come). A soft-deleted person's
//   case is closed at the latest on the day of the deletion.
// - The person is DUE on the close day plus the period of the rule: 1 year
//   (configurable) when benefits were refused (`benefitsRefused`), else 6
//   years (configurable).
import { addMonths } from '../domain/dates';
import type { Allocation, IsoDate, Person, Stay } from '../domain/model';
import type { RetentionPolicy } from './policy';

export type CaseStatus = { open: true } | { open: false; closedOn: IsoDate };

function later(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/**
 * The case status of one person. `stays` and `allocations` may contain
 * records of other persons (they are filtered here).
 */
export function caseStatus(person: Person, stays: readonly Stay[], allocations: readonly Allocation[], today: IsoDate): CaseStatus {
  let closedOn: IsoDate | null = null;
  let any = false;
  for (const s of stays) {
    if (s.personId !== person.id || s.deleted === true || s.cancelled === true) continue;
    any = true;
    if (person.deleted !== true && (s.to === null || s.to > today)) return { open: true };
    closedOn = later(closedOn, s.to ?? s.from);
  }
  for (const a of allocations) {
    if (a.deleted === true || !a.personIds.includes(person.id)) continue;
    if (a.status === 'planned' || a.status === 'decided') {
      if (person.deleted !== true) return { open: true };
      continue;
    }
    if (a.status === 'moved') {
      const day = a.movedOn ?? a.plannedMoveDate;
      if (day) {
        any = true;
        closedOn = later(closedOn, day);
      }
    }
  }
  if (!any) {
    if (person.admissionDate > today && person.deleted !== true) return { open: true };
    closedOn = person.admissionDate;
  }
  if (person.deleted === true) {
    const deletedOn = person.updatedAt.slice(0, 10);
    closedOn = later(closedOn, deletedOn > today ? today : deletedOn);
  }
  // A stay or move recorded ahead of time (closing day after today) keeps the case open until then.
  if (closedOn! > today) return { open: true };
  return { open: false, closedOn: closedOn! };
}

export type RetentionRule = 'standard' | 'refused';

export function ruleOf(person: Person): RetentionRule {
  return person.benefitsRefused === true ? 'refused' : 'standard';
}

export function periodMonths(rule: RetentionRule, policy: RetentionPolicy): number {
  return rule === 'refused' ? policy.refusedMonths : policy.standardMonths;
}

/** The first day the person may be anonymised (close day + period). */
export function dueDate(closedOn: IsoDate, rule: RetentionRule, policy: RetentionPolicy): IsoDate {
  return addMonths(closedOn, periodMonths(rule, policy));
}
