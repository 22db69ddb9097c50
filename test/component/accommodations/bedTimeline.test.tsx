import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../../renderer/i18n';
import { BedTimeline, type TimelineBar, type TimelineRow } from '../../../renderer/features/timeline/BedTimeline';
import { visibleDays, visibleRows } from '../../../renderer/features/timeline/timeScale';

const TODAY = '2026-03-10';

function bigTimeline(count: number) {
  const rows: TimelineRow[] = [];
  const barsByRow = new Map<string, TimelineBar[]>();
  for (let i = 0; i < count; i++) {
    const id = `bed-${i}`;
    rows.push({ id, label: `Platz ${i + 1}`, group: `Haus A · Zimmer ${Math.floor(i / 4) + 1}` });
    barsByRow.set(id, [
      { id: `old-${i}`, from: '2024-01-01', to: '2024-06-01', kind: 'stay', label: `Alt ${i}` },
      { id: `cur-${i}`, from: '2026-02-01', to: null, kind: 'current', label: `Person ${i}` },
    ]);
  }
  return { rows, barsByRow };
}

describe('BedTimeline', () => {
  it('renders only the visible rows of 1,000 beds', () => {
    const { rows, barsByRow } = bigTimeline(1000);
    render(<BedTimeline rows={rows} barsByRow={barsByRow} today={TODAY} rangeStart="2024-01-01" rangeEnd="2027-01-01" height={600} />);
    const rendered = screen.getAllByTestId('timeline-row');
    // (600 - 44 header) / 32 ≈ 18 rows in view plus overscan; never all 1,000.
    expect(rendered.length).toBeGreaterThanOrEqual(18);
    expect(rendered.length).toBeLessThan(40);
    expect(rendered[0]).toHaveAccessibleName('Haus A · Zimmer 1 · Platz 1');
    // Bars outside the visible time window are not drawn: the 2024 stays are
    // far left of today at the initial scroll position.
    expect(screen.queryByText('Alt 0')).toBeNull();
    expect(screen.getAllByText(/^Person \d+$/).length).toBe(rendered.length);
  });

  it('scrolls rows with the keyboard and keeps the DOM small', () => {
    const { rows, barsByRow } = bigTimeline(1000);
    render(<BedTimeline rows={rows} barsByRow={barsByRow} today={TODAY} rangeStart="2024-01-01" rangeEnd="2027-01-01" height={600} />);
    const region = screen.getByRole('region', { name: 'Zeitstrahl mit 1000 Plätzen' });
    for (let i = 0; i < 10; i++) fireEvent.keyDown(region, { key: 'PageDown' });
    const rendered = screen.getAllByTestId('timeline-row');
    expect(rendered.length).toBeLessThan(40);
    expect(screen.queryByRole('group', { name: 'Haus A · Zimmer 1 · Platz 1' })).toBeNull();
    const labels = rendered.map((r) => r.getAttribute('aria-label'));
    expect(labels.some((l) => /Platz (1\d\d)$/.test(l ?? ''))).toBe(true);
  });

  it('changes the scale when zooming (buttons and +/- keys)', async () => {
    const user = userEvent.setup();
    const { rows, barsByRow } = bigTimeline(10);
    render(<BedTimeline rows={rows} barsByRow={barsByRow} today={TODAY} rangeStart="2024-01-01" rangeEnd="2027-01-01" height={400} />);
    const region = screen.getByTestId('timeline-scroll');
    const canvas = screen.getByTestId('timeline-canvas');
    const widthAt = () => parseFloat(canvas.style.width);
    expect(region.dataset.dayWidth).toBe('10');
    const weeksWidth = widthAt();
    await user.click(screen.getByRole('button', { name: 'Monate' }));
    expect(region.dataset.dayWidth).toBe('3');
    expect(widthAt()).toBeLessThan(weeksWidth);
    fireEvent.keyDown(region, { key: '+' });
    fireEvent.keyDown(region, { key: '+' });
    expect(region.dataset.dayWidth).toBe('36');
    expect(widthAt()).toBeGreaterThan(weeksWidth);
    // In day zoom the header shows day numbers; bars carry accessible labels.
    expect(screen.getAllByRole('img', { name: /^Person 0, belegt seit 01\.02\.2026 bis offen$/ })).toHaveLength(1);
  });

  it('windowing maths', () => {
    expect(visibleRows(0, 320, 32, 1000, 0)).toEqual({ first: 0, last: 10 });
    expect(visibleRows(3200, 320, 32, 1000, 2)).toEqual({ first: 98, last: 112 });
    expect(visibleRows(40000, 320, 32, 1000, 2).last).toBe(1000);
    expect(visibleDays(100, 300, 10, 20000, 365, 0)).toEqual({ from: 20010, to: 20040 });
  });
});
