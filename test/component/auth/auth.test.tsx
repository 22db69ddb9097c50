// Sign-in screen, lock, account slot and Einstellungen → Benutzer through the
// real components on a fake IndexedDB (users created by the real commands).
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../renderer/i18n';
import { AppProviders } from '../../../renderer/app/AppProviders';
import { Layout } from '../../../renderer/app/Layout';
import { AuthGate } from '../../../renderer/auth/AuthGate';
import { PermissionGate } from '../../../renderer/auth/PermissionGate';
import { currentUser, useSession } from '../../../renderer/auth/session';
import { createFirstAdmin, createUser, signOut } from '../../../renderer/auth/users';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import { UsersSection } from '../../../renderer/pages/settings/UsersSection';
import { Button } from '@mui/material';
import { signInAs, signOutForTest } from '../../support/session';

const FAST = { iterations: 1000 };
const ADMIN_PW = 'Sonnenblume-2026';
let db: QuartierDb;
let n = 0;

beforeEach(async () => {
  db = await openDatabase(`auth-component-${process.pid}-${++n}`);
  await createFirstAdmin(db, { displayName: 'Frau Admin', login: 'admin', password: ADMIN_PW }, FAST);
  await db.accommodations.put({
    id: 'acc-1', name: 'GU Balingen', kind: 'gu', address: { street: 's', zip: '1', city: 'c' }, municipalityId: 'm', lease: { start: null, end: null, rentCents: null, rentFree: false },
    status: 'active', openedOn: '2020-01-01', closedOn: null, reservePlaces: 0, createdAt: 'x', updatedAt: 'x',
  });
  await createUser(db, { displayName: 'Herr Feld', login: 'feld', password: 'Feldweg-1234', role: 'field', accommodationIds: ['acc-1'] }, FAST);
  signOut();
});
afterEach(async () => {
  signOutForTest();
  db.close();
  await db.delete();
});

function field(container: HTMLElement, label: string): HTMLElement {
  return within(container).getByLabelText(new RegExp(`^${label}(\\s*\\*)?$`));
}

function renderApp() {
  return render(
    <AppProviders>
      <MemoryRouter>
        <AuthGate db={db}>
          <Layout>
            <p>Seiteninhalt</p>
          </Layout>
        </AuthGate>
      </MemoryRouter>
    </AppProviders>,
  );
}

describe('sign-in screen', () => {
  it('shows instead of the app; a wrong password and an unknown login read the same; the right one opens the app', async () => {
    renderApp();
    const form = await screen.findByRole('region', { name: 'Anmelden' });
    expect(screen.queryByText('Seiteninhalt')).toBeNull();
    const user = userEvent.setup();

    await user.type(field(form, 'Anmeldename'), 'feld');
    await user.type(field(form, 'Passwort'), 'falsch-falsch');
    await user.click(within(form).getByRole('button', { name: 'Anmelden' }));
    const wrongPassword = (await within(form).findByRole('alert')).textContent;
    expect(wrongPassword).toBe('Anmeldename oder Passwort ist falsch.');

    await user.clear(field(form, 'Anmeldename'));
    await user.type(field(form, 'Anmeldename'), 'niemand');
    await user.type(field(form, 'Passwort'), 'falsch-falsch');
    await user.click(within(form).getByRole('button', { name: 'Anmelden' }));
    await waitFor(() => expect(within(form).getByRole('alert')).toHaveTextContent(wrongPassword));

    await user.clear(field(form, 'Anmeldename'));
    await user.type(field(form, 'Anmeldename'), 'FELD');
    await user.type(field(form, 'Passwort'), 'Feldweg-1234');
    await user.click(within(form).getByRole('button', { name: 'Anmelden' }));
    expect(await screen.findByText('Seiteninhalt')).toBeVisible();
    // The app bar names the user and the role.
    expect(screen.getByRole('button', { name: 'Benutzerkonto: Herr Feld, Außendienst' })).toBeVisible();
    expect((await db.accessLog.toArray()).map((e) => e.kind).sort()).toEqual(['signIn', 'signInFailed', 'signInFailed']);
  });
});

describe('lock', () => {
  it('"Sperren" hides the page behind the lock; only the same user\'s password unlocks; "Abmelden" goes to sign-in', async () => {
    renderApp();
    const user = userEvent.setup();
    const form = await screen.findByRole('region', { name: 'Anmelden' });
    await user.type(field(form, 'Anmeldename'), 'admin');
    await user.type(field(form, 'Passwort'), ADMIN_PW);
    await user.click(within(form).getByRole('button', { name: 'Anmelden' }));
    await screen.findByText('Seiteninhalt');

    await user.click(screen.getByRole('button', { name: 'Sperren' }));
    const lock = await screen.findByRole('dialog', { name: 'Gesperrt' });
    expect(lock).toHaveTextContent('Frau Admin (Administration) ist angemeldet.');
    expect(useSession.getState().locked).toBe(true);

    await user.type(field(lock, 'Passwort'), 'Feldweg-1234'); // another user's password
    await user.click(within(lock).getByRole('button', { name: 'Entsperren' }));
    expect(await within(lock).findByRole('alert')).toHaveTextContent('Das Passwort ist falsch.');
    expect(useSession.getState().locked).toBe(true);

    await user.type(field(lock, 'Passwort'), ADMIN_PW);
    await user.click(within(lock).getByRole('button', { name: 'Entsperren' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Gesperrt' })).toBeNull());
    expect(screen.getByText('Seiteninhalt')).toBeInTheDocument();

    act(() => useSession.getState().lock());
    const again = await screen.findByRole('dialog', { name: 'Gesperrt' });
    await user.click(within(again).getByRole('button', { name: 'Abmelden' }));
    expect(await screen.findByRole('region', { name: 'Anmelden' })).toBeVisible();
    expect(currentUser()).toBeNull();
  });

  it('signs the session out when its user is deactivated (e.g. through sync)', async () => {
    const feld = (await db.users.where('login').equals('feld').first())!;
    signInAs('field', { userId: feld.id, displayName: 'Herr Feld' });
    renderApp();
    await screen.findByText('Seiteninhalt');
    await act(async () => {
      await db.users.update(feld.id, { active: false });
    });
    expect(await screen.findByRole('region', { name: 'Anmelden' })).toBeVisible();
  });
});

describe('Einstellungen → Benutzer', () => {
  it('is not shown to roles without "Benutzer verwalten"', async () => {
    signInAs('housing');
    render(<AppProviders><UsersSection db={db} /></AppProviders>);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('heading', { name: 'Benutzer' })).toBeNull();
  });

  it('lists users with role and accommodations, creates one, changes a role, and refuses demoting the last administrator', async () => {
    const admin = (await db.users.where('login').equals('admin').first())!;
    signInAs('admin', { userId: admin.id, displayName: 'Frau Admin' });
    render(<AppProviders><UsersSection db={db} /></AppProviders>);
    const table = await screen.findByRole('table', { name: 'Benutzer' });
    await within(table).findByText('Herr Feld');
    const feldRow = within(table).getByText('Herr Feld').closest('tr')!;
    expect(feldRow).toHaveTextContent('Außendienst');
    expect(feldRow).toHaveTextContent('GU Balingen');
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Benutzer anlegen' }));
    let dialog = await screen.findByRole('dialog', { name: 'Benutzer anlegen' });
    await user.type(field(dialog, 'Name'), 'Frau Sach');
    await user.type(field(dialog, 'Anmeldename'), 'sach');
    await user.type(field(dialog, 'Passwort'), 'sach');
    await user.type(field(dialog, 'Passwort wiederholen'), 'sach');
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('mindestens 10 Zeichen');
    await user.clear(field(dialog, 'Passwort'));
    await user.type(field(dialog, 'Passwort'), 'Aktenzeichen-7');
    await user.clear(field(dialog, 'Passwort wiederholen'));
    await user.type(field(dialog, 'Passwort wiederholen'), 'Aktenzeichen-7');
    await user.click(within(dialog).getByRole('combobox', { name: /Rolle/ }));
    await user.click(await screen.findByRole('option', { name: 'Sachbearbeitung' }));
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Benutzer anlegen' })).toBeNull());
    expect(await db.users.where('login').equals('sach').first()).toMatchObject({ role: 'caseworker', displayName: 'Frau Sach', active: true });
    await within(table).findByText('Frau Sach');

    // The only administrator cannot demote herself.
    await user.click(screen.getByRole('button', { name: 'Bearbeiten: Frau Admin' }));
    dialog = await screen.findByRole('dialog', { name: 'Benutzer bearbeiten' });
    await user.click(within(dialog).getByRole('combobox', { name: /Rolle/ }));
    await user.click(await screen.findByRole('option', { name: 'Lesezugriff' }));
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('letzte aktive Administration');
    expect((await db.users.get(admin.id))?.role).toBe('admin');
  });
});

describe('PermissionGate', () => {
  it('disables with a tooltip naming the missing permission', async () => {
    signInAs('field');
    render(
      <AppProviders>
        <PermissionGate permission="export:lists">{(disabled) => <Button disabled={disabled}>Liste drucken</Button>}</PermissionGate>
      </AppProviders>,
    );
    const button = screen.getByRole('button', { name: 'Liste drucken' });
    expect(button).toBeDisabled();
    await userEvent.setup().hover(button.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Ihnen fehlt die Berechtigung „Listen exportieren“.');
  });
});
