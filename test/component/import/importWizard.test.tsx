// The import wizard in happy-dom: a CSV occupancy list with problems is
// previewed row by row and cannot be imported; the corrected file imports
// in one step; a role without import:run sees no wizard. The "worker" here
// runs parseFileBytes in the page (happy-dom has no Worker); the real
// isolation is tested in test/unit/import/readFile.test.ts and the e2e test.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import '../../../renderer/i18n';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import { applyWithoutOutbox } from '../../../renderer/db/repository';
import { parseFileBytes } from '../../../renderer/features/import/worker/parseFileBytes';
import type { SpawnWorker } from '../../../renderer/features/import/worker/readImportFile';
import { ImportWizard } from '../../../renderer/pages/import/ImportWizard';
import ImportPage from '../../../renderer/pages/import';
import { signInAs, signOutForTest } from '../../support/session';
import { testCtx } from '../../support/actors';
import { accommodation, bed, municipality, room, unit } from '../../integration/db/fixtures';

const inPage: SpawnWorker = () => {
  let handler: (m: unknown) => void = () => undefined;
  return {
    post: (m) => queueMicrotask(() => handler(parseFileBytes(m))),
    onMessage: (h) => (handler = h),
    onError: () => undefined,
    terminate: () => undefined,
  };
};

let db: QuartierDb;
beforeEach(async () => {
  signInAs('housing');
  db = await openDatabase(`import-ui-${crypto.randomUUID()}`);
  await applyWithoutOutbox(db, testCtx({ user: 'Seed', deviceId: 'seed' }), 'seed', async (w) => {
    await w.put('municipalities', municipality('m1'));
    await w.put('accommodations', accommodation('a1'));
    await w.put('units', unit('u1'));
    await w.put('rooms', { ...room('r1'), number: '1' });
    for (let b = 1; b <= 3; b++) await w.put('beds', bed(`b${b}`, 'r1', 'a1', b));
  }, { audit: false });
  await db.settings.put({ key: 'deviceId', value: 'dev-ui' });
});
afterEach(async () => {
  signOutForTest();
  db.close();
  await db.delete();
});

const HEADER = 'AZ;Nachname;Vorname;Geb.-Datum;Staatsangehörigkeit;Unterkunft;Zimmer;Bett;Einzug';
const csvFile = (lines: string[]) => new File([new TextEncoder().encode([HEADER, ...lines].join('\r\n'))], 'belegung.csv', { type: 'text/csv' });

async function toPreview(user: ReturnType<typeof userEvent.setup>, file: File) {
  await user.upload(screen.getByTestId('import-file-input'), file);
  await screen.findByText(/Gewählte Datei: belegung\.csv/);
  await user.click(screen.getByRole('button', { name: 'Weiter' }));
  await user.click(await screen.findByRole('button', { name: 'Weiter' }));
  await screen.findByText(/Ordnen Sie jedem Feld/);
  await user.click(screen.getByRole('button', { name: 'Weiter' }));
  return screen.findByTestId('import-summary');
}

describe('import wizard', () => {
  it('lists every broken row, refuses to import, then imports the corrected file', async () => {
    const user = userEvent.setup();
    render(
      <MemoryRouter>
        <ImportWizard db={db} spawn={inPage} />
      </MemoryRouter>,
    );
    await user.click(screen.getByRole('radio', { name: /Aktuelle Belegung/ }));
    await toPreview(user, csvFile([
      'AZ-1;Haddad;Rami;14.02.1988;Syrien;GU Hechingen Lindenstraße;1;1;01.02.2026',
      'AZ-2;Haddad;Lina;31.02.1990;syrisch;GU Hechingen Lindenstraße;1;2;01.02.2026',
      'AZ-3;Kovalenko;Olena;01.01.1991;Atlantis;GU Hechingen Lindenstraße;7;;01.02.2026',
    ]));
    const table = screen.getByTestId('import-problems');
    const rows = within(table).getAllByRole('row').slice(1);
    expect([...new Set(rows.map((r) => r.getAttribute('data-row')))]).toEqual(['3', '4']);
    expect(table).toHaveTextContent('„31.02.1990“ ist kein gültiges Datum');
    expect(table).toHaveTextContent('Staatsangehörigkeit „Atlantis“ ist unbekannt.');
    expect(table).toHaveTextContent('Zimmer „7“ gibt es in „GU Hechingen Lindenstraße“ nicht.');
    expect(screen.getByRole('button', { name: /Zeilen importieren/ })).toBeDisabled();
    expect(await db.stays.count()).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Andere Datei wählen' }));
    await toPreview(user, csvFile([
      'AZ-1;Haddad;Rami;14.02.1988;Syrien;GU Hechingen Lindenstraße;1;1;01.02.2026',
      'AZ-2;Haddad;Lina;28.02.1990;syrisch;GU Hechingen Lindenstraße;1;2;01.02.2026',
      'AZ-3;Kovalenko;Olena;01.01.1991;Ukraine;GU Hechingen Lindenstraße;1;;01.02.2026',
    ]));
    expect(screen.getByText('Keine Probleme gefunden. Alle 3 Zeilen können importiert werden.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '3 Zeilen importieren' }));
    await screen.findByText('Import abgeschlossen: 3 Zeilen aus „belegung.csv“ übernommen.');
    expect(await db.stays.count()).toBe(3);
    expect(await db.persons.count()).toBe(3);
    const audit = (await db.audit.toArray()).filter((a) => a.operation === 'import.occupancy');
    expect(audit).toHaveLength(6);
    expect(audit.every((a) => a.source?.file === 'belegung.csv' && a.userId === 'u-housing')).toBe(true);
    // The mapping was saved for the next file.
    expect((await db.settings.get('import.mapping.occupancy'))?.value).toMatchObject({ az: 'fileNumber', einzug: 'moveIn' });
  });

  it('shows the file problem in German for an unreadable file', async () => {
    const user = userEvent.setup();
    render(<ImportWizard db={db} spawn={inPage} />);
    await user.upload(screen.getByTestId('import-file-input'), new File([new Uint8Array([1, 2, 3, 4])], 'liste.xlsx'));
    await screen.findByText(/Die Datei kann nicht gelesen werden/);
    expect(screen.getByRole('button', { name: 'Weiter' })).toBeDisabled();
  });

  it('shows no wizard to a role without import:run', async () => {
    signInAs('caseworker');
    render(
      <MemoryRouter>
        <ImportPage />
      </MemoryRouter>,
    );
    await waitFor(() => expect(screen.getByText('Importe darf nur die Administration oder die Unterbringungsverwaltung ausführen.')).toBeInTheDocument());
    expect(screen.queryByTestId('import-file-input')).toBeNull();
  });
});
