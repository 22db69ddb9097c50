// The search box of the residents list: one text that matches name, file
// number (Aktenzeichen) or birth date. Office staff type dates the German way
// (01.03.1990, 1.3.1990, or just 03.1990 / 1990), so the query is turned into
// the ISO form the records hold before comparing.
import { fold } from '../../features/operations/fold';

export { fold };

/**
 * A German date or partial date as an ISO prefix or fragment:
 * "1.3.1990" → "1990-03-01", "03.1990" → "1990-03", "1.3." → "-03-01".
 * null when the text is not date-like.
 */
export function germanDateToIsoFragment(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  m = /^(\d{1,2})\.(\d{4})$/.exec(t);
  if (m) return `${m[2]}-${m[1]!.padStart(2, '0')}`;
  m = /^(\d{1,2})\.(\d{1,2})\.?$/.exec(t);
  if (m) return `-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(t)) return t;
  return null;
}

export interface SearchableResident {
  familyName: string;
  givenName: string;
  fileNumber: string;
  birthDate: string | null;
}

/** A predicate for the query; every whitespace-separated term must match something. */
export function residentMatcher(query: string): (r: SearchableResident) => boolean {
  const terms = query.trim().split(/\s+/).filter((s) => s.length > 0);
  if (terms.length === 0) return () => true;
  const prepared = terms.map((term) => ({ text: fold(term), date: germanDateToIsoFragment(term) }));
  return (r) => {
    const name = fold(`${r.givenName} ${r.familyName}`);
    const file = fold(r.fileNumber);
    return prepared.every(({ text, date }) => {
      if (date !== null) return r.birthDate !== null && r.birthDate.includes(date);
      return name.includes(text) || file.includes(text);
    });
  };
}
