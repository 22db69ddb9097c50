// Conflicts every laptop computes identically from the merged state
// (guarantees 2 and 3). They are derived data: a conflict exists while the
// state that causes it exists, and goes away only through an ordinary synced
// change (cancel or end a stay, restore or re-delete a record, pick a field
// value). So no laptop can "resolve" a conflict silently on its own.
//
// Kinds
// - bed-double-booking  two active stays overlap on one bed
// - person-double-stay  one person has two active stays at once in different beds
// - room-over-capacity  at some day more stays count against a room than it
//                       has beds (a stay in a removed bed or a bed of another
//                       room); a double-booked bed counts once here because
//                       it already is a bed-double-booking conflict
// - edit-delete         a record was deleted by a laptop that had not seen an edit
// - field               two laptops set a field to different values concurrently
//
// Ids are hashes of the kind and the sorted ids involved, so they are the
// same on every laptop. Scopes ('bed:<id>', 'person:<id>', 'room:<id>',
// 'rec:<table>:<id>') say which part of the data a conflict belongs to; the
// apply step recomputes exactly the scopes a change touched.
import { periodsOverlap } from '../domain/dates';
import type { Bed, EntityTable, Id, IsoDate, Stay } from '../domain/model';
import { stableHash } from './hash';
import { journalOf, unseenEditsOfDelete, type FieldWrite, type PlainRecord, type SyncRecordState } from './merge';

export type SyncConflictKind = 'bed-double-booking' | 'person-double-stay' | 'room-over-capacity' | 'edit-delete' | 'field';

export interface ConflictRef {
  table: EntityTable;
  id: Id;
}

export interface ConflictVersion {
  hlc: string;
  value: unknown;
  winner: boolean;
}

export interface SyncConflict {
  id: string;
  kind: SyncConflictKind;
  scope: string;
  /** Records involved (stays for occupancy conflicts, the record otherwise), sorted. */
  refs: ConflictRef[];
  /** First day the problem exists (occupancy conflicts). */
  fromDate?: IsoDate;
  /** field conflicts: the field; edit-delete: the fields edited unseen. */
  fields?: string[];
  /** field conflicts: every concurrent version, winner first. */
  versions?: ConflictVersion[];
  /** edit-delete: stamp of the delete. */
  deleteHlc?: string;
}

export function conflictId(kind: SyncConflictKind, parts: readonly string[]): string {
  return `${kind}-${stableHash(`${kind}|${parts.join('|')}`).slice(0, 24)}`;
}

function isActive(s: Stay): boolean {
  return !s.deleted && !s.cancelled;
}

function byId<T extends { id: Id }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

function pairConflicts(kind: 'bed-double-booking' | 'person-double-stay', scope: string, stays: readonly Stay[], samePlaceCounts: boolean): SyncConflict[] {
  const active = stays.filter(isActive).sort(byId);
  const out: SyncConflict[] = [];
  for (let i = 0; i < active.length; i++) {
    for (let j = i + 1; j < active.length; j++) {
      const a = active[i]!;
      const b = active[j]!;
      if (!samePlaceCounts && a.bedId === b.bedId) continue;
      if (!periodsOverlap(a.from, a.to, b.from, b.to)) continue;
      out.push({
        id: conflictId(kind, [a.id, b.id]),
        kind,
        scope,
        refs: [
          { table: 'stays', id: a.id },
          { table: 'stays', id: b.id },
        ],
        fromDate: laterOf(a.from, b.from),
      });
    }
  }
  return out;
}

/** Two active stays overlapping on one bed. `stays` = all stays of the bed. */
export function bedConflicts(bedId: Id, stays: readonly Stay[]): SyncConflict[] {
  return pairConflicts('bed-double-booking', `bed:${bedId}`, stays.filter((s) => s.bedId === bedId), true);
}

/** One person in two different beds at once. `stays` = all stays of the person. */
export function personConflicts(personId: Id, stays: readonly Stay[]): SyncConflict[] {
  return pairConflicts('person-double-stay', `person:${personId}`, stays.filter((s) => s.personId === personId), false);
}

/**
 * More stays than beds in a room on some day. `stays` = all stays with this
 * roomId, `beds` = all beds with this roomId plus the beds those stays point to.
 */
export function roomConflicts(roomId: Id, stays: readonly Stay[], beds: readonly Bed[]): SyncConflict[] {
  const bedById = new Map(beds.map((b) => [b.id, b]));
  const capacity = beds.filter((b) => !b.deleted && b.roomId === roomId).length;
  const active = stays.filter((s) => isActive(s) && s.roomId === roomId).sort(byId);
  const days = [...new Set(active.map((s) => s.from))].sort();
  for (const day of days) {
    const present = active.filter((s) => s.from <= day && (s.to === null || day < s.to));
    const places = new Set<string>();
    for (const s of present) {
      const bed = bedById.get(s.bedId);
      const validBed = bed && !bed.deleted && bed.roomId === roomId;
      // A valid bed counts once however many stays it has; a stay in a
      // removed or foreign bed takes a place of its own.
      places.add(validBed ? `bed:${s.bedId}` : `stay:${s.id}`);
    }
    if (places.size > capacity) {
      return [
        {
          id: conflictId('room-over-capacity', [roomId, ...present.map((s) => s.id)]),
          kind: 'room-over-capacity',
          scope: `room:${roomId}`,
          refs: present.map((s) => ({ table: 'stays' as const, id: s.id })),
          fromDate: day,
        },
      ];
    }
  }
  return [];
}

/** Field conflicts and edit-vs-delete of one record, from its merge state. */
export function recordConflicts(table: EntityTable, record: PlainRecord | undefined, state: SyncRecordState | undefined): SyncConflict[] {
  if (!record) return [];
  const scope = `rec:${table}:${record.id}`;
  const out: SyncConflict[] = [];
  for (const { field, heads } of journalOf(record, state)) {
    out.push({
      id: conflictId('field', [table, record.id, field, ...heads.map((h) => h.h).sort()]),
      kind: 'field',
      scope,
      refs: [{ table, id: record.id }],
      fields: [field],
      versions: heads.map((h: FieldWrite, i) => ({ hlc: h.h, value: h.v, winner: i === 0 })),
    });
  }
  const unseen = unseenEditsOfDelete(record, state);
  if (unseen.length > 0) {
    const deleteHlc = state?.f?.deleted?.w ?? '';
    out.push({
      id: conflictId('edit-delete', [table, record.id, deleteHlc]),
      kind: 'edit-delete',
      scope,
      refs: [{ table, id: record.id }],
      fields: [...new Set(unseen.map((u) => u.field))].sort(),
      versions: unseen.map((u) => ({ hlc: u.write.h, value: u.write.v, winner: false })),
      deleteHlc,
    });
  }
  return out;
}

/** The scopes a stay or bed belongs to. */
export function scopesOf(table: EntityTable, record: PlainRecord | undefined): string[] {
  if (!record) return [];
  const out = [`rec:${table}:${record.id}`];
  if (table === 'stays') {
    const s = record as unknown as Stay;
    out.push(`bed:${s.bedId}`, `person:${s.personId}`, `room:${s.roomId}`);
  } else if (table === 'beds') {
    const b = record as unknown as Bed;
    out.push(`room:${b.roomId}`, `bed:${b.id}`);
  }
  return out;
}

export function sortConflicts(list: SyncConflict[]): SyncConflict[] {
  return list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Every conflict of a whole dataset at once (after loading a snapshot),
 * computed in memory; grouped by scope. Same rules and ids as the
 * incremental checks.
 */
export function allConflicts(
  data: { stays: readonly Stay[]; beds: readonly Bed[] },
  records: Iterable<{ table: EntityTable; record: PlainRecord | undefined; state: SyncRecordState | undefined }>,
): Map<string, SyncConflict[]> {
  const out = new Map<string, SyncConflict[]>();
  const group = <T>(list: readonly T[], key: (t: T) => string) => {
    const m = new Map<string, T[]>();
    for (const x of list) {
      const k = key(x);
      const l = m.get(k);
      if (l) l.push(x);
      else m.set(k, [x]);
    }
    return m;
  };
  const put = (scope: string, list: SyncConflict[]) => {
    if (list.length > 0) out.set(scope, list);
  };
  for (const [bedId, list] of group(data.stays, (s) => s.bedId)) put(`bed:${bedId}`, bedConflicts(bedId, list));
  for (const [personId, list] of group(data.stays, (s) => s.personId)) put(`person:${personId}`, personConflicts(personId, list));
  const bedsById = new Map(data.beds.map((b) => [b.id, b]));
  const bedsByRoom = group(data.beds, (b) => b.roomId);
  for (const [roomId, list] of group(data.stays, (s) => s.roomId)) {
    const beds = [...(bedsByRoom.get(roomId) ?? [])];
    for (const s of list) {
      const b = bedsById.get(s.bedId);
      if (b && b.roomId !== roomId) beds.push(b);
    }
    put(`room:${roomId}`, roomConflicts(roomId, list, beds));
  }
  for (const { table, record, state } of records) {
    if (!record || !state?.f) continue;
    put(`rec:${table}:${record.id}`, recordConflicts(table, record, state));
  }
  return out;
}
