// Belegungsliste: who lives where in one accommodation on a day, one row per
// place (a double-booked place gets one row per person).
import { formatDateDe } from '../format';
import type { IsoDate, Id } from '../../domain/model';
import { computeDeadlines } from '../../occupancy/deadlines';
import { bedStatusAsOf, figuresAsOf } from '../../occupancy/figures';
import { BED_STATE_DE } from '../labels';
import type { CellValue, ReportModel } from '../model';
import { lookups, personLabel, type ReportContext } from '../context';

export function occupancyListReport(ctx: ReportContext, accommodationId: Id, day: IsoDate): ReportModel {
  const { index } = ctx;
  const a = index.accIndexById.get(accommodationId);
  const acc = a === undefined ? undefined : index.accommodations[a];
  if (!acc) throw new Error('Die Unterkunft ist nicht (mehr) vorhanden.');
  const l = lookups(ctx.data);
  const rooms = new Map(index.rooms.map((r) => [r.id, r]));
  const beds = new Map(index.beds.map((b) => [b.id, b]));
  const stays = new Map(index.stays.map((s) => [s.id, s]));

  const rows: CellValue[][] = [];
  for (const status of bedStatusAsOf(index, day, accommodationId)) {
    const room = rooms.get(status.roomId);
    const bed = beds.get(status.bedId);
    const unit = room ? index.units.get(room.unitId) : undefined;
    const roomLabel = room ? (unit && unit.name ? `${unit.name} / ${room.number}` : room.number) : '';
    const base: CellValue[] = [roomLabel, bed?.label ?? ''];
    if (status.stayIds.length === 0) {
      rows.push([...base, BED_STATE_DE[status.state], null, null, null, null]);
      continue;
    }
    status.stayIds.forEach((stayId) => {
      const stay = stays.get(stayId);
      const person = stay ? l.persons.get(stay.personId) : undefined;
      const household = stay?.householdId ? l.households.get(stay.householdId) : undefined;
      rows.push([
        ...base,
        BED_STATE_DE[status.state],
        personLabel(person),
        household?.name ?? null,
        stay?.from ?? null,
        person ? computeDeadlines(person).effectiveEnd : null,
      ]);
    });
  }
  const f = figuresAsOf(index, day).byAccommodation[accommodationId];
  const notes = [`${acc.name}, ${acc.address.street}, ${acc.address.zip} ${acc.address.city}`];
  if (f) {
    notes.push(
      `Plätze ${f.places} · belegt ${f.occupied} · reserviert ${f.reserved} · gesperrt ${f.blocked} · Reserveplätze ${f.reserve} · frei ${f.free}` +
        ` · Bewohnerinnen und Bewohner ${f.residents}`,
    );
  } else notes.push('Die Unterkunft war an diesem Tag nicht geöffnet.');
  notes.push('„Frist“ ist das Ende der vorläufigen Unterbringung nach § 9 FlüAG (mit Verlängerung, falls erfasst).');
  return {
    kind: 'occupancyList',
    title: `Belegungsliste ${acc.name}`,
    subtitle: `Stichtag ${formatDateDe(day)}`,
    authority: ctx.authority,
    asOf: day,
    notes,
    orientation: 'portrait',
    sections: [
      {
        title: 'Belegung',
        sheetName: 'Belegungsliste',
        columns: [
          { header: 'Zimmer', type: 'text', width: 14 },
          { header: 'Platz', type: 'text', width: 8 },
          { header: 'Status', type: 'text', width: 15 },
          { header: 'Person', type: 'text', width: 26 },
          { header: 'Haushalt', type: 'text', width: 22 },
          { header: 'seit', type: 'date', width: 11 },
          { header: 'Frist', type: 'date', width: 11 },
        ],
        rows,
        totals: [],
        emptyText: 'Die Unterkunft hat an diesem Tag keine Plätze.',
      },
    ],
  };
}
