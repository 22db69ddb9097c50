// Import of the office's Excel/CSV lists: pure part (no DOM, no Node).
// See docs/import.md for formats, columns, matching rules and limits.
import type { ImportExisting, ImportInput, ImportPlan } from './plan';
import { planAccommodations } from './planAccommodations';
import { planOccupancy } from './planOccupancy';
import { planResidents } from './planResidents';

export * from './csv';
export * from './encoding';
export * from './fields';
export * from './nationality';
export * from './plan';
export * from './table';
export * from './values';
export { planAccommodations, planOccupancy, planResidents };
export { DEFAULT_OPENED_ON, findMunicipality } from './planAccommodations';

/** Plans an import of any kind. Never throws for bad rows: they become problems. */
export function planImport(input: ImportInput, existing: ImportExisting): ImportPlan {
  switch (input.kind) {
    case 'accommodations':
      return planAccommodations(input, existing);
    case 'residents':
      return planResidents(input, existing);
    case 'occupancy':
      return planOccupancy(input, existing);
  }
}
