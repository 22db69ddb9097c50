// § 8 FlüAG living-space standard: on average at least 7 m² Wohn- und
// Schlaffläche per place held, county-wide. Temporarily lowered (4.5 m²) by
// ministry circular; the exception periods are a dated setting. Checked per
// room, per accommodation and for the county; results are warnings.
import type { IsoDate } from '../domain/model';
import { figuresAsOf, type FiguresAsOf } from './figures';
import type { OccupancyIndex } from './occupancyIndex';
import { warning, type Violation } from './violation';

export interface SpaceStandardException {
  from: IsoDate;
  /** Exclusive end; null = until further notice. */
  to: IsoDate | null;
  m2PerPlace: number;
}

export interface SpaceStandardSetting {
  defaultM2PerPlace: number;
  exceptions: SpaceStandardException[];
}

/**
 * Default: 7 m²; 4.5 m² for 2022–2023 (the ministry's temporary lowering as
 * described in the domain notes). The office adjusts the period in settings.
 */
export const DEFAULT_SPACE_STANDARD: SpaceStandardSetting = {
  defaultM2PerPlace: 7,
  exceptions: [{ from: '2022-01-01', to: '2024-01-01', m2PerPlace: 4.5 }],
};

/** The m² per place required on `day` (the first exception covering the day wins). */
export function spaceStandardAt(setting: SpaceStandardSetting, day: IsoDate): number {
  for (const e of setting.exceptions) {
    if (e.from <= day && (e.to === null || day < e.to)) return e.m2PerPlace;
  }
  return setting.defaultM2PerPlace;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Warnings for rooms, accommodations and the county below the standard on
 * `day` (places as held: every counted bed, whatever its state). Pass
 * precomputed figures with rooms to avoid recomputing them.
 */
export function checkSpaceStandard(
  ix: OccupancyIndex,
  day: IsoDate,
  setting: SpaceStandardSetting = DEFAULT_SPACE_STANDARD,
  figures?: FiguresAsOf,
): Violation[] {
  const f = figures?.byRoom ? figures : figuresAsOf(ix, day, { rooms: true });
  const required = spaceStandardAt(setting, day);
  const out: Violation[] = [];
  for (const room of ix.rooms) {
    const rf = f.byRoom?.[room.id];
    if (!rf || rf.m2PerPlace === null || rf.m2PerPlace >= required) continue;
    const acc = ix.accommodations[ix.accIndexById.get(room.accommodationId)!];
    out.push(
      warning(
        'space.room',
        { room: room.number, accommodation: acc?.name ?? '?', actual: round2(rf.m2PerPlace), required, places: rf.places, areaM2: round2(rf.areaM2) },
        { table: 'rooms', id: room.id },
      ),
    );
  }
  for (const acc of ix.accommodations) {
    const af = f.byAccommodation[acc.id];
    if (!af || af.m2PerPlace === null || af.m2PerPlace >= required) continue;
    out.push(
      warning(
        'space.accommodation',
        { accommodation: acc.name, actual: round2(af.m2PerPlace), required, places: af.places, areaM2: round2(af.areaM2) },
        { table: 'accommodations', id: acc.id },
      ),
    );
  }
  if (f.county.m2PerPlace !== null && f.county.m2PerPlace < required) {
    out.push(warning('space.county', { actual: round2(f.county.m2PerPlace), required, places: f.county.places, areaM2: round2(f.county.areaM2) }));
  }
  return out;
}
