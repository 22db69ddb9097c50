// The one calendar-day field of the app: an MUI X date picker that always
// shows German dates (TT.MM.JJJJ) whatever the browser's locale is, while the
// rest of the app only ever sees ISO days (`YYYY-MM-DD`).
//
// Why not `<input type="date">`: Chromium renders it in the browser's locale
// (mm/dd/yyyy on an English system), which staff misread. The picker keeps
// typed entry (digits fill Tag → Monat → Jahr, arrow keys step, Backspace
// clears a part) and adds a calendar button; the field's label stays its
// accessible name.
//
// Contract: `value` is an ISO day, or null/'' for empty. `onChange` gets an
// ISO day, null when the field was emptied, or INVALID_DAY while the typed
// text is incomplete or not a real day. INVALID_DAY is deliberately not an ISO
// day, so every `isIsoDate` check in a form refuses it and nothing half-typed
// is ever saved as "empty".
import { useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { SxProps, Theme } from '@mui/material/styles';
import { useForkRef } from '@mui/material/utils';
import { DesktopDatePicker } from '@mui/x-date-pickers/DesktopDatePicker';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import type { DateValidationError } from '@mui/x-date-pickers/models';
import { deDE, enUS } from '@mui/x-date-pickers/locales';
import { de } from 'date-fns/locale/de';
import { enGB } from 'date-fns/locale/en-GB';
import type { IsoDate } from '../../shared/domain/model';
import { isIsoDate, isoDateOf } from '../../shared/domain/dates';

/** What onChange reports while the typed text is not (yet) a real day. */
export const INVALID_DAY = 'invalid-day';

/** Display and typing format, the same in every UI language. */
export const GERMAN_DATE_FORMAT = 'dd.MM.yyyy';

export interface DateFieldProps {
  label: string;
  /** ISO day; null or '' = empty. */
  value: IsoDate | null | undefined;
  onChange: (value: IsoDate | null) => void;
  onBlur?: () => void;
  name?: string;
  required?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  /** Set by the caller's validation; its helperText is then shown as the error. */
  error?: boolean;
  helperText?: ReactNode;
  size?: 'small' | 'medium';
  /** Defaults to true (the dialogs lay fields out in grids and stacks). */
  fullWidth?: boolean;
  sx?: SxProps<Theme>;
  /** Earliest / latest selectable ISO day (also checked when typed). */
  minDate?: IsoDate;
  maxDate?: IsoDate;
  inputRef?: Ref<HTMLInputElement>;
}

/** Local midnight of an ISO day (the adapter works in local time). */
export function dateOfIsoDay(day: IsoDate): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d);
  // Years below 100 would otherwise be mapped to 19xx by the Date constructor.
  date.setFullYear(y);
  return date;
}

/** ISO day of a picker value; null for empty, INVALID_DAY for an invalid date. */
export function isoDayOfPickerValue(date: Date | null): IsoDate | null {
  if (date === null) return null;
  if (Number.isNaN(date.getTime())) return INVALID_DAY;
  const iso = isoDateOf(date);
  // Four-digit years only: a typed "0025" is a typo, not the year 25.
  return isIsoDate(iso) && date.getFullYear() >= 1000 ? iso : INVALID_DAY;
}

function normalise(value: IsoDate | null | undefined): IsoDate | null {
  return value === undefined || value === null || value === '' ? null : value;
}

export function DateField(props: DateFieldProps) {
  const { i18n } = useTranslation();
  const { t } = useTranslation('components');
  const english = i18n.resolvedLanguage === 'en';
  const value = normalise(props.value);
  // What the picker currently holds and what was reported for it. An
  // incomplete entry is an Invalid Date (or, when typed into an empty field,
  // still null) that has to be handed back unchanged, otherwise the picker
  // would rebuild – and wipe – the parts typed so far. Used only while it
  // still corresponds to the caller's value.
  const [shown, setShown] = useState<{ date: Date | null; reported: IsoDate | null }>({ date: null, reported: null });
  const [pickerError, setPickerError] = useState<DateValidationError>(null);
  const hiddenInput = useRef<HTMLInputElement | null>(null);
  const inputRef = useForkRef(hiddenInput, props.inputRef);
  const pickerValue = useMemo(() => {
    if (shown.reported === value) return shown.date;
    if (value === null) return null;
    return isIsoDate(value) ? dateOfIsoDay(value) : new Date(Number.NaN);
  }, [shown, value]);

  const report = (date: Date | null, reported: IsoDate | null) => {
    setShown({ date, reported });
    if (reported !== value) props.onChange(reported);
  };

  // MUI keeps an entry typed into an empty field to itself until it is a
  // whole day (the value stays null). Leaving the field with such a partial
  // entry must not look like "empty", so it is reported as INVALID_DAY then;
  // the hidden input carries the shown text ('' when all parts are empty).
  const handleBlur = () => {
    if (pickerValue === null) {
      const partial = (hiddenInput.current?.value ?? '') !== '';
      report(null, partial ? INVALID_DAY : null);
    }
    props.onBlur?.();
  };

  const bounds = useMemo(
    () => ({
      ...(props.minDate && isIsoDate(props.minDate) ? { minDate: dateOfIsoDay(props.minDate) } : {}),
      ...(props.maxDate && isIsoDate(props.maxDate) ? { maxDate: dateOfIsoDay(props.maxDate) } : {}),
    }),
    [props.minDate, props.maxDate],
  );

  // The caller's message wins; otherwise the picker's own finding (typed
  // text not a day, outside min/max) is explained in German at the field.
  const ownError = props.error
    ? null
    : pickerError === 'minDate' || pickerError === 'maxDate'
      ? t(`dateField.${pickerError}`)
      : pickerError !== null || value === INVALID_DAY
        ? t('dateField.invalid')
        : null;
  const helperText = ownError ?? props.helperText;

  return (
    <LocalizationProvider dateAdapter={AdapterDateFns} adapterLocale={english ? enGB : de} localeText={(english ? enUS : deDE).components.MuiLocalizationProvider.defaultProps.localeText}>
      <DesktopDatePicker
        label={props.label}
        value={pickerValue}
        format={GERMAN_DATE_FORMAT}
        onChange={(date) => report(date, isoDayOfPickerValue(date))}
        onError={setPickerError}
        {...bounds}
        {...(props.disabled !== undefined ? { disabled: props.disabled } : {})}
        {...(props.autoFocus !== undefined ? { autoFocus: props.autoFocus } : {})}
        inputRef={inputRef}
        {...(props.name !== undefined ? { name: props.name } : {})}
        slotProps={{
          textField: {
            required: props.required ?? false,
            error: Boolean(props.error) || ownError !== null,
            helperText,
            size: props.size ?? 'medium',
            fullWidth: props.fullWidth ?? true,
            ...(props.sx !== undefined ? { sx: props.sx } : {}),
            onBlur: handleBlur,
          },
        }}
      />
    </LocalizationProvider>
  );
}
