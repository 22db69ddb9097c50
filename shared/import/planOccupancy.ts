// Current occupancy: who lives in which accommodation, room and place since
// when. Each row becomes one open stay (Belegung from the move-in day).
//
// Persons: matched by Aktenzeichen, else by name + birth date (see
// persons.ts). A person not found is CREATED from the row (name, birth date,
// nationality, …; admission day = move-in day unless the list has one): the
// office's occupancy list is often the only list of its residents, and
// refusing every unknown person would make the import useless on day one.
// The preview counts new and matched persons so a typo that would create a
// second person is visible before anything is written. An Aktenzeichen that
// names nobody while name + birth date find a person with ANOTHER
// Aktenzeichen is an error, not a new person.
//
// Places: accommodation by name, unit (optional) and room number; the place
// by its label ("Bett 2" or just "2"). Without a place the first free place
// of the room on the move-in day is taken. All stays are then checked with
// the occupancy rules of shared/occupancy/validation.ts (double bookings,
// a person living twice, blocked places, opening period, room restriction).
import type { Accommodation, Bed, Household, Id, IsoDate, Person, Room, Stay, Unit } from '../domain/model';
import { periodsOverlap } from '../domain/dates';
import { buildValidationContext, isActiveStay, validateStayChanges } from '../occupancy/validation';
import { foldName } from './nationality';
import type { ImportExisting, ImportInput, ImportPlan, ImportProblem, MappedRow } from './plan';
import { dataRows, emptyRecords, finishPlan, sourceKey } from './plan';
import { fileNumberKey, HouseholdBuilder, PersonIndex, personKey, readIdentity, readPerson } from './persons';
import { readDay } from './values';

class PlaceIndex {
  readonly accByName = new Map<string, Accommodation>();
  readonly unitsByAcc = new Map<Id, Unit[]>();
  readonly roomsByAcc = new Map<Id, Room[]>();
  readonly bedsByRoom = new Map<Id, Bed[]>();
  /** Active stays and blocks per bed, to find a free place. */
  readonly busy = new Map<Id, { from: IsoDate; to: IsoDate | null }[]>();

  constructor(existing: ImportExisting) {
    for (const a of existing.accommodations) if (!a.deleted) this.accByName.set(foldName(a.name), a);
    for (const u of existing.units) if (!u.deleted) push(this.unitsByAcc, u.accommodationId, u);
    for (const r of existing.rooms) if (!r.deleted) push(this.roomsByAcc, r.accommodationId, r);
    for (const b of existing.beds) if (!b.deleted) push(this.bedsByRoom, b.roomId, b);
    for (const list of this.bedsByRoom.values()) list.sort((a, b) => a.order - b.order || a.label.localeCompare(b.label));
    for (const s of existing.stays) if (isActiveStay(s)) push(this.busy, s.bedId, { from: s.from, to: s.to });
    for (const bl of existing.bedBlocks) if (!bl.deleted) push(this.busy, bl.bedId, { from: bl.from, to: bl.until });
  }

  isFree(bedId: Id, from: IsoDate): boolean {
    return !(this.busy.get(bedId) ?? []).some((p) => periodsOverlap(from, null, p.from, p.to));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** "2" matches "Bett 2", "Platz 2" and "2"; otherwise the folded labels must be equal. */
function bedMatches(bed: Bed, place: string): boolean {
  const a = foldName(bed.label);
  const b = foldName(place);
  if (a === b) return true;
  if (/^\d+$/.test(b)) return (/(\d+)$/.exec(a)?.[1] ?? '').replace(/^0+/, '') === b.replace(/^0+/, '');
  return false;
}

function findBed(r: MappedRow, places: PlaceIndex, moveIn: IsoDate | null, taken: Set<Id>): Bed | null {
  const accName = r.text('accommodation');
  const acc = places.accByName.get(foldName(accName));
  if (!acc) {
    r.error('accommodationUnknown', 'accommodation', { value: accName });
    return null;
  }
  let rooms = (places.roomsByAcc.get(acc.id) ?? []).filter((room) => foldName(room.number) === foldName(r.text('room')));
  const unitName = r.text('unit');
  if (unitName !== '') {
    const unit = (places.unitsByAcc.get(acc.id) ?? []).find((u) => foldName(u.name) === foldName(unitName));
    if (!unit) {
      r.error('unitUnknown', 'unit', { value: unitName, accommodation: acc.name });
      return null;
    }
    rooms = rooms.filter((room) => room.unitId === unit.id);
  }
  if (rooms.length === 0) {
    r.error('roomUnknown', 'room', { value: r.text('room'), accommodation: acc.name });
    return null;
  }
  if (rooms.length > 1) {
    r.error('roomAmbiguous', 'unit', { value: r.text('room'), accommodation: acc.name });
    return null;
  }
  const room = rooms[0]!;
  const beds = places.bedsByRoom.get(room.id) ?? [];
  const place = r.text('place');
  if (place !== '') {
    const bed = beds.find((b) => bedMatches(b, place));
    if (!bed) r.error('placeUnknown', 'place', { value: place, room: room.number });
    return bed ?? null;
  }
  if (!moveIn) return null;
  const free = beds.find((b) => !b.reserve && !taken.has(b.id) && places.isFree(b.id, moveIn));
  if (!free) r.error('roomFull', 'room', { value: room.number, accommodation: acc.name });
  return free ?? null;
}

export function planOccupancy(input: ImportInput, existing: ImportExisting): ImportPlan {
  const rows = dataRows(input);
  const records = emptyRecords();
  const sources = new Map<string, number>();
  const persons = new PersonIndex(existing.persons);
  const places = new PlaceIndex(existing);
  const households = new HouseholdBuilder();
  const seenPerson = new Map<string, number>();
  const takenBeds = new Set<Id>();
  const pending: { row: MappedRow; personId: Id; person: Person; bed: Bed; moveIn: IsoDate; isNew: boolean }[] = [];
  let matched = 0;

  for (const r of rows) {
    const id = readIdentity(r, input.today, false);
    let moveIn: IsoDate | null = null;
    const d = readDay(r.cell('moveIn'));
    if (d.ok) moveIn = d.value;
    else r.error(d.code === 'empty' ? 'required' : d.code, 'moveIn', { value: r.text('moveIn') });
    if (moveIn && moveIn > input.today) r.warning('moveInFuture', 'moveIn', { value: r.text('moveIn') });
    if (moveIn && id.birthDate && moveIn < id.birthDate) r.error('moveInBeforeBirth', 'moveIn');
    if (r.text('accommodation') === '') r.error('required', 'accommodation');
    if (r.text('room') === '') r.error('required', 'room');

    // Who?
    const fnKey = id.fileNumber ? fileNumberKey(id.fileNumber) : '';
    const nameKey = personKey(id.familyName, id.givenName, id.birthDate);
    let person: Person | undefined = fnKey ? persons.byFileNumber.get(fnKey) : undefined;
    if (!person && nameKey) {
      const byName = persons.byNameBirth.get(nameKey);
      if (byName && fnKey && byName.fileNumber.trim() !== '') {
        r.error('fileNumberMismatch', 'fileNumber', { value: id.fileNumber, known: byName.fileNumber });
      } else person = byName;
    }
    const isNew = !person;
    if (isNew && !r.hasErrors) {
      if (id.familyName === '' || id.givenName === '') {
        r.error(fnKey ? 'personUnknownNoName' : 'personNoIdentity', 'familyName', { value: id.fileNumber });
      }
    }
    const who = person ? `id:${person.id}` : fnKey ? `fn:${fnKey}` : nameKey ? `nb:${nameKey}` : `row:${r.number}`;
    const first = seenPerson.get(who);
    if (first !== undefined) {
      if (who.startsWith('fn:') || (person && fnKey)) r.error('duplicateFileNumber', 'fileNumber', { value: id.fileNumber, firstRow: first });
      else r.error('duplicatePerson', 'familyName', { value: `${id.givenName} ${id.familyName}`.trim(), firstRow: first });
    }
    else seenPerson.set(who, r.number);
    if (person?.deleted) r.error('personRemoved', 'familyName');

    const bed = r.text('accommodation') !== '' && r.text('room') !== '' ? findBed(r, places, moveIn, takenBeds) : null;
    // A new person's fields are checked even when the row already has an
    // error, so the preview lists all problems of the row at once. (When the
    // move-in day is unreadable the row is refused anyway; today only stands
    // in for the admission day so that no second, misleading message appears.)
    let target: Person | null = person ?? null;
    if (isNew) target = readPerson(r, input, id, moveIn ?? input.today);
    if (isNew && target) households.add(r, target);
    if (r.hasErrors || !target || !bed || !moveIn) continue;
    if (isNew) {
      records.persons.push(target);
      sources.set(sourceKey('persons', target.id), r.number);
    } else matched++;
    // Only a valid row holds its place for the free-place search of later rows;
    // two rows naming one place are reported by the occupancy rules below (both rows).
    takenBeds.add(bed.id);
    pending.push({ row: r, personId: target.id, person: target, bed, moveIn, isNew });
  }

  households.build(input, (h: Household, row) => {
    records.households.push(h);
    sources.set(sourceKey('households', h.id), row);
  });

  // The stays, then the occupancy rules over all of them at once.
  const rowOfStay = new Map<Id, number>();
  for (const p of pending) {
    const stay: Stay = {
      id: input.newId(),
      createdAt: input.now,
      updatedAt: input.now,
      personId: p.personId,
      bedId: p.bed.id,
      roomId: p.bed.roomId,
      accommodationId: p.bed.accommodationId,
      householdId: p.person.householdId,
      from: p.moveIn,
      to: null,
      endKind: null,
      departureReason: null,
      previousStayId: null,
      nextStayId: null,
      overrideReason: null,
    };
    records.stays.push(stay);
    rowOfStay.set(stay.id, p.row.number);
    sources.set(sourceKey('stays', stay.id), p.row.number);
  }
  const extra: ImportProblem[] = [];
  if (records.stays.length > 0) {
    const source = { ...existing, persons: [...existing.persons, ...records.persons], households: [...existing.households, ...records.households] };
    const violations = validateStayChanges(records.stays, buildValidationContext(source, records.stays));
    for (const v of violations) {
      const row = v.entity ? rowOfStay.get(v.entity.id) : undefined;
      if (row === undefined) continue;
      extra.push({ row, code: 'occupancyRule', rule: v.code, severity: v.severity, params: v.params });
      // The other stay of a clash inside the file gets the message too, so both rows are listed.
      for (const rel of v.related ?? []) {
        const other = rowOfStay.get(rel.id);
        if (other !== undefined && other !== row) extra.push({ row: other, code: 'occupancyRule', rule: v.code, severity: v.severity, params: v.params });
      }
    }
  }
  return finishPlan('occupancy', rows, extra, records, sources, matched);
}
