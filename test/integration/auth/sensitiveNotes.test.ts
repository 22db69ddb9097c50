// Confidential notes through the person commands on a real (fake-indexeddb)
// database: the flag is stored with the notes, survives an edit of other
// fields, the form of a role without 'sensitiveNotes:read' never carries them,
// and an edit from such a form leaves the stored notes as they were.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuartierDb } from '../../../renderer/db/db';
import { createPerson, updatePerson } from '../../../renderer/features/operations/commands';
import { emptyPersonInput, personToInput } from '../../../renderer/features/operations/personSchema';
import { PermissionDeniedError } from '../../../renderer/auth/errors';
import { ctx, seededDb, snapshot } from '../operations/fixture';
import { ACTORS } from '../../support/actors';

let db: QuartierDb;
beforeEach(async () => {
  db = await seededDb();
});
afterEach(() => db.close());

const newPerson = { ...emptyPersonInput('2025-02-01'), familyName: 'Rahimi', givenName: 'Sara', fileNumber: 'AZ-9', nationality: 'AFG' };

describe('confidential notes', () => {
  it('stores the flag with the notes and keeps both through an edit of other fields', async () => {
    const { personId } = await createPerson(db, { ...newPerson, notes: 'Traumatherapie dienstags', notesSensitive: true }, { ctx });
    const stored = (await db.persons.get(personId))!;
    expect(stored).toMatchObject({ notes: 'Traumatherapie dienstags', notesSensitive: true });

    await updatePerson(db, personId, { ...personToInput(stored), givenName: 'Sara M.' }, { ctx });
    expect(await db.persons.get(personId)).toMatchObject({ givenName: 'Sara M.', notes: 'Traumatherapie dienstags', notesSensitive: true });
  });

  it('drops the flag when the notes are cleared, and can unflag', async () => {
    const { personId } = await createPerson(db, { ...newPerson, notes: 'vertraulich', notesSensitive: true }, { ctx });
    const stored = (await db.persons.get(personId))!;
    await updatePerson(db, personId, { ...personToInput(stored), notesSensitive: false }, { ctx });
    const unflagged = (await db.persons.get(personId))!;
    expect(unflagged.notes).toBe('vertraulich');
    expect(unflagged.notesSensitive).toBeUndefined();
    await updatePerson(db, personId, { ...personToInput(unflagged), notes: '', notesSensitive: true }, { ctx });
    const cleared = (await db.persons.get(personId))!;
    expect(cleared.notes).toBeUndefined();
    expect(cleared.notesSensitive).toBeUndefined();
  });

  it('leaves confidential notes out of the form of a role that may not read them; unflagged notes stay in', async () => {
    const { personId } = await createPerson(db, { ...newPerson, notes: 'Traumatherapie dienstags', notesSensitive: true }, { ctx });
    const stored = (await db.persons.get(personId))!;
    expect(personToInput(stored, false)).toMatchObject({ notes: '', notesSensitive: true });
    expect(personToInput(stored, true)).toMatchObject({ notes: 'Traumatherapie dienstags' });
    expect(personToInput({ ...stored, notesSensitive: false }, false).notes).toBe('Traumatherapie dienstags');
  });

  it('an edit by a role without the read permission is refused today (no such role may edit persons) and writes nothing', async () => {
    // Every role with 'persons:write' also reads confidential notes; should that
    // change, updatePerson keeps the stored notes (notesAfterEdit, unit-tested).
    const { personId } = await createPerson(db, { ...newPerson, notes: 'Traumatherapie dienstags', notesSensitive: true }, { ctx });
    const stored = (await db.persons.get(personId))!;
    const before = await snapshot(db);
    await expect(updatePerson(db, personId, personToInput(stored, false), { ctx: { ...ctx, actor: ACTORS.caseworker } })).rejects.toBeInstanceOf(
      PermissionDeniedError,
    );
    expect(await snapshot(db)).toEqual(before);
  });
});
