// Web Worker entry: parses one file and answers once. The main side
// (readImportFile.ts) terminates the worker after the answer or at the time
// limit; nothing here is ever reused for a second file.
import { parseFileBytes } from './parseFileBytes';
import type { ParseRequest, ParseResponse } from './protocol';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ParseRequest>) => void) | null;
  postMessage: (message: ParseResponse) => void;
};

scope.onmessage = (e) => {
  let response: ParseResponse;
  try {
    response = parseFileBytes(e.data);
  } catch {
    response = { ok: false, code: 'unreadable', params: {} };
  }
  scope.postMessage(response);
};
