// Zu- und Abgänge over a period [from, to] (both days inclusive), by reason.
// - Zugang: a stay that begins in the period and does not continue an
//   earlier stay (no previousStayId) – a person arriving in the county's
//   accommodation.
// - Abgang: a stay that ends in the period with endKind 'departure'; the
//   move-out day is the stay's `to` (the first day not lived there).
// - Verlegung: a stay that ends in the period because the person moved to
//   another place (endKind 'move'); counted separately, not as a departure.
// Planned (future) and cancelled stays do not count.
import { addDays } from '../../domain/dates';
import type { DepartureReason, IsoDate } from '../../domain/model';
import { formatDateDe } from '../format';
import { DEPARTURE_REASON_DE, DEPARTURE_REASONS } from '../labels';
import { lookups, personLabel, type ReportContext } from '../context';
import type { CellValue, ReportModel } from '../model';

export function movementsReport(ctx: ReportContext, from: IsoDate, to: IsoDate, today: IsoDate): ReportModel {
  if (to < from) throw new Error('Das Ende des Zeitraums liegt vor dem Anfang.');
  const l = lookups(ctx.data);
  const accName = new Map(ctx.data.accommodations.map((a) => [a.id, a.name]));
  const stayById = new Map(ctx.data.stays.map((s) => [s.id, s]));
  const arrivals: CellValue[][] = [];
  const departures: CellValue[][] = [];
  const moves: CellValue[][] = [];
  const byReason = new Map<DepartureReason | 'none', number>();

  for (const s of ctx.data.stays) {
    if (s.deleted || s.cancelled) continue;
    const person = l.persons.get(s.personId);
    // Only what has happened: a stay starting after today is a plan, not an arrival.
    if (s.from >= from && s.from <= to && s.from <= today && !s.previousStayId) {
      arrivals.push([s.from, personLabel(person), accName.get(s.accommodationId) ?? '']);
    }
    if (s.to !== null && s.to >= from && s.to <= to && s.to <= today) {
      if (s.endKind === 'move') {
        const next = s.nextStayId ? stayById.get(s.nextStayId) : undefined;
        moves.push([s.to, personLabel(person), accName.get(s.accommodationId) ?? '', next ? (accName.get(next.accommodationId) ?? '') : null]);
      } else {
        const reason = s.departureReason ?? null;
        byReason.set(reason ?? 'none', (byReason.get(reason ?? 'none') ?? 0) + 1);
        departures.push([s.to, personLabel(person), accName.get(s.accommodationId) ?? '', reason ? DEPARTURE_REASON_DE[reason] : 'ohne Angabe']);
      }
    }
  }
  const byDateThenName = (a: CellValue[], b: CellValue[]) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1]), 'de');
  arrivals.sort(byDateThenName);
  departures.sort(byDateThenName);
  moves.sort(byDateThenName);

  const summary: CellValue[][] = [['Zugänge', 'Aufnahme in eine Unterkunft', arrivals.length]];
  for (const r of DEPARTURE_REASONS) summary.push(['Abgänge', DEPARTURE_REASON_DE[r], byReason.get(r) ?? 0]);
  if (byReason.get('none')) summary.push(['Abgänge', 'ohne Angabe', byReason.get('none') ?? 0]);
  summary.push(['Verlegungen', 'Umzug innerhalb der Unterbringung', moves.length]);

  return {
    kind: 'movements',
    title: 'Zu- und Abgänge',
    subtitle: `Zeitraum ${formatDateDe(from)} – ${formatDateDe(to)}`,
    authority: ctx.authority,
    asOf: from,
    until: addDays(to, 1),
    notes: [
      'Zugang: Beginn einer Belegung ohne vorherige Belegung im Landkreis. Abgang: Ende einer Belegung durch Auszug, ' +
        'gezählt am Auszugstag. Verlegungen sind keine Abgänge. Geplante Belegungen zählen nicht.',
    ],
    orientation: 'portrait',
    sections: [
      {
        title: 'Übersicht nach Grund',
        sheetName: 'Übersicht',
        columns: [
          { header: 'Bewegung', type: 'text', width: 14 },
          { header: 'Grund', type: 'text', width: 40 },
          { header: 'Personen', type: 'integer', width: 10 },
        ],
        rows: summary,
        totals: [
          ['Zugänge gesamt', null, arrivals.length],
          ['Abgänge gesamt', null, departures.length],
        ],
      },
      {
        title: 'Zugänge',
        sheetName: 'Zugänge',
        columns: [
          { header: 'Datum', type: 'date', width: 11 },
          { header: 'Person', type: 'text', width: 28 },
          { header: 'Unterkunft', type: 'text', width: 28 },
        ],
        rows: arrivals,
        totals: [],
        emptyText: 'Keine Zugänge im Zeitraum.',
      },
      {
        title: 'Abgänge',
        sheetName: 'Abgänge',
        columns: [
          { header: 'Auszug', type: 'date', width: 11 },
          { header: 'Person', type: 'text', width: 26 },
          { header: 'Unterkunft', type: 'text', width: 24 },
          { header: 'Grund', type: 'text', width: 30 },
        ],
        rows: departures,
        totals: [],
        emptyText: 'Keine Abgänge im Zeitraum.',
      },
      {
        title: 'Verlegungen',
        sheetName: 'Verlegungen',
        columns: [
          { header: 'Datum', type: 'date', width: 11 },
          { header: 'Person', type: 'text', width: 26 },
          { header: 'von Unterkunft', type: 'text', width: 24 },
          { header: 'nach Unterkunft', type: 'text', width: 24 },
        ],
        rows: moves,
        totals: [],
        emptyText: 'Keine Verlegungen im Zeitraum.',
      },
    ],
  };
}
