// A small seeded PRNG for the demo generator. Math.random is never used: the
// same seed must give the same dataset on every laptop and in every test.
// sfc32 (Chris Doty-Humphrey's Small Fast Counting generator) passes
// PractRand to 2^40+ and needs only 32-bit integer ops; its 128-bit state is
// seeded from one number through splitmix32 so nearby seeds diverge at once.

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** Uniform float in [min, max). */
  float(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks a key by weight; weights need not sum to 1. */
  weighted<K>(entries: readonly (readonly [K, number])[]): K;
  /** Triangular distribution on [min, max] with the given mode. */
  triangular(min: number, mode: number, max: number): number;
  /** Poisson-distributed count (Knuth for small means, normal approximation above 30). */
  poisson(mean: number): number;
  /** A generator for a sub-task, derived deterministically from this one's stream. */
  fork(): Rng;
}

function splitmix32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t = t ^ (t >>> 15);
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(`Ungültiger Startwert für den Zufallsgenerator: ${seed}`);
  const init = splitmix32(Math.trunc(seed));
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const raw = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs: sfc32 mixes its state in the first few rounds.
  for (let i = 0; i < 12; i++) raw();

  const rng: Rng = {
    next: () => raw() / 4294967296,
    int: (min, max) => min + Math.floor((raw() / 4294967296) * (max - min + 1)),
    float: (min, max) => min + (raw() / 4294967296) * (max - min),
    chance: (p) => raw() / 4294967296 < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick() aus leerer Liste');
      return items[Math.floor((raw() / 4294967296) * items.length)]!;
    },
    weighted: (entries) => {
      let total = 0;
      for (const [, w] of entries) total += w;
      let r = (raw() / 4294967296) * total;
      for (const [k, w] of entries) {
        r -= w;
        if (r < 0) return k;
      }
      const last = entries.at(-1);
      if (!last) throw new Error('weighted() ohne Einträge');
      return last[0];
    },
    triangular: (min, mode, max) => {
      const u = raw() / 4294967296;
      const f = (mode - min) / (max - min);
      return u < f ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
    },
    poisson: (mean) => {
      if (mean <= 0) return 0;
      if (mean > 30) {
        // Box–Muller normal approximation; adequate for arrival counts.
        const u1 = Math.max(raw() / 4294967296, 1e-12);
        const u2 = raw() / 4294967296;
        const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        return Math.max(0, Math.round(mean + z * Math.sqrt(mean)));
      }
      const limit = Math.exp(-mean);
      let k = 0;
      let p = 1;
      do {
        k++;
        p *= raw() / 4294967296;
      } while (p > limit);
      return k - 1;
    },
    fork: () => createRng(raw() ^ raw()),
  };
  return rng;
}
