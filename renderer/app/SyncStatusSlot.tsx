// The sync status in the app bar, always visible: syncing (with progress),
// offline, error, pending changes, open conflicts, or the time of the last
// successful sync. Clicking it opens the sync screen. It also starts the
// automatic sync (interval, folder watch, after local changes) for the
// lifetime of the app shell.
import { useEffect } from 'react';
import { Badge, Chip } from '@mui/material';
import CloudDoneOutlined from '@mui/icons-material/CloudDoneOutlined';
import CloudOffOutlined from '@mui/icons-material/CloudOffOutlined';
import ErrorOutlineOutlined from '@mui/icons-material/ErrorOutlineOutlined';
import SyncOutlined from '@mui/icons-material/SyncOutlined';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { getDb } from '../db/db';
import { formatDateTime } from '../i18n/format';
import { startAutoSync, useSyncStore } from '../sync/controller';
import { readOverview } from '../sync/queries';

export function SyncStatusSlot() {
  const { t } = useTranslation('sync');
  const navigate = useNavigate();
  const overview = useLiveQuery(() => readOverview(getDb()), []);
  const running = useSyncStore((s) => s.running);
  const progress = useSyncStore((s) => s.progress);

  useEffect(() => startAutoSync(), []);

  const info = overview?.info;
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null;
  let label: string;
  let icon = <CloudDoneOutlined fontSize="small" />;
  let state: string;
  if (running) {
    label = percent === null ? t('status.syncing') : t('status.syncingProgress', { percent });
    icon = <SyncOutlined fontSize="small" />;
    state = 'syncing';
  } else if (info?.lastState === 'offline') {
    label = t('status.offline');
    icon = <CloudOffOutlined fontSize="small" />;
    state = 'offline';
  } else if (info?.lastState === 'unconfigured') {
    label = t('status.unconfigured');
    icon = <CloudOffOutlined fontSize="small" />;
    state = 'unconfigured';
  } else if (info?.lastState === 'error') {
    label = t('status.error');
    icon = <ErrorOutlineOutlined fontSize="small" />;
    state = 'error';
  } else if (info?.lastSuccessAt) {
    label = t('status.ok', { time: formatDateTime(info.lastSuccessAt) });
    state = 'ok';
  } else {
    label = t('status.never');
    icon = <CloudOffOutlined fontSize="small" />;
    state = 'never';
  }
  const extras: string[] = [];
  if (overview && overview.pending > 0) extras.push(t('status.pending', { count: overview.pending }));
  if (overview && overview.conflicts > 0) extras.push(t('status.conflicts', { count: overview.conflicts }));
  const full = [label, ...extras].join(' · ');

  return (
    <Badge color="warning" badgeContent={overview?.conflicts ?? 0} invisible={!overview || overview.conflicts === 0} overlap="rectangular">
      <Chip
        role="status"
        aria-live="polite"
        aria-label={t('status.label', { status: full })}
        data-sync-state={state}
        data-testid="sync-status"
        icon={icon}
        label={full}
        size="small"
        variant="outlined"
        clickable
        onClick={() => void navigate('/sync')}
        sx={{
          color: 'common.white',
          borderColor: state === 'error' ? 'error.light' : 'rgba(255,255,255,0.7)',
          '& .MuiChip-icon': { color: 'common.white' },
        }}
      />
    </Badge>
  );
}
