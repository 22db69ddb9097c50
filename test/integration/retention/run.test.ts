// The retention run on one laptop: refusals change nothing, the run is one
// change, "Löschen" hides the person but keeps the stays, the policy is a
// synced access event, undo stops at a run, the archive holds the records.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QuartierDb } from '../../../renderer/db/db';
import { runOperation, type WriteContext } from '../../../renderer/db/repository';
import { archiveJsonBytes, buildArchive } from '../../../renderer/features/retention/archive';
import { loadDue, loadPolicy, runRetention, saveRetentionPolicy } from '../../../renderer/features/retention/retentionCommands';
import { findLastUndoable } from '../../../renderer/features/operations/undo';
import { updatePerson } from '../../../renderer/features/operations/personCommands';
import { personToInput } from '../../../renderer/features/operations/personSchema';
import { accommodation, bed, household, municipality, person, room, unit } from '../db/fixtures';

const ctx: WriteContext = { user: 'Admin', deviceId: 'dev-a', actor: { userId: 'u-admin', role: 'admin', accommodationIds: [] } };
const TODAY = '2026-11-21';
const POLICY = { standardMonths: 12, refusedMonths: 6 };

let db: QuartierDb;

beforeEach(async () => {
  db = new QuartierDb(`retention-run-${Math.random().toString(36).slice(2)}`);
  await db.open();
  await runOperation(db, ctx, 'accommodation.create', async (w) => {
    await w.put('municipalities', municipality());
    await w.put('accommodations', accommodation());
    await w.put('units', unit());
    await w.put('rooms', room());
    await w.put('beds', bed());
    await w.put('beds', bed('b2', 'r1', 'a1', 2));
  });
  await runOperation(db, ctx, 'person.create', async (w) => {
    await w.put('households', household('h1', 'p1'));
    await w.put('persons', { ...person('p1'), notes: 'Geheimnis' });
    await w.put('persons', { ...person('p2'), givenName: 'Lina', benefitsRefused: true });
    await w.put('persons', { ...person('p3', null), familyName: 'Koval', givenName: 'Olena' });
    await w.put('stays', { id: 's1', personId: 'p1', bedId: 'b1', roomId: 'r1', accommodationId: 'a1', householdId: 'h1', from: '2024-01-01', to: '2025-03-01' });
    await w.put('stays', { id: 's2', personId: 'p2', bedId: 'b2', roomId: 'r1', accommodationId: 'a1', householdId: 'h1', from: '2024-01-01', to: '2026-04-01' });
    // p3 still lives here: never due.
    await w.put('stays', { id: 's3', personId: 'p3', bedId: 'b1', roomId: 'r1', accommodationId: 'a1', householdId: null, from: '2025-03-01', to: null });
  });
});

afterEach(() => db.close());

async function counts() {
  return { outbox: await db.outbox.count(), audit: await db.audit.count(), persons: JSON.stringify(await db.persons.toArray()) };
}

describe('retention run', () => {
  it('lists the due persons with their rule and refuses runs that are not allowed without writing anything', async () => {
    const due = await loadDue(db, TODAY, POLICY);
    expect(due.map((d) => [d.personId, d.reason, d.closedOn, d.dueOn])).toEqual([
      ['p1', 'standard', '2025-03-01', '2026-03-01'],
      ['p2', 'refused', '2026-04-01', '2026-10-01'],
    ]);
    const before = await counts();
    await expect(runRetention(db, ctx, { personIds: ['p1'], mode: 'anonymise', today: TODAY, policy: POLICY, archived: false })).rejects.toThrow(/Archivdateien/);
    await expect(runRetention(db, ctx, { personIds: ['p1', 'p3'], mode: 'anonymise', today: TODAY, policy: POLICY, archived: true })).rejects.toThrow(/nicht \(mehr\) zur Löschung fällig/);
    const readonly: WriteContext = { ...ctx, actor: { userId: 'u-r', role: 'readonly', accommodationIds: [] } };
    await expect(runRetention(db, readonly, { personIds: ['p1'], mode: 'anonymise', today: TODAY, policy: POLICY, archived: true })).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });

  it('anonymises in one change, scrubs the audit, records a retention event without names, and stops undo', async () => {
    const before = await db.outbox.count();
    const result = await runRetention(db, ctx, { personIds: ['p1'], mode: 'anonymise', today: TODAY, policy: POLICY, archived: true });
    expect(await db.outbox.count()).toBe(before + 1);
    expect(result.changeId).toBe(`dev-a:${before + 1}`);
    const p1 = (await db.persons.get('p1'))!;
    expect(p1).toMatchObject({ familyName: 'Gelöscht', birthDate: '1990-01-01', notes: '', anonymisedOn: TODAY });
    // Lina stays: the household keeps its name.
    expect((await db.households.get('h1'))?.name).toBe('Familie Haddad');
    // (The other fixture persons share the birth day: only p1's entries must have lost it.)
    const audit = await db.audit.toArray();
    expect(audit.map((e) => JSON.stringify(e)).filter((t) => /Samir|Geheimnis/.test(t))).toEqual([]);
    expect(audit.filter((e) => e.entityId === 'p1').map((e) => JSON.stringify(e)).filter((t) => t.includes('1990-03-14'))).toEqual([]);
    expect(audit.filter((e) => e.entityId === 'p1').length).toBeGreaterThanOrEqual(2);
    // Lina's entries are untouched.
    expect(JSON.stringify(audit.filter((e) => e.entityId === 'p2'))).toMatch(/Lina/);
    const events = await db.accessLog.where('kind').equals('retention').toArray();
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0])).not.toMatch(/Haddad|Samir/);
    expect(events[0]!.subject).toMatch(/^retention\.run\?mode=anonymise&persons=1/);
    expect(await findLastUndoable(db)).toBeNull();
    // Not due any more; a second run over the same person is refused.
    expect((await loadDue(db, TODAY, POLICY)).map((d) => d.personId)).toEqual(['p2']);
  });

  it('"Löschen" hides the persons, keeps every stay, and neutralises the household once everyone is gone', async () => {
    await runRetention(db, ctx, { personIds: ['p1', 'p2'], mode: 'delete', today: TODAY, policy: POLICY, archived: true });
    const persons = await db.persons.bulkGet(['p1', 'p2']);
    expect(persons.map((p) => [p?.deleted, p?.familyName])).toEqual([
      [true, 'Gelöscht'],
      [true, 'Gelöscht'],
    ]);
    expect(await db.stays.count()).toBe(3);
    expect((await db.stays.toArray()).every((s) => s.deleted !== true)).toBe(true);
    expect((await db.households.get('h1'))?.name).toMatch(/^Gelöscht /);
  });

  it('keeps the policy as a synced access event; the newest is in force', async () => {
    expect((await loadPolicy(db)).policy).toEqual({ standardMonths: 72, refusedMonths: 12 });
    await saveRetentionPolicy(db, ctx, { standardMonths: 24, refusedMonths: 6 });
    expect((await loadPolicy(db)).policy).toEqual({ standardMonths: 24, refusedMonths: 6 });
    await expect(saveRetentionPolicy(db, ctx, { standardMonths: 6, refusedMonths: 12 })).rejects.toThrow(/ungültig/);
    expect((await loadDue(db, TODAY)).map((d) => d.personId)).toEqual(['p2']);
    const last = (await db.outbox.toArray()).at(-1)!.change;
    expect(last.operation).toBe('settings.update');
  });

  it('editing a person in the form keeps the retention fields (benefits refused, anonymisation)', async () => {
    const p2 = (await db.persons.get('p2'))!;
    expect(personToInput(p2).benefitsRefused).toBe(true);
    await updatePerson(db, 'p2', { ...personToInput(p2), nationality: 'IRQ' }, { ctx });
    expect(await db.persons.get('p2')).toMatchObject({ nationality: 'IRQ', benefitsRefused: true });
    await updatePerson(db, 'p2', { ...personToInput(p2), benefitsRefused: false }, { ctx });
    expect((await db.persons.get('p2'))?.benefitsRefused).toBeUndefined();

    await runRetention(db, ctx, { personIds: ['p1'], mode: 'anonymise', today: TODAY, policy: POLICY, archived: true });
    const p1 = (await db.persons.get('p1'))!;
    await updatePerson(db, 'p1', { ...personToInput(p1), nationality: 'IRQ' }, { ctx });
    expect(await db.persons.get('p1')).toMatchObject({ nationality: 'IRQ', anonymisedOn: TODAY, birthYearOnly: true, familyName: 'Gelöscht' });
  });

  it('the archive holds every record of the due persons', async () => {
    const due = await loadDue(db, TODAY, POLICY);
    const archive = await buildArchive(db, due, TODAY, POLICY, '2026-11-21T10:00:00.000Z');
    expect(archive.persons.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(archive.stays.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(archive.households.map((h) => h.id)).toEqual(['h1']);
    const parsed = JSON.parse(new TextDecoder().decode(archiveJsonBytes(archive))) as { persons: { notes?: string }[] };
    expect(parsed.persons[0]!.notes).toBe('Geheimnis');
  });
});
