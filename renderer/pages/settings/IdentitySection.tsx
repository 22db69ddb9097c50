// Who works on this laptop, and what the laptop is called. The name in the
// audit trail and letters is the signed-in user's (Einstellungen → Benutzer),
// shown here read-only; the device name helps tell laptops apart in the sync
// overview.
import { useState } from 'react';
import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { SettingsSection } from '../../components/SettingsSection';
import { getIdentity, setDeviceName as saveDeviceName, type Identity } from '../../app/localData';
import { ROLE_LABEL_KEY } from '../../../shared/auth/permissions';
import { useCurrentUser } from '../../auth/session';
import { notify } from '../../state/ui';

export function IdentitySection() {
  const { t } = useTranslation('common');
  const identity = useLiveQuery(getIdentity, []);
  return (
    <SettingsSection title={t('settings.identity.heading')}>
      {identity ? (
        // Re-mount the form when stored values change elsewhere (keeps local edits simple).
        <IdentityForm key={`${identity.userName}\u0000${identity.deviceName}`} identity={identity} />
      ) : (
        <Typography color="text.secondary">{t('app.loading')}</Typography>
      )}
    </SettingsSection>
  );
}

function IdentityForm({ identity }: { identity: Identity }) {
  const { t } = useTranslation('common');
  const { t: ta } = useTranslation('auth');
  const me = useCurrentUser();
  const [deviceName, setDeviceName] = useState(identity.deviceName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await saveDeviceName(deviceName);
      notify(t('settings.identity.saved'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box
      component="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Stack spacing={2} sx={{ maxWidth: 480 }}>
        {me ? <Typography>{ta('lock.signedInAs', { name: me.displayName, role: ta(ROLE_LABEL_KEY[me.role]) })}</Typography> : null}
        <TextField
          label={t('settings.identity.deviceName')}
          value={deviceName}
          onChange={(e) => setDeviceName(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 100 } }}
        />
        {identity.deviceId ? (
          <Typography variant="body2" color="text.secondary">
            {t('settings.identity.deviceId', { id: identity.deviceId })}
          </Typography>
        ) : null}
        {error ? <Alert severity="error">{error}</Alert> : null}
        <Box>
          <Button type="submit" variant="contained" disabled={busy}>
            {t('actions.save')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
