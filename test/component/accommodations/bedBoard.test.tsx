import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../../renderer/i18n';
import { buildOccupancyIndex } from '../../../shared/occupancy/occupancyIndex';
import { BedBoard } from '../../../renderer/features/bed-board/BedBoard';
import { buildBoard } from '../../../renderer/features/bed-board/boardModel';
import { smallDataset, TODAY } from './fixtures';

function renderBoard(onBedAction = vi.fn()) {
  const data = smallDataset();
  const ix = buildOccupancyIndex(data);
  const units = buildBoard(ix, 'a1', data.units, TODAY, 7);
  render(<BedBoard units={units} standardM2={7} onBedAction={onBedAction} />);
  return { onBedAction };
}

describe('BedBoard', () => {
  it('shows every bed state as text, not only as colour', () => {
    renderBoard();
    const cards = screen.getAllByTestId('bed-card');
    expect(cards).toHaveLength(6);
    const byState = (s: string) => cards.filter((c) => c.dataset.state === s);
    expect(byState('occupied')[0]).toHaveTextContent('belegt: Haddad, Amal');
    expect(byState('reserved')[0]).toHaveTextContent('reserviert ab 15.03.2026: Kovalenko, Olena');
    expect(byState('blocked')[0]).toHaveTextContent('gesperrt: Reparatur bis 01.04.2026');
    expect(byState('free')).toHaveLength(3);
    for (const c of byState('free')) expect(c).toHaveTextContent(/frei/);
    // Every card carries an icon and an accessible name with the state text.
    for (const c of cards) {
      expect(c.querySelector('svg')).not.toBeNull();
      expect(c.getAttribute('aria-label')).toMatch(/^Platz \d: (frei|belegt|reserviert|gesperrt)/);
    }
  });

  it('shows room header facts and the space-standard warning', () => {
    renderBoard();
    const room1 = screen.getByRole('region', { name: 'Zimmer 1' });
    expect(within(room1).getByText('nur Frauen')).toBeInTheDocument();
    expect(within(room1).getByLabelText('barrierefrei')).toBeInTheDocument();
    expect(within(room1).getByTestId('room-used')).toHaveTextContent('1/4 Plätze belegt');
    // 30 m² / 4 places = 7.5 m²: fine. Room 2: 8 m² / 2 = 4 m² < 7 m².
    expect(within(room1).queryByText(/Standard/)).toBeNull();
    const room2 = screen.getByRole('region', { name: 'Zimmer 2' });
    expect(within(room2).getByText('4 m² pro Platz (Standard 7 m²)')).toBeInTheDocument();
  });

  it('cards are keyboard-focusable and offer the actions of their state', async () => {
    const user = userEvent.setup();
    const { onBedAction } = renderBoard();
    const occupied = screen.getAllByTestId('bed-card').find((c) => c.dataset.state === 'occupied')!;
    occupied.focus();
    expect(occupied).toHaveFocus();
    await user.keyboard('{Enter}');
    const menu = await screen.findByRole('menu');
    expect(within(menu).getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['Verlegen …', 'Auszug …']);
    await user.click(within(menu).getByText('Auszug …'));
    expect(onBedAction).toHaveBeenCalledWith('b1', 'checkOut');
  });
});
