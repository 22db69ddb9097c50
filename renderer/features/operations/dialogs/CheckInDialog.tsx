// Einzug wizard. 1: who (person or household, or create one inline);
// 2: when and where (suggested places with their explanation, or beds by
// hand); 3: check the summary and confirm. A refusal shows the broken rule;
// a room-restriction refusal offers "Trotzdem belegen – Begründung".
import { useCallback, useMemo, useState } from 'react';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  Stack,
  Step,
  StepLabel,
  Stepper,
  Typography,
} from '@mui/material';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import GroupAddIcon from '@mui/icons-material/GroupAdd';
import { useTranslation } from 'react-i18next';
import { isIsoDate, isoDateOf } from '../../../../shared/domain/dates';
import type { Id } from '../../../../shared/domain/model';
import type { BedAssignment } from '../../../../shared/occupancy/planners/stays';
import { getDb, type QuartierDb } from '../../../db/db';
import { formatDate } from '../../../i18n/format';
import { checkIn } from '../stayCommands';
import { currentStay, useCachedPlacementData } from '../placementData';
import { DateField } from '../../../components/DateField';
import { MemberChecklist } from '../components/MemberChecklist';
import { useMemberSelection } from '../components/useMemberSelection';
import { OverrideReasonField, overridable } from '../components/OverrideReasonField';
import { bedText, personsOfSubject, SubjectPicker, type Subject } from '../components/pickers';
import { PlacementChooser } from '../components/PlacementChooser';
import { useCommandRunner } from '../components/useCommandRunner';
import { ViolationAlert } from '../components/ViolationAlert';
import { violationText } from '../components/violationText';
import { HouseholdFormDialog } from './HouseholdFormDialog';
import { PersonFormDialog } from './PersonFormDialog';

export interface CheckInDialogProps {
  open: boolean;
  onClose: () => void;
  /** Pre-select this bed (manual placement for the first person). */
  initialBedId?: Id | null;
  initialPersonId?: Id | null;
  initialHouseholdId?: Id | null;
  /** Move-in day; default today. */
  initialFrom?: string;
  /** Called after a successful check-in. */
  onDone?: () => void;
  /** Database (tests); default the app database. */
  db?: QuartierDb;
}

const STEPS = ['who', 'where', 'confirm'] as const;

export function CheckInDialog(props: CheckInDialogProps) {
  // Remount on every open so each run starts clean.
  return props.open ? <CheckInWizard {...props} /> : null;
}

function CheckInWizard({ open, onClose, initialBedId, initialPersonId, initialHouseholdId, initialFrom, onDone, db = getDb() }: CheckInDialogProps) {
  const { t } = useTranslation('operations');
  const data = useCachedPlacementData(db);
  const runner = useCommandRunner();
  const today = isoDateOf(new Date());
  const [step, setStep] = useState(0);
  const [subject, setSubject] = useState<Subject | null>(
    initialHouseholdId ? { kind: 'household', id: initialHouseholdId } : initialPersonId ? { kind: 'person', id: initialPersonId } : null,
  );
  const [from, setFrom] = useState(initialFrom ?? today);
  const [to, setTo] = useState('');
  const [assignments, setAssignments] = useState<BedAssignment[] | null>(null);
  const [overrideReason, setOverrideReason] = useState('');
  const [create, setCreate] = useState<'person' | 'household' | null>(null);

  const candidates = useMemo(() => (data ? personsOfSubject(data, subject) : []), [data, subject]);
  const [selected, setSelected] = useMemberSelection(candidates);
  const personIds = selected;

  const dateError = !isIsoDate(from) ? t('validation.date') : to !== '' && (!isIsoDate(to) || to <= from) ? t('validation.toAfterFrom') : null;
  // People already living somewhere on the move-in day: tell before the rules refuse.
  const alreadyPlaced = data ? personIds.filter((id) => currentStay(data.staysByPerson.get(id), from)) : [];

  const onAssignments = useCallback((a: BedAssignment[] | null) => setAssignments(a), []);

  const canNext = step === 0 ? personIds.length > 0 : step === 1 ? !dateError && assignments !== null : false;

  const confirm = async () => {
    if (!assignments) return;
    const res = await runner.run(
      () => checkIn(db, { assignments, from, to: to === '' ? null : to, overrideReason: overrideReason.trim() || null }),
      t('checkIn.done', { count: assignments.length }),
    );
    if (res) {
      onDone?.();
      onClose();
    }
  };

  const stepTitle = (s: (typeof STEPS)[number]) => t(`checkIn.steps.${s}`);

  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth aria-labelledby="checkin-title">
      <DialogTitle id="checkin-title">{t('checkIn.title')}</DialogTitle>
      <DialogContent>
        <Stepper activeStep={step} sx={{ mb: 3 }} alternativeLabel>
          {STEPS.map((s) => (
            <Step key={s}>
              <StepLabel>{stepTitle(s)}</StepLabel>
            </Step>
          ))}
        </Stepper>
        {!data ? (
          <Typography>{t('loading')}</Typography>
        ) : step === 0 ? (
          <Box>
            <SubjectPicker data={data} value={subject} onChange={setSubject} autoFocus />
            <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
              <Button size="small" startIcon={<PersonAddIcon />} onClick={() => setCreate('person')}>
                {t('checkIn.createPerson')}
              </Button>
              <Button size="small" startIcon={<GroupAddIcon />} onClick={() => setCreate('household')}>
                {t('checkIn.createHousehold')}
              </Button>
            </Stack>
            <MemberChecklist data={data} candidates={candidates} selected={selected} onChange={setSelected} />
          </Box>
        ) : step === 1 ? (
          <Box>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
              <DateField
                label={t('fields.moveInDate')}
                value={from}
                onChange={(day) => setFrom(day ?? '')}
                required
                error={!isIsoDate(from)}
                helperText={!isIsoDate(from) ? t('validation.date') : t('checkIn.fromHelp')}
                autoFocus
              />
              <DateField
                label={t('fields.plannedTo')}
                value={to}
                onChange={(day) => setTo(day ?? '')}
                error={dateError !== null && isIsoDate(from)}
                helperText={dateError !== null && isIsoDate(from) ? dateError : t('checkIn.toHelp')}
              />
            </Stack>
            {alreadyPlaced.length > 0 ? (
              <ViolationAlert
                messages={alreadyPlaced.map((id) => {
                  const p = data.personById.get(id);
                  const s = currentStay(data.staysByPerson.get(id), from)!;
                  return t('checkIn.alreadyPlaced', { name: p ? `${p.givenName} ${p.familyName}` : '?', place: bedText(data, s.bedId, t) });
                })}
              />
            ) : null}
            {!dateError ? (
              <PlacementChooser
                data={data}
                db={db}
                personIds={personIds}
                from={from}
                to={to === '' ? null : to}
                initialBedId={initialBedId ?? null}
                onChange={onAssignments}
              />
            ) : null}
          </Box>
        ) : (
          <Box>
            <Typography>{t('checkIn.summary', { from: formatDate(from), to: to ? formatDate(to) : t('checkIn.openEnd') })}</Typography>
            <List dense aria-label={t('checkIn.summaryList')}>
              {(assignments ?? []).map((a) => {
                const p = data.personById.get(a.personId);
                return (
                  <ListItem key={a.personId} disableGutters>
                    <ListItemText primary={p ? `${p.givenName} ${p.familyName}` : '?'} secondary={bedText(data, a.bedId, t)} />
                  </ListItem>
                );
              })}
            </List>
            <ViolationAlert messages={runner.errors} />
            <OverrideReasonField violations={runner.violations} value={overrideReason} onChange={setOverrideReason} />
          </Box>
        )}
        {step === 2 && runner.violations.length > 0 && overridable(runner.violations) ? (
          <Typography variant="body2" sx={{ mt: 1 }} color="text.secondary">
            {t('override.hint', { rule: violationText(t, runner.violations[0]!) })}
          </Typography>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('actions.cancel')}</Button>
        {step > 0 ? (
          <Button
            onClick={() => {
              runner.reset();
              setStep(step - 1);
            }}
          >
            {t('actions.back')}
          </Button>
        ) : null}
        {step < 2 ? (
          <Button variant="contained" disabled={!canNext} onClick={() => setStep(step + 1)}>
            {t('actions.next')}
          </Button>
        ) : (
          <Button variant="contained" disabled={runner.busy || !assignments} onClick={() => void confirm()}>
            {overrideReason.trim() ? t('override.confirm') : t('checkIn.confirm')}
          </Button>
        )}
      </DialogActions>
      <PersonFormDialog
        open={create === 'person'}
        onClose={() => setCreate(null)}
        db={db}
        onSaved={(id) => setSubject({ kind: 'person', id })}
      />
      <HouseholdFormDialog
        open={create === 'household'}
        onClose={() => setCreate(null)}
        db={db}
        onSaved={(id) => setSubject({ kind: 'household', id })}
      />
    </Dialog>
  );
}
