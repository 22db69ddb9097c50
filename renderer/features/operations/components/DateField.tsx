// Event-shaped wrapper around the shared German date field, for call sites
// written against the former native `<input type="date">` (value a string,
// onChange(event) with `event.target.value`). It reports '' for empty, an ISO
// day, or INVALID_DAY while the typed text is not a day — the same strings a
// native date input's callers already validate with `isIsoDate`.
// New code should use renderer/components/DateField directly.
import type { ReactNode } from 'react';
import type { SxProps, Theme } from '@mui/material/styles';
import { DateField as SharedDateField } from '../../../components/DateField';

export interface LegacyDateFieldProps {
  label: string;
  value: string | null | undefined;
  onChange: (event: { target: { value: string } }) => void;
  onBlur?: () => void;
  name?: string;
  required?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  error?: boolean;
  helperText?: ReactNode;
  size?: 'small' | 'medium';
  fullWidth?: boolean;
  sx?: SxProps<Theme>;
}

export function DateField({ onChange, ...rest }: LegacyDateFieldProps) {
  return <SharedDateField {...rest} onChange={(day) => onChange({ target: { value: day ?? '' } })} />;
}
