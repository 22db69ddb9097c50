// Folder, device name (both edited in Einstellungen) and the organisation
// passphrase, which only the sync needs.
import { useEffect, useState } from 'react';
import { Box, Button, FormControlLabel, Checkbox, Link, Stack, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { SettingsSection } from '../../components/SettingsSection';
import { getIdentity } from '../../app/localData';
import { getDb } from '../../db/db';
import { api } from '../../platform/api';
import { notify } from '../../state/ui';
import { getPassphrase, setPassphrase } from '../../sync/controller';

export function SyncSettingsSection() {
  const { t } = useTranslation('sync');
  const identity = useLiveQuery(getIdentity, []);
  const hasPassphrase = useLiveQuery(async () => (await getPassphrase(getDb())) !== null, []);
  const [root, setRoot] = useState<string | null>(null);
  const [value, setValue] = useState('');
  const [show, setShow] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    api.settingsGetShareRoot({}).then(
      (r) => active && setRoot(r.root),
      () => active && setRoot(''),
    );
    return () => {
      active = false;
    };
  }, []);

  const save = async () => {
    try {
      await setPassphrase(value);
      setValue('');
      setError(null);
      notify(t('settings.saved'), 'success');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <SettingsSection title={t('settings.heading')}>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1, m: 0, mb: 1 }}>
        <Typography component="dt" color="text.secondary">
          {t('settings.folder')}
        </Typography>
        <Typography component="dd" sx={{ m: 0, fontFamily: 'monospace', wordBreak: 'break-all' }}>
          {root || '–'}
        </Typography>
        <Typography component="dt" color="text.secondary">
          {t('settings.deviceName')}
        </Typography>
        <Typography component="dd" sx={{ m: 0 }}>
          {identity?.deviceName || '–'}
        </Typography>
        <Typography component="dt" color="text.secondary">
          {t('settings.deviceId')}
        </Typography>
        <Typography component="dd" sx={{ m: 0, fontFamily: 'monospace' }}>
          {identity?.deviceId ?? '–'}
        </Typography>
      </Box>
      <Link component={RouterLink} to="/settings" sx={{ display: 'inline-block', mb: 3 }}>
        {t('settings.change')}
      </Link>
      <Typography variant="body2" color={hasPassphrase ? 'text.secondary' : 'warning.main'} sx={{ mb: 1 }}>
        {hasPassphrase ? t('settings.passphraseSet') : t('settings.passphraseMissing')}
      </Typography>
      <Box
        component="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'flex-start' } }}>
          <TextField
            label={t('settings.passphrase')}
            type={show ? 'text' : 'password'}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            error={error !== null}
            helperText={error ?? t('settings.passphraseHelp')}
            autoComplete="new-password"
            sx={{ flexGrow: 1, maxWidth: 480 }}
          />
          <Button type="submit" variant="contained" disabled={value.length === 0}>
            {t('settings.savePassphrase')}
          </Button>
        </Stack>
        <FormControlLabel control={<Checkbox checked={show} onChange={(e) => setShow(e.target.checked)} />} label={t('settings.show')} />
      </Box>
    </SettingsSection>
  );
}
