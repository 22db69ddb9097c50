// Files set aside (torn, garbage, foreign key) and clock warnings.
import { Alert, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { SettingsSection } from '../../components/SettingsSection';
import { getDb } from '../../db/db';
import { formatDateTime, formatInteger } from '../../i18n/format';
import { readFlagged, readQuarantine } from '../../sync/queries';

export function QuarantineSection() {
  const { t } = useTranslation('sync');
  const entries = useLiveQuery(() => readQuarantine(getDb()), []);
  return (
    <SettingsSection title={t('quarantine.heading')} description={t('quarantine.intro')}>
      {entries === undefined ? null : entries.length === 0 ? (
        <Alert severity="success">{t('quarantine.empty')}</Alert>
      ) : (
        <Table size="small" data-testid="quarantine-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('quarantine.path')}</TableCell>
              <TableCell align="right">{t('quarantine.size')}</TableCell>
              <TableCell>{t('quarantine.reason')}</TableCell>
              <TableCell>{t('quarantine.at')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {entries.map((e) => (
              <TableRow key={e.path}>
                <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{e.path}</TableCell>
                <TableCell align="right">{formatInteger(e.size)}</TableCell>
                <TableCell>{e.reason}</TableCell>
                <TableCell>{formatDateTime(e.at)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </SettingsSection>
  );
}

export function ClockWarningsSection() {
  const { t } = useTranslation('sync');
  const flagged = useLiveQuery(() => readFlagged(getDb()), []);
  if (!flagged || flagged.length === 0) return null;
  const byDevice = new Map<string, number>();
  for (const f of flagged) byDevice.set(f.deviceId, Math.max(byDevice.get(f.deviceId) ?? 0, f.aheadMs));
  return (
    <SettingsSection title={t('clocks.heading')} description={t('clocks.intro')}>
      {[...byDevice].map(([device, ahead]) => (
        <Typography key={device} variant="body2">
          {t('clocks.device', { device: device.slice(0, 8) })}: {t('clocks.ahead', { hours: formatInteger(Math.round(ahead / 3_600_000)) })}
        </Typography>
      ))}
    </SettingsSection>
  );
}
