// Frozen letter content → pdfmake document definition. Layout follows the
// usual German administrative letter (DIN 5008 in spirit): letterhead top
// right, return line and address field left, info block right, subject,
// body, signature; a translated annex starts on a new page.
import { formatDateDe } from '../reports/format';
import type { PdfColumnsNode, PdfDocDefinition, PdfNode, PdfTableCell } from '../reports/pdfTypes';
import type { LetterContent, LetterParagraph } from './compose';
import { authorityAddressLine, type Letterhead } from './letterhead';

const LANGUAGE_NAMES: Record<string, string> = {
  uk: 'Ukrainisch',
  ru: 'Russisch',
  en: 'Englisch',
  fr: 'Französisch',
  tr: 'Türkisch',
  ka: 'Georgisch',
  sq: 'Albanisch',
  sr: 'Serbisch',
  ro: 'Rumänisch',
  es: 'Spanisch',
  it: 'Italienisch',
  pl: 'Polnisch',
  ku: 'Kurdisch (Kurmandschi)',
  so: 'Somali',
  ti: 'Tigrinya',
};

export function languageName(code: string): string {
  return LANGUAGE_NAMES[code] ?? code;
}

function letterheadNodes(l: Letterhead): PdfNode {
  const right: PdfNode = {
    stack: [
      { text: l.authority, bold: true, fontSize: 12 },
      ...(l.department ? [{ text: l.department, fontSize: 9 }] : []),
      ...(l.unit ? [{ text: l.unit, fontSize: 8, color: '#444444' }] : []),
    ],
    alignment: 'right',
  };
  if (!l.logo) return { ...right, margin: [0, 0, 0, 18] };
  return {
    columns: [{ image: l.logo, fit: [120, 50], width: 130 }, { ...right, width: '*' }],
    margin: [0, 0, 0, 18],
  };
}

/**
 * Info block (Aktenzeichen, number, date, contact) as two text columns: far
 * cheaper to lay out than a table, which matters for batches of 1,000.
 */
function infoBlock(c: LetterContent): PdfColumnsNode {
  const rows: [string, string][] = [
    ['Aktenzeichen', c.fileNumber],
    ['Schreiben-Nr.', c.number],
    ['Datum', formatDateDe(c.issuedOn)],
  ];
  if (c.letterhead.phone) rows.push(['Telefon', c.letterhead.phone]);
  if (c.letterhead.email) rows.push(['E-Mail', c.letterhead.email]);
  return {
    columns: [
      { text: rows.map((r) => r[0]).join('\n'), fontSize: 8, color: '#555555', width: 70, lineHeight: 1.45 },
      { text: rows.map((r) => r[1]).join('\n'), fontSize: 9, width: '*', lineHeight: 1.3 },
    ],
  };
}

function personsTable(c: LetterContent): PdfNode {
  const head = ['Familienname', 'Vorname', 'Geburtsdatum', 'Staatsangehörigkeit', 'Aktenzeichen'].map(
    (h): PdfTableCell => ({ text: h, bold: true, fontSize: 9, fillColor: '#eeeeee' }),
  );
  const body = c.persons.map((p): PdfTableCell[] =>
    [p.familyName, p.givenName, p.birthDate, p.nationality, p.fileNumber].map((t) => ({ text: t, fontSize: 9 })),
  );
  return {
    table: { headerRows: 1, widths: ['*', '*', 'auto', 'auto', 'auto'], body: [head, ...body], dontBreakRows: true },
    layout: 'lightHorizontalLines',
    margin: [0, 4, 0, 8],
  };
}

function paragraphNodes(c: LetterContent, paragraphs: LetterParagraph[]): PdfNode[] {
  return paragraphs.map((p) => (p.kind === 'persons' ? personsTable(c) : { text: p.text, margin: [0, 0, 0, 7] }));
}

/** The nodes of one letter (without page break before). */
export function letterNodes(c: LetterContent): PdfNode[] {
  const l = c.letterhead;
  const nodes: PdfNode[] = [
    letterheadNodes(l),
    {
      columns: [
        {
          width: 260,
          stack: [
            { text: `${l.authority} · ${authorityAddressLine(l)}`, fontSize: 7, color: '#555555', margin: [0, 0, 0, 6] },
            ...c.addressLines.map((line): PdfNode => ({ text: line })),
          ],
        },
        { ...infoBlock(c), width: '*' },
      ],
      columnGap: 20,
      margin: [0, 0, 0, 28],
    },
    { text: c.subject, bold: true, margin: [0, 0, 0, 14] },
    { text: c.salutation, margin: [0, 0, 0, 8] },
  ];
  for (const section of c.sections) {
    const body = paragraphNodes(c, section.paragraphs);
    if (section.title) {
      // Keep a heading with its first paragraph so it is never orphaned at a page end.
      const [first, ...rest] = body;
      nodes.push({ stack: [{ text: section.title, bold: true, margin: [0, 6, 0, 4] }, ...(first ? [first] : [])], unbreakable: true }, ...rest);
    } else nodes.push(...body);
  }
  nodes.push({
    stack: [
      { text: c.closing, margin: [0, 10, 0, 0] },
      { text: l.authority, margin: [0, 2, 0, 30] },
      ...(l.signerTitle ? [{ text: l.signerTitle }] : []),
      { text: l.signerName },
    ],
    unbreakable: true,
  });
  if (c.annex) {
    nodes.push({
      stack: [
        { text: `Anlage: Übersetzung (${languageName(c.annex.language)})`, fontSize: 9, color: '#555555' },
        {
          text: 'Diese Übersetzung dient nur dem Verständnis. Rechtsverbindlich ist allein der deutsche Text des Schreibens.',
          fontSize: 8,
          italics: true,
          color: '#555555',
          margin: [0, 0, 0, 10],
        },
        { text: c.annex.title, bold: true, margin: [0, 0, 0, 10] },
        ...paragraphNodes(c, c.annex.paragraphs),
        { text: `Schreiben-Nr. ${c.number} vom ${formatDateDe(c.issuedOn)}`, fontSize: 8, color: '#555555', margin: [0, 12, 0, 0] },
      ],
      pageBreak: 'before',
    });
  }
  return nodes;
}

export const LETTER_PAGE_MARGINS: [number, number, number, number] = [68, 50, 56, 70];

/**
 * One PDF with one or more letters, each starting on a new page. Single
 * letters get "Seite x von y"; in a batch the page count would span all
 * letters, so the footer there shows the authority only.
 */
export function lettersDocDefinition(letters: readonly LetterContent[], title: string): PdfDocDefinition {
  const first = letters[0];
  if (!first) throw new Error('Keine Schreiben ausgewählt.');
  const l = first.letterhead;
  const content: PdfNode[] = [];
  letters.forEach((c, i) => {
    const nodes = letterNodes(c);
    if (i > 0 && nodes[0]) nodes[0] = { stack: [nodes[0]], pageBreak: 'before' };
    content.push(...nodes);
  });
  const single = letters.length === 1;
  const footerMargin: [number, number, number, number] = [LETTER_PAGE_MARGINS[0], 20, LETTER_PAGE_MARGINS[2], 0];
  const contactLine = [l.authority, authorityAddressLine(l), l.phone && `Tel. ${l.phone}`, l.email].filter(Boolean).join(' · ');
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: LETTER_PAGE_MARGINS,
    info: { title, author: l.authority, creator: 'Quartier' },
    language: 'de-DE',
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.2 },
    styles: {},
    // A single text line per page: a columns footer costs measurable time on 2,000 pages.
    footer: single
      ? (page, pages) => ({ text: `${contactLine}   ·   Seite ${page} von ${pages}`, fontSize: 7, color: '#666666', margin: footerMargin })
      : () => ({ text: contactLine, fontSize: 7, color: '#666666', margin: footerMargin }),
    content,
  };
}
