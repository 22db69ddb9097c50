// Einstellungen → Benutzer (Administration only): list, create, edit role /
// active / assigned accommodations, reset password. The commands are checked
// by the repository too ('users:manage'); this section is simply not shown to
// other roles.
import { useMemo, useState } from 'react';
import {
  Autocomplete,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  IconButton,
  MenuItem,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
} from '@mui/material';
import EditOutlined from '@mui/icons-material/EditOutlined';
import LockResetOutlined from '@mui/icons-material/LockResetOutlined';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH, normalizeLogin } from '../../../shared/auth/password';
import { ROLE_LABEL_KEY } from '../../../shared/auth/permissions';
import { ROLES, type Accommodation, type Id, type Role, type User } from '../../../shared/domain/model';
import { AuthFormError, useAuthSubmit } from '../../auth/useAuthSubmit';
import { PasswordField } from '../../auth/PasswordField';
import { useCurrentUser, usePermission } from '../../auth/session';
import { createUser, duplicateLogins, setPassword, updateUser } from '../../auth/users';
import { SettingsSection } from '../../components/SettingsSection';
import { getDb, type QuartierDb } from '../../db/db';
import { notify } from '../../state/ui';

type DialogState = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User } | null;

export function UsersSection({ db = getDb() }: { db?: QuartierDb }) {
  const { t } = useTranslation('auth');
  const allowed = usePermission('users:manage');
  const me = useCurrentUser();
  const users = useLiveQuery(async () => (await db.users.toArray()).filter((u) => u.deleted !== true), [db]);
  const accommodations = useLiveQuery(async () => (await db.accommodations.toArray()).filter((a) => a.deleted !== true), [db]);
  const [dialog, setDialog] = useState<DialogState>(null);
  const accName = useMemo(() => new Map((accommodations ?? []).map((a) => [a.id, a.name])), [accommodations]);
  const dupes = useMemo(() => duplicateLogins(users ?? []), [users]);
  if (!allowed) return null;

  const sorted = [...(users ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName, 'de'));
  return (
    <SettingsSection title={t('users.heading')} description={t('users.explanation')}>
      <Button variant="contained" onClick={() => setDialog({ kind: 'create' })} sx={{ mb: 2 }}>
        {t('users.new')}
      </Button>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={t('users.table')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('users.name')}</TableCell>
              <TableCell>{t('users.login')}</TableCell>
              <TableCell>{t('users.role')}</TableCell>
              <TableCell>{t('users.accommodations')}</TableCell>
              <TableCell>{t('users.status')}</TableCell>
              <TableCell>{t('users.actions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {sorted.map((u) => (
              <TableRow key={u.id} hover>
                <TableCell sx={{ minWidth: 160 }}>
                  {u.displayName}
                  {me?.userId === u.id ? ` (${t('users.you')})` : ''}
                </TableCell>
                <TableCell>
                  {u.login}
                  {dupes.has(normalizeLogin(u.login)) ? (
                    <Tooltip title={t('users.duplicateHint')}>
                      <Chip size="small" color="warning" label={t('users.duplicate')} sx={{ ml: 1 }} />
                    </Tooltip>
                  ) : null}
                </TableCell>
                <TableCell>{t(ROLE_LABEL_KEY[u.role])}</TableCell>
                <TableCell>
                  {u.role === 'field'
                    ? u.accommodationIds.length === 0
                      ? t('users.none')
                      : u.accommodationIds.map((id) => accName.get(id) ?? id).join(', ')
                    : t('users.allAccommodations')}
                </TableCell>
                <TableCell>
                  <Chip size="small" variant="outlined" color={u.active ? 'success' : 'default'} label={u.active ? t('users.active') : t('users.inactive')} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <Tooltip title={t('users.edit')}>
                    <IconButton size="small" onClick={() => setDialog({ kind: 'edit', user: u })} aria-label={`${t('users.edit')}: ${u.displayName}`}>
                      <EditOutlined fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title={t('users.resetPassword')}>
                    <IconButton size="small" onClick={() => setDialog({ kind: 'password', user: u })} aria-label={`${t('users.resetPassword')}: ${u.displayName}`}>
                      <LockResetOutlined fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {dialog?.kind === 'create' || dialog?.kind === 'edit' ? (
        <UserDialog db={db} user={dialog.kind === 'edit' ? dialog.user : null} accommodations={accommodations ?? []} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'password' ? <PasswordDialog db={db} user={dialog.user} onClose={() => setDialog(null)} /> : null}
    </SettingsSection>
  );
}

function UserDialog({ db, user, accommodations, onClose }: { db: QuartierDb; user: User | null; accommodations: Accommodation[]; onClose: () => void }) {
  const { t } = useTranslation('auth');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [login, setLogin] = useState(user?.login ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'readonly');
  const [active, setActive] = useState(user?.active ?? true);
  const [assigned, setAssigned] = useState<Id[]>(user?.accommodationIds ?? []);
  const [password, setPasswordValue] = useState('');
  const [repeat, setRepeat] = useState('');
  const { busy, error, onSubmit } = useAuthSubmit(async () => {
    const accommodationIds = role === 'field' ? assigned : [];
    if (user) {
      await updateUser(db, user.id, { displayName, role, active, accommodationIds });
      notify(t('users.updated', { name: displayName.trim() }));
    } else {
      await createUser(db, { displayName, login, role, active, accommodationIds, password, passwordRepeat: repeat });
      notify(t('users.created', { name: displayName.trim() }));
    }
    onClose();
  });
  const byId = useMemo(() => new Map(accommodations.map((a) => [a.id, a])), [accommodations]);

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle>{user ? t('users.editTitle') : t('users.createTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField label={t('users.name')} value={displayName} onChange={(e) => setDisplayName(e.target.value)} required fullWidth autoFocus />
            <TextField label={t('users.login')} value={login} onChange={(e) => setLogin(e.target.value)} required fullWidth disabled={user !== null} autoComplete="off" />
            <TextField select label={t('users.role')} value={role} onChange={(e) => setRole(e.target.value as Role)} fullWidth>
              {ROLES.map((r) => (
                <MenuItem key={r} value={r}>
                  {t(ROLE_LABEL_KEY[r])}
                </MenuItem>
              ))}
            </TextField>
            {role === 'field' ? (
              <Autocomplete
                multiple
                options={accommodations.map((a) => a.id)}
                value={assigned}
                onChange={(_, v) => setAssigned(v)}
                getOptionLabel={(id) => byId.get(id)?.name ?? id}
                renderInput={(params) => <TextField {...params} label={t('users.assigned')} helperText={t('users.assignedHelp')} />}
              />
            ) : null}
            {user ? (
              <FormControlLabel control={<Switch checked={active} onChange={(e) => setActive(e.target.checked)} />} label={t('users.activeLabel')} />
            ) : (
              <>
                <PasswordField
                  label={t('users.password')}
                  value={password}
                  onChange={(e) => setPasswordValue(e.target.value)}
                  autoComplete="new-password"
                  helperText={t('users.passwordHelp', { min: MIN_PASSWORD_LENGTH })}
                  required
                />
                <PasswordField label={t('users.repeat')} value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" required />
              </>
            )}
            <AuthFormError error={error} />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose}>{t('users.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {t('users.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function PasswordDialog({ db, user, onClose }: { db: QuartierDb; user: User; onClose: () => void }) {
  const { t } = useTranslation('auth');
  const [password, setPasswordValue] = useState('');
  const [repeat, setRepeat] = useState('');
  const { busy, error, onSubmit } = useAuthSubmit(async () => {
    await setPassword(db, user.id, password, repeat);
    notify(t('users.passwordSet', { name: user.displayName }));
    onClose();
  });

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth>
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle>{t('users.passwordTitle', { name: user.displayName })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <input type="text" name="username" autoComplete="off" value={user.login} readOnly hidden />
            <PasswordField
              label={t('users.password')}
              value={password}
              onChange={(e) => setPasswordValue(e.target.value)}
              autoComplete="new-password"
              helperText={t('users.passwordHelp', { min: MIN_PASSWORD_LENGTH })}
              autoFocus
            />
            <PasswordField label={t('users.repeat')} value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" />
            <AuthFormError error={error} />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose}>{t('users.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {t('users.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
