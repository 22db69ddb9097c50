// Bulk structure ("Haus A, Zimmer 1–20, je 4 Plätze"): the form model and
// the pure plan of records it creates. The plan is shown as a preview and
// written exactly as previewed, in one operation.
import { z } from 'zod';
import type { Bed, Id, Room, Unit } from '../../../shared/domain/model';

export const MAX_ROOMS = 500;
export const MAX_PLACES_PER_ROOM = 50;

const int = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, message)
    .refine((v) => Number(v) >= min && Number(v) <= max, message);

export const structureFormSchema = z
  .object({
    unitMode: z.enum(['new', 'existing']),
    unitId: z.string(),
    unitName: z.string().trim().max(80, 'validation.tooLong'),
    unitKind: z.enum(['building', 'flat']),
    roomPrefix: z.string().trim().max(20, 'validation.tooLong'),
    roomFrom: int(0, 99_999, 'structure.validation.roomNumber'),
    roomTo: int(0, 99_999, 'structure.validation.roomNumber'),
    placesPerRoom: int(1, MAX_PLACES_PER_ROOM, 'structure.validation.places'),
    areaM2: z
      .string()
      .trim()
      .regex(/^\d{1,4}([.,]\d{1,2})?$/, 'structure.validation.area')
      .refine((v) => Number(v.replace(',', '.')) > 0, 'structure.validation.area'),
    floor: z.string().trim().max(20, 'validation.tooLong'),
    restriction: z.enum(['none', 'women', 'men', 'family']),
    barrierFree: z.boolean(),
    reserve: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.unitMode === 'new' && v.unitName === '') ctx.addIssue({ code: 'custom', path: ['unitName'], message: 'structure.validation.unitName' });
    if (v.unitMode === 'existing' && v.unitId === '') ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'structure.validation.unitId' });
    const from = Number(v.roomFrom);
    const to = Number(v.roomTo);
    if (/^\d+$/.test(v.roomFrom) && /^\d+$/.test(v.roomTo)) {
      if (to < from) ctx.addIssue({ code: 'custom', path: ['roomTo'], message: 'structure.validation.toBeforeFrom' });
      else if (to - from + 1 > MAX_ROOMS) ctx.addIssue({ code: 'custom', path: ['roomTo'], message: 'structure.validation.tooMany' });
    }
  });

export type StructureFormValues = z.input<typeof structureFormSchema>;
export type StructureInput = z.output<typeof structureFormSchema>;

export const EMPTY_STRUCTURE_FORM: StructureFormValues = {
  unitMode: 'new',
  unitId: '',
  unitName: '',
  unitKind: 'building',
  roomPrefix: '',
  roomFrom: '1',
  roomTo: '1',
  placesPerRoom: '2',
  areaM2: '14',
  floor: '',
  restriction: 'none',
  barrierFree: false,
  reserve: false,
};

type NewRecord<T> = Omit<T, 'createdAt' | 'updatedAt'>;

export interface StructurePlan {
  unit: NewRecord<Unit> | null;
  unitId: Id;
  rooms: NewRecord<Room>[];
  beds: NewRecord<Bed>[];
  /** Room numbers that already exist in the chosen unit (the plan is refused). */
  duplicates: string[];
}

export interface ExistingRoom {
  unitId: Id;
  number: string;
  deleted?: boolean;
}

/** The records the form would create. `newId` makes ids (UUIDs in the app). */
export function planStructure(accommodationId: Id, v: StructureInput, existingRooms: readonly ExistingRoom[], newId: () => Id): StructurePlan {
  const unitId = v.unitMode === 'existing' ? v.unitId : newId();
  const unit: NewRecord<Unit> | null =
    v.unitMode === 'new'
      ? { id: unitId, accommodationId, kind: v.unitKind, name: v.unitName, ...(v.floor ? { floor: v.floor } : {}) }
      : null;
  const taken = new Set(existingRooms.filter((r) => !r.deleted && r.unitId === unitId).map((r) => r.number));
  const rooms: NewRecord<Room>[] = [];
  const beds: NewRecord<Bed>[] = [];
  const duplicates: string[] = [];
  const area = Number(v.areaM2.replace(',', '.'));
  const places = Number(v.placesPerRoom);
  for (let n = Number(v.roomFrom); n <= Number(v.roomTo); n++) {
    const number = `${v.roomPrefix}${n}`;
    if (taken.has(number)) duplicates.push(number);
    const roomId = newId();
    rooms.push({
      id: roomId,
      accommodationId,
      unitId,
      number,
      areaM2: area,
      restriction: v.restriction,
      barrierFree: v.barrierFree,
      ...(v.floor ? { floor: v.floor } : {}),
    });
    for (let p = 1; p <= places; p++) {
      beds.push({ id: newId(), accommodationId, roomId, label: String(p), reserve: v.reserve, order: p });
    }
  }
  return { unit, unitId, rooms, beds, duplicates };
}
