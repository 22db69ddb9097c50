import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY, namespaces, resources, setLanguage } from '../../../renderer/i18n';
import { formatDate, formatInteger, formatPercent } from '../../../renderer/i18n/format';
import { LanguageSwitch } from '../../../renderer/components/LanguageSwitch';
import { renderShell } from './renderShell';

afterEach(async () => {
  await setLanguage('de');
  localStorage.removeItem(LANGUAGE_STORAGE_KEY);
});

describe('language switch', () => {
  it('switches navigation and shell labels to English and remembers the choice', async () => {
    const user = userEvent.setup();
    renderShell({ path: '/settings', extra: <LanguageSwitch /> });
    const nav = screen.getByRole('navigation', { name: 'Hauptnavigation' });
    expect(within(nav).getByRole('link', { name: 'Unterkünfte' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Deutsch' })).toBeChecked();

    await user.click(screen.getByRole('radio', { name: 'English' }));

    const navEn = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(navEn).getAllByRole('link').map((l) => l.textContent)).toEqual([
      'Overview',
      'Accommodations',
      'Residents',
      'Occupancy',
      'Allocations',
      'Reports',
      'Letters',
      'Import',
      'Synchronisation',
      'Settings',
    ]);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Settings');
    expect(screen.getByRole('link', { name: 'Skip to content' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'English' })).toBeChecked();
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    await waitFor(() => expect(document.title).toBe('Settings – Quartier'));
  });
});

describe('i18n resources', () => {
  it('registers every locales/<lng>/<ns>.json as a namespace, with German and English for common', () => {
    expect(namespaces).toContain('common');
    expect(Object.keys(resources).sort()).toEqual(expect.arrayContaining(['de', 'en']));
  });

  it('has the same keys in German and English for every namespace', () => {
    const keysOf = (obj: unknown, prefix = ''): string[] =>
      obj && typeof obj === 'object'
        ? Object.entries(obj).flatMap(([k, v]) => keysOf(v, `${prefix}${k}.`))
        : [prefix.slice(0, -1)];
    for (const ns of Object.keys(resources.de ?? {})) {
      expect(keysOf(resources.en?.[ns]).sort(), `namespace ${ns}`).toEqual(keysOf(resources.de?.[ns]).sort());
    }
  });
});

describe('format helpers', () => {
  it('formats days, numbers and percentages the German way by default', () => {
    expect(formatDate('2024-03-01')).toBe('01.03.2024');
    expect(formatDate('2024-12-31', 'en')).toBe('31/12/2024');
    expect(formatDate(null)).toBe('–');
    expect(formatDate('31.12.2024')).toBe('–');
    expect(formatInteger(28450)).toBe('28.450');
    expect(formatPercent(0.734)).toBe('73,4\u00a0%');
  });
});
