// "Passwort ändern" in the account menu: Lesezugriff changes its own password
// (old, new twice); a wrong old password is said in German and changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../../renderer/i18n';
import { verifyPassword } from '../../../shared/auth/password';
import { AccountSlot } from '../../../renderer/auth/AccountSlot';
import { ChangePasswordDialog } from '../../../renderer/auth/ChangePasswordDialog';
import { createFirstAdmin, createUser, signIn, signOut } from '../../../renderer/auth/users';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';

const FAST = { iterations: 1000 };
let db: QuartierDb;
let userId = '';

beforeEach(async () => {
  db = await openDatabase(`own-password-ui-${crypto.randomUUID()}`);
  await createFirstAdmin(db, { displayName: 'Frau Admin', login: 'admin', password: 'Sonnenblume-2026', passwordRepeat: 'Sonnenblume-2026' }, FAST);
  userId = (await createUser(db, { displayName: 'Frau Lesend', login: 'lesend', password: 'Kastanienallee-7', passwordRepeat: 'Kastanienallee-7', role: 'readonly' }, FAST)).id;
  signOut();
  await signIn(db, 'lesend', 'Kastanienallee-7', FAST);
});
afterEach(async () => {
  signOut();
  db.close();
  await db.delete();
});

describe('Passwort ändern', () => {
  it('is in the account menu', async () => {
    const user = userEvent.setup();
    render(<AccountSlot />);
    await user.click(screen.getByRole('button', { name: /Benutzerkonto: Frau Lesend/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Passwort ändern' }));
    expect(await screen.findByRole('dialog', { name: 'Passwort ändern' })).toBeInTheDocument();
  });

  it('changes the own password of Lesezugriff; a wrong old password is refused in German first', async () => {
    const user = userEvent.setup();
    let closed = false;
    render(<ChangePasswordDialog db={db} options={FAST} onClose={() => (closed = true)} />);
    await user.type(screen.getByLabelText('Bisheriges Passwort'), 'falsch-falsch');
    await user.type(screen.getByLabelText('Neues Passwort'), 'Lindenblatt-2027');
    await user.type(screen.getByLabelText('Neues Passwort wiederholen'), 'Lindenblatt-2027');
    await user.click(screen.getByRole('button', { name: 'Passwort ändern' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Das bisherige Passwort ist falsch.');
    expect(await verifyPassword('Kastanienallee-7', (await db.users.get(userId))!.password)).toBe(true);

    await user.clear(screen.getByLabelText('Bisheriges Passwort'));
    await user.type(screen.getByLabelText('Bisheriges Passwort'), 'Kastanienallee-7');
    await user.click(screen.getByRole('button', { name: 'Passwort ändern' }));
    await waitFor(() => expect(closed).toBe(true));
    expect(await verifyPassword('Lindenblatt-2027', (await db.users.get(userId))!.password)).toBe(true);
   }, 20_000);
});
