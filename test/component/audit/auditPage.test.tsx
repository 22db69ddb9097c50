// The Protokoll page in happy-dom: changes and accesses in one list with
// person names resolved at display time, the detail drawer with the German
// field diff, the operation filter, and the permission gate.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import '../../../renderer/i18n';
import { ENTITY_TABLES } from '../../../shared/domain/model';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import type { WriteContext } from '../../../renderer/db/repository';
import { disposeOccupancyStore } from '../../../renderer/features/occupancy-data/hooks';
import { recordAccessEvent } from '../../../renderer/features/audit/recordAccess';
import { updatePerson } from '../../../renderer/features/operations/commands';
import { personToInput } from '../../../renderer/features/operations/personSchema';
import { letterReprintEvent, reportExportEvent } from '../../../shared/audit/descriptions';
import { PermissionDeniedError } from '../../../renderer/auth/errors';
import AuditPage from '../../../renderer/pages/audit';
import { fixtureDataset } from '../../unit/reports/fixture';
import { signInAs, signOutForTest } from '../../support/session';

let db: QuartierDb;
const ctx: WriteContext = { user: 'Frau Verwaltung', deviceId: 'dev-ui-1', actor: { userId: 'u-admin', role: 'admin', accommodationIds: [] } };

beforeEach(async () => {
  db = await openDatabase(`audit-page-${crypto.randomUUID()}`);
  const ds = fixtureDataset();
  for (const t of ENTITY_TABLES) await db.table(t).bulkPut(ds[t]);
  await updatePerson(db, 'p1', { ...personToInput(ds.persons[0]!), notes: 'Dolmetscherin benötigt' }, { ctx });
  await recordAccessEvent(db, ctx, letterReprintEvent('2026-ABC-00001', 'assignment', ['p1']));
});
afterEach(async () => {
  signOutForTest();
  disposeOccupancyStore(db);
  db.close();
  await db.delete();
});

function renderPage() {
  render(
    <MemoryRouter>
      <AuditPage db={db} />
    </MemoryRouter>,
  );
}

describe('Protokoll page', () => {
  it('lists the change and the access with names, and shows the field diff in the drawer', async () => {
    signInAs('admin');
    const user = userEvent.setup();
    renderPage();
    const grid = await screen.findByRole('grid', {}, { timeout: 5000 });
    await waitFor(() => expect(within(grid).getByText('Person geändert')).toBeInTheDocument(), { timeout: 5000 });
    expect(within(grid).getByText('Schreiben ausgegeben')).toBeInTheDocument();
    expect(within(grid).getByText('Nachdruck Schreiben 2026-ABC-00001 (Einweisung)')).toBeInTheDocument();
    // The access event names no one; the person is resolved from its id when shown.
    await waitFor(() => expect(within(grid).getAllByText('Haddad, Amira').length).toBeGreaterThanOrEqual(2), { timeout: 5000 });
    expect(screen.getByText('2 Einträge')).toBeInTheDocument();

    await user.click(within(grid).getByText('Person geändert'));
    const drawer = await screen.findByRole('region', { name: 'Person geändert' });
    const diff = within(drawer).getByRole('table');
    const row = within(diff).getByRole('row', { name: /Bemerkungen/ });
    expect(row).toHaveTextContent('Bemerkungen–Dolmetscherin benötigt');
    expect(drawer).toHaveTextContent('Frau Verwaltung');
    expect(drawer).toHaveTextContent('u-admin');
  });

  it('filters by operation', async () => {
    signInAs('admin');
    const user = userEvent.setup();
    renderPage();
    await screen.findByText('2 Einträge', {}, { timeout: 5000 });
    await user.click(screen.getByRole('combobox', { name: 'Vorgang' }));
    await user.click(await screen.findByRole('option', { name: 'Schreiben ausgegeben' }));
    await screen.findByText('1 Eintrag', {}, { timeout: 5000 });
    const grid = screen.getByRole('grid');
    await waitFor(() => expect(within(grid).queryByText('Person geändert')).toBeNull(), { timeout: 5000 });
    expect(within(grid).getByText('Schreiben ausgegeben')).toBeInTheDocument();
  });

  it('shows a refused export as „Abgelehnt: <Berechtigung>“, by whom, and the filter selects refusals alone', async () => {
    const field: WriteContext = { user: 'Herr Außendienst', deviceId: 'dev-ui-2', actor: { userId: 'u-field', role: 'field', accommodationIds: ['a1'] } };
    await expect(recordAccessEvent(db, field, reportExportEvent('occupancyList', 'Belegungsliste', 'Stichtag 01.03.2026', 'xlsx'))).rejects.toBeInstanceOf(PermissionDeniedError);
    signInAs('admin');
    const user = userEvent.setup();
    renderPage();
    await screen.findByText('3 Einträge', {}, { timeout: 5000 });
    const grid = screen.getByRole('grid');
    const refused = within(grid).getByText('Abgelehnt: Listen exportieren').closest('[role="row"]') as HTMLElement;
    expect(refused).toHaveTextContent('Herr Außendienst');
    expect(refused).toHaveTextContent('Abgelehnter Zugriff');
    expect(refused).toHaveTextContent('Abgelehnt, fehlende Berechtigung „Listen exportieren“: Belegungsliste – Stichtag 01.03.2026 (Excel)');

    await user.click(screen.getByRole('combobox', { name: 'Vorgang' }));
    await user.click(await screen.findByRole('option', { name: 'Abgelehnter Zugriff' }));
    await screen.findByText('1 Eintrag', {}, { timeout: 5000 });
    await waitFor(() => expect(within(grid).queryByText('Person geändert')).toBeNull(), { timeout: 5000 });
    await user.click(within(grid).getByText('Abgelehnt: Listen exportieren'));
    const drawer = await screen.findByRole('region', { name: 'Abgelehnt: Listen exportieren' });
    expect(drawer).toHaveTextContent('report.occupancyList.xlsx');
    expect(drawer).toHaveTextContent('u-field');
  });

  it('is closed to a role without audit:read', () => {
    signInAs('field');
    renderPage();
    expect(screen.getByText('Das Protokoll ist nur mit der Berechtigung „Protokoll einsehen“ sichtbar.')).toBeInTheDocument();
    expect(screen.queryByRole('grid')).toBeNull();
  });
});
