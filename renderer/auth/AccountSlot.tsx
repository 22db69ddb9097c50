// The signed-in user in the app bar: name and role, "Passwort ändern",
// "Sperren" and "Abmelden".
import { useState } from 'react';
import { Button, Divider, ListItemIcon, ListItemText, Menu, MenuItem } from '@mui/material';
import AccountCircleOutlined from '@mui/icons-material/AccountCircleOutlined';
import KeyOutlined from '@mui/icons-material/KeyOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import LogoutOutlined from '@mui/icons-material/LogoutOutlined';
import { useTranslation } from 'react-i18next';
import { ROLE_LABEL_KEY } from '../../shared/auth/permissions';
import { ChangePasswordDialog } from './ChangePasswordDialog';
import { useSession } from './session';
import { signOut } from './users';

export function AccountSlot() {
  const { t } = useTranslation('auth');
  const user = useSession((s) => s.user);
  const lock = useSession((s) => s.lock);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [changing, setChanging] = useState(false);
  if (!user) return null;
  const role = t(ROLE_LABEL_KEY[user.role]);
  return (
    <>
      <Button
        color="inherit"
        startIcon={<AccountCircleOutlined />}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        aria-label={t('lock.account', { name: user.displayName, role })}
        sx={{ ml: 1, textTransform: 'none', maxWidth: 320 }}
      >
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {user.displayName} · {role}
        </span>
      </Button>
      <Button color="inherit" startIcon={<LockOutlined />} onClick={lock} sx={{ ml: 0.5 }}>
        {t('lock.lockNow')}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem disabled>
          <ListItemText primary={user.displayName} secondary={`${user.login} · ${role}`} />
        </MenuItem>
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setChanging(true);
          }}
        >
          <ListItemIcon>
            <KeyOutlined fontSize="small" />
          </ListItemIcon>
          {t('ownPassword.menu')}
        </MenuItem>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            lock();
          }}
        >
          <ListItemIcon>
            <LockOutlined fontSize="small" />
          </ListItemIcon>
          {t('lock.lockNow')}
        </MenuItem>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            signOut();
          }}
        >
          <ListItemIcon>
            <LogoutOutlined fontSize="small" />
          </ListItemIcon>
          {t('lock.signOut')}
        </MenuItem>
      </Menu>
      {changing ? <ChangePasswordDialog onClose={() => setChanging(false)} /> : null}
    </>
  );
}
