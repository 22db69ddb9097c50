// Runs an export job with progress and cancellation. In the app the job goes
// to a Web Worker; where workers are unavailable (component tests) it runs
// in the page, and cancellation then discards the result when it arrives.
import type { ExportJob, ExportProgress } from './produce';
import type { WorkerRequest, WorkerResponse } from './exportWorker';

export class ExportCancelledError extends Error {
  constructor() {
    super('Der Vorgang wurde abgebrochen.');
    this.name = 'ExportCancelledError';
  }
}

export interface RunExportOptions {
  onProgress?: (p: ExportProgress) => void;
  signal?: AbortSignal;
  /** Force in-page execution (tests). Default: a worker when the platform has one. */
  inPage?: boolean;
}

let nextId = 1;

function workersAvailable(): boolean {
  return typeof Worker !== 'undefined' && import.meta.env.MODE !== 'test';
}

export async function runExport(job: ExportJob, options: RunExportOptions = {}): Promise<Uint8Array> {
  const { onProgress, signal } = options;
  if (signal?.aborted) throw new ExportCancelledError();
  if (options.inPage || !workersAvailable()) {
    const { produceExport } = await import('./produce');
    const bytes = await produceExport(job, (p) => {
      if (!signal?.aborted) onProgress?.(p);
    });
    if (signal?.aborted) throw new ExportCancelledError();
    return bytes;
  }
  const worker = new Worker(new URL('./exportWorker.ts', import.meta.url), { type: 'module' });
  const id = nextId++;
  return new Promise<Uint8Array>((resolve, reject) => {
    const finish = () => {
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    const onAbort = () => {
      finish();
      reject(new ExportCancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const msg = e.data;
      if (msg.id !== id) return;
      if (msg.type === 'progress') onProgress?.({ phase: msg.phase as ExportProgress['phase'], fraction: msg.fraction });
      else if (msg.type === 'done') {
        finish();
        resolve(msg.bytes);
      } else {
        finish();
        reject(new Error(msg.message));
      }
    };
    worker.onerror = (e) => {
      finish();
      reject(new Error(e.message || 'Die Erstellung der Datei ist fehlgeschlagen.'));
    };
    const request: WorkerRequest = { id, job };
    worker.postMessage(request);
  });
}
