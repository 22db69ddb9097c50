// Automatic lock after the configured minutes without input.
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../renderer/i18n';
import { AppProviders } from '../../../renderer/app/AppProviders';
import { getLockMinutes, setLockMinutes } from '../../../renderer/auth/lockSetting';
import { useSession } from '../../../renderer/auth/session';
import { useInactivityLock } from '../../../renderer/auth/useInactivityLock';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import { InactivitySection } from '../../../renderer/pages/settings/InactivitySection';
import { signInAs, signOutForTest } from '../../support/session';

let db: QuartierDb;
let n = 0;
let clock = 0;

beforeEach(async () => {
  db = await openDatabase(`auth-inactivity-${process.pid}-${++n}`);
  clock = 1_000_000;
  signInAs('housing');
});
afterEach(async () => {
  vi.useRealTimers();
  signOutForTest();
  db.close();
  await db.delete();
});

function Probe() {
  useInactivityLock(db, () => clock);
  return null;
}

describe('inactivity lock', () => {
  it('locks after the configured minutes without input; input resets the time', async () => {
    await setLockMinutes(db, 2);
    // Only the interval is faked: Dexie needs real timeouts and promises.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    render(<Probe />);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50)); // the setting is read
    });
    clock += 90_000;
    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(useSession.getState().locked).toBe(false);
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown'));
    });
    clock += 90_000; // 90 s after the key press, 180 s after the start
    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(useSession.getState().locked).toBe(false);
    clock += 31_000;
    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(useSession.getState().locked).toBe(true);
  });

  it('the setting defaults to 15 minutes, only Administration changes it, nonsense is refused in German', async () => {
    expect(await getLockMinutes(db)).toBe(15);
    signInAs('admin');
    render(
      <AppProviders>
        <InactivitySection db={db} />
      </AppProviders>,
    );
    const input = await screen.findByLabelText('Sperren nach (Minuten)');
    const user = userEvent.setup();
    await user.clear(input);
    await user.type(input, '0');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Bitte eine ganze Zahl von 1 bis 240 eingeben.');
    expect(await getLockMinutes(db)).toBe(15);
    await user.clear(input);
    await user.type(input, '5');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(async () => expect(await getLockMinutes(db)).toBe(5));
  });

  it('other roles see the setting but cannot change it', async () => {
    render(
      <AppProviders>
        <InactivitySection db={db} />
      </AppProviders>,
    );
    expect(await screen.findByLabelText('Sperren nach (Minuten)')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Speichern' })).toBeDisabled();
  });
});
