// Changes the status of one allocation: entscheiden (decision date), Umzug
// erfolgt (move day; ends the stays), aufheben (reason).
import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Allocation, IsoDate } from '../../../../shared/domain/model';
import type { QuartierDb } from '../../../db/db';
import { notify } from '../../../state/ui';
import { DateField } from '../../operations/components/DateField';
import { MAX_REASON_LENGTH, setAllocationStatus } from '../commands';
import { allocationErrorMessages } from '../errorText';

export type StatusAction = 'decided' | 'moved' | 'cancelled';

export interface StatusDialogProps {
  db: QuartierDb;
  allocation: Allocation;
  action: StatusAction;
  /** Household name for the title. */
  name: string;
  today: IsoDate;
  onClose: () => void;
}

const TITLE: Record<StatusAction, string> = { decided: 'statusDialog.decideTitle', moved: 'statusDialog.movedTitle', cancelled: 'statusDialog.cancelTitle' };

export function StatusDialog({ db, allocation, action, name, today, onClose }: StatusDialogProps) {
  const { t } = useTranslation('allocations');
  const [date, setDate] = useState<IsoDate>(action === 'moved' ? (allocation.plannedMoveDate && allocation.plannedMoveDate <= today ? allocation.plannedMoveDate : today) : today);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    setErrors([]);
    try {
      if (action === 'decided') await setAllocationStatus(db, allocation.id, { status: 'decided', decisionDate: date }, { today });
      else if (action === 'cancelled') await setAllocationStatus(db, allocation.id, { status: 'cancelled', reason: text }, { today });
      else await setAllocationStatus(db, allocation.id, { status: 'moved', moveDate: date, note: text || null }, { today });
      notify(t('statusDialog.saved'));
      onClose();
    } catch (e) {
      setErrors(allocationErrorMessages(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="allocation-status-title">
      <DialogTitle id="allocation-status-title">{t(TITLE[action], { name })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {action === 'decided' ? <DateField label={t('statusDialog.decisionDate')} value={date} onChange={(e) => setDate(e.target.value)} required /> : null}
          {action === 'moved' ? (
            <>
              <DateField label={t('statusDialog.moveDate')} value={date} onChange={(e) => setDate(e.target.value)} required />
              <Typography variant="body2">{t('statusDialog.movedHint', { count: allocation.personIds.length })}</Typography>
              <TextField label={t('statusDialog.note')} value={text} onChange={(e) => setText(e.target.value)} fullWidth />
            </>
          ) : null}
          {action === 'cancelled' ? (
            <TextField
              label={t('statusDialog.reason')}
              value={text}
              onChange={(e) => setText(e.target.value)}
              required
              multiline
              minRows={2}
              fullWidth
              slotProps={{ htmlInput: { maxLength: MAX_REASON_LENGTH } }}
            />
          ) : null}
          {errors.length > 0 ? (
            <Alert severity="error" role="alert">
              {errors.map((m) => (
                <div key={m}>{m}</div>
              ))}
            </Alert>
          ) : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('common:actions.cancel')}
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy}>
          {t('statusDialog.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
