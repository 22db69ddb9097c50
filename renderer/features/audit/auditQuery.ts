// Reads the audit view's rows by index, never the whole audit table (a
// county's audit trail holds 100,000+ entries):
// - person / accommodation filter: the ids of the records that belong to it
//   (by their own indexes), then audit.where('entityId').anyOf(ids);
// - user filter: audit.where('user');
// - otherwise: audit.where('at') over the period, newest first, limited.
// Access events (far fewer) are read by their `at` index over the period.
import type { AccessEvent, AuditEntry, Id, IsoDate } from '../../../shared/domain/model';
import { addDays } from '../../../shared/domain/dates';
import { mergeProtocol, type ProtocolRow } from '../../../shared/audit/protocol';
import type { QuartierDb } from '../../db/db';

export interface ProtocolFilter {
  /** First day (local calendar day), inclusive; null = open. */
  from: IsoDate | null;
  /** Last day (local calendar day), inclusive; null = open. */
  to: IsoDate | null;
  personId: Id | null;
  accommodationId: Id | null;
  /** Display name as stored on the entries. */
  user: string | null;
  /** Operation name (e.g. "stay.checkIn", "access.export"). */
  operation: string | null;
}

export const EMPTY_FILTER: ProtocolFilter = { from: null, to: null, personId: null, accommodationId: null, user: null, operation: null };

/** More rows than a person can read; a hint asks to narrow the filter. */
export const PROTOCOL_LIMIT = 5000;

export interface ProtocolQueryResult {
  rows: ProtocolRow[];
  /** True when more rows matched than PROTOCOL_LIMIT (the newest are shown). */
  truncated: boolean;
}

/** The instant a local calendar day starts (the audit stores UTC instants). */
export function localDayStart(day: IsoDate): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

const MIN_INSTANT = '0000';
const MAX_INSTANT = '9999';

function instantRange(f: ProtocolFilter): [string, string] {
  return [f.from ? localDayStart(f.from) : MIN_INSTANT, f.to ? localDayStart(addDays(f.to, 1)) : MAX_INSTANT];
}

/** Ids of every record that belongs to the person: the person, their stays, allocations and letters. */
async function personRecordIds(db: QuartierDb, personId: Id): Promise<Id[]> {
  const [stays, allocations, letters] = await Promise.all([
    db.stays.where('personId').equals(personId).primaryKeys(),
    // No multi-entry index on personIds: allocations and letters are small tables (thousands).
    db.allocations.filter((a) => a.personIds.includes(personId)).primaryKeys(),
    db.letters.filter((l) => l.personIds.includes(personId)).primaryKeys(),
  ]);
  return [personId, ...stays, ...allocations, ...letters];
}

/** Ids of the accommodation and everything inside it (units, rooms, places, blocks, stays). */
async function accommodationRecordIds(db: QuartierDb, accommodationId: Id): Promise<Id[]> {
  const lists = await Promise.all(
    (['units', 'rooms', 'beds', 'bedBlocks', 'stays'] as const).map((t) => db.table<{ id: Id }, Id>(t).where('accommodationId').equals(accommodationId).primaryKeys()),
  );
  return [accommodationId, ...lists.flat()];
}

function intersect(a: Id[] | null, b: Id[]): Id[] {
  if (a === null) return b;
  const set = new Set(b);
  return a.filter((id) => set.has(id));
}

function newestFirst(list: AuditEntry[]): AuditEntry[] {
  return list.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

async function queryAudit(db: QuartierDb, f: ProtocolFilter, limit: number): Promise<AuditEntry[]> {
  const [lo, hi] = instantRange(f);
  if (f.operation?.startsWith('access.') || f.operation === 'retention.run') return [];
  const matches = (e: AuditEntry) =>
    e.entity !== 'accessLog' && e.at >= lo && e.at < hi && (f.user === null || e.user === f.user) && (f.operation === null || e.operation === f.operation);

  let ids: Id[] | null = null;
  if (f.personId) ids = intersect(ids, await personRecordIds(db, f.personId));
  if (f.accommodationId) ids = intersect(ids, await accommodationRecordIds(db, f.accommodationId));
  // One key-range read per id (IndexedDB getAll) instead of anyOf + filter: a
  // cursor hopping over thousands of keys is far slower than plain range reads.
  if (ids !== null) {
    if (ids.length === 0) return [];
    const lists = await db.transaction('r', db.audit, () => Promise.all([...new Set(ids)].map((id) => db.audit.where('entityId').equals(id).toArray())));
    return newestFirst(lists.flat().filter(matches)).slice(0, limit);
  }
  if (f.user !== null) {
    const found = await db.audit.where('user').equals(f.user).toArray();
    return newestFirst(found.filter(matches)).slice(0, limit);
  }
  return db.audit.where('at').between(lo, hi, true, false).reverse().filter(matches).limit(limit).toArray();
}

async function queryAccess(db: QuartierDb, f: ProtocolFilter, limit: number): Promise<AccessEvent[]> {
  // Access events concern persons, not accommodations or records.
  if (f.accommodationId) return [];
  if (f.operation !== null && !(f.operation.startsWith('access.') || f.operation === 'retention.run')) return [];
  const [lo, hi] = instantRange(f);
  const operationKind: Record<string, AccessEvent['kind']> = {
    'access.export': 'export',
    'access.letter': 'letter',
    'access.auskunft': 'auskunft',
    'access.signIn': 'signIn',
    'access.signInFailed': 'signInFailed',
    'access.denied': 'denied',
    'retention.run': 'retention',
  };
  const kind = f.operation ? operationKind[f.operation] : undefined;
  return db.accessLog
    .where('at')
    .between(lo, hi, true, false)
    .reverse()
    .filter((e) => (kind === undefined || e.kind === kind) && (f.user === null || e.userName === f.user) && (f.personId === null || e.personIds.includes(f.personId)))
    .limit(limit)
    .toArray();
}

/** The filtered rows, newest first, at most `limit`. */
export async function queryProtocol(db: QuartierDb, filter: ProtocolFilter, limit = PROTOCOL_LIMIT): Promise<ProtocolQueryResult> {
  // One more than shown tells whether the list is cut off.
  const [audit, access] = await Promise.all([queryAudit(db, filter, limit + 1), queryAccess(db, filter, limit + 1)]);
  const rows = mergeProtocol(audit, access);
  return { rows: rows.slice(0, limit), truncated: rows.length > limit };
}

/** Every user name that appears in the audit trail or the access log (for the filter). */
export async function protocolUserNames(db: QuartierDb): Promise<string[]> {
  const [auditUsers, accessUsers] = await Promise.all([
    db.audit.orderBy('user').uniqueKeys(),
    db.accessLog.toArray().then((rows) => rows.map((r) => r.userName)),
  ]);
  const names = new Set<string>();
  for (const u of auditUsers) if (typeof u === 'string' && u) names.add(u);
  for (const u of accessUsers) if (u) names.add(u);
  return [...names].sort((a, b) => a.localeCompare(b, 'de'));
}
