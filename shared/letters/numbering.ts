// Letter numbers: year + short device id + per-device counter, e.g.
// "2026-3FA91C-00042". Each laptop counts on its own, so two laptops that
// are offline at the same time can never hand out the same number; the year
// prefix restarts the counter each January (as office registers do).

const NUMBER = /^(\d{4})-([0-9A-Z]{6})-(\d{5,})$/;

/** Six upper-case characters derived from the device id (a UUID). */
export function deviceShortId(deviceId: string): string {
  const compact = deviceId.replace(/[^0-9a-zA-Z]/g, '').toUpperCase();
  if (compact.length >= 6) return compact.slice(0, 6);
  // Very short ids (tests, hand-made devices): pad deterministically.
  return compact.padEnd(6, '0');
}

export function formatLetterNumber(year: number, deviceShort: string, counter: number): string {
  if (!Number.isInteger(counter) || counter < 1) throw new Error('Der Zähler für Schreiben muss eine positive ganze Zahl sein.');
  return `${year}-${deviceShort}-${String(counter).padStart(5, '0')}`;
}

export interface ParsedLetterNumber {
  year: number;
  device: string;
  counter: number;
}

export function parseLetterNumber(number: string): ParsedLetterNumber | null {
  const m = NUMBER.exec(number);
  if (!m) return null;
  return { year: Number(m[1]), device: m[2] ?? '', counter: Number(m[3]) };
}

/** Counter state kept per device: the year it belongs to and the last number used. */
export interface LetterCounter {
  year: number;
  last: number;
}

/** Reserves `count` consecutive numbers; returns them and the new counter state. */
export function reserveLetterNumbers(
  state: LetterCounter | null,
  year: number,
  deviceShort: string,
  count: number,
): { numbers: string[]; next: LetterCounter } {
  const start = state && state.year === year ? state.last : 0;
  const numbers = Array.from({ length: count }, (_, i) => formatLetterNumber(year, deviceShort, start + i + 1));
  return { numbers, next: { year, last: start + count } };
}
