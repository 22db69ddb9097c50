// Freie Plätze on a day (normally today), with the room's attributes, from
// the engine's bed states: only places in state 'free' (not reserved,
// blocked or held as reserve).
import type { IsoDate } from '../../domain/model';
import { bedStatusAsOf, figuresAsOf } from '../../occupancy/figures';
import { formatDateDe } from '../format';
import { RESTRICTION_DE } from '../labels';
import type { ReportContext } from '../context';
import type { CellValue, ReportModel } from '../model';

export function freePlacesReport(ctx: ReportContext, day: IsoDate): ReportModel {
  const { index } = ctx;
  const rooms = new Map(index.rooms.map((r) => [r.id, r]));
  const beds = new Map(index.beds.map((b) => [b.id, b]));
  const accs = new Map(index.accommodations.map((a) => [a.id, a]));
  const roomFigures = figuresAsOf(index, day, { rooms: true }).byRoom ?? {};
  const rows: CellValue[][] = [];
  for (const s of bedStatusAsOf(index, day)) {
    if (s.state !== 'free') continue;
    const room = rooms.get(s.roomId);
    const acc = accs.get(s.accommodationId);
    const rf = roomFigures[s.roomId];
    rows.push([
      acc?.name ?? '',
      room ? (index.units.get(room.unitId)?.name ?? '') : '',
      room?.number ?? '',
      beds.get(s.bedId)?.label ?? '',
      room ? RESTRICTION_DE[room.restriction] : '',
      room ? (room.barrierFree ? 'ja' : 'nein') : '',
      room?.areaM2 ?? null,
      rf?.places ?? null,
      rf?.occupied ?? null,
      s.nextStayFrom,
    ]);
  }
  return {
    kind: 'freePlaces',
    title: 'Freie Plätze',
    subtitle: `Stand ${formatDateDe(day)}`,
    authority: ctx.authority,
    asOf: day,
    notes: [
      `Frei sind Plätze, die weder belegt, gesperrt, als Reserveplatz gehalten noch in den nächsten ${index.lookahead} Tagen reserviert sind. ` +
        '„Nächster Einzug“ nennt eine spätere Planung.',
    ],
    orientation: 'landscape',
    sections: [
      {
        title: 'Freie Plätze',
        sheetName: 'Freie Plätze',
        columns: [
          { header: 'Unterkunft', type: 'text', width: 28 },
          { header: 'Gebäude/Wohnung', type: 'text', width: 16 },
          { header: 'Zimmer', type: 'text', width: 9 },
          { header: 'Platz', type: 'text', width: 7 },
          { header: 'Belegbar für', type: 'text', width: 12 },
          { header: 'barrierefrei', type: 'text', width: 10 },
          { header: 'm²', type: 'decimal', width: 7 },
          { header: 'Plätze im Zimmer', type: 'integer', width: 9 },
          { header: 'davon belegt', type: 'integer', width: 9 },
          { header: 'Nächster Einzug', type: 'date', width: 11 },
        ],
        rows,
        totals: [['Freie Plätze gesamt', null, null, rows.length, null, null, null, null, null, null]],
        emptyText: 'Keine freien Plätze.',
      },
    ],
  };
}
