// Turns violations and command errors into translated sentences. Violation
// texts live in the `rules` namespace (owned by the rules module), refusal
// texts in `operations:refusal.*`.
import type { TFunction } from 'i18next';
import { localizeViolationParams, type Violation } from '../../../../shared/occupancy/violation';
import { formatDate } from '../../../i18n/format';
import { PERMISSION_LABEL_KEY, isPermission } from '../../../../shared/auth/permissions';
import { isAuthRefusedError, isPermissionDeniedError } from '../../../auth/errors';
import { isCommandRefusedError, isRuleViolationError } from '../errors';

/** The translated sentence of one violation, dates in the UI format. */
export function violationText(t: TFunction, v: Violation): string {
  const params = localizeViolationParams(v, (iso) => formatDate(iso));
  // Some planners name a day just `date` (not `…Date`); it is a day all the same.
  if (typeof v.params.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.params.date)) params.date = formatDate(v.params.date);
  return t(`rules:${v.code}`, { ...params, defaultValue: t('operations:refusal.unknownRule', { code: v.code }) });
}

export interface ErrorDescription {
  /** Violations of error severity (rule breaches), if the error carried any. */
  violations: Violation[];
  /** One translated sentence per problem. */
  messages: string[];
}

/** Describes anything a command may throw in translated sentences. */
export function describeCommandError(t: TFunction, e: unknown): ErrorDescription {
  if (isRuleViolationError(e)) {
    const errors = e.errors;
    return { violations: errors, messages: errors.map((v) => violationText(t, v)) };
  }
  if (isCommandRefusedError(e)) {
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(e.params)) params[k] = typeof v === 'string' && k.endsWith('Date') ? formatDate(v) : v;
    return { violations: [], messages: [t(`operations:refusal.${e.code}`, { ...params, defaultValue: e.message })] };
  }
  if (isPermissionDeniedError(e)) {
    const params: Record<string, string> = { ...e.params };
    if (e.permission && isPermission(e.permission)) params.permission = t(`auth:${PERMISSION_LABEL_KEY[e.permission]}`);
    return { violations: [], messages: [t(`auth:denied.${e.reason}`, { ...params, defaultValue: e.message })] };
  }
  if (isAuthRefusedError(e)) return { violations: [], messages: [t(`auth:${e.key}`, { ...e.params, defaultValue: e.message })] };
  const detail = e instanceof Error ? e.message : String(e);
  return { violations: [], messages: [t('operations:refusal.unexpected', { detail })] };
}

/** True when a room-restriction violation can be overridden with a recorded reason. */
export function isRestrictionViolation(v: Violation): boolean {
  return v.code === 'stay.restrictionWomen' || v.code === 'stay.restrictionMen' || v.code === 'stay.restrictionFamily';
}
