// Test probe (worker thread): parses the bytes with SheetJS directly, as an
// app without isolation would, and answers whether Object.prototype of THIS
// isolate was polluted. Proves the crafted file in readFile.test.ts is live.
import { parentPort } from 'node:worker_threads';
import * as XLSX from 'xlsx';

parentPort?.once('message', (bytes: Uint8Array) => {
  try {
    XLSX.read(bytes, { type: 'array' });
  } catch {
    // A throw is fine: the question is only whether the prototype changed.
  }
  parentPort?.postMessage(Object.getOwnPropertyNames(Object.prototype).includes('c'));
});
