// End-to-end harness: runs the real web-mode server (dist-electron/
// web-server.mjs, built by `npm run build`) as a child process and drives the
// real UI in Debian's Chromium through playwright-core.
//
// Everything started here must be stopped in an after hook / finally block,
// or node:test waits forever for the child process and the browser.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');

const STARTUP_LINE = /Quartier \(Web-Modus\): (http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+))/;
const STARTUP_TIMEOUT_MS = 30_000;

export interface WebServer {
  /** URL with the token fragment, as printed by the server. */
  url: string;
  /** http://127.0.0.1:<port> – the browser origin (IndexedDB is per origin). */
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  shareDir: string;
  /** Everything the server wrote, for diagnostics in failing tests. */
  output: () => string;
  stop: () => Promise<void>;
}

/** Makes a fresh temp folder; removed by the returned cleanup. */
export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `quartier-e2e-${prefix}-`));
}

/**
 * Starts `node dist-electron/web-server.mjs` on a random free port with a
 * fresh data folder and a fresh shared folder, and resolves once it printed
 * its URL.
 */
export async function startWebServer(options: { dataDir?: string; shareDir?: string } = {}): Promise<WebServer> {
  const serverFile = path.join(ROOT, 'dist-electron', 'web-server.mjs');
  const dataDir = options.dataDir ?? (await makeTempDir('data'));
  const shareDir = options.shareDir ?? (await makeTempDir('share'));
  const child = spawn(process.execPath, [serverFile], {
    cwd: ROOT,
    env: { ...process.env, QUARTIER_PORT: '0', QUARTIER_DATA_DIR: dataDir, QUARTIER_SHARE_DIR: shareDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    output += chunk;
  });

  const stop = () => stopChild(child);

  try {
    const match = await new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`web server did not print its URL within ${STARTUP_TIMEOUT_MS} ms:\n${output}`)), STARTUP_TIMEOUT_MS);
      child.stdout.on('data', (chunk: string) => {
        output += chunk;
        const m = STARTUP_LINE.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`web server exited with code ${code} before printing its URL:\n${output}`));
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    const [, url, port, token] = match as unknown as [string, string, string, string];
    return {
      url,
      origin: `http://127.0.0.1:${port}`,
      port: Number(port),
      token,
      dataDir,
      shareDir,
      output: () => output,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Launches Chromium with a persistent profile in `userDataDir`, so a test can
 * close the browser and start it again with the same IndexedDB.
 */
export async function launchBrowser(userDataDir: string): Promise<BrowserContext> {
  await mkdir(userDataDir, { recursive: true });
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 860 },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
  });
}

export interface PageProblems {
  /** Uncaught exceptions and console.error output of the page. */
  errors: string[];
}

/**
 * A page of the context (the persistent context opens one already) that
 * records uncaught errors and console errors, so tests can assert that the
 * app ran cleanly.
 */
export async function openPage(context: BrowserContext, url?: string): Promise<{ page: Page; problems: PageProblems }> {
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: PageProblems = { errors: [] };
  page.on('pageerror', (error) => problems.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(`console.error: ${message.text()}`);
  });
  // The console only says "404"; name the resource.
  page.on('response', (response) => {
    if (response.status() >= 400) problems.errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  if (url) await page.goto(url);
  return { page, problems };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

let axeSource: string | undefined;

/**
 * Runs axe-core (WCAG 2.x A/AA rules) on the current page and returns the
 * violations with impact "serious" or "critical".
 */
export async function axeSeriousViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol: the app's CSP forbids inline
  // <script> tags (so addScriptTag would be blocked), but not this.
  await page.evaluate(axeSource);
  // Let running transitions finish first: a button caught mid-fade (e.g. the
  // export buttons appearing after a save) has a half-transparent colour and
  // fails the contrast rule although the settled page passes. Endless
  // animations (progress spinners) are not waited for.
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.race([Promise.all(finite.map((a) => a.finished.catch(() => undefined))), new Promise((r) => setTimeout(r, 3000))]);
  });
  const violations = await page.evaluate(async () => {
    type AxeResult = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
    };
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Human-readable list of violations for assertion messages. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.impact}: ${v.id} – ${v.help}\n  ${v.nodes.slice(0, 5).join('\n  ')}`).join('\n');
}

/** Saves a full-page PNG under test-results/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^A-Za-z0-9_-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Removes temp folders; never throws (cleanup must not hide the real failure). */
export async function removeDirs(...dirs: (string | undefined)[]): Promise<void> {
  await Promise.all(dirs.filter((d): d is string => !!d).map((d) => rm(d, { recursive: true, force: true }).catch(() => undefined)));
}

/** Closes a browser context without throwing. */
export async function closeQuietly(context: BrowserContext | undefined): Promise<void> {
  await context?.close().catch(() => undefined);
}

/**
 * Counts the records of the app's IndexedDB database per table, read
 * directly in the page (independent of the UI).
 */
export async function countIndexedDb(page: Page, tables: readonly string[], dbName = 'quartier'): Promise<Record<string, number>> {
  return page.evaluate(
    async ({ tables, dbName }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(dbName);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('indexedDB.open failed'));
      });
      try {
        const present = tables.filter((t) => db.objectStoreNames.contains(t));
        const counts: Record<string, number> = {};
        if (present.length === 0) return counts;
        const tx = db.transaction(present, 'readonly');
        await Promise.all(
          present.map(
            (t) =>
              new Promise<void>((resolve, reject) => {
                const req = tx.objectStore(t).count();
                req.onsuccess = () => {
                  counts[t] = req.result;
                  resolve();
                };
                req.onerror = () => reject(req.error ?? new Error('count failed'));
              }),
          ),
        );
        return counts;
      } finally {
        db.close();
      }
    },
    { tables: [...tables], dbName },
  );
}

/** A field label exactly (MUI appends " *" to the label of a required field). */
function labelled(label: string): RegExp {
  return new RegExp(`^${label}\\s*\\*?$`);
}

/** The administrator every e2e test creates on first start (there is no default account). */
export const E2E_ADMIN = { name: 'Test Administration', login: 'admin', password: 'e2e-Admin-Passwort-1' } as const;

/**
 * First start, step 1: creates the first administrator through the dialog
 * "Erste Administration anlegen" (and is then signed in as it). Waits until
 * the dialog is gone.
 */
export async function createFirstAdminViaFirstStart(page: Page, admin: { name: string; login: string; password: string } = E2E_ADMIN, timeoutMs = 60_000): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Erste Administration anlegen' });
  await dialog.waitFor({ timeout: timeoutMs });
  await dialog.getByLabel(labelled('Name')).fill(admin.name);
  await dialog.getByLabel(labelled('Anmeldename')).fill(admin.login);
  await dialog.getByLabel(labelled('Passwort')).fill(admin.password);
  await dialog.getByLabel(labelled('Passwort wiederholen')).fill(admin.password);
  await dialog.getByRole('button', { name: 'Administration anlegen' }).click();
  await dialog.waitFor({ state: 'detached', timeout: timeoutMs });
}

/**
 * Creates the first administrator (if the database has no user yet), answers
 * the welcome dialog with "Demo-Daten laden" and waits until the load has
 * finished and the dialog is gone (the county demo data, all in one
 * transaction).
 */
export async function loadDemoViaFirstStart(page: Page, timeoutMs = 120_000): Promise<void> {
  const adminDialog = page.getByRole('dialog', { name: 'Erste Administration anlegen' });
  const dialog = page.getByRole('dialog', { name: 'Willkommen bei Quartier' });
  await adminDialog.or(dialog).first().waitFor({ timeout: timeoutMs });
  if (await adminDialog.isVisible()) await createFirstAdminViaFirstStart(page, E2E_ADMIN, timeoutMs);
  await dialog.waitFor({ timeout: timeoutMs });
  await dialog.getByRole('button', { name: 'Demo-Daten laden' }).click();
  await dialog.waitFor({ state: 'detached', timeout: timeoutMs });
}

/**
 * Signs in on the sign-in screen ("Anmelden"). If someone is signed in, signs
 * them out first. Waits until the app shell (main navigation) is there.
 */
export async function signIn(page: Page, login: string, password: string, timeoutMs = 30_000): Promise<void> {
  const form = page.getByRole('region', { name: 'Anmelden' });
  const account = page.getByRole('button', { name: /^Benutzerkonto: / });
  await form.or(account).first().waitFor({ timeout: timeoutMs });
  if (!(await form.isVisible())) await signOut(page, timeoutMs);
  await form.getByLabel(labelled('Anmeldename')).fill(login);
  await form.getByLabel(labelled('Passwort')).fill(password);
  await form.getByRole('button', { name: 'Anmelden' }).click();
  await account.waitFor({ timeout: timeoutMs });
}

/** Signs out through the account menu in the app bar and waits for the sign-in screen. */
export async function signOut(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.getByRole('button', { name: /^Benutzerkonto: / }).click();
  await page.getByRole('menuitem', { name: 'Abmelden' }).click();
  await page.getByRole('region', { name: 'Anmelden' }).waitFor({ timeout: timeoutMs });
}

/** Signs in as the e2e administrator when the sign-in screen is shown (e.g. after a browser restart). */
export async function signInAsAdminIfAsked(page: Page, timeoutMs = 30_000): Promise<void> {
  const form = page.getByRole('region', { name: 'Anmelden' });
  const account = page.getByRole('button', { name: /^Benutzerkonto: / });
  await form.or(account).first().waitFor({ timeout: timeoutMs });
  if (await form.isVisible()) await signIn(page, E2E_ADMIN.login, E2E_ADMIN.password, timeoutMs);
}

/**
 * First start on a second laptop: „Mit der gemeinsamen Ablage verbinden“
 * with the organisation passphrase (the share folder field is prefilled from
 * the server's share). Resolves with the refusal text, or null when the
 * sign-in screen followed.
 */
export async function joinOfficeViaFirstStart(page: Page, passphrase: string, timeoutMs = 60_000): Promise<string | null> {
  const first = page.getByRole('dialog', { name: 'Erste Administration anlegen' });
  const join = page.getByRole('dialog', { name: 'Mit der gemeinsamen Ablage verbinden' });
  await first.or(join).first().waitFor({ timeout: timeoutMs });
  if (await first.isVisible()) await first.getByRole('button', { name: 'Mit der gemeinsamen Ablage verbinden' }).click();
  await join.getByLabel(labelled('Passwort der Organisation')).fill(passphrase);
  await join.getByRole('button', { name: 'Verbinden' }).click();
  const refusal = join.getByRole('alert');
  const signInForm = page.getByRole('region', { name: 'Anmelden' });
  await refusal.or(signInForm).first().waitFor({ timeout: timeoutMs });
  return (await refusal.isVisible()) ? refusal.innerText() : null;
}

/**
 * The steps of one end-to-end flow, each a node:test case. The steps build on
 * each other, so after a failure the rest are skipped (instead of each timing
 * out on its own) and the page at the moment of failure is saved as
 * `<failureShot(step name)>.png`. `page` is read when a step runs (the page is
 * created in a `before` hook).
 */
export function flowSteps(page: () => Page, failureShot: (stepName: string) => string): (name: string, fn: () => Promise<void>) => void {
  let broken = false;
  return (name, fn) => {
    void it(name, async (t) => {
      if (broken) {
        t.skip('an earlier step failed');
        return;
      }
      try {
        await fn();
      } catch (error) {
        broken = true;
        await screenshot(page(), failureShot(name)).catch(() => undefined);
        throw error;
      }
    });
  };
}
