// The shared German date field: shows TT.MM.JJJJ whatever the UI language,
// hands ISO days (or null / INVALID_DAY) to its caller, accepts typed digits
// and is operable by keyboard including the calendar.
import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '../../../renderer/i18n';
import { DateField, INVALID_DAY, isoDayOfPickerValue } from '../../../renderer/components/DateField';
import { clearDate, dateGroup, shownDate, typeDate, typeIntoDate } from '../dateInput';

function Harness({ initial, error, helperText }: { initial: string | null; error?: boolean; helperText?: string }) {
  const [value, setValue] = useState<string | null>(initial);
  return (
    <>
      <DateField label="Einzugsdatum" value={value} onChange={setValue} required error={error} helperText={helperText} />
      <output data-testid="value">{String(value)}</output>
    </>
  );
}

const value = () => screen.getByTestId('value').textContent;

afterEach(async () => {
  await i18n.changeLanguage('de');
});

describe('DateField', () => {
  it('shows an ISO day as TT.MM.JJJJ, named by its label', () => {
    render(<Harness initial="2025-03-01" />);
    expect(dateGroup(/^Einzugsdatum/)).toBeInTheDocument();
    expect(shownDate(/^Einzugsdatum/)).toBe('01.03.2025');
    expect(within(dateGroup(/^Einzugsdatum/)).getAllByRole('spinbutton').map((s) => s.getAttribute('aria-label'))).toEqual(['Tag', 'Monat', 'Jahr']);
  });

  it('keeps the German order when the UI is English', async () => {
    await i18n.changeLanguage('en');
    render(<Harness initial="2025-03-01" />);
    expect(shownDate(/^Einzugsdatum/)).toBe('01.03.2025');
  });

  it('turns typed digits into an ISO day and clearing into null', async () => {
    const user = userEvent.setup();
    render(<Harness initial="2025-03-01" />);
    await typeDate(user, /^Einzugsdatum/, '2025-01-15');
    expect(value()).toBe('2025-01-15');
    expect(shownDate(/^Einzugsdatum/)).toBe('15.01.2025');
    await clearDate(user, /^Einzugsdatum/);
    expect(value()).toBe('null');
  });

  it('reports incomplete input as INVALID_DAY with a German message, and keeps what was typed', async () => {
    const user = userEvent.setup();
    render(<Harness initial={null} helperText="Erster Tag in der Unterkunft" />);
    await typeIntoDate(user, /^Einzugsdatum/, '1503');
    // Typed into an empty field, the partial entry counts once the field is left.
    await user.tab();
    expect(value()).toBe(INVALID_DAY);
    expect(screen.getByText('Bitte ein gültiges Datum im Format TT.MM.JJJJ eingeben.')).toBeInTheDocument();
    expect(screen.queryByText('Erster Tag in der Unterkunft')).toBeNull();
    expect(shownDate(/^Einzugsdatum/)).toMatch(/^15\.03\./);
    await user.click(screen.getByRole('spinbutton', { name: 'Jahr' }));
    await user.keyboard('2026');
    expect(value()).toBe('2026-03-15');
    expect(screen.getByText('Erster Tag in der Unterkunft')).toBeInTheDocument();
  });

  it('reports a partly cleared day as INVALID_DAY once the field is left', async () => {
    const user = userEvent.setup();
    render(<Harness initial="2025-03-01" />);
    await user.click(screen.getByRole('spinbutton', { name: 'Jahr' }));
    await user.keyboard('{Backspace}');
    await user.tab();
    expect(value()).toBe(INVALID_DAY);
    expect(shownDate(/^Einzugsdatum/)).toBe('01.03.JJJJ');
    expect(screen.getByText('Bitte ein gültiges Datum im Format TT.MM.JJJJ eingeben.')).toBeInTheDocument();
  });

  it("shows the caller's error text instead of the hint", () => {
    render(<Harness initial="2025-03-01" error helperText="Das Datum liegt vor dem Einzug." />);
    expect(screen.getByText('Das Datum liegt vor dem Einzug.')).toBeInTheDocument();
    expect(dateGroup(/^Einzugsdatum/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('opens the calendar from the keyboard and takes the chosen day', async () => {
    const user = userEvent.setup();
    render(<Harness initial="2025-03-01" />);
    const open = screen.getByRole('button', { name: /Datum auswählen/ });
    open.focus();
    await user.keyboard('{Enter}');
    const calendar = await screen.findByRole('grid');
    await user.click(within(calendar).getByRole('gridcell', { name: '20' }));
    expect(value()).toBe('2025-03-20');
  });

  it('maps picker values to ISO days', () => {
    expect(isoDayOfPickerValue(null)).toBeNull();
    expect(isoDayOfPickerValue(new Date(Number.NaN))).toBe(INVALID_DAY);
    expect(isoDayOfPickerValue(new Date(2024, 1, 29))).toBe('2024-02-29');
    const early = new Date(2024, 0, 1);
    early.setFullYear(25);
    expect(isoDayOfPickerValue(early)).toBe(INVALID_DAY);
  });
});
