// The deadline cell: the date, and for deadlines due within four weeks or
// already passed a coloured chip with words (colour is never the only cue).
import { Chip, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format';
import type { DeadlineStatus } from './residentRows';

export interface DeadlineChipProps {
  deadline: string | null;
  status: DeadlineStatus;
  daysLeft: number | null;
}

export function DeadlineChip({ deadline, status, daysLeft }: DeadlineChipProps) {
  const { t } = useTranslation('residents');
  if (!deadline) {
    return (
      <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
        –
      </Typography>
    );
  }
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', height: '100%' }}>
      <span>{formatDate(deadline)}</span>
      {status === 'overdue' ? <Chip size="small" color="error" label={t('deadline.overdue')} /> : null}
      {status === 'due' ? <Chip size="small" color="warning" variant="outlined" label={t('deadline.dueIn', { count: daysLeft ?? 0 })} /> : null}
    </Stack>
  );
}
