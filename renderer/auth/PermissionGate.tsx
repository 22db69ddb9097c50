// Disables what the signed-in role may not do, with a tooltip naming the
// missing permission. A courtesy only: the repository refuses the write anyway.
//   <PermissionGate permission="export:lists">{(disabled) => <Button disabled={disabled}>…</Button>}</PermissionGate>
import type { ReactElement } from 'react';
import { Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { PERMISSION_LABEL_KEY, type Permission } from '../../shared/auth/permissions';
import { usePermission } from './session';

export function PermissionGate({ permission, children }: { permission: Permission; children: (disabled: boolean) => ReactElement }) {
  const { t } = useTranslation('auth');
  const allowed = usePermission(permission);
  if (allowed) return children(false);
  return (
    <Tooltip title={t('missing', { permission: t(PERMISSION_LABEL_KEY[permission]) })}>
      {/* A disabled button fires no events; the span carries the tooltip. */}
      <span style={{ display: 'inline-flex' }}>{children(true)}</span>
    </Tooltip>
  );
}
