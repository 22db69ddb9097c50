// Browser benchmarks of the occupancy issue, in Debian's Chromium with real
// IndexedDB, against the real app in web mode:
// - open the app on the demo dataset until the dashboard shows the county
//   figures (cold browser start, same profile), twice: the first open reads
//   every row before it can show them; later opens show the dashboard
//   summary cached by the first one (current: no write since). Both against
//   reading every entity table with Dexie toArray in the same browser (the
//   floor for any app that has to load its data first);
// - renderer JS heap after the dashboard is shown (target ≤ 400 MB at Berlin
//   scale), against the heap of a page that merely holds the raw tables;
// - the app's cached read model after one check-in (update time and the
//   longest main-thread task while it runs: the freeze a user would feel);
// - one check-in through the real command (context by index, validation,
//   stay + audit + outbox in one transaction), median of 30, against a raw
//   transaction writing the same three records (target ≤ 20 ms).
import { execFileSync } from 'node:child_process';
import { cp, mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { launchBrowser, makeTempDir, ROOT, startWebServer, type WebServer } from '../e2e/harness';
import { result, type BenchResult, type BenchSuite } from './harness';
import type { BrowserContext, Page } from 'playwright-core';

interface BenchApi {
  load(scale: string): Promise<{ ms: number; rows: number }>;
  rawRead(hold?: boolean): Promise<{ ms: number; rows: number }>;
  checkIns(n: number): Promise<{ commandMs: number; rawMs: number }>;
  storeUpdates(n: number): Promise<{ updateMs: number; longestTaskMs: number; buildMs: number }>;
}

function ensureAppBuilt(log: (l: string) => void): void {
  if (existsSync(path.join(ROOT, 'dist/renderer/index.html')) && existsSync(path.join(ROOT, 'dist-electron/web-server.mjs'))) return;
  log('building the app (npm run build) …');
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
}

async function benchPage(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/bench/index.html`);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready', null, { timeout: 60_000 });
  return page;
}

async function heapUsedMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usage.usedSize / 1024 / 1024;
}

/** Navigates to the app and returns the ms until the county figures show a number. */
async function openUntilFigures(app: Page, url: string): Promise<number> {
  const t0 = Date.now();
  await app.goto(url);
  await app.waitForFunction(
    () => /\d/.test(document.querySelector('[data-testid="figure-places"] .MuiTypography-h5')?.textContent ?? ''),
    null,
    { timeout: 180_000, polling: 10 },
  );
  return Date.now() - t0;
}

export const occupancyBrowserSuite: BenchSuite = {
  area: 'occupancy',
  title: 'app in Chromium with real IndexedDB',
  async run({ scale, log }) {
    ensureAppBuilt(log);
    const work = await makeTempDir('bench');
    const rendererDir = path.join(work, 'renderer');
    await cp(path.join(ROOT, 'dist/renderer'), rendererDir, { recursive: true });
    await build({
      root: path.join(ROOT, 'test/bench/browser'),
      base: './',
      logLevel: 'warn',
      configFile: false,
      build: { outDir: path.join(rendererDir, 'bench'), emptyOutDir: true, target: 'es2023' },
    });
    process.env.QUARTIER_RENDERER_DIR = rendererDir;
    let server: WebServer | undefined;
    let context: BrowserContext | undefined;
    const profile = path.join(work, 'profile');
    await mkdir(profile, { recursive: true });
    try {
      server = await startWebServer();
      context = await launchBrowser(profile);
      let page = await benchPage(context, server.origin);
      const loaded = await page.evaluate((s) => (window as unknown as { quartierBench: BenchApi }).quartierBench.load(s), scale);
      log(`demo data (${scale}) loaded into IndexedDB: ${loaded.rows} rows in ${(loaded.ms / 1000).toFixed(1)} s`);
      await context.close();

      // First open (cold browser, same profile): no dashboard summary cached
      // yet, the figures wait for the full read of every row. The visit
      // stays until the full load is done and the summary is saved.
      context = await launchBrowser(profile);
      let app = context.pages()[0] ?? (await context.newPage());
      const firstOpenMs = await openUntilFigures(app, server.url);
      await app.waitForFunction(
        (key) => document.querySelector('[data-testid="dashboard-loading-details"]') === null && localStorage.getItem(key) !== null,
        'quartier.dashboardSummary.quartier',
        { timeout: 180_000, polling: 50 },
      );
      const appHeap = await heapUsedMb(app);
      log(`first open: dashboard figures shown after ${firstOpenMs} ms (full read); heap ${appHeap.toFixed(0)} MB`);
      await context.close();

      // Cold start again, like every later morning without writes since the
      // last full load: the summary is current, figures show at once.
      context = await launchBrowser(profile);
      app = context.pages()[0] ?? (await context.newPage());
      const openMs = await openUntilFigures(app, server.url);
      const t1 = Date.now();
      await app.waitForFunction(() => document.querySelector('[data-testid="dashboard-loading-details"]') === null, null, { timeout: 180_000, polling: 50 });
      log(`cached open: dashboard figures shown after ${openMs} ms; details (alerts, search) after another ${Date.now() - t1} ms`);
      await app.close();

      page = await benchPage(context, server.origin);
      const raw = await page.evaluate(() => (window as unknown as { quartierBench: BenchApi }).quartierBench.rawRead());
      // Heap baseline: a page that holds every raw table in memory, nothing else.
      await page.evaluate(() => (window as unknown as { quartierBench: BenchApi }).quartierBench.rawRead(true));
      const baselineHeap = await heapUsedMb(page);
      const checkIns = await page.evaluate(() => (window as unknown as { quartierBench: BenchApi }).quartierBench.checkIns(30));
      const updates = await page.evaluate(() => (window as unknown as { quartierBench: BenchApi }).quartierBench.storeUpdates(5));
      const out: BenchResult[] = [
        result('occupancy.open-app-to-dashboard-first', firstOpenMs, 'ms', raw.ms, `baseline: Dexie toArray of all ${raw.rows} rows; first open, no current dashboard summary (full read)`),
        result('occupancy.open-app-to-dashboard', openMs, 'ms', raw.ms, `baseline: Dexie toArray of all ${raw.rows} rows; cold open with a current dashboard summary (no write since the last full load); target ≤ 2000 ms (Berlin)`),
        result('occupancy.renderer-heap', appHeap, 'MB', baselineHeap, 'baseline: a page holding all raw rows; target ≤ 400 MB (Berlin)'),
        result('occupancy.check-in-median', checkIns.commandMs, 'ms', checkIns.rawMs, 'baseline: raw transaction writing stay + audit + outbox; target ≤ 20 ms'),
        result('occupancy.store-update-after-check-in', updates.updateMs, 'ms', updates.buildMs, 'baseline: the engine building the index alone; cached read model after one check-in: re-read changed rows, merge, rebuild index (median of 5)'),
        result('occupancy.longest-freeze-after-check-in', updates.longestTaskMs, 'ms', updates.buildMs, 'baseline: the engine building the index alone; longest main-thread task while the store updates (long-task observer, median of 5)'),
      ];
      return out;
    } finally {
      if (context) await context.close().catch(() => undefined);
      if (server) await server.stop();
      delete process.env.QUARTIER_RENDERER_DIR;
      await rm(work, { recursive: true, force: true });
    }
  },
};
