// Theme, baseline CSS and date-picker localisation, all following the UI
// language. Shared by main.tsx and the component tests.
import { useMemo, type ReactNode } from 'react';
import { CssBaseline, ThemeProvider } from '@mui/material';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import { de } from 'date-fns/locale/de';
import { enGB } from 'date-fns/locale/en-GB';
import { I18nextProvider, useTranslation } from 'react-i18next';
import i18n, { isLanguage, DEFAULT_LANGUAGE } from '../i18n';
import { createAppTheme } from './theme';

const DATE_LOCALES = { de, en: enGB } as const;

function LocalisedProviders({ children }: { children: ReactNode }) {
  const { i18n: instance } = useTranslation();
  const lng = isLanguage(instance.resolvedLanguage) ? instance.resolvedLanguage : DEFAULT_LANGUAGE;
  const theme = useMemo(() => createAppTheme(lng), [lng]);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <LocalizationProvider dateAdapter={AdapterDateFns} adapterLocale={DATE_LOCALES[lng]}>
        {children}
      </LocalizationProvider>
    </ThemeProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <LocalisedProviders>{children}</LocalisedProviders>
    </I18nextProvider>
  );
}
