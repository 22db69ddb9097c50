// Letters end to end in web mode: batch letters for the municipalities are
// generated from the UI with a visible progress bar (in the export worker),
// the PDF arrives as a browser download, and its text is checked: one
// letter per selected case, each starting on a new page, all logged.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { fillDate } from './occupancy-helpers';
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
} from './harness';

async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  return pages;
}

void describe('letters in web mode', { timeout: 300_000 }, () => {
  let server: WebServer | undefined;
  let profileDir: string | undefined;
  let downloadDir: string | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let problems: PageProblems;

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

  void it('generates a batch of letters with a progress bar and downloads one PDF with one letter per case', async () => {
    await page.goto(`${server!.origin}/#/letters`);
    await page.getByRole('heading', { level: 1, name: 'Schreiben' }).waitFor();
    await page.getByRole('combobox', { name: 'Art des Schreibens' }).click();
    await page.getByRole('option', { name: 'Mitteilung an die Gemeinde' }).click();
    // German picker fields (TT.MM.JJJJ), typed the way a user does.
    await fillDate(page, page.locator('main'), 'Von', '2000-01-01');
    await fillDate(page, page.locator('main'), 'Bis', '2100-12-31');
    const table = page.getByRole('table', { name: 'Fälle für Serienbriefe' });
    await table.getByRole('row').nth(1).waitFor();
    const cases = (await table.getByRole('row').count()) - 1;
    assert.ok(cases > 0, 'the demo data has decided or planned allocations');
    await page.getByRole('checkbox', { name: 'Alle auswählen' }).check();
    await page.getByRole('button', { name: 'Prüfen und Vorschau' }).click();
    await page.getByTestId('letter-preview').waitFor();
    await screenshot(page, 'letters-batch-preview');
    const problemsShown = page.getByTestId('letter-problems');
    assert.equal(await problemsShown.count(), 0, `nothing is missing, but: ${(await problemsShown.count()) ? await problemsShown.textContent() : ''}`);

    // Record whether the progress bar was shown, however briefly.
    await page.evaluate(() => {
      const w = window as unknown as { __progressSeen: boolean };
      w.__progressSeen = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="export-progress"]')) w.__progressSeen = true;
      }).observe(document.body, { subtree: true, childList: true });
    });
    const download = page.waitForEvent('download', { timeout: 180_000 });
    await page.getByRole('button', { name: /Schreiben erstellen und speichern/ }).click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^Schreiben-\d{4}-[0-9A-Z]{6}-\d{5}(-Stapel-\d+)?\.pdf$/, 'no personal data in the file name');
    const target = path.join(downloadDir!, file.suggestedFilename());
    await file.saveAs(target);
    assert.equal(await page.evaluate(() => (window as unknown as { __progressSeen: boolean }).__progressSeen), true, 'the progress bar was shown');

    const bytes = new Uint8Array(await readFile(target));
    assert.equal(new TextDecoder().decode(bytes.slice(0, 5)), '%PDF-');
    const pages = await pdfPages(bytes);
    const letterStarts = pages.filter((p) => p.includes('Sehr geehrte Damen und Herren'));
    assert.equal(letterStarts.length, cases, 'one letter per selected case, each starting on its own page');
    for (const p of letterStarts) {
      assert.ok(p.includes('Zuteilung von Personen in die Anschlussunterbringung nach § 18 FlüAG'), 'subject on every first page');
      assert.ok(p.includes('Landratsamt Zollernalbkreis'), 'letterhead on every first page');
    }
    assert.ok(!pages.join(' ').includes('undefined'));

    const counts = await countIndexedDb(page, ['letters']);
    assert.equal(counts.letters, cases, 'every letter is in the log');
    await page.getByRole('tab', { name: 'Protokoll' }).click();
    await page.getByRole('table', { name: 'Protokoll der Schreiben' }).waitFor();
    await screenshot(page, 'letters-log');
    assert.deepEqual(problems.errors, [], 'no uncaught or console errors');
  });

  void it('has no serious accessibility violations on the letters tabs', async () => {
    for (const tab of ['Serienbriefe', 'Protokoll', 'Vorlagen', 'Briefkopf']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForLoadState('networkidle');
      const violations = await axeSeriousViolations(page);
      assert.deepEqual(violations, [], `${tab}:\n${describeViolations(violations)}`);
    }
    await screenshot(page, 'letters-letterhead');
  });

  void it('shows a report and downloads it as Excel', async () => {
    await page.goto(`${server!.origin}/#/reports`);
    await page.getByRole('heading', { level: 1, name: 'Berichte' }).waitFor();
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    const preview = page.getByTestId('report-preview');
    await preview.getByRole('heading', { name: 'Belegungsübersicht' }).waitFor();
    assert.ok((await preview.getByText('Landkreis gesamt').count()) > 0);
    const violations = await axeSeriousViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'reports-overview');
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Als Excel speichern' }).click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^Belegungsuebersicht-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const target = path.join(downloadDir!, file.suggestedFilename());
    await file.saveAs(target);
    const bytes = await readFile(target);
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an xlsx file is a zip archive');
    assert.deepEqual(problems.errors, [], 'no uncaught or console errors');
  });
});
