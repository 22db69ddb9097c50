import { describe, expect, it } from 'vitest';
import {
  MAX_COUNTER,
  compareHlc,
  createHlc,
  hlcToString,
  parseHlc,
  receive,
  tick,
  type Hlc,
} from '../../../shared/sync/hlc';

const T0 = Date.UTC(2026, 10, 21, 10, 0, 0);
const YEAR_MS = 365 * 24 * 3600 * 1000;

describe('hlc string form', () => {
  it('is fixed width and round-trips, also for node ids containing dashes', () => {
    const clock: Hlc = { wallMs: T0, counter: 42, node: '3f2a-bb01-c9' };
    const text = hlcToString(clock);
    expect(text).toBe(`00${T0}-00016-3f2a-bb01-c9`);
    expect(parseHlc(text)).toEqual(clock);
  });

  it('sorts as strings exactly as the clocks compare', () => {
    const clocks: Hlc[] = [
      { wallMs: 5, counter: 0, node: 'b' },
      { wallMs: T0, counter: 35, node: 'a' },
      { wallMs: T0, counter: 36, node: 'a' },
      { wallMs: 999, counter: MAX_COUNTER, node: 'z' },
      { wallMs: T0, counter: 36, node: 'b' },
      { wallMs: 1000, counter: 0, node: 'a' },
    ];
    const byString = [...clocks].sort((x, y) => (hlcToString(x) < hlcToString(y) ? -1 : 1));
    const byCompare = [...clocks].sort(compareHlc);
    expect(byString).toEqual(byCompare);
    expect(byCompare[0]).toEqual({ wallMs: 5, counter: 0, node: 'b' });
  });

  it('rejects malformed input', () => {
    expect(() => parseHlc('2026-11-21')).toThrow(/Ungültiger HLC/);
    expect(() => parseHlc('00000000000001-00000-a')).toThrow();
    expect(() => hlcToString({ wallMs: -1, counter: 0, node: 'a' })).toThrow(RangeError);
    expect(() => hlcToString({ wallMs: 1, counter: MAX_COUNTER + 1, node: 'a' })).toThrow(RangeError);
    expect(() => createHlc('')).toThrow();
  });
});

describe('tick', () => {
  it('follows the wall clock when it moves forward', () => {
    const c1 = tick(createHlc('n1'), T0);
    expect(c1).toEqual({ wallMs: T0, counter: 0, node: 'n1' });
    const c2 = tick(c1, T0 + 10);
    expect(c2).toEqual({ wallMs: T0 + 10, counter: 0, node: 'n1' });
  });

  it('keeps increasing when the wall clock stands still or steps back', () => {
    let clock = tick(createHlc('n1'), T0);
    const seen = [hlcToString(clock)];
    // Same millisecond, then the clock jumps back an hour (NTP correction).
    for (const now of [T0, T0, T0 - 3_600_000, T0 - 3_600_000, T0 - 1]) {
      clock = tick(clock, now);
      seen.push(hlcToString(clock));
    }
    expect(clock.wallMs).toBe(T0);
    expect(clock.counter).toBe(5);
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('orders many ticks strictly, with a jittery clock', () => {
    let clock = createHlc('dev');
    const stamps: string[] = [];
    for (let i = 0; i < 5000; i++) {
      // Deterministic jitter: sometimes forward, sometimes back by up to 2 s.
      const now = T0 + i * 3 - ((i * 7919) % 2000);
      clock = tick(clock, now);
      stamps.push(hlcToString(clock));
    }
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]! > stamps[i - 1]!).toBe(true);
  });

  it('borrows a millisecond when the counter overflows', () => {
    const next = tick({ wallMs: T0, counter: MAX_COUNTER, node: 'a' }, T0);
    expect(next).toEqual({ wallMs: T0 + 1, counter: 0, node: 'a' });
    expect(hlcToString(next) > hlcToString({ wallMs: T0, counter: MAX_COUNTER, node: 'a' })).toBe(true);
  });
});

describe('receive', () => {
  it('moves past a remote stamp that is slightly ahead', () => {
    const local = tick(createHlc('local'), T0);
    const remote: Hlc = { wallMs: T0 + 2000, counter: 7, node: 'remote' };
    const { clock, flagged } = receive(local, remote, T0 + 5, 60_000);
    expect(flagged).toBe(false);
    expect(clock).toEqual({ wallMs: T0 + 2000, counter: 8, node: 'local' });
    expect(compareHlc(clock, remote)).toBeGreaterThan(0);
    // The next local event is later than the remote one, though our wall clock is behind.
    expect(hlcToString(tick(clock, T0 + 6)) > hlcToString(remote)).toBe(true);
  });

  it('uses the larger counter when both sit on the same millisecond', () => {
    const local: Hlc = { wallMs: T0, counter: 3, node: 'a' };
    const remote: Hlc = { wallMs: T0, counter: 9, node: 'b' };
    expect(receive(local, remote, T0 - 50).clock).toEqual({ wallMs: T0, counter: 10, node: 'a' });
  });

  it('follows the wall clock when it is ahead of both', () => {
    const local: Hlc = { wallMs: T0, counter: 3, node: 'a' };
    const remote: Hlc = { wallMs: T0 + 1, counter: 9, node: 'b' };
    expect(receive(local, remote, T0 + 100).clock).toEqual({ wallMs: T0 + 100, counter: 0, node: 'a' });
  });

  it('flags a stamp ten years in the future and does not advance the local clock', () => {
    const local = tick(createHlc('local'), T0);
    const remote: Hlc = { wallMs: T0 + 10 * YEAR_MS, counter: 0, node: 'broken-laptop' };
    const result = receive(local, remote, T0 + 1, 60_000);
    expect(result.flagged).toBe(true);
    expect(result.clock).toEqual(local);
    // Local time keeps going at its normal pace afterwards.
    expect(tick(result.clock, T0 + 2).wallMs).toBe(T0 + 2);
  });

  it('accepts a remote stamp exactly at the drift limit', () => {
    const local = createHlc('l', T0);
    const remote: Hlc = { wallMs: T0 + 60_000, counter: 0, node: 'r' };
    expect(receive(local, remote, T0, 60_000).flagged).toBe(false);
    expect(receive(local, { ...remote, wallMs: T0 + 60_001 }, T0, 60_000).flagged).toBe(true);
  });

  it('accepts stamps from the past without going back', () => {
    const local: Hlc = { wallMs: T0, counter: 4, node: 'l' };
    const remote: Hlc = { wallMs: T0 - YEAR_MS, counter: 99, node: 'r' };
    const { clock, flagged } = receive(local, remote, T0 - 5);
    expect(flagged).toBe(false);
    expect(clock).toEqual({ wallMs: T0, counter: 5, node: 'l' });
  });
});
