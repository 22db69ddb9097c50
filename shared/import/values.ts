// Reading single cells with the rules of German office lists. Every reader
// returns either a value or a problem code (translated in the UI, namespace
// `import`, key `problem.<code>`), never throws and never guesses silently:
// "31.02.2024" is an error, not the 2nd of March.
import type { LegalBasis, ResidenceStatus, RoomRestriction, Sex, AccommodationKind } from '../domain/model';
import { foldName } from './nationality';
import type { Cell } from './table';

export type Read<T> = { ok: true; value: T } | { ok: false; code: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(code: string): Read<T> => ({ ok: false, code });

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isRealDay(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const dim = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= dim;
}

/** Excel's day number (1900 system, with its phantom 29.02.1900) → ISO day. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  // 1 = 1900-01-01 … 2958465 = 9999-12-31; 60 is the non-existent 1900-02-29.
  if (whole < 1 || whole > 2958465 || whole === 60) return null;
  const days = whole < 60 ? whole - 1 : whole - 2; // days since 1900-01-01
  const ms = Date.UTC(1900, 0, 1) + days * 86_400_000;
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export interface DayOptions {
  /** Two-digit years: a year up to this one (two digits) is 20yy, above it 19yy. */
  pivotYear2?: number;
}

/**
 * A calendar day from a cell: "14.02.1988", "14.2.88", "1988-02-14" (also
 * with a time part), or an Excel day number (a date cell read without its
 * format, or a number typed into a date column).
 */
export function readDay(cell: Cell, options: DayOptions = {}): Read<string> {
  if (cell === null) return fail('empty');
  if (typeof cell === 'number') {
    // Plausible Excel days only (1900 … 2199); a bare 5 is not a date.
    if (cell < 367 || cell > 109_574) return fail('dateInvalid');
    const iso = excelSerialToIso(cell);
    return iso ? ok(iso) : fail('dateInvalid');
  }
  const text = cell.trim();
  if (text === '') return fail('empty');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDay(y, mo, d) ? ok(`${pad(y, 4)}-${pad(mo)}-${pad(d)}`) : fail('dateInvalid');
  }
  m = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  if (m) {
    const [d, mo] = [Number(m[1]), Number(m[2])];
    let y = Number(m[3]);
    if (m[3]!.length === 2) {
      const pivot = options.pivotYear2 ?? 30;
      y += y <= pivot ? 2000 : 1900;
    }
    return isRealDay(y, mo, d) ? ok(`${pad(y, 4)}-${pad(mo)}-${pad(d)}`) : fail('dateInvalid');
  }
  // Day numbers that arrived as text (a CSV exported from a date column without formatting).
  if (/^\d{5}$/.test(text)) return readDay(Number(text), options);
  // "02/14/1988" vs "14/02/1988" cannot be told apart in general: refuse rather than guess.
  if (/^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(text)) return fail('dateAmbiguous');
  return fail('dateUnreadable');
}

/**
 * A number from a cell: German "1.234,5" and "18,5", English "1,234.5" and
 * "18.5", with units such as "m²" or "qm" ignored.
 */
export function readNumber(cell: Cell): Read<number> {
  if (cell === null) return fail('empty');
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail('numberInvalid');
  let text = cell.trim().replace(/\s|\u00a0/g, '').replace(/(m²|m2|qm)$/i, '');
  if (text === '') return fail('empty');
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // Both: the later one is the decimal separator.
    text = lastComma > lastDot ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (lastComma >= 0) {
    // Only commas: German decimal comma ("18,5"); several commas can only be thousands groups.
    text = (text.match(/,/g)?.length ?? 0) > 1 ? text.replace(/,/g, '') : text.replace(',', '.');
  } else if (/^-?\d{1,3}(\.\d{3}){2,}$/.test(text)) {
    text = text.replace(/\./g, ''); // "1.234.567"
  }
  if (!/^-?\d+(\.\d+)?$/.test(text)) return fail('numberInvalid');
  return ok(Number(text));
}

/** A whole number ≥ min. */
export function readCount(cell: Cell, min = 0, max = 1000): Read<number> {
  const n = readNumber(cell);
  if (!n.ok) return n;
  if (!Number.isInteger(n.value) || n.value < min || n.value > max) return fail('countInvalid');
  return n;
}

const TRUE_WORDS = new Set(['ja', 'j', 'x', 'yes', 'y', 'true', 'wahr', '1']);
const FALSE_WORDS = new Set(['nein', 'n', 'no', 'false', 'falsch', '0', '-']);

export function readBoolean(cell: Cell): Read<boolean> {
  if (cell === null) return ok(false);
  if (typeof cell === 'number') return cell === 1 ? ok(true) : cell === 0 ? ok(false) : fail('booleanInvalid');
  const t = cell.trim().toLowerCase();
  if (t === '') return ok(false);
  if (TRUE_WORDS.has(t)) return ok(true);
  if (FALSE_WORDS.has(t)) return ok(false);
  return fail('booleanInvalid');
}

export function readSex(cell: Cell): Read<Sex> {
  const t = foldName(typeof cell === 'string' ? cell : '');
  if (t === '') return ok('x');
  if (['m', 'maennlich', 'mann', 'male', 'man', 'herr'].includes(t)) return ok('m');
  if (['w', 'f', 'weiblich', 'frau', 'female', 'woman'].includes(t)) return ok('f');
  if (['d', 'x', 'o', 'divers', 'diverse', 'other', 'unbekannt', 'ohneangabe'].includes(t)) return ok('x');
  return fail('sexInvalid');
}

export function readAccommodationKind(cell: Cell): Read<AccommodationKind> {
  const t = foldName(typeof cell === 'string' ? cell : '');
  if (t === '' || ['gu', 'gemeinschaftsunterkunft', 'communal', 'communalaccommodation', 'shared'].includes(t)) return ok('gu');
  if (['wohnung', 'whg', 'flat', 'apartment', 'wohnungsunterbringung', 'dezentral'].includes(t)) return ok('flat');
  return fail('kindInvalid');
}

export function readRestriction(cell: Cell): Read<RoomRestriction> {
  const t = foldName(typeof cell === 'string' ? cell : '');
  if (['', 'keine', 'none', 'alle', 'gemischt', 'no'].includes(t)) return ok('none');
  if (['frauen', 'frau', 'women', 'w', 'weiblich'].includes(t)) return ok('women');
  if (['maenner', 'mann', 'men', 'm', 'maennlich'].includes(t)) return ok('men');
  if (['familie', 'familien', 'family', 'families'].includes(t)) return ok('family');
  return fail('restrictionInvalid');
}

/** "Asyl", "AsylG", "§ 24 AufenthG", "24", "15a" … */
export function readLegalBasis(cell: Cell): Read<LegalBasis> {
  const raw = typeof cell === 'number' ? String(cell) : (cell ?? '').trim();
  if (raw === '') return ok('other');
  const t = foldName(raw);
  if (t.startsWith('asyl') || t === 'asylum') return ok('asylum');
  const para = /(?:^|\D)(15a|22|23|24)(?:\D|$)/i.exec(raw.replace(/\s+/g, ' '));
  if (para) return ok(`aufenthg_${para[1]!.toLowerCase()}` as LegalBasis);
  if (['sonstige', 'sonstiges', 'andere', 'other'].includes(t)) return ok('other');
  return fail('legalBasisInvalid');
}

export function readResidenceStatus(cell: Cell): Read<ResidenceStatus> {
  const t = foldName(typeof cell === 'string' ? cell : '');
  if (t === '') return ok('other');
  if (t.startsWith('gestattung') || t.startsWith('aufenthaltsgestattung')) return ok('gestattung');
  if (t.startsWith('duldung')) return ok('duldung');
  if (t.startsWith('aufenthaltserlaubnis') || t === 'ae') return ok('aufenthaltserlaubnis');
  if (t.startsWith('fiktion')) return ok('fiktion');
  if (t.startsWith('niederlassung') || t === 'ne') return ok('niederlassung');
  if (['keine', 'kein', 'none', 'ohne'].includes(t)) return ok('none');
  if (['sonstige', 'sonstiges', 'other', 'andere'].includes(t)) return ok('other');
  return fail('residenceStatusInvalid');
}

/** "ar, en" / "Arabisch; Englisch" → ISO 639-1 codes; unknown words are a problem. */
const LANGUAGE_NAMES = new Map<string, string>(Object.entries({
  arabisch: 'ar', arabic: 'ar', englisch: 'en', english: 'en', deutsch: 'de', german: 'de', franzoesisch: 'fr', french: 'fr',
  persisch: 'fa', farsi: 'fa', dari: 'fa', paschtu: 'ps', pashto: 'ps', kurdisch: 'ku', kurdish: 'ku', kurmandschi: 'ku',
  tuerkisch: 'tr', turkish: 'tr', russisch: 'ru', russian: 'ru', ukrainisch: 'uk', ukrainian: 'uk', georgisch: 'ka', georgian: 'ka',
  tigrinya: 'ti', tigrinisch: 'ti', somali: 'so', somalisch: 'so', amharisch: 'am', amharic: 'am', urdu: 'ur', hindi: 'hi',
  albanisch: 'sq', albanian: 'sq', serbisch: 'sr', serbian: 'sr', spanisch: 'es', spanish: 'es', portugiesisch: 'pt',
  italienisch: 'it', polnisch: 'pl', rumaenisch: 'ro', bengalisch: 'bn', bengali: 'bn', tamil: 'ta', armenisch: 'hy',
  aserbaidschanisch: 'az', yoruba: 'yo', igbo: 'ig', hausa: 'ha', swahili: 'sw', suaheli: 'sw',
}));

export function readLanguages(cell: Cell): Read<string[]> {
  const raw = typeof cell === 'string' ? cell.trim() : '';
  if (raw === '') return ok([]);
  const out: string[] = [];
  for (const part of raw.split(/[,;/]+|\s+und\s+/)) {
    const p = part.trim();
    if (p === '') continue;
    if (/^[a-zA-Z]{2}$/.test(p)) out.push(p.toLowerCase());
    else {
      const code = LANGUAGE_NAMES.get(foldName(p));
      if (!code) return fail('languageInvalid');
      out.push(code);
    }
  }
  return ok([...new Set(out)]);
}
