// Korrektur einer Belegung: new move-in / move-out day and a required
// reason (audited, stored on the stay). Linked stays of a move follow.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../../shared/domain/dates';
import type { Id } from '../../../../shared/domain/model';
import { getDb, type QuartierDb } from '../../../db/db';
import { formatDate } from '../../../i18n/format';
import { correctStay } from '../stayCommands';
import { useCachedPlacementData } from '../placementData';
import { FormDateField } from '../../../components/FormDateField';
import { OverrideReasonField } from '../components/OverrideReasonField';
import { bedText } from '../components/pickers';
import { useCommandRunner } from '../components/useCommandRunner';
import { ViolationAlert } from '../components/ViolationAlert';

const schema = z
  .object({
    from: z.string().refine(isIsoDate, { message: 'validation.date' }),
    to: z.union([z.literal(''), z.string().refine(isIsoDate, { message: 'validation.date' })]),
    reason: z.string().trim().min(1, { message: 'validation.reasonRequired' }).max(1000, { message: 'validation.tooLong' }),
  })
  .refine((v) => v.to === '' || !isIsoDate(v.from) || v.to > v.from, { message: 'validation.toAfterFrom', path: ['to'] });
type Form = z.input<typeof schema>;

export interface CorrectStayDialogProps {
  open: boolean;
  onClose: () => void;
  stayId: Id;
  onDone?: () => void;
  db?: QuartierDb;
}

export function CorrectStayDialog(props: CorrectStayDialogProps) {
  const data = useCachedPlacementData(props.db ?? getDb());
  const stay = data?.stays.find((s) => s.id === props.stayId);
  if (!props.open || !data || !stay) return null;
  return <CorrectStayForm {...props} initialFrom={stay.from} initialTo={stay.to ?? ''} />;
}

function CorrectStayForm({
  open,
  onClose,
  stayId,
  onDone,
  db = getDb(),
  initialFrom,
  initialTo,
}: CorrectStayDialogProps & { initialFrom: string; initialTo: string }) {
  const { t } = useTranslation('operations');
  const data = useCachedPlacementData(db);
  const runner = useCommandRunner();
  const [overrideReason, setOverrideReason] = useState('');
  const form = useForm<Form>({ resolver: zodResolver(schema), defaultValues: { from: initialFrom, to: initialTo, reason: '' } });
  const errors = form.formState.errors;
  const stay = data?.stays.find((s) => s.id === stayId);
  const person = stay ? data?.personById.get(stay.personId) : undefined;

  const submit = form.handleSubmit(async (v) => {
    const res = await runner.run(
      () => correctStay(db, { stayId, from: v.from, to: v.to === '' ? null : v.to, reason: v.reason, overrideReason: overrideReason.trim() || null }),
      t('correct.done'),
    );
    if (res) {
      onDone?.();
      onClose();
    }
  });

  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="correct-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="correct-title">{t('correct.title')}</DialogTitle>
        <DialogContent>
          {stay && data ? (
            <Typography color="text.secondary" sx={{ mb: 2 }}>
              {t('correct.stayLine', {
                name: person ? `${person.givenName} ${person.familyName}` : '?',
                place: bedText(data, stay.bedId, t),
                from: formatDate(stay.from),
                to: stay.to ? formatDate(stay.to) : t('checkIn.openEnd'),
              })}
            </Typography>
          ) : null}
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <FormDateField control={form.control} name="from" label={t('fields.moveInDate')} autoFocus required error={!!errors.from} helperText={errors.from?.message ? t(errors.from.message) : undefined} />
              <FormDateField control={form.control} name="to" label={t('fields.moveOutDate')} error={!!errors.to} helperText={errors.to?.message ? t(errors.to.message) : t('correct.toHelp')} />
            </Stack>
            <TextField
              {...form.register('reason')}
              label={t('fields.correctionReason')}
              required
              multiline
              minRows={2}
              error={!!errors.reason}
              helperText={errors.reason?.message ? t(errors.reason.message) : t('correct.reasonHelp')}
            />
          </Stack>
          <ViolationAlert messages={runner.errors} />
          <OverrideReasonField violations={runner.violations} value={overrideReason} onChange={setOverrideReason} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={runner.busy}>
            {t('correct.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
