// The audit view's rows: audit entries (changes) and access events
// (exports, letters, Auskunft, sign-ins) merged into one list, newest first,
// plus the readable field diff of an audit entry. Pure: the renderer queries
// the rows by index (renderer/features/audit/auditQuery.ts) and hands them here.
import type { AccessEvent, AccessEventKind, AuditEntry, Id, IsoTimestamp } from '../domain/model';
import { fieldText } from './labels';

export type ProtocolSource = 'audit' | 'access';

export interface ProtocolRow {
  /** Unique across both sources ("a:" + audit id, "z:" + access event id). */
  key: string;
  source: ProtocolSource;
  at: IsoTimestamp;
  user: string;
  userId: Id | null;
  deviceId: string;
  /** Operation name (audit) or the access event's operation (access.export, …). */
  operation: string;
  /** Audit: the changed record's table and id. */
  entity: string | null;
  entityId: Id | null;
  changeId: string | null;
  reason: string | null;
  /** Access events only. */
  accessKind: AccessEventKind | null;
  subject: string | null;
  description: string | null;
  /** Persons the row concerns (names are resolved when shown). */
  personIds: Id[];
  audit: AuditEntry | null;
  access: AccessEvent | null;
}

const ACCESS_OPERATION: Record<AccessEventKind, string> = {
  export: 'access.export',
  letter: 'access.letter',
  auskunft: 'access.auskunft',
  retention: 'retention.run',
  signIn: 'access.signIn',
  signInFailed: 'access.signInFailed',
  denied: 'access.denied',
};

function asRecord(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/**
 * Persons an audit entry is about: the person itself, or the person(s) a
 * stay, allocation, letter or household names (before or after the change).
 */
export function personIdsOfAuditEntry(entry: Pick<AuditEntry, 'entity' | 'entityId' | 'before' | 'after'>): Id[] {
  const ids = new Set<Id>();
  if (entry.entity === 'persons') ids.add(entry.entityId);
  for (const state of [entry.before, entry.after]) {
    const r = asRecord(state);
    if (!r) continue;
    if (entry.entity === 'accessLog') continue; // an access event's persons are in its own row
    for (const field of ['personId', 'headPersonId'] as const) {
      const v = r[field];
      if (typeof v === 'string' && v.length > 0) ids.add(v);
    }
    const list = r.personIds;
    if (Array.isArray(list)) for (const v of list) if (typeof v === 'string' && v.length > 0) ids.add(v);
  }
  return [...ids];
}

export function auditRow(entry: AuditEntry): ProtocolRow {
  return {
    key: `a:${entry.id}`,
    source: 'audit',
    at: entry.at,
    user: entry.user,
    userId: entry.userId ?? null,
    deviceId: entry.deviceId,
    operation: entry.operation,
    entity: entry.entity,
    entityId: entry.entityId,
    changeId: entry.changeId ?? null,
    reason: entry.reason ?? null,
    accessKind: null,
    subject: null,
    description: null,
    personIds: personIdsOfAuditEntry(entry),
    audit: entry,
    access: null,
  };
}

export function accessRow(event: AccessEvent): ProtocolRow {
  return {
    key: `z:${event.id}`,
    source: 'access',
    at: event.at,
    user: event.userName,
    userId: event.userId || null,
    deviceId: event.deviceId,
    operation: ACCESS_OPERATION[event.kind],
    entity: null,
    entityId: null,
    changeId: null,
    reason: null,
    accessKind: event.kind,
    subject: event.subject,
    description: event.description,
    personIds: [...event.personIds],
    audit: null,
    access: event,
  };
}

/**
 * Audit entries and access events as one list, newest first. An access event
 * is itself written through runOperation, so the audit table also holds an
 * entry for the accessLog record: that entry is dropped here (the event's own
 * row says the same, once).
 */
export function mergeProtocol(audit: readonly AuditEntry[], access: readonly AccessEvent[]): ProtocolRow[] {
  const rows: ProtocolRow[] = [];
  for (const a of audit) if (a.entity !== 'accessLog') rows.push(auditRow(a));
  for (const e of access) rows.push(accessRow(e));
  // Newest first; equal instants keep a stable order (source, then key).
  rows.sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return rows;
}

// ---------------------------------------------------------------------------
// Field diff

export interface FieldChange {
  /** Dotted path, e.g. "address.street". */
  path: string;
  before: unknown;
  after: unknown;
}

/** Fields every record carries that say nothing about the change itself. */
const META_FIELDS = new Set(['updatedAt', 'createdAt', 'id']);

/**
 * Fields shown as a whole, never opened up: a letter's frozen content (a
 * whole document) and a user's password hash (never displayed).
 */
export const OPAQUE_FIELDS: ReadonlySet<string> = new Set(['content', 'password']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return asRecord(v) !== null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The changed fields between two record states, nested objects flattened to
 * dotted paths (arrays compare as a whole). A created record lists every field
 * with `before: undefined`, a deleted one shows `deleted`. Sorted by path.
 */
export function fieldDiff(before: unknown, after: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  const walk = (b: Record<string, unknown> | null, a: Record<string, unknown> | null, prefix: string) => {
    const keys = new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})]);
    for (const k of keys) {
      if (prefix === '' && META_FIELDS.has(k)) continue;
      const path = prefix ? `${prefix}.${k}` : k;
      const bv = b?.[k];
      const av = a?.[k];
      if (same(bv, av)) continue;
      const bObj = isPlainObject(bv) ? bv : null;
      const aObj = isPlainObject(av) ? av : null;
      const bEmpty = bv === undefined || bv === null;
      const aEmpty = av === undefined || av === null;
      // Open up nested objects (an address, a lease) unless the field is opaque.
      if (!OPAQUE_FIELDS.has(k) && (bObj || bEmpty) && (aObj || aEmpty) && (bObj || aObj)) walk(bObj, aObj, path);
      else out.push({ path, before: bv, after: av });
    }
  };
  walk(asRecord(before), asRecord(after), '');
  return out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}

/** A value as one German line for the diff and the exports. */
export function formatValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '–';
  if (typeof v === 'boolean') return v ? 'ja' : 'nein';
  if (typeof v === 'string') {
    // ISO days and instants in German form; everything else as stored.
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    if (day) return `${day[3]}.${day[2]}.${day[1]}`;
    const instant = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(v);
    if (instant) return `${instant[3]}.${instant[2]}.${instant[1]} ${instant[4]}:${instant[5]} UTC`;
    return v;
  }
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (Array.isArray(v)) return v.length === 0 ? '–' : v.map((x) => formatValue(x)).join(', ');
  return JSON.stringify(v);
}

/** A field's value for display: opaque fields are never printed out. */
export function formatFieldValue(path: string, v: unknown): string {
  const last = path.split('.').at(-1) ?? path;
  if (OPAQUE_FIELDS.has(last) && v !== undefined && v !== null) return last === 'password' ? '(nicht angezeigt)' : '(Dokumentinhalt)';
  return formatValue(v);
}

/**
 * One changed field as German text for documents: "Bemerkungen (alt: –, neu: Dolmetscherin benötigt)".
 * (Words, not an arrow: the PDF font has no arrow glyph.)
 */
export function changeText(path: string, before: unknown, after: unknown): string {
  return `${fieldText(path)} (alt: ${formatFieldValue(path, before)}, neu: ${formatFieldValue(path, after)})`;
}
