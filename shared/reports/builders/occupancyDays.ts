// Belegungstage per accommodation and month over a period, from the
// engine's occupancyDaysByMonth. A day counts from the move-in day up to the
// day before the move-out day: [Einzug, Auszug).
import { addMonths } from '../../domain/dates';
import { occupancyDaysByMonth } from '../../occupancy/series';
import { formatMonthDe, formatMonthShortDe } from '../format';
import { lookups, type ReportContext } from '../context';
import type { CellValue, ReportColumn, ReportModel } from '../model';
import { sumColumn } from '../model';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const OCCUPANCY_DAYS_RULE =
  'Belegungstage werden je Person vom Tag des Einzugs bis zum Tag vor dem Auszug gezählt, also im Zeitraum [Einzug, Auszug): ' +
  'Der Auszugstag ist kein Belegungstag.';

/** Months of the period fromMonth..toMonth (inclusive, `YYYY-MM`). */
export function monthsBetween(fromMonth: string, toMonth: string): string[] {
  if (!MONTH.test(fromMonth) || !MONTH.test(toMonth)) throw new Error('Monate bitte im Format JJJJ-MM angeben.');
  if (toMonth < fromMonth) throw new Error('Der letzte Monat liegt vor dem ersten.');
  const out: string[] = [];
  for (let m = `${fromMonth}-01`; m.slice(0, 7) <= toMonth; m = addMonths(m, 1)) {
    out.push(m.slice(0, 7));
    if (out.length > 120) throw new Error('Der Zeitraum darf höchstens zehn Jahre umfassen.');
  }
  return out;
}

export function occupancyDaysReport(ctx: ReportContext, fromMonth: string, toMonth: string): ReportModel {
  const months = monthsBetween(fromMonth, toMonth);
  const rows = occupancyDaysByMonth(ctx.index, fromMonth, toMonth);
  const l = lookups(ctx.data);
  const accById = new Map(ctx.index.accommodations.map((a) => [a.id, a]));

  // Pivot: one row per accommodation (engine order: by name), one column per month.
  const pivot = new Map<string, (number | null)[]>();
  for (const r of rows) {
    let line = pivot.get(r.accommodationId);
    if (!line) {
      line = months.map(() => null);
      pivot.set(r.accommodationId, line);
    }
    const i = months.indexOf(r.month);
    if (i >= 0) line[i] = r.occupancyDays;
  }
  const pivotRows: CellValue[][] = [...pivot.entries()].map(([id, days]) => {
    const acc = accById.get(id);
    const sum = days.reduce<number>((s, d) => s + (d ?? 0), 0);
    return [acc?.name ?? id, acc ? (l.municipalities.get(acc.municipalityId)?.name ?? '') : '', ...days, sum];
  });
  const monthColumns: ReportColumn[] = months.map((m) => ({ header: formatMonthShortDe(m), type: 'integer', width: 8 }));
  const pivotTotals: CellValue[] = ['Summe', null, ...months.map((_, i) => sumColumn(pivotRows, i + 2)), sumColumn(pivotRows, months.length + 2)];

  const detailRows: CellValue[][] = rows.map((r) => {
    const acc = accById.get(r.accommodationId);
    return [acc?.name ?? r.accommodationId, `${r.month}-01`, r.openDays, r.placeDays, r.occupancyDays, r.occupiedBedDays, r.rate];
  });
  const detailTotals: CellValue[] = [
    'Summe',
    null,
    null,
    sumColumn(detailRows, 3),
    sumColumn(detailRows, 4),
    sumColumn(detailRows, 5),
    sumColumn(detailRows, 3) > 0 ? sumColumn(detailRows, 5) / sumColumn(detailRows, 3) : null,
  ];

  const period = months.length === 1 ? formatMonthDe(fromMonth) : `${formatMonthDe(fromMonth)} – ${formatMonthDe(toMonth)}`;
  return {
    kind: 'occupancyDays',
    title: 'Belegungstage je Unterkunft und Monat',
    subtitle: `Zeitraum ${period}`,
    authority: ctx.authority,
    asOf: `${fromMonth}-01`,
    until: addMonths(`${toMonth}-01`, 1),
    notes: [OCCUPANCY_DAYS_RULE, 'Quote = belegte Platztage / Platztage der geöffneten Tage.'],
    orientation: 'landscape',
    sections: [
      {
        title: 'Belegungstage',
        sheetName: 'Belegungstage',
        columns: [
          { header: 'Unterkunft', type: 'text', width: 28 },
          { header: 'Gemeinde', type: 'text', width: 16 },
          ...monthColumns,
          { header: 'Summe', type: 'integer', width: 10 },
        ],
        rows: pivotRows,
        totals: [pivotTotals],
        emptyText: 'Im Zeitraum war keine Unterkunft mit Plätzen geöffnet.',
      },
      {
        title: 'Einzelwerte je Monat',
        sheetName: 'Monatswerte',
        columns: [
          { header: 'Unterkunft', type: 'text', width: 28 },
          { header: 'Monat', type: 'date', width: 11 },
          { header: 'geöffnete Tage', type: 'integer', width: 9 },
          { header: 'Platztage', type: 'integer', width: 10 },
          { header: 'Belegungstage', type: 'integer', width: 12 },
          { header: 'belegte Platztage', type: 'integer', width: 12 },
          { header: 'Quote', type: 'percent', width: 8 },
        ],
        rows: detailRows,
        totals: [detailTotals],
      },
    ],
  };
}
