// `npm run bench [-- --scale county|berlin] [--json FILE] [--only AREA]`
// Runs every registered suite and prints one table; with --json writes
// [{name, value, unit, baseline, ratio}] for tracking over time.
import { writeFileSync } from 'node:fs';
import { formatTable, type BenchResult, type BenchSuite, type Scale } from './harness';
import { suites } from './suites';

function parseArgs(argv: string[]): { scale: Scale; json?: string; only?: string } {
  let scale: Scale = 'county';
  let json: string | undefined;
  let only: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--scale') {
      const v = argv[++i];
      if (v !== 'county' && v !== 'berlin') throw new Error(`--scale muss county oder berlin sein, nicht ${v ?? '(leer)'}`);
      scale = v;
    } else if (a === '--json') {
      json = argv[++i];
      if (!json) throw new Error('--json braucht einen Dateinamen');
    } else if (a === '--only') {
      only = argv[++i];
    } else {
      throw new Error(`Unbekannte Option: ${a}`);
    }
  }
  return { scale, ...(json ? { json } : {}), ...(only ? { only } : {}) };
}

async function main(): Promise<void> {
  const { scale, json, only } = parseArgs(process.argv.slice(2));
  const selected: BenchSuite[] = suites.filter((s) => !only || s.area === only || s.title === only);
  const all: BenchResult[] = [];
  for (const suite of selected) {
    console.info(`\n== ${suite.area}: ${suite.title} (scale ${scale})`);
    const results = await suite.run({ scale, log: (l) => console.info(`   ${l}`) });
    all.push(...results);
    console.info(formatTable(results));
  }
  console.info(`\n== all figures\n${formatTable(all)}`);
  if (json) {
    writeFileSync(json, JSON.stringify(all.map(({ name, value, unit, baseline, ratio }) => ({ name, value, unit, baseline, ratio })), null, 2));
    console.info(`written ${json}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
