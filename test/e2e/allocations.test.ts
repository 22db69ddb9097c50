// Zuteilungen end to end in web mode: load the demo data, choose three
// households on the Warteliste, accept the proposal, confirm; the quota
// ledger's allocated total grows by exactly their persons; "Umzug erfolgt"
// for one household frees its beds (dashboard figure and IndexedDB); the
// batch of letters arrives as a PDF download that names the households.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
  axeSeriousViolations,
  closeQuietly,
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
} from './harness';

const run = promisify(execFile);

interface Chosen {
  name: string;
  members: number;
}

void describe('allocations in web mode', { timeout: 300_000 }, () => {
  let server: WebServer | undefined;
  let profileDir: string | undefined;
  let downloadDir: string | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let problems: PageProblems;
  let chosen: Chosen[] = [];
  let allocatedBefore = 0;

  const go = async (tab: string) => {
    await page.goto(`${server!.origin}/#/allocations?tab=${tab}`);
    await page.getByRole('main').getByRole('heading', { level: 1, name: 'Zuteilungen' }).waitFor();
  };
  const totalAllocated = async () => {
    const cell = page.getByTestId('quota-total-allocated');
    await cell.waitFor();
    return Number((await cell.textContent())!.replace(/\./g, ''));
  };
  const occupiedOnDashboard = async () => {
    await page.goto(`${server!.origin}/#/`);
    const value = page.getByTestId('figure-occupied').locator('p').filter({ hasText: /^[\d.]+$/ });
    await value.waitFor();
    return Number((await value.textContent())!.replace(/\./g, ''));
  };

  before(async () => {
    server = await startWebServer();
    profileDir = await makeTempDir('profile');
    downloadDir = await makeTempDir('downloads');
    context = await launchBrowser(profileDir);
    ({ page, problems } = await openPage(context));
    await page.goto(server.url);
    await loadDemoViaFirstStart(page);
  });

  after(async () => {
    await closeQuietly(context);
    await server?.stop();
    await removeDirs(profileDir, downloadDir, server?.dataDir, server?.shareDir);
  });

  void it('lists the queue with reasons as text, and three households can be selected and proposed', async () => {
    await go('quota');
    allocatedBefore = await totalAllocated();

    await go('queue');
    const rows = page.locator('.MuiDataGrid-row');
    await rows.first().waitFor({ timeout: 30_000 });
    assert.ok((await rows.count()) >= 3, 'the demo queue has at least three households');
    // Every row says WHY it is in the queue, in words.
    const reasons = await rows.first().locator('[data-field="reasons"]').textContent();
    assert.match(reasons ?? '', /Frist|Asylverfahren|Aufenthaltstitel/);

    // Three households with different names (the demo has namesakes), so each can be found again by name.
    chosen = [];
    for (let i = 0; chosen.length < 3 && i < (await rows.count()); i++) {
      const row = rows.nth(i);
      const name = (await row.locator('[data-field="name"]').textContent())!.trim();
      if (chosen.some((c) => c.name === name) || (await rows.filter({ hasText: name }).count()) > 1) continue;
      chosen.push({ name, members: Number(await row.locator('[data-field="members"]').textContent()) });
      await row.getByRole('checkbox').check();
    }
    assert.equal(chosen.length, 3);
    await page.getByText(/^3 ausgewählt/).waitFor();
    const violations = await axeSeriousViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.getByRole('button', { name: 'Vorschlag erstellen' }).click();

    const proposalRows = page.getByTestId('proposal-row');
    await proposalRows.first().waitFor();
    assert.equal(await proposalRows.count(), 3);
    for (const c of chosen) {
      const row = proposalRows.filter({ hasText: c.name });
      assert.equal(await row.count(), 1, `proposal row for ${c.name}`);
      const explanation = (await row.getByTestId('proposal-explanation').textContent()) ?? '';
      assert.match(explanation, /(unter Soll|am wenigsten darüber) \(Soll \d+, bisher \d+\)/, explanation);
    }
    await screenshot(page, 'allocations-proposal');
  });

  void it('confirms the proposal: the ledger counts the persons', async () => {
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    await page.getByText('Die Zuteilungen sind gespeichert.', { exact: false }).waitFor();
    const persons = chosen.reduce((s, c) => s + c.members, 0);

    // Generate the letters now (the button the confirmation offers).
    await page.getByRole('button', { name: 'Schreiben erzeugen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Schreiben zur Zuteilung' });
    await dialog.waitFor();
    const generate = dialog.getByRole('button', { name: 'PDF erzeugen' });
    // One letter per household, ONE notice per municipality listing all its persons of the batch.
    const summary = (await dialog.getByText(/Zuteilungsschreiben an Haushalte/).textContent()) ?? '';
    const counts = /(\d+) Zuteilungsschreiben an Haushalte und (\d+) Mitteilungen an Gemeinden/.exec(summary);
    assert.ok(counts, summary);
    assert.equal(Number(counts[1]), chosen.length);
    const notices = Number(counts[2]);
    assert.ok(notices >= 1 && notices <= chosen.length, summary);
    await page.waitForFunction(
      () => {
        const b = [...document.querySelectorAll('[role="dialog"] button')].find((x) => x.textContent === 'PDF erzeugen');
        return b && !(b as HTMLButtonElement).disabled;
      },
      undefined,
      { timeout: 30_000 },
    ).catch(async () => {
      throw new Error(`letters not ready: ${await dialog.textContent()}`);
    });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), generate.click()]);
    assert.match(download.suggestedFilename(), /^Schreiben-.*\.pdf$/);
    assert.doesNotMatch(download.suggestedFilename(), new RegExp(chosen.map((c) => c.name.split(/[ ,]/).find((w) => w.length > 2 && w !== 'Familie')).join('|')));
    const file = path.join(downloadDir!, 'letters.pdf');
    await download.saveAs(file);
    const { stdout } = await run('pdftotext', ['-layout', file, '-']);
    for (const c of chosen) {
      const family = c.name.startsWith('Familie ') ? c.name.slice('Familie '.length) : c.name.split(',')[0]!;
      assert.ok(stdout.includes(family), `the letters name ${family}`);
    }
    assert.match(stdout, /Anschlussunterbringung|Zuteilung/);
    assert.equal(stdout.split('Sehr geehrte Damen und Herren').length - 1, notices, 'one notice per municipality');
    const listed = [...stdout.matchAll(/die\s+folgenden\s+(\d+)\s+Personen/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    assert.equal(listed, chosen.reduce((sum, c) => sum + c.members, 0), 'together the notices list every person of the batch');
    await dialog.waitFor({ state: 'detached' });

    await go('quota');
    await page.waitForFunction(
      (expected) => Number(document.querySelector('[data-testid="quota-total-allocated"]')?.textContent?.replace(/\./g, '')) === expected,
      allocatedBefore + persons,
      { timeout: 10_000 },
    );
    assert.equal(await totalAllocated(), allocatedBefore + persons);
    await page.waitForLoadState('networkidle');
    const violations = await axeSeriousViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'allocations-quota-ledger');
  });

  void it('"Umzug erfolgt" ends the stays: the persons no longer occupy beds', async () => {
    const occupiedBefore = await occupiedOnDashboard();
    const first = chosen[0]!;
    await go('allocations');
    await page.getByRole('button', { name: `Umzug erfolgt: ${first.name}` }).first().click();
    const dialog = page.getByRole('dialog', { name: `Umzug erfolgt – ${first.name}` });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.MuiDataGrid-row', { hasText: first.name }).filter({ hasText: 'umgezogen' }).first().waitFor();

    // Dexie writes are committed; the dashboard reads the same database.
    await page.waitForTimeout(500);
    const occupiedAfter = await occupiedOnDashboard();
    assert.equal(occupiedAfter, occupiedBefore - first.members, 'the household\'s beds are free');

    const open = await page.evaluate(async (name) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('quartier');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('open'));
      });
      // Inline callbacks only: tsx would wrap named inner functions in a helper the page does not have.
      const [allocRows, householdRows, stayRows] = await Promise.all(
        ['allocations', 'households', 'stays'].map(
          (store) =>
            new Promise<unknown[]>((resolve, reject) => {
              const r = db.transaction(store).objectStore(store).getAll();
              r.onsuccess = () => resolve(r.result);
              r.onerror = () => reject(r.error ?? new Error('getAll'));
            }),
        ),
      );
      const allocations = allocRows as { personIds: string[]; status: string; movedOn?: string; householdId: string | null; updatedAt: string }[];
      const households = householdRows as { id: string; name: string }[];
      const stays = stayRows as { personId: string; to: string | null; cancelled?: boolean; departureReason?: string | null }[];
      // The allocation just marked: the latest change to status moved (demo data has older ones).
      const moved = allocations.filter((a) => a.status === 'moved' && a.movedOn).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0];
      const hh = moved?.householdId ? households.find((h) => h.id === moved.householdId) : undefined;
      if (hh && hh.name !== name) throw new Error(`latest moved allocation is ${hh.name}, expected ${name}`);
      db.close();
      if (!moved) return { found: false, openStays: -1, reasons: [] as string[] };
      const mine = stays.filter((s) => moved.personIds.includes(s.personId) && !s.cancelled);
      return {
        found: true,
        openStays: mine.filter((s) => s.to === null || s.to > moved.movedOn!).length,
        reasons: [...new Set(mine.filter((s) => s.to === moved.movedOn).map((s) => s.departureReason ?? ''))],
      };
    }, first.name);
    assert.equal(open.found, true);
    assert.equal(open.openStays, 0);
    assert.deepEqual(open.reasons, ['follow_up_accommodation']);
    assert.deepEqual(problems.errors, [], 'uncaught errors, console errors or failed requests');
  });
});
