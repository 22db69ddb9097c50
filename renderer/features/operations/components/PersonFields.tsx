// The fields of a person record, for the person dialog and the inline
// "new person" step of the check-in wizard. Errors are i18n keys from the
// schema, translated here and shown under the field.
import { Controller, type FieldPath, type UseFormReturn } from 'react-hook-form';
import {
  Box,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormLabel,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { PERMISSION_LABEL_KEY } from '../../../../shared/auth/permissions';
import { FormDateField } from '../../../components/FormDateField';
import {
  ASYLUM_DECISIONS,
  LEGAL_BASES,
  RESIDENCE_STATUSES,
  SEXES,
  VULNERABILITIES,
  type PersonInput,
  type PersonValues,
} from '../personSchema';

export interface PersonFieldsProps {
  form: UseFormReturn<PersonInput, unknown, PersonValues>;
  showVulnerabilities: boolean;
  /**
   * The stored notes are confidential and this role may not read them: no
   * notes field (the command keeps the stored notes), only a hint.
   */
  notesHidden?: boolean;
  autoFocus?: boolean;
}

export function PersonFields({ form, showVulnerabilities, notesHidden = false, autoFocus }: PersonFieldsProps) {
  const { t } = useTranslation('operations');
  const { register, control, formState } = form;
  const err = (name: FieldPath<PersonInput>) => {
    const message = (formState.errors as Record<string, { message?: string } | undefined>)[name]?.message;
    return message ? { error: true, helperText: t(message) } : {};
  };
  const text = (name: FieldPath<PersonInput>, extra: Record<string, unknown> = {}) => ({
    ...register(name),
    label: t(`fields.${name}`),
    fullWidth: true,
    ...err(name),
    ...extra,
  });
  const select = (name: 'sex' | 'legalBasis' | 'residenceStatus' | 'asylumDecision', values: readonly string[], ns: string) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <TextField select fullWidth label={t(`fields.${name}`)} {...field}>
          {values.map((v) => (
            <MenuItem key={v} value={v}>
              {t(`${ns}.${v}`)}
            </MenuItem>
          ))}
        </TextField>
      )}
    />
  );

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 2, pt: 1 }}>
      <TextField {...text('familyName', { required: true, autoFocus })} />
      <TextField {...text('givenName', { required: true })} />
      <FormDateField control={control} name="birthDate" label={t('fields.birthDate')} {...err('birthDate')} />
      {select('sex', SEXES, 'sex')}
      <TextField {...text('nationality', { required: true, placeholder: 'SYR', helperText: err('nationality').helperText ?? t('fields.nationalityHelp') })} />
      <TextField {...text('languages', { placeholder: 'ar, en', helperText: err('languages').helperText ?? t('fields.languagesHelp') })} />
      <TextField {...text('fileNumber', { required: true })} />
      <TextField {...text('azrNumber')} />
      <FormDateField control={control} name="admissionDate" label={t('fields.admissionDate')} required {...err('admissionDate')} />
      {select('legalBasis', LEGAL_BASES, 'legalBasis')}
      {select('residenceStatus', RESIDENCE_STATUSES, 'residenceStatus')}
      {select('asylumDecision', ASYLUM_DECISIONS, 'asylumDecision')}
      <Controller
        control={control}
        name="needsBarrierFree"
        render={({ field }) => (
          <FormControlLabel
            control={<Checkbox checked={field.value} onChange={(e) => field.onChange(e.target.checked)} />}
            label={t('fields.needsBarrierFree')}
          />
        )}
      />
      {showVulnerabilities ? (
        <Controller
          control={control}
          name="vulnerabilities"
          render={({ field }) => (
            <FormControl component="fieldset" sx={{ gridColumn: '1 / -1' }}>
              <FormLabel component="legend">{t('fields.vulnerabilities')}</FormLabel>
              <FormGroup row>
                {VULNERABILITIES.map((v) => (
                  <FormControlLabel
                    key={v}
                    control={
                      <Checkbox
                        checked={field.value.includes(v)}
                        onChange={(e) =>
                          field.onChange(e.target.checked ? [...field.value, v] : field.value.filter((x) => x !== v))
                        }
                      />
                    }
                    label={t(`vulnerability.${v}`)}
                  />
                ))}
              </FormGroup>
            </FormControl>
          )}
        />
      ) : null}
      {notesHidden ? (
        <Typography variant="body2" color="text.secondary" sx={{ gridColumn: '1 / -1' }}>
          {t('auth:sensitiveNotes.hidden', { permission: t(`auth:${PERMISSION_LABEL_KEY['sensitiveNotes:read']}`) })}
        </Typography>
      ) : (
        <>
          <TextField {...text('notes', { multiline: true, minRows: 2, sx: { gridColumn: '1 / -1' } })} />
          <Controller
            control={control}
            name="notesSensitive"
            render={({ field }) => (
              <FormControlLabel
                sx={{ gridColumn: '1 / -1' }}
                control={<Checkbox checked={field.value === true} onChange={(e) => field.onChange(e.target.checked)} />}
                label={t('auth:sensitiveNotes.label')}
              />
            )}
          />
        </>
      )}
    </Box>
  );
}
