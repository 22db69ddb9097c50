// Worker-thread bootstrap: registers tsx in this thread, then loads the
// TypeScript worker module named in workerData (Node 20 does not apply
// `--import tsx` from execArgv to a worker's entry module).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
