// Adapter to the § 9 FlüAG deadline rules for the residents screens.
// TEMPORARY local implementation until shared/occupancy deadlines land.
import { addMonths } from '../../../shared/domain/dates';
import type { IsoDate, Person } from '../../../shared/domain/model';

export function effectiveEndOf(p: Person): IsoDate {
  if (p.extension) return p.extension.until;
  const months = p.legalBasis === 'asylum' || p.legalBasis === 'other' ? 24 : 6;
  return addMonths(p.admissionDate, months);
}
