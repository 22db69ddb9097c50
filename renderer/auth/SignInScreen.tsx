// The sign-in screen, shown instead of the app whenever users exist and nobody
// is signed in. It never says whether a login exists.
import { useId, useState } from 'react';
import { Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { getDb, type QuartierDb } from '../db/db';
import { AuthFormError, useAuthSubmit } from './useAuthSubmit';
import { PasswordField } from './PasswordField';
import { signIn } from './users';

export function SignInScreen({ db = getDb() }: { db?: QuartierDb }) {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation('common');
  const headingId = useId();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, onSubmit } = useAuthSubmit(async () => {
    await signIn(db, login, password);
  }, () => setPassword(''));

  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default', p: 2 }}>
      <Paper component="section" aria-labelledby={headingId} variant="outlined" sx={{ p: 4, width: '100%', maxWidth: 420 }}>
        <Typography variant="overline" color="primary" sx={{ fontWeight: 700, letterSpacing: 1 }}>
          {tc('app.name')}
        </Typography>
        <Typography variant="h5" component="h1" id={headingId} sx={{ mb: 1 }}>
          {t('signIn.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
          {t('signIn.intro')}
        </Typography>
        <form onSubmit={onSubmit} noValidate>
          <Stack spacing={2}>
            <TextField label={t('signIn.login')} value={login} onChange={(e) => setLogin(e.target.value)} autoComplete="username" autoFocus required fullWidth />
            <PasswordField label={t('signIn.password')} value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
            <AuthFormError error={error} />
            <Button type="submit" variant="contained" size="large" disabled={busy || login.trim() === '' || password === ''}>
              {busy ? t('signIn.checking') : t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Box>
  );
}
