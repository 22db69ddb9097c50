// Places the county itself runs inside each municipality, for the crediting
// (Anrechnung) of the quota ledger: the places of the accommodations open on
// the day, from the occupancy engine (the same figures the dashboard shows).
import type { Id, IsoDate } from '../domain/model';
import { figuresAsOf } from '../occupancy/figures';
import type { OccupancyIndex } from '../occupancy/occupancyIndex';

export function countyPlacesAt(index: OccupancyIndex, day: IsoDate): Map<Id, number> {
  const figures = figuresAsOf(index, day);
  return new Map(Object.entries(figures.byMunicipality).map(([id, f]) => [id, f.places]));
}
