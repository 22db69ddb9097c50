// The retention dialog as a user meets it: the preview lists the due
// persons, the run is impossible before the archive is saved, saving writes
// JSON and Excel through the platform's save path, then the run anonymises.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

const saved: { name: string; mime: string; size: number }[] = [];
vi.mock('../../../renderer/platform/api', () => ({
  platformMode: 'electron',
  api: {
    filesSaveAs: vi.fn((req: { suggestedName: string; mimeType: string; data: string }) => {
      saved.push({ name: req.suggestedName, mime: req.mimeType, size: req.data.length });
      return Promise.resolve({ saved: true });
    }),
  },
}));

import '../../../renderer/i18n';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import { runOperation } from '../../../renderer/db/repository';
import { RetentionDialog } from '../../../renderer/features/retention/RetentionDialog';
import { loadDue } from '../../../renderer/features/retention/retentionCommands';
import { RetentionSection } from '../../../renderer/pages/settings/RetentionSection';
import { signInAs, signOutForTest } from '../../support/session';
import { ADMIN } from '../../support/actors';
import { accommodation, bed, person, room, unit } from '../../integration/db/fixtures';

const TODAY = '2026-11-21';
const POLICY = { standardMonths: 12, refusedMonths: 6 };
let db: QuartierDb;

beforeEach(async () => {
  saved.length = 0;
  db = await openDatabase(`retention-${crypto.randomUUID()}`);
  await runOperation(db, { user: 'Admin', deviceId: 'dev', actor: ADMIN }, 'person.create', async (w) => {
    await w.put('accommodations', accommodation());
    await w.put('units', unit());
    await w.put('rooms', room());
    await w.put('beds', bed());
    await w.put('persons', { ...person('p1', null), notes: 'vertraulich' });
    await w.put('stays', { id: 's1', personId: 'p1', bedId: 'b1', roomId: 'r1', accommodationId: 'a1', householdId: null, from: '2024-01-01', to: '2025-02-01' });
  });
});
afterEach(async () => {
  signOutForTest();
  db.close();
  await db.delete();
});

describe('RetentionDialog', () => {
  it('demands the archive before the run, saves JSON and Excel, then anonymises', async () => {
    signInAs('admin');
    const user = userEvent.setup();
    const due = await loadDue(db, TODAY, POLICY);
    render(<RetentionDialog open onClose={() => undefined} due={due} today={TODAY} policy={POLICY} db={db} />);
    const table = screen.getByRole('table', { name: 'Zur Löschung fällige Personen' });
    const row = within(table).getByRole('row', { name: /Haddad, Samir/ });
    expect(within(row).getByText('422-2026-p1')).toBeInTheDocument();
    expect(within(row).getByText('01.02.2025')).toBeInTheDocument();
    expect(within(row).getByText('Allgemeine Frist')).toBeInTheDocument();
    const run = screen.getByRole('button', { name: 'Anonymisieren (1)' });
    expect(run).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Archiv exportieren (JSON und Excel)' }));
    await waitFor(() => expect(screen.getByTestId('retention-archived')).toBeInTheDocument());
    expect(saved.map((s) => [s.name, s.mime])).toEqual([
      ['Loescharchiv-2026-11-21.json', 'application/json'],
      ['Loescharchiv-2026-11-21.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]);
    expect((await db.accessLog.toArray()).map((e) => e.subject).sort()).toEqual(['retention.archive.json', 'retention.archive.xlsx']);

    expect(run).toBeEnabled();
    await user.click(run);
    await waitFor(() => expect(screen.getByTestId('retention-done')).toBeInTheDocument());
    const p1 = await db.persons.get('p1');
    expect(p1).toMatchObject({ familyName: 'Gelöscht', notes: '', anonymisedOn: TODAY });
  });

  it('deselecting a person after the archive asks for a new archive', async () => {
    signInAs('admin');
    const user = userEvent.setup();
    await runOperation(db, { user: 'Admin', deviceId: 'dev', actor: ADMIN }, 'person.create', async (w) => {
      await w.put('persons', { ...person('p2', null), givenName: 'Lina', admissionDate: '2024-01-01' });
    });
    const due = await loadDue(db, TODAY, POLICY);
    expect(due).toHaveLength(2);
    render(<RetentionDialog open onClose={() => undefined} due={due} today={TODAY} policy={POLICY} db={db} />);
    await user.click(screen.getByRole('button', { name: 'Archiv exportieren (JSON und Excel)' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Anonymisieren (2)' })).toBeEnabled());
    await user.click(screen.getByRole('checkbox', { name: 'Haddad, Lina auswählen' }));
    expect(screen.getByRole('button', { name: 'Anonymisieren (1)' })).toBeDisabled();
  });
});

describe('RetentionSection', () => {
  it('finds the due persons on demand with the policy in force and opens the preview', async () => {
    signInAs('admin');
    const user = userEvent.setup();
    render(<RetentionSection />);
    expect(await screen.findByText('Die fälligen Personen werden beim Öffnen der Vorschau ermittelt.')).toBeInTheDocument();
    expect(await screen.findByDisplayValue('72')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Vorschau und Löschlauf' }));
    // The section reads the app's database, which is empty here: nobody is due.
    const dialog = await screen.findByRole('dialog', { name: 'Löschlauf' });
    expect(within(dialog).getByText('Heute ist niemand zur Löschung fällig.')).toBeInTheDocument();
    expect(screen.getByTestId('retention-due-count')).toHaveTextContent('Heute ist niemand zur Löschung fällig.');
  });

  it('shows only a note to users without the permission', () => {
    signInAs('caseworker');
    render(<RetentionSection />);
    expect(screen.getByText('Nur die Administration kann Löschfristen ändern und Löschläufe ausführen.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Vorschau und Löschlauf' })).toBeNull();
  });
});
