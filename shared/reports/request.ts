// A report request as the UI and the export worker pass it around, and the
// one dispatcher that turns a request into a model.
import { isIsoDate } from '../domain/dates';
import type { Id, IsoDate } from '../domain/model';
import type { ReportContext } from './context';
import type { ReportModel } from './model';
import { deadlinesReport } from './builders/deadlines';
import { freePlacesReport } from './builders/freePlaces';
import { movementsReport } from './builders/movements';
import { occupancyDaysReport } from './builders/occupancyDays';
import { occupancyListReport } from './builders/occupancyList';
import { occupancyOverviewReport } from './builders/occupancyOverview';
import { buildLedger, validateQuotaSettings, type QuotaSettings } from '../allocation/ledger';
import { countyPlacesAt } from '../allocation/countyPlaces';
import { quotaLedgerReport } from '../allocation/ledgerReport';

export type ReportRequest =
  | { kind: 'occupancyList'; accommodationId: Id; day: IsoDate }
  | { kind: 'occupancyOverview'; day: IsoDate }
  | { kind: 'occupancyDays'; fromMonth: string; toMonth: string }
  | { kind: 'movements'; from: IsoDate; to: IsoDate }
  | { kind: 'freePlaces'; day: IsoDate }
  | { kind: 'deadlines'; weeks: number }
  /** Zuteilungsquote for a period (inclusive days) with key, weights and crediting (docs/allocation.md). */
  | { kind: 'quotaLedger'; from: IsoDate; to: IsoDate; settings: QuotaSettings };

function requireDay(day: string, label: string): void {
  if (!isIsoDate(day)) throw new Error(`${label}: bitte ein gültiges Datum angeben.`);
}

/** Builds the model of a request. `today` is the device's calendar day. Throws with a German message on bad input. */
export function buildReport(ctx: ReportContext, request: ReportRequest, today: IsoDate): ReportModel {
  switch (request.kind) {
    case 'occupancyList':
      requireDay(request.day, 'Stichtag');
      return occupancyListReport(ctx, request.accommodationId, request.day);
    case 'occupancyOverview':
      requireDay(request.day, 'Stichtag');
      return occupancyOverviewReport(ctx, request.day);
    case 'occupancyDays':
      return occupancyDaysReport(ctx, request.fromMonth, request.toMonth);
    case 'movements':
      requireDay(request.from, 'Beginn');
      requireDay(request.to, 'Ende');
      return movementsReport(ctx, request.from, request.to, today);
    case 'freePlaces':
      requireDay(request.day, 'Stichtag');
      return freePlacesReport(ctx, request.day);
    case 'deadlines':
      return deadlinesReport(ctx, today, request.weeks);
    case 'quotaLedger': {
      requireDay(request.from, 'Beginn');
      requireDay(request.to, 'Ende');
      if (request.to < request.from) throw new Error('Das Ende des Zeitraums liegt vor dem Beginn.');
      const problems = validateQuotaSettings(request.settings);
      if (problems.length > 0) throw new Error(problems.join(' '));
      // County places for the crediting: the places open on the period's last day, as on the Quote tab.
      const ledger = buildLedger({
        municipalities: ctx.data.municipalities,
        allocations: ctx.data.allocations,
        countyPlaces: countyPlacesAt(ctx.index, request.to),
        period: { from: request.from, to: request.to },
        settings: request.settings,
      });
      return quotaLedgerReport(ledger, ctx.authority);
    }
  }
}
