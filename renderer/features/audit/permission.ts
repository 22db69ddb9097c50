// Who may see the audit trail and produce an Auskunft: the permission table
// of shared/auth (Administration only, by default). One place, so the pages
// do not each know the permission names.
import { usePermission } from '../../auth';

export function useCanReadAudit(): boolean {
  return usePermission('audit:read');
}

export function useCanExportAuskunft(): boolean {
  return usePermission('auskunft:export');
}
