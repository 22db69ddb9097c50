// Access events: who exported, printed or disclosed what, for whom. They are
// not changes to the data (those are in the audit trail), so every export,
// letter and Auskunft writes one AccessEvent record of its own. Pure: the
// renderer's recordAccessEvent() stores what buildAccessEvent() returns.
import type { AccessEvent, AccessEventKind, Id, IsoTimestamp } from '../domain/model';

/**
 * The operation name under which an access event is written (runOperation).
 * The permission check (shared/auth) decides per operation, so an export a
 * role may not make is refused before the file is produced.
 */
export const ACCESS_OPERATIONS = {
  export: 'access.export',
  letter: 'access.letter',
  auskunft: 'access.auskunft',
  retention: 'retention.run',
  signIn: 'access.signIn',
  signInFailed: 'access.signInFailed',
  denied: 'access.denied',
} as const satisfies Record<AccessEventKind, string>;

export type AccessOperation = (typeof ACCESS_OPERATIONS)[AccessEventKind];

export function accessOperationOf(kind: AccessEventKind): AccessOperation {
  return ACCESS_OPERATIONS[kind];
}

/** What the caller says about an access; who/when/where come from the write context. */
export interface AccessEventInput {
  kind: AccessEventKind;
  /** Machine-readable subject, e.g. "report.occupancyList.xlsx", "letter.issue", "auskunft". */
  subject: string;
  /**
   * Short German text for the audit view WITHOUT personal names: retention
   * anonymises persons later, names are resolved from personIds when shown.
   */
  description: string;
  /** Persons the access concerns; empty for list exports. */
  personIds: readonly Id[];
  /** Kind `denied` only: the permission that was missing (shared/auth PERMISSIONS). */
  deniedPermission?: string;
}

export interface AccessActor {
  userId: Id;
  userName: string;
  deviceId: string;
}

export const MAX_SUBJECT_LENGTH = 120;
export const MAX_DESCRIPTION_LENGTH = 500;

/** German problems with the input; empty when it may be recorded. */
export function accessEventProblems(input: AccessEventInput): string[] {
  const problems: string[] = [];
  const subject = input.subject.trim();
  if (subject.length === 0) problems.push('Ein Zugriff braucht einen Gegenstand (z. B. „report.occupancyList.pdf“).');
  else if (subject.length > MAX_SUBJECT_LENGTH) problems.push(`Der Gegenstand eines Zugriffs ist zu lang (höchstens ${MAX_SUBJECT_LENGTH} Zeichen).`);
  if (input.description.trim().length === 0) problems.push('Ein Zugriff braucht eine Beschreibung.');
  else if (input.description.length > MAX_DESCRIPTION_LENGTH) problems.push(`Die Beschreibung eines Zugriffs ist zu lang (höchstens ${MAX_DESCRIPTION_LENGTH} Zeichen).`);
  if (input.personIds.some((id) => typeof id !== 'string' || id.length === 0)) problems.push('Ein Zugriff nennt eine Person ohne gültige ID.');
  // A refusal without the permission it lacked would say nothing; other kinds never carry one.
  const hasPermission = typeof input.deniedPermission === 'string' && input.deniedPermission.length > 0;
  if (input.kind === 'denied' && !hasPermission) problems.push('Ein abgelehnter Zugriff muss die fehlende Berechtigung nennen.');
  if (input.kind !== 'denied' && input.deniedPermission !== undefined) problems.push('Nur ein abgelehnter Zugriff nennt eine fehlende Berechtigung.');
  return problems;
}

/** The record to store. Throws a German message on bad input (nothing is stored then). */
export function buildAccessEvent(id: Id, at: IsoTimestamp, actor: AccessActor, input: AccessEventInput): Omit<AccessEvent, 'createdAt' | 'updatedAt'> {
  const problems = accessEventProblems(input);
  if (problems.length > 0) throw new Error(problems.join(' '));
  return {
    id,
    at,
    kind: input.kind,
    userId: actor.userId,
    userName: actor.userName,
    deviceId: actor.deviceId,
    subject: input.subject.trim(),
    description: input.description.trim(),
    // Sorted and without repeats: the same access always yields the same record shape.
    personIds: [...new Set(input.personIds)].sort(),
    ...(input.kind === 'denied' ? { deniedPermission: input.deniedPermission } : {}),
  };
}
