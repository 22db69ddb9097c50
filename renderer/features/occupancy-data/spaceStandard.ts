// The § 8 FlüAG space standard in force on a day. The setting (default m²
// per place plus dated exceptions) lives in the local settings table under
// `spaceStandard`; until the office has set it, the engine's default applies.
import { useLiveQuery } from 'dexie-react-hooks';
import type { IsoDate } from '../../../shared/domain/model';
import { isIsoDate } from '../../../shared/domain/dates';
import { DEFAULT_SPACE_STANDARD, spaceStandardAt, type SpaceStandardSetting } from '../../../shared/occupancy/spaceStandard';
import { getDb, type QuartierDb } from '../../db/db';

export const SPACE_STANDARD_SETTING_KEY = 'spaceStandard';

function isSetting(v: unknown): v is SpaceStandardSetting {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<SpaceStandardSetting>;
  return (
    typeof s.defaultM2PerPlace === 'number' &&
    s.defaultM2PerPlace > 0 &&
    Array.isArray(s.exceptions) &&
    s.exceptions.every((e) => isIsoDate(e.from) && (e.to === null || isIsoDate(e.to)) && typeof e.m2PerPlace === 'number')
  );
}

/** The stored setting, or the default when missing or malformed. */
export function useSpaceStandardSetting(db: QuartierDb = getDb()): SpaceStandardSetting {
  const stored = useLiveQuery(async () => (await db.settings.get(SPACE_STANDARD_SETTING_KEY))?.value, [db]);
  return isSetting(stored) ? stored : DEFAULT_SPACE_STANDARD;
}

/** m² per place required on `day`. */
export function useSpaceStandard(day: IsoDate, db?: QuartierDb): number {
  return spaceStandardAt(useSpaceStandardSetting(db), day);
}
