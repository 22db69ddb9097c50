// Template + context → the frozen content of one letter. The content is what
// the letters log stores: a reprint renders exactly this, never the current
// template or the current data.
import type { Id, IsoDate, LetterAnnex, LetterTemplate, LetterTemplateKind } from '../domain/model';
import { templateBlock, type TemplateBlockKey } from './defaultTemplates';
import type { LetterContext, LetterPersonRow, MissingDatum } from './context';
import { missingLabel } from './context';
import type { Letterhead } from './letterhead';
import { fillText, PERSON_TABLE_LINE } from './placeholders';

export type LetterParagraph = { kind: 'text'; text: string } | { kind: 'persons' };

export interface LetterSection {
  /** Heading printed above the section; empty = none. */
  title: string;
  paragraphs: LetterParagraph[];
}

export interface LetterAnnexContent {
  language: string;
  title: string;
  paragraphs: LetterParagraph[];
}

/** Stored in LetterLogEntry.content. `format` allows later layout changes to keep old letters readable. */
export interface LetterContent {
  format: 1;
  number: string;
  kind: LetterTemplateKind;
  templateId: Id;
  templateName: string;
  templateVersion: number;
  issuedOn: IsoDate;
  letterhead: Letterhead;
  recipientName: string;
  addressLines: string[];
  fileNumber: string;
  subject: string;
  salutation: string;
  sections: LetterSection[];
  closing: string;
  persons: LetterPersonRow[];
  annex: LetterAnnexContent | null;
}

export interface ComposedLetter {
  content: LetterContent;
  /** Everything that is missing; generation must stop while this is non-empty. */
  missing: MissingDatum[];
}

const BODY_BLOCKS: readonly TemplateBlockKey[] = ['decision', 'reasons', 'notes', 'remedy'];

/** Splits block text into paragraphs (blank lines) and pulls out the person table line. */
export function toParagraphs(text: string): LetterParagraph[] {
  const out: LetterParagraph[] = [];
  for (const para of text.split(/\n[ \t]*\n/)) {
    let buffer: string[] = [];
    const flush = () => {
      const t = buffer.join('\n').trim();
      if (t) out.push({ kind: 'text', text: t });
      buffer = [];
    };
    for (const line of para.split('\n')) {
      if (PERSON_TABLE_LINE.test(line)) {
        flush();
        out.push({ kind: 'persons' });
      } else buffer.push(line);
    }
    flush();
  }
  return out;
}

export interface ComposeOptions {
  number: string;
  issuedOn: IsoDate;
  /** Language of a translated annex to attach (must exist in the template). */
  annexLanguage?: string | null;
}

export function composeLetter(template: LetterTemplate, context: LetterContext, letterhead: Letterhead, options: ComposeOptions): ComposedLetter {
  const missingKeys: string[] = [];
  const values = { ...context.values, schreiben_nr: options.number };
  const fill = (text: string): string => {
    const r = fillText(text, values);
    for (const k of r.missing) if (!missingKeys.includes(k)) missingKeys.push(k);
    return r.text;
  };
  const fillParagraphs = (text: string): LetterParagraph[] =>
    toParagraphs(text).map((p) => (p.kind === 'text' ? { kind: 'text', text: fill(p.text) } : p));

  const sections: LetterSection[] = [];
  for (const key of BODY_BLOCKS) {
    const block = templateBlock(template, key);
    const paragraphs = fillParagraphs(block.text);
    if (paragraphs.length > 0) sections.push({ title: block.title.trim(), paragraphs });
  }

  let annex: LetterAnnexContent | null = null;
  if (options.annexLanguage) {
    const source: LetterAnnex | undefined = template.annexes?.find((a) => a.language === options.annexLanguage);
    if (source) annex = { language: source.language, title: fill(source.title), paragraphs: fillParagraphs(source.text) };
  }

  const content: LetterContent = {
    format: 1,
    number: options.number,
    kind: template.kind,
    templateId: template.id,
    templateName: template.name,
    templateVersion: template.version,
    issuedOn: options.issuedOn,
    letterhead,
    recipientName: context.recipientName,
    addressLines: context.addressLines,
    fileNumber: context.values.aktenzeichen ?? '',
    subject: fill(templateBlock(template, 'subject').text).trim(),
    salutation: fill(templateBlock(template, 'salutation').text).trim(),
    sections,
    closing: fill(templateBlock(template, 'closing').text).trim(),
    persons: context.persons,
    annex,
  };
  const missing: MissingDatum[] = [
    ...context.missing,
    ...missingKeys.filter((k) => !context.missing.some((m) => m.key === k)).map((key) => ({ key, label: missingLabel(key) })),
  ];
  return { content, missing };
}

/** "Haddad, Amira: Geburtsdatum, Anschrift der Unterkunft" – one line per incomplete letter. */
export function describeMissing(caseLabel: string, missing: readonly MissingDatum[]): string {
  return `${caseLabel}: ${missing.map((m) => m.label).join(', ')}`;
}
