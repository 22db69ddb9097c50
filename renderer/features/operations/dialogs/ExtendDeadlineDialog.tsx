// Frist verlängern: new end of vorläufige Unterbringung, decision day and a
// required reason. Shows the regular end; warns (does not refuse) beyond
// the normal three months, as the rules say.
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { addMonths, isIsoDate, isoDateOf } from '../../../../shared/domain/dates';
import type { Person } from '../../../../shared/domain/model';
import { computeDeadlines, NORMAL_EXTENSION_MONTHS } from '../../../../shared/occupancy/deadlines';
import { getDb, type QuartierDb } from '../../../db/db';
import { formatDate } from '../../../i18n/format';
import { extendDeadline } from '../personCommands';
import { FormDateField } from '../../../components/FormDateField';
import { useCommandRunner } from '../components/useCommandRunner';
import { ViolationAlert } from '../components/ViolationAlert';

export interface ExtendDeadlineDialogProps {
  open: boolean;
  onClose: () => void;
  person: Person;
  db?: QuartierDb;
}

export function ExtendDeadlineDialog(props: ExtendDeadlineDialogProps) {
  return props.open ? <ExtendForm {...props} /> : null;
}

function ExtendForm({ open, onClose, person, db = getDb() }: ExtendDeadlineDialogProps) {
  const { t } = useTranslation('operations');
  const runner = useCommandRunner();
  const d = computeDeadlines(person);
  const schema = z.object({
    until: z
      .string()
      .refine(isIsoDate, { message: 'validation.date' })
      .refine((v) => v > d.regularEnd, { message: 'validation.extensionAfterEnd' }),
    decidedOn: z.string().refine(isIsoDate, { message: 'validation.date' }),
    reason: z.string().trim().min(1, { message: 'validation.reasonRequired' }).max(1000, { message: 'validation.tooLong' }),
  });
  type Form = z.input<typeof schema>;
  const form = useForm<Form>({
    resolver: zodResolver(schema),
    defaultValues: { until: person.extension?.until ?? addMonths(d.regularEnd, NORMAL_EXTENSION_MONTHS), decidedOn: isoDateOf(new Date()), reason: '' },
  });
  const errors = form.formState.errors;
  const until = useWatch({ control: form.control, name: 'until' });
  const long = isIsoDate(until) && until > addMonths(d.regularEnd, NORMAL_EXTENSION_MONTHS);

  const submit = form.handleSubmit(async (v) => {
    const res = await runner.run(
      () => extendDeadline(db, { personId: person.id, until: v.until, reason: v.reason, decidedOn: v.decidedOn, regularEnd: d.regularEnd }),
      t('extend.done'),
    );
    if (res) onClose();
  });

  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="extend-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="extend-title">{t('extend.title')}</DialogTitle>
        <DialogContent>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {t('extend.regularEnd', { name: `${person.givenName} ${person.familyName}`, date: formatDate(d.regularEnd), months: d.monthsRule })}
          </Typography>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <FormDateField control={form.control} name="until" label={t('fields.extensionUntil')} autoFocus required error={!!errors.until} helperText={errors.until?.message ? t(errors.until.message, { date: formatDate(d.regularEnd) }) : undefined} />
              <FormDateField control={form.control} name="decidedOn" label={t('fields.decidedOn')} required error={!!errors.decidedOn} helperText={errors.decidedOn?.message ? t(errors.decidedOn.message) : undefined} />
            </Stack>
            <TextField {...form.register('reason')} label={t('fields.extensionReason')} required multiline minRows={2} error={!!errors.reason} helperText={errors.reason?.message ? t(errors.reason.message) : undefined} />
          </Stack>
          {long ? (
            <Alert severity="warning" sx={{ mt: 2 }}>
              {t('extend.long', { months: NORMAL_EXTENSION_MONTHS })}
            </Alert>
          ) : null}
          <ViolationAlert messages={runner.errors} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={runner.busy}>
            {t('extend.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
