// The Berichte page in happy-dom: the date and month parameters are German
// picker fields (TT.MM.JJJJ, MM.JJJJ) whatever the browser's locale, and the
// report is built for the day or months typed into them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import '../../../renderer/i18n';
import { ENTITY_TABLES } from '../../../shared/domain/model';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import { disposeOccupancyStore } from '../../../renderer/features/occupancy-data/hooks';
import ReportsPage from '../../../renderer/pages/reports';
import { fixtureDataset } from '../../unit/reports/fixture';
import { dateGroup, shownDate, typeDate } from '../dateInput';
import { signInAs, signOutForTest } from '../../support/session';

// The export and letter buttons are offered to roles that may use them (PermissionGate).
beforeEach(() => {
  signInAs('admin');
});
afterEach(() => {
  signOutForTest();
});

let db: QuartierDb;

beforeEach(async () => {
  db = await openDatabase(`reports-page-${crypto.randomUUID()}`);
  const ds = fixtureDataset();
  for (const t of ENTITY_TABLES) await db.table(t).bulkPut(ds[t]);
});
afterEach(async () => {
  disposeOccupancyStore(db);
  db.close();
  await db.delete();
});

function renderPage() {
  render(
    <MemoryRouter>
      <ReportsPage db={db} />
    </MemoryRouter>,
  );
}

async function chooseKind(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByRole('combobox', { name: 'Bericht' }));
  await user.click(await screen.findByRole('option', { name }));
}

describe('ReportsPage parameters', () => {
  it('builds the overview for the German day typed into Stichtag', async () => {
    const user = userEvent.setup();
    renderPage();
    expect(document.querySelector('input[type="date"]')).toBeNull();
    await typeDate(user, 'Stichtag', '2025-04-15');
    expect(shownDate('Stichtag')).toBe('15.04.2025');
    const show = screen.getByRole('button', { name: 'Anzeigen' });
    await expect.poll(() => show.hasAttribute('disabled'), { timeout: 5000 }).toBe(false);
    await user.click(show);
    const preview = await screen.findByTestId('report-preview');
    expect(preview).toHaveTextContent('Stichtag 15.04.2025');
    // On 15.04.2025 only the three Haddads live in the county (Hechingen opened in June).
    const table = within(preview).getAllByRole('table')[0]!;
    const total = within(table).getAllByRole('row').at(-1)!;
    const cells = within(total).getAllByRole('cell').map((c) => c.textContent).filter((c) => c !== '');
    expect(cells.slice(0, 3)).toEqual(['Landkreis gesamt', '5', '3']);
  }, 20_000);

  it('takes a period in German day fields and months as MM.JJJJ', async () => {
    const user = userEvent.setup();
    renderPage();
    await chooseKind(user, 'Zu- und Abgänge');
    await typeDate(user, 'Von', '2026-01-01');
    await typeDate(user, 'Bis', '2026-02-28');
    const show = screen.getByRole('button', { name: 'Anzeigen' });
    await expect.poll(() => show.hasAttribute('disabled'), { timeout: 5000 }).toBe(false);
    await user.click(show);
    expect(await screen.findByTestId('report-preview')).toHaveTextContent('01.01.2026 – 28.02.2026');

    await chooseKind(user, 'Belegungstage je Unterkunft und Monat');
    const first = dateGroup('Erster Monat');
    expect(within(first).getAllByRole('spinbutton').map((s) => s.textContent).join('.')).toMatch(/^\d{2}\.\d{4}$/);
    await user.click(within(first).getByRole('spinbutton', { name: 'Monat' }));
    await user.keyboard('012026');
    await user.click(within(dateGroup('Letzter Monat')).getByRole('spinbutton', { name: 'Monat' }));
    await user.keyboard('022026');
    await user.click(screen.getByRole('button', { name: 'Anzeigen' }));
    expect(await screen.findByTestId('report-preview')).toHaveTextContent(/Januar 2026 – Februar 2026/);
  }, 30_000);

  it('offers the Zuteilungsquote with period, key and crediting from the stored quota settings', async () => {
    await db.settings.put({ key: 'allocation.quota', value: { key: 'population', weights: { population: 1, area: 0, foreignResidents: 0 }, creditPercent: 50 } });
    const user = userEvent.setup();
    renderPage();
    await chooseKind(user, 'Zuteilungsquote der Gemeinden');
    const credit = screen.getByRole('spinbutton', { name: 'Anrechnung in %' });
    await expect.poll(() => (credit as HTMLInputElement).value, { timeout: 5000 }).toBe('50');
    expect(screen.getByRole('combobox', { name: 'Schlüssel' })).toHaveTextContent('Einwohnerzahl');
    await typeDate(user, 'Von', '2026-01-01');
    await typeDate(user, 'Bis', '2026-12-31');
    const show = screen.getByRole('button', { name: 'Anzeigen' });
    await expect.poll(() => show.hasAttribute('disabled'), { timeout: 5000 }).toBe(false);
    await user.click(show);
    const preview = await screen.findByTestId('report-preview');
    expect(within(preview).getByRole('heading', { name: 'Zuteilungsquote der Gemeinden' })).toBeInTheDocument();
    const cellsOf = (name: string) =>
      within(within(preview).getByRole('row', { name: new RegExp(`^${name}`) }))
        .getAllByRole('cell')
        .map((c) => c.textContent);
    // Balingen: 3 allocated + floor(5 × 50 %) = 5 counted, Soll 4 (hand-checked in test/integration/exports/quotaLedger.test.ts).
    expect(cellsOf('Balingen').slice(4, 12)).toEqual(['3', '0', '5', '2', '5', '4', '1', '+1 über Soll']);
    expect(screen.getByRole('button', { name: 'Als PDF speichern' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Als Excel speichern' })).toBeEnabled();

    // Without crediting only the allocation counts: 3 persons, Soll 2 / 1.
    await user.clear(credit);
    await user.type(credit, '0');
    await user.click(show);
    await expect.poll(() => cellsOf('Balingen').slice(7, 10)).toEqual(['0', '3', '2']);
    // Bad crediting: a German message, no report.
    await user.clear(credit);
    await user.type(credit, '150');
    await user.click(show);
    expect(await screen.findByText(/zwischen 0 und 100/)).toBeInTheDocument();
    expect(screen.queryByTestId('report-preview')).not.toBeInTheDocument();
  }, 30_000);
});
