// The shared DateField bound to a react-hook-form string field. Forms keep
// their date values as strings ('' = empty, as before with native inputs),
// so schemas that check `isIsoDate` keep working unchanged; an incomplete
// entry arrives as INVALID_DAY and is refused by those checks.
import type { ReactNode } from 'react';
import { Controller, type Control, type FieldPathByValue, type FieldValues } from 'react-hook-form';
import type { SxProps, Theme } from '@mui/material/styles';
import { DateField } from './DateField';

export interface FormDateFieldProps<T extends FieldValues, TTransformed = T> {
  // The second parameter lets forms whose resolver transforms values (zod
  // input ≠ output) pass their control unchanged.
  control: Control<T, unknown, TTransformed>;
  name: FieldPathByValue<T, string>;
  label: string;
  required?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  error?: boolean;
  helperText?: ReactNode;
  size?: 'small' | 'medium';
  fullWidth?: boolean;
  sx?: SxProps<Theme>;
  minDate?: string;
  maxDate?: string;
}

export function FormDateField<T extends FieldValues, TTransformed = T>({ control, name, ...rest }: FormDateFieldProps<T, TTransformed>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <DateField
          {...rest}
          name={field.name}
          value={field.value}
          onChange={(day) => field.onChange(day ?? '')}
          onBlur={field.onBlur}
          inputRef={field.ref}
        />
      )}
    />
  );
}
