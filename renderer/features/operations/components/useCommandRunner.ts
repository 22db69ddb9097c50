// Runs a command from a dialog: keeps the busy flag, turns a refusal into
// translated messages for the dialog, and on success shows a snackbar.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Violation } from '../../../../shared/occupancy/violation';
import { notify } from '../../../state/ui';
import { describeCommandError, violationText } from './violationText';

export interface CommandRunner {
  busy: boolean;
  /** Translated error sentences of the last failed run. */
  errors: string[];
  /** Error violations of the last failed run (for field-level display and overrides). */
  violations: Violation[];
  reset: () => void;
  /** Runs `fn`; returns its result, or undefined when it was refused. */
  run: <T>(fn: () => Promise<T>, successMessage?: string) => Promise<T | undefined>;
}

export function useCommandRunner(): CommandRunner {
  const { t } = useTranslation('operations');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [violations, setViolations] = useState<Violation[]>([]);

  const reset = useCallback(() => {
    setErrors([]);
    setViolations([]);
  }, []);

  const run = useCallback(
    async <T,>(fn: () => Promise<T>, successMessage?: string): Promise<T | undefined> => {
      setBusy(true);
      setErrors([]);
      setViolations([]);
      try {
        const result = await fn();
        // Rule warnings do not block but must be seen (e.g. a blocked bed still occupied).
        const warnings = (result as { warnings?: Violation[] } | null)?.warnings ?? [];
        if (warnings.length > 0) {
          notify([successMessage, ...warnings.map((w) => violationText(t, w))].filter(Boolean).join(' '), 'warning');
        } else if (successMessage) {
          notify(successMessage, 'success');
        }
        return result;
      } catch (e) {
        const d = describeCommandError(t, e);
        setErrors(d.messages);
        setViolations(d.violations);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  return { busy, errors, violations, reset, run };
}
