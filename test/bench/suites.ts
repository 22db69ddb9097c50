// The registered bench suites; each issue adds its own.
import type { BenchSuite } from './harness';
import { occupancyEngineSuite } from './occupancy';
import { occupancyBrowserSuite } from './occupancy-browser';

export const suites: BenchSuite[] = [occupancyEngineSuite, occupancyBrowserSuite];
