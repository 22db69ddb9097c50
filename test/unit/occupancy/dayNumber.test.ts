import { describe, expect, it } from 'vitest';
import { addDays, toDayNumber } from '../../../shared/domain/dates';
import { fastDayNumber } from '../../../shared/occupancy/occupancyIndex';

describe('fastDayNumber', () => {
  it('equals toDayNumber for every day 1899–2101', () => {
    let mismatches = 0;
    let count = 0;
    for (let d = '1899-01-01'; d < '2102-01-01'; d = addDays(d, 1)) {
      if (fastDayNumber(d) !== toDayNumber(d)) mismatches++;
      count++;
    }
    expect(count).toBeGreaterThan(73_000);
    expect(mismatches).toBe(0);
  });

  it('throws on malformed input like toDayNumber', () => {
    expect(() => fastDayNumber('2024-1-01')).toThrow(/Ungültiges Datum/);
    expect(() => fastDayNumber('2024-13-01')).not.toThrow(); // toDayNumber rolls over; parity is what matters
    expect(fastDayNumber('2024-13-01')).toBe(toDayNumber('2024-13-01'));
    // Ten chars with dashes in place but a non-digit elsewhere are not a day.
    for (const bad of ['2024-0:-01', '2024-01-0/', ' 024-01-01', '2024-01-1a', '+024-01-01']) {
      expect(() => fastDayNumber(bad), bad).toThrow(/Ungültiges Datum/);
    }
  });
});
