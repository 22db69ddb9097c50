// Berichte: pick a report and its date or period, preview it, then save it
// as PDF or Excel (both rendered from the same model) or print it. Every
// report is reproduced from the recorded history for the chosen date.
import { useMemo, useState } from 'react';
import { Alert, Box, Button, MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { addDays, isoDateOf } from '../../../shared/domain/dates';
import type { KeyKind } from '../../../shared/allocation/ledger';
import { buildReport, type ReportRequest } from '../../../shared/reports/request';
import { REPORT_KINDS, type ReportKind, type ReportModel } from '../../../shared/reports/model';
import { formatDateTimeDe } from '../../../shared/reports/format';
import { DateField } from '../../components/DateField';
import { Page } from '../../components/Page';
import { getDb, type QuartierDb } from '../../db/db';
import { ExportProgress } from '../../features/exports/ExportProgress';
import { exportFileName, printPdf, saveExport } from '../../features/exports/output';
import type { ExportFormat } from '../../features/exports/formats';
import { useExportJob } from '../../features/exports/useExportJob';
import { useQuotaSettings } from '../../features/allocations/useAllocationData';
import { useLetterhead } from '../../features/letters/storage';
import { useOccupancyData } from '../../features/occupancy-data/hooks';
import { notify } from '../../state/ui';
import { recordAccess } from '../../features/audit/recordAccess';
import { reportExportEvent } from '../../../shared/audit/descriptions';
import { MonthField } from './MonthField';
import { ReportPreview } from './ReportPreview';
import { PermissionGate } from '../../auth/PermissionGate';

const FILE_BASE: Record<ReportKind, string> = {
  occupancyList: 'Belegungsliste',
  occupancyOverview: 'Belegungsuebersicht',
  occupancyDays: 'Belegungstage',
  movements: 'Zu-und-Abgaenge',
  freePlaces: 'Freie-Plaetze',
  deadlines: 'Fristen',
  quotaLedger: 'Zuteilungsquote',
};

/** A whole percentage typed as "50" or "50,0"; NaN when it is not a number. */
function parsePercent(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

export default function ReportsPage({ db = getDb() }: { db?: QuartierDb } = {}) {
  const { t } = useTranslation('reports');
  const today = useMemo(() => isoDateOf(new Date()), []);
  const { dataset, index, status } = useOccupancyData(db);
  const letterhead = useLetterhead(db);
  const job = useExportJob();
  const [kind, setKind] = useState<ReportKind>('occupancyOverview');
  const [day, setDay] = useState(today);
  const [accommodationId, setAccommodationId] = useState('');
  const [fromMonth, setFromMonth] = useState(`${Number(today.slice(0, 4)) - 1}-01`);
  const [toMonth, setToMonth] = useState(`${Number(today.slice(0, 4)) - 1}-12`);
  const [from, setFrom] = useState(addDays(today, -30));
  const [to, setTo] = useState(today);
  const [weeks, setWeeks] = useState('8');
  // Zuteilungsquote: the calendar year and the stored quota settings until the user changes them here.
  const storedQuota = useQuotaSettings(db);
  const [quotaFrom, setQuotaFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [quotaTo, setQuotaTo] = useState(`${today.slice(0, 4)}-12-31`);
  const [quotaKey, setQuotaKey] = useState<KeyKind | null>(null);
  const [creditText, setCreditText] = useState<string | null>(null);
  const quotaSettings = storedQuota
    ? { ...storedQuota, key: quotaKey ?? storedQuota.key, creditPercent: creditText === null ? storedQuota.creditPercent : parsePercent(creditText) }
    : null;
  const [model, setModel] = useState<ReportModel | null>(null);
  const [error, setError] = useState<string | null>(null);

  const request = (): ReportRequest => {
    switch (kind) {
      case 'occupancyList':
        return { kind, accommodationId, day };
      case 'occupancyOverview':
      case 'freePlaces':
        return { kind, day };
      case 'occupancyDays':
        return { kind, fromMonth, toMonth };
      case 'movements':
        return { kind, from, to };
      case 'deadlines':
        return { kind, weeks: Number(weeks) };
      case 'quotaLedger':
        if (!quotaSettings) throw new Error(t('loading'));
        return { kind, from: quotaFrom, to: quotaTo, settings: quotaSettings };
    }
  };

  const build = () => {
    if (!index) return;
    try {
      if (kind === 'occupancyList' && !accommodationId) throw new Error(t('errors.chooseAccommodation'));
      if (kind === 'quotaLedger' && quotaSettings && !Number.isFinite(quotaSettings.creditPercent)) throw new Error(t('errors.creditPercent'));
      setModel(buildReport({ data: dataset, index, authority: letterhead?.authority ?? '' }, request(), today));
      setError(null);
    } catch (err) {
      setModel(null);
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const produce = async (format: ExportFormat, output: 'save' | 'print') => {
    if (!model) return;
    try {
      // Logged (and permission-checked) before the file exists: a refusal stops the export.
      await recordAccess(db, reportExportEvent(model.kind, model.title, model.subtitle, output === 'print' ? 'print' : format));
      const bytes = await job.run({ type: 'report', format, model, printedAt: formatDateTimeDe(new Date()) });
      if (!bytes) return;
      if (output === 'print') await printPdf(bytes);
      else if (await saveExport(bytes, exportFileName(`${FILE_BASE[model.kind]}-${model.asOf}`, format), format)) notify(t('saved'));
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  const running = job.state.status === 'running';
  // '' while the typed text is not a whole day: buildReport then refuses it with a German message.
  const dateField = (label: string, value: string, set: (v: string) => void) => (
    <DateField label={label} value={value} onChange={(v) => set(v ?? '')} size="small" fullWidth={false} sx={{ width: 180 }} />
  );

  return (
    <Page title={t('title')}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, flexWrap: 'wrap' }}>
        <TextField
          select
          label={t('kind')}
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as ReportKind);
            setModel(null);
          }}
          size="small"
          sx={{ minWidth: 280 }}
        >
          {REPORT_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {t(`kinds.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        {kind === 'occupancyList' ? (
          <TextField select label={t('params.accommodation')} value={accommodationId} onChange={(e) => setAccommodationId(e.target.value)} size="small" sx={{ minWidth: 280 }}>
            {(index?.accommodations ?? []).map((a) => (
              <MenuItem key={a.id} value={a.id}>
                {a.name}
              </MenuItem>
            ))}
          </TextField>
        ) : null}
        {kind === 'occupancyList' || kind === 'occupancyOverview' || kind === 'freePlaces' ? dateField(t('params.day'), day, setDay) : null}
        {kind === 'occupancyDays' ? (
          <>
            <MonthField label={t('params.fromMonth')} value={fromMonth} onChange={setFromMonth} />
            <MonthField label={t('params.toMonth')} value={toMonth} onChange={setToMonth} />
          </>
        ) : null}
        {kind === 'movements' ? (
          <>
            {dateField(t('params.from'), from, setFrom)}
            {dateField(t('params.to'), to, setTo)}
          </>
        ) : null}
        {kind === 'quotaLedger' ? (
          <>
            {dateField(t('params.from'), quotaFrom, setQuotaFrom)}
            {dateField(t('params.to'), quotaTo, setQuotaTo)}
            <TextField select label={t('params.key')} value={quotaSettings?.key ?? 'population'} onChange={(e) => setQuotaKey(e.target.value as KeyKind)} size="small" sx={{ minWidth: 220 }}>
              <MenuItem value="population">{t('params.keys.population')}</MenuItem>
              <MenuItem value="weighted">{t('params.keys.weighted')}</MenuItem>
            </TextField>
            <TextField
              type="number"
              label={t('params.creditPercent')}
              value={creditText ?? String(storedQuota?.creditPercent ?? '')}
              onChange={(e) => setCreditText(e.target.value)}
              size="small"
              sx={{ width: 160 }}
              slotProps={{ htmlInput: { min: 0, max: 100, step: 1 } }}
            />
          </>
        ) : null}
        {kind === 'deadlines' ? (
          <TextField type="number" label={t('params.weeks')} value={weeks} onChange={(e) => setWeeks(e.target.value)} size="small" sx={{ width: 140 }} slotProps={{ htmlInput: { min: 1, max: 104 } }} />
        ) : null}
        <Button variant="contained" onClick={build} disabled={status !== 'ready'}>
          {t('actions.show')}
        </Button>
      </Stack>
      {status === 'loading' ? <Alert severity="info">{t('loading')}</Alert> : null}
      {error ? <Alert severity="error">{error}</Alert> : null}
      {model ? (
        <Stack direction="row" spacing={1} sx={{ mb: 2 }}>
          <PermissionGate permission="export:lists">
            {(denied) => (
              <Button variant="outlined" onClick={() => void produce('pdf', 'save')} disabled={denied || running}>
                {t('actions.pdf')}
              </Button>
            )}
          </PermissionGate>
          <PermissionGate permission="export:lists">
            {(denied) => (
              <Button variant="outlined" onClick={() => void produce('xlsx', 'save')} disabled={denied || running}>
                {t('actions.xlsx')}
              </Button>
            )}
          </PermissionGate>
          <PermissionGate permission="export:lists">
            {(denied) => (
              <Button onClick={() => void produce('pdf', 'print')} disabled={denied || running}>
                {t('actions.print')}
              </Button>
            )}
          </PermissionGate>
        </Stack>
      ) : null}
      <ExportProgress state={job.state} onCancel={job.cancel} />
      {job.state.status === 'error' ? <Alert severity="error">{job.state.message}</Alert> : null}
      <Box>{model ? <ReportPreview model={model} /> : null}</Box>
    </Page>
  );
}
