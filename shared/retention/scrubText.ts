// Finding a purged person's data inside free text and frozen documents
// (letter content, audit snapshots, descriptions) and replacing it.
//
// A token is a value that identifies the person (names, birth day in ISO and
// German form, AZR number, note text). It is replaced only as a whole word,
// so "Ali" does not touch "Alina". Tokens that are ALSO the name of a person
// who stays (a relative with the same family name) are not replaced in free
// text: that text belongs to the remaining person as well, and the shared
// family name alone no longer points to the purged person.

export interface ScrubToken {
  text: string;
  replacement: string;
}

/** Placeholder for removed names (UI shows it as is; it is German by design, like the data). */
export const REMOVED_NAME = 'Gelöscht';
export const REMOVED_TEXT = '—';

const MIN_TOKEN_LENGTH = 2;

function germanDate(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : null;
}

/** A person record or an older snapshot of one (audit entries hold them as unknown JSON). */
export type PersonTokenSource = Readonly<Record<string, unknown>> | { familyName?: unknown; givenName?: unknown; birthDate?: unknown; azrNumber?: unknown; notes?: unknown; extension?: unknown };

/** The tokens of one person's record (or of an older snapshot of it). */
export function personTokens(source: PersonTokenSource): ScrubToken[] {
  const p = source as Record<string, unknown>;
  const out: ScrubToken[] = [];
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const family = str(p.familyName);
  const given = str(p.givenName);
  if (family && given) {
    out.push({ text: `${given} ${family}`, replacement: REMOVED_NAME });
    out.push({ text: `${family}, ${given}`, replacement: REMOVED_NAME });
    out.push({ text: `${family} ${given}`, replacement: REMOVED_NAME });
  }
  if (family) out.push({ text: family, replacement: REMOVED_NAME });
  if (given) out.push({ text: given, replacement: REMOVED_NAME });
  const birth = str(p.birthDate);
  if (/^\d{4}-\d{2}-\d{2}$/.test(birth)) {
    out.push({ text: birth, replacement: birth.slice(0, 4) });
    out.push({ text: germanDate(birth)!, replacement: birth.slice(0, 4) });
  }
  const azr = str(p.azrNumber);
  if (azr) out.push({ text: azr, replacement: REMOVED_TEXT });
  const notes = str(p.notes);
  if (notes) out.push({ text: notes, replacement: REMOVED_TEXT });
  const ext = p.extension;
  if (ext && typeof ext === 'object') {
    const reason = str((ext as { reason?: unknown }).reason);
    if (reason) out.push({ text: reason, replacement: REMOVED_TEXT });
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A compiled set of tokens. `keep` are texts that must not be replaced (names
 * of persons who stay); duplicates and too-short tokens are dropped; longer
 * tokens win over shorter ones inside the same text.
 */
export class TokenScrubber {
  private readonly re: RegExp | null;
  private readonly map: Map<string, string>;

  constructor(tokens: Iterable<ScrubToken>, keep: Iterable<string> = []) {
    const keepSet = new Set([...keep].map((k) => k.trim()).filter((k) => k.length > 0));
    this.map = new Map();
    for (const t of tokens) {
      const text = t.text.trim();
      if (text.length < MIN_TOKEN_LENGTH || keepSet.has(text) || this.map.has(text)) continue;
      this.map.set(text, t.replacement);
    }
    const sorted = [...this.map.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    this.re = sorted.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  }

  get size(): number {
    return this.map.size;
  }

  /** The text with every token replaced (the same string object when nothing matched). */
  text(s: string): string {
    if (!this.re) return s;
    this.re.lastIndex = 0;
    if (!this.re.test(s)) return s;
    this.re.lastIndex = 0;
    return s.replace(this.re, (m) => this.map.get(m) ?? m);
  }

  /** True when some token occurs in the text. */
  matches(s: string): boolean {
    if (!this.re) return false;
    this.re.lastIndex = 0;
    return this.re.test(s);
  }

  /**
   * Replaces tokens in every string of a JSON-like value (object keys stay).
   * Returns the same object when nothing changed, so callers can detect a change by identity.
   */
  deep<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) {
      let changed = false;
      const out = value.map((v: unknown) => {
        const n = this.deep(v);
        if (n !== v) changed = true;
        return n;
      });
      return (changed ? out : value) as T;
    }
    if (value !== null && typeof value === 'object') {
      let changed = false;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const n = this.deep(v);
        if (n !== v) changed = true;
        out[k] = n;
      }
      return (changed ? out : value) as T;
    }
    return value;
  }
}
