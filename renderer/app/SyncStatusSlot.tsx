// Placeholder for the sync status in the app bar. The sync feature replaces
// this component with the live state (last sync, pending changes, offline).
import { Chip } from '@mui/material';
import CloudOffOutlined from '@mui/icons-material/CloudOffOutlined';
import { useTranslation } from 'react-i18next';

export function SyncStatusSlot() {
  const { t } = useTranslation('common');
  const status = t('syncStatus.notSynchronized');
  return (
    <Chip
      role="status"
      aria-label={t('syncStatus.label', { status })}
      icon={<CloudOffOutlined fontSize="small" />}
      label={status}
      size="small"
      variant="outlined"
      sx={{
        color: 'common.white',
        borderColor: 'rgba(255,255,255,0.7)',
        '& .MuiChip-icon': { color: 'common.white' },
      }}
    />
  );
}
