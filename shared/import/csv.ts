// A small RFC 4180 CSV reader for the lists offices save from Excel:
// separator `;` (German Excel) or `,` (or tab), detected from the text;
// quoted fields may hold separators, line breaks and doubled quotes ("").
// Lenient where Excel is lenient: a quote inside an unquoted field is kept as
// a character; CR, LF and CRLF all end a record. An unterminated quote is
// reported (the rest of the file would otherwise vanish into one field).
//
// Own code instead of a library: the format is small, the behaviour must be
// exactly known (no type guessing: every field stays a string, dates and
// numbers are read later with German rules), and it runs unchanged in the
// worker, in Node tests and in shared/ (no DOM, no Node).

export type CsvDelimiter = ';' | ',' | '\t';

export interface CsvResult {
  rows: string[][];
  delimiter: CsvDelimiter;
  /** Line (1-based) where an unterminated quoted field began, if any. */
  unterminatedQuoteLine: number | null;
}

export class CsvTooManyRowsError extends Error {
  constructor(readonly limit: number) {
    super(`CSV has more than ${limit} rows`);
    this.name = 'CsvTooManyRowsError';
  }
}

const CANDIDATES: readonly CsvDelimiter[] = [';', ',', '\t'];

/**
 * Picks the separator that splits the first lines (outside quotes) into the
 * most consistent number of fields. `;` wins ties: German Excel writes it,
 * and German decimal commas make `,` counts unreliable.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const lines = sampleLines(text, 30);
  let best: CsvDelimiter = ';';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    // Lines agreeing with the header's count, weighted by the field count.
    const agreeing = counts.filter((c) => c === first).length;
    const score = agreeing * 1000 + first;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function sampleLines(text: string, max: number): string[] {
  const out: string[] = [];
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < text.length && out.length < max; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      const line = text.slice(start, i);
      if (line.trim() !== '') out.push(line);
      if (ch === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  if (out.length < max && start < text.length) {
    const line = text.slice(start);
    if (line.trim() !== '') out.push(line);
  }
  return out;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let inQuotes = false;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === d) n++;
  }
  return n;
}

export interface CsvOptions {
  delimiter?: CsvDelimiter;
  /** Stop with CsvTooManyRowsError beyond this many records. */
  maxRows?: number;
}

export function parseCsv(text: string, options: CsvOptions = {}): CsvResult {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  let unterminatedQuoteLine: number | null = null;
  const n = text.length;
  // A blank line stays an empty record, so record numbers match the rows
  // Excel shows when it opens the file (messages name those row numbers).
  const endRecord = () => {
    row.push(field);
    field = '';
    if (rows.length >= maxRows) throw new CsvTooManyRowsError(maxRows);
    rows.push(row.length === 1 && row[0] === '' ? [] : row);
    row = [];
  };

  while (i < n) {
    const ch = text[i]!;
    if (ch === '"' && field === '') {
      // Quoted field: up to the closing quote; "" is one quote.
      const startLine = line;
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < n) {
        const c = text[j]!;
        if (c === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        if (c === '\n' || (c === '\r' && text[j + 1] !== '\n')) line++;
        value += c;
        j++;
      }
      if (!closed) unterminatedQuoteLine ??= startLine;
      field = value;
      i = j;
      // Characters after the closing quote up to the separator belong to the field (Excel keeps them).
      while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      continue;
    }
    if (ch === delimiter) {
      row.push(field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      continue;
    }
    field += ch;
    i++;
  }
  if (field !== '' || row.length > 0) endRecord();
  return { rows, delimiter, unterminatedQuoteLine };
}

/** Writes rows as CSV (tests and the error list): quotes fields that need it. */
export function writeCsv(rows: readonly (readonly string[])[], delimiter: CsvDelimiter = ';', newline = '\r\n'): string {
  const quote = (v: string) => (/["\r\n]/.test(v) || v.includes(delimiter) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(quote).join(delimiter)).join(newline) + newline;
}
