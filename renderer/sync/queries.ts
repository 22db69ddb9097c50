// Read-only queries for the sync UI (safe inside Dexie live queries).
import { withoutInlineState } from '../../shared/sync/inlineState';
import type { Bed, Person, Room, Stay } from '../../shared/domain/model';
import type { SyncConflict } from '../../shared/sync/conflicts';
import { parseHlc } from '../../shared/sync/hlc';
import type { QuartierDb } from '../db/db';
import { listConflicts, SK, type FlaggedChange } from './apply';
import { SYNC_STATE, type QuarantineEntry, type SyncInfo } from './engine';

export interface SyncOverview {
  info: SyncInfo;
  pending: number;
  conflicts: number;
  quarantined: number;
}

export async function readOverview(db: QuartierDb): Promise<SyncOverview> {
  const [info, pending, conflicts, quarantined] = await Promise.all([
    db.syncState.get(SYNC_STATE.info).then((r) => (r?.value as SyncInfo | undefined) ?? {}),
    db.outbox.filter((e) => !e.shipped).count(),
    listConflicts(db).then((l) => l.length),
    db.syncState.where('key').startsWith(SYNC_STATE.quarantinePrefix).count(),
  ]);
  return { info, pending, conflicts, quarantined };
}

export async function readQuarantine(db: QuartierDb): Promise<QuarantineEntry[]> {
  const rows = await db.syncState.where('key').startsWith(SYNC_STATE.quarantinePrefix).toArray();
  return rows.map((r) => r.value as QuarantineEntry).sort((a, b) => (a.path < b.path ? -1 : 1));
}

export async function readFlagged(db: QuartierDb): Promise<FlaggedChange[]> {
  const row = await db.syncState.get(SK.flagged);
  return (row?.value as FlaggedChange[] | undefined) ?? [];
}

/** A stay with the names the inbox shows next to it. */
export interface StaySide {
  stay: Stay;
  person: Person | undefined;
  bed: Bed | undefined;
  room: Room | undefined;
}

export interface ConflictDetail {
  conflict: SyncConflict;
  stays: StaySide[];
  record: Record<string, unknown> | undefined;
}

export async function readConflictDetails(db: QuartierDb): Promise<ConflictDetail[]> {
  const conflicts = await listConflicts(db);
  const out: ConflictDetail[] = [];
  for (const conflict of conflicts) {
    const stays: StaySide[] = [];
    let record: Record<string, unknown> | undefined;
    if (conflict.kind === 'field' || conflict.kind === 'edit-delete') {
      const ref = conflict.refs[0];
      const row = ref ? ((await db.table(ref.table).get(ref.id)) as Record<string, unknown> | undefined) : undefined;
      // The reserved merge-state field is bookkeeping, never shown.
      if (row) record = withoutInlineState(row);
    } else {
      for (const ref of conflict.refs) {
        const stay = (await db.table('stays').get(ref.id)) as Stay | undefined;
        if (!stay) continue;
        const [person, bed, room] = await Promise.all([
          db.table('persons').get(stay.personId) as Promise<Person | undefined>,
          db.table('beds').get(stay.bedId) as Promise<Bed | undefined>,
          db.table('rooms').get(stay.roomId) as Promise<Room | undefined>,
        ]);
        stays.push({ stay, person, bed, room });
      }
    }
    out.push({ conflict, stays, record });
  }
  return out;
}

/** Time and device of an HLC stamp, for display. */
export function describeStamp(hlc: string): { at: number; device: string } {
  try {
    const h = parseHlc(hlc);
    return { at: h.wallMs, device: h.node.slice(0, 8) };
  } catch {
    return { at: 0, device: '?' };
  }
}
