// Occupancy over the 12 months before the Stichtag: places and occupied per
// day, with month ticks and German labels.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import Typography from '@mui/material/Typography';
import { LineChart } from '@mui/x-charts/LineChart';
import type { IsoDate } from '../../../shared/domain/model';
import { addMonths, fromDayNumber, startOfMonth, toDayNumber } from '../../../shared/domain/dates';
import type { ChartSeries } from '../../features/occupancy-data/summaryCache';
import { formatDate, formatInteger, intlLocale } from '../../i18n/format';

// One definition shared with the summary cache, so cached and live charts cover the same days.
export { chartRange } from '../../features/occupancy-data/summaryCache';

function utcDate(day: IsoDate): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** `series`: a DailySeries of the engine, or the same numbers from the summary cache. */
export function OccupancyChart({ series }: { series: ChartSeries | null }) {
  const { t, i18n } = useTranslation('dashboard');
  const data = useMemo(() => {
    if (!series || series.length === 0) return null;
    const start = toDayNumber(series.from);
    const x: Date[] = [];
    for (let i = 0; i < series.length; i++) x.push(utcDate(fromDayNumber(start + i)));
    const ticks: Date[] = [];
    let m = startOfMonth(series.from);
    if (m < series.from) m = addMonths(m, 1);
    while (m < series.to) {
      ticks.push(utcDate(m));
      m = addMonths(m, 1);
    }
    return { x, ticks, places: Array.from(series.places), occupied: Array.from(series.occupied), blocked: Array.from(series.blocked) };
  }, [series]);
  const monthFmt = useMemo(() => new Intl.DateTimeFormat(intlLocale(i18n.language), { month: 'short', year: '2-digit', timeZone: 'UTC' }), [i18n.language]);

  if (!data) return <Typography color="text.secondary">{t('chart.empty')}</Typography>;
  return (
    <LineChart
      height={300}
      aria-label={t('chart.title')}
      xAxis={[
        {
          data: data.x,
          scaleType: 'time',
          tickInterval: data.ticks,
          valueFormatter: (d: Date, ctx) => (ctx.location === 'tick' ? monthFmt.format(d) : formatDate(d.toISOString().slice(0, 10))),
        },
      ]}
      yAxis={[{ min: 0, valueFormatter: (v: number) => formatInteger(v), width: 60 }]}
      series={[
        { data: data.places, label: t('chart.places'), showMark: false, color: '#4a5360', valueFormatter: (v) => formatInteger(v) },
        { data: data.occupied, label: t('chart.occupied'), showMark: false, area: true, color: '#1d4e89', valueFormatter: (v) => formatInteger(v) },
        { data: data.blocked, label: t('chart.blocked'), showMark: false, color: '#b3261e', valueFormatter: (v) => formatInteger(v) },
      ]}
      grid={{ horizontal: true }}
    />
  );
}
