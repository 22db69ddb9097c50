// Web Worker that turns an export job into bytes off the main thread, so a
// batch of a thousand letters or a Berlin-sized report never freezes the UI.
// Cancelling terminates the worker (pdfmake cannot be interrupted otherwise).
import { produceExport, type ExportJob } from './produce';

export type WorkerRequest = { id: number; job: ExportJob };
export type WorkerResponse =
  | { id: number; type: 'progress'; phase: string; fraction: number | null }
  | { id: number; type: 'done'; bytes: Uint8Array }
  | { id: number; type: 'error'; message: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage: (message: WorkerResponse, transfer?: Transferable[]) => void;
};

scope.onmessage = (e) => {
  const { id, job } = e.data;
  produceExport(job, (p) => scope.postMessage({ id, type: 'progress', phase: p.phase, fraction: p.fraction }))
    .then((bytes) => scope.postMessage({ id, type: 'done', bytes }, [bytes.buffer as ArrayBuffer]))
    .catch((err: unknown) => scope.postMessage({ id, type: 'error', message: err instanceof Error ? err.message : String(err) }));
};
