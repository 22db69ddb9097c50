// The "Vorgang" of a Protokoll row in the UI language. A refused access says
// which permission was missing („Abgelehnt: Listen exportieren“), so the
// attempt stands out from the accesses that happened.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { PERMISSION_LABEL_KEY, isPermission } from '../../../shared/auth/permissions';
import type { ProtocolRow } from '../../../shared/audit/protocol';

export type OperationLabel = (row: Pick<ProtocolRow, 'operation' | 'accessKind' | 'access'>) => string;

export function useOperationLabel(): OperationLabel {
  const { t } = useTranslation(['audit', 'auth']);
  return useCallback<OperationLabel>(
    (row) => {
      const permission = row.accessKind === 'denied' ? row.access?.deniedPermission : undefined;
      if (permission !== undefined) {
        const label = isPermission(permission) ? t(`auth:${PERMISSION_LABEL_KEY[permission]}`) : permission;
        return t('audit:deniedOperation', { permission: label });
      }
      return t(`audit:operations.${row.operation}`, { defaultValue: row.operation });
    },
    [t],
  );
}
