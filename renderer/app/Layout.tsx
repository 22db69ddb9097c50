// The application frame: skip link, app bar (name + sync status slot),
// navigation drawer (permanent on wide screens, temporary on narrow ones) and
// the <main> landmark into which the routed page renders.
import { Suspense, type MouseEvent, type ReactNode } from 'react';
import {
  AppBar,
  Box,
  Drawer,
  IconButton,
  LinearProgress,
  List,
  ListItem,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Toolbar,
  Typography,
  useMediaQuery,
  useTheme,
} from '@mui/material';
import MenuOutlined from '@mui/icons-material/MenuOutlined';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { useUiStore } from '../state/ui';
import { ErrorBoundary } from './ErrorBoundary';
import { NAVIGATION, isActivePath } from './navigation';
import { can, useCurrentUser } from '../auth/session';
import { AccountSlot } from '../auth/AccountSlot';
import { SyncStatusSlot } from './SyncStatusSlot';

export const DRAWER_WIDTH = 248;
export const MAIN_CONTENT_ID = 'main-content';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('md'), { noSsr: true });
  const drawerOpen = useUiStore((s) => s.drawerOpen);
  const setDrawerOpen = useUiStore((s) => s.setDrawerOpen);
  const toggleDrawer = useUiStore((s) => s.toggleDrawer);
  const { pathname } = useLocation();

  // The skip link must not change the hash (HashRouter uses it), so it moves
  // focus itself instead of following href.
  const skipToContent = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById(MAIN_CONTENT_ID)?.focus();
  };

  const navigation = <Navigation onNavigate={() => setDrawerOpen(false)} />;

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <Box
        component="a"
        href={`#${MAIN_CONTENT_ID}`}
        onClick={skipToContent}
        sx={{
          position: 'absolute',
          left: 8,
          top: -64,
          zIndex: (th) => th.zIndex.tooltip + 1,
          px: 2,
          py: 1,
          bgcolor: 'background.paper',
          color: 'primary.dark',
          fontWeight: 600,
          borderRadius: 1,
          boxShadow: 3,
          '&:focus, &:focus-visible': { top: 8 },
        }}
      >
        {t('layout.skipLink')}
      </Box>

      <AppBar position="fixed" sx={{ zIndex: (th) => th.zIndex.drawer + 1 }}>
        <Toolbar>
          {!wide ? (
            <IconButton
              color="inherit"
              edge="start"
              onClick={toggleDrawer}
              aria-label={drawerOpen ? t('layout.closeNavigation') : t('layout.openNavigation')}
              aria-expanded={drawerOpen}
              aria-controls="main-navigation"
              sx={{ mr: 1 }}
            >
              <MenuOutlined />
            </IconButton>
          ) : null}
          <Typography variant="h6" component="div" sx={{ flexGrow: 1, fontWeight: 700, letterSpacing: 0.3 }}>
            {t('app.name')}
          </Typography>
          <SyncStatusSlot />
          <AccountSlot />
        </Toolbar>
      </AppBar>

      {wide ? (
        <Drawer
          variant="permanent"
          sx={{
            width: DRAWER_WIDTH,
            flexShrink: 0,
            '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box', borderRight: 1, borderColor: 'divider' },
          }}
        >
          <Toolbar />
          {navigation}
        </Drawer>
      ) : (
        <Drawer
          variant="temporary"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          sx={{ '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}
        >
          <Toolbar />
          {navigation}
        </Drawer>
      )}

      <Box
        component="main"
        id={MAIN_CONTENT_ID}
        tabIndex={-1}
        sx={{ flexGrow: 1, minWidth: 0, p: { xs: 2, md: 3 }, '&:focus': { outline: 'none' } }}
      >
        <Toolbar />
        <ErrorBoundary resetKey={pathname}>
          <Suspense fallback={<LinearProgress aria-label={t('app.loading')} />}>{children}</Suspense>
        </ErrorBoundary>
      </Box>
    </Box>
  );
}

function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation('common');
  const { pathname } = useLocation();
  const requestHeadingFocus = useUiStore((s) => s.requestHeadingFocus);
  // Areas behind a permission (Protokoll) appear only for users who have it.
  const user = useCurrentUser();
  return (
    <Box component="nav" id="main-navigation" aria-label={t('nav.label')} sx={{ overflowY: 'auto', py: 1 }}>
      <List disablePadding sx={{ px: 1 }}>
        {NAVIGATION.filter((item) => !item.permission || can(item.permission, user)).map(({ area, path, labelKey, Icon }) => {
          const active = isActivePath(path, pathname);
          return (
            <ListItem key={area} disablePadding sx={{ mb: 0.25 }}>
              <ListItemButton
                component={NavLink}
                to={path}
                end={path === '/'}
                selected={active}
                data-area={area}
                onClick={() => {
                  if (pathname !== path) requestHeadingFocus();
                  onNavigate();
                }}
              >
                <ListItemIcon sx={{ minWidth: 40 }}>
                  <Icon />
                </ListItemIcon>
                <ListItemText primary={t(labelKey)} />
              </ListItemButton>
            </ListItem>
          );
        })}
      </List>
    </Box>
  );
}
