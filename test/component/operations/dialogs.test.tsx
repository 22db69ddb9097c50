// The Einzug and Auszug dialogs on a real (fake-indexeddb) database: the
// wizard shows the finder's suggestions with their explanation, refuses an
// occupied bed with the German rule text, and the Auszug dialog refuses a
// day before the move-in. A refusal writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../../renderer/i18n';
import type { QuartierDb } from '../../../renderer/db/db';
import { setSetting } from '../../../renderer/db/settings';
import { CheckInDialog, CheckOutDialog, checkIn } from '../../../renderer/features/operations';
import { ctx, HADDADS, seededDb } from '../../integration/operations/fixture';
import { dateGroup, typeDate } from '../dateInput';
import { signInAs, signOutForTest } from '../../support/session';

// Saving needs a signed-in user; these tests act as Administration.
beforeEach(() => {
  signInAs('admin');
});
afterEach(() => {
  signOutForTest();
});

let db: QuartierDb;

beforeEach(async () => {
  db = await seededDb();
  await setSetting(db, 'deviceId', ctx.deviceId);
  // The Haddad family lives in the flat (beds b-f1 … b-f4) from 01.02.2025.
  await checkIn(db, { assignments: HADDADS.map((personId, i) => ({ personId, bedId: `b-f${i + 1}` })), from: '2025-02-01' }, { ctx });
});
afterEach(() => db.close());

describe('CheckInDialog', () => {
  it('suggests free places with an explanation', async () => {
    const user = userEvent.setup();
    render(<CheckInDialog open onClose={() => {}} initialPersonId="p-ali" initialFrom="2025-03-01" db={db} />);
    const next = await screen.findByRole('button', { name: 'Weiter' });
    await waitFor(() => expect(next).toBeEnabled());
    await user.click(next);
    const group = await screen.findByTestId('suggestions');
    const options = within(group).getAllByRole('radio');
    expect(options.length).toBeGreaterThan(0);
    // Ali is a man: the women's room 1.01 is never offered; the open room 1.02 is.
    expect(group).toHaveTextContent('GU Balingen');
    expect(group).toHaveTextContent('1.02');
    expect(group).not.toHaveTextContent('1.01');
    expect(group).toHaveTextContent(/Plätzen frei/);
  });

  it('refuses an occupied bed with the German rule text and writes nothing', async () => {
    const user = userEvent.setup();
    const staysBefore = await db.stays.count();
    const outboxBefore = await db.outbox.count();
    render(<CheckInDialog open onClose={() => {}} initialPersonId="p-ali" initialBedId="b-f1" initialFrom="2025-03-01" db={db} />);
    const next = await screen.findByRole('button', { name: 'Weiter' });
    await waitFor(() => expect(next).toBeEnabled());
    await user.click(next);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Weiter' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Weiter' }));
    await user.click(await screen.findByRole('button', { name: 'Einzug speichern' }));
    const alert = await screen.findByTestId('operation-error');
    expect(alert).toHaveTextContent('Bett 1 in Zimmer 1 (Wohnung Lindenstraße) ist ab dem 01.03.2025 bereits mit Omar Haddad belegt');
    expect(await db.stays.count()).toBe(staysBefore);
    expect(await db.outbox.count()).toBe(outboxBefore);
  });
});

describe('CheckOutDialog', () => {
  it('refuses a move-out day before the move-in', async () => {
    const user = userEvent.setup();
    render(<CheckOutDialog open onClose={() => {}} initialPersonId="p-omar" db={db} />);
    await screen.findByRole('group', { name: /Auszugsdatum/ });
    await typeDate(user, /Auszugsdatum/, '2025-01-15');
    expect(dateGroup(/Auszugsdatum/)).toHaveTextContent('15.01.2025');
    await user.click(screen.getByRole('combobox', { name: /Auszugsgrund/ }));
    await user.click(await screen.findByRole('option', { name: 'Eigene Wohnung' }));
    const before = await db.stays.toArray();
    await user.click(screen.getByRole('button', { name: 'Auszug speichern' }));
    const alert = await screen.findByTestId('operation-error');
    expect(alert).toHaveTextContent('Omar Haddad wohnt am Tag vor dem 15.01.2025 in keiner Unterkunft');
    expect(await db.stays.toArray()).toEqual(before);
  });

  it('requires a departure reason before anything is tried', async () => {
    const user = userEvent.setup();
    render(<CheckOutDialog open onClose={() => {}} initialPersonId="p-omar" db={db} />);
    await user.click(await screen.findByRole('button', { name: 'Auszug speichern' }));
    expect(await screen.findByText('Bitte einen Auszugsgrund wählen.')).toBeInTheDocument();
    expect(await db.outbox.count()).toBe(1);
  });
});
