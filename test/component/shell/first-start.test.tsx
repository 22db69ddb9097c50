import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../renderer/i18n';
import { FirstStartDialog } from '../../../renderer/app/FirstStartDialog';
import * as localData from '../../../renderer/app/localData';
import type * as LocalData from '../../../renderer/app/localData';
import { useUiStore } from '../../../renderer/state/ui';
import { getDb } from '../../../renderer/db/db';
import { currentUser } from '../../../renderer/auth/session';
import type { User } from '../../../shared/domain/model';
import { signInAs, signOutForTest } from '../../support/session';
import { renderShell } from './renderShell';

vi.mock('../../../renderer/app/localData', async (importOriginal) => {
  const actual = await importOriginal<typeof LocalData>();
  return {
    ...actual,
    needsFirstStartDecision: vi.fn(),
    rememberFirstStartChoice: vi.fn(),
    loadCountyDemo: vi.fn(),
  };
});

const needs = vi.mocked(localData.needsFirstStartDecision);
const remember = vi.mocked(localData.rememberFirstStartChoice);
const loadDemo = vi.mocked(localData.loadCountyDemo);

function CurrentPath() {
  return <output data-testid="path">{useLocation().pathname}</output>;
}

function renderWithDialog(path = '/settings') {
  return renderShell({
    path,
    extra: (
      <>
        <FirstStartDialog />
        <CurrentPath />
      </>
    ),
  });
}

const T = '2026-01-01T00:00:00.000Z';
const ADMIN_RECORD: User = {
  id: 'u-admin',
  login: 'admin',
  displayName: 'Test admin',
  role: 'admin',
  active: true,
  accommodationIds: [],
  password: { alg: 'PBKDF2-SHA256', iterations: 1, salt: 'AA==', hash: 'AA==' },
  createdAt: T,
  updatedAt: T,
};

// The welcome step (demo data / empty start) comes after the first
// administrator exists and is signed in: that is the state of these tests.
beforeEach(async () => {
  vi.clearAllMocks();
  useUiStore.setState({ firstStart: 'unknown', notifications: [] });
  remember.mockResolvedValue(undefined);
  await getDb().users.put(ADMIN_RECORD);
  signInAs('admin');
});

afterEach(async () => {
  signOutForTest();
  await getDb().users.clear();
  await getDb().outbox.clear();
  await getDb().audit.clear();
});

/** The input labelled exactly `label` (MUI appends " *" to required labels). */
function field(container: HTMLElement, label: string): HTMLElement {
  return within(container).getByLabelText(new RegExp(`^${label}(\\s*\\*)?$`));
}

describe('FirstStartDialog, step 1: the first administrator', () => {
  beforeEach(async () => {
    signOutForTest();
    await getDb().users.clear();
  });

  it('asks for the first administrator before anything else, refuses a short password, then offers demo data', async () => {
    needs.mockResolvedValue(true);
    renderWithDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Erste Administration anlegen' });
    expect(screen.queryByRole('dialog', { name: 'Willkommen bei Quartier' })).toBeNull();
    const user = userEvent.setup();
    await user.type(field(dialog, 'Name'), 'Frau Admin');
    await user.type(field(dialog, 'Anmeldename'), 'Admin');
    await user.type(field(dialog, 'Passwort'), 'kurz');
    await user.type(field(dialog, 'Passwort wiederholen'), 'kurz');
    await user.click(within(dialog).getByRole('button', { name: 'Administration anlegen' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Das Passwort muss mindestens 10 Zeichen lang sein.');
    expect(await getDb().users.count()).toBe(0);

    await user.clear(field(dialog, 'Passwort'));
    await user.type(field(dialog, 'Passwort'), 'Sonnenblume-2026');
    await user.clear(field(dialog, 'Passwort wiederholen'));
    await user.type(field(dialog, 'Passwort wiederholen'), 'Sonnenblume-2026');
    await user.click(within(dialog).getByRole('button', { name: 'Administration anlegen' }));

    expect(await screen.findByRole('dialog', { name: 'Willkommen bei Quartier' }, { timeout: 5000 })).toBeVisible();
    const [admin] = await getDb().users.toArray();
    expect(admin).toMatchObject({ login: 'Admin', displayName: 'Frau Admin', role: 'admin', active: true });
    expect(currentUser()).toMatchObject({ userId: admin!.id, role: 'admin' });
  });

  it('is shown even when a first-start choice was made before (an installation without users)', async () => {
    needs.mockResolvedValue(false);
    renderWithDialog();
    expect(await screen.findByRole('dialog', { name: 'Erste Administration anlegen' })).toBeVisible();
  });
});

describe('FirstStartDialog', () => {
  it('offers demo data and an empty start when the database is empty', async () => {
    needs.mockResolvedValue(true);
    renderWithDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Willkommen bei Quartier' });
    expect(dialog).toBeVisible();
    expect(screen.getByRole('button', { name: 'Demo-Daten laden' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Leer starten' })).toBeInTheDocument();
  });

  it('does not appear when a choice was made before or data exists', async () => {
    needs.mockResolvedValue(false);
    renderWithDialog();
    await waitFor(() => expect(useUiStore.getState().firstStart).toBe('decided'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('"Leer starten" remembers the choice and closes without loading anything', async () => {
    needs.mockResolvedValue(true);
    const user = userEvent.setup();
    renderWithDialog();
    await user.click(await screen.findByRole('button', { name: 'Leer starten' }));
    expect(remember).toHaveBeenCalledWith('empty');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(loadDemo).not.toHaveBeenCalled();
  });

  it('loads demo data with determinate progress, then remembers the choice and goes to the dashboard', async () => {
    needs.mockResolvedValue(true);
    let report: (done: number, total: number) => void = () => undefined;
    let finish: () => void = () => undefined;
    loadDemo.mockImplementation(
      (onProgress) =>
        new Promise<void>((resolve) => {
          report = onProgress;
          finish = resolve;
        }),
    );
    const user = userEvent.setup();
    renderWithDialog('/settings');
    await user.click(await screen.findByRole('button', { name: 'Demo-Daten laden' }));

    act(() => report(1200, 4800));
    expect(await screen.findByText('1.200 von 4.800 Datensätzen')).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', { name: 'Fortschritt beim Laden der Demo-Daten' });
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    expect(screen.queryByRole('button', { name: 'Leer starten' })).not.toBeInTheDocument();

    await act(async () => {
      finish();
      await Promise.resolve();
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(remember).toHaveBeenCalledWith('demo');
    expect(screen.getByTestId('path')).toHaveTextContent(/^\/$/);
    expect(useUiStore.getState().notifications.map((n) => n.message)).toContain('Demo-Daten geladen.');
  });

  it('can be cancelled while loading: aborts the load and offers the choice again', async () => {
    needs.mockResolvedValue(true);
    let seenSignal: AbortSignal | undefined;
    loadDemo.mockImplementation(
      (_onProgress, signal) =>
        new Promise<void>((_resolve, reject) => {
          seenSignal = signal;
          signal.addEventListener('abort', () => reject(new DOMException('abgebrochen', 'AbortError')));
        }),
    );
    const user = userEvent.setup();
    renderWithDialog();
    await user.click(await screen.findByRole('button', { name: 'Demo-Daten laden' }));
    await user.click(await screen.findByRole('button', { name: 'Abbrechen' }));

    expect(seenSignal?.aborted).toBe(true);
    expect(await screen.findByText('Laden der Demo-Daten abgebrochen.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Leer starten' })).toBeInTheDocument();
    expect(remember).not.toHaveBeenCalled();
  });

  it('shows a German error when loading fails and keeps the dialog open', async () => {
    needs.mockResolvedValue(true);
    loadDemo.mockRejectedValue(new Error('Speicher voll'));
    const user = userEvent.setup();
    renderWithDialog();
    await user.click(await screen.findByRole('button', { name: 'Demo-Daten laden' }));
    expect(await screen.findByText('Die Demo-Daten konnten nicht geladen werden: Speicher voll')).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(remember).not.toHaveBeenCalled();
  });
});
