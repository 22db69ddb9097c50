// Neue Person / Person bearbeiten. Validates with the same schema as the
// command; vulnerability flags only for roles with 'vulnerability:read'.
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { isoDateOf } from '../../../../shared/domain/dates';
import type { Id, Person } from '../../../../shared/domain/model';
import { getDb, type QuartierDb } from '../../../db/db';
import { createPerson, updatePerson } from '../personCommands';
import { emptyPersonInput, personInputSchema, personToInput, type PersonInput, type PersonValues } from '../personSchema';
import { usePermission } from '../../../auth/session';
import { useCommandRunner } from '../components/useCommandRunner';
import { ViolationAlert } from '../components/ViolationAlert';
import { PersonFields } from '../components/PersonFields';

export interface PersonFormDialogProps {
  open: boolean;
  onClose: () => void;
  /** Edit this person; omit to create a new one. */
  person?: Person;
  /** New person joins this household. */
  householdId?: Id | null;
  /** Called with the id after saving. */
  /** Database (tests); default the app database. */
  db?: QuartierDb;
  onSaved?: (personId: Id) => void;
}

export function PersonFormDialog({ open, onClose, person, householdId, onSaved, db = getDb() }: PersonFormDialogProps) {
  const { t } = useTranslation('operations');
  const showVulnerabilities = usePermission('vulnerability:read');
  const readsSensitiveNotes = usePermission('sensitiveNotes:read');
  const notesHidden = person?.notesSensitive === true && !readsSensitiveNotes;
  const runner = useCommandRunner();
  const form = useForm<PersonInput, unknown, PersonValues>({
    resolver: zodResolver(personInputSchema),
    defaultValues: person ? personToInput(person, readsSensitiveNotes) : emptyPersonInput(isoDateOf(new Date())),
  });
  const { reset } = form;
  const resetRunner = runner.reset;

  useEffect(() => {
    if (open) {
      reset(person ? personToInput(person, readsSensitiveNotes) : emptyPersonInput(isoDateOf(new Date())));
      resetRunner();
    }
  }, [open, person, readsSensitiveNotes, reset, resetRunner]);

  const submit = form.handleSubmit(async (_values, event) => {
    event?.preventDefault();
    const raw = form.getValues();
    if (person) {
      const ok = await runner.run(() => updatePerson(db, person.id, raw), t('person.updated'));
      if (ok) {
        onSaved?.(person.id);
        onClose();
      }
    } else {
      const res = await runner.run(() => createPerson(db, { ...raw, householdId: householdId ?? null }), t('person.created'));
      if (res) {
        onSaved?.(res.personId);
        onClose();
      }
    }
  });

  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth aria-labelledby="person-form-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="person-form-title">{person ? t('person.editTitle') : t('person.newTitle')}</DialogTitle>
        <DialogContent>
          <PersonFields form={form} showVulnerabilities={showVulnerabilities} notesHidden={notesHidden} autoFocus />
          <Controller
            control={form.control}
            name="feePayer"
            render={({ field }) => (
              <FormControlLabel
                control={<Checkbox checked={field.value} onChange={(e) => field.onChange(e.target.checked)} />}
                label={t('fields.feePayer')}
              />
            )}
          />
          <Controller
            control={form.control}
            name="benefitsRefused"
            render={({ field }) => (
              <FormControlLabel
                control={<Checkbox checked={field.value === true} onChange={(e) => field.onChange(e.target.checked)} />}
                label={t('retention:person.benefitsRefused')}
              />
            )}
          />
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
