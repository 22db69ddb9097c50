// Create or edit an accommodation. Validation runs before anything is
// written; an invalid form shows German messages at the fields and the
// database stays untouched.
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { Accommodation, Id, IsoDate, Municipality } from '../../../shared/domain/model';
import { FormDateField } from '../../components/FormDateField';
import type { QuartierDb } from '../../db/db';
import { runOperation } from '../../db/repository';
import { planSaveAccommodation } from '../../../shared/occupancy/planners/accommodation';
import { applyPlan } from '../../features/operations/applyPlan';
import { ViolationAlert } from '../../features/operations/components/ViolationAlert';
import { describeCommandError } from '../../features/operations/components/violationText';
import { newId, resolveWriteContext } from '../../features/operations/commandContext';
import { notify } from '../../state/ui';
import {
  accommodationFormSchema,
  accommodationInputFromForm,
  emptyAccommodationForm,
  formFromAccommodation,
  type AccommodationFormValues,
} from './accommodationForm';

export interface AccommodationDialogProps {
  open: boolean;
  onClose: () => void;
  /** Called with the id after a successful save. */
  onSaved?: (id: Id) => void;
  db: QuartierDb;
  municipalities: readonly Municipality[];
  /** The record to edit; omitted = create a new one. */
  accommodation?: Accommodation | undefined;
  today: IsoDate;
}

/** Mounted only while open, so every opening starts from a fresh form. */
export function AccommodationDialog(props: AccommodationDialogProps) {
  return props.open ? <AccommodationDialogBody {...props} /> : null;
}

function AccommodationDialogBody({ open, onClose, onSaved, db, municipalities, accommodation, today }: AccommodationDialogProps) {
  const { t } = useTranslation('accommodations');
  const { t: tRules } = useTranslation('rules');
  const [saveErrors, setSaveErrors] = useState<string[]>([]);
  const { control, handleSubmit, formState } = useForm<AccommodationFormValues, unknown, z.output<typeof accommodationFormSchema>>({
    resolver: zodResolver(accommodationFormSchema),
    defaultValues: accommodation ? formFromAccommodation(accommodation) : emptyAccommodationForm(today),
    mode: 'onSubmit',
  });

  const submit = handleSubmit(async (values) => {
    setSaveErrors([]);
    try {
      const ctx = await resolveWriteContext(db);
      const input = accommodationInputFromForm(values);
      let savedId = accommodation?.id ?? '';
      await runOperation(db, ctx, accommodation ? 'accommodation.update' : 'accommodation.create', async (w) => {
        // The planner checks that no stay falls outside a changed opening period.
        const current = accommodation ? ((await w.get('accommodations', accommodation.id)) ?? null) : null;
        const stays = current ? await w.query('stays').where('accommodationId').equals(current.id).toArray() : [];
        const personIds = [...new Set(stays.map((s) => s.personId))];
        const persons = (await w.query('persons').bulkGet(personIds)).filter((p) => p !== undefined);
        const plan = planSaveAccommodation(input, current, { stays, persons }, { newId, now: w.now });
        await applyPlan(w, plan);
        savedId = plan.writes.accommodations?.[0]?.id ?? savedId;
      });
      notify(t(accommodation ? 'dialog.updated' : 'dialog.created', { name: values.name }));
      onSaved?.(savedId);
      onClose();
    } catch (e) {
      setSaveErrors(describeCommandError(tRules, e).messages);
    }
  });

  const err = (msg: string | undefined) => (msg ? t(msg) : undefined);
  const sortedMunicipalities = [...municipalities].filter((m) => !m.deleted).sort((a, b) => a.name.localeCompare(b.name, 'de'));

  const date = (name: 'openedOn' | 'closedOn' | 'leaseStart' | 'leaseEnd', opts: { required?: boolean } = {}) => (
    <Grid size={{ xs: 12, sm: 3 }}>
      <FormDateField
        control={control}
        name={name}
        size="small"
        label={t(`field.${name}`)}
        required={opts.required}
        error={!!formState.errors[name]}
        helperText={err(formState.errors[name]?.message)}
      />
    </Grid>
  );

  const text = (name: keyof AccommodationFormValues, opts: { required?: boolean; multiline?: boolean; xs?: number; sm?: number } = {}) => (
    <Grid size={{ xs: opts.xs ?? 12, sm: opts.sm ?? 6 }}>
      <Controller
        name={name}
        control={control}
        render={({ field, fieldState }) => (
          <TextField
            {...field}
            value={field.value}
            fullWidth
            size="small"
            label={t(`field.${name}`)}
            required={opts.required}
            multiline={opts.multiline}
            minRows={opts.multiline ? 2 : undefined}
            error={!!fieldState.error}
            helperText={err(fieldState.error?.message)}
          />
        )}
      />
    </Grid>
  );

  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth aria-labelledby="accommodation-dialog-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="accommodation-dialog-title">{t(accommodation ? 'dialog.editTitle' : 'dialog.createTitle')}</DialogTitle>
        <DialogContent dividers>
          {formState.submitCount > 0 && !formState.isValid && (
            <Alert severity="error" sx={{ mb: 2 }} role="alert">
              {t('validation.summary')}
            </Alert>
          )}
          <Grid container spacing={2}>
            {text('name', { required: true, sm: 8 })}
            <Grid size={{ xs: 12, sm: 4 }}>
              <Controller
                name="kind"
                control={control}
                render={({ field }) => (
                  <TextField {...field} select fullWidth size="small" label={t('field.kind')}>
                    <MenuItem value="gu">{t('kind.gu')}</MenuItem>
                    <MenuItem value="flat">{t('kind.flat')}</MenuItem>
                  </TextField>
                )}
              />
            </Grid>
            {text('street', { required: true })}
            {text('zip', { required: true, sm: 2 })}
            {text('city', { required: true, sm: 4 })}
            <Grid size={{ xs: 12, sm: 6 }}>
              <Controller
                name="municipalityId"
                control={control}
                render={({ field, fieldState }) => (
                  <TextField
                    {...field}
                    select
                    required
                    fullWidth
                    size="small"
                    label={t('field.municipalityId')}
                    error={!!fieldState.error}
                    helperText={err(fieldState.error?.message)}
                  >
                    {sortedMunicipalities.map((m) => (
                      <MenuItem key={m.id} value={m.id}>
                        {m.name}
                      </MenuItem>
                    ))}
                  </TextField>
                )}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <Controller
                name="status"
                control={control}
                render={({ field }) => (
                  <TextField {...field} select fullWidth size="small" label={t('field.status')}>
                    {(['planned', 'active', 'closing', 'closed'] as const).map((s) => (
                      <MenuItem key={s} value={s}>
                        {t(`status.${s}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                )}
              />
            </Grid>
            {date('openedOn', { required: true })}
            {date('closedOn')}
            {text('reservePlaces', { sm: 3 })}
            <Grid size={{ xs: 12, sm: 3 }} />
            {text('operator')}
            {text('landlord')}
            {date('leaseStart')}
            {date('leaseEnd')}
            {text('rent', { sm: 3 })}
            <Grid size={{ xs: 12, sm: 3 }}>
              <Controller
                name="rentFree"
                control={control}
                render={({ field }) => (
                  <FormControlLabel
                    control={<Checkbox checked={field.value} onChange={(e) => field.onChange(e.target.checked)} />}
                    label={t('field.rentFree')}
                  />
                )}
              />
            </Grid>
            {text('notes', { multiline: true, xs: 12, sm: 12 })}
          </Grid>
          <ViolationAlert messages={saveErrors} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('dialog.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={formState.isSubmitting}>
            {t('dialog.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
