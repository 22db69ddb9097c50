// Import end to end in web mode (real Chromium, real Web Worker): on the demo
// county, an accommodation list (xlsx, 50 rooms × 4 places) is imported, then
// a 200-row occupancy list (CSV, Windows-1252, ";") with exactly 5 broken
// rows. The preview must list exactly those 5 rows (and nothing is
// importable); the error list downloads as Excel with the same rows; the
// corrected file imports in one step and the dashboard's county figures
// change by exactly what the files imply: +200 places, +200 occupied, free
// unchanged. In between, the real Web Worker isolation: a file crafted to
// pollute Object.prototype leaves the page clean, and a pathological file is
// stopped by the 15 s limit with its German message.
// Screenshot: test-results/screenshots/import-preview.png.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import {
  axeSeriousViolations,
  closeQuietly,
  describeViolations,
  launchBrowser,
  loadDemoViaFirstStart,
  makeTempDir,
  openPage,
  removeDirs,
  screenshot,
  startWebServer,
  type PageProblems,
  type WebServer,
  flowSteps,
} from './harness';
import { eventually, readDashboardFigures } from './occupancy-helpers';
import { heavyXlsx, pollutingXlsx } from '../unit/import/hostileFiles';

const ACCOMMODATION = 'GU Importweg 7';
const ROOMS = 50;
const PLACES_PER_ROOM = 4;
const ROWS = 200;
/** Data rows (spreadsheet row numbers) broken on purpose, and how. */
const BROKEN = { 12: 'feb31', 50: 'unknownRoom', 90: 'noName', 130: 'unknownNationality', 170: 'duplicateAz' } as const;
const NATIONALITIES = ['Syrien', 'syrisch', 'Ukraine', 'Afghanistan', 'Türkei', 'Eritrea', 'irakisch'];
const FAMILY = ['Müller', 'Özdemir', 'Haddad', 'Kovalenko', 'Ahmadi', 'Tesfaye', 'Größer'];

function accommodationXlsx(municipality: string): Buffer {
  const aoa: (string | number)[][] = [['Unterkunft', 'Art', 'Straße', 'PLZ', 'Gemeinde', 'Eröffnet am', 'Gebäude', 'Zimmer', 'Fläche (m²)', 'Plätze']];
  for (let r = 1; r <= ROOMS; r++) aoa.push([ACCOMMODATION, 'GU', 'Importweg 7', '72000', municipality, '01.01.2020', 'Haus A', String(r), '24,5', PLACES_PER_ROOM]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Unterkünfte');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

/** The occupancy list; `broken` applies the five faults. Row n of the sheet is person n - 2. */
function occupancyCsv(broken: boolean): Buffer {
  const lines = ['Aktenzeichen;Nachname;Vorname;Geb.-Datum;Staatsangehörigkeit;Unterkunft;Gebäude;Zimmer;Bett;Einzug'];
  for (let i = 0; i < ROWS; i++) {
    const row = i + 2;
    const cells = [
      `IMP-${String(i + 1).padStart(4, '0')}`,
      `${FAMILY[i % FAMILY.length]!}`,
      `Jörg${i}`,
      `${String(1 + (i % 28)).padStart(2, '0')}.${String(1 + (i % 12)).padStart(2, '0')}.${1960 + (i % 45)}`,
      NATIONALITIES[i % NATIONALITIES.length]!,
      ACCOMMODATION,
      'Haus A',
      String(Math.floor(i / PLACES_PER_ROOM) + 1),
      `Bett ${(i % PLACES_PER_ROOM) + 1}`,
      '01.10.2025',
    ];
    const fault = broken ? (BROKEN as Record<number, string>)[row] : undefined;
    if (fault === 'feb31') cells[9] = '31.02.2024';
    if (fault === 'unknownRoom') cells[7] = '99';
    if (fault === 'noName') [cells[1], cells[2]] = ['', ''];
    if (fault === 'unknownNationality') cells[4] = 'Atlantis';
    if (fault === 'duplicateAz') cells[0] = `IMP-${String(i).padStart(4, '0')}`; // the previous row's Aktenzeichen
    lines.push(cells.join(';'));
  }
  // Windows-1252, as Excel on a German Windows saves "CSV (Trennzeichen-getrennt)".
  const text = lines.join('\r\n') + '\r\n';
  return Buffer.from(text, 'latin1');
}

/** "1.234" → 1234. */
const num = (s: string | undefined) => Number((s ?? '').replace(/\./g, '').replace(',', '.'));

void describe('import end to end in web mode', { timeout: 300_000 }, () => {
  let server: WebServer | undefined;
  let profileDir: string | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let problems: PageProblems;
  let municipality = '';
  let before0: Record<string, string> = {};

  const main = () => page.getByRole('main');
  const button = (name: string | RegExp) => main().getByRole('button', { name });

  async function pickFile(name: string, mimeType: string, buffer: Buffer): Promise<void> {
    await page.getByTestId('import-file-input').setInputFiles({ name, mimeType, buffer });
    await main().getByText(`Gewählte Datei: ${name}`, { exact: false }).waitFor({ timeout: 30_000 });
  }

  async function throughToPreview(): Promise<void> {
    await button('Weiter').click(); // → sheet
    await button('Weiter').click(); // → columns
    await main().getByText('Ordnen Sie jedem Feld', { exact: false }).waitFor();
    await button('Weiter').click(); // → preview
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
  }

  const step = flowSteps(() => page, () => 'import-failure');

  before(async () => {
    server = await startWebServer();
    profileDir = await makeTempDir('profile');
    context = await launchBrowser(profileDir);
    ({ page, problems } = await openPage(context));
    page.setDefaultTimeout(20_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  after(async () => {
    await closeQuietly(context);
    await server?.stop();
    await removeDirs(profileDir, server?.dataDir, server?.shareDir);
  });

  step('loads the demo county and notes the dashboard figures', async () => {
    await page.goto(server!.url);
    await loadDemoViaFirstStart(page);
    municipality = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('quartier');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('open failed'));
      });
      const all = await new Promise<{ name: string }[]>((resolve, reject) => {
        const req = db.transaction('municipalities').objectStore('municipalities').getAll();
        req.onsuccess = () => resolve(req.result as { name: string }[]);
        req.onerror = () => reject(req.error ?? new Error('read failed'));
      });
      db.close();
      return all[0]?.name ?? '';
    });
    assert.ok(municipality, 'the demo has municipalities');
    await page.goto(`${server!.origin}/#/`);
    // Right after the demo load the figures may still be the empty start's for a moment.
    before0 = await eventually(async () => {
      const figures = await readDashboardFigures(page);
      assert.ok(num(figures['Plätze']) > 0, JSON.stringify(figures));
      return figures;
    }, 30_000);
  });

  step('imports the accommodation list (50 rooms × 4 places)', async () => {
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Import', exact: true }).click();
    await main().getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    await main().getByRole('radio', { name: /Unterkünfte mit Zimmern und Plätzen/ }).check();
    await pickFile('unterkuenfte.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', accommodationXlsx(municipality));
    await throughToPreview();
    assert.equal(await page.getByTestId('import-error-rows').getAttribute('data-count'), '0');
    await main().getByText(`Wird angelegt: Unterkünfte 1 · Gebäude/Wohnungen 1 · Zimmer ${ROOMS} · Plätze ${ROOMS * PLACES_PER_ROOM}`).waitFor();
    await button(`${ROOMS} Zeilen importieren`).click();
    await main().getByText(`Import abgeschlossen: ${ROOMS} Zeilen aus „unterkuenfte.xlsx“ übernommen.`).waitFor({ timeout: 60_000 });
  });

  step('previews the 200-row occupancy list: exactly the 5 broken rows, nothing importable', async () => {
    await button('Neuer Import').click();
    await main().getByRole('radio', { name: /Aktuelle Belegung/ }).check();
    await pickFile('belegung.csv', 'text/csv', occupancyCsv(true));
    await main().getByText('CSV gelesen als Windows-1252, Trennzeichen „;“.').waitFor();
    await throughToPreview();
    const errorRows = await page
      .getByTestId('import-problems')
      .locator('tbody tr[data-severity="error"]')
      .evaluateAll((trs) => [...new Set(trs.map((tr) => Number(tr.getAttribute('data-row'))))]);
    assert.deepEqual(errorRows.sort((a, b) => a - b), Object.keys(BROKEN).map(Number));
    assert.equal(await page.getByTestId('import-error-rows').getAttribute('data-count'), '5');
    const table = page.getByTestId('import-problems');
    await table.getByText('„31.02.2024“ ist kein gültiges Datum (diesen Tag gibt es nicht).').waitFor();
    await table.getByText(`Zimmer „99“ gibt es in „${ACCOMMODATION}“ nicht.`).waitFor();
    await table.getByText('Staatsangehörigkeit „Atlantis“ ist unbekannt.').waitFor();
    await table.getByText('Das Aktenzeichen „IMP-0168“ steht schon in Zeile 169.').waitFor();
    assert.equal(await button(`${ROWS} Zeilen importieren`).isDisabled(), true);
    const violations = await axeSeriousViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'import-preview');
  });

  step('downloads the error list as Excel with the same five rows', async () => {
    const download = page.waitForEvent('download');
    await button('Fehlerliste herunterladen (Excel)').click();
    const file = await (await download).path();
    const wb = XLSX.read(await readFile(file), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1 });
    assert.deepEqual(rows[0], ['Zeile', 'Spalte', 'Feld', 'Art', 'Meldung']);
    const listed = [...new Set(rows.slice(1).filter((r) => r[3] === 'Fehler').map((r) => Number(r[0])))].sort((a, b) => a - b);
    assert.deepEqual(listed, Object.keys(BROKEN).map(Number));
  });

  step('a file crafted to pollute Object.prototype (CVE-2023-30533) leaves the page unaffected (real Web Worker)', async () => {
    await button('Andere Datei wählen').click();
    await main().getByRole('radio', { name: /Bewohner mit Haushalten/ }).check();
    await pickFile('boese.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Buffer.from(pollutingXlsx()));
    const polluted = await page.evaluate(() => Object.getOwnPropertyNames(Object.prototype).filter((n) => ['c', 'polluted'].includes(n)));
    assert.deepEqual(polluted, []);
    await button('Weiter').click();
    await main().getByRole('combobox', { name: 'Tabellenblatt' }).getByText('Tabelle1', { exact: false }).waitFor();
  });

  step('a pathological file is stopped by the 15-second limit with the German message', async () => {
    await button('Zurück').click();
    const t0 = Date.now();
    await page.getByTestId('import-file-input').setInputFiles({ name: 'riesig.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(heavyXlsx(80_000, 100)) });
    await main()
      .getByText('Das Lesen der Datei wurde nach 15 Sekunden abgebrochen. Die Datei ist zu aufwendig oder beschädigt. Speichern Sie sie bitte als CSV oder teilen Sie sie auf.')
      .waitFor({ timeout: 40_000 });
    const elapsed = Date.now() - t0;
    assert.ok(elapsed >= 14_500 && elapsed < 30_000, `stopped after ${elapsed} ms`);
    assert.equal(await button('Weiter').isDisabled(), true);
    // The page stayed responsive while the worker parsed.
    await main().getByRole('radio', { name: /Aktuelle Belegung/ }).check();
  });

  step('imports the corrected file in one step; the dashboard shows what the files imply', async () => {
    await main().getByRole('radio', { name: /Aktuelle Belegung/ }).check();
    await pickFile('belegung.csv', 'text/csv', occupancyCsv(false));
    await throughToPreview();
    assert.equal(await page.getByTestId('import-error-rows').getAttribute('data-count'), '0');
    await button(`${ROWS} Zeilen importieren`).click();
    await main().getByText(`Import abgeschlossen: ${ROWS} Zeilen aus „belegung.csv“ übernommen.`).waitFor({ timeout: 60_000 });
    await page.goto(`${server!.origin}/#/`);
    const places = ROOMS * PLACES_PER_ROOM;
    await eventually(async () => {
      const after = await readDashboardFigures(page);
      assert.deepEqual(
        { places: num(after['Plätze']), occupied: num(after['belegt']), free: num(after['frei']) },
        { places: num(before0['Plätze']) + places, occupied: num(before0['belegt']) + ROWS, free: num(before0['frei']) + places - ROWS },
        JSON.stringify({ before: before0, after }),
      );
    }, 20_000);
    // Umlauts from the Windows-1252 file came through: the persons are stored with their real names.
    const names = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('quartier');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('open failed'));
      });
      const all = await new Promise<{ familyName: string; givenName: string; fileNumber: string }[]>((resolve, reject) => {
        const req = db.transaction('persons').objectStore('persons').getAll();
        req.onsuccess = () => resolve(req.result as { familyName: string; givenName: string; fileNumber: string }[]);
        req.onerror = () => reject(req.error ?? new Error('read failed'));
      });
      db.close();
      return all.filter((p) => p.fileNumber.startsWith('IMP-')).map((p) => `${p.givenName} ${p.familyName}`);
    });
    assert.equal(names.length, ROWS);
    assert.ok(names.includes('Jörg6 Größer') && names.includes('Jörg1 Özdemir'), names.slice(0, 10).join(', '));
    assert.deepEqual(problems.errors, [], 'uncaught errors, console errors or failed requests during the flow');
  });
});
