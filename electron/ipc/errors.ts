// The one error type the main side throws on purpose. Its message is German
// and goes to the user unchanged; anything else that is thrown is treated as
// an internal fault and reported with a generic German message (no stack
// traces or file system details leak into the UI).
import type { IpcError, IpcErrorCode } from '../../shared/ipc/contract';

export class QuartierError extends Error {
  readonly code: IpcErrorCode;

  constructor(code: IpcErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QuartierError';
    this.code = code;
  }
}

export function isQuartierError(value: unknown): value is QuartierError {
  return value instanceof QuartierError;
}

/** Converts anything thrown into the error shape that crosses the boundary. */
export function toIpcError(error: unknown): IpcError {
  if (isQuartierError(error)) return { code: error.code, message: error.message };
  return {
    code: 'internal',
    message: 'Interner Fehler im Quartier-Hauptprozess. Bitte den Vorgang wiederholen; wenn der Fehler bleibt, die Anwendung neu starten.',
  };
}
