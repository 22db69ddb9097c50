// Worker-thread twin of renderer/features/import/worker/spreadsheet.worker.ts:
// the same parseFileBytes in a separate V8 isolate (own Object.prototype),
// so tests and the bench exercise the real isolation in Node.
import { parentPort } from 'node:worker_threads';
import { parseFileBytes } from '../../../renderer/features/import/worker/parseFileBytes';
import type { ParseRequest, ParseResponse } from '../../../renderer/features/import/worker/protocol';

parentPort?.on('message', (req: ParseRequest) => {
  let response: ParseResponse;
  try {
    response = parseFileBytes(req);
  } catch {
    response = { ok: false, code: 'unreadable', params: {} };
  }
  parentPort?.postMessage(response);
});
