// A WorkerPort backed by node:worker_threads (tests and bench): a separate
// V8 isolate with its own Object.prototype, like a Web Worker.
import { Worker } from 'node:worker_threads';
import type { SpawnWorker } from '../../../renderer/features/import/worker/readImportFile';

export const NODE_PARSE_WORKER = new URL('./nodeParseWorker.ts', import.meta.url);
const BOOT = new URL('./tsxBoot.mjs', import.meta.url);

/** Starts `entry` (a .ts worker module) in a worker thread. */
export function startTsWorker(entry: URL): Worker {
  return new Worker(BOOT, { workerData: { entry: entry.href } });
}

export function spawnNodeWorker(entry: URL = NODE_PARSE_WORKER): SpawnWorker {
  return () => {
    const worker = startTsWorker(entry);
    return {
      post: (m) => worker.postMessage(m),
      onMessage: (h) => void worker.on('message', h),
      onError: (h) => void worker.on('error', h),
      terminate: () => void worker.terminate(),
    };
  };
}
