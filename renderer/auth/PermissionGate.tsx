// Disables what the signed-in role may not do, with a tooltip naming the
// missing permission. A courtesy only: the repository refuses the write anyway.
//   <PermissionGate permission="export:lists">{(disabled) => <Button disabled={disabled}>…</Button>}</PermissionGate>
// With `accommodation`, a role limited to its assigned accommodations
// (Außendienst) is also refused outside them, with the repository's wording.
import type { ReactElement } from 'react';
import { Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { hasPermission, isScopedRole, PERMISSION_LABEL_KEY, type Permission } from '../../shared/auth/permissions';
import type { Accommodation } from '../../shared/domain/model';
import { useSession, type SessionUser } from './session';

export type GateRefusal = { kind: 'permission'; permission: Permission } | { kind: 'outside'; accommodation: string } | null;

/**
 * Why the user may not run an action needing `permission` (in `accommodation`,
 * when given); null when they may. Mirrors the repository's checks 3 and 4.
 */
export function gateRefusal(user: SessionUser | null, permission: Permission, accommodation?: Pick<Accommodation, 'id' | 'name'>): GateRefusal {
  if (user === null || !hasPermission(user.role, permission)) return { kind: 'permission', permission };
  if (accommodation && isScopedRole(user.role) && !user.accommodationIds.includes(accommodation.id)) {
    return { kind: 'outside', accommodation: accommodation.name };
  }
  return null;
}

/** React: the refusal for the signed-in user (see gateRefusal). */
export function useGateRefusal(permission: Permission, accommodation?: Pick<Accommodation, 'id' | 'name'>): GateRefusal {
  const user = useSession((s) => s.user);
  return gateRefusal(user, permission, accommodation);
}

/** The German (or English) sentence for a refusal, for tooltips. */
export function useRefusalText(): (refusal: Exclude<GateRefusal, null>) => string {
  const { t } = useTranslation('auth');
  return (refusal) =>
    refusal.kind === 'permission'
      ? t('missing', { permission: t(PERMISSION_LABEL_KEY[refusal.permission]) })
      : t('denied.outsideAssignment', { accommodation: refusal.accommodation });
}

export function PermissionGate({
  permission,
  accommodation,
  children,
}: {
  permission: Permission;
  accommodation?: Pick<Accommodation, 'id' | 'name'>;
  children: (disabled: boolean) => ReactElement;
}) {
  const refusal = useGateRefusal(permission, accommodation);
  const text = useRefusalText();
  if (refusal === null) return children(false);
  return (
    <Tooltip title={text(refusal)}>
      {/* A disabled button fires no events; the span carries the tooltip. */}
      <span style={{ display: 'inline-flex' }}>{children(true)}</span>
    </Tooltip>
  );
}
