// Loading the demo dataset with progress and cancellation, shared by the
// first-start dialog and the settings page.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbortError, loadCountyDemo } from './localData';

export type DemoLoadState =
  | { phase: 'idle' }
  | { phase: 'loading'; done: number; total: number }
  | { phase: 'done' }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

export interface DemoLoader {
  state: DemoLoadState;
  /** Resolves with the final phase ('done' | 'cancelled' | 'failed'). */
  start: () => Promise<DemoLoadState['phase']>;
  cancel: () => void;
}

export function useDemoLoader(): DemoLoader {
  const [state, setState] = useState<DemoLoadState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);

  // Leaving the screen mid-load cancels the load instead of letting it run unseen.
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async (): Promise<DemoLoadState['phase']> => {
    controller.current?.abort();
    const ctrl = new AbortController();
    controller.current = ctrl;
    setState({ phase: 'loading', done: 0, total: 0 });
    try {
      await loadCountyDemo((done, total) => {
        if (!ctrl.signal.aborted) setState({ phase: 'loading', done, total });
      }, ctrl.signal);
      setState({ phase: 'done' });
      return 'done';
    } catch (error) {
      if (isAbortError(error) || ctrl.signal.aborted) {
        setState({ phase: 'cancelled' });
        return 'cancelled';
      }
      setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
      return 'failed';
    } finally {
      if (controller.current === ctrl) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { state, start, cancel };
}
