// Status of the sync on this laptop, "Jetzt synchronisieren" and progress.
import { Alert, Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import SyncOutlined from '@mui/icons-material/SyncOutlined';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { SettingsSection } from '../../components/SettingsSection';
import { getDb } from '../../db/db';
import { formatDateTime } from '../../i18n/format';
import { syncNow, useSyncStore } from '../../sync/controller';
import { readOverview } from '../../sync/queries';

export function SyncOverviewSection() {
  const { t } = useTranslation('sync');
  const overview = useLiveQuery(() => readOverview(getDb()), []);
  const running = useSyncStore((s) => s.running);
  const progress = useSyncStore((s) => s.progress);
  const report = useSyncStore((s) => s.lastReport);
  const info = overview?.info;
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null;

  return (
    <SettingsSection title={t('overview.heading')}>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1, m: 0, mb: 2 }}>
        <Typography component="dt" color="text.secondary">
          {t('overview.state')}
        </Typography>
        <Typography component="dd" sx={{ m: 0 }} data-testid="sync-state">
          {info?.lastState === 'offline' ? t('overview.stateOffline') : info?.lastState === 'unconfigured' ? t('overview.stateUnconfigured') : info?.lastState === 'error' ? t('overview.stateError') : info?.lastState === 'ok' ? t('overview.stateOk') : '–'}
        </Typography>
        <Typography component="dt" color="text.secondary">
          {t('overview.lastSuccess')}
        </Typography>
        <Typography component="dd" sx={{ m: 0 }}>
          {info?.lastSuccessAt ? formatDateTime(info.lastSuccessAt) : t('overview.never')}
        </Typography>
        <Typography component="dt" color="text.secondary">
          {t('overview.lastAttempt')}
        </Typography>
        <Typography component="dd" sx={{ m: 0 }}>
          {info?.lastAttemptAt ? formatDateTime(info.lastAttemptAt) : t('overview.never')}
        </Typography>
        <Typography component="dt" color="text.secondary">
          {t('overview.pending')}
        </Typography>
        <Typography component="dd" sx={{ m: 0 }} data-testid="sync-pending">
          {overview?.pending ?? 0}
        </Typography>
      </Box>
      {info?.lastState && info.lastState !== 'ok' && info.lastMessage ? (
        <Alert severity={info.lastState === 'offline' ? 'warning' : info.lastState === 'unconfigured' ? 'info' : 'error'} sx={{ mb: 2 }} data-testid="sync-message">
          {info.lastMessage}
        </Alert>
      ) : null}
      {report?.forked ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('overview.forked')}
        </Alert>
      ) : null}
      {report && report.waitingFor.length > 0 ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('overview.waiting')}
        </Alert>
      ) : null}
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="contained" startIcon={<SyncOutlined />} disabled={running} onClick={() => void syncNow()}>
          {t('overview.syncNow')}
        </Button>
        {report && !running ? (
          <Typography variant="body2" color="text.secondary">
            {t('overview.result', { shipped: report.shipped, applied: report.applied })}
          </Typography>
        ) : null}
      </Stack>
      {running ? (
        <Box sx={{ mt: 2 }}>
          <Typography variant="body2" sx={{ mb: 0.5 }}>
            {t(`overview.phase.${progress?.phase ?? 'connecting'}`, { done: progress?.done ?? 0, total: progress?.total ?? 0 })}
          </Typography>
          <LinearProgress
            aria-label={t('overview.progressLabel')}
            variant={percent === null ? 'indeterminate' : 'determinate'}
            {...(percent === null ? {} : { value: percent })}
          />
        </Box>
      ) : null}
    </SettingsSection>
  );
}
