import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import '../../../renderer/i18n';
import { getDb } from '../../../renderer/db/db';
import DashboardPage from '../../../renderer/pages/dashboard';
import { smallDataset, person, stay, TODAY } from '../accommodations/fixtures';

function Where() {
  return <div data-testid="location">{useLocation().pathname}</div>;
}

beforeAll(async () => {
  // Only Date is faked: Dexie's own timers must keep running.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${TODAY}T10:00:00`));
  const d = smallDataset();
  // A resident whose 12-month mark (admission 2025-03-20) is 10 days ahead.
  d.persons.push(person('p3', 'Ahmadi', 'Reza', { admissionDate: '2025-03-20', fileNumber: 'AZ-4711' }));
  d.stays.push(stay('s3', 'p3', d.beds[4]!, '2025-04-01', null));
  const db = getDb();
  await db.transaction('rw', [db.municipalities, db.accommodations, db.units, db.rooms, db.beds, db.bedBlocks, db.persons, db.stays], async () => {
    await db.municipalities.bulkPut(d.municipalities);
    await db.accommodations.bulkPut(d.accommodations);
    await db.units.bulkPut(d.units);
    await db.rooms.bulkPut(d.rooms);
    await db.beds.bulkPut(d.beds);
    await db.bedBlocks.bulkPut(d.bedBlocks);
    await db.persons.bulkPut(d.persons);
    await db.stays.bulkPut(d.stays);
  });
});
afterAll(() => {
  vi.useRealTimers();
});

describe('Dashboard', () => {
  it('shows county figures, alerts with links and a working quick search', async () => {
    const user = userEvent.setup();
    render(
      <MemoryRouter initialEntries={['/']}>
        <Routes>
          <Route path="/" element={<DashboardPage />} />
          <Route path="*" element={<Where />} />
        </Routes>
      </MemoryRouter>,
    );
    expect(await screen.findByText('Stand heute, 10.03.2026')).toBeInTheDocument();
    const places = await screen.findByTestId('figure-places');
    await vi.waitFor(() => expect(places).toHaveTextContent('6'));
    expect(screen.getByTestId('figure-occupied')).toHaveTextContent('belegt2');
    expect(screen.getByTestId('figure-reserved')).toHaveTextContent('reserviert1');
    expect(screen.getByTestId('figure-blocked')).toHaveTextContent('gesperrt1');
    expect(screen.getByTestId('figure-free')).toHaveTextContent('frei2');
    expect(screen.getByTestId('figure-rate')).toHaveTextContent('33,3 %');

    const alerts = screen.getAllByTestId('dashboard-alert');
    const kinds = alerts.map((a) => a.dataset.kind);
    expect(kinds).toContain('spaceRooms');
    expect(kinds).toContain('deadline');
    const deadline = alerts.find((a) => a.dataset.kind === 'deadline')!;
    expect(deadline).toHaveTextContent('Ahmadi, Reza: 12 Monate vorläufige Unterbringung am 20.03.2026');
    expect(within(deadline).getByRole('link', { name: 'Ahmadi, Reza' })).toHaveAttribute('href', '/residents/p3');

    await user.type(screen.getByRole('combobox', { name: 'Schnellsuche' }), 'AZ-4711');
    await user.click(await screen.findByRole('option', { name: /Ahmadi, Reza/ }));
    expect(screen.getByTestId('location')).toHaveTextContent('/residents/p3');
  });
});
