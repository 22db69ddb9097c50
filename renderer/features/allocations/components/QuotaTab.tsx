// Quote: the quota ledger for a period with its settings (key, weights,
// crediting), the table with signed balances, and PDF/Excel export through
// the report renderers.
import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableFooter,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { validateQuotaSettings, type QuotaSettings } from '../../../../shared/allocation/ledger';
import { asReportModel, quotaLedgerReport } from '../../../../shared/allocation/ledgerReport';
import { formatDateTimeDe } from '../../../../shared/reports/format';
import type { QuartierDb } from '../../../db/db';
import { formatInteger, formatPercent } from '../../../i18n/format';
import { notify } from '../../../state/ui';
import { ExportProgress } from '../../exports/ExportProgress';
import { exportFileName, saveExport } from '../../exports/output';
import { recordAccess } from '../../audit/recordAccess';
import { reportExportEvent } from '../../../../shared/audit/descriptions';
import type { ExportFormat } from '../../exports/produce';
import { useExportJob } from '../../exports/useExportJob';
import { useLetterhead } from '../../letters/storage';
import type { OccupancyData } from '../../occupancy-data/hooks';
import { DateField } from '../../operations/components/DateField';
import { allocationErrorMessages } from '../errorText';
import { saveQuotaSettings } from '../quotaSettings';
import { isValidPeriod, useLedger, type Period } from '../useAllocationData';
import { BalanceText } from './BalanceText';
import { PermissionGate } from '../../../auth/PermissionGate';

export interface QuotaTabProps {
  db: QuartierDb;
  data: OccupancyData;
  period: Period;
  onPeriodChange: (p: Period) => void;
  stored: QuotaSettings | undefined;
}

export function QuotaTab({ db, data, period, onPeriodChange, stored }: QuotaTabProps) {
  const { t } = useTranslation('allocations');
  // Unsaved edits; null = show the stored settings.
  const [edited, setEdited] = useState<QuotaSettings | null>(null);
  const draft = edited ?? stored;
  const setDraft = (update: (d: QuotaSettings | undefined) => QuotaSettings | undefined) => {
    const next = update(draft);
    if (next) setEdited(next);
  };
  const problems = useMemo(() => (draft ? validateQuotaSettings(draft) : []), [draft]);
  const { ledger, error } = useLedger(data, period, problems.length === 0 ? draft : undefined);
  const letterhead = useLetterhead(db);
  const job = useExportJob();
  const running = job.state.status === 'running';
  const dirty = edited !== null && JSON.stringify(edited) !== JSON.stringify(stored);

  const setNumber = (patch: (d: QuotaSettings, n: number) => QuotaSettings) => (e: { target: { value: string } }) => {
    const n = e.target.value === '' ? NaN : Number(e.target.value);
    setDraft((d) => (d ? patch(d, n) : d));
  };

  const save = async () => {
    if (!draft) return;
    try {
      await saveQuotaSettings(db, draft);
      setEdited(null);
      notify(t('quota.settingsSaved'));
    } catch (e) {
      notify(allocationErrorMessages(t, e).join(' '), 'error');
    }
  };

  const exportAs = async (format: ExportFormat) => {
    if (!ledger || !letterhead) return;
    const model = asReportModel(quotaLedgerReport(ledger, letterhead.authority));
    try {
      // Logged (and permission-checked) before the file exists: a refusal stops the export.
      await recordAccess(db, reportExportEvent(model.kind, model.title, model.subtitle, format));
      const bytes = await job.run({ type: 'report', format, model, printedAt: formatDateTimeDe(new Date()) });
      if (bytes) await saveExport(bytes, exportFileName(`Zuteilungsquote-${period.from}-bis-${period.to}`, format), format);
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), 'error');
    }
  };

  return (
    <Box>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, flexWrap: 'wrap', alignItems: { md: 'flex-start' } }} useFlexGap>
        <DateField size="small" label={t('quota.periodFrom')} value={period.from} onChange={(e) => onPeriodChange({ ...period, from: e.target.value })} sx={{ width: 170 }} />
        <DateField size="small" label={t('quota.periodTo')} value={period.to} onChange={(e) => onPeriodChange({ ...period, to: e.target.value })} sx={{ width: 170 }} />
        <TextField
          select
          size="small"
          label={t('quota.key')}
          value={draft?.key ?? 'population'}
          onChange={(e) => setDraft((d) => (d ? { ...d, key: e.target.value as QuotaSettings['key'] } : d))}
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="population">{t('quota.keyPopulation')}</MenuItem>
          <MenuItem value="weighted">{t('quota.keyWeighted')}</MenuItem>
        </TextField>
        {draft?.key === 'weighted' ? (
          <>
            <TextField size="small" type="number" label={t('quota.weightPopulation')} value={Number.isNaN(draft.weights.population) ? '' : draft.weights.population} onChange={setNumber((d, n) => ({ ...d, weights: { ...d.weights, population: n } }))} slotProps={{ htmlInput: { min: 0, step: 0.1 } }} sx={{ width: 150 }} />
            <TextField size="small" type="number" label={t('quota.weightArea')} value={Number.isNaN(draft.weights.area) ? '' : draft.weights.area} onChange={setNumber((d, n) => ({ ...d, weights: { ...d.weights, area: n } }))} slotProps={{ htmlInput: { min: 0, step: 0.1 } }} sx={{ width: 150 }} />
            <TextField size="small" type="number" label={t('quota.weightForeign')} value={Number.isNaN(draft.weights.foreignResidents) ? '' : draft.weights.foreignResidents} onChange={setNumber((d, n) => ({ ...d, weights: { ...d.weights, foreignResidents: n } }))} slotProps={{ htmlInput: { min: 0, step: 0.1 } }} sx={{ width: 190 }} />
          </>
        ) : null}
        <TextField
          size="small"
          type="number"
          label={t('quota.creditPercent')}
          value={draft && !Number.isNaN(draft.creditPercent) ? draft.creditPercent : ''}
          onChange={setNumber((d, n) => ({ ...d, creditPercent: n }))}
          slotProps={{ htmlInput: { min: 0, max: 100, step: 1 } }}
          sx={{ width: 210 }}
        />
        <PermissionGate permission="allocations:write">
          {(denied) => (
            <Button variant="outlined" onClick={() => void save()} disabled={denied || !dirty || problems.length > 0}>
              {t('quota.saveSettings')}
            </Button>
          )}
        </PermissionGate>
        <Box sx={{ flex: 1 }} />
        <PermissionGate permission="export:lists">
          {(denied) => (
            <Button onClick={() => void exportAs('pdf')} disabled={denied || !ledger || !letterhead || running}>
              {t('quota.exportPdf')}
            </Button>
          )}
        </PermissionGate>
        <PermissionGate permission="export:lists">
          {(denied) => (
            <Button onClick={() => void exportAs('xlsx')} disabled={denied || !ledger || !letterhead || running}>
              {t('quota.exportXlsx')}
            </Button>
          )}
        </PermissionGate>
      </Stack>
      {problems.length > 0 ? <Alert severity="error" sx={{ mb: 2 }}>{problems.join(' ')}</Alert> : null}
      {!isValidPeriod(period) ? <Alert severity="error" sx={{ mb: 2 }}>{t('quota.invalidPeriod')}</Alert> : null}
      {error ? <Alert severity="error" sx={{ mb: 2 }}>{error}</Alert> : null}
      {job.state.status === 'error' ? <Alert severity="error">{job.state.message}</Alert> : null}
      <ExportProgress state={job.state} onCancel={job.cancel} />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('quota.rule')}
      </Typography>
      {ledger ? (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={t('quota.tableLabel')} data-testid="quota-ledger">
            <TableHead>
              <TableRow>
                <TableCell>{t('quota.column.name')}</TableCell>
                {(['share', 'allocated', 'planned', 'countyPlaces', 'credited', 'counted', 'target'] as const).map((c) => (
                  <TableCell key={c} align="right">
                    {t(`quota.column.${c}`)}
                  </TableCell>
                ))}
                <TableCell>{t('quota.column.balance')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {ledger.rows.map((r) => (
                <TableRow key={r.municipalityId} hover data-municipality={r.name}>
                  <TableCell component="th" scope="row">
                    {r.name}
                  </TableCell>
                  <TableCell align="right">{formatPercent(r.share)}</TableCell>
                  <TableCell align="right">{formatInteger(r.allocated)}</TableCell>
                  <TableCell align="right">{formatInteger(r.planned)}</TableCell>
                  <TableCell align="right">{formatInteger(r.countyPlaces)}</TableCell>
                  <TableCell align="right">{formatInteger(r.credited)}</TableCell>
                  <TableCell align="right">{formatInteger(r.counted)}</TableCell>
                  <TableCell align="right">{formatInteger(r.target)}</TableCell>
                  <TableCell>
                    <BalanceText balance={r.balance} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow sx={{ '& td, & th': { fontWeight: 700, color: 'text.primary' } }}>
                <TableCell component="th" scope="row">
                  {t('quota.total')}
                </TableCell>
                <TableCell align="right">{formatPercent(1)}</TableCell>
                <TableCell align="right" data-testid="quota-total-allocated">
                  {formatInteger(ledger.totals.allocated)}
                </TableCell>
                <TableCell align="right">{formatInteger(ledger.totals.planned)}</TableCell>
                <TableCell align="right">{formatInteger(ledger.rows.reduce((s, r) => s + r.countyPlaces, 0))}</TableCell>
                <TableCell align="right">{formatInteger(ledger.totals.credited)}</TableCell>
                <TableCell align="right">{formatInteger(ledger.totals.counted)}</TableCell>
                <TableCell align="right">{formatInteger(ledger.totals.target)}</TableCell>
                <TableCell>{formatInteger(ledger.totals.balance)}</TableCell>
              </TableRow>
            </TableFooter>
          </Table>
        </TableContainer>
      ) : null}
    </Box>
  );
}
