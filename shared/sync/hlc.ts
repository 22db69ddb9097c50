// Hybrid logical clock (HLC, Kulkarni et al. 2014; the variant Actual Budget
// uses). Every Change carries an HLC stamp so that changes from several
// laptops can be totally ordered without trusting their wall clocks alone:
// - a stamp never goes backwards on one device, even when its wall clock does;
// - a stamp is always later than every stamp the device has seen before;
// - a remote stamp far in the future (a laptop a year ahead) is flagged and
//   NOT adopted, so one broken clock cannot drag every other clock with it.
//
// String form: `<15-digit ms>-<5-digit base36 counter>-<node id>`. The first
// two parts are fixed width, so comparing two stamps as strings compares
// (ms, counter, node) in that order.

export interface Hlc {
  /** Physical part: milliseconds since the epoch (the max of all seen). */
  wallMs: number;
  /** Logical part: orders events that share the same wallMs. */
  counter: number;
  /** Tie-breaker: the device id. */
  node: string;
}

const MS_DIGITS = 15;
const COUNTER_DIGITS = 5;
/** 36^5 - 1 = 60,466,175 events per millisecond before we borrow a millisecond. */
export const MAX_COUNTER = 36 ** COUNTER_DIGITS - 1;
const MAX_WALL_MS = 10 ** MS_DIGITS - 1;
const HLC_PATTERN = /^(\d{15})-([0-9a-z]{5})-(.+)$/;

/** Default tolerated clock drift of a remote stamp: five minutes. */
export const DEFAULT_MAX_DRIFT_MS = 5 * 60 * 1000;

export function createHlc(node: string, wallMs = 0): Hlc {
  assertNode(node);
  return { wallMs, counter: 0, node };
}

export function hlcToString(clock: Hlc): string {
  if (!Number.isInteger(clock.wallMs) || clock.wallMs < 0 || clock.wallMs > MAX_WALL_MS) {
    throw new RangeError(`HLC-Zeitstempel außerhalb des gültigen Bereichs: ${clock.wallMs}`);
  }
  if (!Number.isInteger(clock.counter) || clock.counter < 0 || clock.counter > MAX_COUNTER) {
    throw new RangeError(`HLC-Zähler außerhalb des gültigen Bereichs: ${clock.counter}`);
  }
  assertNode(clock.node);
  return `${String(clock.wallMs).padStart(MS_DIGITS, '0')}-${clock.counter.toString(36).padStart(COUNTER_DIGITS, '0')}-${clock.node}`;
}

export function parseHlc(text: string): Hlc {
  const m = HLC_PATTERN.exec(text);
  if (!m) throw new Error(`Ungültiger HLC-Zeitstempel: ${text}`);
  return { wallMs: Number(m[1]), counter: parseInt(m[2]!, 36), node: m[3]! };
}

/** Orders two clocks like their string forms do (negative, 0, positive). */
export function compareHlc(a: Hlc, b: Hlc): number {
  if (a.wallMs !== b.wallMs) return a.wallMs < b.wallMs ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  return a.node < b.node ? -1 : a.node > b.node ? 1 : 0;
}

/**
 * The clock for a local event (a user operation). If the wall clock stepped
 * back, the physical part stays where it was and the counter grows, so the
 * new stamp is still later than every earlier one.
 */
export function tick(local: Hlc, nowMs: number): Hlc {
  const wall = Math.max(local.wallMs, Math.floor(nowMs));
  const counter = wall === local.wallMs ? local.counter + 1 : 0;
  return normalise({ wallMs: wall, counter, node: local.node });
}

export interface ReceiveResult {
  clock: Hlc;
  /**
   * True when the remote stamp lies more than maxDriftMs ahead of our wall
   * clock. The local clock is then left unchanged: the change may still be
   * applied, but its stamp is not trusted to move our time forward.
   */
  flagged: boolean;
}

/** Merges a stamp seen on a remote change into the local clock. */
export function receive(local: Hlc, remote: Hlc, nowMs: number, maxDriftMs = DEFAULT_MAX_DRIFT_MS): ReceiveResult {
  const now = Math.floor(nowMs);
  if (remote.wallMs - now > maxDriftMs) return { clock: local, flagged: true };
  const wall = Math.max(local.wallMs, remote.wallMs, now);
  let counter: number;
  if (wall === local.wallMs && wall === remote.wallMs) counter = Math.max(local.counter, remote.counter) + 1;
  else if (wall === local.wallMs) counter = local.counter + 1;
  else if (wall === remote.wallMs) counter = remote.counter + 1;
  else counter = 0;
  return { clock: normalise({ wallMs: wall, counter, node: local.node }), flagged: false };
}

/**
 * On counter overflow (more than 60 million events in one millisecond, or a
 * counter inherited from a very busy peer) borrow the next millisecond: the
 * order is kept and the string stays fixed width.
 */
function normalise(clock: Hlc): Hlc {
  if (clock.counter <= MAX_COUNTER) return clock;
  return { wallMs: clock.wallMs + 1, counter: 0, node: clock.node };
}

function assertNode(node: string): void {
  if (node.length === 0 || /\s/.test(node)) throw new Error(`Ungültige Geräte-ID für die HLC-Uhr: "${node}"`);
}
