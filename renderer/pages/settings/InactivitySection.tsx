// Automatisch sperren: minutes without input before the app locks (local
// setting). Only Administration changes it ('settings:manage'): the lock
// protects the data of everyone on this laptop.
import { useState } from 'react';
import { Alert, Button, Stack, TextField } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { getLockMinutes, isValidLockMinutes, MAX_LOCK_MINUTES, MIN_LOCK_MINUTES, setLockMinutes } from '../../auth/lockSetting';
import { PermissionGate } from '../../auth/PermissionGate';
import { usePermission } from '../../auth/session';
import { SettingsSection } from '../../components/SettingsSection';
import { getDb, type QuartierDb } from '../../db/db';
import { notify } from '../../state/ui';

export function InactivitySection({ db = getDb() }: { db?: QuartierDb }) {
  const { t } = useTranslation('auth');
  const stored = useLiveQuery(() => getLockMinutes(db), [db]);
  return (
    <SettingsSection title={t('inactivity.heading')} description={t('inactivity.explanation')}>
      {stored === undefined ? null : <InactivityForm key={stored} db={db} stored={stored} />}
    </SettingsSection>
  );
}

function InactivityForm({ db, stored }: { db: QuartierDb; stored: number }) {
  const { t } = useTranslation('auth');
  const [value, setValue] = useState(String(stored));
  const [error, setError] = useState<string | null>(null);
  const allowed = usePermission('settings:manage');
  const save = async () => {
    const minutes = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
    if (!isValidLockMinutes(minutes)) {
      setError(t('inactivity.invalid', { min: MIN_LOCK_MINUTES, max: MAX_LOCK_MINUTES }));
      return;
    }
    setError(null);
    await setLockMinutes(db, minutes);
    notify(t('inactivity.saved', { minutes }));
  };
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
      <TextField
        label={t('inactivity.label')}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        error={error !== null}
        disabled={!allowed}
        sx={{ width: 220 }}
      />
      <PermissionGate permission="settings:manage">
        {(denied) => (
          <Button variant="outlined" onClick={() => void save()} disabled={denied || value.trim() === String(stored)} sx={{ mt: 1 }}>
            {t('users.save')}
          </Button>
        )}
      </PermissionGate>
      {error ? (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}
