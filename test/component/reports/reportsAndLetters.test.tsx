// Screens of issue 5 in happy-dom: report preview formatting, the single
// letter dialog (preview, missing data blocks saving), and the template
// editor (live preview, placeholder check on save).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../../renderer/i18n';
import { ENTITY_TABLES } from '../../../shared/domain/model';
import { buildOccupancyIndex } from '../../../shared/occupancy/occupancyIndex';
import { buildReport } from '../../../shared/reports';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import { disposeOccupancyStore } from '../../../renderer/features/occupancy-data/hooks';
import { LetterDialog } from '../../../renderer/features/letters';
import { ReportPreview } from '../../../renderer/pages/reports/ReportPreview';
import { TemplatesTab } from '../../../renderer/pages/letters/TemplatesTab';
import { fixtureDataset, FIXTURE_TODAY } from '../../unit/reports/fixture';
import { signInAs, signOutForTest } from '../../support/session';

// Saving needs a signed-in user; these tests act as Administration.
beforeEach(() => {
  signInAs('admin');
});
afterEach(() => {
  signOutForTest();
});

let db: QuartierDb;

beforeEach(async () => {
  db = await openDatabase(`letters-ui-${crypto.randomUUID()}`);
  const ds = fixtureDataset();
  for (const t of ENTITY_TABLES) await db.table(t).bulkPut(ds[t]);
  // The dialog stamps letters with the device identity; settings are local.
  await db.settings.put({ key: 'deviceId', value: '3fa91c2e-aaaa-4bbb-8ccc-000000000001' });
});
afterEach(async () => {
  disposeOccupancyStore(db);
  db.close();
  await db.delete();
});

describe('ReportPreview', () => {
  it('shows the same rows as the files, in German formats, with totals', () => {
    const data = fixtureDataset();
    const model = buildReport({ data, index: buildOccupancyIndex(data), authority: 'LRA' }, { kind: 'occupancyOverview', day: FIXTURE_TODAY }, FIXTURE_TODAY);
    render(<ReportPreview model={model} />);
    const preview = screen.getByTestId('report-preview');
    expect(within(preview).getByRole('heading', { name: 'Belegungsübersicht' })).toBeInTheDocument();
    const firstTable = within(preview).getAllByRole('table')[0]!;
    const rows = within(firstTable).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(/GU Balingen Kirchstraße 10.*GU.*Balingen.*5.*3.*60,0\s%.*6,4/);
    expect(rows.at(-1)).toHaveTextContent(/Landkreis gesamt.*7.*4.*57,1\s%/);
  });
});

describe('LetterDialog', () => {
  it('previews an Einweisung for the household and enables saving', async () => {
    render(<LetterDialog open onClose={() => undefined} request={{ kind: 'assignment', stayId: 's2' }} db={db} />);
    const preview = await screen.findByTestId('letter-preview', {}, { timeout: 5000 });
    expect(preview).toHaveTextContent('Sehr geehrte Frau Haddad,');
    expect(preview).toHaveTextContent('Bescheid über die Einweisung');
    expect(within(preview).getAllByRole('row')).toHaveLength(4); // header + three persons
    expect(screen.getByRole('button', { name: 'Speichern (PDF)' })).toBeEnabled();
  }, 15_000);

  it('reports a missing reason for a Verlegung and blocks saving until it is given', async () => {
    const user = userEvent.setup();
    render(<LetterDialog open onClose={() => undefined} request={{ kind: 'transfer', stayId: 's5' }} db={db} />);
    await screen.findByTestId('letter-preview', {}, { timeout: 5000 });
    expect(screen.getByRole('alert')).toHaveTextContent('Petrenko, Oleksandr: Grund der Verlegung');
    expect(screen.getByRole('button', { name: 'Speichern (PDF)' })).toBeDisabled();
    expect(screen.getByTestId('letter-preview')).toHaveTextContent('[grund fehlt]');
    await user.type(screen.getByLabelText('Grund der Verlegung'), 'Sanierung');
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Speichern (PDF)' })).toBeEnabled();
    expect(screen.getByTestId('letter-preview')).toHaveTextContent('aus folgendem Grund: Sanierung.');
  }, 15_000);
});

describe('TemplatesTab', () => {
  it('updates the live preview while typing and refuses an unknown placeholder on save', async () => {
    const user = userEvent.setup();
    render(<TemplatesTab db={db} />);
    const subject = await screen.findByRole('textbox', { name: 'Betreff' }, { timeout: 5000 });
    await user.clear(subject);
    await user.click(subject);
    await user.paste('Neuer Betreff für {{nmae}}');
    expect(screen.getByTestId('letter-preview')).toHaveTextContent('Neuer Betreff für [nmae fehlt]');
    await user.click(screen.getByRole('button', { name: 'Als neue Version speichern' }));
    expect(await screen.findByText(/Unbekannter Platzhalter \{\{nmae\}\}/)).toBeInTheDocument();
    expect(await db.letterTemplates.count()).toBe(0);
  }, 20_000);
});
