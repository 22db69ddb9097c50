// The § 9 FlüAG deadline of a person as the residents screens show it
// (rules in shared/occupancy/deadlines.ts).
import type { IsoDate, Person } from '../../../shared/domain/model';
import { computeDeadlines } from '../../../shared/occupancy/deadlines';

/** End of vorläufige Unterbringung: regular end, or the recorded extension. */
export function effectiveEndOf(p: Person): IsoDate {
  return computeDeadlines(p).effectiveEnd;
}
