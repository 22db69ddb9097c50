// React state around one export run: progress, cancel, error.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportJob, ExportProgress } from './produce';
import { ExportCancelledError, runExport } from './runExport';

export type ExportJobState =
  | { status: 'idle' }
  | { status: 'running'; progress: ExportProgress }
  | { status: 'cancelled' }
  | { status: 'error'; message: string };

export interface ExportJobControl {
  state: ExportJobState;
  /** Resolves with the bytes, or null when cancelled or failed (state says which). */
  run: (job: ExportJob) => Promise<Uint8Array | null>;
  cancel: () => void;
}

export function useExportJob(): ExportJobControl {
  const [state, setState] = useState<ExportJobState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  // Leaving the screen cancels a running job (terminates its worker).
  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async (job: ExportJob) => {
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    setState({ status: 'running', progress: { phase: 'prepare', fraction: 0 } });
    try {
      const bytes = await runExport(job, { signal: c.signal, onProgress: (progress) => setState({ status: 'running', progress }) });
      setState({ status: 'idle' });
      return bytes;
    } catch (err) {
      if (err instanceof ExportCancelledError) setState({ status: 'cancelled' });
      else setState({ status: 'error', message: err instanceof Error ? err.message : String(err) });
      return null;
    } finally {
      if (controller.current === c) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, run, cancel };
}
