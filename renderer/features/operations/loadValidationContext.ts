// Loads exactly what the stay rules need for some proposed stays, through
// the indexes, inside the operation's transaction (see ValidationContext in
// shared/occupancy/validation.ts for the list). Reading inside the same
// transaction as the write means nothing can slip in between check and write.
import type { Accommodation, Bed, BedBlock, Household, Id, Person, Room, Stay } from '../../../shared/domain/model';
import type { ValidationContext } from '../../../shared/occupancy/validation';
import type { Writer } from '../../db/repository';

export interface ContextKeys {
  bedIds: Iterable<Id>;
  personIds: Iterable<Id>;
  /**
   * Also load all stays of the beds the persons' stays are on. Needed when a
   * command may lengthen one of those stays (a correction moving the end of
   * the linked previous stay), so its bed is checked for overlaps too.
   */
  includeBedsOfPersonStays?: boolean;
}

function present<T>(rows: (T | undefined)[]): T[] {
  return rows.filter((r): r is T => r !== undefined);
}

export async function loadValidationContext(w: Writer, keys: ContextKeys): Promise<ValidationContext> {
  const bedIds = [...new Set(keys.bedIds)];
  const personIds = [...new Set(keys.personIds)];

  const [byBed, byPerson, bedBlocks, proposedPersons] = await Promise.all([
    bedIds.length ? w.query('stays').where('bedId').anyOf(bedIds).toArray() : Promise.resolve([] as Stay[]),
    personIds.length ? w.query('stays').where('personId').anyOf(personIds).toArray() : Promise.resolve([] as Stay[]),
    bedIds.length ? w.query('bedBlocks').where('bedId').anyOf(bedIds).toArray() : Promise.resolve([] as BedBlock[]),
    w.query('persons').bulkGet(personIds),
  ]);
  const stays = new Map<Id, Stay>();
  for (const s of [...byBed, ...byPerson]) stays.set(s.id, s);
  if (keys.includeBedsOfPersonStays) {
    const extraBeds = [...new Set(byPerson.map((s) => s.bedId))].filter((b) => !bedIds.includes(b));
    if (extraBeds.length) {
      for (const s of await w.query('stays').where('bedId').anyOf(extraBeds).toArray()) stays.set(s.id, s);
      for (const b of await w.query('bedBlocks').where('bedId').anyOf(extraBeds).toArray()) bedBlocks.push(b);
    }
  }

  // Beds of the proposed stays and of every stay loaded (for readable names).
  const allBedIds = new Set<Id>(bedIds);
  for (const s of stays.values()) allBedIds.add(s.bedId);
  const beds = present<Bed>(await w.query('beds').bulkGet([...allBedIds]));
  const roomIds = new Set(beds.map((b) => b.roomId));
  const accIds = new Set(beds.map((b) => b.accommodationId));
  for (const s of stays.values()) accIds.add(s.accommodationId);

  const householdIds = new Set<Id>();
  for (const p of present<Person>(proposedPersons)) if (p.householdId) householdIds.add(p.householdId);
  const otherPersonIds = new Set<Id>();
  for (const s of stays.values()) if (!personIds.includes(s.personId)) otherPersonIds.add(s.personId);

  const [rooms, accommodations, members, others, households] = await Promise.all([
    w.query('rooms').bulkGet([...roomIds]),
    w.query('accommodations').bulkGet([...accIds]),
    householdIds.size ? w.query('persons').where('householdId').anyOf([...householdIds]).toArray() : Promise.resolve([] as Person[]),
    w.query('persons').bulkGet([...otherPersonIds]),
    w.query('households').bulkGet([...householdIds]),
  ]);
  const persons = new Map<Id, Person>();
  for (const p of [...present<Person>(proposedPersons), ...members, ...present<Person>(others)]) persons.set(p.id, p);

  return {
    stays: [...stays.values()],
    bedBlocks,
    beds,
    rooms: present<Room>(rooms),
    accommodations: present<Accommodation>(accommodations),
    persons: [...persons.values()],
    households: present<Household>(households),
  };
}
