// Determinate progress of the demo data load: "x von y Datensätzen".
import { Box, LinearProgress, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatInteger } from '../i18n/format';

export function DemoProgress({ done, total }: { done: number; total: number }) {
  const { t } = useTranslation('common');
  const percent = total > 0 ? Math.min(100, (done / total) * 100) : 0;
  return (
    <Box>
      <LinearProgress
        variant="determinate"
        value={percent}
        aria-label={t('firstStart.progressLabel')}
        sx={{ height: 8, borderRadius: 4, mb: 1 }}
      />
      <Typography variant="body2" color="text.secondary" aria-live="polite" data-testid="demo-progress-text">
        {t('firstStart.progress', { done: formatInteger(done), total: formatInteger(total) })}
      </Typography>
    </Box>
  );
}
