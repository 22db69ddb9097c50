// Demo data and wiping the local database.
import { useState } from 'react';
import { Alert, Button, Stack, Typography } from '@mui/material';
import DeleteForeverOutlined from '@mui/icons-material/DeleteForeverOutlined';
import CloudDownloadOutlined from '@mui/icons-material/CloudDownloadOutlined';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SettingsSection } from '../../components/SettingsSection';
import { DemoProgress } from '../../app/DemoProgress';
import { clearLocalData, countLocalRecords, rememberFirstStartChoice } from '../../app/localData';
import { useDemoLoader } from '../../app/useDemoLoader';
import { formatInteger } from '../../i18n/format';
import { notify, useUiStore } from '../../state/ui';

export function DataSection() {
  const { t } = useTranslation('common');
  const records = useLiveQuery(countLocalRecords, []);
  const { state, start, cancel } = useDemoLoader();
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [clearing, setClearing] = useState(false);
  const setFirstStart = useUiStore((s) => s.setFirstStart);
  const loading = state.phase === 'loading';

  const loadDemo = async () => {
    const outcome = await start();
    if (outcome === 'done') {
      // Counts as the first-start decision too: no welcome dialog afterwards.
      await rememberFirstStartChoice('demo');
      setFirstStart('decided');
      notify(t('settings.data.demoLoaded'));
    } else if (outcome === 'cancelled') {
      notify(t('settings.data.demoCancelled'), 'info');
    }
  };

  const clear = async () => {
    setClearing(true);
    try {
      await clearLocalData();
      // The user is looking at the app: do not greet them with the welcome dialog now.
      setFirstStart('decided');
      notify(t('settings.data.cleared'));
      setConfirmOpen(false);
    } catch (e) {
      notify(t('settings.data.clearFailed', { message: e instanceof Error ? e.message : String(e) }), 'error');
    } finally {
      setClearing(false);
    }
  };

  const hasData = (records ?? 0) > 0;

  return (
    <SettingsSection title={t('settings.data.heading')} description={t('settings.data.description')}>
      <Typography sx={{ mb: 2 }} data-testid="local-record-count" data-count={records ?? ''}>
        {records === undefined ? t('app.loading') : t('settings.data.counts', { records: formatInteger(records), count: records })}
      </Typography>
      {loading ? (
        <Stack spacing={1} sx={{ mb: 2, maxWidth: 480 }}>
          <DemoProgress done={state.done} total={state.total} />
          <div>
            <Button onClick={cancel}>{t('actions.cancel')}</Button>
          </div>
        </Stack>
      ) : null}
      {state.phase === 'failed' ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {t('settings.data.demoFailed', { message: state.message })}
        </Alert>
      ) : null}
      {hasData && !loading ? (
        <Alert severity="info" variant="outlined" sx={{ mb: 2 }}>
          {t('settings.data.loadDemoNotEmpty')}
        </Alert>
      ) : null}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <Button
          variant="outlined"
          startIcon={<CloudDownloadOutlined />}
          onClick={() => void loadDemo()}
          disabled={loading || records === undefined || hasData}
        >
          {t('settings.data.loadDemo')}
        </Button>
        <Button
          variant="outlined"
          color="error"
          startIcon={<DeleteForeverOutlined />}
          onClick={() => setConfirmOpen(true)}
          disabled={loading}
        >
          {t('settings.data.clear')}
        </Button>
      </Stack>
      <ConfirmDialog
        open={confirmOpen}
        title={t('settings.data.clearTitle')}
        confirmLabel={t('settings.data.clearConfirm')}
        destructive
        busy={clearing}
        onConfirm={() => void clear()}
        onCancel={() => setConfirmOpen(false)}
      >
        {t('settings.data.clearText')}
      </ConfirmDialog>
    </SettingsSection>
  );
}
