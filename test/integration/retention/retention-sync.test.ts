// Issue #7: "retention run on a synced pair of laptops removes the person
// everywhere including the share's change files". Two fake-indexeddb
// databases, one real temporary share folder, the real sync engine.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LetterLogEntry, Person } from '../../../shared/domain/model';
import { buildOccupancyIndex, occupancyDaysByMonth } from '../../../shared/occupancy';
import { DEFAULT_KDF_ITERATIONS, decryptFile, defaultCrypto, unlockKeyring } from '../../../shared/sync/cipher';
import { FORMAT_FILE, parseFormatFile } from '../../../shared/sync/format';
import { bytesToJson } from '../../../shared/sync/text';
import { runOperation, type Writer } from '../../../renderer/db/repository';
import { loadDue, runRetention } from '../../../renderer/features/retention/retentionCommands';
import { PURGE_STATE_KEY } from '../../../renderer/sync/purge';
import { Laptop, NodeSharePort, tempShare, TEST_PASSPHRASE } from '../sync/harness';
import { accommodation, bed, municipality, person, room, unit } from '../db/fixtures';

void DEFAULT_KDF_ITERATIONS;

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

const ADMIN = { userId: 'u-admin', role: 'admin' as const, accommodationIds: [] };

async function write(l: Laptop, operation: string, body: (w: Writer) => Promise<void>): Promise<void> {
  await runOperation(l.db, { user: l.name, deviceId: await l.deviceId(), actor: ADMIN }, operation, body);
}

/** Every file under the share, share-relative. */
function allFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else out.push(path.relative(root, p).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

/** Decrypts every encrypted file on the share (format.json is plain). */
async function decryptAll(root: string): Promise<Map<string, string>> {
  const c = defaultCrypto();
  const format = parseFormatFile(bytesToJson(readFileSync(path.join(root, FORMAT_FILE))));
  const key = await unlockKeyring(c, TEST_PASSPHRASE, format.kdf, format.wrappedKey);
  const out = new Map<string, string>();
  for (const f of allFiles(root)) {
    const body = new Uint8Array(readFileSync(path.join(root, f)));
    if (f === FORMAT_FILE) out.set(f, new TextDecoder().decode(body));
    else out.set(f, new TextDecoder().decode(await decryptFile(c, key, f, body)));
  }
  return out;
}

/** Every row of every table of a laptop's database as text (records, audit, outbox, sync state, settings). */
async function dumpDb(l: Laptop): Promise<string> {
  const parts: string[] = [];
  for (const t of l.db.tables) {
    for (const row of await t.toArray()) parts.push(`${t.name}:${JSON.stringify(row)}`);
  }
  return parts.join('\n');
}

/** The rows that still hold a needle (for a readable failure). */
async function leakingRows(l: Laptop): Promise<string[]> {
  return (await dumpDb(l)).split('\n').filter((row) => leaks(row).length > 0).map((row) => row.slice(0, 3000));
}

const SECRET = {
  familyName: 'Brzęczyszczykiewicz',
  givenName: 'Grzegorz',
  birthDate: '1987-08-12',
  birthDateDe: '12.08.1987',
  notes: 'Zahnarzttermin am Dienstag, Schwester wohnt in Kassel',
  azr: 'AZR-998877665',
  household: 'Familie Brzęczyszczykiewicz',
};
const NEEDLES = [SECRET.familyName, SECRET.givenName, SECRET.birthDate, SECRET.birthDateDe, SECRET.notes, 'Schwester wohnt', SECRET.azr];

function leaks(text: string): string[] {
  return NEEDLES.filter((n) => text.includes(n));
}

async function occupancy(l: Laptop) {
  const d = l.db;
  const data = {
    accommodations: await d.accommodations.toArray(),
    units: await d.units.toArray(),
    rooms: await d.rooms.toArray(),
    beds: await d.beds.toArray(),
    bedBlocks: await d.bedBlocks.toArray(),
    stays: await d.stays.toArray(),
    persons: await d.persons.toArray(),
  };
  return occupancyDaysByMonth(buildOccupancyIndex(data), '2025-01', '2025-12');
}

describe('retention run on two synced laptops', () => {
  it('removes the person everywhere, including the change files, snapshots and acks on the share', async () => {
    const share = tempShare();
    const port = new NodeSharePort(share.root);
    const a = await Laptop.open('A', port, { snapshotEvery: 0 });
    const b = await Laptop.open('B', port, { snapshotEvery: 0 });
    // C registers early and then stays away: it holds back compaction, so the
    // change files with the person's data stay on the share and must be
    // rewritten; when C comes back it reads the rewritten files.
    const c = await Laptop.open('C', port, { snapshotEvery: 0 });
    cleanups.push(share.cleanup, () => a.close(), () => b.close(), () => c.close());

    await write(a, 'accommodation.create', async (w) => {
      await w.put('municipalities', municipality());
      await w.put('accommodations', accommodation());
      await w.put('units', unit());
      await w.put('rooms', room('r1'));
      await w.put('rooms', { ...room('r2'), number: '1.02' });
      await w.put('beds', bed('b1', 'r1', 'a1', 1));
      await w.put('beds', bed('b2', 'r2', 'a1', 1));
    });
    // Another resident who stays, sharing a room in the same period.
    await write(a, 'person.create', async (w) => {
      await w.put('persons', { ...person('p2', null), givenName: 'Amina', familyName: 'Yusuf', sex: 'f' });
      await w.put('stays', { id: 's2', personId: 'p2', bedId: 'b2', roomId: 'r2', accommodationId: 'a1', householdId: null, from: '2025-01-01', to: '2025-05-10' });
    });
    // The person, their household, two stays (a move), a letter with their names frozen in it.
    await write(a, 'person.create', async (w) => {
      await w.put('households', { id: 'hx', name: SECRET.household, headPersonId: 'px' });
      const p: Omit<Person, 'createdAt' | 'updatedAt'> = {
        id: 'px',
        familyName: SECRET.familyName,
        givenName: SECRET.givenName,
        birthDate: SECRET.birthDate,
        sex: 'm',
        nationality: 'POL',
        languages: ['pl'],
        householdId: 'hx',
        fileNumber: '422-2025-0042',
        azrNumber: SECRET.azr,
        residenceStatus: 'aufenthaltserlaubnis',
        asylumDecision: 'granted',
        admissionDate: '2025-02-01',
        legalBasis: 'other',
        vulnerabilities: ['trauma'],
        needsBarrierFree: false,
        feePayer: false,
        notes: SECRET.notes,
      };
      await w.put('persons', p);
    });
    await write(a, 'stay.checkIn', async (w) => {
      await w.put('stays', { id: 'sx1', personId: 'px', bedId: 'b1', roomId: 'r1', accommodationId: 'a1', householdId: 'hx', from: '2025-02-01', to: null });
    });
    await a.sync();
    await b.sync();
    await c.sync();
    // B edits the notes (so B's own change file holds them too) and moves the person.
    await write(b, 'person.update', async (w) => {
      await w.patch('persons', 'px', { notes: `${SECRET.notes} (bestätigt)` });
    });
    await write(b, 'stay.move', async (w) => {
      await w.patch('stays', 'sx1', { to: '2025-05-10', endKind: 'move', nextStayId: 'sx2', correctionReason: `Umzug ${SECRET.givenName}` });
      await w.put('stays', { id: 'sx2', personId: 'px', bedId: 'b2', roomId: 'r2', accommodationId: 'a1', householdId: 'hx', from: '2025-05-10', to: null, previousStayId: 'sx1' });
    });
    await write(a, 'letters.issue', async (w) => {
      const letter: Omit<LetterLogEntry, 'createdAt' | 'updatedAt'> = {
        id: 'lx',
        number: '2025-000042',
        templateId: 't1',
        templateKind: 'assignment',
        templateVersion: 1,
        issuedOn: '2025-02-01',
        issuedBy: 'A',
        recipientName: `${SECRET.givenName} ${SECRET.familyName}`,
        personIds: ['px'],
        householdId: 'hx',
        content: { recipientName: `Herrn ${SECRET.givenName} ${SECRET.familyName}`, persons: [{ familyName: SECRET.familyName, givenName: SECRET.givenName, birthDate: SECRET.birthDateDe }] },
      };
      await w.put('letters', letter);
    });
    await b.sync();
    await a.sync();
    await b.sync();
    // A snapshot written before the run holds the old data (B's, on the share).
    await b.sync({ snapshot: true });
    await a.sync({ snapshot: true });

    // B closes the case (departure).
    await write(b, 'stay.checkOut', async (w) => {
      await w.patch('stays', 'sx2', { to: '2025-09-30', endKind: 'departure', departureReason: 'own_flat' });
    });
    await b.sync();
    await a.sync();
    expect(leaks(await dumpDb(b))).not.toEqual([]);
    const before = await occupancy(b);
    expect(before.reduce((n, r) => n + r.occupancyDays, 0)).toBeGreaterThan(200);

    // A runs retention with a short period.
    const policy = { standardMonths: 1, refusedMonths: 1 };
    const today = '2026-11-21';
    const due = await loadDue(a.db, today, policy);
    expect(due.map((d) => [d.personId, d.closedOn, d.reason])).toContainEqual(['px', '2025-09-30', 'standard']);
    const progress: string[] = [];
    await runRetention(a.db, { user: 'A', deviceId: await a.deviceId(), actor: ADMIN }, { personIds: ['px'], mode: 'anonymise', today, policy, archived: true }, (p) => progress.push(p.phase));
    expect(progress).toContain('writing');
    expect(progress.at(-1)).toBe('done');
    // Locally on A at once: records, audit and outbox are clean.
    expect(await leakingRows(a)).toEqual([]);

    // Sync both as often as the protocol needs: A ships, B applies + purges its part, A purges the rest.
    let rewritten = 0;
    for (let i = 0; i < 3; i++) {
      rewritten += (await a.sync()).purge?.rewritten ?? 0;
      rewritten += (await b.sync()).purge?.rewritten ?? 0;
    }
    // Both laptops had change files with the data (C never acknowledged them, so nothing was compacted).
    expect(rewritten).toBeGreaterThanOrEqual(2);
    expect(a.lastReport?.state).toBe('ok');
    expect(b.lastReport?.state).toBe('ok');
    expect(await a.stateHash()).toBe(await b.stateHash());
    expect(await b.db.syncState.get(PURGE_STATE_KEY)).toBeUndefined();
    expect(await a.db.syncState.get(PURGE_STATE_KEY)).toBeUndefined();

    // The person is anonymised on B, the stays are kept, the household and the letter are neutral.
    const px = (await b.db.persons.get('px'))!;
    expect(px).toMatchObject({ familyName: 'Gelöscht', birthDate: '1987-01-01', birthYearOnly: true, anonymisedOn: today, fileNumber: '422-2025-0042', vulnerabilities: [] });
    expect(px.notes).toBe('');
    expect(px.azrNumber).toBe('');
    expect((await b.db.households.get('hx'))?.name).toMatch(/^Gelöscht [0-9a-f]{6}$/);
    expect(await b.db.stays.where('personId').equals('px').count()).toBe(2);

    // Nothing on the share: decrypt every file.
    const files = await decryptAll(share.root);
    expect([...files.keys()].some((f) => f.includes('/snapshots/'))).toBe(true);
    expect([...files.keys()].some((f) => f.includes('/log/'))).toBe(true);
    for (const [f, text] of files) expect({ file: f, leaks: leaks(text) }).toEqual({ file: f, leaks: [] });
    // Neither database (records, audit, letters' content, outbox, sync state).
    expect(await leakingRows(b)).toEqual([]);
    expect(await leakingRows(a)).toEqual([]);
    // The access event names nobody.
    const events = (await b.db.accessLog.toArray()).filter((e) => e.kind === 'retention');
    expect(events).toHaveLength(1);
    expect(events[0]!.personIds).toEqual(['px']);

    // Occupancy of past days is unchanged.
    expect(await occupancy(b)).toEqual(before);
    expect(await occupancy(a)).toEqual(before);

    // C comes back: it reads the rewritten files, ends in the same state and never sees the data.
    await c.sync();
    await c.sync();
    expect(c.lastReport?.state).toBe('ok');
    expect(await c.stateHash()).toBe(await a.stateHash());
    expect(await leakingRows(c)).toEqual([]);
    expect(await c.conflictIds()).toEqual([]);

    // A new laptop joining afterwards starts from the clean snapshot and ends in the same state.
    const d = await Laptop.open('D', port, { snapshotEvery: 0 });
    cleanups.push(() => d.close());
    await d.sync();
    await d.sync();
    expect(await d.stateHash()).toBe(await a.stateHash());
    expect(await leakingRows(d)).toEqual([]);
    for (const [f, text] of await decryptAll(share.root)) expect({ file: f, leaks: leaks(text) }).toEqual({ file: f, leaks: [] });
  });
});
