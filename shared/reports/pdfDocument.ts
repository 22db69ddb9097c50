// Report model → pdfmake document definition: header with authority, title
// and date; footer "Seite x von y"; one table per section with a repeated
// header row; German number and date formats.
import type { CellValue, ColumnType, ReportColumn, ReportModel } from './model';
import { formatDateDe, formatDecimalDe, formatIntegerDe, formatPercentDe } from './format';
import type { PdfDocDefinition, PdfNode, PdfTableCell } from './pdfTypes';

export function formatCell(value: CellValue, type: ColumnType): string {
  if (value === null) return '';
  if (typeof value === 'string') return type === 'date' ? formatDateDe(value) : value;
  switch (type) {
    case 'integer':
      return formatIntegerDe(value);
    case 'decimal':
      return formatDecimalDe(value);
    case 'percent':
      return formatPercentDe(value);
    default:
      return String(value);
  }
}

const RIGHT: ReadonlySet<ColumnType> = new Set(['integer', 'decimal', 'percent']);

function cell(value: CellValue, col: ReportColumn, bold: boolean): PdfTableCell {
  const c: PdfTableCell = { text: formatCell(value, col.type) };
  if (RIGHT.has(col.type)) c.alignment = 'right';
  if (bold) c.bold = true;
  return c;
}

/**
 * Column widths as percentages of the usable width, proportional to the
 * suggested widths: pdfmake subtracts cell padding before applying them, so
 * a table can never run past the right margin, whatever its column count.
 */
function widths(columns: readonly ReportColumn[]): `${number}%`[] {
  // A German date (01.03.2026) must never wrap, whatever the caller suggested.
  const weight = (c: ReportColumn) => (c.type === 'date' ? Math.max(c.width, 13) : c.width);
  const total = columns.reduce((s, c) => s + weight(c), 0) || 1;
  return columns.map((c) => `${Math.floor((weight(c) / total) * 10000) / 100}%` as const);
}

export interface ReportPdfOptions {
  /** Printed in the header; the caller passes the real clock (pure function). */
  printedAt: string;
}

// The kind is not needed to lay out the document; other sectioned documents (the audit list) use it too.
export function reportDocDefinition(model: Omit<ReportModel, 'kind'>, options: ReportPdfOptions): PdfDocDefinition {
  const content: PdfNode[] = [
    { text: model.title, style: 'title' },
    { text: model.subtitle, style: 'subtitle' },
    ...model.notes.map((n): PdfNode => ({ text: n, style: 'note' })),
  ];
  model.sections.forEach((section) => {
    content.push({ text: section.title, style: 'section' });
    if (section.rows.length === 0 && section.totals.length === 0) {
      content.push({ text: section.emptyText ?? 'Keine Einträge.', style: 'note' });
      return;
    }
    const header = section.columns.map((c): PdfTableCell => ({ text: c.header, style: 'th', alignment: RIGHT.has(c.type) ? 'right' : 'left' }));
    const body: PdfTableCell[][] = [header];
    for (const row of section.rows) body.push(section.columns.map((c, i) => cell(row[i] ?? null, c, false)));
    for (const row of section.totals) body.push(section.columns.map((c, i) => ({ ...cell(row[i] ?? null, c, true), fillColor: '#f1f1f1' })));
    content.push({
      table: { headerRows: 1, keepWithHeaderRows: 1, widths: widths(section.columns), body, dontBreakRows: true },
      layout: 'lightHorizontalLines',
      fontSize: section.columns.length > 12 ? 7 : 8,
      margin: [0, 0, 0, 12],
    });
  });

  return {
    pageSize: 'A4',
    pageOrientation: model.orientation,
    pageMargins: [40, 58, 40, 44],
    info: { title: `${model.title} – ${model.subtitle}`, author: model.authority, creator: 'Quartier' },
    language: 'de-DE',
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles: {
      title: { fontSize: 15, bold: true, margin: [0, 0, 0, 2] },
      subtitle: { fontSize: 10, margin: [0, 0, 0, 6] },
      note: { fontSize: 8, italics: true, color: '#444444', margin: [0, 0, 0, 4] },
      section: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
      th: { bold: true, fillColor: '#e4e8ee' },
    },
    header: () => ({
      columns: [
        { text: model.authority, fontSize: 8, bold: true, width: '*' },
        { text: `${model.title} · ${model.subtitle}`, fontSize: 8, alignment: 'center', width: 'auto' },
        { text: `Gedruckt ${options.printedAt}`, fontSize: 8, alignment: 'right', width: '*' },
      ],
      margin: [40, 24, 40, 0],
    }),
    footer: (page, pages) => ({ text: `Seite ${page} von ${pages}`, fontSize: 8, alignment: 'right', margin: [40, 14, 40, 0] }),
    content,
  };
}
