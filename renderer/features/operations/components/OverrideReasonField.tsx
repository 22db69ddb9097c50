// "Trotzdem belegen – Begründung": offered only when the refusal was a room
// restriction (women/men/family room). The reason is stored on the stay.
import { TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Violation } from '../../../../shared/occupancy/violation';
import { isRestrictionViolation } from './violationText';

export interface OverrideReasonFieldProps {
  violations: readonly Violation[];
  value: string;
  onChange: (value: string) => void;
}

/** True when every error is a room restriction (an override can help). */
export function overridable(violations: readonly Violation[]): boolean {
  const errors = violations.filter((v) => v.severity === 'error');
  return errors.length > 0 && errors.every(isRestrictionViolation);
}

export function OverrideReasonField({ violations, value, onChange }: OverrideReasonFieldProps) {
  const { t } = useTranslation('operations');
  if (!overridable(violations) && value === '') return null;
  return (
    <TextField
      label={t('override.label')}
      helperText={t('override.help')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      fullWidth
      multiline
      minRows={2}
      sx={{ mt: 2 }}
      autoFocus
    />
  );
}
