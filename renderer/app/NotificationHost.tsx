// Shows the notify() messages one at a time in a snackbar, bottom right where
// it covers no table header or form button. Errors stay
// until closed so they can be read; other messages hide after a few seconds.
import { Alert, Snackbar } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../state/ui';

const AUTO_HIDE_MS = 6000;

export function NotificationHost() {
  const { t } = useTranslation('common');
  const current = useUiStore((s) => s.notifications[0]);
  const dismiss = useUiStore((s) => s.dismissNotification);
  if (!current) return null;
  const close = () => dismiss(current.id);
  return (
    <Snackbar
      key={current.id}
      open
      autoHideDuration={current.severity === 'error' ? null : AUTO_HIDE_MS}
      onClose={(_event, reason) => {
        if (reason !== 'clickaway') close();
      }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
    >
      <Alert
        severity={current.severity}
        variant="filled"
        onClose={close}
        slotProps={{ closeButton: { 'aria-label': t('actions.close'), title: t('actions.close') } }}
        sx={{ minWidth: 320 }}
      >
        {current.message}
      </Alert>
    </Snackbar>
  );
}
