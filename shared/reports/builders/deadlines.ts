// Fristen: residents reaching the 12-month mark or the end of the
// vorläufige Unterbringung (§ 9 FlüAG) within the next N weeks, from the
// engine's dueWithin. Only persons living in an accommodation on the day.
import type { IsoDate, Person } from '../../domain/model';
import { dueWithin } from '../../occupancy/deadlines';
import { bedStatusAsOf } from '../../occupancy/figures';
import { addDays } from '../../domain/dates';
import { formatDateDe } from '../format';
import { lookups, personLabel, type ReportContext } from '../context';
import type { CellValue, ReportModel } from '../model';

export function deadlinesReport(ctx: ReportContext, today: IsoDate, weeks: number): ReportModel {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 104) throw new Error('Bitte 1 bis 104 Wochen angeben.');
  const l = lookups(ctx.data);
  const accName = new Map(ctx.index.accommodations.map((a) => [a.id, a.name]));
  const where = new Map<string, string>();
  for (const s of bedStatusAsOf(ctx.index, today)) for (const p of s.personIds) where.set(p, s.accommodationId);
  const residents: Person[] = [];
  for (const id of where.keys()) {
    const p = l.persons.get(id);
    if (p) residents.push(p);
  }
  const rows: CellValue[][] = dueWithin(residents, today, weeks).map((d) => {
    const p = l.persons.get(d.personId);
    const household = p?.householdId ? l.households.get(p.householdId) : undefined;
    return [
      d.date,
      d.kind === 'twelveMonths' ? '12 Monate (Wohnung bevorzugen)' : d.overdue ? 'Ende überschritten' : 'Ende vorl. Unterbringung',
      personLabel(p),
      household?.name ?? null,
      accName.get(where.get(d.personId) ?? '') ?? '',
      d.deadlines.admissionDate,
      `${d.deadlines.monthsRule} Monate${d.deadlines.extended ? ', verlängert' : ''}`,
      d.daysLeft,
    ];
  });
  return {
    kind: 'deadlines',
    title: 'Fristen der vorläufigen Unterbringung',
    subtitle: `${formatDateDe(today)} bis ${formatDateDe(addDays(today, weeks * 7))} (${weeks} Wochen)`,
    authority: ctx.authority,
    asOf: today,
    until: addDays(today, weeks * 7 + 1),
    notes: [
      'Nach § 9 FlüAG endet die vorläufige Unterbringung spätestens 24 Monate nach der Aufnahme (6 Monate bei Aufnahme nach ' +
        '§§ 22–24 oder § 15a AufenthG); nach 12 Monaten sind Wohnungen vorzuziehen. Überschrittene Fristen werden mit aufgeführt.',
    ],
    orientation: 'landscape',
    sections: [
      {
        title: 'Fällige Fristen',
        sheetName: 'Fristen',
        columns: [
          { header: 'Datum', type: 'date', width: 11 },
          { header: 'Frist', type: 'text', width: 26 },
          { header: 'Person', type: 'text', width: 24 },
          { header: 'Haushalt', type: 'text', width: 20 },
          { header: 'Unterkunft', type: 'text', width: 24 },
          { header: 'Aufnahme', type: 'date', width: 11 },
          { header: 'Regel', type: 'text', width: 16 },
          { header: 'Tage', type: 'integer', width: 7 },
        ],
        rows,
        totals: [],
        emptyText: 'Keine Fristen im gewählten Zeitraum.',
      },
    ],
  };
}
