// Translated sentences for anything an allocation command may throw.
import type { TFunction } from 'i18next';
import { describeCommandError } from '../operations/components/violationText';
import { formatDate } from '../../i18n/format';
import { isAllocationRefusedError } from './errors';

export function allocationErrorMessages(t: TFunction, e: unknown): string[] {
  if (isAllocationRefusedError(e)) {
    return e.problems.map((p) => {
      const params: Record<string, string | number> = {};
      for (const [k, v] of Object.entries(p.params)) {
        if ((k === 'from' || k === 'to') && typeof v === 'string') params[k] = t(`allocations:status.${v}`);
        else params[k] = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v;
      }
      return t(`allocations:refusal.${p.code}`, { ...params, defaultValue: p.message });
    });
  }
  return describeCommandError(t, e).messages;
}
