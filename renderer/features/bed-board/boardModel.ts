// Builds the view model of the room/bed board (Belegungsplan) for one
// accommodation on one day: units → rooms → beds, each bed with its state.
// The state comes from the occupancy engine (shared/occupancy), so the board
// and the figures (Plätze, belegt, reserviert, gesperrt, frei) always agree.
import type { Bed, BlockReason, Id, IsoDate, Person, Room, Unit } from '../../../shared/domain/model';
import { toDayNumber } from '../../../shared/domain/dates';
import {
  BED_STATES,
  bedStateCode,
  type OccupancyIndex,
} from '../../../shared/occupancy/occupancyIndex';

export type BedState =
  | { kind: 'free' }
  /** A reserve place (Reserveplatz), free but held back. */
  | { kind: 'reserve' }
  | { kind: 'occupied'; personId: Id; personName: string; since: IsoDate; until: IsoDate | null; stayId: Id }
  | { kind: 'reserved'; personId: Id; personName: string; from: IsoDate; stayId: Id }
  | { kind: 'blocked'; reason: BlockReason; until: IsoDate | null; note?: string; blockId: Id };

export type BedStateKind = BedState['kind'];

export interface BedCardModel {
  bed: Bed;
  state: BedState;
  /** A planned stay after the day that is not (yet) shown as the state. */
  nextStay?: { personName: string; from: IsoDate } | null;
}

export interface RoomCardModel {
  room: Room;
  beds: BedCardModel[];
  /** Beds counted as places (all beds of the room). */
  places: number;
  /** Beds occupied on the day. */
  used: number;
  /** Wohn- und Schlaffläche per place held, null for rooms without beds. */
  areaPerPlace: number | null;
  /** True when areaPerPlace is below the applicable space standard. */
  belowStandard: boolean;
}

export interface UnitCardModel {
  unit: Unit;
  rooms: RoomCardModel[];
}

export function personDisplayName(p: Pick<Person, 'familyName' | 'givenName'> | undefined): string {
  if (!p) return '–';
  return p.givenName ? `${p.familyName}, ${p.givenName}` : p.familyName;
}

/** i18n key and params for a bed's label: "Platz 3" for bare numbers, else the label as entered ("Bett 3"). */
export function bedLabelKey(label: string): { key: 'board.bedLabel' | 'board.bedLabelRaw'; label: string } {
  return { key: /^\d+[a-z]?$/i.test(label.trim()) ? 'board.bedLabel' : 'board.bedLabelRaw', label };
}

const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });

/** State of bed position `b` of the index on day number `d`, with names. */
export function bedCardState(ix: OccupancyIndex, b: number, d: number): Pick<BedCardModel, 'state' | 'nextStay'> {
  const name = (personId: Id) => personDisplayName(ix.persons.get(personId));
  const kind = BED_STATES[bedStateCode(ix, b, d)] ?? 'free';
  let current: number | null = null;
  let next: number | null = null;
  for (let j = ix.stayOffset[b]!; j < ix.stayOffset[b + 1]!; j++) {
    if (ix.stayFrom[j]! <= d && ix.stayTo[j]! > d) current = j;
    else if (ix.stayFrom[j]! > d && next === null) next = j;
  }
  const nextStay = next === null ? null : { personName: name(ix.stays[next]!.personId), from: ix.stays[next]!.from };
  switch (kind) {
    case 'occupied': {
      const s = ix.stays[current!]!;
      return { state: { kind, personId: s.personId, personName: name(s.personId), since: s.from, until: s.to, stayId: s.id }, nextStay };
    }
    case 'reserved': {
      const s = ix.stays[next!]!;
      return { state: { kind, personId: s.personId, personName: name(s.personId), from: s.from, stayId: s.id }, nextStay: null };
    }
    case 'blocked': {
      let block = null;
      for (let j = ix.blockOffset[b]!; j < ix.blockOffset[b + 1]!; j++) {
        if (ix.blockFrom[j]! <= d && ix.blockTo[j]! > d) block = ix.blocks[j]!;
      }
      if (!block) return { state: { kind: 'free' }, nextStay };
      return {
        state: { kind, reason: block.reason, until: block.until, blockId: block.id, ...(block.note ? { note: block.note } : {}) },
        nextStay,
      };
    }
    case 'reserve':
      return { state: { kind: 'reserve' }, nextStay };
    default:
      return { state: { kind: 'free' }, nextStay };
  }
}

/**
 * Board of one accommodation on `day`. Units come from the caller (the index
 * holds only units that have rooms); rooms and beds from the index.
 */
export function buildBoard(ix: OccupancyIndex, accommodationId: Id, units: readonly Unit[], day: IsoDate, standardM2: number | null): UnitCardModel[] {
  const a = ix.accIndexById.get(accommodationId);
  const d = toDayNumber(day);
  const byUnit = new Map<Id, RoomCardModel[]>();
  if (a !== undefined) {
    for (let r = ix.accRoomOffset[a]!; r < ix.accRoomOffset[a + 1]!; r++) {
      const room = ix.rooms[r]!;
      const beds: BedCardModel[] = [];
      for (let b = ix.roomBedOffset[r]!; b < ix.roomBedOffset[r + 1]!; b++) {
        beds.push({ bed: ix.beds[b]!, ...bedCardState(ix, b, d) });
      }
      const places = beds.length;
      const areaPerPlace = places > 0 ? room.areaM2 / places : null;
      const model: RoomCardModel = {
        room,
        beds,
        places,
        used: beds.filter((c) => c.state.kind === 'occupied').length,
        areaPerPlace,
        belowStandard: areaPerPlace !== null && standardM2 !== null && areaPerPlace < standardM2,
      };
      const list = byUnit.get(room.unitId);
      if (list) list.push(model);
      else byUnit.set(room.unitId, [model]);
    }
  }
  return units
    .filter((u) => !u.deleted && u.accommodationId === accommodationId)
    .sort((x, y) => collator.compare(x.name, y.name))
    .map((unit) => ({ unit, rooms: byUnit.get(unit.id) ?? [] }));
}
