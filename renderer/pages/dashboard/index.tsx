// Übersicht: county figures on the Stichtag, occupancy over the last 12
// months, what needs attention, and a quick search.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { isoDateOf } from '../../../shared/domain/dates';
import { Page } from '../../components/Page';
import { getDb } from '../../db/db';
import { formatDate } from '../../i18n/format';
import { AsOfDatePicker } from '../../features/occupancy-data/AsOfDatePicker';
import { useDailySeries, useFiguresAsOf, useOccupancyData } from '../../features/occupancy-data/hooks';
import { useSpaceStandardSetting } from '../../features/occupancy-data/spaceStandard';
import { spaceStandardAt } from '../../../shared/occupancy/spaceStandard';
import { computeAlerts } from './alerts';
import { AlertsList } from './AlertsList';
import { CountyFigureCards } from './CountyFigureCards';
import { OccupancyChart, chartRange } from './OccupancyChart';
import { QuickSearch } from './QuickSearch';

export default function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const db = getDb();
  const today = isoDateOf(new Date());
  const [day, setDay] = useState(today);
  const data = useOccupancyData(db);
  const figures = useFiguresAsOf(day, { rooms: true, db });
  const range = chartRange(day);
  const series = useDailySeries(range.from, range.to, { level: 'county' }, db);
  const standard = useSpaceStandardSetting(db);
  const alerts = useMemo(
    () => (data.index && figures ? computeAlerts(data.index, figures, day, standard) : []),
    [data.index, figures, day, standard],
  );

  return (
    <Page
      title={t('title')}
      subtitle={day === today ? t('subtitleToday', { date: formatDate(day) }) : t('subtitleAsOf', { date: formatDate(day) })}
      actions={<AsOfDatePicker label={t('asOf')} value={day} onChange={setDay} />}
    >
      <Stack spacing={3}>
        <QuickSearch persons={data.dataset.persons} accommodations={data.dataset.accommodations} />
        {data.status === 'error' && <Alert severity="error">{t('loadError')}</Alert>}
        <section aria-labelledby="dash-figures">
          <Typography id="dash-figures" variant="h6" component="h2" sx={{ mb: 1 }}>
            {t('figures.title')}
          </Typography>
          <CountyFigureCards figures={figures?.county ?? null} standardM2={spaceStandardAt(standard, day)} />
        </section>
        <Stack direction={{ xs: 'column', lg: 'row' }} spacing={3} sx={{ alignItems: { lg: 'flex-start' } }}>
          <Paper variant="outlined" sx={{ p: 2, flex: 3, minWidth: 0 }} component="section" aria-labelledby="dash-chart">
            <Typography id="dash-chart" variant="h6" component="h2">
              {t('chart.title')}
            </Typography>
            <OccupancyChart series={series} />
          </Paper>
          <Paper variant="outlined" sx={{ p: 2, flex: 2, minWidth: 0 }} component="section" aria-labelledby="dash-alerts">
            <Typography id="dash-alerts" variant="h6" component="h2" sx={{ mb: 1 }}>
              {t('alerts.title')}
            </Typography>
            <AlertsList alerts={alerts} />
          </Paper>
        </Stack>
      </Stack>
    </Page>
  );
}
