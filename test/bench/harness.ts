// Bench harness for `npm run bench`. Every figure is measured together with a
// baseline in the same run (same machine, same load), so the ratio is stable
// even when absolute times are not. Timing targets live here, never in tests.
import { performance } from 'node:perf_hooks';

export type Scale = 'county' | 'berlin';

export interface BenchResult {
  /** Prefixed by area: occupancy., sync., export., import. */
  name: string;
  value: number;
  unit: string;
  /** The same-run reference figure the value is compared with. */
  baseline: number;
  /** value / baseline. */
  ratio: number;
  /** What the baseline is, and the target if the issue states one. */
  note?: string;
}

export interface BenchContext {
  scale: Scale;
  log: (line: string) => void;
}

export interface BenchSuite {
  area: 'occupancy' | 'sync' | 'export' | 'import';
  title: string;
  run: (ctx: BenchContext) => Promise<BenchResult[]>;
}

export function result(name: string, value: number, unit: string, baseline: number, note?: string): BenchResult {
  const ratio = baseline > 0 ? value / baseline : Number.NaN;
  return { name, value: round(value), unit, baseline: round(baseline), ratio: round(ratio), ...(note ? { note } : {}) };
}

/** Four significant digits: enough for ratios like 0.0009 and for 167896 ms alike. */
function round(n: number): number {
  return Number.isFinite(n) ? Number(n.toPrecision(4)) : n;
}

/** Median wall time in ms of `fn` over `runs` runs after `warmup` runs. */
export async function medianMs(fn: () => unknown, runs = 7, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

export function formatTable(results: BenchResult[]): string {
  const header = ['name', 'value', 'unit', 'baseline', 'ratio', 'note'];
  const rows = results.map((r) => [r.name, String(r.value), r.unit, String(r.baseline), String(r.ratio), r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
