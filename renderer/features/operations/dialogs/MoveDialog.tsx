// Verlegung / Umsetzung of a person or household: who, move day, reason,
// and the new place (suggested or picked). One operation ends the current
// stays and starts the new ones.
import { useCallback, useMemo, useState } from 'react';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { isIsoDate, isoDateOf } from '../../../../shared/domain/dates';
import type { Id } from '../../../../shared/domain/model';
import type { BedAssignment } from '../../../../shared/occupancy/planners/stays';
import { getDb, type QuartierDb } from '../../../db/db';
import { move } from '../stayCommands';
import { currentStay, useCachedPlacementData } from '../placementData';
import { DateField } from '../../../components/DateField';
import { MemberChecklist } from '../components/MemberChecklist';
import { useMemberSelection } from '../components/useMemberSelection';
import { OverrideReasonField } from '../components/OverrideReasonField';
import { personsOfSubject, SubjectPicker, type Subject } from '../components/pickers';
import { PlacementChooser } from '../components/PlacementChooser';
import { useCommandRunner } from '../components/useCommandRunner';
import { ViolationAlert } from '../components/ViolationAlert';

export interface MoveDialogProps {
  open: boolean;
  onClose: () => void;
  initialPersonId?: Id | null;
  initialHouseholdId?: Id | null;
  /** Target bed (manual placement for the first person), e.g. from the bed board. */
  initialBedId?: Id | null;
  onDone?: () => void;
  db?: QuartierDb;
}

export function MoveDialog(props: MoveDialogProps) {
  return props.open ? <MoveForm {...props} /> : null;
}

function MoveForm({ open, onClose, initialPersonId, initialHouseholdId, initialBedId, onDone, db = getDb() }: MoveDialogProps) {
  const { t } = useTranslation('operations');
  const data = useCachedPlacementData(db);
  const runner = useCommandRunner();
  const [subject, setSubject] = useState<Subject | null>(
    initialHouseholdId ? { kind: 'household', id: initialHouseholdId } : initialPersonId ? { kind: 'person', id: initialPersonId } : null,
  );
  const [date, setDate] = useState(isoDateOf(new Date()));
  const [reason, setReason] = useState('');
  const [assignments, setAssignments] = useState<BedAssignment[] | null>(null);
  const [overrideReason, setOverrideReason] = useState('');
  const [submitted, setSubmitted] = useState(false);

  const placedOn = useCallback((id: Id) => !!data && !!currentStay(data.staysByPerson.get(id), date), [data, date]);
  const candidates = useMemo(() => (data ? personsOfSubject(data, subject).filter(placedOn) : []), [data, subject, placedOn]);
  const [selected, setSelected] = useMemberSelection(candidates);
  const currentBeds = useMemo(
    () => (data ? selected.map((id) => currentStay(data.staysByPerson.get(id), date)?.bedId).filter((b): b is Id => !!b) : []),
    [data, selected, date],
  );
  const onAssignments = useCallback((a: BedAssignment[] | null) => setAssignments(a), []);

  const dateError = !isIsoDate(date) ? t('validation.date') : null;
  const subjectError = submitted && selected.length === 0 ? t('move.nobodyPlaced') : undefined;

  const submit = async () => {
    setSubmitted(true);
    if (dateError || !assignments || selected.length === 0) return;
    const res = await runner.run(
      () => move(db, { date, assignments, reason: reason.trim() || null, overrideReason: overrideReason.trim() || null }),
      t('move.done', { count: assignments.length }),
    );
    if (res) {
      onDone?.();
      onClose();
    }
  };

  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth aria-labelledby="move-title">
      <DialogTitle id="move-title">{t('move.title')}</DialogTitle>
      <DialogContent>
        {data ? (
          <Box sx={{ pt: 1 }}>
            <SubjectPicker data={data} value={subject} onChange={setSubject} filterPerson={placedOn} autoFocus error={subjectError} label={t('move.who')} />
            <MemberChecklist data={data} candidates={candidates} selected={selected} onChange={setSelected} />
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ my: 2 }}>
              <DateField
                label={t('fields.moveDate')}
                value={date}
                onChange={(day) => setDate(day ?? '')}
                required
                error={!!dateError}
                helperText={dateError ?? t('move.dateHelp')}
              />
              <TextField label={t('fields.moveReason')} value={reason} onChange={(e) => setReason(e.target.value)} fullWidth />
            </Stack>
            {selected.length > 0 && !dateError ? (
              <PlacementChooser
                data={data}
                db={db}
                personIds={selected}
                from={date}
                to={null}
                initialBedId={initialBedId ?? null}
                excludeBedIds={currentBeds}
                onChange={onAssignments}
              />
            ) : null}
            <ViolationAlert messages={runner.errors} />
            <OverrideReasonField violations={runner.violations} value={overrideReason} onChange={setOverrideReason} />
          </Box>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('actions.cancel')}</Button>
        <Button variant="contained" disabled={runner.busy || !assignments} onClick={() => void submit()}>
          {overrideReason.trim() ? t('override.confirm') : t('move.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
