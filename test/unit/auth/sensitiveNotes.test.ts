// Confidential notes (issue #7): who sees them, and what an edit leaves.
import { describe, expect, it } from 'vitest';
import { notesAfterEdit, notesVisibleTo } from '../../../shared/auth/sensitiveNotes';
import { ROLES } from '../../../shared/domain/model';

const secret = { notes: 'Traumatherapie dienstags', notesSensitive: true };
const plain = { notes: 'Spricht etwas Deutsch' };

describe('notesVisibleTo', () => {
  it('shows confidential notes only to Administration and Unterbringungsverwaltung', () => {
    expect(ROLES.filter((r) => notesVisibleTo(secret, r))).toEqual(['admin', 'housing']);
  });
  it('shows unflagged notes to every role', () => {
    expect(ROLES.filter((r) => notesVisibleTo(plain, r))).toEqual([...ROLES]);
  });
});

describe('notesAfterEdit', () => {
  it('keeps stored confidential notes when the editor may not read them, whatever the form sent', () => {
    expect(notesAfterEdit(secret, {}, 'caseworker')).toEqual(secret);
    expect(notesAfterEdit(secret, { notes: 'überschrieben' }, 'field')).toEqual(secret);
  });
  it('takes the form for a role that may read them: edit, clear, unflag', () => {
    expect(notesAfterEdit(secret, { notes: 'neu', notesSensitive: true }, 'housing')).toEqual({ notes: 'neu', notesSensitive: true });
    expect(notesAfterEdit(secret, {}, 'admin')).toEqual({});
    expect(notesAfterEdit(secret, { notes: 'offen' }, 'admin')).toEqual({ notes: 'offen' });
  });
  it('lets any editor change unflagged notes, and drops a flag without notes', () => {
    expect(notesAfterEdit(plain, { notes: 'neu', notesSensitive: true }, 'caseworker')).toEqual({ notes: 'neu', notesSensitive: true });
    expect(notesAfterEdit(plain, { notes: '', notesSensitive: true }, 'admin')).toEqual({});
  });
});
