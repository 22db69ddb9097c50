// What every report builder receives: the recorded data, the occupancy
// engine's index over it (shared/occupancy) and the authority's name. The
// builders never count occupancy themselves; they read the engine's figures.
import type { Dataset, Household, Id, Municipality, Person } from '../domain/model';
import type { OccupancyIndex } from '../occupancy/occupancyIndex';

export interface ReportContext {
  data: Dataset;
  index: OccupancyIndex;
  authority: string;
}

export interface ReportLookups {
  persons: Map<Id, Person>;
  households: Map<Id, Household>;
  municipalities: Map<Id, Municipality>;
}

const cache = new WeakMap<Dataset, ReportLookups>();

/** Id maps over the dataset, memoised per dataset object. */
export function lookups(data: Dataset): ReportLookups {
  let l = cache.get(data);
  if (!l) {
    l = {
      persons: new Map(data.persons.map((p) => [p.id, p])),
      households: new Map(data.households.map((h) => [h.id, h])),
      municipalities: new Map(data.municipalities.map((m) => [m.id, m])),
    };
    cache.set(data, l);
  }
  return l;
}

export function personLabel(p: Person | undefined): string {
  return p ? `${p.familyName}, ${p.givenName}` : '(unbekannt)';
}
