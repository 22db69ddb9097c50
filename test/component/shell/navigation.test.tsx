import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { matchPath } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import '../../../renderer/i18n';
import { AREAS, NAVIGATION } from '../../../renderer/app/navigation';
import { ROUTE_PATTERNS } from '../../../renderer/app/routes';
import { useUiStore } from '../../../renderer/state/ui';
import { renderShell } from './renderShell';

const GERMAN_LABELS = [
  'Übersicht',
  'Unterkünfte',
  'Bewohner',
  'Belegung',
  'Zuteilungen',
  'Berichte',
  'Schreiben',
  'Import',
  'Synchronisation',
  'Einstellungen',
];

beforeEach(() => {
  useUiStore.setState({ focusHeadingPending: false, drawerOpen: false });
});

describe('navigation', () => {
  it('lists all ten areas in the main navigation, in order', () => {
    renderShell();
    const nav = screen.getByRole('navigation', { name: 'Hauptnavigation' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(GERMAN_LABELS);
    expect(NAVIGATION.map((n) => n.area)).toEqual([...AREAS]);
  });

  it('has a route for every navigation target, and sub-routes for accommodations and residents', () => {
    for (const item of NAVIGATION) {
      expect(matchPath(ROUTE_PATTERNS[item.area], item.path), item.area).not.toBeNull();
    }
    expect(matchPath(ROUTE_PATTERNS.accommodations, '/accommodations/abc/rooms')).not.toBeNull();
    expect(matchPath(ROUTE_PATTERNS.residents, '/residents/p-1')).not.toBeNull();
  });

  it('marks the current area and sets the page title and single h1', async () => {
    renderShell({ path: '/residents/p-17' });
    const nav = screen.getByRole('navigation', { name: 'Hauptnavigation' });
    expect(within(nav).getByRole('link', { name: 'Bewohner' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Übersicht' })).not.toHaveAttribute('aria-current');
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Bewohner');
    await waitFor(() => expect(document.title).toBe('Bewohner – Quartier'));
    expect(screen.getByRole('main')).toContainElement(screen.getByRole('heading', { level: 1 }));
  });

  it('is operable with the keyboard: skip link first, Tab through the links, Enter navigates and focuses the new heading', async () => {
    const user = userEvent.setup();
    renderShell();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Übersicht');

    await user.tab();
    const skip = screen.getByRole('link', { name: 'Zum Inhalt springen' });
    expect(skip).toHaveFocus();

    // Next comes the sync status in the app bar (it opens the sync screen).
    await user.tab();
    expect(screen.getByTestId('sync-status')).toHaveFocus();

    const nav = screen.getByRole('navigation', { name: 'Hauptnavigation' });
    const links = within(nav).getAllByRole('link');
    // Tab walks the navigation entries in order.
    for (let i = 0; i < 4; i++) {
      await user.tab();
      expect(links[i]).toHaveFocus();
    }
    expect(document.activeElement).toHaveTextContent('Belegung');

    await user.keyboard('{Enter}');
    const heading = await screen.findByRole('heading', { level: 1, name: 'Belegung' });
    expect(screen.getByText('content:occupancy')).toBeInTheDocument();
    await waitFor(() => expect(heading).toHaveFocus());
    expect(within(nav).getByRole('link', { name: 'Belegung' })).toHaveAttribute('aria-current', 'page');
  });

  it('the skip link moves focus to the main content without changing the route', async () => {
    const user = userEvent.setup();
    renderShell({ path: '/reports' });
    await user.tab();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Berichte');
  });

  it('shows the sync status in the app bar, neutral before the first sync', () => {
    renderShell();
    const status = screen.getByRole('status', { name: 'Synchronisationsstatus: Noch nie synchronisiert' });
    expect(status).toHaveTextContent('Noch nie synchronisiert');
    expect(status).toHaveAttribute('data-sync-state', 'never');
  });
});
