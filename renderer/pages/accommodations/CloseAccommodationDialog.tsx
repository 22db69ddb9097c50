// Schließen einer Unterkunft: sets the first day nobody may live there
// (closedOn) and the status (closing until that day, closed from it). Refused
// while stays would still run on or after that day: people have to move out
// or be moved first, otherwise figures and letters would contradict each other.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Accommodation, IsoDate, Stay } from '../../../shared/domain/model';
import { isIsoDate } from '../../../shared/domain/dates';
import type { QuartierDb } from '../../db/db';
import { runOperation } from '../../db/repository';
import { resolveWriteContext } from '../../features/operations/commandContext';
import { formatDate } from '../../i18n/format';
import { notify } from '../../state/ui';

/** Stays of the accommodation still running on or starting after `closedOn`. */
export function staysBlockingClose(stays: readonly Stay[], closedOn: IsoDate): Stay[] {
  return stays.filter((s) => !s.deleted && !s.cancelled && (s.to === null || s.to > closedOn));
}

export interface CloseAccommodationDialogProps {
  open: boolean;
  onClose: () => void;
  db: QuartierDb;
  accommodation: Accommodation;
  today: IsoDate;
}

/** Mounted only while open, so every opening starts fresh. */
export function CloseAccommodationDialog(props: CloseAccommodationDialogProps) {
  return props.open ? <CloseAccommodationDialogBody {...props} /> : null;
}

function CloseAccommodationDialogBody({ open, onClose, db, accommodation, today }: CloseAccommodationDialogProps) {
  const { t } = useTranslation('accommodations');
  const [day, setDay] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const confirm = async () => {
    setError(null);
    if (!isIsoDate(day)) {
      setError(t('close.invalidDate'));
      return;
    }
    if (day <= accommodation.openedOn) {
      setError(t('validation.closedBeforeOpened'));
      return;
    }
    setSaving(true);
    try {
      const ctx = await resolveWriteContext(db);
      let blocking = 0;
      await runOperation(db, ctx, 'accommodation.close', async (w) => {
        // Checked inside the transaction so a check-in in between cannot slip through.
        const stays = await w.query('stays').where('accommodationId').equals(accommodation.id).toArray();
        blocking = staysBlockingClose(stays, day).length;
        if (blocking > 0) return;
        await w.patch('accommodations', accommodation.id, { closedOn: day, status: day <= today ? 'closed' : 'closing' });
      });
      if (blocking > 0) {
        setError(t('close.staysRemain', { count: blocking, date: formatDate(day) }));
        return;
      }
      notify(t('close.done', { name: accommodation.name, date: formatDate(day) }));
      onClose();
    } catch (e) {
      console.error(e);
      setError(t('dialog.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="close-dialog-title">
      <DialogTitle id="close-dialog-title">{t('close.title', { name: accommodation.name })}</DialogTitle>
      <DialogContent dividers>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {t('close.intro')}
        </Typography>
        <TextField
          type="date"
          size="small"
          label={t('close.date')}
          value={day}
          onChange={(e) => setDay(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        {error && (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('dialog.cancel')}</Button>
        <Button color="warning" variant="contained" onClick={() => void confirm()} disabled={saving}>
          {t('close.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
