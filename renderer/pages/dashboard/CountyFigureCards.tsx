// County figures on the Stichtag as cards (label, big number, hint).
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type { OccupancyFigures } from '../../../shared/occupancy/figures';
import { formatArea, formatInteger, formatPercent } from '../../i18n/format';
import { formatAreaPerPlace } from '../../features/occupancy-data/formatAreaPerPlace';

export function CountyFigureCards({ figures, standardM2 }: { figures: OccupancyFigures | null; standardM2: number }) {
  const { t } = useTranslation('dashboard');
  const cards: { key: string; value: string; hint?: string; warn?: boolean }[] = figures
    ? [
        { key: 'places', value: formatInteger(figures.places), hint: t('figure.placesHint', { count: figures.reserve }) },
        { key: 'occupied', value: formatInteger(figures.occupied), hint: t('figure.residentsHint', { count: figures.residents }) },
        { key: 'reserved', value: formatInteger(figures.reserved) },
        { key: 'blocked', value: formatInteger(figures.blocked) },
        { key: 'free', value: formatInteger(figures.free) },
        { key: 'rate', value: formatPercent(figures.rate) },
        {
          key: 'm2PerPlace',
          value: formatAreaPerPlace(figures.m2PerPlace),
          hint: t('figure.standardHint', { standard: formatArea(standardM2) }),
          warn: figures.m2PerPlace !== null && figures.m2PerPlace < standardM2,
        },
      ]
    : ['places', 'occupied', 'reserved', 'blocked', 'free', 'rate', 'm2PerPlace'].map((key) => ({ key, value: '' }));
  return (
    <Box
      component="ul"
      aria-label={t('figures.title')}
      sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fit, minmax(132px, 1fr))' }}
    >
      {cards.map((c) => (
        <Paper component="li" key={c.key} variant="outlined" sx={{ p: 2, borderColor: c.warn ? 'warning.main' : undefined }} data-testid={`figure-${c.key}`}>
          <Typography variant="body2" color="text.secondary">
            {t(`figure.${c.key}`)}
          </Typography>
          {figures ? (
            <Typography variant="h5" component="p" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {c.value}
            </Typography>
          ) : (
            <Skeleton width="60%" height={36} />
          )}
          {c.hint && (
            <Typography variant="caption" color={c.warn ? 'warning.main' : 'text.secondary'}>
              {c.hint}
            </Typography>
          )}
        </Paper>
      ))}
    </Box>
  );
}
