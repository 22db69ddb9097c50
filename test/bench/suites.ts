// The registered bench suites; each issue adds its own.
import type { BenchSuite } from './harness';

export const suites: BenchSuite[] = [];
