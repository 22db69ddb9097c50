// Schreiben zur Zuteilung, in one batch: the allocation letter to each
// household and ONE notice per municipality listing every person allocated to
// it in this batch, from the
// letter templates (kinds 'allocation' and 'municipality_notice'), issued and
// logged by the letters feature, rendered into one PDF with progress/cancel.
import { useMemo } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { LetterRequest } from '../../../../shared/letters/context';
import type { Allocation } from '../../../../shared/domain/model';
import type { QuartierDb } from '../../../db/db';
import { notify } from '../../../state/ui';
import { ExportProgress } from '../../exports/ExportProgress';
import { useLetterWorkflow, type LetterOutput } from '../../letters/useLetterWorkflow';

export interface LetterBatchDialogProps {
  open: boolean;
  onClose: () => void;
  db: QuartierDb;
  /** The allocations to write about (the municipality decides which notice lists them). */
  allocations: readonly AllocationRef[];
}

export type AllocationRef = Pick<Allocation, 'id' | 'municipalityId'>;

/**
 * Household letters first (in the order of the allocations), then one notice
 * per municipality covering all of its allocations (municipalities in the
 * order they first appear).
 */
export function allocationLetterRequests(allocations: readonly AllocationRef[]): LetterRequest[] {
  const byMunicipality = new Map<string, string[]>();
  for (const a of allocations) {
    const list = byMunicipality.get(a.municipalityId) ?? [];
    if (!list.includes(a.id)) list.push(a.id);
    byMunicipality.set(a.municipalityId, list);
  }
  return [
    ...allocations.map((a): LetterRequest => ({ kind: 'allocation', allocationId: a.id })),
    ...[...byMunicipality.values()].map((allocationIds): LetterRequest => ({ kind: 'municipality_notice', allocationIds })),
  ];
}

export function LetterBatchDialog({ open, onClose, db, allocations }: LetterBatchDialogProps) {
  if (!open) return null;
  return <LetterBatchDialogBody onClose={onClose} db={db} allocations={allocations} />;
}

function LetterBatchDialogBody({ onClose, db, allocations }: Omit<LetterBatchDialogProps, 'open'>) {
  const { t } = useTranslation('allocations');
  const requests = useMemo(() => allocationLetterRequests(allocations), [allocations]);
  const households = requests.filter((r) => r.kind === 'allocation').length;
  const flow = useLetterWorkflow(db, requests, null);
  const running = flow.job.state.status === 'running';
  const problems = flow.preparation?.problems ?? [];
  const ready = flow.preparation !== null && problems.length === 0 && flow.preparation.letters.length === requests.length;

  const run = async (output: LetterOutput) => {
    try {
      const n = await flow.issue(output);
      if (n > 0) {
        notify(t('letters.issued', { count: n }));
        onClose();
      }
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), 'error');
    }
  };

  return (
    <Dialog open onClose={running ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="allocation-letters-title">
      <DialogTitle id="allocation-letters-title">{t('letters.title')}</DialogTitle>
      <DialogContent dividers>
        <Typography sx={{ mb: 2 }}>{t('letters.summary', { households, notices: requests.length - households })}</Typography>
        {flow.preparation === null ? <Alert severity="info">{t('letters.preparing')}</Alert> : null}
        {problems.length > 0 ? (
          <Alert severity="warning">
            {t('letters.missingTitle')}
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {flow.job.state.status === 'error' ? <Alert severity="error">{flow.job.state.message}</Alert> : null}
        <ExportProgress state={flow.job.state} onCancel={flow.job.cancel} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={running}>
          {t('common:actions.close')}
        </Button>
        <Button onClick={() => void run('print')} disabled={!ready || running}>
          {t('letters.print')}
        </Button>
        <Button variant="contained" onClick={() => void run('save')} disabled={!ready || running}>
          {t('letters.generate')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
