// The person form and confidential notes: Unterbringungsverwaltung sees the
// notes and the „Vermerk ist vertraulich“ box; a role without
// 'sensitiveNotes:read' gets no notes field (the stored text is not in the
// DOM), only the hint naming the permission.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../../renderer/i18n';
import type { QuartierDb } from '../../../renderer/db/db';
import { setSetting } from '../../../renderer/db/settings';
import { PersonFormDialog } from '../../../renderer/features/operations/dialogs/PersonFormDialog';
import { ctx, seededDb } from '../../integration/operations/fixture';
import { signInAs, signOutForTest } from '../../support/session';

let db: QuartierDb;
beforeEach(async () => {
  db = await seededDb();
  await setSetting(db, 'deviceId', ctx.deviceId);
  await db.persons.update('p-ali', { notes: 'Traumatherapie dienstags', notesSensitive: true });
});
afterEach(() => {
  signOutForTest();
  db.close();
});

describe('PersonFormDialog: confidential notes', () => {
  it('shows the notes with the box ticked to Unterbringungsverwaltung; saving keeps them flagged', async () => {
    signInAs('housing');
    const user = userEvent.setup();
    const person = (await db.persons.get('p-ali'))!;
    render(<PersonFormDialog open onClose={() => {}} person={person} db={db} />);
    expect(screen.getByLabelText('Bemerkungen')).toHaveValue('Traumatherapie dienstags');
    const box = screen.getByRole('checkbox', { name: 'Vermerk ist vertraulich' });
    expect(box).toBeChecked();
    await user.clear(screen.getByLabelText(/Vorname/));
    await user.type(screen.getByLabelText(/Vorname/), 'Ali R.');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(async () => expect(await db.persons.get('p-ali')).toMatchObject({ givenName: 'Ali R.', notes: 'Traumatherapie dienstags', notesSensitive: true }));
  });

  it('marks new notes confidential with the box', async () => {
    signInAs('admin');
    const user = userEvent.setup();
    await db.persons.update('p-ali', { notes: undefined, notesSensitive: undefined });
    const person = (await db.persons.get('p-ali'))!;
    render(<PersonFormDialog open onClose={() => {}} person={person} db={db} />);
    await user.type(screen.getByLabelText('Bemerkungen'), 'Nicht mit Herrn X unterbringen');
    await user.click(screen.getByRole('checkbox', { name: 'Vermerk ist vertraulich' }));
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(async () => expect(await db.persons.get('p-ali')).toMatchObject({ notes: 'Nicht mit Herrn X unterbringen', notesSensitive: true }));
  });

  it('gives a role without the permission no notes field, only the hint', async () => {
    signInAs('caseworker');
    const person = (await db.persons.get('p-ali'))!;
    render(<PersonFormDialog open onClose={() => {}} person={person} db={db} />);
    expect(screen.queryByLabelText('Bemerkungen')).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Vermerk ist vertraulich' })).not.toBeInTheDocument();
    expect(screen.getByText('Vertraulicher Vermerk (nur mit Berechtigung „Vertrauliche Vermerke ansehen“ sichtbar)')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('Traumatherapie');
  });
});
