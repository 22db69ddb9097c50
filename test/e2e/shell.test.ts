// The shell end to end: web mode starts, the first-start dialog loads the demo
// data with visible progress, every area renders its heading, the data
// survives a reload and a browser restart with the same profile, and no page
// has serious or critical accessibility violations.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
  axeSeriousViolations,
  closeQuietly,
  countIndexedDb,
  describeViolations,
  launchBrowser,
  makeTempDir,
  openPage,
  removeDirs,
  screenshot,
  startWebServer,
  type PageProblems,
  type WebServer,
  loadDemoViaFirstStart,
  createFirstAdminViaFirstStart,
  signInAsAdminIfAsked,
} from './harness';

const AREAS = [
  { path: '/', label: 'Übersicht' },
  { path: '/accommodations', label: 'Unterkünfte' },
  { path: '/residents', label: 'Bewohner' },
  { path: '/occupancy', label: 'Belegung' },
  { path: '/allocations', label: 'Zuteilungen' },
  { path: '/reports', label: 'Berichte' },
  { path: '/letters', label: 'Schreiben' },
  { path: '/import', label: 'Import' },
  { path: '/protokoll', label: 'Protokoll' },
  { path: '/sync', label: 'Synchronisation' },
  { path: '/settings', label: 'Einstellungen' },
] as const;

const DOMAIN_TABLES = ['municipalities', 'accommodations', 'units', 'rooms', 'beds', 'persons', 'households', 'stays'] as const;

void describe('shell in web mode', { timeout: 240_000 }, () => {
  let server: WebServer | undefined;
  let profileDir: string | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let problems: PageProblems;
  let countsAfterLoad: Record<string, number> = {};

  const heading = () => page.getByRole('main').getByRole('heading', { level: 1 });
  const nav = () => page.getByRole('navigation', { name: 'Hauptnavigation' });

  async function recordCountOnSettings(): Promise<number> {
    await page.goto(`${server!.origin}/#/settings`);
    const count = page.getByTestId('local-record-count');
    await count.and(page.locator('[data-count]:not([data-count=""])')).waitFor();
    return Number(await count.getAttribute('data-count'));
  }

  before(async () => {
    server = await startWebServer();
    profileDir = await makeTempDir('profile');
    context = await launchBrowser(profileDir);
    ({ page, problems } = await openPage(context));
  });

  after(async () => {
    await closeQuietly(context);
    await server?.stop();
    await removeDirs(profileDir, server?.dataDir, server?.shareDir);
  });

  void it('starts in web mode, strips the token from the address and greets an empty database', async () => {
    await page.goto(server!.url);
    // Step 1 of the first start: the first administrator (there is no default account).
    await createFirstAdminViaFirstStart(page);
    const dialog = page.getByRole('dialog', { name: 'Willkommen bei Quartier' });
    await dialog.waitFor();
    assert.equal(new URL(page.url()).hash, '#/', 'the token must not stay in the address bar');
    assert.ok(await dialog.getByRole('button', { name: 'Demo-Daten laden' }).isVisible());
    assert.ok(await dialog.getByRole('button', { name: 'Leer starten' }).isVisible());
    await screenshot(page, 'first-start-dialog');
    const violations = await axeSeriousViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
  });

  void it('loads the demo data through the first-start dialog with visible progress, then shows the dashboard', async () => {
    // Record every progress text the dialog shows, however briefly.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __progressSeen: string[] }).__progressSeen = seen;
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid="demo-progress-text"]');
        const text = el?.textContent ?? '';
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await loadDemoViaFirstStart(page);

    const seen = await page.evaluate(() => (window as unknown as { __progressSeen: string[] }).__progressSeen);
    assert.ok(seen.length > 0, 'the progress text was never shown');
    assert.match(seen[seen.length - 1]!, /^[\d.]+ von [\d.]+ Datensätzen$/);

    assert.equal(new URL(page.url()).hash, '#/');
    await heading().waitFor();
    assert.equal(await heading().textContent(), 'Übersicht');

    countsAfterLoad = await countIndexedDb(page, DOMAIN_TABLES);
    for (const table of DOMAIN_TABLES) {
      assert.ok((countsAfterLoad[table] ?? 0) > 0, `table ${table} is empty after loading demo data: ${JSON.stringify(countsAfterLoad)}`);
    }
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'dashboard');

    const records = await recordCountOnSettings();
    const expected = Object.values(await countIndexedDb(page, ['municipalities', 'accommodations', 'units', 'rooms', 'beds', 'bedBlocks', 'persons', 'households', 'stays', 'allocations', 'letterTemplates', 'letters'])).reduce((a, b) => a + b, 0);
    assert.equal(records, expected, 'the settings page shows the number of records in IndexedDB');
    assert.ok(records > 1000, `a county's demo data has more than 1000 records, got ${records}`);
    await screenshot(page, 'settings');
  });

  void it('renders the h1 and title of every navigation target, reached through the navigation', async () => {
    await page.goto(`${server!.origin}/#/`);
    await heading().waitFor();
    for (const { path, label } of AREAS) {
      await nav().getByRole('link', { name: label, exact: true }).click();
      await page.waitForURL((url) => url.hash === `#${path}`);
      await page.getByRole('main').getByRole('heading', { level: 1, name: label, exact: true }).waitFor();
      assert.equal(await page.locator('h1').count(), 1, `${path}: exactly one h1`);
      assert.equal(await nav().getByRole('link', { name: label, exact: true }).getAttribute('aria-current'), 'page');
      assert.equal(await page.title(), `${label} – Quartier`);
    }
    assert.deepEqual(problems.errors, [], 'uncaught errors, console errors or failed requests while navigating');
  });

  void it('has no serious or critical accessibility violations on any page', async () => {
    const report: string[] = [];
    for (const { path, label } of AREAS) {
      await page.goto(`${server!.origin}/#${path}`);
      await page.getByRole('main').getByRole('heading', { level: 1, name: label, exact: true }).waitFor();
      await page.waitForLoadState('networkidle');
      const violations = await axeSeriousViolations(page);
      if (violations.length > 0) report.push(`${path}:\n${describeViolations(violations)}`);
    }
    assert.equal(report.join('\n\n'), '');
  });

  void it('on a narrow window the navigation opens from the menu button and closes after choosing', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    try {
      await page.goto(`${server!.origin}/#/`);
      await heading().waitFor();
      const menu = page.getByRole('button', { name: 'Navigation öffnen' });
      await menu.click();
      await nav().getByRole('link', { name: 'Berichte', exact: true }).waitFor();
      await screenshot(page, 'narrow-navigation-open');
      await nav().getByRole('link', { name: 'Berichte', exact: true }).click();
      await page.getByRole('main').getByRole('heading', { level: 1, name: 'Berichte', exact: true }).waitFor();
      await nav().waitFor({ state: 'hidden' });
      const violations = await axeSeriousViolations(page);
      assert.deepEqual(violations, [], describeViolations(violations));
    } finally {
      await page.setViewportSize({ width: 1366, height: 860 });
    }
  });

  void it('keeps the data across a reload and does not greet again', async () => {
    await page.goto(`${server!.origin}/#/`);
    await heading().waitFor();
    await page.reload();
    await heading().waitFor();
    assert.deepEqual(await countIndexedDb(page, DOMAIN_TABLES), countsAfterLoad);
    // The first-start check is asynchronous; give it the time it needs to (wrongly) open.
    await page.waitForTimeout(1000);
    assert.equal(await page.getByRole('dialog', { name: 'Willkommen bei Quartier' }).count(), 0);
  });

  void it('keeps the data across a browser restart with the same profile', async () => {
    await closeQuietly(context);
    context = await launchBrowser(profileDir!);
    ({ page, problems } = await openPage(context, server!.url));
    // A new browser session asks for the password again.
    await signInAsAdminIfAsked(page);
    await heading().waitFor();
    assert.deepEqual(await countIndexedDb(page, DOMAIN_TABLES), countsAfterLoad);
    assert.ok((await recordCountOnSettings()) > 1000);
    assert.equal(await page.getByRole('dialog', { name: 'Willkommen bei Quartier' }).count(), 0);
    assert.deepEqual(problems.errors, [], 'uncaught errors or console errors after the restart');
  });
});
