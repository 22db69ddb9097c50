// The first-start path „Mit der gemeinsamen Ablage verbinden“ (JoinOfficeForm):
// progress while the pass runs, the German refusal for a wrong passphrase
// with the share folder setting restored, and „Zurück“ to the first
// administrator. The join logic itself runs against a real share in
// test/integration/auth/joinOffice.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../../renderer/i18n';
import { WrongPassphraseError } from '../../../shared/sync/cipher';
import { JoinOfficeForm } from '../../../renderer/auth/JoinOfficeForm';
import type { JoinSteps } from '../../../renderer/auth/joinOffice';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import type { SyncReport } from '../../../renderer/sync/engine';

let db: QuartierDb;
beforeEach(async () => {
  db = await openDatabase(`join-ui-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function rootStore(initial: string) {
  const store = { root: initial, sets: [] as string[] };
  return {
    store,
    access: {
      get: () => Promise.resolve(store.root),
      set: (r: string) => {
        store.root = r;
        store.sets.push(r);
        return Promise.resolve();
      },
    },
  };
}

describe('JoinOfficeForm', () => {
  it('refuses a wrong passphrase in German, keeps nothing and puts the share folder back', async () => {
    const user = userEvent.setup();
    const { store, access } = rootStore('D:\\alt');
    let kept = false;
    const steps: JoinSteps = {
      check: () => Promise.reject(new WrongPassphraseError()),
      keepPassphrase: () => {
        kept = true;
        return Promise.resolve();
      },
      syncPass: () => Promise.reject(new Error('not reached')),
    };
    let back = false;
    render(<JoinOfficeForm db={db} steps={steps} shareRoot={access} onBack={() => (back = true)} />);
    const rootField = screen.getByLabelText(/Austauschordner/);
    await waitFor(() => expect(rootField).toHaveValue('D:\\alt'));
    await user.clear(rootField);
    await user.type(rootField, '\\\\server\\quartier');
    await user.type(screen.getByLabelText(/Passwort der Organisation/), 'falsch');
    await user.click(screen.getByRole('button', { name: 'Verbinden' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Das Passwort der Organisation ist falsch. Es wurde nichts geschrieben.');
    expect(kept).toBe(false);
    expect(store.sets).toEqual(['\\\\server\\quartier', 'D:\\alt']);
    expect(await db.users.count()).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Zurück' }));
    expect(back).toBe(true);
  }, 20_000);

  it('shows progress while the pass runs and reports the users that came', async () => {
    const user = userEvent.setup();
    const { access } = rootStore('\\\\server\\quartier');
    let release: () => void = () => undefined;
    let joinedWith = -1;
    const steps: JoinSteps = {
      check: () => Promise.resolve(),
      keepPassphrase: () => Promise.resolve(),
      syncPass: async (onProgress) => {
        onProgress?.({ phase: 'snapshot', done: 1, total: 4 });
        await new Promise<void>((r) => (release = r));
        await db.users.put({ id: 'u1', login: 'admin', displayName: 'Frau Admin', role: 'admin', active: true, accommodationIds: [], password: { algorithm: 'PBKDF2-SHA256', iterations: 1, salt: '', hash: '' }, createdAt: '', updatedAt: '' } as never);
        return {} as SyncReport;
      },
    };
    render(<JoinOfficeForm db={db} steps={steps} shareRoot={access} onBack={() => undefined} onJoined={(n) => (joinedWith = n)} />);
    await waitFor(() => expect(screen.getByLabelText(/Austauschordner/)).toHaveValue('\\\\server\\quartier'));
    await user.type(screen.getByLabelText(/Passwort der Organisation/), 'Kreis-Geheimnis 2026!');
    await user.click(screen.getByRole('button', { name: 'Verbinden' }));
    expect(await screen.findByText('Gesamtstand wird geladen …')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Fortschritt der Synchronisation' })).toHaveAttribute('aria-valuenow', '25');
    release();
    await waitFor(() => expect(joinedWith).toBe(1));
  }, 20_000);
});
