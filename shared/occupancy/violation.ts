// Violations and warnings are data, not text: a code the UI translates via
// the `rules` namespace (renderer/i18n/locales/<lang>/rules.json) plus
// human-readable params (names, room numbers, ISO dates). Keeping text out of
// shared/ lets the same rule answer the German UI, the English UI, reports and
// the sync merge.
import type { EntityTable, Id } from '../domain/model';

export type Severity = 'error' | 'warning';

export interface EntityRef {
  table: EntityTable;
  id: Id;
}

export interface Violation {
  /** Key in the `rules` namespace, e.g. "stay.bedOverlap". */
  code: string;
  severity: Severity;
  /**
   * Interpolation values. Every param whose name ends in `Date` is an ISO day
   * (`YYYY-MM-DD`) that the UI formats before translating (see
   * `localizeViolationParams`).
   */
  params: Record<string, string | number>;
  /** The record the violation is about (usually the proposed stay). */
  entity?: EntityRef;
  /** Other records involved (the stay it collides with, the block, …). */
  related?: EntityRef[];
}

export function error(code: string, params: Violation['params'] = {}, entity?: EntityRef, related?: EntityRef[]): Violation {
  return withRefs({ code, severity: 'error', params }, entity, related);
}

export function warning(code: string, params: Violation['params'] = {}, entity?: EntityRef, related?: EntityRef[]): Violation {
  return withRefs({ code, severity: 'warning', params }, entity, related);
}

function withRefs(v: Violation, entity?: EntityRef, related?: EntityRef[]): Violation {
  if (entity) v.entity = entity;
  if (related && related.length > 0) v.related = related;
  return v;
}

export function hasErrors(violations: readonly Violation[]): boolean {
  return violations.some((v) => v.severity === 'error');
}

export function errorsOf(violations: readonly Violation[]): Violation[] {
  return violations.filter((v) => v.severity === 'error');
}

export function warningsOf(violations: readonly Violation[]): Violation[] {
  return violations.filter((v) => v.severity === 'warning');
}

/** True for param names that hold an ISO day (convention: suffix `Date`). */
export function isDateParam(name: string): boolean {
  return name.endsWith('Date');
}

/**
 * Params ready for i18next: date params run through the caller's formatter
 * (the renderer passes its `formatDate`), everything else unchanged.
 */
export function localizeViolationParams(
  v: Violation,
  formatDate: (iso: string) => string,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(v.params)) {
    out[key] = isDateParam(key) && typeof value === 'string' && value !== '' ? formatDate(value) : value;
  }
  return out;
}
