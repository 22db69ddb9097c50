// The "Rolle" setting: shows the stored role with its German label, explains
// what it changes, and stores a newly chosen role on this laptop at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../../renderer/i18n';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import { canSeeVulnerabilities, getRole, setRole } from '../../../renderer/features/operations/role';
import { RoleSection } from '../../../renderer/pages/settings/RoleSection';
import { useUiStore } from '../../../renderer/state/ui';

let db: QuartierDb;

beforeEach(async () => {
  db = await openDatabase(`role-${crypto.randomUUID()}`);
  useUiStore.setState({ notifications: [] });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('RoleSection', () => {
  it('starts at Sachbearbeitung and explains what the role changes', async () => {
    render(<RoleSection db={db} />);
    expect(screen.getByRole('heading', { name: 'Rolle' })).toBeInTheDocument();
    expect(screen.getByText(/sehen nur Administration und Unterbringungsverwaltung/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Rolle' })).toHaveTextContent('Sachbearbeitung'));
  });

  it('offers the four roles with German labels and stores the chosen one', async () => {
    const user = userEvent.setup();
    render(<RoleSection db={db} />);
    await user.click(screen.getByRole('combobox', { name: 'Rolle' }));
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Administration', 'Unterbringungsverwaltung', 'Sozialbetreuung/Hausmeister', 'Sachbearbeitung']);
    await user.click(screen.getByRole('option', { name: 'Unterbringungsverwaltung' }));
    await waitFor(async () => expect(await getRole(db)).toBe('manager'));
    expect(canSeeVulnerabilities(await getRole(db))).toBe(true);
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Rolle' })).toHaveTextContent('Unterbringungsverwaltung'));
    expect(useUiStore.getState().notifications.map((n) => n.message)).toEqual(['Rolle geändert: Unterbringungsverwaltung']);
  });

  it('shows a role stored earlier (or elsewhere in the app)', async () => {
    await setRole(db, 'field');
    render(<RoleSection db={db} />);
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Rolle' })).toHaveTextContent('Sozialbetreuung/Hausmeister'));
    await setRole(db, 'admin');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Rolle' })).toHaveTextContent('Administration'));
  });
});
