// The figures of one accommodation (or the county) as a compact strip.
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { OccupancyFigures } from '../../../shared/occupancy/figures';
import { formatInteger, formatPercent } from '../../i18n/format';
import { formatAreaPerPlace } from '../../features/occupancy-data/formatAreaPerPlace';

export function FigureStrip({ figures, closed }: { figures: OccupancyFigures | null; closed: boolean }) {
  const { t } = useTranslation('accommodations');
  if (closed || !figures) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('detail.notOpenOnDay')}
      </Typography>
    );
  }
  const items: [string, string][] = [
    [t('column.places'), formatInteger(figures.places)],
    [t('column.occupied'), formatInteger(figures.occupied)],
    [t('column.reserved'), formatInteger(figures.reserved)],
    [t('column.blocked'), formatInteger(figures.blocked)],
    [t('column.free'), formatInteger(figures.free + figures.reserve)],
    [t('column.rate'), formatPercent(figures.rate)],
    [t('column.m2PerPlace'), formatAreaPerPlace(figures.m2PerPlace)],
  ];
  return (
    <Stack direction="row" useFlexGap spacing={3} sx={{ flexWrap: 'wrap' }} component="dl" aria-label={t('detail.figures')}>
      {items.map(([label, value]) => (
        <Box key={label} sx={{ m: 0 }}>
          <Typography variant="caption" color="text.secondary" component="dt">
            {label}
          </Typography>
          <Typography variant="h6" component="dd" sx={{ m: 0 }}>
            {value}
          </Typography>
        </Box>
      ))}
    </Stack>
  );
}
