// § 9 FlüAG deadlines of the vorläufige Unterbringung.
// - Admission to the county (Person.admissionDate) starts the clock.
// - After 12 months flats are to be preferred (twelveMonthMark); only
//   meaningful for the 24-month rule, so null under the 6-month rule.
// - Regular end: 24 months after admission; 6 months for persons admitted
//   under §§ 22–24 or § 15a AufenthG (LegalBasis aufenthg_*).
// - A recorded extension (Person.extension.until) replaces the regular end.
//   Extensions are normally at most 3 months; longer ones get a warning.
// Month arithmetic clamps to the month end (31.01. + 1 month = 28./29.02.).
import { addDays, addMonths, diffDays } from '../domain/dates';
import type { IsoDate, LegalBasis, Person } from '../domain/model';
import { personName } from './labels';
import { warning, type Violation } from './violation';

export type MonthsRule = 24 | 6;

export interface Deadlines {
  admissionDate: IsoDate;
  /** Admission + 12 months (24-month rule only). */
  twelveMonthMark: IsoDate | null;
  /** Admission + 24 or 6 months. */
  regularEnd: IsoDate;
  /** regularEnd, or the extension's end when extended. */
  effectiveEnd: IsoDate;
  monthsRule: MonthsRule;
  extended: boolean;
}

/** Maximum extension that does not raise a warning. */
export const NORMAL_EXTENSION_MONTHS = 3;

const SIX_MONTH_BASES: ReadonlySet<LegalBasis> = new Set<LegalBasis>(['aufenthg_22', 'aufenthg_23', 'aufenthg_24', 'aufenthg_15a']);

export function monthsRuleFor(basis: LegalBasis): MonthsRule {
  return SIX_MONTH_BASES.has(basis) ? 6 : 24;
}

export function computeDeadlines(person: Pick<Person, 'admissionDate' | 'legalBasis' | 'extension'>): Deadlines {
  const monthsRule = monthsRuleFor(person.legalBasis);
  const regularEnd = addMonths(person.admissionDate, monthsRule);
  const extended = !!person.extension;
  return {
    admissionDate: person.admissionDate,
    twelveMonthMark: monthsRule === 24 ? addMonths(person.admissionDate, 12) : null,
    regularEnd,
    effectiveEnd: person.extension ? person.extension.until : regularEnd,
    monthsRule,
    extended,
  };
}

/** Warnings about a recorded extension (longer than normal, or not after the regular end). */
export function checkExtension(person: Pick<Person, 'admissionDate' | 'legalBasis' | 'extension' | 'givenName' | 'familyName'>): Violation[] {
  if (!person.extension) return [];
  const d = computeDeadlines(person);
  const out: Violation[] = [];
  const limit = addMonths(d.regularEnd, NORMAL_EXTENSION_MONTHS);
  if (person.extension.until > limit) {
    out.push(warning('deadline.extensionLong', { person: personName(person), untilDate: person.extension.until, regularEndDate: d.regularEnd, months: NORMAL_EXTENSION_MONTHS }));
  }
  if (person.extension.until <= d.regularEnd) {
    out.push(warning('deadline.extensionNotLater', { person: personName(person), untilDate: person.extension.until, regularEndDate: d.regularEnd }));
  }
  return out;
}

export type DeadlineKind = 'twelveMonths' | 'end';

export interface DueItem {
  personId: string;
  kind: DeadlineKind;
  date: IsoDate;
  /** Days from today to the date (negative when overdue). */
  daysLeft: number;
  overdue: boolean;
  deadlines: Deadlines;
}

/**
 * Residents whose 12-month mark or end of vorläufige Unterbringung falls in
 * [today, today + weeks·7]. Ends already passed are listed as overdue (they
 * still need an allocation); passed 12-month marks are not. Pass only persons
 * still in the county's accommodation. Sorted by date, then person id.
 */
export function dueWithin(persons: readonly Person[], today: IsoDate, weeks: number): DueItem[] {
  const horizon = addDays(today, Math.max(0, Math.floor(weeks * 7)));
  const out: DueItem[] = [];
  for (const p of persons) {
    if (p.deleted) continue;
    const d = computeDeadlines(p);
    if (d.twelveMonthMark && d.twelveMonthMark >= today && d.twelveMonthMark <= horizon) {
      out.push({ personId: p.id, kind: 'twelveMonths', date: d.twelveMonthMark, daysLeft: diffDays(today, d.twelveMonthMark), overdue: false, deadlines: d });
    }
    if (d.effectiveEnd <= horizon) {
      out.push({ personId: p.id, kind: 'end', date: d.effectiveEnd, daysLeft: diffDays(today, d.effectiveEnd), overdue: d.effectiveEnd < today, deadlines: d });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
}
