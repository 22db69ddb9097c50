// The registered bench suites; each issue adds its own.
import type { BenchSuite } from './harness';
import { exportsBench } from './exports';
import { importBench } from './import';
import { occupancyEngineSuite } from './occupancy';
import { occupancyBrowserSuite } from './occupancy-browser';
import { syncBench } from './sync';

export const suites: BenchSuite[] = [occupancyEngineSuite, occupancyBrowserSuite, syncBench, exportsBench, importBench];
