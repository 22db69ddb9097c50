// The sync ingest in Debian's Chromium with real IndexedDB (the issue's
// target environment), next to the Node/fake-indexeddb figure: the bench
// page test/bench/browser/sync.html is built with vite and served from the
// app's origin in web mode.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser, makeTempDir, ROOT, startWebServer, type WebServer } from '../e2e/harness';
import { result, type BenchContext, type BenchResult } from './harness';

interface SyncBenchApi {
  ingest(laptops: number, perLaptop: number): Promise<{ ingestMs: number; rawMs: number; changes: number; records: number }>;
}

export async function benchIngestChromium(ctx: BenchContext): Promise<BenchResult[]> {
  if (!existsSync(path.join(ROOT, 'dist/renderer/index.html')) || !existsSync(path.join(ROOT, 'dist-electron/web-server.mjs'))) {
    ctx.log('building the app (npm run build) …');
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  }
  const work = await makeTempDir('bench-sync');
  const rendererDir = path.join(work, 'renderer');
  await cp(path.join(ROOT, 'dist/renderer'), rendererDir, { recursive: true });
  await build({
    root: path.join(ROOT, 'test/bench/browser'),
    base: './',
    logLevel: 'warn',
    configFile: false,
    build: { outDir: path.join(rendererDir, 'bench-sync'), emptyOutDir: true, target: 'es2023', rollupOptions: { input: path.join(ROOT, 'test/bench/browser/sync.html') } },
  });
  process.env.QUARTIER_RENDERER_DIR = rendererDir;
  let server: WebServer | undefined;
  let context: BrowserContext | undefined;
  const profile = path.join(work, 'profile');
  await mkdir(profile, { recursive: true });
  try {
    server = await startWebServer();
    context = await launchBrowser(profile);
    const page = await context.newPage();
    await page.goto(`${server.origin}/bench-sync/sync.html`);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready', null, { timeout: 60_000 });
    const r = await page.evaluate(() => (window as unknown as { quartierSyncBench: SyncBenchApi }).quartierSyncBench.ingest(10, 10_000));
    ctx.log(`chromium ingest: ${r.changes} changes in ${Math.round(r.ingestMs)} ms; raw bulkPut of the ${r.records} resulting records ${Math.round(r.rawMs)} ms`);
    return [
      result('sync.ingest100k.chromium.changesPerSecond', (r.changes / r.ingestMs) * 1000, 'changes/s', (r.changes / r.rawMs) * 1000, 'Chromium, real IndexedDB; baseline: raw bulkPut of the same records in the same browser as changes/s; target ratio ≥ 0.5'),
    ];
  } finally {
    if (context) await context.close().catch(() => undefined);
    if (server) await server.stop();
    delete process.env.QUARTIER_RENDERER_DIR;
    await rm(work, { recursive: true, force: true });
  }
}
