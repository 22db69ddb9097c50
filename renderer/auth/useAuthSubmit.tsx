// The submit handling every sign-in and account form shares: busy while the
// command runs, the command's refusal as translated text, nothing else
// changed on failure. One place, so all six forms behave the same (a double
// click cannot submit twice, an old error disappears on the next attempt).
import { useState, type FormEvent } from 'react';
import { Alert } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { authErrorText } from './authErrorText';

export interface AuthSubmit {
  busy: boolean;
  error: string | null;
  /** For `<form onSubmit>`. */
  onSubmit: (e: FormEvent) => void;
}

/** Runs `action` on submit; `onFailure` runs after a refusal (e.g. to clear the password field). */
export function useAuthSubmit(action: () => Promise<void>, onFailure?: () => void): AuthSubmit {
  const { t } = useTranslation('auth');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(authErrorText(t, err));
      onFailure?.();
    } finally {
      setBusy(false);
    }
  };

  return {
    busy,
    error,
    onSubmit: (e) => {
      e.preventDefault();
      if (!busy) void submit();
    },
  };
}

/** The refusal of a form, announced to screen readers; nothing when there is none. */
export function AuthFormError({ error }: { error: string | null }) {
  return error ? (
    <Alert severity="error" role="alert">
      {error}
    </Alert>
  ) : null;
}
