import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../renderer/i18n';
import { AppProviders } from '../../../renderer/app/AppProviders';
import { ErrorBoundary } from '../../../renderer/app/ErrorBoundary';

function Boom(): never {
  throw new Error('Tabelle beds fehlt');
}

describe('ErrorBoundary', () => {
  let consoleError: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    // React and the boundary log the caught error; keep the test output readable.
    consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => consoleError.mockRestore());

  it('shows a German message with a reload button instead of the crashed child', async () => {
    const onReload = vi.fn();
    render(
      <AppProviders>
        <ErrorBoundary onReload={onReload}>
          <p>vorher</p>
          <Boom />
        </ErrorBoundary>
      </AppProviders>,
    );

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Hier ist leider ein Fehler aufgetreten');
    expect(alert).toHaveTextContent('Ihre gespeicherten Daten sind davon nicht betroffen');
    expect(screen.queryByText('vorher')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Neu laden' }));
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it('keeps the technical details collapsed until asked for', async () => {
    render(
      <AppProviders>
        <ErrorBoundary onReload={() => undefined}>
          <Boom />
        </ErrorBoundary>
      </AppProviders>,
    );
    const toggle = screen.getByRole('button', { name: 'Technische Details' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText(/Tabelle beds fehlt/)).not.toBeInTheDocument();

    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(await screen.findByText(/Error: Tabelle beds fehlt/)).toBeInTheDocument();
  });

  it('renders its children untouched when nothing throws', () => {
    render(
      <AppProviders>
        <ErrorBoundary>
          <p>alles gut</p>
        </ErrorBoundary>
      </AppProviders>,
    );
    expect(screen.getByText('alles gut')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
