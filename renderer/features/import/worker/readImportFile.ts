// Main side of file reading: checks type and size, hands the bytes to a
// fresh worker, enforces the time limit by terminating the worker, and
// rebuilds the answer as plain rows (toPlainWorkbook) before anything else
// touches it. Errors are ImportFileError with a code the UI translates
// (`import:file.<code>`), each with a clear German text.
import { DEFAULT_IMPORT_LIMITS, TableShapeError, toPlainWorkbook, type ImportLimits, type WorkbookData } from '../../../../shared/import/table';
import { formatOf, type FileProblemCode, type ParseRequest, type ParseResponse } from './protocol';

/** The minimum of a worker the reader needs; a Web Worker in the app, a worker thread in Node tests. */
export interface WorkerPort {
  post(message: ParseRequest): void;
  onMessage(handler: (message: unknown) => void): void;
  onError(handler: (error: unknown) => void): void;
  terminate(): void;
}

export type SpawnWorker = () => WorkerPort;

/** A real Web Worker (vite bundles the module and its imports, xlsx included). */
export const spawnBrowserWorker: SpawnWorker = () => {
  const worker = new Worker(new URL('./spreadsheet.worker.ts', import.meta.url), { type: 'module', name: 'quartier-import' });
  return {
    post: (m) => worker.postMessage(m),
    onMessage: (h) => {
      worker.onmessage = (e: MessageEvent<unknown>) => h(e.data);
    },
    onError: (h) => {
      worker.onerror = (e) => {
        e.preventDefault();
        h(e);
      };
      worker.onmessageerror = (e) => h(e);
    },
    terminate: () => worker.terminate(),
  };
};

export class ImportFileError extends Error {
  constructor(
    readonly code: FileProblemCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`import file problem: ${code}`);
    this.name = 'ImportFileError';
  }
}

export interface ReadFileResult {
  workbook: WorkbookData;
  csv?: { encoding: string; delimiter: string };
}

export interface ReadFileOptions {
  limits?: Partial<ImportLimits>;
  spawn?: SpawnWorker;
}

export async function readImportFile(file: { name: string; bytes: Uint8Array }, options: ReadFileOptions = {}): Promise<ReadFileResult> {
  const limits: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, ...options.limits };
  if (!formatOf(file.name)) throw new ImportFileError('unsupportedType', { name: file.name });
  if (file.bytes.byteLength > limits.maxBytes) throw new ImportFileError('tooLarge', { maxMb: Math.round(limits.maxBytes / 1024 / 1024) });
  if (file.bytes.byteLength === 0) throw new ImportFileError('emptyFile');
  const spawn = options.spawn ?? spawnBrowserWorker;
  const answer = await new Promise<unknown>((resolve, reject) => {
    let port: WorkerPort;
    try {
      port = spawn();
    } catch {
      reject(new ImportFileError('workerFailed'));
      return;
    }
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      port.terminate();
      fn();
    };
    const timer = setTimeout(() => settle(() => reject(new ImportFileError('timeLimit', { seconds: Math.round(limits.maxMs / 100) / 10 }))), limits.maxMs);
    port.onMessage((m) => settle(() => resolve(m)));
    port.onError(() => settle(() => reject(new ImportFileError('workerFailed'))));
    const { maxMs: _ignored, ...workerLimits } = limits;
    // A copy: the caller keeps its bytes (a transfer would empty them).
    port.post({ fileName: file.name, bytes: file.bytes.slice(), limits: workerLimits });
  });
  return checkAnswer(answer, limits);
}

/** Reads the worker's answer without trusting its shape. */
function checkAnswer(answer: unknown, limits: ImportLimits): ReadFileResult {
  if (typeof answer !== 'object' || answer === null || !Object.hasOwn(answer, 'ok')) throw new ImportFileError('unreadable');
  const a = answer as Record<string, unknown>;
  if (a.ok !== true) {
    const code = typeof a.code === 'string' && isFileProblemCode(a.code) ? a.code : 'unreadable';
    const params: Record<string, string | number> = {};
    const p = Object.hasOwn(a, 'params') ? a.params : undefined;
    if (typeof p === 'object' && p !== null) {
      for (const k of ['name', 'maxMb', 'max', 'line', 'seconds']) {
        const v: unknown = Object.hasOwn(p, k) ? (p as Record<string, unknown>)[k] : undefined;
        if (typeof v === 'string' || typeof v === 'number') params[k] = v;
      }
    }
    throw new ImportFileError(code, params);
  }
  let workbook: WorkbookData;
  try {
    workbook = toPlainWorkbook(Object.hasOwn(a, 'workbook') ? a.workbook : undefined, limits);
  } catch (e) {
    if (e instanceof TableShapeError && e.reason === 'tooManyRows') throw new ImportFileError('tooManyRows', { max: limits.maxRows });
    if (e instanceof TableShapeError && e.reason === 'tooManySheets') throw new ImportFileError('tooManySheets', { max: limits.maxSheets });
    throw new ImportFileError('unreadable');
  }
  const csvIn = Object.hasOwn(a, 'csv') ? (a.csv as Record<string, unknown> | undefined) : undefined;
  const result: ReadFileResult = { workbook };
  if (csvIn && typeof csvIn.encoding === 'string' && typeof csvIn.delimiter === 'string') {
    result.csv = { encoding: csvIn.encoding.slice(0, 20), delimiter: csvIn.delimiter.slice(0, 1) };
  }
  return result;
}

const CODES: readonly FileProblemCode[] = ['tooLarge', 'unsupportedType', 'emptyFile', 'unreadable', 'tooManyRows', 'tooManySheets', 'unterminatedQuote', 'timeLimit', 'workerFailed'];
function isFileProblemCode(s: string): s is FileProblemCode {
  return (CODES as readonly string[]).includes(s);
}

export type { ParseResponse };
