// Frozen letter content → pdfmake document definition. Layout follows the
// usual German administrative letter (DIN 5008 in spirit): letterhead top
// right, return line and address field left, info block right, subject,
// body, signature; a translated annex starts on a new page.
import { formatDateDe } from '../reports/format';
import type { PdfColumnsNode, PdfDocDefinition, PdfInline, PdfNode, PdfTableCell, PdfTextNode } from '../reports/pdfTypes';
import type { LetterContent, LetterParagraph } from './compose';
import type { LetterPersonRow } from './context';
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

// Performance note: pdfmake's cost grows with the number of nodes, not with
// the amount of text. A batch of 1,000 letters must stay within 1.5× of the
// same text as plain pages, so blocks are single text nodes with inline runs
// (different sizes, bold) instead of stacks of small nodes.

function letterheadNodes(l: Letterhead): PdfNode {
  const runs: PdfInline[] = [{ text: l.authority, bold: true, fontSize: 12 }];
  if (l.department) runs.push({ text: `\n${l.department}`, fontSize: 9 });
  if (l.unit) runs.push({ text: `\n${l.unit}`, fontSize: 8, color: '#444444' });
  const right: PdfTextNode = { text: runs, alignment: 'right' };
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

export interface PersonTableColumn {
  header: string;
  /** pdfmake width: '*' shares the rest, 'auto' fits the content. */
  width: '*' | 'auto';
  value: (row: LetterPersonRow) => string;
}

const BASE_PERSON_COLUMNS: readonly PersonTableColumn[] = [
  { header: 'Familienname', width: '*', value: (p) => p.familyName },
  { header: 'Vorname', width: '*', value: (p) => p.givenName },
  { header: 'Geburtsdatum', width: 'auto', value: (p) => p.birthDate },
  { header: 'Staatsangehörigkeit', width: 'auto', value: (p) => p.nationality },
  { header: 'Aktenzeichen', width: 'auto', value: (p) => p.fileNumber },
];

/**
 * Columns of the person table, shared by the PDF and the on-screen preview.
 * Rows of a notice to a municipality carry household and planned move date,
 * which then get their own columns (a notice may list several households).
 */
export function personTableColumns(persons: readonly LetterPersonRow[]): PersonTableColumn[] {
  if (!persons.some((p) => p.household !== undefined)) return [...BASE_PERSON_COLUMNS];
  return [
    { header: 'Haushalt', width: '*', value: (p) => p.household ?? '' },
    ...BASE_PERSON_COLUMNS.map((col) => (col.header === 'Staatsangehörigkeit' ? { ...col, header: 'Staatsang.' } : col)),
    { header: 'Umzug geplant', width: 'auto', value: (p) => p.plannedMoveDate ?? '' },
  ];
}

function personsTable(c: LetterContent): PdfNode {
  const columns = personTableColumns(c.persons);
  // Seven columns fit the A4 text width only in a slightly smaller size.
  const fontSize = columns.length > 5 ? 8 : 9;
  const head = columns.map((col): PdfTableCell => ({ text: col.header, bold: true, fontSize, fillColor: '#eeeeee' }));
  const body = c.persons.map((p): PdfTableCell[] => columns.map((col) => ({ text: col.value(p), fontSize })));
  return {
    table: { headerRows: 1, widths: columns.map((col) => col.width), body: [head, ...body], dontBreakRows: true },
    layout: 'lightHorizontalLines',
    margin: [0, 4, 0, 8],
  };
}

/**
 * Paragraphs as few nodes as possible: consecutive text paragraphs become
 * one text node (blank line between them); a person table interrupts.
 * `heading` is put in bold at the start of the first text node.
 */
function paragraphNodes(c: LetterContent, paragraphs: LetterParagraph[], heading = ''): PdfNode[] {
  const out: PdfNode[] = [];
  let runs: PdfInline[] = heading ? [{ text: `${heading}\n`, bold: true }] : [];
  let hasText = false;
  const flush = () => {
    if (runs.length > 0) out.push({ text: runs, margin: [0, heading && out.length === 0 ? 6 : 0, 0, 7] });
    runs = [];
    hasText = false;
  };
  for (const p of paragraphs) {
    if (p.kind === 'persons') {
      flush();
      out.push(personsTable(c));
    } else {
      // Between paragraphs a short spacer line (5 pt) instead of a full blank line, like the 7 pt gap between nodes.
      if (hasText) runs.push({ text: '\n \n', fontSize: 5 });
      runs.push(p.text);
      hasText = true;
      // The heading and its first paragraph form their own (unbreakable) node; the rest may break freely.
      if (heading && out.length === 0) flush();
    }
  }
  flush();
  return out;
}

/** The nodes of one letter (without page break before). */
export function letterNodes(c: LetterContent): PdfNode[] {
  const l = c.letterhead;
  const address: PdfInline[] = [{ text: `${l.authority} · ${authorityAddressLine(l)}\n`, fontSize: 7, color: '#555555' }, { text: ' \n', fontSize: 4 }];
  address.push(c.addressLines.join('\n'));
  const nodes: PdfNode[] = [
    letterheadNodes(l),
    {
      columns: [{ text: address, width: 260 }, { ...infoBlock(c), width: '*' }],
      columnGap: 20,
      margin: [0, 0, 0, 28],
    },
    { text: [{ text: `${c.subject}\n\n`, bold: true }, c.salutation], margin: [0, 0, 0, 8] },
  ];
  for (const section of c.sections) {
    const body = paragraphNodes(c, section.paragraphs, section.title);
    // Keep a heading with the text that follows it, so it is never left alone at a page end.
    const first = body[0];
    if (section.title && first && 'text' in first) first.unbreakable = true;
    nodes.push(...body);
  }
  const signature = [c.closing, l.authority].join('\n') + '\n\n\n' + [l.signerTitle, l.signerName].filter(Boolean).join('\n');
  nodes.push({ text: signature, margin: [0, 10, 0, 0], unbreakable: true });
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
