import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../../renderer/i18n';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import { CloseAccommodationDialog } from '../../../renderer/pages/accommodations/CloseAccommodationDialog';
import { accommodation, bed, person, room, stay, unit, TODAY } from './fixtures';
import { clearDate, typeDate } from '../dateInput';
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
  db = await openDatabase(`close-${crypto.randomUUID()}`);
  await db.accommodations.put(accommodation('a1'));
  await db.units.put(unit('u1', 'a1', 'Haus A'));
  await db.rooms.put(room('r1', 'a1', 'u1', '1', 20));
  await db.beds.put(bed('b1', 'a1', 'r1', 1));
  await db.persons.put(person('p1', 'Haddad', 'Amal'));
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('CloseAccommodationDialog', () => {
  it('refuses while a resident still lives there, naming the person, and writes nothing', async () => {
    const user = userEvent.setup();
    await db.stays.put(stay('s1', 'p1', bed('b1', 'a1', 'r1', 1), '2025-10-01', null));
    render(<CloseAccommodationDialog open onClose={() => undefined} db={db} accommodation={accommodation('a1')} today={TODAY} />);
    await typeDate(user, /Geschlossen ab/, '2026-04-01');
    await user.click(screen.getByRole('button', { name: 'Schließen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Amal Haddad');
    expect((await db.accommodations.get('a1'))?.closedOn).toBeNull();
    expect(await db.outbox.count()).toBe(0);
  });

  it('closes from a future day with status "closing"', async () => {
    const user = userEvent.setup();
    await db.stays.put(stay('s1', 'p1', bed('b1', 'a1', 'r1', 1), '2025-10-01', '2026-03-20'));
    let closed = 0;
    render(<CloseAccommodationDialog open onClose={() => closed++} db={db} accommodation={accommodation('a1')} today={TODAY} />);
    await typeDate(user, /Geschlossen ab/, '2026-04-01');
    await user.click(screen.getByRole('button', { name: 'Schließen' }));
    await waitFor(() => expect(closed).toBe(1));
    expect(await db.accommodations.get('a1')).toMatchObject({ closedOn: '2026-04-01', status: 'closing' });
    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses an incomplete day with a German message and writes nothing', async () => {
    const user = userEvent.setup();
    render(<CloseAccommodationDialog open onClose={() => undefined} db={db} accommodation={accommodation('a1')} today={TODAY} />);
    await clearDate(user, /Geschlossen ab/);
    await user.keyboard('0104');
    await user.click(screen.getByRole('button', { name: 'Schließen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Bitte ein gültiges Datum');
    expect((await db.accommodations.get('a1'))?.closedOn).toBeNull();
    expect(await db.outbox.count()).toBe(0);
  });
});
