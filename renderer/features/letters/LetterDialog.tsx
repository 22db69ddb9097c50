// Single letter for one case (person screen, stay, allocation): preview,
// missing-data check, then save or print. Issuing logs the letter first.
import { useMemo, useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { LetterRequest } from '../../../shared/letters/context';
import { languageName } from '../../../shared/letters/document';
import { getDb, type QuartierDb } from '../../db/db';
import { notify } from '../../state/ui';
import { ExportProgress } from '../exports/ExportProgress';
import { LetterPreview } from './LetterPreview';
import { useLetterWorkflow, type LetterOutput } from './useLetterWorkflow';

export interface LetterDialogProps {
  open: boolean;
  onClose: () => void;
  /** What the letter is about: an Einweisung/Verlegung (stay id) or a Zuteilung/Mitteilung (allocation id). */
  request: LetterRequest;
  db?: QuartierDb;
}

export function LetterDialog({ open, onClose, request, db = getDb() }: LetterDialogProps) {
  const { t } = useTranslation('letters');
  const [annex, setAnnex] = useState<string>('');
  const [reason, setReason] = useState('');
  const effective = useMemo<LetterRequest[]>(
    () => [request.kind === 'transfer' ? { ...request, reason: request.reason ?? reason } : request],
    [request, reason],
  );
  const flow = useLetterWorkflow(db, effective, annex || null);
  const draft = flow.preparation?.letters[0];
  const annexLanguages = draft?.template.annexes?.map((a) => a.language) ?? [];
  const running = flow.job.state.status === 'running';

  const run = async (output: LetterOutput) => {
    try {
      const n = await flow.issue(output);
      if (n > 0) {
        notify(t('issued', { count: n }));
        onClose();
      }
    } catch (err) {
      notify(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  return (
    <Dialog open={open} onClose={running ? undefined : onClose} maxWidth="md" fullWidth aria-labelledby="letter-dialog-title">
      <DialogTitle id="letter-dialog-title">{t(`kinds.${request.kind}`)}</DialogTitle>
      <DialogContent dividers>
        {request.kind === 'transfer' && request.reason === undefined ? (
          <TextField label={t('dialog.reason')} value={reason} onChange={(e) => setReason(e.target.value)} fullWidth size="small" sx={{ mb: 2 }} />
        ) : null}
        {annexLanguages.length > 0 ? (
          <TextField select label={t('dialog.annex')} value={annex} onChange={(e) => setAnnex(e.target.value)} size="small" sx={{ mb: 2, minWidth: 240 }}>
            <MenuItem value="">{t('dialog.noAnnex')}</MenuItem>
            {annexLanguages.map((l) => (
              <MenuItem key={l} value={l}>
                {languageName(l)}
              </MenuItem>
            ))}
          </TextField>
        ) : null}
        {flow.preparation && flow.preparation.problems.length > 0 ? (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {t('missing.title')}
            <ul>
              {flow.preparation.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {flow.job.state.status === 'error' ? <Alert severity="error">{flow.job.state.message}</Alert> : null}
        <ExportProgress state={flow.job.state} onCancel={flow.job.cancel} />
        {draft ? <LetterPreview content={draft.draft} /> : <Alert severity="info">{t('dialog.loading')}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={running}>
          {t('actions.close')}
        </Button>
        <Button onClick={() => void run('print')} disabled={!draft || running || (flow.preparation?.problems.length ?? 1) > 0}>
          {t('actions.print')}
        </Button>
        <Button variant="contained" onClick={() => void run('save')} disabled={!draft || running || (flow.preparation?.problems.length ?? 1) > 0}>
          {t('actions.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
