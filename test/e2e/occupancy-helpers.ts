// Small UI helpers for the occupancy end-to-end test: MUI selects and
// autocompletes, reading figures off the dashboard, the accommodation page
// and the accommodation list, all through roles and visible German names
// (the way a user finds them), never through component internals.
import type { Locator, Page } from 'playwright-core';
import { addDays } from '../../shared/domain/dates';

/** Today as the app computes it (local calendar day of the browser), plus `offset` days. */
export async function dayInPage(page: Page, offset = 0): Promise<string> {
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  return addDays(today, offset);
}

/** "2025-03-01" → "01.03.2025", as the German UI shows a day. */
export function germanDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The date field labelled `label`: either the app's German date picker (MUI X,
 * role group with the sections Tag/Monat/Jahr as spinbuttons) or a native
 * `<input type="date">`; both are in use while the dialogs move to the picker.
 */
async function dateField(scope: Locator, label: string): Promise<{ kind: 'sections' | 'native'; locator: Locator }> {
  const group = scope.getByRole('group', { name: label, exact: true });
  const native = scope.locator('input[type="date"]').and(scope.getByLabel(new RegExp(`^${escapeRegExp(label)}`)));
  await group.or(native).first().waitFor();
  return (await group.count()) > 0 ? { kind: 'sections', locator: group } : { kind: 'native', locator: native };
}

/** Enters an ISO day into a date field the way a user types it (TT MM JJJJ into the picker). */
export async function fillDate(page: Page, scope: Locator, label: string, iso: string): Promise<void> {
  const field = await dateField(scope, label);
  if (field.kind === 'native') {
    await field.locator.fill(iso);
    return;
  }
  const [y = '', m = '', d = ''] = iso.split('-');
  await field.locator.getByRole('spinbutton').first().click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(`${d}${m}${y}`);
  const shown = await readDate(scope, label);
  if (shown !== iso) throw new Error(`date field "${label}" shows ${shown} after typing ${iso}`);
}

/** The ISO day a date field holds ('' when empty or incomplete). */
export async function readDate(scope: Locator, label: string): Promise<string> {
  const field = await dateField(scope, label);
  if (field.kind === 'native') return field.locator.inputValue();
  const text = await field.locator.locator('input').first().inputValue();
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : '';
}

/** Collapses all whitespace (Intl uses NBSP before "%" and "m²"). */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Chooses `option` in the MUI select (role combobox) labelled `label` inside `scope`. */
export async function chooseInSelect(page: Page, scope: Locator, label: RegExp | string, option: string | RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  const listbox = page.getByRole('listbox');
  await listbox.getByRole('option', { name: option }).click();
  await listbox.waitFor({ state: 'detached' });
}

/** Types `query` into the MUI autocomplete labelled `label` and picks the option matching `option`. */
export async function chooseInAutocomplete(page: Page, scope: Locator, label: RegExp | string, query: string, option: RegExp | string): Promise<void> {
  const input = scope.getByRole('combobox', { name: label });
  await input.click();
  await input.fill(query);
  await page.getByRole('listbox').getByRole('option', { name: option }).first().click();
}

/**
 * The county figure cards of the dashboard as { label: value }, e.g.
 * { Plätze: '8', belegt: '3', … }. Waits until the numbers are shown (the
 * cards show skeletons while the figures are computed).
 */
export async function readDashboardFigures(page: Page): Promise<Record<string, string>> {
  const list = page.getByRole('list', { name: 'Kreis gesamt' });
  await list.getByRole('listitem').first().locator('p').nth(1).waitFor();
  const items = await list.getByRole('listitem').all();
  const out: Record<string, string> = {};
  for (const item of items) {
    const lines = (await item.innerText()).split('\n').map(squash).filter(Boolean);
    if (lines[0] !== undefined) out[lines[0]] = lines[1] ?? '';
  }
  return out;
}

/** The figure strip (a <dl> labelled "Kennzahlen") of the accommodation page as { term: value }. */
export async function readFigureStrip(page: Page): Promise<Record<string, string>> {
  const strip = page.getByLabel('Kennzahlen', { exact: true });
  await strip.waitFor();
  const terms = await strip.getByRole('term').allInnerTexts();
  const values = await strip.getByRole('definition').allInnerTexts();
  return Object.fromEntries(terms.map((term, i) => [squash(term), squash(values[i] ?? '')]));
}

/**
 * One row of a MUI DataGrid as { column header: cell text }: the headers'
 * aria-colindex tells which gridcell belongs to which column.
 */
export async function readGridRow(grid: Locator, rowText: string): Promise<Record<string, string>> {
  const headers = new Map<string, string>();
  for (const header of await grid.getByRole('columnheader').all()) {
    const index = await header.getAttribute('aria-colindex');
    if (index) headers.set(index, squash(await header.innerText()));
  }
  const row = grid.getByRole('row').filter({ hasText: rowText });
  await row.first().waitFor();
  const out: Record<string, string> = {};
  for (const cell of await row.first().getByRole('gridcell').all()) {
    const index = await cell.getAttribute('aria-colindex');
    const name = index ? headers.get(index) : undefined;
    if (name) out[name] = squash(await cell.innerText());
  }
  return out;
}

/**
 * Retries `check` (which throws while the page is not there yet) until it
 * passes or `timeoutMs` is over, then rethrows the last failure. The
 * occupancy screens rebuild their read model shortly (debounced) after a
 * write, so a figure read right after navigating can still be the old one.
 */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
