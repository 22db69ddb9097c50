import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../renderer/i18n';
import { FirstStartDialog } from '../../../renderer/app/FirstStartDialog';
import * as localData from '../../../renderer/app/localData';
import type * as LocalData from '../../../renderer/app/localData';
import { useUiStore } from '../../../renderer/state/ui';
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

beforeEach(() => {
  vi.clearAllMocks();
  useUiStore.setState({ firstStart: 'unknown', notifications: [] });
  remember.mockResolvedValue(undefined);
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
