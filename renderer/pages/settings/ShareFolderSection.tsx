// The shared folder (network drive) through which laptops sync. The main
// side checks the path and answers with online/offline and a German reason.
import { useEffect, useState } from 'react';
import { Alert, Box, Button, Chip, Stack, TextField, Typography } from '@mui/material';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlineOutlined from '@mui/icons-material/ErrorOutlineOutlined';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { SettingsSection } from '../../components/SettingsSection';
import { api } from '../../platform/api';
import { notify } from '../../state/ui';

type ShareStatus = ResponseOf<'share:get-status'>;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function ShareFolderSection() {
  const { t } = useTranslation('common');
  const [status, setStatus] = useState<ShareStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [input, setInput] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let active = true;
    Promise.all([api.settingsGetShareRoot({}), api.shareGetStatus({})]).then(
      ([{ root }, current]) => {
        if (!active) return;
        setStatus({ ...current, root: root || current.root });
        setInput(root || current.root);
      },
      (error: unknown) => {
        if (active) setLoadError(t('settings.share.loadFailed', { message: messageOf(error) }));
      },
    );
    return () => {
      active = false;
    };
  }, [t]);

  const apply = async () => {
    const root = input.trim();
    if (root.length === 0) {
      setInputError(t('settings.share.empty'));
      return;
    }
    setBusy(true);
    setInputError(null);
    try {
      const next = await api.settingsSetShareRoot({ root });
      setStatus(next);
      setLoadError(null);
      notify(t('settings.share.saved'), next.state === 'online' ? 'success' : 'warning');
    } catch (error) {
      setInputError(t('settings.share.saveFailed', { message: messageOf(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <SettingsSection title={t('settings.share.heading')} description={t('settings.share.description')}>
      {loadError ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {loadError}
        </Alert>
      ) : null}
      <Stack spacing={1} sx={{ mb: 2 }}>
        <Typography variant="body2" color="text.secondary">
          {t('settings.share.current')}
        </Typography>
        <Typography sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} data-testid="share-root">
          {status?.root ? status.root : t('settings.share.notSet')}
        </Typography>
        {status ? <ShareStatusView status={status} /> : null}
      </Stack>
      <Box
        component="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void apply();
        }}
      >
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'flex-start' } }}>
          <TextField
            label={t('settings.share.field')}
            value={input}
            onChange={(e) => setInput(e.target.value)}
            error={inputError !== null}
            helperText={inputError ?? ' '}
            sx={{ flexGrow: 1, maxWidth: 560 }}
            slotProps={{ htmlInput: { maxLength: 1024, spellCheck: false } }}
          />
          <Button type="submit" variant="contained" disabled={busy}>
            {t('settings.share.apply')}
          </Button>
        </Stack>
      </Box>
    </SettingsSection>
  );
}

function ShareStatusView({ status }: { status: ShareStatus }) {
  const { t } = useTranslation('common');
  const online = status.state === 'online';
  const label = online ? t('settings.share.online') : t('settings.share.offline');
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} role="status" aria-label={t('settings.share.statusLabel', { status: label })}>
      <Chip
        size="small"
        color={online ? 'success' : 'warning'}
        icon={online ? <CheckCircleOutlined /> : <ErrorOutlineOutlined />}
        label={label}
        data-state={status.state}
      />
      {!online && status.reason ? (
        <Typography variant="body2" color="text.secondary">
          {status.reason}
        </Typography>
      ) : null}
    </Stack>
  );
}
