// "Stichtag" picker: the shared German date field bound to an ISO day that
// is never empty (an emptied or half-typed field keeps the last valid day).
import type { IsoDate } from '../../../shared/domain/model';
import { isIsoDate } from '../../../shared/domain/dates';
import { DateField } from '../../components/DateField';

export interface AsOfDatePickerProps {
  value: IsoDate;
  onChange: (day: IsoDate) => void;
  label: string;
}

export function AsOfDatePicker({ value, onChange, label }: AsOfDatePickerProps) {
  return (
    <DateField
      label={label}
      value={value}
      onChange={(day) => {
        if (day !== null && isIsoDate(day)) onChange(day);
      }}
      size="small"
      fullWidth={false}
      sx={{ width: 190 }}
    />
  );
}
