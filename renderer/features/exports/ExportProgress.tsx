// Progress bar with a cancel button for a running export.
import { Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ExportJobState } from './useExportJob';

export function ExportProgress({ state, onCancel }: { state: ExportJobState; onCancel: () => void }) {
  const { t } = useTranslation('reports');
  if (state.status !== 'running') return null;
  const { phase, fraction } = state.progress;
  const percent = fraction === null ? null : Math.round(fraction * 100);
  return (
    <Box sx={{ my: 2 }} data-testid="export-progress">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Box sx={{ flex: 1 }}>
          <LinearProgress
            variant={percent === null ? 'indeterminate' : 'determinate'}
            value={percent ?? undefined}
            aria-label={t('export.progressLabel')}
          />
        </Box>
        <Button onClick={onCancel} size="small">
          {t('export.cancel')}
        </Button>
      </Stack>
      <Typography variant="caption" color="text.secondary" role="status">
        {t(`export.phase.${phase}`)}
        {percent !== null ? ` – ${percent} %` : ''}
      </Typography>
    </Box>
  );
}
