// "Geräte": the laptops registered in the shared folder, with "Abmelden …"
// for a laptop that is gone for good. The list is read from the share (not
// from IndexedDB), so it is reloaded after every sync pass and after a
// retirement; offline it shows why it cannot be read.
import { useCallback, useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../db/db';
import { Alert, Button, Chip, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SettingsSection } from '../../components/SettingsSection';
import { formatDateTime } from '../../i18n/format';
import { notify } from '../../state/ui';
import { listSyncDevices, reRegisterSyncDevice, retireSyncDevice, useSyncStore } from '../../sync/controller';
import type { SyncDeviceInfo } from '../../sync/engine';

export function DevicesSection() {
  const { t } = useTranslation('sync');
  const lastReport = useSyncStore((s) => s.lastReport);
  const [devices, setDevices] = useState<SyncDeviceInfo[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [target, setTarget] = useState<SyncDeviceInfo | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setDevices(await listSyncDevices());
      setLoadError(null);
    } catch (error) {
      setLoadError(error instanceof Error ? error.message : String(error));
    }
  }, []);

  // Reload after every pass (a new laptop may have registered, another retired).
  useEffect(() => {
    let active = true;
    listSyncDevices().then(
      (list) => {
        if (!active) return;
        setDevices(list);
        setLoadError(null);
      },
      (error: unknown) => active && setLoadError(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      active = false;
    };
  }, [lastReport]);

  const nameOf = (d: SyncDeviceInfo) => d.deviceName || t('devices.unnamed');

  // This laptop was retired by another one: explain, and offer to register anew.
  const selfRetired = lastReport?.retired === true || devices?.some((d) => d.isSelf && d.retired) === true;
  const pending = useLiveQuery(() => getDb().outbox.filter((e) => !e.shipped).count(), [], 0);
  const [confirmBack, setConfirmBack] = useState(false);
  const reRegister = async () => {
    setBusy(true);
    try {
      const r = await reRegisterSyncDevice();
      notify(t('devices.reRegisterDone', { count: r.reshipped }), r.report.state === 'ok' ? 'success' : 'warning');
      setConfirmBack(false);
      await load();
    } catch (error) {
      notify(t('devices.reRegisterFailed', { message: error instanceof Error ? error.message : String(error) }), 'error');
    } finally {
      setBusy(false);
    }
  };

  const retire = async () => {
    if (!target) return;
    setBusy(true);
    try {
      const { path } = await retireSyncDevice(target.deviceId, reason);
      notify(path ? t('devices.done') : t('devices.alreadyRetired'), 'success');
      setTarget(null);
      setReason('');
      await load();
    } catch (error) {
      notify(t('devices.failed', { message: error instanceof Error ? error.message : String(error) }), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <SettingsSection title={t('devices.heading')} description={t('devices.intro')}>
      {selfRetired && (
        <Alert
          severity="warning"
          data-testid="self-retired"
          sx={{ mb: 2 }}
          action={
            <Button color="inherit" size="small" sx={{ whiteSpace: 'nowrap' }} onClick={() => setConfirmBack(true)}>
              {t('devices.reRegister')}
            </Button>
          }
        >
          <strong>{t('devices.selfRetiredTitle')}</strong> {t('devices.selfRetiredText', { count: pending })}
        </Alert>
      )}
      {loadError !== null && (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" size="small" onClick={() => void load()}>
              {t('devices.load')}
            </Button>
          }
        >
          {t('devices.loadFailed', { message: loadError })}
        </Alert>
      )}
      {devices !== null && devices.length === 0 && <Alert severity="info">{t('devices.empty')}</Alert>}
      {devices !== null && devices.length > 0 && (
        <Table size="small" data-testid="devices-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('devices.name')}</TableCell>
              <TableCell>{t('devices.id')}</TableCell>
              <TableCell>{t('devices.lastSeen')}</TableCell>
              <TableCell>{t('devices.state')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {devices.map((d) => (
              <TableRow key={d.deviceId}>
                <TableCell>{nameOf(d)}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }} title={d.deviceId}>
                  {d.deviceId.slice(0, 8)}
                </TableCell>
                <TableCell>{d.lastAckAt ? formatDateTime(d.lastAckAt) : t('devices.never')}</TableCell>
                <TableCell>
                  {d.retired ? (
                    <Chip size="small" label={d.retired.at ? t('devices.retiredAt', { date: formatDateTime(d.retired.at) }) : t('devices.retired')} title={d.retired.reason} />
                  ) : d.isSelf ? (
                    <Chip size="small" color="primary" label={t('devices.self')} />
                  ) : (
                    <Chip size="small" color="success" variant="outlined" label={t('devices.active')} />
                  )}
                </TableCell>
                <TableCell align="right">
                  {!d.isSelf && !d.retired && (
                    <Button size="small" color="error" sx={{ whiteSpace: 'nowrap' }} onClick={() => setTarget(d)} aria-label={t('devices.retireLabel', { name: nameOf(d) })}>
                      {t('devices.retire')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <ConfirmDialog
        open={confirmBack}
        title={t('devices.reRegisterTitle')}
        confirmLabel={t('devices.reRegisterConfirm')}
        busy={busy}
        onConfirm={() => void reRegister()}
        onCancel={() => setConfirmBack(false)}
      >
        <p>{t('devices.reRegisterText')}</p>
        <p>{t('devices.reRegisterPending', { count: pending })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={target !== null}
        title={t('devices.confirmTitle', { name: target ? nameOf(target) : '' })}
        confirmLabel={t('devices.confirm')}
        destructive
        busy={busy}
        onConfirm={() => void retire()}
        onCancel={() => {
          setTarget(null);
          setReason('');
        }}
      >
        <p>{t('devices.confirmText')}</p>
        <p>{t('devices.confirmConsequences')}</p>
        <TextField
          label={t('devices.reason')}
          helperText={t('devices.reasonHelp')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          fullWidth
          size="small"
          slotProps={{ htmlInput: { maxLength: 500 } }}
          sx={{ mt: 1 }}
        />
      </ConfirmDialog>
    </SettingsSection>
  );
}
