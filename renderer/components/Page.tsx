// The frame of every screen: sets the document title and renders the one h1
// of the page. Layout already provides the <main> landmark; a page renders
// exactly one <Page> (nested sub-routes render their own instead of the
// parent's), so there is always a single h1 and a matching <title>.
import { useEffect, useRef, type ReactNode } from 'react';
import { Box, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useUiStore } from '../state/ui';

export interface PageProps {
  /** Translated page title: used for the h1 and for document.title. */
  title: string;
  /** Optional buttons shown to the right of the heading. */
  actions?: ReactNode;
  /** Optional line under the heading. */
  subtitle?: ReactNode;
  children?: ReactNode;
}

/** Sets `document.title` to "<title> – Quartier" while the calling component is mounted. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation('common');
  const suffix = t('app.titleSuffix');
  useEffect(() => {
    document.title = title ? `${title} – ${suffix}` : suffix;
  }, [title, suffix]);
}

export function Page({ title, actions, subtitle, children }: PageProps) {
  usePageTitle(title);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const consumeHeadingFocus = useUiStore((s) => s.consumeHeadingFocus);

  // After a navigation, move focus to the new heading so keyboard and screen
  // reader users land at the top of the new content, not on the old link.
  // Keyed on the path too: sub-routes of an area may reuse this component.
  const { pathname } = useLocation();
  useEffect(() => {
    if (consumeHeadingFocus()) headingRef.current?.focus();
  }, [consumeHeadingFocus, pathname]);

  return (
    <Box>
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        spacing={2}
        sx={{ mb: 3, alignItems: { xs: 'flex-start', sm: 'center' }, justifyContent: 'space-between' }}
      >
        <Box>
          <Typography
            variant="h4"
            component="h1"
            ref={headingRef}
            tabIndex={-1}
            id="page-title"
            sx={{ '&:focus': { outline: 'none' }, '&:focus-visible': { outline: 'none' } }}
          >
            {title}
          </Typography>
          {subtitle ? (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {subtitle}
            </Typography>
          ) : null}
        </Box>
        {actions ? <Stack direction="row" spacing={1}>{actions}</Stack> : null}
      </Stack>
      {children}
    </Box>
  );
}
