// Permissions and roles (DOMAIN.md "Data protection", issue #7). Pure data:
// which role may do what, and which permission each write operation needs.
// The repository (renderer/db/repository.ts runOperation) enforces
// `permissionForOperation` for every write; the UI only uses the same table
// to disable what the role cannot use. Read permissions (`…:read`) decide
// what is shown; they are not a write path and are checked by the screens.
import type { Role } from '../domain/model';
import { ROLES } from '../domain/model';

export const PERMISSIONS = [
  'users:manage',
  'settings:manage',
  'templates:manage',
  'retention:run',
  'accommodations:write',
  /** Check-in, check-out, moves, corrections of stays. */
  'stays:write',
  'bedBlocks:write',
  'persons:write',
  'allocations:write',
  'letters:issue',
  'export:lists',
  'reports:read',
  'occupancy:read',
  'vulnerability:read',
  'sensitiveNotes:read',
  'audit:read',
  'auskunft:export',
  'import:run',
  /** Resolving sync conflicts (they can touch any record). */
  'conflicts:resolve',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(v: unknown): v is Permission {
  return typeof v === 'string' && (PERMISSIONS as readonly string[]).includes(v);
}

/**
 * i18n key (namespace `auth`) of each permission's label. The labels
 * themselves are in renderer/i18n/locales/<lng>/auth.json under `permission.`.
 */
export const PERMISSION_LABEL_KEY: Record<Permission, string> = {
  'users:manage': 'permission.usersManage',
  'settings:manage': 'permission.settingsManage',
  'templates:manage': 'permission.templatesManage',
  'retention:run': 'permission.retentionRun',
  'accommodations:write': 'permission.accommodationsWrite',
  'stays:write': 'permission.staysWrite',
  'bedBlocks:write': 'permission.bedBlocksWrite',
  'persons:write': 'permission.personsWrite',
  'allocations:write': 'permission.allocationsWrite',
  'letters:issue': 'permission.lettersIssue',
  'export:lists': 'permission.exportLists',
  'reports:read': 'permission.reportsRead',
  'occupancy:read': 'permission.occupancyRead',
  'vulnerability:read': 'permission.vulnerabilityRead',
  'sensitiveNotes:read': 'permission.sensitiveNotesRead',
  'audit:read': 'permission.auditRead',
  'auskunft:export': 'permission.auskunftExport',
  'import:run': 'permission.importRun',
  'conflicts:resolve': 'permission.conflictsResolve',
};

/** i18n key (namespace `auth`) of each role's name. */
export const ROLE_LABEL_KEY: Record<Role, string> = {
  admin: 'role.admin',
  housing: 'role.housing',
  field: 'role.field',
  caseworker: 'role.caseworker',
  readonly: 'role.readonly',
};

/**
 * What each role may do.
 * - Administration: everything; the only role for users, settings, letter
 *   templates, retention runs, the audit trail and Auskunft (Art. 15).
 * - Unterbringungsverwaltung: all of accommodations, stays, bed blocks,
 *   persons and allocations, plus letters, reports, list exports and imports
 *   (they run the day-to-day placement and its paperwork), vulnerability
 *   details and sensitive notes (they decide placements that depend on them),
 *   and sync conflict resolution (conflicts are about their records).
 * - Außendienst: check-in/out, moves and bed blocks, ONLY in the
 *   accommodations assigned to the user (the repository checks every record an
 *   operation writes); reads occupancy; no letters, no list exports, no
 *   reports, no vulnerability details.
 * - Sachbearbeitung: letters, reports (with their exports), occupancy reading.
 * - Lesezugriff: reading occupancy and reports on screen; no exports.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  housing: [
    'accommodations:write',
    'stays:write',
    'bedBlocks:write',
    'persons:write',
    'allocations:write',
    'letters:issue',
    'export:lists',
    'reports:read',
    'occupancy:read',
    'vulnerability:read',
    'sensitiveNotes:read',
    'import:run',
    'conflicts:resolve',
  ],
  field: ['stays:write', 'bedBlocks:write', 'occupancy:read'],
  caseworker: ['letters:issue', 'export:lists', 'reports:read', 'occupancy:read'],
  readonly: ['reports:read', 'occupancy:read'],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles whose writes are limited to their assigned accommodations. */
export function isScopedRole(role: Role): boolean {
  return role === 'field';
}

export function isRoleName(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

/** The operation that reverts the last change of this device (renderer/features/operations/undo.ts). */
export const UNDO_OPERATION = 'undo';

/**
 * Every write operation name → the one permission it needs. `null`: no
 * permission (recording a sign-in happens before anyone is signed in).
 * An operation missing here is refused by the repository: a new operation
 * must be added with a decision about who may run it.
 */
export const OPERATION_PERMISSIONS: Readonly<Record<string, Permission | null>> = {
  'accommodation.create': 'accommodations:write',
  'accommodation.update': 'accommodations:write',
  'accommodation.close': 'accommodations:write',
  'accommodation.structure': 'accommodations:write',
  'stay.checkIn': 'stays:write',
  'stay.move': 'stays:write',
  'stay.checkOut': 'stays:write',
  'stay.correct': 'stays:write',
  'bed.block': 'bedBlocks:write',
  'bed.unblock': 'bedBlocks:write',
  'person.create': 'persons:write',
  'person.update': 'persons:write',
  'person.extendDeadline': 'persons:write',
  'household.create': 'persons:write',
  'allocation.create': 'allocations:write',
  'allocation.decide': 'allocations:write',
  'allocation.cancel': 'allocations:write',
  'allocation.moved': 'allocations:write',
  // Municipalities carry the population key and the quota crediting: part of allocation.
  'municipality.create': 'allocations:write',
  'municipality.update': 'allocations:write',
  'letters.issue': 'letters:issue',
  'letters.issueBatch': 'letters:issue',
  'letters.saveTemplate': 'templates:manage',
  'conflict.cancelStay': 'conflicts:resolve',
  'conflict.pickValue': 'conflicts:resolve',
  'conflict.restore': 'conflicts:resolve',
  'conflict.confirmDelete': 'conflicts:resolve',
  'access.export': 'export:lists',
  'access.letter': 'letters:issue',
  'access.auskunft': 'auskunft:export',
  'access.signIn': null,
  'access.signInFailed': null,
  // A refused export/letter/Auskunft is itself recorded (renderer/features/audit/recordAccess.ts):
  // the user lacks the permission by definition, so recording the refusal needs none.
  'access.denied': null,
  'retention.run': 'retention:run',
  'import.accommodations': 'import:run',
  'import.residents': 'import:run',
  'import.occupancy': 'import:run',
  'user.create': 'users:manage',
  'user.update': 'users:manage',
  'user.setPassword': 'users:manage',
  'settings.update': 'settings:manage',
};

/**
 * Operations a user may also run on their OWN account without the
 * operation's permission, and the fields of their own user record they may
 * change that way: everyone may change their own password ("Passwort ändern"
 * in the account menu), only 'users:manage' may set someone else's. The
 * repository checks after the body that nothing but these fields of the
 * actor's own, existing user record was written. Undo is not included: an
 * undo of a password change needs 'users:manage' (it would bring back the old
 * password).
 */
export const OWN_ACCOUNT_OPERATIONS: Readonly<Record<string, readonly string[]>> = {
  'user.setPassword': ['password'],
};

/** The own-account fields `operation` may change without its permission (see OWN_ACCOUNT_OPERATIONS); null when none. */
export function ownAccountFields(operation: string): readonly string[] | null {
  return Object.hasOwn(OWN_ACCOUNT_OPERATIONS, operation) ? (OWN_ACCOUNT_OPERATIONS[operation] ?? null) : null;
}

export type OperationRequirement =
  | { kind: 'permission'; permission: Permission }
  | { kind: 'none' }
  | { kind: 'unknown'; operation: string };

/**
 * The permission an operation needs. `undo` needs the permission of the
 * operation it reverts (`undoneOperation`): whoever may not check someone in
 * may not revert a check-in either (and undo of an undo does not exist).
 */
export function permissionForOperation(operation: string, undoneOperation?: string): OperationRequirement {
  if (operation === UNDO_OPERATION) {
    if (undoneOperation === undefined || undoneOperation === UNDO_OPERATION) return { kind: 'unknown', operation };
    return permissionForOperation(undoneOperation);
  }
  if (!Object.hasOwn(OPERATION_PERMISSIONS, operation)) return { kind: 'unknown', operation };
  const permission = OPERATION_PERMISSIONS[operation];
  return permission ? { kind: 'permission', permission } : { kind: 'none' };
}

/** Operation names the permission table knows (for tests and the docs). */
export function knownOperations(): string[] {
  return Object.keys(OPERATION_PERMISSIONS);
}
