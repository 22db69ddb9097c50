// Master data of one municipality: AGS, name, population with its reference
// date (30 June of the previous year), approximate flag, area and share of
// foreign residents (for a weighted key), and the address notices go to.
// Checked as the user types; the command checks again inside its transaction.
import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Grid, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  populationReferenceDate,
  validateMunicipality,
  type MunicipalityField,
  type MunicipalityInput,
} from '../../../../shared/allocation/municipality';
import type { IsoDate, Municipality } from '../../../../shared/domain/model';
import type { QuartierDb } from '../../../db/db';
import { notify } from '../../../state/ui';
import { DateField } from '../../operations/components/DateField';
import { createMunicipality, updateMunicipality } from '../commands';
import { allocationErrorMessages } from '../errorText';

export interface MunicipalityDialogProps {
  db: QuartierDb;
  /** null = create a new one. */
  municipality: Municipality | null;
  others: readonly Municipality[];
  today: IsoDate;
  onClose: () => void;
}

interface FormState {
  ags: string;
  name: string;
  population: string;
  populationDate: string;
  populationApproximate: boolean;
  areaKm2: string;
  foreignPercent: string;
  contactName: string;
  department: string;
  email: string;
  phone: string;
  street: string;
  zip: string;
  city: string;
}

function toForm(m: Municipality | null, today: IsoDate): FormState {
  const a = m?.contact?.address;
  return {
    ags: m?.ags ?? '',
    name: m?.name ?? '',
    population: m ? String(m.population) : '',
    populationDate: m?.populationDate ?? populationReferenceDate(today),
    populationApproximate: m?.populationApproximate ?? false,
    areaKm2: m?.areaKm2 != null ? String(m.areaKm2) : '',
    foreignPercent: m?.foreignShare != null ? String(Math.round(m.foreignShare * 1000) / 10) : '',
    contactName: m?.contact?.name ?? '',
    department: m?.contact?.department ?? '',
    email: m?.contact?.email ?? '',
    phone: m?.contact?.phone ?? '',
    street: a?.street ?? '',
    zip: a?.zip ?? '',
    city: a?.city ?? '',
  };
}

/** Decimal input in German or English notation ("89,4" or "89.4"); empty → null; garbage → NaN (refused). */
function parseDecimal(s: string): number | null {
  const v = s.trim();
  if (v === '') return null;
  return /^-?\d+([.,]\d+)?$/.test(v) ? Number(v.replace(',', '.')) : NaN;
}

export function formToInput(f: FormState): MunicipalityInput {
  const population = f.population.trim() === '' ? NaN : /^\d+$/.test(f.population.trim()) ? Number(f.population.trim()) : NaN;
  const foreign = parseDecimal(f.foreignPercent);
  return {
    ags: f.ags,
    name: f.name,
    population,
    populationDate: f.populationDate,
    populationApproximate: f.populationApproximate,
    areaKm2: parseDecimal(f.areaKm2),
    foreignShare: foreign === null ? null : foreign / 100,
    contact: {
      name: f.contactName,
      department: f.department,
      email: f.email,
      phone: f.phone,
      address: { street: f.street, zip: f.zip, city: f.city },
    },
  };
}

export function MunicipalityDialog({ db, municipality, others, today, onClose }: MunicipalityDialogProps) {
  const { t } = useTranslation('allocations');
  const [form, setForm] = useState<FormState>(() => toForm(municipality, today));
  const [touched, setTouched] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const input = useMemo(() => formToInput(form), [form]);
  const problems = useMemo(() => validateMunicipality(input, others.filter((m) => m.id !== municipality?.id)), [input, others, municipality]);
  const fieldError = (field: MunicipalityField): string | undefined => {
    if (!touched) return undefined;
    const p = problems.find((x) => x.field === field);
    return p ? t(`refusal.${p.code}`, { ...p.params, defaultValue: p.message }) : undefined;
  };
  const set = (key: keyof FormState) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  const save = async () => {
    setTouched(true);
    if (problems.length > 0) return;
    setBusy(true);
    setErrors([]);
    try {
      if (municipality) await updateMunicipality(db, municipality.id, input);
      else await createMunicipality(db, input);
      notify(t('municipalities.saved'));
      onClose();
    } catch (e) {
      setErrors(allocationErrorMessages(t, e));
    } finally {
      setBusy(false);
    }
  };

  const text = (key: keyof FormState, label: string, field?: MunicipalityField, extra: { required?: boolean; inputMode?: 'numeric' | 'decimal'; helper?: string } = {}) => {
    const err = field ? fieldError(field) : undefined;
    return (
      <TextField
        label={label}
        value={form[key]}
        onChange={set(key)}
        required={extra.required}
        error={!!err}
        helperText={err ?? extra.helper}
        fullWidth
        size="small"
        slotProps={extra.inputMode ? { htmlInput: { inputMode: extra.inputMode } } : undefined}
      />
    );
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="md" fullWidth aria-labelledby="municipality-dialog-title">
      <DialogTitle id="municipality-dialog-title">
        {municipality ? t('municipalities.dialogTitleEdit', { name: municipality.name }) : t('municipalities.dialogTitleCreate')}
      </DialogTitle>
      <DialogContent>
        <Grid container spacing={2} sx={{ mt: 0.5 }}>
          <Grid size={{ xs: 12, sm: 4 }}>{text('ags', t('municipalities.field.ags'), 'ags', { required: true, inputMode: 'numeric' })}</Grid>
          <Grid size={{ xs: 12, sm: 8 }}>{text('name', t('municipalities.field.name'), 'name', { required: true })}</Grid>
          <Grid size={{ xs: 12, sm: 4 }}>{text('population', t('municipalities.field.population'), 'population', { required: true, inputMode: 'numeric' })}</Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <DateField
              size="small"
              label={t('municipalities.field.populationDate')}
              value={form.populationDate}
              onChange={set('populationDate')}
              required
              error={!!fieldError('populationDate')}
              helperText={fieldError('populationDate') ?? t('municipalities.field.populationDateHelp')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <FormControlLabel
              control={<Checkbox checked={form.populationApproximate} onChange={(e) => setForm((f) => ({ ...f, populationApproximate: e.target.checked }))} />}
              label={t('municipalities.field.populationApproximate')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>{text('areaKm2', t('municipalities.field.areaKm2'), 'areaKm2', { inputMode: 'decimal' })}</Grid>
          <Grid size={{ xs: 12, sm: 6 }}>{text('foreignPercent', t('municipalities.field.foreignShare'), 'foreignShare', { inputMode: 'decimal' })}</Grid>
          <Grid size={{ xs: 12, sm: 6 }}>{text('contactName', t('municipalities.field.contactName'))}</Grid>
          <Grid size={{ xs: 12, sm: 6 }}>{text('department', t('municipalities.field.department'))}</Grid>
          <Grid size={{ xs: 12, sm: 6 }}>{text('street', t('municipalities.field.street'))}</Grid>
          <Grid size={{ xs: 4, sm: 2 }}>{text('zip', t('municipalities.field.zip'), 'zip', { inputMode: 'numeric' })}</Grid>
          <Grid size={{ xs: 8, sm: 4 }}>{text('city', t('municipalities.field.city'))}</Grid>
          <Grid size={{ xs: 12, sm: 6 }}>{text('email', t('municipalities.field.email'), 'email')}</Grid>
          <Grid size={{ xs: 12, sm: 6 }}>{text('phone', t('municipalities.field.phone'))}</Grid>
        </Grid>
        {errors.length > 0 ? (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {errors.map((m) => (
              <div key={m}>{m}</div>
            ))}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('common:actions.cancel')}
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy}>
          {t('common:actions.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
