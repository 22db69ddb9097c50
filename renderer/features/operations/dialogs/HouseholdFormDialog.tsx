// Neuer Haushalt: household name and file number, the data all members
// share (nationality, admission, legal basis) and one row per member.
// Everything is created in one operation.
import { useEffect } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  MenuItem,
  Radio,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import AddIcon from '@mui/icons-material/Add';
import { FormDateField } from '../../../components/FormDateField';
import { useTranslation } from 'react-i18next';
import { isIsoDate, isoDateOf } from '../../../../shared/domain/dates';
import type { Id } from '../../../../shared/domain/model';
import { getDb, type QuartierDb } from '../../../db/db';
import { createHousehold } from '../personCommands';
import { emptyPersonInput, LEGAL_BASES, RESIDENCE_STATUSES, SEXES, type PersonInput } from '../personSchema';
import { useCommandRunner } from '../components/useCommandRunner';
import { ViolationAlert } from '../components/ViolationAlert';

const memberSchema = z.object({
  familyName: z.string().trim().min(1, { message: 'validation.required' }),
  givenName: z.string().trim().min(1, { message: 'validation.required' }),
  birthDate: z.union([z.literal(''), z.string().refine(isIsoDate, { message: 'validation.date' })]),
  sex: z.enum(SEXES),
});

const householdFormSchema = z.object({
  name: z.string().trim().min(1, { message: 'validation.required' }),
  fileNumber: z.string().trim().min(1, { message: 'validation.required' }),
  nationality: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, { message: 'validation.nationality' }),
  languages: z.string(),
  admissionDate: z.string().refine(isIsoDate, { message: 'validation.date' }),
  legalBasis: z.enum(LEGAL_BASES),
  residenceStatus: z.enum(RESIDENCE_STATUSES),
  head: z.number().int().min(0),
  members: z.array(memberSchema).min(1, { message: 'validation.membersRequired' }),
});

type HouseholdForm = z.input<typeof householdFormSchema>;
type HouseholdValues = z.output<typeof householdFormSchema>;

function emptyMember(familyName = ''): HouseholdForm['members'][number] {
  return { familyName, givenName: '', birthDate: '', sex: 'f' };
}

function defaults(): HouseholdForm {
  return {
    name: '',
    fileNumber: '',
    nationality: '',
    languages: '',
    admissionDate: isoDateOf(new Date()),
    legalBasis: 'asylum',
    residenceStatus: 'gestattung',
    head: 0,
    members: [emptyMember()],
  };
}

export interface HouseholdFormDialogProps {
  open: boolean;
  onClose: () => void;
  /** Database (tests); default the app database. */
  db?: QuartierDb;
  onSaved?: (householdId: Id, personIds: Id[]) => void;
}

export function HouseholdFormDialog({ open, onClose, onSaved, db = getDb() }: HouseholdFormDialogProps) {
  const { t } = useTranslation('operations');
  const runner = useCommandRunner();
  const form = useForm<HouseholdForm, unknown, HouseholdValues>({ resolver: zodResolver(householdFormSchema), defaultValues: defaults() });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'members' });
  const { reset } = form;
  const resetRunner = runner.reset;
  const errors = form.formState.errors;

  useEffect(() => {
    if (open) {
      reset(defaults());
      resetRunner();
    }
  }, [open, reset, resetRunner]);

  const submit = form.handleSubmit(async (v) => {
    const base = emptyPersonInput(v.admissionDate);
    const members: PersonInput[] = v.members.map((m) => ({
      ...base,
      familyName: m.familyName,
      givenName: m.givenName,
      birthDate: m.birthDate,
      sex: m.sex,
      nationality: v.nationality,
      languages: v.languages,
      fileNumber: v.fileNumber,
      legalBasis: v.legalBasis,
      residenceStatus: v.residenceStatus,
    }));
    const res = await runner.run(
      () =>
        createHousehold(db, {
          name: v.name,
          fileNumber: v.fileNumber,
          newMembers: members,
          existingMemberIds: [],
          head: `new:${Math.min(v.head, members.length - 1)}`,
        }),
      t('household.created'),
    );
    if (res) {
      onSaved?.(res.householdId, res.personIds);
      onClose();
    }
  });

  const msg = (m: string | undefined) => (m ? { error: true, helperText: t(m) } : {});

  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth aria-labelledby="household-form-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="household-form-title">{t('household.newTitle')}</DialogTitle>
        <DialogContent>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 2, pt: 1 }}>
            <TextField
              {...form.register('name')}
              label={t('fields.householdName')}
              placeholder={t('household.namePlaceholder')}
              autoFocus
              required
              {...msg(errors.name?.message)}
            />
            <TextField {...form.register('fileNumber')} label={t('fields.fileNumber')} required {...msg(errors.fileNumber?.message)} />
            <TextField
              {...form.register('nationality')}
              label={t('fields.nationality')}
              placeholder="SYR"
              required
              {...msg(errors.nationality?.message)}
            />
            <TextField {...form.register('languages')} label={t('fields.languages')} placeholder="ar, en" helperText={t('fields.languagesHelp')} />
            <FormDateField control={form.control} name="admissionDate" label={t('fields.admissionDate')} {...msg(errors.admissionDate?.message)} />
            <Controller
              control={form.control}
              name="legalBasis"
              render={({ field }) => (
                <TextField select label={t('fields.legalBasis')} {...field}>
                  {LEGAL_BASES.map((v) => (
                    <MenuItem key={v} value={v}>
                      {t(`legalBasis.${v}`)}
                    </MenuItem>
                  ))}
                </TextField>
              )}
            />
          </Box>
          <Typography variant="h6" component="h3" sx={{ mt: 3, mb: 1 }}>
            {t('household.members')}
          </Typography>
          <Controller
            control={form.control}
            name="head"
            render={({ field: head }) => (
              <Box role="list" sx={{ display: 'grid', gap: 1 }}>
                {fields.map((f, i) => {
                  const e = errors.members?.[i];
                  return (
                    <Box
                      role="listitem"
                      key={f.id}
                      sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'auto 1fr 1fr 170px 130px auto' }, gap: 1, alignItems: 'start' }}
                    >
                      <Tooltip title={t('household.head')}>
                        <Radio
                          checked={head.value === i}
                          onChange={() => head.onChange(i)}
                          slotProps={{ input: { 'aria-label': t('household.headOf', { n: i + 1 }) } }}
                        />
                      </Tooltip>
                      <TextField {...form.register(`members.${i}.familyName`)} label={t('fields.familyName')} {...msg(e?.familyName?.message)} />
                      <TextField {...form.register(`members.${i}.givenName`)} label={t('fields.givenName')} {...msg(e?.givenName?.message)} />
                      <FormDateField control={form.control} name={`members.${i}.birthDate`} label={t('fields.birthDate')} {...msg(e?.birthDate?.message)} />
                      <Controller
                        control={form.control}
                        name={`members.${i}.sex`}
                        render={({ field }) => (
                          <TextField select label={t('fields.sex')} {...field}>
                            {SEXES.map((s) => (
                              <MenuItem key={s} value={s}>
                                {t(`sex.${s}`)}
                              </MenuItem>
                            ))}
                          </TextField>
                        )}
                      />
                      <IconButton
                        aria-label={t('household.removeMember', { n: i + 1 })}
                        disabled={fields.length === 1}
                        onClick={() => {
                          remove(i);
                          if (head.value >= i && head.value > 0) head.onChange(head.value - 1);
                        }}
                      >
                        <DeleteIcon />
                      </IconButton>
                    </Box>
                  );
                })}
              </Box>
            )}
          />
          <Button startIcon={<AddIcon />} sx={{ mt: 1 }} onClick={() => append(emptyMember(form.getValues('members.0.familyName')))}>
            {t('household.addMember')}
          </Button>
          <ViolationAlert messages={runner.errors} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={runner.busy}>
            {t('actions.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
