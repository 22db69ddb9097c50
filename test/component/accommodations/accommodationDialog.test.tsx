import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../../renderer/i18n';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import { AccommodationDialog } from '../../../renderer/pages/accommodations/AccommodationDialog';
import { municipality, TODAY } from './fixtures';
import { typeDate } from '../dateInput';
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
  db = await openDatabase(`acc-dialog-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function renderDialog() {
  let closed = 0;
  render(<AccommodationDialog open onClose={() => closed++} db={db} municipalities={[municipality('m1', 'Balingen'), municipality('m2', 'Albstadt')]} today={TODAY} />);
  return { closedCount: () => closed };
}

async function fill(user: ReturnType<typeof userEvent.setup>, label: RegExp, value: string) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  if (value) await user.type(input, value);
}

async function nothingWritten() {
  expect(await db.accommodations.count()).toBe(0);
  expect(await db.outbox.count()).toBe(0);
  expect(await db.audit.count()).toBe(0);
}

describe('AccommodationDialog', () => {
  it('refuses an empty form with German messages and writes nothing', async () => {
    const user = userEvent.setup();
    const { closedCount } = renderDialog();
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Bitte einen Namen eingeben.')).toBeInTheDocument();
    expect(screen.getByText('Bitte Straße und Hausnummer eingeben.')).toBeInTheDocument();
    expect(screen.getByText('Die PLZ muss aus 5 Ziffern bestehen.')).toBeInTheDocument();
    expect(screen.getByText('Bitte eine Gemeinde wählen.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Es wurde nichts gespeichert.');
    expect(closedCount()).toBe(0);
    await nothingWritten();
  });

  it('refuses a closing date before the opening date', async () => {
    const user = userEvent.setup();
    renderDialog();
    await fill(user, /^Name/, 'GU Bahnhofstraße');
    await fill(user, /^Straße und Hausnummer/, 'Bahnhofstraße 1');
    await fill(user, /^PLZ/, '72336');
    await fill(user, /^Ort/, 'Balingen');
    await user.click(screen.getByRole('combobox', { name: /Gemeinde/ }));
    await user.click(within(await screen.findByRole('listbox')).getByText('Balingen'));
    await typeDate(user, /^In Betrieb ab/, '2026-03-01');
    await typeDate(user, /^Geschlossen ab/, '2026-02-01');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Das Schließdatum muss nach dem Datum der Inbetriebnahme liegen.')).toBeInTheDocument();
    expect(screen.queryByText('Bitte einen Namen eingeben.')).toBeNull();
    await nothingWritten();
    // Typing into the sectioned date fields is slow under happy-dom.
  }, 20_000);

  it('saves a valid accommodation with audit and outbox in one operation', async () => {
    const user = userEvent.setup();
    const { closedCount } = renderDialog();
    await fill(user, /^Name/, 'GU Bahnhofstraße');
    await fill(user, /^Straße und Hausnummer/, 'Bahnhofstraße 1');
    await fill(user, /^PLZ/, '72336');
    await fill(user, /^Ort/, 'Balingen');
    await user.click(screen.getByRole('combobox', { name: /Gemeinde/ }));
    await user.click(within(await screen.findByRole('listbox')).getByText('Albstadt'));
    await fill(user, /^Miete pro Monat/, '1.250,50');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(closedCount()).toBe(1));
    const all = await db.accommodations.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      name: 'GU Bahnhofstraße',
      kind: 'gu',
      municipalityId: 'm2',
      openedOn: TODAY,
      closedOn: null,
      address: { street: 'Bahnhofstraße 1', zip: '72336', city: 'Balingen' },
      lease: { rentCents: 125050, rentFree: false, start: null, end: null },
    });
    expect(await db.outbox.count()).toBe(1);
  });
});
