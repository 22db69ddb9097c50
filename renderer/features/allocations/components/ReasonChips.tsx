// The reasons an entry is in the queue, as chips WITH text (never colour alone).
import { Chip, Stack, Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { QueueReason } from '../../../../shared/allocation/queue';

const COLOR: Record<QueueReason, 'error' | 'warning' | 'info' | 'success'> = {
  deadline_passed: 'error',
  deadline_near: 'warning',
  asylum_final: 'info',
  residence_title: 'success',
};

export function ReasonChips({ reasons }: { reasons: readonly QueueReason[] }) {
  const { t } = useTranslation('allocations');
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', alignItems: 'center', height: '100%' }}>
      {reasons.map((r) => (
        <Tooltip key={r} title={t(`reasonHelp.${r}`)}>
          <Chip size="small" variant="outlined" color={COLOR[r]} label={t(`reason.${r}`)} data-reason={r} />
        </Tooltip>
      ))}
    </Stack>
  );
}
