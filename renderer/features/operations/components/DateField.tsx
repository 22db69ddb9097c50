// A calendar-day field (native date input: keyboard entry and picker, shown
// in the UI locale, value as ISO day).
import { forwardRef } from 'react';
import { TextField, type TextFieldProps } from '@mui/material';

export const DateField = forwardRef<HTMLDivElement, TextFieldProps>(function DateField(props, ref) {
  return <TextField ref={ref} type="date" fullWidth {...props} slotProps={{ ...props.slotProps, inputLabel: { shrink: true } }} />;
});
