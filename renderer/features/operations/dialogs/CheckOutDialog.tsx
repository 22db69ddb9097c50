// Auszug: who, move-out day (the first day not lived there), departure
// reason from the fixed list, note. Validated with react-hook-form + zod; a
// refusal by the rules (e.g. a day before the move-in) shows the rule text.
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { isIsoDate, isoDateOf } from '../../../../shared/domain/dates';
import type { Id } from '../../../../shared/domain/model';
import { DEPARTURE_REASONS } from '../../../../shared/occupancy/planners/stays';
import { getDb, type QuartierDb } from '../../../db/db';
import { checkOut } from '../stayCommands';
import { useCachedPlacementData } from '../placementData';
import { FormDateField } from '../../../components/FormDateField';
import { MemberChecklist } from '../components/MemberChecklist';
import { useMemberSelection } from '../components/useMemberSelection';
import { personsOfSubject, SubjectPicker, type Subject } from '../components/pickers';
import { useCommandRunner } from '../components/useCommandRunner';
import { ViolationAlert } from '../components/ViolationAlert';

const schema = z.object({
  date: z.string().refine(isIsoDate, { message: 'validation.date' }),
  // '' until chosen; one of the fixed departure reasons (DOMAIN.md) afterwards.
  departureReason: z.string().refine((v) => (DEPARTURE_REASONS as readonly string[]).includes(v), { message: 'validation.departureReason' }),
  note: z.string().max(1000, { message: 'validation.tooLong' }),
});
type Form = z.input<typeof schema>;

export interface CheckOutDialogProps {
  open: boolean;
  onClose: () => void;
  initialPersonId?: Id | null;
  initialHouseholdId?: Id | null;
  onDone?: () => void;
  db?: QuartierDb;
}

export function CheckOutDialog(props: CheckOutDialogProps) {
  return props.open ? <CheckOutForm {...props} /> : null;
}

function CheckOutForm({ open, onClose, initialPersonId, initialHouseholdId, onDone, db = getDb() }: CheckOutDialogProps) {
  const { t } = useTranslation('operations');
  const data = useCachedPlacementData(db);
  const runner = useCommandRunner();
  const [subject, setSubject] = useState<Subject | null>(
    initialHouseholdId ? { kind: 'household', id: initialHouseholdId } : initialPersonId ? { kind: 'person', id: initialPersonId } : null,
  );
  const [subjectError, setSubjectError] = useState<string | undefined>();
  const form = useForm<Form>({ resolver: zodResolver(schema), defaultValues: { date: isoDateOf(new Date()), departureReason: '', note: '' } });
  const errors = form.formState.errors;

  // Only persons with an active or planned stay can move out.
  const hasStay = useMemo(() => (id: Id) => !!data?.staysByPerson.get(id)?.some((s) => s.to === null || s.to > isoDateOf(new Date())), [data]);
  const candidates = useMemo(() => (data ? personsOfSubject(data, subject).filter(hasStay) : []), [data, subject, hasStay]);
  const [selected, setSelected] = useMemberSelection(candidates);

  const submit = form.handleSubmit(async (v) => {
    if (selected.length === 0) {
      setSubjectError(t('checkOut.nobody'));
      return;
    }
    setSubjectError(undefined);
    const res = await runner.run(
      () =>
        checkOut(db, {
          personIds: selected,
          date: v.date,
          departureReason: v.departureReason as (typeof DEPARTURE_REASONS)[number],
          note: v.note.trim() || null,
        }),
      t('checkOut.done', { count: selected.length }),
    );
    if (res) {
      onDone?.();
      onClose();
    }
  });

  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="checkout-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="checkout-title">{t('checkOut.title')}</DialogTitle>
        <DialogContent>
          {data ? (
            <Box sx={{ pt: 1 }}>
              <SubjectPicker data={data} value={subject} onChange={setSubject} filterPerson={hasStay} autoFocus error={subjectError} label={t('checkOut.who')} />
              <MemberChecklist data={data} candidates={candidates} selected={selected} onChange={setSelected} />
              <Stack spacing={2} sx={{ mt: 2 }}>
                <FormDateField
                  control={form.control}
                  name="date"
                  label={t('fields.moveOutDate')}
                  required
                  error={!!errors.date}
                  helperText={errors.date?.message ? t(errors.date.message) : t('checkOut.dateHelp')}
                />
                <Controller
                  control={form.control}
                  name="departureReason"
                  render={({ field }) => (
                    <TextField
                      select
                      required
                      label={t('fields.departureReason')}
                      {...field}
                      error={!!errors.departureReason}
                      helperText={errors.departureReason?.message ? t(errors.departureReason.message) : undefined}
                    >
                      {DEPARTURE_REASONS.map((r) => (
                        <MenuItem key={r} value={r}>
                          {t(`departureReasons.${r}`)}
                        </MenuItem>
                      ))}
                    </TextField>
                  )}
                />
                <TextField {...form.register('note')} label={t('fields.note')} multiline minRows={2} />
              </Stack>
              <ViolationAlert messages={runner.errors} />
            </Box>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={runner.busy}>
            {t('checkOut.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
