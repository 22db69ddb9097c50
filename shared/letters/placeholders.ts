// The placeholder language of letter templates: `{{name}}` inside a text
// block. Names are German because administrators write the templates. A
// placeholder whose value is missing is never printed as "undefined" or left
// empty: filling reports it, and the UI refuses to generate until the data
// is complete (or the template no longer uses it).
import type { LetterTemplateKind } from '../domain/model';

export interface PlaceholderInfo {
  key: string;
  /** German description shown in the template editor. */
  label: string;
  /** Letter kinds that provide a value for this placeholder. */
  kinds: readonly LetterTemplateKind[];
}

const ALL: readonly LetterTemplateKind[] = ['assignment', 'transfer', 'allocation', 'municipality_notice'];
const RESIDENT: readonly LetterTemplateKind[] = ['assignment', 'transfer', 'allocation'];
const STAY: readonly LetterTemplateKind[] = ['assignment', 'transfer'];
const ALLOC: readonly LetterTemplateKind[] = ['allocation', 'municipality_notice'];

/** Every placeholder the letter context can fill. Unknown names are template errors. */
export const PLACEHOLDERS: readonly PlaceholderInfo[] = [
  { key: 'datum', label: 'Datum des Schreibens', kinds: ALL },
  { key: 'schreiben_nr', label: 'Nummer des Schreibens', kinds: ALL },
  { key: 'behoerde', label: 'Name der Behörde', kinds: ALL },
  { key: 'behoerde_adresse', label: 'Anschrift der Behörde', kinds: ALL },
  { key: 'anrede', label: 'Briefanrede („Sehr geehrte Frau …“)', kinds: ALL },
  { key: 'name', label: 'Vor- und Familienname der empfangenden Person', kinds: RESIDENT },
  { key: 'vorname', label: 'Vorname', kinds: RESIDENT },
  { key: 'nachname', label: 'Familienname', kinds: RESIDENT },
  { key: 'geburtsdatum', label: 'Geburtsdatum', kinds: RESIDENT },
  { key: 'aktenzeichen', label: 'Aktenzeichen', kinds: ALL },
  { key: 'haushalt', label: 'Haushaltsangehörige (eine Zeile je Person)', kinds: ALL },
  { key: 'personenzahl', label: 'Zahl der Personen', kinds: ALL },
  { key: 'personenliste', label: 'Tabelle der Personen (allein in einer Zeile)', kinds: ALL },
  { key: 'unterkunft', label: 'Name der Unterkunft', kinds: STAY },
  { key: 'unterkunft_adresse', label: 'Anschrift der Unterkunft', kinds: STAY },
  { key: 'zimmer', label: 'Zimmer', kinds: STAY },
  { key: 'platz', label: 'Platz (Bett)', kinds: STAY },
  { key: 'einzugsdatum', label: 'Datum des Einzugs', kinds: STAY },
  { key: 'bisherige_unterkunft', label: 'Bisherige Unterkunft', kinds: ['transfer'] },
  { key: 'bisherige_adresse', label: 'Anschrift der bisherigen Unterkunft', kinds: ['transfer'] },
  { key: 'bisheriges_zimmer', label: 'Bisheriges Zimmer und Platz', kinds: ['transfer'] },
  { key: 'grund', label: 'Grund der Verlegung', kinds: ['transfer'] },
  { key: 'gemeinde', label: 'Gemeinde der Anschlussunterbringung', kinds: ALLOC },
  { key: 'entscheidungsdatum', label: 'Datum der Zuteilungsentscheidung', kinds: ALLOC },
  { key: 'umzugsdatum', label: 'Geplanter Umzugstermin', kinds: ALLOC },
  { key: 'rechtsgrundlage', label: 'Rechtsgrundlage der Aufnahme', kinds: RESIDENT },
  { key: 'frist_ende', label: 'Ende der vorläufigen Unterbringung', kinds: RESIDENT },
];

const BY_KEY = new Map(PLACEHOLDERS.map((p) => [p.key, p]));

export function placeholderInfo(key: string): PlaceholderInfo | undefined {
  return BY_KEY.get(key);
}

/** Placeholder values for one letter. `null` = the data is missing. */
export type PlaceholderValues = Readonly<Record<string, string | null>>;

const PATTERN = /\{\{\s*([A-Za-z0-9_äöüß]+)\s*\}\}/g;
/** A block line that consists of the person table placeholder only. */
export const PERSON_TABLE_LINE = /^\s*\{\{\s*personenliste\s*\}\}\s*$/;

/** Placeholder names in order of first use. */
export function findPlaceholders(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(PATTERN)) seen.add(m[1] ?? '');
  return [...seen];
}

export interface TemplateTextProblem {
  placeholder: string;
  message: string;
}

/** Checks that a template text only uses placeholders the letter kind can fill. */
export function checkTemplateText(text: string, kind: LetterTemplateKind): TemplateTextProblem[] {
  const problems: TemplateTextProblem[] = [];
  for (const key of findPlaceholders(text)) {
    const info = BY_KEY.get(key);
    if (!info) problems.push({ placeholder: key, message: `Unbekannter Platzhalter {{${key}}}.` });
    else if (!info.kinds.includes(kind))
      problems.push({ placeholder: key, message: `Der Platzhalter {{${key}}} steht für diese Briefart nicht zur Verfügung.` });
  }
  // A stray "{{" without a closing pair is almost always a typo the letter would print.
  const stripped = text.replace(PATTERN, '');
  if (stripped.includes('{{') || stripped.includes('}}'))
    problems.push({ placeholder: '', message: 'Ein Platzhalter ist nicht richtig geschlossen ({{…}}).' });
  return problems;
}

export interface FilledText {
  text: string;
  /** Placeholders used in the text whose value is missing, in order of use. */
  missing: string[];
}

/**
 * Replaces placeholders. Missing values are reported and rendered as a
 * visible marker ("[geburtsdatum fehlt]") so that a preview shows the gap.
 */
export function fillText(text: string, values: PlaceholderValues): FilledText {
  const missing: string[] = [];
  const out = text.replace(PATTERN, (_whole, key: string) => {
    const value = values[key];
    if (value == null || value.trim() === '') {
      if (!missing.includes(key)) missing.push(key);
      return `[${key} fehlt]`;
    }
    return value;
  });
  return { text: out, missing };
}
