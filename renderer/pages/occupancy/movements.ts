// The movement lists of the Belegung page, computed from the placement data:
// what happens today, what is planned, what happened recently, which beds
// are blocked.
import { addDays } from '../../../shared/domain/dates';
import type { BedBlock, IsoDate, Stay } from '../../../shared/domain/model';
import type { PlacementLookup } from '../../features/operations/placementData';

export type MovementKind = 'checkIn' | 'move' | 'checkOut';

export interface Movement {
  kind: MovementKind;
  date: IsoDate;
  /** The stay that begins (check-in, move) or ends (check-out). */
  stay: Stay;
  /** For a move: the stay that ended. */
  previous?: Stay;
}

export interface Movements {
  today: Movement[];
  upcoming: Movement[];
  recent: Movement[];
  blocks: BedBlock[];
}

/** Horizon of "upcoming" and "recent", in days. */
export const MOVEMENT_WINDOW_DAYS = 14;

export function buildMovements(data: PlacementLookup, today: IsoDate, windowDays = MOVEMENT_WINDOW_DAYS): Movements {
  const stayById = new Map(data.stays.map((s) => [s.id, s] as const));
  const all: Movement[] = [];
  for (const s of data.stays) {
    const previous = s.previousStayId ? stayById.get(s.previousStayId) : undefined;
    all.push(previous ? { kind: 'move', date: s.from, stay: s, previous } : { kind: 'checkIn', date: s.from, stay: s });
    if (s.to !== null && s.endKind !== 'move') all.push({ kind: 'checkOut', date: s.to, stay: s });
  }
  const horizon = addDays(today, windowDays);
  const since = addDays(today, -windowDays);
  const byDate = (a: Movement, b: Movement) => a.date.localeCompare(b.date);
  return {
    today: all.filter((m) => m.date === today),
    // Planned: future check-ins/moves and planned check-outs.
    upcoming: all.filter((m) => m.date > today && m.date <= horizon).sort(byDate),
    recent: all.filter((m) => m.date < today && m.date >= since).sort((a, b) => byDate(b, a)),
    blocks: data.bedBlocks.filter((b) => b.from <= horizon && (b.until === null || b.until > today)).sort((a, b) => a.from.localeCompare(b.from)),
  };
}
