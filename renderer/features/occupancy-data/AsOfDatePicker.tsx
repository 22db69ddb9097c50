// "Stichtag" picker: an MUI date picker bound to an ISO day. Brings its own
// German date adapter so it works whether or not the app shell provides one.
import { useTranslation } from 'react-i18next';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import { de } from 'date-fns/locale/de';
import { enGB } from 'date-fns/locale/en-GB';
import type { IsoDate } from '../../../shared/domain/model';
import { isIsoDate, isoDateOf } from '../../../shared/domain/dates';

export interface AsOfDatePickerProps {
  value: IsoDate;
  onChange: (day: IsoDate) => void;
  label: string;
}

function toDate(day: IsoDate): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

export function AsOfDatePicker({ value, onChange, label }: AsOfDatePickerProps) {
  const { i18n } = useTranslation();
  return (
    <LocalizationProvider dateAdapter={AdapterDateFns} adapterLocale={i18n.language.startsWith('en') ? enGB : de}>
      <DatePicker
        label={label}
        value={toDate(value)}
        onChange={(d) => {
          if (d && !Number.isNaN(d.getTime())) {
            const iso = isoDateOf(d);
            if (isIsoDate(iso)) onChange(iso);
          }
        }}
        slotProps={{ textField: { size: 'small', sx: { width: 190 } } }}
      />
    </LocalizationProvider>
  );
}
