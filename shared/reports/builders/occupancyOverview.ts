// Belegungsübersicht: all accommodations on a day with places, occupied,
// reserved, blocked, reserve, free, rate and m² per place; totals by kind,
// by municipality and for the county. All figures come from figuresAsOf.
import type { AccommodationKind, IsoDate } from '../../domain/model';
import { figuresAsOf, type OccupancyFigures } from '../../occupancy/figures';
import { formatDateDe } from '../format';
import { KIND_DE, KIND_SHORT_DE } from '../labels';
import type { CellValue, ReportColumn, ReportModel } from '../model';
import { lookups, type ReportContext } from '../context';

const FIGURE_COLUMNS: ReportColumn[] = [
  { header: 'Plätze', type: 'integer', width: 8 },
  { header: 'belegt', type: 'integer', width: 8 },
  { header: 'reserviert', type: 'integer', width: 9 },
  { header: 'gesperrt', type: 'integer', width: 8 },
  { header: 'Reserve', type: 'integer', width: 8 },
  { header: 'frei', type: 'integer', width: 7 },
  { header: 'Quote', type: 'percent', width: 8 },
  { header: 'm² je Platz', type: 'decimal', width: 9 },
];

function figureCells(f: OccupancyFigures): CellValue[] {
  return [f.places, f.occupied, f.reserved, f.blocked, f.reserve, f.free, f.rate, f.m2PerPlace];
}

export function occupancyOverviewReport(ctx: ReportContext, day: IsoDate): ReportModel {
  const fig = figuresAsOf(ctx.index, day);
  const l = lookups(ctx.data);
  const municipalityName = (id: string) => l.municipalities.get(id)?.name ?? '(unbekannt)';

  const accRows: CellValue[][] = [];
  for (const acc of ctx.index.accommodations) {
    const f = fig.byAccommodation[acc.id];
    if (!f) continue; // not open on the day
    accRows.push([acc.name, KIND_SHORT_DE[acc.kind], municipalityName(acc.municipalityId), ...figureCells(f)]);
  }
  const kinds: AccommodationKind[] = ['gu', 'flat'];
  const kindRows = kinds.map((k): CellValue[] => [KIND_DE[k], ...figureCells(fig.byKind[k])]);
  const munRows = Object.entries(fig.byMunicipality)
    .map(([id, f]): CellValue[] => [municipalityName(id), ...figureCells(f)])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'de'));
  const total = (label: string): CellValue[] => [label, ...figureCells(fig.county)];

  return {
    kind: 'occupancyOverview',
    title: 'Belegungsübersicht',
    subtitle: `Stichtag ${formatDateDe(day)}`,
    authority: ctx.authority,
    asOf: day,
    notes: [
      'Jeder Platz zählt in genau einem Status: belegt vor gesperrt vor reserviert (Einzug innerhalb von ' +
        `${ctx.index.lookahead} Tagen) vor Reserveplatz vor frei. Quote = belegt / Plätze.`,
    ],
    orientation: 'landscape',
    sections: [
      {
        title: 'Unterkünfte',
        sheetName: 'Unterkünfte',
        columns: [
          { header: 'Unterkunft', type: 'text', width: 30 },
          { header: 'Art', type: 'text', width: 9 },
          { header: 'Gemeinde', type: 'text', width: 18 },
          ...FIGURE_COLUMNS,
        ],
        rows: accRows,
        totals: [['Landkreis gesamt', null, null, ...figureCells(fig.county)]],
        emptyText: 'An diesem Tag war keine Unterkunft geöffnet.',
      },
      {
        title: 'Nach Art der Unterkunft',
        sheetName: 'Nach Art',
        columns: [{ header: 'Art', type: 'text', width: 26 }, ...FIGURE_COLUMNS],
        rows: kindRows,
        totals: [total('Gesamt')],
      },
      {
        title: 'Nach Gemeinde',
        sheetName: 'Nach Gemeinde',
        columns: [{ header: 'Gemeinde', type: 'text', width: 26 }, ...FIGURE_COLUMNS],
        rows: munRows,
        totals: [total('Gesamt')],
      },
    ],
  };
}
