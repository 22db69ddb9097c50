// A calendar-month field ("MM.JJJJ") for the period reports. Like the shared
// DateField it shows German whatever the browser's locale is (a native
// `<input type="month">` shows "January 2026" on an English system); the page
// only ever sees "YYYY-MM", or '' while the typed text is not a month.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DesktopDatePicker } from '@mui/x-date-pickers/DesktopDatePicker';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import { deDE, enUS } from '@mui/x-date-pickers/locales';
import { de } from 'date-fns/locale/de';
import { enGB } from 'date-fns/locale/en-GB';

export interface MonthFieldProps {
  label: string;
  /** "YYYY-MM"; '' = empty. */
  value: string;
  onChange: (value: string) => void;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "YYYY-MM" of a picker value; '' for empty or invalid (four-digit years only). */
export function monthOfPickerValue(date: Date | null): string {
  if (date === null || Number.isNaN(date.getTime()) || date.getFullYear() < 1000) return '';
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

export function MonthField({ label, value, onChange }: MonthFieldProps) {
  const { i18n } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';
  // The picker's own value while it still corresponds to `value`: an
  // incomplete entry (Invalid Date, reported as '') must be handed back
  // unchanged, otherwise the picker would wipe the parts typed so far.
  const [shown, setShown] = useState<{ date: Date | null; reported: string }>({ date: null, reported: '' });
  const date = useMemo(() => {
    if (shown.reported === value) return shown.date;
    const m = MONTH.exec(value);
    return m ? new Date(Number(m[1]), Number(m[2]) - 1, 1) : null;
  }, [shown, value]);
  return (
    <LocalizationProvider dateAdapter={AdapterDateFns} adapterLocale={english ? enGB : de} localeText={(english ? enUS : deDE).components.MuiLocalizationProvider.defaultProps.localeText}>
      <DesktopDatePicker
        label={label}
        value={date}
        views={['year', 'month']}
        openTo="month"
        format="MM.yyyy"
        onChange={(d) => {
          const reported = monthOfPickerValue(d);
          setShown({ date: d, reported });
          if (reported !== value) onChange(reported);
        }}
        slotProps={{ textField: { size: 'small', sx: { width: 170 } } }}
      />
    </LocalizationProvider>
  );
}
