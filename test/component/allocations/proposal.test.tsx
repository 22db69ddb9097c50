import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../../renderer/i18n';
import type { QuartierDb } from '../../../renderer/db/db';
import { ProposalStep } from '../../../renderer/features/allocations/components/ProposalStep';
import { allocationQueue } from '../../../shared/allocation/queue';
import { buildLedger, DEFAULT_QUOTA_SETTINGS } from '../../../shared/allocation/ledger';
import { households, municipalities, persons, seededDb, stays, TODAY, ctx } from '../../integration/allocations/fixture';
import { getDeviceId, setUserDisplayName } from '../../../renderer/db/settings';
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
  db = await seededDb();
  await getDeviceId(db);
  await setUserDisplayName(db, ctx.user);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function setup() {
  const entries = allocationQueue({ persons, households, stays, allocations: [], today: TODAY, weeks: 8 });
  const ledger = buildLedger({ municipalities, allocations: [], countyPlaces: new Map(), period: { from: '2026-01-01', to: '2026-12-31' }, settings: DEFAULT_QUOTA_SETTINGS });
  let confirmed = 0;
  render(
    <ProposalStep db={db} entries={entries} municipalities={municipalities} ledger={ledger} today={TODAY} onConfirmed={(a) => (confirmed = a.length)} onDiscard={() => undefined} />,
  );
  return { entries, confirmed: () => confirmed };
}

describe('ProposalStep', () => {
  it('explains each proposal in one line and keeps households whole', () => {
    const { entries } = setup();
    expect(entries).toHaveLength(3); // Haddad household + two single persons
    const rows = screen.getAllByTestId('proposal-row');
    expect(rows).toHaveLength(3);
    const haddad = rows.find((r) => r.textContent?.includes('Familie Haddad'))!;
    expect(within(haddad).getByText('4')).toBeInTheDocument();
    // The empty ledger's largest key share (Albstadt) gets the largest household first.
    expect(within(haddad).getByTestId('proposal-explanation')).toHaveTextContent(/^Albstadt liegt \d+ Personen unter Soll \(Soll \d+, bisher 0\)$/);
  });

  it('a changed proposal is marked manual, and confirming stores exactly what is shown', async () => {
    const user = userEvent.setup();
    const { confirmed } = setup();
    const select = screen.getByRole('combobox', { name: 'Gemeinde für Familie Haddad' });
    await user.click(select);
    await user.click(await screen.findByRole('option', { name: 'Hechingen' }));
    const haddad = screen.getAllByTestId('proposal-row').find((r) => r.textContent?.includes('Familie Haddad'))!;
    expect(within(haddad).getByText('manuell')).toBeInTheDocument();
    expect(within(haddad).getByTestId('proposal-explanation')).toHaveTextContent(/^Von Hand gewählt: Hechingen/);

    await user.click(screen.getByRole('button', { name: 'Bestätigen' }));
    await waitFor(() => expect(confirmed()).toBe(3));
    const stored = await db.allocations.toArray();
    expect(stored).toHaveLength(3);
    const h = stored.find((a) => a.householdId === 'h-haddad')!;
    expect(h.municipalityId).toBe('m-hech');
    expect([...h.personIds].sort()).toEqual(['p-lina', 'p-omar', 'p-rana', 'p-sami']);
    expect(stored.every((a) => a.status === 'decided' && a.decisionDate === TODAY)).toBe(true);
    expect(await db.outbox.count()).toBe(1);
    expect(await screen.findByRole('button', { name: 'Schreiben erzeugen' })).toBeInTheDocument();
  });

  it('shows the refusal and writes nothing when a person is already allocated meanwhile', async () => {
    const user = userEvent.setup();
    setup();
    // Another laptop allocated Ali in the meantime (arrived through sync).
    await db.allocations.put({
      id: 'elsewhere', createdAt: TODAY, updatedAt: TODAY, householdId: null, personIds: ['p-ali'], municipalityId: 'm-bal',
      decisionDate: TODAY, plannedMoveDate: null, status: 'decided', letterIds: [],
    });
    await user.click(screen.getByRole('button', { name: 'Bestätigen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Ali Karimi ist bereits in einer offenen Zuteilung.');
    expect(await db.allocations.count()).toBe(1);
    expect(await db.outbox.count()).toBe(0);
  });
});
