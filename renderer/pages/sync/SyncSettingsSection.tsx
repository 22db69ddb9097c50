// Folder, device name (both edited in Einstellungen) and the organisation
// passphrase, which only the sync needs.
import { useEffect, useState } from 'react';
import { Box, Button, FormControlLabel, Checkbox, Link, Stack, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { SettingsSection } from '../../components/SettingsSection';
import { getIdentity } from '../../app/localData';
import { api } from '../../platform/api';
import { notify } from '../../state/ui';
import { forgetPassphrase, refreshPassphraseStatus, setPassphrase, useSyncStore } from '../../sync/controller';

export function SyncSettingsSection() {
  const { t } = useTranslation('sync');
  const identity = useLiveQuery(getIdentity, []);
  const status = useSyncStore((s) => s.passphrase);
  const keeping = status?.keeping ?? 'none';
  const osStore = status?.osStore ?? false;
  // Remember by default where the OS keeps it safe; in web mode only when asked.
  const [remember, setRemember] = useState<boolean | null>(null);
  const rememberChecked = remember ?? osStore;
  const [root, setRoot] = useState<string | null>(null);
  const [value, setValue] = useState('');
  const [show, setShow] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void refreshPassphraseStatus().catch(() => undefined);
  }, []);

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
      await setPassphrase(value, { remember: rememberChecked });
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
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="body2" color={keeping === 'none' ? 'warning.main' : keeping === 'session' ? 'info.main' : 'text.secondary'} data-testid="passphrase-status">
          {t(`settings.keeping.${keeping}`)}
        </Typography>
        {keeping !== 'none' && (
          <Button size="small" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }} onClick={() => void forgetPassphrase().then(() => notify(t('settings.forgotten'), 'success'))}>
            {t('settings.forget')}
          </Button>
        )}
      </Stack>
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
        <FormControlLabel
          control={<Checkbox checked={rememberChecked} onChange={(e) => setRemember(e.target.checked)} />}
          label={osStore ? t('settings.rememberOs') : t('settings.rememberInstallation')}
        />
        {!osStore && (
          <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 720 }}>
            {t('settings.rememberHelpWeb')}
          </Typography>
        )}
      </Box>
    </SettingsSection>
  );
}
