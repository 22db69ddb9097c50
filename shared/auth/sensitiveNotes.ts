// Notes marked confidential (Person.notesSensitive, issue #7): only roles with
// 'sensitiveNotes:read' see them. Pure rules shared by the screens and the
// person command.
import type { Person, Role } from '../domain/model';
import { hasPermission } from './permissions';

export type PersonNotes = Pick<Person, 'notes' | 'notesSensitive'>;

/** True when `role` may see the notes of this person (unflagged notes: everyone who sees the person). */
export function notesVisibleTo(person: PersonNotes, role: Role): boolean {
  return person.notesSensitive !== true || hasPermission(role, 'sensitiveNotes:read');
}

/**
 * The notes a person record has after an edit by `role`. A role that may not
 * read the stored confidential notes never had them in its form: the stored
 * notes and their flag stay exactly as they were, whatever the form sent
 * (otherwise the full replace of the edit would wipe them). Everyone else
 * sets what the form says. Fields absent from the result are removed.
 */
export function notesAfterEdit(existing: PersonNotes, edited: PersonNotes, role: Role): PersonNotes {
  const source = notesVisibleTo(existing, role) ? edited : existing;
  const out: PersonNotes = {};
  if (source.notes !== undefined && source.notes !== '') {
    out.notes = source.notes;
    if (source.notesSensitive === true) out.notesSensitive = true;
  }
  return out;
}
