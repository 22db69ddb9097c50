// The refusal of the permission checks (renderer/db/repository.ts). It carries
// data (reason + parameters) so the UI can say it in the active language
// (describeCommandError); its `message` is the German text from auth.json,
// for logs and for callers that just show `error.message`.
import { PERMISSION_LABEL_KEY, isPermission } from '../../shared/auth/permissions';
import de from '../i18n/locales/de/auth.json';

export type PermissionDeniedReason =
  | 'missingPermission'
  | 'unknownOperation'
  | 'inactive'
  | 'unknownUser'
  | 'notSignedIn'
  | 'outsideAssignment'
  | 'outsideAssignmentUnnamed'
  | 'onlyAccessEvents';

export class PermissionDeniedError extends Error {
  readonly reason: PermissionDeniedReason;
  readonly params: Readonly<Record<string, string>>;

  constructor(reason: PermissionDeniedReason, params: Record<string, string> = {}) {
    super(germanText(reason, params));
    this.name = 'PermissionDeniedError';
    this.reason = reason;
    this.params = params;
  }

  /** The missing permission, when that is the reason. */
  get permission(): string | undefined {
    return this.params.permission;
  }
}

export function isPermissionDeniedError(e: unknown): e is PermissionDeniedError {
  return e instanceof PermissionDeniedError;
}

/** German label of a permission, e.g. "Listen exportieren". */
export function germanPermissionLabel(permission: string): string {
  if (!isPermission(permission)) return permission;
  const key = PERMISSION_LABEL_KEY[permission].replace(/^permission\./, '');
  return (de.permission as Record<string, string>)[key] ?? permission;
}

function germanText(reason: PermissionDeniedReason, params: Record<string, string>): string {
  const values: Record<string, string> = { ...params };
  if (params.permission) values.permission = germanPermissionLabel(params.permission);
  return interpolate((de.denied as Record<string, string>)[reason] ?? reason, values);
}

export type AuthRefusalCode = keyof typeof de.refusal | `password.${keyof typeof de.password}`;

/**
 * A user command (create, update, password, sign-in) was refused: bad input
 * or a rule (last administrator, duplicate login). Nothing was written.
 * `code` is a key in the `auth` namespace under `refusal.` (or `password.`).
 */
export class AuthRefusedError extends Error {
  readonly code: AuthRefusalCode;
  readonly params: Readonly<Record<string, string | number>>;

  constructor(code: AuthRefusalCode, params: Record<string, string | number> = {}) {
    super(interpolate(lookupGerman(code), params));
    this.name = 'AuthRefusedError';
    this.code = code;
    this.params = params;
  }

  /** The i18n key (namespace `auth`) of the message. */
  get key(): string {
    return code2key(this.code);
  }
}

export function isAuthRefusedError(e: unknown): e is AuthRefusedError {
  return e instanceof AuthRefusedError;
}

function code2key(code: AuthRefusalCode): string {
  return code.startsWith('password.') ? code : `refusal.${code}`;
}

function lookupGerman(code: AuthRefusalCode): string {
  if (code.startsWith('password.')) return (de.password as Record<string, string>)[code.slice('password.'.length)] ?? code;
  return (de.refusal as Record<string, string>)[code] ?? code;
}

function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}
