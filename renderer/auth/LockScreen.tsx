// The lock: an opaque full-screen dialog over the app (the page underneath
// stays as it was). Only the password of the signed-in user unlocks;
// "Abmelden" ends the session so someone else can sign in.
import { useId, useState } from 'react';
import { Box, Button, Dialog, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { getDb, type QuartierDb } from '../db/db';
import { ROLE_LABEL_KEY } from '../../shared/auth/permissions';
import { AuthFormError, useAuthSubmit } from './useAuthSubmit';
import { PasswordField } from './PasswordField';
import { useSession } from './session';
import { signOut, unlock } from './users';

export function LockScreen({ db = getDb() }: { db?: QuartierDb }) {
  const { t } = useTranslation('auth');
  const user = useSession((s) => s.user);
  const locked = useSession((s) => s.locked);
  const titleId = useId();
  const [password, setPassword] = useState('');
  const { busy, error, onSubmit } = useAuthSubmit(async () => {
    await unlock(db, password);
    setPassword('');
  }, () => setPassword(''));
  if (!user) return null;

  return (
    <Dialog open={locked} fullScreen aria-labelledby={titleId} slotProps={{ paper: { sx: { bgcolor: 'background.default' } } }}>
      <Box sx={{ minHeight: '100%', display: 'grid', placeItems: 'center', p: 2 }}>
        <Paper variant="outlined" sx={{ p: 4, width: '100%', maxWidth: 420 }}>
          <Typography variant="h5" component="h1" id={titleId} sx={{ mb: 1 }}>
            {t('lock.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
            {t('lock.intro', { name: user.displayName, role: t(ROLE_LABEL_KEY[user.role]) })}
          </Typography>
          <form onSubmit={onSubmit} noValidate>
            <Stack spacing={2}>
              {/* The login travels with the form so password managers know the account. */}
              <input type="text" name="username" autoComplete="username" value={user.login} readOnly hidden />
              <PasswordField label={t('signIn.password')} value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" autoFocus />
              <AuthFormError error={error} />
              <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                <Button onClick={signOut}>{t('lock.signOut')}</Button>
                <Button type="submit" variant="contained" disabled={busy || password === ''}>
                  {t('lock.unlock')}
                </Button>
              </Stack>
            </Stack>
          </form>
        </Paper>
      </Box>
    </Dialog>
  );
}
