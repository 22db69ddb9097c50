// Letterhead and signature: authority, department, address, phone, e-mail,
// logo (PNG/JPEG, embedded as data URL) and signer. Stored on this laptop.
import { useState } from 'react';
import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LETTERHEAD, type Letterhead } from '../../../shared/letters/letterhead';
import type { QuartierDb } from '../../db/db';
import { saveLetterhead, useLetterhead } from '../../features/letters/storage';
import { notify } from '../../state/ui';

const FIELDS: (keyof Omit<Letterhead, 'logo'>)[] = ['authority', 'department', 'unit', 'street', 'zip', 'city', 'phone', 'email', 'signerTitle', 'signerName'];
const MAX_LOGO_BYTES = 500_000;

export function LetterheadTab({ db }: { db: QuartierDb }) {
  const { t } = useTranslation('letters');
  const stored = useLetterhead(db);
  if (!stored) return <Typography>{t('dialog.loading')}</Typography>;
  return <LetterheadForm db={db} initial={stored} />;
}

function LetterheadForm({ db, initial }: { db: QuartierDb; initial: Letterhead }) {
  const { t } = useTranslation('letters');
  const [form, setForm] = useState<Letterhead>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const save = async () => {
    const result = await saveLetterhead(db, form);
    if (result.ok) {
      setErrors({});
      notify(t('letterhead.saved'));
    } else setErrors(Object.fromEntries(result.errors.map((e) => [e.field, e.message])));
  };

  const pickLogo = (file: File | undefined) => {
    if (!file) return;
    if (!['image/png', 'image/jpeg'].includes(file.type)) {
      setErrors({ ...errors, logo: t('letterhead.logoType') });
      return;
    }
    if (file.size > MAX_LOGO_BYTES) {
      setErrors({ ...errors, logo: t('letterhead.logoSize') });
      return;
    }
    const reader = new FileReader();
    reader.onload = () => setForm((f) => ({ ...f, logo: typeof reader.result === 'string' ? reader.result : null }));
    reader.readAsDataURL(file);
  };

  return (
    <Box sx={{ maxWidth: 720 }}>
      {FIELDS.map((field) => (
        <TextField
          key={field}
          label={t(`letterhead.${field}`)}
          value={form[field]}
          onChange={(e) => setForm({ ...form, [field]: e.target.value })}
          error={!!errors[field]}
          helperText={errors[field]}
          fullWidth
          size="small"
          sx={{ mb: 2 }}
        />
      ))}
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        {form.logo ? <Box component="img" src={form.logo} alt={t('letterhead.logo')} sx={{ maxHeight: 60 }} /> : null}
        <Button component="label" variant="outlined">
          {t('letterhead.chooseLogo')}
          <input hidden type="file" accept="image/png,image/jpeg" onChange={(e) => pickLogo(e.target.files?.[0])} />
        </Button>
        {form.logo ? <Button onClick={() => setForm({ ...form, logo: null })}>{t('letterhead.removeLogo')}</Button> : null}
      </Stack>
      {errors.logo ? <Alert severity="error" sx={{ mb: 2 }}>{errors.logo}</Alert> : null}
      <Stack direction="row" spacing={1}>
        <Button variant="contained" onClick={() => void save()}>
          {t('letterhead.save')}
        </Button>
        <Button onClick={() => setForm(DEFAULT_LETTERHEAD)}>{t('letterhead.reset')}</Button>
      </Stack>
    </Box>
  );
}
