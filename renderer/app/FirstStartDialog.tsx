// First start. Step 1, whenever no user exists: the first administrator
// (renderer/auth/FirstAdminForm), who is then signed in — or, for another
// laptop of an office that already uses Quartier, „Mit der gemeinsamen Ablage
// verbinden“ (renderer/auth/JoinOfficeForm): the office's users and data come
// from the share and the sign-in screen follows (no duplicate administrator). Step 2, "Willkommen
// bei Quartier": offered once, when the local database holds no county data
// and no choice was made before. Demo data (county scale) loads with a
// determinate progress bar and can be cancelled; "Leer starten" just
// remembers the choice.
import { useEffect, useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, Typography } from '@mui/material';
import CloudSyncOutlined from '@mui/icons-material/CloudSyncOutlined';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FirstAdminForm } from '../auth/FirstAdminForm';
import { JoinOfficeForm } from '../auth/JoinOfficeForm';
import { useSession } from '../auth/session';
import { hasUsers } from '../auth/users';
import { getDb } from '../db/db';
import { notify, useUiStore } from '../state/ui';
import { DemoProgress } from './DemoProgress';
import { needsFirstStartDecision, rememberFirstStartChoice } from './localData';
import { useDemoLoader } from './useDemoLoader';

export function FirstStartDialog() {
  const { t } = useTranslation('common');
  const { t: ta } = useTranslation('auth');
  const usersExist = useLiveQuery(() => hasUsers(getDb()), []);
  const signedIn = useSession((s) => s.user !== null);
  const navigate = useNavigate();
  const firstStart = useUiStore((s) => s.firstStart);
  const setFirstStart = useUiStore((s) => s.setFirstStart);
  const { state, start, cancel } = useDemoLoader();
  const titleId = useId();
  const textId = useId();
  const [joining, setJoining] = useState(false);

  useEffect(() => {
    if (firstStart !== 'unknown') return;
    let active = true;
    needsFirstStartDecision().then(
      (needed) => {
        if (active) setFirstStart(needed ? 'pending' : 'decided');
      },
      (error: unknown) => {
        // Without a readable database there is nothing sensible to offer.
        console.error('Quartier: Erststart-Prüfung fehlgeschlagen', error);
        if (active) setFirstStart('decided');
      },
    );
    return () => {
      active = false;
    };
  }, [firstStart, setFirstStart]);

  const finish = async (choice: 'demo' | 'empty') => {
    try {
      await rememberFirstStartChoice(choice);
    } catch (error) {
      // Not remembered means it is asked again next time – annoying, not harmful.
      console.error('Quartier: Erststart-Entscheidung nicht gespeichert', error);
    }
    setFirstStart('decided');
  };

  const loadDemo = async () => {
    const outcome = await start();
    if (outcome === 'done') {
      await finish('demo');
      notify(t('settings.data.demoLoaded'));
      void navigate('/');
    }
  };

  const loading = state.phase === 'loading';

  const joined = async (users: number) => {
    // The office's data came with the share: no demo/empty question afterwards.
    await finish('empty');
    notify(ta('join.joined', { count: users }));
  };

  if (usersExist === false) {
    return (
      <Dialog open aria-labelledby={titleId} aria-describedby={textId} maxWidth="sm" fullWidth>
        <DialogTitle id={titleId}>{joining ? ta('join.title') : ta('firstAdmin.title')}</DialogTitle>
        {joining ? (
          <JoinOfficeForm onBack={() => setJoining(false)} onJoined={(n) => void joined(n)} />
        ) : (
          <>
            <Box sx={{ px: 3, pt: 1 }}>
              <Alert
                // A hint, not an error: no role="alert" announcement.
                role="note"
                severity="info"
                icon={<CloudSyncOutlined />}
              >
                {ta('join.chooseHint')}
                <Box sx={{ mt: 1 }}>
                  <Button variant="outlined" color="info" size="small" onClick={() => setJoining(true)}>
                    {ta('join.choose')}
                  </Button>
                </Box>
              </Alert>
            </Box>
            <FirstAdminForm textId={textId} />
          </>
        )}
      </Dialog>
    );
  }

  return (
    <Dialog
      open={firstStart === 'pending' && usersExist === true && signedIn}
      aria-labelledby={titleId}
      aria-describedby={textId}
      maxWidth="sm"
      fullWidth
    >
      <DialogTitle id={titleId}>{t('firstStart.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText id={textId} sx={{ mb: 2 }}>
          {t('firstStart.intro')}
        </DialogContentText>
        {state.phase === 'loading' ? (
          <Stack spacing={1}>
            <Typography>{t('firstStart.loading')}</Typography>
            <DemoProgress done={state.done} total={state.total} />
          </Stack>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {t('firstStart.demoHint')}
          </Typography>
        )}
        {state.phase === 'failed' ? (
          <Alert severity="error" sx={{ mt: 2 }}>
            {t('firstStart.failed', { message: state.message })}
          </Alert>
        ) : null}
        {state.phase === 'cancelled' ? (
          <Alert severity="info" sx={{ mt: 2 }}>
            {t('settings.data.demoCancelled')}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        {loading ? (
          <Button onClick={cancel}>{t('firstStart.cancel')}</Button>
        ) : (
          <>
            <Button onClick={() => void finish('empty')}>{t('firstStart.startEmpty')}</Button>
            <Button variant="contained" onClick={() => void loadDemo()} autoFocus>
              {t('firstStart.loadDemo')}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
