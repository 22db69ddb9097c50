import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../../renderer/i18n';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import { StructureDialog } from '../../../renderer/pages/accommodations/StructureDialog';
import { accommodation, room, unit } from './fixtures';
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
  db = await openDatabase(`structure-${crypto.randomUUID()}`);
  await db.accommodations.put(accommodation('a1'));
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function renderDialog(onClose: () => void = () => undefined) {
  render(<StructureDialog open onClose={onClose} db={db} accommodation={accommodation('a1')} units={[]} />);
}

async function enterSpec(user: ReturnType<typeof userEvent.setup>, spec: string) {
  const input = screen.getByRole('textbox', { name: /Struktur/ });
  await user.type(input, spec);
  const previewButton = screen.getByRole('button', { name: 'Vorschau' });
  await waitFor(() => expect(previewButton).toBeEnabled());
  await user.click(previewButton);
}

describe('StructureDialog', () => {
  it('previews "Haus A, Zimmer 1–3, je 2 Plätze" as 3 rooms / 6 places and writes them in one operation', async () => {
    const user = userEvent.setup();
    let closed = 0;
    renderDialog(() => closed++);
    await enterSpec(user, 'Haus A, Zimmer 1–3, je 2 Plätze, 14 m²');
    expect(await screen.findByTestId('structure-summary')).toHaveTextContent('3 Zimmer, 6 Plätze werden angelegt');
    expect(screen.getByText('Neu: Haus A')).toBeInTheDocument();
    expect(screen.getByText('3 Zimmer: 1, 2, 3')).toBeInTheDocument();
    expect(screen.getByText('je 2 = 6')).toBeInTheDocument();
    // The preview alone writes nothing.
    expect(await db.rooms.count()).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Anlegen' }));
    await waitFor(() => expect(closed).toBe(1));
    const units = await db.units.toArray();
    expect(units.map((u) => u.name)).toEqual(['Haus A']);
    const rooms = await db.rooms.toArray();
    expect(rooms.map((r) => r.number).sort()).toEqual(['1', '2', '3']);
    expect(rooms.every((r) => r.areaM2 === 14 && r.unitId === units[0]!.id)).toBe(true);
    const beds = await db.beds.toArray();
    expect(beds).toHaveLength(6);
    expect(new Set(beds.map((b) => b.roomId))).toEqual(new Set(rooms.map((r) => r.id)));
    // Atomic: one change in the outbox carrying all 10 records.
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.change.ops).toHaveLength(10);
  });

  it('explains unreadable input in German and writes nothing', async () => {
    const user = userEvent.setup();
    renderDialog();
    await enterSpec(user, 'Haus A mit vielen Zimmern');
    expect(await screen.findByRole('alert')).toHaveTextContent('Zeile 1 wurde nicht verstanden');
    expect(screen.queryByTestId('structure-summary')).toBeNull();
    expect(await db.rooms.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses room numbers that already exist in the unit and writes nothing', async () => {
    const user = userEvent.setup();
    const u = unit('u1', 'a1', 'Haus A');
    await db.units.put(u);
    await db.rooms.put(room('r-old', 'a1', 'u1', '2', 12));
    renderDialog();
    await enterSpec(user, 'Haus A, Zimmer 1–3, je 2 Plätze, 14 m²');
    expect(await screen.findByRole('alert')).toHaveTextContent('Zimmer 2 gibt es in Haus A bereits.');
    expect(await db.rooms.count()).toBe(1);
    expect(await db.beds.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
