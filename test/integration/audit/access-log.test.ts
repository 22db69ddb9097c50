// Access events against a real (fake-indexeddb) database: one record per
// access with who/device/when/what, synced (outbox) and audited; bad input
// writes nothing; access events and audit entries cannot be changed or
// deleted through the write path, and a refused attempt changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuartierDb } from '../../../renderer/db/db';
import { applyWithoutOutbox, runOperation } from '../../../renderer/db/repository';
import { recordAccessEvent } from '../../../renderer/features/audit/recordAccess';
import { reportExportEvent, letterReprintEvent } from '../../../shared/audit/descriptions';
import { AppendOnlyViolationError } from '../../../shared/audit/immutability';
import type { EntityTable } from '../../../shared/domain/model';
import { ADMIN, seededDb, snapshot } from './fixture';

let db: QuartierDb;
beforeEach(async () => {
  db = await seededDb();
});
afterEach(() => db.close());

describe('recordAccessEvent', () => {
  it('stores one access event with who, device, when and what, as one synced and audited change', async () => {
    const event = await recordAccessEvent(db, ADMIN, reportExportEvent('occupancyList', 'Belegungsliste', 'GU Balingen Kirchstraße 10 · Stichtag 01.03.2026', 'xlsx'));
    expect(event).toMatchObject({
      at: '2026-03-01T09:00:00.000Z',
      kind: 'export',
      userId: 'u-admin',
      userName: 'Frau Verwaltung',
      deviceId: 'dev-audit-a',
      subject: 'report.occupancyList.xlsx',
      description: 'Belegungsliste – GU Balingen Kirchstraße 10 · Stichtag 01.03.2026 (Excel)',
      personIds: [],
    });
    expect(await db.accessLog.toArray()).toEqual([event]);
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.change.operation).toBe('access.export');
    expect(outbox[0]!.change.ops).toEqual([expect.objectContaining({ kind: 'upsert', table: 'accessLog', id: event.id, created: true })]);
    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ operation: 'access.export', entity: 'accessLog', entityId: event.id, userId: 'u-admin', before: null, changeId: outbox[0]!.change.changeId });
  });

  it('uses the operation of the kind (letter, auskunft) and keeps the person ids sorted and unique', async () => {
    const e = await recordAccessEvent(db, ADMIN, letterReprintEvent('2026-ABC-00001', 'allocation', ['p3', 'p1', 'p3']));
    expect(e.personIds).toEqual(['p1', 'p3']);
    expect((await db.outbox.toArray()).map((o) => o.change.operation)).toEqual(['access.letter']);
  });

  it('refuses an event without subject or description and writes nothing', async () => {
    const before = await snapshot(db);
    await expect(recordAccessEvent(db, ADMIN, { kind: 'export', subject: ' ', description: '', personIds: [] })).rejects.toThrow('Ein Zugriff braucht einen Gegenstand');
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('immutability of access events and audit entries', () => {
  it('refuses to patch or delete an access event, and the refused operation changes nothing', async () => {
    const event = await recordAccessEvent(db, ADMIN, reportExportEvent('freePlaces', 'Freie Plätze', 'Stichtag 01.03.2026', 'pdf'));
    const before = await snapshot(db);
    await expect(runOperation(db, ADMIN, 'person.update', (w) => w.patch('accessLog', event.id, { description: 'nichts passiert' }).then(() => undefined))).rejects.toBeInstanceOf(AppendOnlyViolationError);
    await expect(runOperation(db, ADMIN, 'person.update', (w) => w.softDelete('accessLog', event.id))).rejects.toThrow('Protokolleinträge und Zugriffe können nicht geändert oder gelöscht werden.');
    await expect(runOperation(db, ADMIN, 'person.update', (w) => w.put('accessLog', { ...event, userName: 'Jemand anderes' }).then(() => undefined))).rejects.toBeInstanceOf(AppendOnlyViolationError);
    // Together with a legitimate change in the same operation: the whole operation is refused.
    await expect(
      runOperation(db, ADMIN, 'person.update', async (w) => {
        await w.patch('persons', 'p1', { notes: 'geändert' });
        await w.patch('accessLog', event.id, { personIds: ['p1'] });
      }),
    ).rejects.toBeInstanceOf(AppendOnlyViolationError);
    expect(await snapshot(db)).toEqual(before);
  });

  it('accepts the same access event written again unchanged (a sync replay is not a change)', async () => {
    const event = await recordAccessEvent(db, ADMIN, reportExportEvent('freePlaces', 'Freie Plätze', 'Stichtag 01.03.2026', 'pdf'));
    const result = await applyWithoutOutbox(db, ADMIN, 'sync.apply', (w) => w.put('accessLog', event).then(() => undefined), { keepTimestamps: true });
    expect(result.ops).toEqual([]);
    expect(await db.accessLog.get(event.id)).toEqual(event);
  });

  it('has no write path for the audit table at all', async () => {
    await recordAccessEvent(db, ADMIN, reportExportEvent('freePlaces', 'Freie Plätze', 'Stichtag 01.03.2026', 'pdf'));
    const entry = (await db.audit.toArray())[0]!;
    const before = await snapshot(db);
    const audit = 'audit' as unknown as EntityTable;
    await expect(runOperation(db, ADMIN, 'person.update', (w) => w.patch(audit, entry.id, {}).then(() => undefined))).rejects.toThrow('Unbekannte Tabelle: audit');
    await expect(runOperation(db, ADMIN, 'person.update', (w) => w.softDelete(audit, entry.id))).rejects.toThrow('Unbekannte Tabelle: audit');
    expect(await snapshot(db)).toEqual(before);
  });
});
