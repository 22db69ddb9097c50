// Translated sentences for import problems (namespace `import`, keys
// `problem.<code>`); occupancy rule breaks use the `rules` texts the
// dialogs already show.
import type { TFunction } from 'i18next';
import type { ImportProblem } from '../../../shared/import/plan';
import { violationText } from '../operations/components/violationText';

export function problemText(t: TFunction, p: ImportProblem): string {
  if (p.code === 'occupancyRule' && p.rule) return violationText(t, { code: p.rule, severity: p.severity, params: p.params });
  return t(`import:problem.${p.code}`, { ...p.params, defaultValue: t('import:problem.unknown', { code: p.code }) });
}

export function fieldLabel(t: TFunction, field: string | undefined): string {
  return field ? t(`import:field.${field}`) : '';
}
