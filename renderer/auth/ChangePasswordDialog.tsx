// "Passwort ändern" from the account menu: the signed-in user's own password
// (old password, new one twice). Any role may do this (changeOwnPassword).
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '../../shared/auth/password';
import { getDb, type QuartierDb } from '../db/db';
import { notify } from '../state/ui';
import { AuthFormError, useAuthSubmit } from './useAuthSubmit';
import { PasswordField } from './PasswordField';
import { useSession } from './session';
import { changeOwnPassword, type AuthCommandOptions } from './users';

export function ChangePasswordDialog({ onClose, db = getDb(), options }: { onClose: () => void; db?: QuartierDb; options?: AuthCommandOptions }) {
  const { t } = useTranslation('auth');
  const login = useSession((s) => s.user?.login ?? '');
  const [oldPassword, setOld] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const { busy, error, onSubmit } = useAuthSubmit(async () => {
    await changeOwnPassword(db, { oldPassword, newPassword, newPasswordRepeat: repeat }, options);
    notify(t('ownPassword.changed'));
    onClose();
  });

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="own-password-title">
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id="own-password-title">{t('ownPassword.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {/* Lets password managers file the new password under the right login. */}
            <input type="text" name="username" autoComplete="username" value={login} readOnly hidden />
            <PasswordField label={t('ownPassword.old')} value={oldPassword} onChange={(e) => setOld(e.target.value)} autoComplete="current-password" autoFocus />
            <PasswordField
              label={t('ownPassword.new')}
              value={newPassword}
              onChange={(e) => setNew(e.target.value)}
              autoComplete="new-password"
              helperText={t('ownPassword.help', { min: MIN_PASSWORD_LENGTH })}
            />
            <PasswordField label={t('ownPassword.repeat')} value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" />
            <AuthFormError error={error} />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose}>{t('ownPassword.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {t('ownPassword.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
