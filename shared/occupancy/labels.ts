// Human-readable names for violation params. Params carry what office staff
// recognise (names, room numbers), never bare ids.
import type { Accommodation, Bed, Person, Room } from '../domain/model';

export function personName(p: Pick<Person, 'givenName' | 'familyName'> | undefined): string {
  if (!p) return '?';
  return `${p.givenName} ${p.familyName}`.trim();
}

export function bedLabel(b: Pick<Bed, 'label'> | undefined): string {
  return b ? b.label : '?';
}

export function roomLabel(r: Pick<Room, 'number'> | undefined): string {
  return r ? r.number : '?';
}

export function accommodationLabel(a: Pick<Accommodation, 'name'> | undefined): string {
  return a ? a.name : '?';
}
