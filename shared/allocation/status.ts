// Life cycle of an allocation (Zuteilung):
//   geplant (planned) → entschieden (decided) → umgezogen (moved)
//   geplant / entschieden → aufgehoben (cancelled), with a reason.
// Moved and cancelled are final: a moved household is in the municipality's
// care, and a cancelled allocation is replaced by a new one, never revived,
// so the audit trail reads as the history of decisions.
import type { Allocation, AllocationStatus, Id } from '../domain/model';

export const ALLOCATION_STATUSES: readonly AllocationStatus[] = ['planned', 'decided', 'moved', 'cancelled'];

const TRANSITIONS: Record<AllocationStatus, readonly AllocationStatus[]> = {
  planned: ['decided', 'cancelled'],
  decided: ['moved', 'cancelled'],
  moved: [],
  cancelled: [],
};

export function allowedTransitions(from: AllocationStatus): readonly AllocationStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: AllocationStatus, to: AllocationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Open allocations (geplant, entschieden) still cover their persons: nobody may be allocated twice. */
export function isOpenAllocation(a: Pick<Allocation, 'status' | 'deleted'>): boolean {
  return !a.deleted && (a.status === 'planned' || a.status === 'decided');
}

/** Person id → the open allocation that covers the person. */
export function openAllocationsByPerson(allocations: readonly Allocation[]): Map<Id, Allocation> {
  const out = new Map<Id, Allocation>();
  for (const a of allocations) if (isOpenAllocation(a)) for (const p of a.personIds) out.set(p, a);
  return out;
}
