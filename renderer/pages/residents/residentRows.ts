// Rows of the residents list, computed from the placement data: one row per
// person with household, current place and the § 9 FlüAG deadline status.
import { diffDays } from '../../../shared/domain/dates';
import type { Id, IsoDate } from '../../../shared/domain/model';
import { currentStay, placeOf, plannedStay, type PlacementLookup } from '../../features/operations/placementData';
import { effectiveEndOf } from '../../features/operations/deadlines';

/** Due within this many days → highlighted ("Frist in 4 Wochen"). */
export const DEADLINE_WARNING_DAYS = 28;

export type DeadlineStatus = 'overdue' | 'due' | 'ok' | 'none';

export interface ResidentRow {
  id: Id;
  familyName: string;
  givenName: string;
  birthDate: IsoDate | null;
  fileNumber: string;
  householdId: Id | null;
  household: string;
  /** "Unterkunft · Zimmer" of the current (or, if none, the planned) stay. */
  place: string;
  accommodationId: Id | null;
  /** Start of the current stay; for a planned stay its future start. */
  since: IsoDate | null;
  planned: boolean;
  deadline: IsoDate | null;
  deadlineStatus: DeadlineStatus;
  daysLeft: number | null;
}

export function deadlineStatusOf(deadline: IsoDate | null, today: IsoDate): { status: DeadlineStatus; daysLeft: number | null } {
  if (!deadline) return { status: 'none', daysLeft: null };
  const daysLeft = diffDays(today, deadline);
  if (daysLeft <= 0) return { status: 'overdue', daysLeft };
  if (daysLeft <= DEADLINE_WARNING_DAYS) return { status: 'due', daysLeft };
  return { status: 'ok', daysLeft };
}

export function buildResidentRows(data: PlacementLookup, today: IsoDate): ResidentRow[] {
  return data.persons.map((p) => {
    const stays = data.staysByPerson.get(p.id);
    const current = currentStay(stays, today);
    const stay = current ?? plannedStay(stays, today);
    let place = '';
    if (stay) {
      const { accommodation, room } = placeOf(data, stay.bedId);
      place = [accommodation?.name, room?.number].filter(Boolean).join(' · ');
    }
    // The deadline matters while the person is (or will be) in county accommodation.
    const deadline = stay ? effectiveEndOf(p) : null;
    const { status, daysLeft } = deadlineStatusOf(deadline, today);
    return {
      id: p.id,
      familyName: p.familyName,
      givenName: p.givenName,
      birthDate: p.birthDate,
      fileNumber: p.fileNumber,
      householdId: p.householdId,
      household: p.householdId ? (data.householdById.get(p.householdId)?.name ?? '') : '',
      place,
      accommodationId: stay?.accommodationId ?? null,
      since: stay?.from ?? null,
      planned: !current && !!stay,
      deadline,
      deadlineStatus: status,
      daysLeft,
    };
  });
}
