// What the allocation screens read: the cached dataset and occupancy index
// (shared with the other screens), the stored quota settings, and the
// ledger for a period computed from them.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { buildLedger, DEFAULT_QUOTA_SETTINGS, type Ledger, type QuotaSettings } from '../../../shared/allocation/ledger';
import { countyPlacesAt } from '../../../shared/allocation/countyPlaces';
import type { IsoDate } from '../../../shared/domain/model';
import { isIsoDate } from '../../../shared/domain/dates';
import type { QuartierDb } from '../../db/db';
import { useOccupancyData, type OccupancyData } from '../occupancy-data/hooks';
import { loadQuotaSettings } from './quotaSettings';

export interface Period {
  from: IsoDate;
  /** Inclusive last day. */
  to: IsoDate;
}

/** The calendar year of `today` (the usual quota period). */
export function yearPeriod(today: IsoDate): Period {
  const y = today.slice(0, 4);
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

export function isValidPeriod(p: Period): boolean {
  return isIsoDate(p.from) && isIsoDate(p.to) && p.from <= p.to;
}

export function useQuotaSettings(db: QuartierDb): QuotaSettings | undefined {
  return useLiveQuery(() => loadQuotaSettings(db), [db]);
}

/**
 * The ledger of `period` with `settings`; county places come from the
 * occupancy engine at the period's last day. null while loading or when the
 * input is invalid (the caller shows why).
 */
export function useLedger(data: OccupancyData, period: Period, settings: QuotaSettings | undefined): { ledger: Ledger | null; error: string | null } {
  const { index, dataset } = data;
  return useMemo(() => {
    if (!index || !settings || !isValidPeriod(period)) return { ledger: null, error: null };
    try {
      const ledger = buildLedger({
        municipalities: dataset.municipalities,
        allocations: dataset.allocations,
        countyPlaces: countyPlacesAt(index, period.to),
        period,
        settings,
      });
      return { ledger, error: null };
    } catch (e) {
      return { ledger: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [index, dataset.municipalities, dataset.allocations, period, settings]);
}

export { useOccupancyData, DEFAULT_QUOTA_SETTINGS };
