// Permission gates on the pages: an action the role may not run is offered
// disabled, and hovering it names the missing permission (or, for
// Außendienst, the accommodation outside its assignment). The repository's
// refusal stays the real guard (test/integration/auth/enforcement.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { Button } from '@mui/material';
import '../../../renderer/i18n';
import { gateRefusal, PermissionGate } from '../../../renderer/auth/PermissionGate';
import { getDb } from '../../../renderer/db/db';
import { disposeOccupancyStore } from '../../../renderer/features/occupancy-data/hooks';
import ResidentsListPage from '../../../renderer/pages/residents/ResidentsListPage';
import { PersonLetterMenu } from '../../../renderer/pages/residents/PersonLetterMenu';
import { fixtureDataset } from '../../unit/reports/fixture';
import { signInAs, signOutForTest } from '../../support/session';

afterEach(() => {
  signOutForTest();
  disposeOccupancyStore(getDb());
});

describe('permission gates', () => {
  it('Bewohner: Sachbearbeitung sees „Neue Person“ and „Neuer Haushalt“ disabled, the tooltip names „Personen bearbeiten“', async () => {
    signInAs('caseworker');
    const user = userEvent.setup();
    render(
      <MemoryRouter>
        <ResidentsListPage />
      </MemoryRouter>,
    );
    const newPerson = await screen.findByRole('button', { name: 'Neue Person' });
    expect(newPerson).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Neuer Haushalt' })).toBeDisabled();
    await user.hover(newPerson.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Ihnen fehlt die Berechtigung „Personen bearbeiten“.');
  });

  it('Bewohner: Unterbringungsverwaltung gets the buttons enabled', async () => {
    signInAs('housing');
    render(
      <MemoryRouter>
        <ResidentsListPage />
      </MemoryRouter>,
    );
    expect(await screen.findByRole('button', { name: 'Neue Person' })).toBeEnabled();
  });

  it('Schreiben on the person screen is disabled for Lesezugriff with „Schreiben erstellen“ named', async () => {
    signInAs('readonly');
    const user = userEvent.setup();
    const ds = fixtureDataset();
    const person = ds.persons.find((p) => p.id === 'p4')!;
    const stay = ds.stays.find((s) => s.id === 's5')!;
    render(<PersonLetterMenu person={person} current={stay} stays={ds.stays.filter((s) => s.personId === 'p4')} />);
    const button = screen.getByRole('button', { name: 'Schreiben' });
    expect(button).toBeDisabled();
    await user.hover(button.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Ihnen fehlt die Berechtigung „Schreiben erstellen“.');
  });

  it('Außendienst: allowed in its accommodation, refused elsewhere with the accommodation named', async () => {
    signInAs('field', { accommodationIds: ['acc-mine'] });
    const user = userEvent.setup();
    render(
      <>
        <PermissionGate permission="stays:write" accommodation={{ id: 'acc-mine', name: 'GU Hechingen' }}>
          {(d) => <Button disabled={d}>Hier</Button>}
        </PermissionGate>
        <PermissionGate permission="stays:write" accommodation={{ id: 'acc-other', name: 'GU Balingen' }}>
          {(d) => <Button disabled={d}>Dort</Button>}
        </PermissionGate>
      </>,
    );
    expect(screen.getByRole('button', { name: 'Hier' })).toBeEnabled();
    const elsewhere = screen.getByRole('button', { name: 'Dort' });
    expect(elsewhere).toBeDisabled();
    await user.hover(elsewhere.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Die Unterkunft „GU Balingen“ ist Ihnen nicht zugewiesen.');
  });
});

describe('gateRefusal', () => {
  const user = (role: 'field' | 'admin' | 'readonly', accommodationIds: string[] = []) => ({ userId: 'u', login: 'u', displayName: 'U', role, accommodationIds });
  it('mirrors the repository: role first, then the Außendienst assignment', () => {
    const acc = { id: 'a1', name: 'GU A' };
    expect(gateRefusal(null, 'occupancy:read')).toEqual({ kind: 'permission', permission: 'occupancy:read' });
    expect(gateRefusal(user('readonly'), 'stays:write', acc)).toEqual({ kind: 'permission', permission: 'stays:write' });
    expect(gateRefusal(user('field', ['a1']), 'stays:write', acc)).toBeNull();
    expect(gateRefusal(user('field', ['a2']), 'bedBlocks:write', acc)).toEqual({ kind: 'outside', accommodation: 'GU A' });
    expect(gateRefusal(user('field', ['a1']), 'accommodations:write', acc)).toEqual({ kind: 'permission', permission: 'accommodations:write' });
    expect(gateRefusal(user('admin'), 'stays:write', acc)).toBeNull();
  });
});
