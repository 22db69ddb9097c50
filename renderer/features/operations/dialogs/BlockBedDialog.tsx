// Bettsperre: reason, from, until (empty = until further notice), note. When
// the bed already has a current or coming block, the dialog also offers to
// end it ("Sperre aufheben") on a chosen day.
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Divider, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { isIsoDate, isoDateOf } from '../../../../shared/domain/dates';
import type { BlockReason, Id } from '../../../../shared/domain/model';
import { BLOCK_REASONS } from '../../../../shared/occupancy/planners/blocks';
import { getDb, type QuartierDb } from '../../../db/db';
import { formatDate } from '../../../i18n/format';
import { blockBed, unblockBed } from '../bedBlockCommands';
import { useCachedPlacementData } from '../placementData';
import { DateField } from '../../../components/DateField';
import { FormDateField } from '../../../components/FormDateField';
import { bedText } from '../components/pickers';
import { useCommandRunner } from '../components/useCommandRunner';
import { ViolationAlert } from '../components/ViolationAlert';

const schema = z
  .object({
    reason: z.string().refine((v) => (BLOCK_REASONS as readonly string[]).includes(v), { message: 'validation.blockReason' }),
    from: z.string().refine(isIsoDate, { message: 'validation.date' }),
    until: z.union([z.literal(''), z.string().refine(isIsoDate, { message: 'validation.date' })]),
    note: z.string().max(1000, { message: 'validation.tooLong' }),
  })
  .refine((v) => v.until === '' || !isIsoDate(v.from) || v.until > v.from, { message: 'validation.toAfterFrom', path: ['until'] });
type Form = z.input<typeof schema>;

export interface BlockBedDialogProps {
  open: boolean;
  onClose: () => void;
  bedId: Id;
  onDone?: () => void;
  db?: QuartierDb;
}

export function BlockBedDialog(props: BlockBedDialogProps) {
  return props.open ? <BlockBedForm {...props} /> : null;
}

function BlockBedForm({ open, onClose, bedId, onDone, db = getDb() }: BlockBedDialogProps) {
  const { t } = useTranslation('operations');
  const data = useCachedPlacementData(db);
  const runner = useCommandRunner();
  const today = isoDateOf(new Date());
  const [unblockOn, setUnblockOn] = useState(today);
  const form = useForm<Form>({ resolver: zodResolver(schema), defaultValues: { reason: 'repair', from: today, until: '', note: '' } });
  const errors = form.formState.errors;
  const activeBlock = data?.bedBlocks
    .filter((b) => b.bedId === bedId && (b.until === null || b.until > today))
    .sort((a, b) => a.from.localeCompare(b.from))[0];

  const submit = form.handleSubmit(async (v) => {
    const res = await runner.run(
      () => blockBed(db, { bedId, from: v.from, until: v.until === '' ? null : v.until, reason: v.reason as BlockReason, note: v.note.trim() || null }),
      t('block.done'),
    );
    if (res) {
      onDone?.();
      onClose();
    }
  });

  const endBlock = async () => {
    if (!activeBlock || !isIsoDate(unblockOn)) return;
    const res = await runner.run(() => unblockBed(db, { blockId: activeBlock.id, on: unblockOn }), t('block.unblocked'));
    if (res) {
      onDone?.();
      onClose();
    }
  };

  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="block-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="block-title">{t('block.title')}</DialogTitle>
        <DialogContent>
          {data ? (
            <Typography color="text.secondary" sx={{ mb: 2 }}>
              {bedText(data, bedId, t)}
            </Typography>
          ) : null}
          {activeBlock ? (
            <Box sx={{ mb: 2 }}>
              <Alert severity="info">
                {t('block.current', {
                  reason: t(`blockReasons.${activeBlock.reason}`),
                  from: formatDate(activeBlock.from),
                  until: activeBlock.until ? formatDate(activeBlock.until) : t('block.furtherNotice'),
                })}
              </Alert>
              <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'flex-start' }}>
                <DateField label={t('fields.unblockOn')} value={unblockOn} onChange={(day) => setUnblockOn(day ?? '')} helperText={t('block.unblockHelp')} />
                <Button variant="outlined" onClick={() => void endBlock()} disabled={runner.busy} sx={{ mt: 0.5, flexShrink: 0 }}>
                  {t('block.unblock')}
                </Button>
              </Stack>
              <Divider sx={{ mt: 2 }} />
            </Box>
          ) : null}
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Controller
              control={form.control}
              name="reason"
              render={({ field }) => (
                <TextField select required label={t('fields.blockReason')} {...field} autoFocus error={!!errors.reason} helperText={errors.reason?.message ? t(errors.reason.message) : undefined}>
                  {BLOCK_REASONS.map((r) => (
                    <MenuItem key={r} value={r}>
                      {t(`blockReasons.${r}`)}
                    </MenuItem>
                  ))}
                </TextField>
              )}
            />
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <FormDateField control={form.control} name="from" label={t('fields.blockFrom')} required error={!!errors.from} helperText={errors.from?.message ? t(errors.from.message) : undefined} />
              <FormDateField
                control={form.control}
                name="until"
                label={t('fields.blockUntil')}
                error={!!errors.until}
                helperText={errors.until?.message ? t(errors.until.message) : t('block.untilHelp')}
              />
            </Stack>
            <TextField {...form.register('note')} label={t('fields.note')} multiline minRows={2} />
          </Stack>
          <ViolationAlert messages={runner.errors} />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={runner.busy}>
            {t('block.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
