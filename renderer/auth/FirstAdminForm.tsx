// First start, step 1: the first administrator (name, login, password twice).
// There is no default password and no way around this step: without a user
// nobody could sign in on the next start.
import { useState } from 'react';
import { Button, DialogActions, DialogContent, DialogContentText, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '../../shared/auth/password';
import { getDb, type QuartierDb } from '../db/db';
import { AuthFormError, useAuthSubmit } from './useAuthSubmit';
import { PasswordField } from './PasswordField';
import { createFirstAdmin } from './users';

export function FirstAdminForm({ db = getDb(), textId, onCreated }: { db?: QuartierDb; textId?: string; onCreated?: () => void }) {
  const { t } = useTranslation('auth');
  const [displayName, setDisplayName] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const { busy, error, onSubmit } = useAuthSubmit(async () => {
    await createFirstAdmin(db, { displayName, login, password, passwordRepeat: repeat });
    onCreated?.();
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <DialogContent>
        <DialogContentText id={textId} sx={{ mb: 2 }}>
          {t('firstAdmin.intro')}
        </DialogContentText>
        <Stack spacing={2}>
          <TextField label={t('firstAdmin.name')} value={displayName} onChange={(e) => setDisplayName(e.target.value)} autoComplete="name" autoFocus required fullWidth />
          <TextField label={t('firstAdmin.login')} value={login} onChange={(e) => setLogin(e.target.value)} autoComplete="username" required fullWidth />
          <PasswordField
            label={t('firstAdmin.password')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
            helperText={t('firstAdmin.passwordHelp', { min: MIN_PASSWORD_LENGTH })}
            required
          />
          <PasswordField label={t('firstAdmin.repeat')} value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" required />
          <AuthFormError error={error} />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button type="submit" variant="contained" disabled={busy}>
          {busy ? t('firstAdmin.saving') : t('firstAdmin.submit')}
        </Button>
      </DialogActions>
    </form>
  );
}
