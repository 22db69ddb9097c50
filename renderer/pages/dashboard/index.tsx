// Übersicht: county figures on the Stichtag, occupancy over the last 12
// months, what needs attention, and a quick search.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { isoDateOf } from '../../../shared/domain/dates';
import { Page } from '../../components/Page';
import { getDb } from '../../db/db';
import { formatDate } from '../../i18n/format';
import { AsOfDatePicker } from '../../features/occupancy-data/AsOfDatePicker';
import { useCurrentSummary, useDailySeries, useFiguresAsOf, useOccupancyData } from '../../features/occupancy-data/hooks';
import { summaryFigures, summarySeries } from '../../features/occupancy-data/summaryCache';
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
  // Until every row is read (≈ 20 s at Berlin scale), figures and chart come
  // from the summary of the last full load IF no write happened since; they
  // are then exact. Alerts and the quick search need the rows themselves.
  const loading = data.status === 'loading';
  const cached = useCurrentSummary(db, loading);
  const countyFigures = figures?.county ?? (cached ? summaryFigures(cached, day) : null);
  const chartSeries = series ?? (cached ? summarySeries(cached, day) : null);
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
        {loading && <LoadingDetails label={t('loadingDetails')} />}
        {data.status === 'error' && <Alert severity="error">{t('loadError')}</Alert>}
        <section aria-labelledby="dash-figures">
          <Typography id="dash-figures" variant="h6" component="h2" sx={{ mb: 1 }}>
            {t('figures.title')}
          </Typography>
          <CountyFigureCards figures={countyFigures} standardM2={spaceStandardAt(standard, day)} />
        </section>
        <Stack direction={{ xs: 'column', lg: 'row' }} spacing={3} sx={{ alignItems: { lg: 'flex-start' } }}>
          <Paper variant="outlined" sx={{ p: 2, flex: 3, minWidth: 0 }} component="section" aria-labelledby="dash-chart">
            <Typography id="dash-chart" variant="h6" component="h2">
              {t('chart.title')}
            </Typography>
            {chartSeries || !loading ? <OccupancyChart series={chartSeries} /> : <Skeleton variant="rounded" height={300} />}
          </Paper>
          <Paper variant="outlined" sx={{ p: 2, flex: 2, minWidth: 0 }} component="section" aria-labelledby="dash-alerts">
            <Typography id="dash-alerts" variant="h6" component="h2" sx={{ mb: 1 }}>
              {t('alerts.title')}
            </Typography>
            {loading ? <LoadingDetails label={t('loadingDetails')} /> : <AlertsList alerts={alerts} />}
          </Paper>
        </Stack>
      </Stack>
    </Page>
  );
}

/** Honest "still reading the rows" note where the full data is needed (alerts, quick search). */
function LoadingDetails({ label }: { label: string }) {
  return (
    <Stack direction="row" spacing={1} role="status" data-testid="dashboard-loading-details" sx={{ alignItems: 'center', color: 'text.secondary' }}>
      <CircularProgress size={14} color="inherit" />
      <Typography variant="body2">{label}</Typography>
    </Stack>
  );
}
