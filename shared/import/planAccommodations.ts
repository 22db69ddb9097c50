// Accommodations with units, rooms and places. One row is a room (with a
// number of places, "Plätze") or a single place ("Platz"/"Bett"); rows of the
// same accommodation, unit and room are merged. An accommodation that
// already exists in Quartier (same name) is refused: the import creates new
// accommodations, it does not edit existing ones.
import type { Accommodation, AccommodationKind, Bed, Municipality, Room, Unit } from '../domain/model';
import { foldName } from './nationality';
import { dataRows, emptyRecords, finishPlan, sourceKey, type ImportExisting, type ImportInput, type ImportPlan } from './plan';
import { readAccommodationKind, readBoolean, readCount, readDay, readNumber, readRestriction } from './values';

/** Opening day when the list has none: early enough for every current stay. */
export const DEFAULT_OPENED_ON = '2000-01-01';

interface AccDraft {
  row: number;
  record: Accommodation;
  municipalityId: string;
  kind: AccommodationKind;
  units: Map<string, Unit>;
}

interface RoomDraft {
  row: number;
  record: Room;
  /** Rows that gave a count ("Plätze") for this room. */
  countRow: number | null;
  bedLabels: Map<string, number>;
}

export function findMunicipality(list: readonly Municipality[], text: string): Municipality | undefined {
  const t = text.trim();
  if (/^\d{8}$/.test(t)) return list.find((m) => !m.deleted && m.ags === t);
  const key = foldName(t);
  return list.find((m) => !m.deleted && foldName(m.name) === key);
}

export function planAccommodations(input: ImportInput, existing: ImportExisting): ImportPlan {
  const rows = dataRows(input);
  const records = emptyRecords();
  const sources = new Map<string, number>();
  const existingNames = new Set(existing.accommodations.filter((a) => !a.deleted).map((a) => foldName(a.name)));
  const accs = new Map<string, AccDraft>();
  const rooms = new Map<string, RoomDraft>();

  for (const r of rows) {
    const name = r.required('accommodation');
    const municipalityText = r.required('municipality');
    const roomNumber = r.required('room');
    const municipality = municipalityText ? findMunicipality(existing.municipalities, municipalityText) : undefined;
    if (municipalityText && !municipality) r.error('municipalityUnknown', 'municipality', { value: municipalityText });
    const kind = readAccommodationKind(r.cell('kind'));
    if (!kind.ok) r.error(kind.code, 'kind', { value: r.text('kind') });
    let openedOn = DEFAULT_OPENED_ON;
    if (r.cell('openedOn') !== null) {
      const d = readDay(r.cell('openedOn'));
      if (d.ok) openedOn = d.value;
      else r.error(d.code, 'openedOn', { value: r.text('openedOn') });
    }
    let area = 0;
    if (r.cell('area') !== null) {
      const a = readNumber(r.cell('area'));
      if (!a.ok) r.error(a.code, 'area', { value: r.text('area') });
      else if (a.value < 0 || a.value > 10_000) r.error('areaInvalid', 'area', { value: r.text('area') });
      else area = a.value;
    }
    const restriction = readRestriction(r.cell('restriction'));
    if (!restriction.ok) r.error(restriction.code, 'restriction', { value: r.text('restriction') });
    const barrierFree = readBoolean(r.cell('roomBarrierFree'));
    if (!barrierFree.ok) r.error(barrierFree.code, 'roomBarrierFree', { value: r.text('roomBarrierFree') });
    const place = r.text('place');
    let count: number | null = null;
    if (r.cell('places') !== null) {
      const c = readCount(r.cell('places'), 1, 100);
      if (c.ok) count = c.value;
      else r.error(c.code === 'empty' ? 'required' : 'placesInvalid', 'places', { value: r.text('places') });
    }
    if (place === '' && count === null && r.cell('places') === null) r.error('placesMissing', 'places');
    if (name && existingNames.has(foldName(name))) r.error('accommodationExists', 'accommodation', { value: name });
    if (r.hasErrors || !municipality || !kind.ok) continue;

    // Accommodation: the first row defines it; later rows must agree.
    const accKey = foldName(name);
    let acc = accs.get(accKey);
    if (!acc) {
      const city = r.text('city') || municipality.name;
      const record: Accommodation = {
        id: input.newId(),
        createdAt: input.now,
        updatedAt: input.now,
        name,
        kind: kind.value,
        address: { street: r.text('street'), zip: r.text('zip'), city },
        municipalityId: municipality.id,
        lease: { start: null, end: null, rentCents: null, rentFree: false },
        status: 'active',
        openedOn,
        closedOn: null,
        reservePlaces: 0,
      };
      if (r.text('operator')) record.operator = r.text('operator');
      if (r.text('landlord')) record.landlord = r.text('landlord');
      acc = { row: r.number, record, municipalityId: municipality.id, kind: kind.value, units: new Map() };
      accs.set(accKey, acc);
    } else if (acc.municipalityId !== municipality.id || acc.kind !== kind.value) {
      r.error('accommodationConflict', 'accommodation', { value: name, firstRow: acc.row });
      continue;
    }

    const unitName = r.text('unit') || (acc.kind === 'flat' ? 'Wohnung' : 'Haus 1');
    const unitKey = foldName(unitName);
    let unit = acc.units.get(unitKey);
    if (!unit) {
      unit = { id: input.newId(), createdAt: input.now, updatedAt: input.now, accommodationId: acc.record.id, kind: acc.kind === 'flat' ? 'flat' : 'building', name: unitName };
      acc.units.set(unitKey, unit);
      sources.set(sourceKey('units', unit.id), r.number);
    }

    const roomKey = `${accKey}\u0000${unitKey}\u0000${foldName(roomNumber)}`;
    let room = rooms.get(roomKey);
    if (!room) {
      const record: Room = {
        id: input.newId(),
        createdAt: input.now,
        updatedAt: input.now,
        accommodationId: acc.record.id,
        unitId: unit.id,
        number: roomNumber,
        areaM2: area,
        restriction: restriction.ok ? restriction.value : 'none',
        barrierFree: barrierFree.ok ? barrierFree.value : false,
      };
      if (r.text('floor')) record.floor = r.text('floor');
      room = { row: r.number, record, countRow: null, bedLabels: new Map() };
      rooms.set(roomKey, room);
      sources.set(sourceKey('rooms', record.id), r.number);
    } else {
      // The first row that gives an area sets it; a later, different area is a conflict.
      if (area !== 0 && room.record.areaM2 === 0) room.record.areaM2 = area;
      else if (area !== 0 && area !== room.record.areaM2) {
        r.error('roomConflict', 'area', { value: roomNumber, firstRow: room.row });
        continue;
      }
      if (place === '') {
        r.error('roomDuplicate', 'room', { value: roomNumber, firstRow: room.row });
        continue;
      }
    }

    const labels = place !== '' ? [place] : Array.from({ length: count ?? 0 }, (_, i) => `Bett ${room.bedLabels.size + i + 1}`);
    if (place === '') room.countRow = r.number;
    for (const label of labels) {
      const firstRow = room.bedLabels.get(foldName(label));
      if (firstRow !== undefined) {
        r.error('placeDuplicate', 'place', { value: label, firstRow });
        continue;
      }
      room.bedLabels.set(foldName(label), r.number);
      const bed: Bed = {
        id: input.newId(),
        createdAt: input.now,
        updatedAt: input.now,
        accommodationId: acc.record.id,
        roomId: room.record.id,
        label,
        reserve: false,
        order: room.bedLabels.size,
      };
      records.beds.push(bed);
      sources.set(sourceKey('beds', bed.id), r.number);
    }
  }

  for (const acc of accs.values()) {
    records.accommodations.push(acc.record);
    sources.set(sourceKey('accommodations', acc.record.id), acc.row);
    records.units.push(...acc.units.values());
  }
  for (const room of rooms.values()) records.rooms.push(room.record);
  return finishPlan('accommodations', rows, [], records, sources);
}

