// "Struktur anlegen": creates a unit (or uses an existing one) with a run of
// rooms and the same number of places in each. Two steps: the form, then a
// preview of exactly what will be created; only "Anlegen" writes, in one
// operation (all records or none).
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useLiveQuery } from 'dexie-react-hooks';
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
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Accommodation, Unit } from '../../../shared/domain/model';
import type { QuartierDb } from '../../db/db';
import { runOperation } from '../../db/repository';
import { newId, resolveWriteContext } from '../../features/operations/commandContext';
import { formatArea } from '../../i18n/format';
import { notify } from '../../state/ui';
import { EMPTY_STRUCTURE_FORM, planStructure, structureFormSchema, type StructureFormValues, type StructureInput, type StructurePlan } from './structurePlan';

export interface StructureDialogProps {
  open: boolean;
  onClose: () => void;
  db: QuartierDb;
  accommodation: Accommodation;
  units: readonly Unit[];
}

/** "1, 2, 3" for short runs, "1 … 20" for long ones. */
function roomRange(plan: StructurePlan): string {
  const n = plan.rooms.map((r) => r.number);
  return n.length <= 6 ? n.join(', ') : `${n[0] ?? ''} … ${n[n.length - 1] ?? ''}`;
}

/** Mounted only while open, so every opening starts from a fresh form. */
export function StructureDialog(props: StructureDialogProps) {
  return props.open ? <StructureDialogBody {...props} /> : null;
}

function StructureDialogBody({ open, onClose, db, accommodation, units }: StructureDialogProps) {
  const { t } = useTranslation('accommodations');
  const [plan, setPlan] = useState<StructurePlan | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const existingRooms = useLiveQuery(() => db.rooms.where('accommodationId').equals(accommodation.id).toArray(), [db, accommodation.id]);
  const { control, handleSubmit } = useForm<StructureFormValues, unknown, StructureInput>({
    resolver: zodResolver(structureFormSchema),
    defaultValues: EMPTY_STRUCTURE_FORM,
  });
  const unitMode = useWatch({ control, name: 'unitMode' });

  const preview = handleSubmit((values) => {
    setPlan(planStructure(accommodation.id, values, existingRooms ?? [], newId));
  });

  const create = async () => {
    if (!plan || plan.duplicates.length > 0) return;
    setSaving(true);
    setSaveError(null);
    try {
      const ctx = await resolveWriteContext(db);
      await runOperation(db, ctx, 'accommodation.createStructure', async (w) => {
        if (plan.unit) await w.put('units', plan.unit);
        for (const room of plan.rooms) await w.put('rooms', room);
        for (const bed of plan.beds) await w.put('beds', bed);
      });
      notify(t('structure.created', { rooms: plan.rooms.length, places: plan.beds.length }));
      onClose();
    } catch (e) {
      console.error(e);
      setSaveError(t('dialog.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  const field = (name: keyof StructureFormValues, opts: { sm?: number; select?: [string, string][]; disabled?: boolean } = {}) => (
    <Grid size={{ xs: 12, sm: opts.sm ?? 4 }}>
      <Controller
        name={name}
        control={control}
        render={({ field: f, fieldState }) => (
          <TextField
            {...f}
            value={f.value}
            fullWidth
            size="small"
            select={!!opts.select}
            disabled={opts.disabled}
            label={t(`structure.field.${name}`)}
            error={!!fieldState.error}
            helperText={fieldState.error?.message ? t(fieldState.error.message) : undefined}
          >
            {opts.select?.map(([value, label]) => (
              <MenuItem key={value} value={value}>
                {label}
              </MenuItem>
            ))}
          </TextField>
        )}
      />
    </Grid>
  );
  const check = (name: 'barrierFree' | 'reserve') => (
    <Grid size={{ xs: 12, sm: 4 }}>
      <Controller
        name={name}
        control={control}
        render={({ field: f }) => (
          <FormControlLabel control={<Checkbox checked={f.value} onChange={(e) => f.onChange(e.target.checked)} />} label={t(`structure.field.${name}`)} />
        )}
      />
    </Grid>
  );

  const activeUnits = units.filter((u) => !u.deleted);

  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth aria-labelledby="structure-dialog-title">
      <DialogTitle id="structure-dialog-title">{t('structure.title', { name: accommodation.name })}</DialogTitle>
      <DialogContent dividers>
        {!plan && (
          <form
            id="structure-form"
            noValidate
            onSubmit={(e) => void preview(e)}
          >
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {t('structure.intro')}
            </Typography>
            <Grid container spacing={2}>
              {field('unitMode', {
                select: [
                  ['new', t('structure.unitMode.new')],
                  ['existing', t('structure.unitMode.existing')],
                ],
              })}
              {unitMode === 'new' ? (
                <>
                  {field('unitName')}
                  {field('unitKind', {
                    select: [
                      ['building', t('structure.unitKind.building')],
                      ['flat', t('structure.unitKind.flat')],
                    ],
                  })}
                </>
              ) : (
                field('unitId', { sm: 8, select: activeUnits.map((u) => [u.id, u.name]), disabled: activeUnits.length === 0 })
              )}
              {field('roomPrefix')}
              {field('roomFrom')}
              {field('roomTo')}
              {field('placesPerRoom')}
              {field('areaM2')}
              {field('floor')}
              {field('restriction', {
                select: (['none', 'women', 'men', 'family'] as const).map((r) => [r, t(`structure.restriction.${r}`)]),
              })}
              {check('barrierFree')}
              {check('reserve')}
            </Grid>
          </form>
        )}
        {plan && (
          <>
            <Typography variant="h6" component="p" data-testid="structure-summary" sx={{ mb: 1 }}>
              {t('structure.summary', { rooms: plan.rooms.length, places: plan.beds.length })}
            </Typography>
            <List dense>
              <ListItem>
                <ListItemText
                  primary={plan.unit ? t('structure.previewNewUnit', { name: plan.unit.name }) : t('structure.previewExistingUnit', { name: units.find((u) => u.id === plan.unitId)?.name ?? '' })}
                />
              </ListItem>
              <ListItem>
                <ListItemText
                  primary={t('structure.previewRooms', { range: roomRange(plan) })}
                  secondary={t('structure.previewRoomDetails', {
                    places: plan.beds.length / Math.max(1, plan.rooms.length),
                    area: formatArea(plan.rooms[0]?.areaM2 ?? null),
                  })}
                />
              </ListItem>
            </List>
            {plan.duplicates.length > 0 && (
              <Alert severity="error" role="alert">
                {t('structure.duplicates', { numbers: plan.duplicates.join(', ') })}
              </Alert>
            )}
            {saveError && (
              <Alert severity="error" sx={{ mt: 1 }}>
                {saveError}
              </Alert>
            )}
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('dialog.cancel')}</Button>
        {!plan && (
          <Button type="submit" form="structure-form" variant="contained">
            {t('structure.preview')}
          </Button>
        )}
        {plan && (
          <>
            <Button onClick={() => setPlan(null)}>
              {t('structure.back')}
            </Button>
            <Button variant="contained" onClick={() => void create()} disabled={saving || plan.duplicates.length > 0}>
              {t('structure.create')}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
