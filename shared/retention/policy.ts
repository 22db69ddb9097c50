// Retention periods (Löschfristen): county policy, the same on every laptop.
//
// Where the policy lives: there is no synced settings table, and adding one
// would change the schema every laptop shares. A policy change is itself an
// event worth auditing ("who shortened the period, when"), so it is recorded
// as an AccessEvent of kind 'retention' with subject `retention.policy?...`
// (synced like every access event, append-only). The policy in force is the
// newest such event by `at` (ties by id, so every laptop picks the same one);
// without any, the defaults below apply.
import type { AccessEvent } from '../domain/model';

export interface RetentionPolicy {
  /** Months after the case closes (default 72 = 6 years, AsylbLG files). */
  standardMonths: number;
  /** Months after the case closes when benefits were refused (default 12). */
  refusedMonths: number;
}

export const DEFAULT_RETENTION_POLICY: Readonly<RetentionPolicy> = Object.freeze({ standardMonths: 72, refusedMonths: 12 });

/** Bounds of a period: at least one month (no accidental "delete on closing"), at most 30 years. */
export const MIN_PERIOD_MONTHS = 1;
export const MAX_PERIOD_MONTHS = 360;

export type PolicyProblem = 'standardMonths.range' | 'refusedMonths.range' | 'refusedMonths.longerThanStandard';

/** Problems of a policy as codes (the UI translates them); empty when valid. */
export function validatePolicy(p: RetentionPolicy): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  const ok = (n: number) => Number.isInteger(n) && n >= MIN_PERIOD_MONTHS && n <= MAX_PERIOD_MONTHS;
  if (!ok(p.standardMonths)) out.push('standardMonths.range');
  if (!ok(p.refusedMonths)) out.push('refusedMonths.range');
  if (out.length === 0 && p.refusedMonths > p.standardMonths) out.push('refusedMonths.longerThanStandard');
  return out;
}

export const POLICY_SUBJECT_PREFIX = 'retention.policy?';
/** Subject of the access event recorded for a retention run (no names in it). */
export const RUN_SUBJECT_PREFIX = 'retention.run?';

/** Machine-readable subject of a policy event, e.g. `retention.policy?standardMonths=72&refusedMonths=12`. */
export function policySubject(p: RetentionPolicy): string {
  return `${POLICY_SUBJECT_PREFIX}standardMonths=${p.standardMonths}&refusedMonths=${p.refusedMonths}`;
}

/** The policy in a subject, or null when the subject is not a valid policy subject. */
export function parsePolicySubject(subject: string): RetentionPolicy | null {
  if (!subject.startsWith(POLICY_SUBJECT_PREFIX)) return null;
  const params = new Map<string, string>();
  for (const part of subject.slice(POLICY_SUBJECT_PREFIX.length).split('&')) {
    const i = part.indexOf('=');
    if (i > 0) params.set(part.slice(0, i), part.slice(i + 1));
  }
  const num = (k: string) => {
    const v = params.get(k);
    return v !== undefined && /^\d{1,4}$/.test(v) ? Number(v) : NaN;
  };
  const p: RetentionPolicy = { standardMonths: num('standardMonths'), refusedMonths: num('refusedMonths') };
  return validatePolicy(p).length === 0 ? p : null;
}

export interface PolicyInForce {
  policy: RetentionPolicy;
  /** The event that set it; null for the defaults. */
  event: AccessEvent | null;
}

/** The newest valid policy event (by `at`, then id), else the defaults. Deleted events do not count. */
export function policyInForce(events: readonly AccessEvent[]): PolicyInForce {
  let best: { event: AccessEvent; policy: RetentionPolicy } | null = null;
  for (const e of events) {
    if (e.deleted === true || e.kind !== 'retention') continue;
    const policy = parsePolicySubject(e.subject);
    if (!policy) continue;
    if (!best || e.at > best.event.at || (e.at === best.event.at && e.id > best.event.id)) best = { event: e, policy };
  }
  return best ? { policy: best.policy, event: best.event } : { policy: { ...DEFAULT_RETENTION_POLICY }, event: null };
}
