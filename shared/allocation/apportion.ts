// Apportionment of a whole number of persons to municipalities by a key, so
// that the integer targets always add up to exactly the total: nobody is lost
// or invented by rounding. Largest-remainder method (Hare–Niemeyer), the
// method German administrations use for Verteilungsschlüssel; ties are broken
// by the larger key and then by the id, so every laptop computes the same.

export interface KeyEntry {
  id: string;
  /** Non-negative weight (e.g. population). */
  weight: number;
}

/**
 * Splits `total` into integer parts proportional to the weights.
 * Returns a Map id → part. Parts sum to `total` exactly. With all weights 0
 * nothing can be apportioned; every part is 0 and the sum check would fail,
 * so that case throws.
 */
export function apportion(total: number, entries: readonly KeyEntry[]): Map<string, number> {
  if (!Number.isInteger(total) || total < 0) throw new Error(`Gesamtzahl muss eine ganze Zahl ≥ 0 sein: ${total}`);
  const sum = entries.reduce((s, e) => {
    if (!(e.weight >= 0) || !Number.isFinite(e.weight)) throw new Error(`Ungültiges Gewicht für ${e.id}: ${e.weight}`);
    return s + e.weight;
  }, 0);
  const parts = new Map<string, number>();
  if (total === 0) {
    for (const e of entries) parts.set(e.id, 0);
    return parts;
  }
  if (sum <= 0) throw new Error('Der Verteilungsschlüssel ist leer (alle Gewichte 0).');
  const rows = entries.map((e) => {
    const exact = (total * e.weight) / sum;
    const floor = Math.floor(exact);
    return { id: e.id, weight: e.weight, floor, remainder: exact - floor };
  });
  let assigned = rows.reduce((s, r) => s + r.floor, 0);
  rows.sort((a, b) => b.remainder - a.remainder || b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const r of rows) parts.set(r.id, r.floor);
  for (let i = 0; assigned < total; i = (i + 1) % rows.length) {
    const r = rows[i];
    if (!r) break;
    parts.set(r.id, (parts.get(r.id) ?? 0) + 1);
    assigned++;
  }
  return parts;
}

/** Exact (unrounded) share of each entry, 0..1; sums to 1 for a non-empty key. */
export function shares(entries: readonly KeyEntry[]): Map<string, number> {
  const sum = entries.reduce((s, e) => s + e.weight, 0);
  return new Map(entries.map((e) => [e.id, sum > 0 ? e.weight / sum : 0]));
}
