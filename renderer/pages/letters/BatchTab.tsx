// Serienbriefe: pick a letter kind and a period, select cases, check for
// missing data, preview, then issue all as one PDF (one letter per
// household, each on a new page) with a progress bar and cancel.
import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { isIsoDate, isoDateOf } from '../../../shared/domain/dates';
import type { LetterTemplateKind } from '../../../shared/domain/model';
import type { LetterRequest } from '../../../shared/letters/context';
import { TEMPLATE_KINDS } from '../../../shared/letters/defaultTemplates';
import { languageName } from '../../../shared/letters/document';
import { formatDateDe } from '../../../shared/reports/format';
import { DateField } from '../../components/DateField';
import type { QuartierDb } from '../../db/db';
import { ExportProgress } from '../../features/exports/ExportProgress';
import { LetterPreview } from '../../features/letters/LetterPreview';
import { useTemplates } from '../../features/letters/storage';
import { useLetterWorkflow, type LetterOutput } from '../../features/letters/useLetterWorkflow';
import { useOccupancyData } from '../../features/occupancy-data/hooks';
import { notify } from '../../state/ui';
import { defaultCandidateFilter, letterCandidates } from './candidates';
import { PermissionGate } from '../../auth/PermissionGate';

/** Rows rendered at once; selection still covers every case. */
const VISIBLE_ROWS = 300;

export function BatchTab({ db }: { db: QuartierDb }) {
  const { t } = useTranslation('letters');
  const today = useMemo(() => isoDateOf(new Date()), []);
  const [kind, setKind] = useState<LetterTemplateKind>('allocation');
  const [from, setFrom] = useState(() => defaultCandidateFilter('allocation', today).from);
  const [to, setTo] = useState(() => defaultCandidateFilter('allocation', today).to);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [reason, setReason] = useState('');
  const [annex, setAnnex] = useState('');
  const [checked, setChecked] = useState<LetterRequest[]>([]);
  const { dataset, status } = useOccupancyData(db);
  const templates = useTemplates(db);

  const candidates = useMemo(
    () => (status === 'ready' && isIsoDate(from) && isIsoDate(to) ? letterCandidates(dataset, { kind, from, to }) : []),
    [dataset, status, kind, from, to],
  );
  const flow = useLetterWorkflow(db, checked, annex || null);
  const running = flow.job.state.status === 'running';
  const annexLanguages = templates?.get(kind)?.annexes?.map((a) => a.language) ?? [];

  const changeKind = (k: LetterTemplateKind) => {
    setKind(k);
    setSelected(new Set());
    setChecked([]);
    setAnnex('');
  };
  const toggle = (key: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const allSelected = candidates.length > 0 && candidates.every((c) => selected.has(c.key));

  const check = () => {
    const requests = candidates
      .filter((c) => selected.has(c.key))
      .map((c): LetterRequest => (c.request.kind === 'transfer' ? { ...c.request, reason } : c.request));
    setChecked(requests);
  };
  const run = async (output: LetterOutput) => {
    try {
      const n = await flow.issue(output);
      if (n > 0) {
        notify(t('issued', { count: n }));
        setChecked([]);
        setSelected(new Set());
      }
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };
  const problems = flow.preparation?.problems ?? [];

  return (
    <Box>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <TextField select label={t('batch.kind')} value={kind} onChange={(e) => changeKind(e.target.value as LetterTemplateKind)} size="small" sx={{ minWidth: 280 }}>
          {TEMPLATE_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {t(`kinds.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        <DateField label={t('batch.from')} value={from} onChange={(v) => setFrom(v ?? '')} size="small" fullWidth={false} sx={{ width: 180 }} />
        <DateField label={t('batch.to')} value={to} onChange={(v) => setTo(v ?? '')} size="small" fullWidth={false} sx={{ width: 180 }} />
        {kind === 'transfer' ? <TextField label={t('dialog.reason')} value={reason} onChange={(e) => setReason(e.target.value)} size="small" sx={{ flex: 1 }} /> : null}
        {annexLanguages.length > 0 ? (
          <TextField select label={t('dialog.annex')} value={annex} onChange={(e) => setAnnex(e.target.value)} size="small" sx={{ minWidth: 200 }}>
            <MenuItem value="">{t('dialog.noAnnex')}</MenuItem>
            {annexLanguages.map((l) => (
              <MenuItem key={l} value={l}>
                {languageName(l)}
              </MenuItem>
            ))}
          </TextField>
        ) : null}
      </Stack>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('batch.candidates', { count: candidates.length, selected: selected.size })}
      </Typography>
      <Box sx={{ maxHeight: 360, overflow: 'auto', border: 1, borderColor: 'divider', mb: 2 }}>
        <Table size="small" stickyHeader aria-label={t('batch.tableLabel')}>
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">
                <Checkbox
                  checked={allSelected}
                  indeterminate={!allSelected && selected.size > 0}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(candidates.map((c) => c.key)))}
                  slotProps={{ input: { 'aria-label': t('batch.selectAll') } }}
                />
              </TableCell>
              <TableCell>{t('batch.name')}</TableCell>
              <TableCell>{t('batch.detail')}</TableCell>
              <TableCell>{t('batch.date')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {candidates.slice(0, VISIBLE_ROWS).map((c) => (
              <TableRow key={c.key} hover onClick={() => toggle(c.key)} sx={{ cursor: 'pointer' }}>
                <TableCell padding="checkbox">
                  <Checkbox checked={selected.has(c.key)} slotProps={{ input: { 'aria-label': c.name } }} />
                </TableCell>
                <TableCell>{c.name}</TableCell>
                <TableCell>{c.detail}</TableCell>
                <TableCell>{formatDateDe(c.date)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {candidates.length > VISIBLE_ROWS ? (
          <Typography variant="caption" sx={{ p: 1, display: 'block' }}>
            {t('batch.moreRows', { count: candidates.length - VISIBLE_ROWS })}
          </Typography>
        ) : null}
        {candidates.length === 0 ? <FormControlLabel sx={{ p: 2 }} control={<span />} label={t('batch.none')} /> : null}
      </Box>
      <Stack direction="row" spacing={1} sx={{ mb: 2 }}>
        <Button variant="outlined" onClick={check} disabled={selected.size === 0 || running}>
          {t('batch.check')}
        </Button>
        <PermissionGate permission="letters:issue">
          {(denied) => (
            <Button variant="contained" onClick={() => void run('save')} disabled={denied || !flow.preparation || problems.length > 0 || running}>
              {t('batch.generate', { count: flow.preparation?.letters.length ?? 0 })}
            </Button>
          )}
        </PermissionGate>
        <PermissionGate permission="letters:issue">
          {(denied) => (
            <Button onClick={() => void run('print')} disabled={denied || !flow.preparation || problems.length > 0 || running}>
              {t('actions.print')}
            </Button>
          )}
        </PermissionGate>
      </Stack>
      <ExportProgress state={flow.job.state} onCancel={flow.job.cancel} />
      {flow.job.state.status === 'cancelled' ? <Alert severity="info">{t('batch.cancelled')}</Alert> : null}
      {flow.job.state.status === 'error' ? <Alert severity="error">{flow.job.state.message}</Alert> : null}
      {problems.length > 0 ? (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="letter-problems">
          {t('missing.title')}
          <ul>
            {problems.slice(0, 50).map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          {problems.length > 50 ? t('missing.more', { count: problems.length - 50 }) : null}
        </Alert>
      ) : null}
      {flow.preparation && flow.preparation.letters[0] ? (
        <Box>
          <Typography variant="subtitle2" sx={{ mb: 1 }}>
            {t('batch.previewFirst', { count: flow.preparation.letters.length })}
          </Typography>
          <LetterPreview content={flow.preparation.letters[0].draft} />
        </Box>
      ) : null}
    </Box>
  );
}
