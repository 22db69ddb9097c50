// First start, the second path: „Mit der gemeinsamen Ablage verbinden“. A
// laptop joining an existing office confirms the shared folder, enters the
// organisation passphrase, and runs a sync pass (renderer/auth/joinOffice.ts)
// with progress. Afterwards the office's users exist here and the sign-in
// screen follows (AuthGate). A refusal says why in German, leaves the local
// data, the share and the share folder setting as they were, and the user can
// go back to creating the first administrator.
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, DialogActions, DialogContent, DialogContentText, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { getDb, type QuartierDb } from '../db/db';
import { getDeviceName } from '../app/localData';
import { api } from '../platform/api';
import { ApiSharePort } from '../sync/apiPort';
import { passphraseKeeper, setPassphrase, syncNow, useSyncStore } from '../sync/controller';
import { SyncEngine, type SyncProgress } from '../sync/engine';
import { PasswordField } from './PasswordField';
import { joinOffice, JoinRefusedError, type JoinSteps } from './joinOffice';

/** The app's join steps: a reading-only check with the typed passphrase, then the sync controller. */
export function appJoinSteps(db: QuartierDb = getDb()): JoinSteps {
  return {
    check: (passphrase) =>
      new SyncEngine({
        db,
        port: new ApiSharePort(api),
        getPassphrase: () => Promise.resolve(passphrase),
        getDeviceName: async () => (await getDeviceName()) || 'Laptop',
      }).checkPassphrase(),
    keepPassphrase: async (passphrase) => {
      // Kept like on the sync page: in the OS key store where there is one, else for this session.
      const { osStore } = await passphraseKeeper().status();
      await setPassphrase(passphrase, { remember: osStore });
    },
    syncPass: async (onProgress) => {
      const unsubscribe = onProgress ? useSyncStore.subscribe((s) => s.progress && onProgress(s.progress)) : () => undefined;
      try {
        return await syncNow();
      } finally {
        unsubscribe();
      }
    },
  };
}

export interface ShareRootAccess {
  get: () => Promise<string>;
  set: (root: string) => Promise<void>;
}

const appShareRoot: ShareRootAccess = {
  get: async () => (await api.settingsGetShareRoot({})).root,
  set: async (root) => {
    await api.settingsSetShareRoot({ root });
  },
};

export function JoinOfficeForm({
  db = getDb(),
  steps,
  shareRoot = appShareRoot,
  onBack,
  onJoined,
}: {
  db?: QuartierDb;
  steps?: JoinSteps;
  shareRoot?: ShareRootAccess;
  onBack: () => void;
  onJoined?: (users: number) => void;
}) {
  const { t } = useTranslation('auth');
  const [root, setRoot] = useState('');
  const [initialRoot, setInitialRoot] = useState<string | null>(null);
  const [passphrase, setPassphraseValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let active = true;
    shareRoot.get().then(
      (r) => {
        if (!active) return;
        setRoot(r);
        setInitialRoot(r);
      },
      () => active && setInitialRoot(''),
    );
    return () => {
      active = false;
    };
  }, [shareRoot]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const chosen = root.trim();
    if (chosen === '') {
      setError(t('join.refusal.rootMissing'));
      return;
    }
    setBusy(true);
    setError(null);
    const changedRoot = chosen !== initialRoot;
    try {
      if (changedRoot) await shareRoot.set(chosen);
      const { users } = await joinOffice(db, passphrase, steps ?? appJoinSteps(db), setProgress);
      onJoined?.(users);
    } catch (err) {
      // Nothing of the attempt stays: the share folder setting goes back to what it was.
      if (changedRoot && initialRoot !== null) await shareRoot.set(initialRoot).catch(() => undefined);
      setError(err instanceof JoinRefusedError ? t(`join.refusal.${err.code}`, { detail: err.detail }) : t('join.refusal.syncFailed', { detail: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null;

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{t('join.intro')}</DialogContentText>
        <Stack spacing={2}>
          <TextField
            label={t('join.root')}
            value={root}
            onChange={(e) => setRoot(e.target.value)}
            helperText={t('join.rootHelp')}
            fullWidth
            required
            disabled={busy}
            slotProps={{ htmlInput: { maxLength: 1024, spellCheck: false } }}
          />
          <PasswordField
            label={t('join.passphrase')}
            value={passphrase}
            onChange={(e) => setPassphraseValue(e.target.value)}
            autoComplete="current-password"
            helperText={t('join.passphraseHelp')}
            required
            disabled={busy}
          />
          {busy ? (
            <Stack spacing={1} role="status" aria-live="polite">
              <Typography variant="body2">{progress ? t(`join.phase.${progress.phase}`) : t('join.checking')}</Typography>
              <LinearProgress variant={percent === null ? 'indeterminate' : 'determinate'} value={percent ?? 0} aria-label={t('join.progress')} />
            </Stack>
          ) : null}
          {error ? (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          ) : null}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onBack} disabled={busy}>
          {t('join.back')}
        </Button>
        <Button type="submit" variant="contained" disabled={busy}>
          {t('join.connect')}
        </Button>
      </DialogActions>
    </form>
  );
}
