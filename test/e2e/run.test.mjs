// Entry for `npm run e2e` (= node --test --import tsx test/e2e/).
// Node 20's test runner discovers only *.test.{js,mjs,cjs} files, so it would
// silently skip the TypeScript e2e tests. This file imports every
// test/e2e/*.test.ts (tsx is loaded by --import tsx); their describe/it
// blocks register with the runner and run one after another.
// On a Node that strips TypeScript itself (process.features.typescript), the
// runner finds the .ts files on its own, so we import nothing to avoid
// running them twice.
import { readdirSync } from 'node:fs';

if (!process.features.typescript) {
  const dir = new URL('./', import.meta.url);
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.test.ts'))
    .sort();
  for (const name of files) await import(new URL(name, dir).href);
}
