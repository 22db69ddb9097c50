// Refused attempts are part of the audit trail: an export, letter or Auskunft
// refused for a missing permission writes one access event of kind 'denied'
// (operation 'access.denied') and nothing else, then the user still gets the
// original PermissionDeniedError. The denied event is append-only like every
// access event, and the operation that writes it can write nothing else.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuartierDb } from '../../../renderer/db/db';
import { runOperation, type WriteContext } from '../../../renderer/db/repository';
import { PermissionDeniedError } from '../../../renderer/auth/errors';
import { recordAccessEvent } from '../../../renderer/features/audit/recordAccess';
import { EMPTY_FILTER, queryProtocol } from '../../../renderer/features/audit/auditQuery';
import { auskunftEvent, deniedAccessEvent, letterIssueEvent, reportExportEvent } from '../../../shared/audit/descriptions';
import { buildAccessEvent } from '../../../shared/audit/accessEvents';
import { AppendOnlyViolationError } from '../../../shared/audit/immutability';
import type { AccessEvent, Role, User } from '../../../shared/domain/model';
import { fixtureDataset } from '../../unit/reports/fixture';
import { ADMIN, seededDb, snapshot } from './fixture';

const HASH = { alg: 'PBKDF2-SHA256', iterations: 1, salt: 'AAAA', hash: 'AAAA' } as const;

function user(id: string, role: Role, displayName: string, accommodationIds: string[] = []): User {
  return { id, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', login: id, displayName, role, active: true, password: { ...HASH }, accommodationIds };
}

/** Außendienst, assigned to the GU a1 only. */
const FIELD: WriteContext = {
  user: 'Herr Außendienst',
  deviceId: 'dev-field',
  actor: { userId: 'u-field', role: 'field', accommodationIds: ['a1'] },
  now: () => new Date('2026-03-01T10:00:00.000Z'),
};
const CASEWORKER: WriteContext = { user: 'Frau Sachbearbeitung', deviceId: 'dev-cw', actor: { userId: 'u-cw', role: 'caseworker', accommodationIds: [] } };
const READONLY: WriteContext = { user: 'Herr Lesezugriff', deviceId: 'dev-ro', actor: { userId: 'u-ro', role: 'readonly', accommodationIds: [] } };

let db: QuartierDb;
beforeEach(async () => {
  db = await seededDb();
  // Real accounts: runOperation then checks the stored role, not only the session's copy.
  await db.users.bulkPut([user('u-admin', 'admin', 'Frau Verwaltung'), user('u-field', 'field', 'Herr Außendienst', ['a1']), user('u-cw', 'caseworker', 'Frau Sachbearbeitung'), user('u-ro', 'readonly', 'Herr Lesezugriff')]);
});
afterEach(() => db.close());

/** Rows added to each table since `before` (by JSON identity; nothing here changes rows in place). */
function added(before: Record<string, unknown[]>, after: Record<string, unknown[]>): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [table, rows] of Object.entries(after)) {
    const old = new Set((before[table] ?? []).map((r) => JSON.stringify(r)));
    const fresh = rows.filter((r) => !old.has(JSON.stringify(r)));
    if (fresh.length > 0) out[table] = fresh;
  }
  return out;
}

describe('a refused access is recorded as a denied access event', () => {
  it("a field user's refused report export writes exactly one 'denied' event (with its audit entry and outbox change) and nothing else", async () => {
    const before = await snapshot(db);
    const attempt = reportExportEvent('occupancyList', 'Belegungsliste', 'GU Balingen Kirchstraße 10 · Stichtag 01.03.2026', 'xlsx');
    const refusal = recordAccessEvent(db, FIELD, attempt);
    await expect(refusal).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(refusal).rejects.toThrow('Keine Berechtigung: Ihnen fehlt „Listen exportieren“.');

    const after = await snapshot(db);
    // Rows only added, none changed or removed.
    for (const [table, rows] of Object.entries(before)) expect(after[table]!.length, table).toBeGreaterThanOrEqual(rows.length);
    const fresh = added(before, after);
    expect(Object.keys(fresh).sort()).toEqual(['accessLog', 'audit', 'outbox', 'syncState']);
    expect(fresh.accessLog).toHaveLength(1);
    const event = fresh.accessLog![0] as AccessEvent;
    expect(event).toMatchObject({
      kind: 'denied',
      at: '2026-03-01T10:00:00.000Z',
      userId: 'u-field',
      userName: 'Herr Außendienst',
      deviceId: 'dev-field',
      subject: 'report.occupancyList.xlsx',
      description: 'Abgelehnt, fehlende Berechtigung „Listen exportieren“: Belegungsliste – GU Balingen Kirchstraße 10 · Stichtag 01.03.2026 (Excel)',
      personIds: [],
      deniedPermission: 'export:lists',
    });
    // No 'export' event: the export itself never happened.
    expect(await db.accessLog.where('kind').equals('export').count()).toBe(0);
    // Its one audit entry and one outbox change, under the operation that needs no permission.
    expect(fresh.outbox).toHaveLength(1);
    const change = (fresh.outbox![0] as { change: { operation: string; changeId: string; ops: { table: string; id: string }[] } }).change;
    expect(change.operation).toBe('access.denied');
    expect(change.ops.map((op) => `${op.table}/${op.id}`)).toEqual([`accessLog/${event.id}`]);
    expect(fresh.audit).toEqual([expect.objectContaining({ operation: 'access.denied', entity: 'accessLog', entityId: event.id, userId: 'u-field', before: null, changeId: change.changeId })]);
    // Only the clock and the sequence counter moved in syncState.
    expect((fresh.syncState as { key: string }[]).map((r) => r.key).sort()).toEqual(['hlc', 'outboxSeq']);
  });

  it('records a refused Auskunft and a refused letter with the persons they would have concerned, never their names', async () => {
    await expect(recordAccessEvent(db, CASEWORKER, auskunftEvent('p1'))).rejects.toThrow('Keine Berechtigung: Ihnen fehlt');
    await expect(recordAccessEvent(db, READONLY, letterIssueEvent(['assignment', 'assignment'], ['p3', 'p1'], 'print'))).rejects.toThrow('Keine Berechtigung: Ihnen fehlt');
    const events = (await db.accessLog.toArray()).sort((a, b) => a.userId.localeCompare(b.userId));
    expect(events.map((e) => [e.userId, e.kind, e.subject, e.deniedPermission, e.personIds])).toEqual([
      ['u-cw', 'denied', 'auskunft.art15', 'auskunft:export', ['p1']],
      ['u-ro', 'denied', 'letter.issueBatch', 'letters:issue', ['p1', 'p3']],
    ]);
    const names = fixtureDataset().persons.flatMap((p) => [p.familyName, p.givenName]);
    for (const e of events) for (const n of names) expect(e.description).not.toContain(n);
  });

  it('records nothing when the access is allowed, and nothing extra when the refusal is not about a permission', async () => {
    await recordAccessEvent(db, ADMIN, reportExportEvent('freePlaces', 'Freie Plätze', 'Stichtag 01.03.2026', 'pdf'));
    expect((await db.accessLog.toArray()).map((e) => e.kind)).toEqual(['export']);
    // A deactivated account is refused for another reason: signed out, not an attempt to record.
    await db.users.update('u-cw', { active: false });
    const before = await snapshot(db);
    await expect(recordAccessEvent(db, CASEWORKER, reportExportEvent('freePlaces', 'Freie Plätze', 'Stichtag 01.03.2026', 'pdf'))).rejects.toThrow('deaktiviert');
    expect(await snapshot(db)).toEqual(before);
  });

  it('lets the denied event through the Außendienst accommodation check, but the operation writes access events only', async () => {
    // FIELD is assigned a1 only; the event belongs to no accommodation and is still recorded.
    await expect(recordAccessEvent(db, FIELD, reportExportEvent('freePlaces', 'Freie Plätze', 'Stichtag 01.03.2026', 'pdf'))).rejects.toThrow('Listen exportieren');
    expect(await db.accessLog.count()).toBe(1);
    const before = await snapshot(db);
    // 'access.denied' needs no permission, so it must not be a back door for other writes.
    await expect(runOperation(db, FIELD, 'access.denied', (w) => w.patch('persons', 'p1', { notes: 'über die Hintertür' }).then(() => undefined))).rejects.toThrow(
      'Keine Berechtigung: Dieser Vorgang darf nur Zugriffe protokollieren.',
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('the denied event is append-only: no change, no deletion, not even by the administrator or through access.denied', async () => {
    await expect(recordAccessEvent(db, FIELD, reportExportEvent('freePlaces', 'Freie Plätze', 'Stichtag 01.03.2026', 'pdf'))).rejects.toThrow();
    const event = (await db.accessLog.toArray())[0]!;
    expect(event.kind).toBe('denied');
    const before = await snapshot(db);
    await expect(runOperation(db, ADMIN, 'person.update', (w) => w.patch('accessLog', event.id, { description: 'war erlaubt' }).then(() => undefined))).rejects.toBeInstanceOf(AppendOnlyViolationError);
    await expect(runOperation(db, ADMIN, 'person.update', (w) => w.softDelete('accessLog', event.id))).rejects.toBeInstanceOf(AppendOnlyViolationError);
    await expect(runOperation(db, FIELD, 'access.denied', (w) => w.put('accessLog', { ...event, deniedPermission: 'stays:write' }).then(() => undefined))).rejects.toBeInstanceOf(AppendOnlyViolationError);
    await expect(runOperation(db, FIELD, 'access.denied', (w) => w.softDelete('accessLog', event.id))).rejects.toBeInstanceOf(AppendOnlyViolationError);
    expect(await snapshot(db)).toEqual(before);
  });

  it('the Protokoll shows the refused attempt and its operation filter selects it', async () => {
    await recordAccessEvent(db, ADMIN, reportExportEvent('freePlaces', 'Freie Plätze', 'Stichtag 01.03.2026', 'pdf'));
    await expect(recordAccessEvent(db, FIELD, reportExportEvent('occupancyList', 'Belegungsliste', 'Stichtag 01.03.2026', 'xlsx'))).rejects.toThrow();
    const all = await queryProtocol(db, EMPTY_FILTER);
    expect(all.rows.map((r) => r.operation).sort()).toEqual(['access.denied', 'access.export']);
    const denied = await queryProtocol(db, { ...EMPTY_FILTER, operation: 'access.denied' });
    expect(denied.rows).toHaveLength(1);
    expect(denied.rows[0]).toMatchObject({ source: 'access', accessKind: 'denied', user: 'Herr Außendienst', subject: 'report.occupancyList.xlsx' });
    expect(denied.rows[0]!.access?.deniedPermission).toBe('export:lists');
    const exports = await queryProtocol(db, { ...EMPTY_FILTER, operation: 'access.export' });
    expect(exports.rows.map((r) => r.accessKind)).toEqual(['export']);
  });
});

describe('deniedAccessEvent / buildAccessEvent', () => {
  it('a denied event must name the missing permission, and only a denied event may', () => {
    const actor = { userId: 'u', userName: 'U', deviceId: 'd' };
    const input = deniedAccessEvent(auskunftEvent('p1'), 'auskunft:export', 'Auskunft erstellen');
    expect(buildAccessEvent('id', '2026-03-01T00:00:00.000Z', actor, input)).toMatchObject({ kind: 'denied', deniedPermission: 'auskunft:export', personIds: ['p1'] });
    expect(() => buildAccessEvent('id', '2026-03-01T00:00:00.000Z', actor, { ...input, deniedPermission: undefined })).toThrow('muss die fehlende Berechtigung nennen');
    expect(() => buildAccessEvent('id', '2026-03-01T00:00:00.000Z', actor, { ...auskunftEvent('p1'), deniedPermission: 'x' })).toThrow('Nur ein abgelehnter Zugriff');
    // An export's own record carries no such field at all.
    expect('deniedPermission' in buildAccessEvent('id', '2026-03-01T00:00:00.000Z', actor, auskunftEvent('p1'))).toBe(false);
  });

  it('keeps the description within the limit however long the attempt was', () => {
    const long = deniedAccessEvent({ kind: 'export', subject: 's', description: 'x'.repeat(500), personIds: [] }, 'export:lists', 'Listen exportieren');
    expect(long.description.length).toBe(500);
    expect(long.description.startsWith('Abgelehnt, fehlende Berechtigung „Listen exportieren“: xxx')).toBe(true);
  });
});
