// Names for ids in the audit view: persons ("Haddad, Omar"), accommodations,
// rooms, places, households, municipalities, from the cached read model.
// Persons are named at display time only: an anonymised person shows as
// anonymised, never with the name the log had when it was written.
import type { Dataset, Id, User } from '../../../shared/domain/model';

export interface NameLookups {
  personName: (id: Id) => string | null;
  recordName: (table: string, id: Id) => string | null;
}

type NamedTables = Pick<Dataset, 'persons' | 'accommodations' | 'rooms' | 'beds' | 'units' | 'households' | 'municipalities' | 'stays' | 'allocations'>;

export function buildNameLookups(ds: NamedTables, users: readonly Pick<User, 'id' | 'displayName'>[] = []): NameLookups {
  const userNames = new Map(users.map((u) => [u.id, u.displayName]));
  const persons = new Map(ds.persons.map((p) => [p.id, p]));
  const acc = new Map(ds.accommodations.map((a) => [a.id, a.name]));
  const rooms = new Map(ds.rooms.map((r) => [r.id, r]));
  const beds = new Map(ds.beds.map((b) => [b.id, b]));
  const units = new Map(ds.units.map((u) => [u.id, u]));
  const households = new Map(ds.households.map((h) => [h.id, h.name]));
  const municipalities = new Map(ds.municipalities.map((m) => [m.id, m.name]));
  const stays = new Map(ds.stays.map((s) => [s.id, s]));
  const allocations = new Map(ds.allocations.map((a) => [a.id, a]));
  const personName = (id: Id): string | null => {
    const p = persons.get(id);
    return p ? `${p.familyName}, ${p.givenName}` : null;
  };
  const recordName = (table: string, id: Id): string | null => {
    switch (table) {
      case 'persons':
        return personName(id);
      case 'accommodations':
        return acc.get(id) ?? null;
      case 'units': {
        const u = units.get(id);
        return u ? `${acc.get(u.accommodationId) ?? '?'} · ${u.name}` : null;
      }
      case 'rooms': {
        const r = rooms.get(id);
        return r ? `${acc.get(r.accommodationId) ?? '?'} · ${r.number}` : null;
      }
      case 'beds': {
        const b = beds.get(id);
        return b ? `${acc.get(b.accommodationId) ?? '?'} · ${rooms.get(b.roomId)?.number ?? '?'} · ${b.label}` : null;
      }
      case 'stays': {
        const s = stays.get(id);
        return s ? (acc.get(s.accommodationId) ?? null) : null;
      }
      case 'households':
        return households.get(id) ?? null;
      case 'municipalities':
        return municipalities.get(id) ?? null;
      case 'allocations': {
        const a = allocations.get(id);
        return a ? (municipalities.get(a.municipalityId) ?? null) : null;
      }
      case 'users':
        return userNames.get(id) ?? null;
      default:
        return null;
    }
  };
  return { personName, recordName };
}
