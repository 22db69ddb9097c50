// The registered bench suites; each issue adds its own.
import type { BenchSuite } from './harness';
import { occupancyEngineSuite } from './occupancy';

export const suites: BenchSuite[] = [occupancyEngineSuite];
