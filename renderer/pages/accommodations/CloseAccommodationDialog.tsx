// Schließen einer Unterkunft: sets the first day nobody may live there
// (closedOn) and the status (closing until that day, closed from it). Refused
// while stays would still run on or after that day: people have to move out
// or be moved first, otherwise figures and letters would contradict each other.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import type { Accommodation, IsoDate } from '../../../shared/domain/model';
import { isIsoDate } from '../../../shared/domain/dates';
import { DateField } from '../../components/DateField';
import type { QuartierDb } from '../../db/db';
import { runOperation } from '../../db/repository';
import { newId, resolveWriteContext } from '../../features/operations/commandContext';
import { applyPlan } from '../../features/operations/applyPlan';
import { ViolationAlert } from '../../features/operations/components/ViolationAlert';
import { describeCommandError } from '../../features/operations/components/violationText';
import { planCloseAccommodation } from '../../../shared/occupancy/planners/accommodation';
import { formatDate } from '../../i18n/format';
import { notify } from '../../state/ui';

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
  const { t: tRules } = useTranslation('rules');
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const confirm = async () => {
    setErrors([]);
    if (!isIsoDate(day)) {
      setErrors([t('close.invalidDate')]);
      return;
    }
    setSaving(true);
    try {
      const ctx = await resolveWriteContext(db);
      await runOperation(db, ctx, 'accommodation.close', async (w) => {
        // Planned inside the transaction so a check-in in between cannot slip through.
        const stays = await w.query('stays').where('accommodationId').equals(accommodation.id).toArray();
        const persons = (await w.query('persons').bulkGet([...new Set(stays.map((s) => s.personId))])).filter((p) => p !== undefined);
        const beds = await w.query('beds').where('accommodationId').equals(accommodation.id).toArray();
        const rooms = await w.query('rooms').where('accommodationId').equals(accommodation.id).toArray();
        const current = await w.get('accommodations', accommodation.id);
        const plan = planCloseAccommodation({ accommodationId: accommodation.id, closedOn: day, today }, current, { stays, persons, beds, rooms }, { newId, now: w.now });
        await applyPlan(w, plan);
      });
      notify(t('close.done', { name: accommodation.name, date: formatDate(day) }));
      onClose();
    } catch (e) {
      setErrors(describeCommandError(tRules, e).messages);
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
        <DateField size="small" fullWidth={false} label={t('close.date')} value={day} onChange={(next) => setDay(next ?? '')} />
        <ViolationAlert messages={errors} />
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
