// The user's role on this laptop. It only changes what is shown (vulnerability
// details are for administration and accommodation management), so it is a
// local setting, saved as soon as it is chosen.
import { useState } from 'react';
import { Alert, MenuItem, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { SettingsSection } from '../../components/SettingsSection';
import { getDb, type QuartierDb } from '../../db/db';
import { isRole, ROLES, setRole, useRole } from '../../features/operations/role';
import { notify } from '../../state/ui';

export function RoleSection({ db = getDb() }: { db?: QuartierDb }) {
  const { t } = useTranslation('roles');
  const role = useRole(db);
  const [error, setError] = useState<string | null>(null);

  const change = async (value: string) => {
    if (!isRole(value) || value === role) return;
    setError(null);
    try {
      await setRole(db, value);
      notify(t('saved', { role: t(`role.${value}`) }));
    } catch {
      setError(t('saveFailed'));
    }
  };

  return (
    <SettingsSection title={t('heading')} description={t('explanation')}>
      <TextField select label={t('label')} value={role} onChange={(e) => void change(e.target.value)} sx={{ minWidth: 320 }}>
        {ROLES.map((r) => (
          <MenuItem key={r} value={r}>
            {t(`role.${r}`)}
          </MenuItem>
        ))}
      </TextField>
      {error ? (
        <Alert severity="error" sx={{ mt: 2 }}>
          {error}
        </Alert>
      ) : null}
    </SettingsSection>
  );
}
