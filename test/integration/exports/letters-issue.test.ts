// Issuing letters against a real (fake-indexeddb) database: the log, the
// per-device numbers, the allocation's letter ids, exact reprints, template
// versions, letterhead validation, and "nothing written" on errors.
import { describe, expect, it } from 'vitest';
import { ENTITY_TABLES } from '../../../shared/domain/model';
import { DEFAULT_LETTERHEAD, defaultTemplate } from '../../../shared/letters';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import type { WriteContext } from '../../../renderer/db/repository';
import { contentOf, issueLetters, prepareLetters } from '../../../renderer/features/letters/issue';
import { loadLetterhead, loadTemplates, reserveNumbers, saveLetterhead, saveTemplate } from '../../../renderer/features/letters/storage';
import { fixtureDataset, FIXTURE_TODAY } from '../../unit/reports/fixture';
import { ADMIN } from '../../support/actors';

let counter = 0;
const CTX: WriteContext = { user: 'Frau Sachbearbeiterin', deviceId: '3fa91c2e-aaaa-4bbb-8ccc-000000000001', actor: ADMIN, now: () => new Date('2026-03-01T09:00:00Z') };

async function seeded(): Promise<QuartierDb> {
  const db = await openDatabase(`letters-test-${process.pid}-${Date.now()}-${++counter}`);
  const ds = fixtureDataset();
  await db.transaction('rw', ENTITY_TABLES.map((t) => db.table(t)), async () => {
    for (const t of ENTITY_TABLES) await db.table(t).bulkPut(ds[t]);
  });
  return db;
}

async function dataset(db: QuartierDb) {
  const ds = fixtureDataset();
  for (const t of ENTITY_TABLES) (ds as Record<string, unknown[]>)[t] = await db.table(t).toArray();
  return ds;
}

describe('issuing letters', () => {
  it('logs each letter with number, template version and frozen content, and links it to the allocation', async () => {
    const db = await seeded();
    const templates = await loadTemplates(db);
    const prep = prepareLetters(await dataset(db), templates, [{ kind: 'allocation', allocationId: 'al1' }, { kind: 'municipality_notice', allocationId: 'al1' }], DEFAULT_LETTERHEAD, { issuedOn: FIXTURE_TODAY });
    expect(prep.problems).toEqual([]);
    const entries = await issueLetters(db, CTX, prep.letters, DEFAULT_LETTERHEAD, { issuedOn: FIXTURE_TODAY });
    expect(entries.map((e) => e.number)).toEqual(['2026-3FA91C-00001', '2026-3FA91C-00002']);
    const log = (await db.letters.toArray()).sort((a, b) => a.number.localeCompare(b.number));
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ templateKind: 'allocation', templateVersion: 1, issuedBy: 'Frau Sachbearbeiterin', recipientName: 'Amira Haddad', allocationId: 'al1' });
    expect(contentOf(log[0]!).number).toBe(log[0]!.number);
    expect((await db.allocations.get('al1'))!.letterIds).toEqual(entries.map((e) => e.id));
    // Audit and outbox got the operation (the letters sync to the other laptops).
    expect((await db.outbox.toArray()).at(-1)!.change.operation).toBe('letters.issueBatch');
  });

  it('logs one notice for several allocations of a municipality with all person and allocation ids, linked to each allocation', async () => {
    const db = await seeded();
    const al1 = (await db.allocations.get('al1'))!;
    await db.allocations.put({ ...al1, id: 'al2', householdId: null, personIds: ['p4'], plannedMoveDate: '2026-04-15', letterIds: [] });
    const templates = await loadTemplates(db);
    const requests = [
      { kind: 'allocation', allocationId: 'al1' },
      { kind: 'allocation', allocationId: 'al2' },
      { kind: 'municipality_notice', allocationIds: ['al1', 'al2'] },
    ] as const;
    const prep = prepareLetters(await dataset(db), templates, requests, DEFAULT_LETTERHEAD, { issuedOn: FIXTURE_TODAY });
    expect(prep.problems).toEqual([]);
    const entries = await issueLetters(db, CTX, prep.letters, DEFAULT_LETTERHEAD, { issuedOn: FIXTURE_TODAY });
    expect(entries).toHaveLength(3);
    const notices = (await db.letters.toArray()).filter((e) => e.templateKind === 'municipality_notice');
    expect(notices).toHaveLength(1);
    const notice = notices[0]!;
    expect(notice).toMatchObject({ recipientName: 'Balingen', personIds: ['p1', 'p2', 'p3', 'p4'], allocationIds: ['al1', 'al2'], allocationId: null, householdId: null });
    expect(contentOf(notice).persons.map((p) => `${p.household}: ${p.familyName}, ${p.givenName}`)).toEqual([
      'Familie Haddad: Haddad, Amira',
      'Familie Haddad: Haddad, Omar',
      'Familie Haddad: Haddad, Lina',
      'Petrenko, Oleksandr: Petrenko, Oleksandr',
    ]);
    // Each allocation knows its household letter and the shared notice.
    expect((await db.allocations.get('al1'))!.letterIds).toEqual([entries[0]!.id, notice.id]);
    expect((await db.allocations.get('al2'))!.letterIds).toEqual([entries[1]!.id, notice.id]);
  });

  it('reprints exactly as first issued, even after the data and the template changed', async () => {
    const db = await seeded();
    let templates = await loadTemplates(db);
    const prep = prepareLetters(await dataset(db), templates, [{ kind: 'assignment', stayId: 's1' }], DEFAULT_LETTERHEAD, { issuedOn: FIXTURE_TODAY });
    const [entry] = await issueLetters(db, CTX, prep.letters, DEFAULT_LETTERHEAD, { issuedOn: FIXTURE_TODAY });
    const before = JSON.stringify(contentOf(entry!));

    await db.persons.update('p1', { familyName: 'Haddad-Neu' });
    const current = templates.get('assignment')!;
    const saved = await saveTemplate(db, CTX, current, { name: current.name, blocks: current.blocks.map((b) => (b.key === 'closing' ? { ...b, text: 'Hochachtungsvoll' } : b)), annexes: [] });
    expect(saved.ok && saved.template.version).toBe(2);
    templates = await loadTemplates(db);
    expect(templates.get('assignment')!.version).toBe(2);

    const stored = await db.letters.get(entry!.id);
    expect(JSON.stringify(contentOf(stored!))).toBe(before);
    expect(contentOf(stored!).closing).toBe('Mit freundlichen Grüßen');
    expect(stored!.templateVersion).toBe(1);
  });

  it('refuses a template with an unknown placeholder and writes nothing', async () => {
    const db = await seeded();
    const current = (await loadTemplates(db)).get('assignment')!;
    const result = await saveTemplate(db, CTX, current, { name: current.name, blocks: [{ key: 'subject', title: 'Betreff', text: 'Für {{nmae}}' }], annexes: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toBe('Unbekannter Platzhalter {{nmae}}.');
    expect(await db.letterTemplates.count()).toBe(0);
  });

  it('reports missing data during preparation; issuing such a letter writes nothing', async () => {
    const db = await seeded();
    const templates = await loadTemplates(db);
    const prep = prepareLetters(await dataset(db), templates, [{ kind: 'transfer', stayId: 's5' }, { kind: 'allocation', allocationId: 'gone' }], DEFAULT_LETTERHEAD, { issuedOn: FIXTURE_TODAY });
    expect(prep.problems).toEqual(['Petrenko, Oleksandr: Grund der Verlegung', 'Die Zuteilung für dieses Schreiben ist nicht mehr vorhanden.']);
    await expect(issueLetters(db, CTX, prep.letters, DEFAULT_LETTERHEAD, { issuedOn: FIXTURE_TODAY })).rejects.toThrow('Grund der Verlegung');
    expect(await db.letters.count()).toBe(0);
  });

  it('numbers never repeat on one device, also under concurrent reservations', async () => {
    const db = await seeded();
    const batches = await Promise.all([reserveNumbers(db, CTX.deviceId, 2026, 3), reserveNumbers(db, CTX.deviceId, 2026, 3), reserveNumbers(db, CTX.deviceId, 2026, 3)]);
    const all = batches.flat();
    expect(new Set(all).size).toBe(9);
    expect(all.sort().at(-1)).toBe('2026-3FA91C-00009');
  });

  it('stores a valid letterhead and rejects an invalid one without writing', async () => {
    const db = await seeded();
    expect(await loadLetterhead(db)).toEqual(DEFAULT_LETTERHEAD);
    const bad = await saveLetterhead(db, { ...DEFAULT_LETTERHEAD, zip: 'abc' });
    expect(bad.ok).toBe(false);
    expect(await db.settings.get('letters.letterhead')).toBeUndefined();
    const ok = await saveLetterhead(db, { ...DEFAULT_LETTERHEAD, signerName: 'Dr. Anna Beispiel' });
    expect(ok.ok).toBe(true);
    expect((await loadLetterhead(db)).signerName).toBe('Dr. Anna Beispiel');
    expect(defaultTemplate('assignment', 'x').version).toBe(1);
  });
});
