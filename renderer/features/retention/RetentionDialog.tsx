// Preview and run of a retention run: the persons due today (person,
// Aktenzeichen, case closed on, rule), the mandatory archive export, then
// "Anonymisieren" or "Löschen" with progress. The run is one operation
// (all-or-nothing); see retentionCommands.ts. The parent gives the dialog a
// new `key` for a new due list, so selection and archive state start afresh.
import { useId, useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  LinearProgress,
  Radio,
  RadioGroup,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import SaveAltOutlined from '@mui/icons-material/SaveAltOutlined';
import { useTranslation } from 'react-i18next';
import type { Id, IsoDate } from '../../../shared/domain/model';
import type { DueEntry, RetentionMode, RetentionPolicy } from '../../../shared/retention';
import { getDb, type QuartierDb } from '../../db/db';
import { formatDate } from '../../i18n/format';
import { notify } from '../../state/ui';
import { resolveWriteContext } from '../operations/commandContext';
import type { ArchiveSheetLabels } from './archive';
import { runRetention, type RetentionRunProgress } from './retentionCommands';
import { saveRetentionArchive } from './saveArchive';

/** Rows rendered at most; the run still covers every selected person. */
const MAX_ROWS = 500;

export interface RetentionDialogProps {
  open: boolean;
  onClose: () => void;
  due: readonly DueEntry[];
  today: IsoDate;
  policy: RetentionPolicy;
  db?: QuartierDb;
}

export function RetentionDialog({ open, onClose, due, today, policy, db = getDb() }: RetentionDialogProps) {
  const { t } = useTranslation('retention');
  const titleId = useId();
  const [selected, setSelected] = useState<ReadonlySet<Id>>(() => new Set(due.map((d) => d.personId)));
  const [archivedFor, setArchivedFor] = useState<string | null>(null);
  const [mode, setMode] = useState<RetentionMode>('anonymise');
  const [busy, setBusy] = useState<'archive' | 'run' | null>(null);
  const [progress, setProgress] = useState<RetentionRunProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [doneCount, setDoneCount] = useState<number | null>(null);

  const chosen = useMemo(() => due.filter((d) => selected.has(d.personId)), [due, selected]);
  const selectionKey = chosen.map((d) => d.personId).join(',');
  const archived = archivedFor !== null && archivedFor === selectionKey && chosen.length > 0;

  const labels = (): ArchiveSheetLabels => ({
    sheets: { persons: t('archive.sheets.persons'), stays: t('archive.sheets.stays'), allocations: t('archive.sheets.allocations'), letters: t('archive.sheets.letters') },
    persons: {
      fileNumber: t('archive.persons.fileNumber'),
      familyName: t('archive.persons.familyName'),
      givenName: t('archive.persons.givenName'),
      birthDate: t('archive.persons.birthDate'),
      nationality: t('archive.persons.nationality'),
      admissionDate: t('archive.persons.admissionDate'),
      closedOn: t('archive.persons.closedOn'),
      dueOn: t('archive.persons.dueOn'),
      rule: t('archive.persons.rule'),
      notes: t('archive.persons.notes'),
    },
    stays: {
      fileNumber: t('archive.stays.fileNumber'),
      accommodationId: t('archive.stays.accommodationId'),
      bedId: t('archive.stays.bedId'),
      from: t('archive.stays.from'),
      to: t('archive.stays.to'),
      endKind: t('archive.stays.endKind'),
      departureReason: t('archive.stays.departureReason'),
    },
    allocations: {
      fileNumber: t('archive.allocations.fileNumber'),
      municipalityId: t('archive.allocations.municipalityId'),
      status: t('archive.allocations.status'),
      decisionDate: t('archive.allocations.decisionDate'),
      movedOn: t('archive.allocations.movedOn'),
      note: t('archive.allocations.note'),
    },
    letters: {
      number: t('archive.letters.number'),
      issuedOn: t('archive.letters.issuedOn'),
      kind: t('archive.letters.kind'),
      recipientName: t('archive.letters.recipientName'),
      fileNumbers: t('archive.letters.fileNumbers'),
    },
    rule: (r) => t(`dialog.rule.${r}`),
  });

  const exportArchive = async () => {
    setBusy('archive');
    setError(null);
    try {
      const ctx = await resolveWriteContext(db);
      const result = await saveRetentionArchive(db, ctx, chosen, today, policy, labels());
      if (result.json && result.xlsx) setArchivedFor(selectionKey);
      else setError(t('dialog.archiveIncomplete'));
    } catch (e) {
      setError(t('archive.saveFailed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(null);
    }
  };

  const run = async () => {
    setBusy('run');
    setError(null);
    try {
      const ctx = await resolveWriteContext(db);
      const result = await runRetention(db, ctx, { personIds: chosen.map((d) => d.personId), mode, today, policy, archived }, setProgress);
      setDoneCount(result.plan.personIds.length);
      notify(t(mode === 'delete' ? 'dialog.doneDelete' : 'dialog.done', { count: result.plan.personIds.length }));
    } catch (e) {
      setError(t('dialog.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(null);
    }
  };

  const toggle = (id: Id) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = due.length > 0 && selected.size === due.length;

  const progressValue = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null;

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="lg" fullWidth>
      <DialogTitle id={titleId}>{t('dialog.title')}</DialogTitle>
      <DialogContent>
        {doneCount !== null ? (
          <Alert severity="success" data-testid="retention-done">
            {t(mode === 'delete' ? 'dialog.doneDelete' : 'dialog.done', { count: doneCount })}
          </Alert>
        ) : due.length === 0 ? (
          <Typography>{t('dialog.empty')}</Typography>
        ) : (
          <Stack spacing={2}>
            <Typography variant="body2">{t('dialog.intro')}</Typography>
            <TableContainer sx={{ maxHeight: 340, border: 1, borderColor: 'divider', borderRadius: 1 }}>
              <Table size="small" stickyHeader aria-label={t('dialog.tableLabel')} data-testid="retention-preview">
                <TableHead>
                  <TableRow>
                    <TableCell padding="checkbox">
                      <Checkbox
                        checked={allSelected}
                        indeterminate={selected.size > 0 && !allSelected}
                        onChange={() => setSelected(allSelected ? new Set() : new Set(due.map((d) => d.personId)))}
                        disabled={busy !== null}
                        slotProps={{ input: { 'aria-label': t('dialog.selectAll') } }}
                      />
                    </TableCell>
                    <TableCell>{t('dialog.columns.person')}</TableCell>
                    <TableCell>{t('dialog.columns.fileNumber')}</TableCell>
                    <TableCell>{t('dialog.columns.closedOn')}</TableCell>
                    <TableCell>{t('dialog.columns.rule')}</TableCell>
                    <TableCell>{t('dialog.columns.dueOn')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {due.slice(0, MAX_ROWS).map((d) => {
                    const name = `${d.familyName}, ${d.givenName}`;
                    return (
                      <TableRow key={d.personId} hover selected={selected.has(d.personId)}>
                        <TableCell padding="checkbox">
                          <Checkbox
                            checked={selected.has(d.personId)}
                            onChange={() => toggle(d.personId)}
                            disabled={busy !== null}
                            slotProps={{ input: { 'aria-label': t('dialog.select', { name }) } }}
                          />
                        </TableCell>
                        <TableCell>{name}</TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{d.fileNumber}</TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(d.closedOn)}</TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`dialog.rule.${d.reason}`)}</TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(d.dueOn)}</TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </TableContainer>
            {due.length > MAX_ROWS ? (
              <Typography variant="body2" color="text.secondary">
                {t('dialog.more', { count: due.length - MAX_ROWS })}
              </Typography>
            ) : null}
            <Typography variant="body2" aria-live="polite">
              {t('dialog.selected', { count: chosen.length })}
            </Typography>

            <Box>
              <Typography variant="subtitle1" component="h3">
                {t('dialog.step1')}
              </Typography>
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 1 }}>
                <Button variant="outlined" startIcon={<SaveAltOutlined />} onClick={() => void exportArchive()} disabled={busy !== null || chosen.length === 0}>
                  {t('dialog.exportArchive')}
                </Button>
                {archived ? (
                  <Typography variant="body2" color="success.main" data-testid="retention-archived">
                    {t('dialog.archived', { count: chosen.length })}
                  </Typography>
                ) : null}
              </Stack>
            </Box>

            <FormControl disabled={busy !== null}>
              <FormLabel id={`${titleId}-mode`}>{t('dialog.step2')}</FormLabel>
              <RadioGroup aria-labelledby={`${titleId}-mode`} value={mode} onChange={(e) => setMode(e.target.value === 'delete' ? 'delete' : 'anonymise')}>
                <FormControlLabel value="anonymise" control={<Radio />} label={t('dialog.modeAnonymise')} />
                <FormHelperText sx={{ mt: -1, mb: 1, ml: 4 }}>{t('dialog.modeAnonymiseHelp')}</FormHelperText>
                <FormControlLabel value="delete" control={<Radio />} label={t('dialog.modeDelete')} />
                <FormHelperText sx={{ mt: -1, ml: 4 }}>{t('dialog.modeDeleteHelp')}</FormHelperText>
              </RadioGroup>
            </FormControl>

            {!archived ? (
              <Typography variant="body2" color="text.secondary">
                {t('dialog.needArchive')}
              </Typography>
            ) : null}

            {busy === 'run' && progress ? (
              <Box aria-live="polite">
                <Typography variant="body2">{t(`dialog.progress.${progress.phase}`, { done: progress.done, total: progress.total })}</Typography>
                <LinearProgress variant={progress.phase === 'writing' && progressValue !== null ? 'determinate' : 'indeterminate'} value={progressValue ?? undefined} sx={{ mt: 1 }} />
              </Box>
            ) : null}
          </Stack>
        )}
        {error ? (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy !== null}>
          {t('dialog.close')}
        </Button>
        {doneCount === null && due.length > 0 ? (
          <Button
            variant="contained"
            color="error"
            onClick={() => void run()}
            disabled={busy !== null || !archived || chosen.length === 0}
            title={archived ? undefined : t('dialog.needArchive')}
            data-testid="retention-run"
          >
            {t(mode === 'delete' ? 'dialog.runDelete' : 'dialog.run', { count: chosen.length })}
          </Button>
        ) : null}
      </DialogActions>
    </Dialog>
  );
}
