// Einstellungen → "Festplattenverschlüsselung": whether the disk holding
// Quartier's data is encrypted, as far as the operating system tells without
// admin rights (electron/system/disk-encryption.ts). Quartier keeps personal
// data on the laptop and expects an encrypted disk (BitLocker); when the OS
// cannot tell, this says "unbekannt", never "verschlüsselt".
import { useEffect, useState } from 'react';
import { Alert, CircularProgress, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { SettingsSection } from '../../components/SettingsSection';
import { api } from '../../platform/api';

type Status = ResponseOf<'system:get-disk-encryption'>;

export function DiskEncryptionSection() {
  const { t } = useTranslation('sync');
  const [status, setStatus] = useState<Status | null>(null);

  useEffect(() => {
    let active = true;
    api.systemGetDiskEncryption({}).then(
      (s) => active && setStatus(s),
      (error: unknown) => active && setStatus({ state: 'unknown', detail: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      active = false;
    };
  }, []);

  return (
    <SettingsSection title={t('disk.heading')} description={t('disk.intro')}>
      {status === null ? (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <CircularProgress size={16} aria-hidden />
          <Typography variant="body2">{t('disk.checking')}</Typography>
        </Stack>
      ) : status.state === 'encrypted' ? (
        <Alert severity="success" data-testid="disk-encryption" data-state="encrypted">
          {t('disk.encrypted', { method: status.method ?? '' })}
        </Alert>
      ) : status.state === 'not-encrypted' ? (
        <Alert severity="error" data-testid="disk-encryption" data-state="not-encrypted">
          {t('disk.notEncrypted', { method: status.method ?? '' })}
        </Alert>
      ) : (
        <Alert severity="info" data-testid="disk-encryption" data-state="unknown">
          {t('disk.unknown')}
          {status.detail ? ` ${t('disk.reason', { detail: status.detail })}` : ''}
        </Alert>
      )}
    </SettingsSection>
  );
}
