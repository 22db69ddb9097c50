// A balance as signed text AND colour ("+3 über Soll", "−5 unter Soll").
import { Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

export function BalanceText({ balance }: { balance: number }) {
  const { t } = useTranslation('allocations');
  const text = balance > 0 ? t('balance.over', { count: balance }) : balance < 0 ? t('balance.under', { count: -balance }) : t('balance.even');
  // Darker shades keep the AA contrast on white.
  const color = balance > 0 ? 'success.dark' : balance < 0 ? 'error.dark' : 'text.secondary';
  return (
    <Typography component="span" variant="body2" sx={{ color, fontWeight: 500, whiteSpace: 'nowrap' }} data-balance={balance}>
      {text}
    </Typography>
  );
}
