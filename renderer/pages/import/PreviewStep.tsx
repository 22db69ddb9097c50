// Step 4: every row's problems, what would be created, and the import
// button (only without errors). The error list goes out as Excel.
import { Alert, Box, Button, Chip, CircularProgress, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping, FieldKey } from '../../../shared/import/fields';
import { PLANNED_TABLES, type ImportPlan } from '../../../shared/import/plan';
import type { QuartierDb } from '../../db/db';
import { recordAccess } from '../../features/audit/recordAccess';
import { fieldLabel, problemText } from '../../features/import/problemText';
import { errorListWorkbook } from '../../features/import/spreadsheets';
import { formatInteger } from '../../i18n/format';
import { notify } from '../../state/ui';
import { columnLetter } from './MappingStep';
import { saveWorkbook } from './saveFile';

export interface PreviewStepProps {
  db: QuartierDb;
  plan: ImportPlan | null;
  busy: boolean;
  headers: readonly string[];
  mapping: ColumnMapping;
  runError: string[] | null;
  onBack: () => void;
  onChooseOther: () => void;
  onImport: () => void;
}

const MAX_SHOWN = 500;

export function PreviewStep({ db, plan, busy, headers, mapping, runError, onBack, onChooseOther, onImport }: PreviewStepProps) {
  const { t } = useTranslation('import');
  if (!plan) {
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} role="status">
        <CircularProgress size={20} />
        <Typography>{t('preview.checking')}</Typography>
      </Stack>
    );
  }
  const errors = plan.errorRows.length;
  const warnings = plan.problems.filter((p) => p.severity === 'warning').length;
  const columnOf = (field: string): number | null => mapping[field as FieldKey] ?? null;
  const downloadErrors = async () => {
    try {
      // The list repeats values from the file (names): recorded like every list export.
      await recordAccess(db, { kind: 'export', subject: 'import.errors.xlsx', description: `Fehlerliste eines Imports (${plan.problems.length} Meldungen)`, personIds: [] });
      const bytes = await errorListWorkbook(t, plan, headers, columnOf);
      await saveWorkbook(bytes, t('errors.fileName'), t('actions.saved'));
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), 'error');
    }
  };
  const created = PLANNED_TABLES.filter((tb) => plan.records[tb].length > 0);
  const shown = plan.problems.slice(0, MAX_SHOWN);
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="import-summary">
        <Chip label={`${t('preview.rows')}: ${formatInteger(plan.rowCount)}`} />
        <Chip color={errors > 0 ? 'error' : 'success'} label={`${t('preview.errorRows')}: ${formatInteger(errors)}`} data-testid="import-error-rows" data-count={errors} />
        {warnings > 0 ? <Chip color="warning" label={`${t('preview.warnings')}: ${formatInteger(warnings)}`} /> : null}
        {plan.kind === 'occupancy' ? <Chip variant="outlined" label={`${t('preview.matched')}: ${formatInteger(plan.matchedPersons)}`} /> : null}
      </Stack>
      {created.length > 0 ? (
        <Typography variant="body2">
          {errors === 0 ? t('preview.willCreate') : t('preview.wouldCreate')}: {created.map((tb) => `${t(`preview.counts.${tb}`)} ${formatInteger(plan.records[tb].length)}`).join(' · ')}
        </Typography>
      ) : null}
      {errors === 0 ? <Alert severity="success">{t('preview.noProblems', { count: plan.rowCount })}</Alert> : <Alert severity="error">{t('preview.hasErrors', { count: errors })}</Alert>}
      {plan.problems.length > 0 ? (
        <Box>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between', mb: 1 }}>
            <Typography variant="h6" component="h2">
              {t('preview.problems')}
            </Typography>
            <Button startIcon={<DownloadOutlined />} onClick={() => void downloadErrors()}>
              {t('errors.download')}
            </Button>
          </Stack>
          {plan.problems.length > MAX_SHOWN ? (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('preview.moreProblems', { shown: MAX_SHOWN, total: plan.problems.length })}
            </Typography>
          ) : null}
          <TableContainer sx={{ maxHeight: 480 }}>
            <Table size="small" stickyHeader aria-label={t('preview.problems')} data-testid="import-problems">
              <TableHead>
                <TableRow>
                  <TableCell>{t('errors.row')}</TableCell>
                  <TableCell>{t('errors.column')}</TableCell>
                  <TableCell>{t('errors.severity')}</TableCell>
                  <TableCell>{t('errors.message')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {shown.map((p, i) => {
                  const col = p.field ? columnOf(p.field) : null;
                  return (
                    <TableRow key={i} data-row={p.row} data-severity={p.severity}>
                      <TableCell>{p.row}</TableCell>
                      <TableCell>{col === null ? fieldLabel(t, p.field) : `${columnLetter(col)}: ${headers[col] ?? ''}`}</TableCell>
                      <TableCell>
                        <Chip size="small" color={p.severity === 'error' ? 'error' : 'warning'} variant="outlined" label={t(`severity.${p.severity}`)} />
                      </TableCell>
                      <TableCell>{problemText(t, p)}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
        </Box>
      ) : null}
      {runError ? (
        <Alert severity="error">
          {runError.map((m, i) => (
            <div key={i}>{m}</div>
          ))}
        </Alert>
      ) : null}
      <Typography variant="body2" color="text.secondary">
        {t('preview.allOrNothing')}
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Button onClick={onBack}>{t('actions.back')}</Button>
        <Button onClick={onChooseOther}>{t('actions.chooseOther')}</Button>
        <Button variant="contained" onClick={onImport} disabled={busy || errors > 0 || plan.rowCount === 0}>
          {busy ? <CircularProgress size={18} sx={{ mr: 1 }} /> : null}
          {t('actions.import', { count: plan.rowCount })}
        </Button>
      </Stack>
    </Stack>
  );
}
