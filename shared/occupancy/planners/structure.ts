// Bulk structure editing: one line per group of rooms, in the words the
// office uses, e.g.
//   Haus A, Zimmer 1–20, je 4 Plätze, 16 m²
//   Haus B: Zimmer 1.01–1.12 je 2 Plätze, Frauen, barrierefrei
//   Wohnung 3: 3 Zimmer je 2 Plätze, 12 m²
// Lines may also be separated by ';'. Ranges accept an en dash, em dash or
// hyphen. Optional attributes after the places (comma-separated, any order):
// area per room ("16 m²", "16 qm", "je 16 m2"), restriction ("Frauen",
// "Männer", "Familie"), "barrierefrei", floor ("EG", "2. OG", "DG", "UG").
// A unit whose name starts with "Wohnung" is a flat, otherwise a building.
// Rooms of "N Zimmer" are numbered 1..N within the unit. Existing units are
// reused by name; existing room numbers in a unit are an error.
import type { Accommodation, Bed, Room, RoomRestriction, Unit, UnitKind } from '../../domain/model';
import { error, warning, type Violation } from '../violation';
import { planResult, type PlanDeps, type PlanResult } from './plan';

export const MAX_ROOMS_PER_LINE = 500;
export const MAX_BEDS_PER_ROOM = 50;

export interface StructureLine {
  /** 1-based line number in the input. */
  line: number;
  unitName: string;
  unitKind: UnitKind;
  roomNumbers: string[];
  bedsPerRoom: number;
  areaM2: number | null;
  restriction: RoomRestriction;
  barrierFree: boolean;
  floor: string | null;
}

const LINE =
  /^(?<unit>[^:,]+?)\s*[:,]\s*(?:(?<count>\d+)\s+Zimmer|Zimmer\s+(?<range>[\d.]+(?:\s*[–—-]\s*[\d.]+)?))\s*,?\s*(?:mit\s+)?(?:je|à|a)\s+(?<beds>\d+)\s+(?:Bettplätzen?|Plätzen?|Platz|Plaetzen?|Betten|Bett)\b\s*(?<rest>(?:,.*)?)$/iu;
const AREA = /^(?:je\s+)?(\d+(?:[.,]\d+)?)\s*(?:m²|m2|qm)$/iu;
const FLOOR = /^(?:EG|UG|DG|KG|Erdgeschoss|Dachgeschoss|\d+\.\s*(?:OG|Obergeschoss|Stock))$/iu;

/** Expands "1–20", "1.01–1.12", "101-120" or a single "5" into room numbers. */
function expandRange(text: string): string[] | null {
  const parts = text.split(/\s*[–—-]\s*/u);
  const split = (s: string): { prefix: string; digits: string } | null => {
    const m = /^((?:\d+\.)*)(\d+)$/u.exec(s);
    return m ? { prefix: m[1] ?? '', digits: m[2] ?? '' } : null;
  };
  const start = split(parts[0] ?? '');
  if (!start) return null;
  if (parts.length === 1) return [`${start.prefix}${start.digits}`];
  if (parts.length !== 2) return null;
  let end = split(parts[1] ?? '');
  if (!end) return null;
  if (end.prefix === '' && start.prefix !== '') end = { prefix: start.prefix, digits: end.digits };
  if (end.prefix !== start.prefix) return null;
  const a = Number(start.digits);
  const b = Number(end.digits);
  if (b < a) return null;
  if (b - a + 1 > MAX_ROOMS_PER_LINE) return [];
  const width = start.digits.startsWith('0') ? start.digits.length : 0;
  const out: string[] = [];
  for (let i = a; i <= b; i++) out.push(`${start.prefix}${String(i).padStart(width, '0')}`);
  return out;
}

export interface ParsedStructure {
  lines: StructureLine[];
  violations: Violation[];
}

export function parseStructureSpec(text: string): ParsedStructure {
  const lines: StructureLine[] = [];
  const violations: Violation[] = [];
  const raw = text.split(/\r?\n/u);
  raw.forEach((rawLine, i) => {
    for (const piece of rawLine.split(';')) {
      const src = piece.trim();
      if (!src) continue;
      const lineNo = i + 1;
      const m = LINE.exec(src);
      const g = m?.groups;
      if (!g) {
        violations.push(error('structure.unparseable', { line: lineNo, text: src }));
        continue;
      }
      const unitName = (g.unit ?? '').trim();
      let roomNumbers: string[] | null;
      if (g.count !== undefined) {
        const count = Number(g.count);
        roomNumbers = count > MAX_ROOMS_PER_LINE ? [] : Array.from({ length: count }, (_, k) => String(k + 1));
      } else {
        roomNumbers = expandRange(g.range ?? '');
      }
      if (roomNumbers === null) {
        violations.push(error('structure.rangeInvalid', { line: lineNo, text: g.range ?? '' }));
        continue;
      }
      if (roomNumbers.length === 0) {
        violations.push(error('structure.tooManyRooms', { line: lineNo, max: MAX_ROOMS_PER_LINE }));
        continue;
      }
      const bedsPerRoom = Number(g.beds);
      if (bedsPerRoom < 1 || bedsPerRoom > MAX_BEDS_PER_ROOM) {
        violations.push(error('structure.bedsInvalid', { line: lineNo, max: MAX_BEDS_PER_ROOM }));
        continue;
      }
      const parsed: StructureLine = {
        line: lineNo,
        unitName,
        unitKind: /^wohnung\b/iu.test(unitName) ? 'flat' : 'building',
        roomNumbers,
        bedsPerRoom,
        areaM2: null,
        restriction: 'none',
        barrierFree: false,
        floor: null,
      };
      let attrsOk = true;
      // A comma followed by a digit is a decimal comma ("12,5 m²"), not a separator.
      for (const attr of (g.rest ?? '').split(/,(?!\d)/u).map((s) => s.trim()).filter(Boolean)) {
        const area = AREA.exec(attr);
        if (area) parsed.areaM2 = Number((area[1] ?? '0').replace(',', '.'));
        else if (/^(?:nur\s+)?frauen(?:zimmer)?$/iu.test(attr)) parsed.restriction = 'women';
        else if (/^(?:nur\s+)?(?:männer|maenner)(?:zimmer)?$/iu.test(attr)) parsed.restriction = 'men';
        else if (/^famili(?:e|en|enzimmer)$/iu.test(attr)) parsed.restriction = 'family';
        else if (/^barrierefrei$/iu.test(attr)) parsed.barrierFree = true;
        else if (FLOOR.test(attr)) parsed.floor = attr;
        else {
          violations.push(error('structure.unknownAttribute', { line: lineNo, text: attr }));
          attrsOk = false;
        }
      }
      if (attrsOk) lines.push(parsed);
    }
  });
  if (lines.length === 0 && violations.length === 0) violations.push(error('structure.empty'));
  return { lines, violations };
}

/** Existing structure of the accommodation (units, rooms, beds). */
export interface StructureContext {
  accommodation: Accommodation | undefined;
  units: readonly Unit[];
  rooms: readonly Room[];
  beds?: readonly Bed[];
}

export interface StructurePlanResult extends PlanResult {
  summary: { units: number; rooms: number; beds: number };
  lines: StructureLine[];
}

/** Parses the spec and expands it into new units, rooms and beds. */
export function planStructure(text: string, ctx: StructureContext, deps: PlanDeps): StructurePlanResult {
  const parsed = parseStructureSpec(text);
  const violations = [...parsed.violations];
  const acc = ctx.accommodation;
  if (!acc || acc.deleted) violations.push(error('structure.accommodationMissing'));
  const newUnits: Unit[] = [];
  const newRooms: Room[] = [];
  const newBeds: Bed[] = [];
  if (acc && !acc.deleted) {
    const unitsByName = new Map<string, Unit>();
    for (const u of ctx.units) if (!u.deleted && u.accommodationId === acc.id) unitsByName.set(u.name.toLocaleLowerCase('de'), u);
    const roomKeys = new Set<string>();
    for (const r of ctx.rooms) if (!r.deleted && r.accommodationId === acc.id) roomKeys.add(`${r.unitId}|${r.number}`);
    for (const line of parsed.lines) {
      const key = line.unitName.toLocaleLowerCase('de');
      let unit = unitsByName.get(key);
      if (!unit) {
        unit = { id: deps.newId(), createdAt: deps.now, updatedAt: deps.now, accommodationId: acc.id, kind: line.unitKind, name: line.unitName };
        if (line.floor) unit.floor = line.floor;
        unitsByName.set(key, unit);
        newUnits.push(unit);
      }
      if (line.areaM2 === null) violations.push(warning('structure.areaMissing', { line: line.line, unit: line.unitName }));
      for (const number of line.roomNumbers) {
        const roomKey = `${unit.id}|${number}`;
        if (roomKeys.has(roomKey)) {
          violations.push(error('structure.roomExists', { line: line.line, unit: line.unitName, room: number }));
          continue;
        }
        roomKeys.add(roomKey);
        const room: Room = {
          id: deps.newId(),
          createdAt: deps.now,
          updatedAt: deps.now,
          accommodationId: acc.id,
          unitId: unit.id,
          number,
          areaM2: line.areaM2 ?? 0,
          restriction: line.restriction,
          barrierFree: line.barrierFree,
        };
        if (line.floor) room.floor = line.floor;
        newRooms.push(room);
        for (let k = 1; k <= line.bedsPerRoom; k++) {
          newBeds.push({ id: deps.newId(), createdAt: deps.now, updatedAt: deps.now, accommodationId: acc.id, roomId: room.id, label: String(k), reserve: false, order: k });
        }
      }
    }
  }
  const result = planResult('accommodation.structure', violations, { units: newUnits, rooms: newRooms, beds: newBeds });
  return {
    ...result,
    lines: parsed.lines,
    summary: result.ok ? { units: newUnits.length, rooms: newRooms.length, beds: newBeds.length } : { units: 0, rooms: 0, beds: 0 },
  };
}
