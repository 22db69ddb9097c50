// Every operation name the renderer writes with produces audit entries: one
// table-driven case per operation, each run once against the hand-checked
// county, checking the audit rows of its change (who, device, when, what,
// before/after, changeId, userId) against the stored records and the outbox.
// A guard reads the renderer's source for runOperation calls, so a new
// operation without a case here fails this test (add a case below).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QuartierDb } from '../../../renderer/db/db';
import { runOperation, type WriteContext } from '../../../renderer/db/repository';
import { applyPlan } from '../../../renderer/features/operations/applyPlan';
import { newId } from '../../../renderer/features/operations/commandContext';
import {
  blockBed,
  checkIn,
  checkOut,
  correctStay,
  createHousehold,
  createPerson,
  extendDeadline,
  move,
  unblockBed,
  undoLastOperation,
  updatePerson,
} from '../../../renderer/features/operations/commands';
import { emptyPersonInput, personToInput } from '../../../renderer/features/operations/personSchema';
import { createAllocations, createMunicipality, markMoved, setAllocationStatus, updateMunicipality } from '../../../renderer/features/allocations/commands';
import { issueLetters, prepareLetters } from '../../../renderer/features/letters/issue';
import { loadTemplates, saveTemplate } from '../../../renderer/features/letters/storage';
import { recordAccessEvent } from '../../../renderer/features/audit/recordAccess';
import { PermissionDeniedError } from '../../../renderer/auth/errors';
import { createUser, setPassword, signIn, updateUser } from '../../../renderer/auth/users';
import { runImport, type ImportRequest } from '../../../renderer/features/import/importCommands';
import { loadDue, runRetention, saveRetentionPolicy } from '../../../renderer/features/retention/retentionCommands';
import { hashPassword } from '../../../shared/auth/password';
import { suggestMapping, type ImportKind } from '../../../shared/import/fields';
import type { Row } from '../../../shared/import/table';
import { cancelStay, confirmDelete, pickFieldValue, restoreRecord } from '../../../renderer/sync/resolve';
import { auskunftEvent, letterIssueEvent, reportExportEvent } from '../../../shared/audit/descriptions';
import { ACCESS_OPERATIONS } from '../../../shared/audit/accessEvents';
import { DEFAULT_LETTERHEAD } from '../../../shared/letters';
import type { LetterRequest } from '../../../shared/letters/context';
import { planCloseAccommodation, planSaveAccommodation } from '../../../shared/occupancy/planners/accommodation';
import { planStructure } from '../../../shared/occupancy/planners/structure';
import { ENTITY_TABLES, type Accommodation, type AuditEntry } from '../../../shared/domain/model';
import { FIXTURE_TODAY } from '../../unit/reports/fixture';
import { ADMIN, datasetOf, seededDb, ticking } from './fixture';
import { withoutInlineState } from '../../../shared/sync/inlineState';

const TODAY = FIXTURE_TODAY; // 2026-03-01

interface Case {
  /** Optional preparation (its own operations are not checked). */
  setup?: (db: QuartierDb, ctx: WriteContext) => Promise<void>;
  run: (db: QuartierDb, ctx: WriteContext) => Promise<unknown>;
  /** Checks of this operation beyond the common ones (e.g. the import's file and row). */
  check?: (audit: AuditEntry[]) => void;
  /**
   * Fields of `after` the retention scrub may rewrite after the run (the one
   * sanctioned write to the audit table besides appending): not compared
   * with the stored record.
   */
  scrubbed?: readonly string[];
}

// --- accounts, imports and retention ------------------------------------------

/** Cheap PBKDF2 for tests (production uses 600,000 iterations). */
const FAST = { iterations: 1000 };
const ADMIN_LOGIN = 'verwaltung';
const ADMIN_PASSWORD = 'Richtig-Langes-Kennwort';

/**
 * The acting administrator as a stored account (same id and display name as
 * ADMIN), and this laptop's device id as the one of ADMIN: sign-in builds its
 * context from the account and the device setting, not from a ctx.
 */
async function adminAccount(db: QuartierDb): Promise<void> {
  await db.users.put({
    id: 'u-admin',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    login: ADMIN_LOGIN,
    displayName: ADMIN.user,
    role: 'admin',
    active: true,
    password: await hashPassword(ADMIN_PASSWORD, FAST.iterations),
    accommodationIds: [],
  });
  await db.settings.put({ key: 'deviceId', value: ADMIN.deviceId });
}

async function createColleague(db: QuartierDb, ctx: WriteContext) {
  return createUser(db, { displayName: 'Herr Außendienst', login: 'aussendienst', password: 'Noch-ein-Kennwort-1', passwordRepeat: 'Noch-ein-Kennwort-1', role: 'field', accommodationIds: ['a1'] }, { ...FAST, ctx });
}

function importRequest(kind: ImportKind, rows: Row[]): ImportRequest {
  const headers = (rows[0] ?? []).map((c) => String(c ?? ''));
  return { kind, fileName: `${kind}.xlsx`, rows, headerRow: 0, mapping: suggestMapping(kind, headers) };
}

const IMPORTS: Record<ImportKind, Row[]> = {
  accommodations: [
    ['Unterkunft', 'Art', 'Straße', 'PLZ', 'Ort', 'Gemeinde', 'Gebäude', 'Zimmer', 'Fläche (m²)', 'Plätze', 'Platz'],
    ['GU Import', 'GU', 'Weg 1', '72379', 'Hechingen', 'Hechingen', 'Haus A', '1', '18,5', 2, null],
  ],
  residents: [
    ['Nachname', 'Vorname', 'Geburtsdatum', 'Aktenzeichen', 'Aufnahme'],
    ['Neu', 'Nora', '02.02.2002', 'AZ-9', '15.02.2026'],
  ],
  // A new person into the free place "2" of the flat (free since 01.02.2026).
  occupancy: [
    ['AZ', 'Name', 'Vorname', 'Geb.-Datum', 'Staatsangehörigkeit', 'Unterkunft', 'Gebäude', 'Zimmer', 'Bett', 'Einzug'],
    ['AZ-9', 'Neu', 'Nora', '02.02.2002', 'eritreisch', 'Wohnung Hechingen', 'Wohnung', 'Zimmer 1', '2', '01.03.2026'],
  ],
};

function importCase(kind: ImportKind): Case {
  return {
    run: async (db, ctx) => {
      const { plan } = await runImport(db, importRequest(kind, IMPORTS[kind]), { ctx, today: TODAY });
      expect(plan.problems).toEqual([]);
    },
    // Every record names the file and the row it came from.
    check: (audit) => {
      expect(audit.length).toBeGreaterThan(0);
      for (const a of audit) expect(a.source).toEqual({ file: `${kind}.xlsx`, row: expect.any(Number) as number });
    },
  };
}

/** Short periods so that p5 (moved out 01.02.2026, no allocation) is due on the fixture's day. */
const SHORT_POLICY = { standardMonths: 1, refusedMonths: 1 };

const emptyAccommodation = (id: string): Accommodation => ({
  id,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  name: 'Leere Wohnung',
  kind: 'flat',
  address: { street: 'Am Markt 1', zip: '72336', city: 'Balingen' },
  municipalityId: 'm1',
  lease: { start: null, end: null, rentCents: null, rentFree: false },
  status: 'active',
  openedOn: '2025-01-01',
  closedOn: null,
  reservePlaces: 0,
});

async function issue(db: QuartierDb, ctx: WriteContext, requests: LetterRequest[]) {
  const prep = prepareLetters(await datasetOf(db), await loadTemplates(db), requests, DEFAULT_LETTERHEAD, { issuedOn: TODAY });
  expect(prep.problems).toEqual([]);
  return issueLetters(db, ctx, prep.letters, DEFAULT_LETTERHEAD, { issuedOn: TODAY });
}

const CASES: Record<string, Case> = {
  'accommodation.create': {
    run: (db, ctx) =>
      runOperation(db, ctx, 'accommodation.create', async (w) => {
        const { id: _id, createdAt: _c, updatedAt: _u, ...input } = emptyAccommodation('x');
        await applyPlan(w, planSaveAccommodation({ ...input, name: 'Neue GU' }, null, { stays: [], persons: [] }, { newId, now: w.now }));
      }),
  },
  'accommodation.update': {
    run: (db, ctx) =>
      runOperation(db, ctx, 'accommodation.update', async (w) => {
        const current = (await w.get('accommodations', 'a2'))!;
        const { id: _id, createdAt: _c, updatedAt: _u, ...input } = current;
        const stays = await w.query('stays').where('accommodationId').equals('a2').toArray();
        const persons = (await w.query('persons').bulkGet(stays.map((s) => s.personId))).filter((p) => p !== undefined);
        await applyPlan(w, planSaveAccommodation({ ...input, reservePlaces: 1 }, current, { stays, persons }, { newId, now: w.now }));
      }),
  },
  'accommodation.close': {
    setup: async (db) => {
      await db.accommodations.put(emptyAccommodation('a3'));
    },
    run: (db, ctx) =>
      runOperation(db, ctx, 'accommodation.close', async (w) => {
        const acc = await w.get('accommodations', 'a3');
        await applyPlan(w, planCloseAccommodation({ accommodationId: 'a3', closedOn: '2026-03-10', today: TODAY }, acc, { stays: [], persons: [], beds: [], rooms: [] }, { newId, now: w.now }));
      }),
  },
  'accommodation.structure': {
    run: (db, ctx) =>
      runOperation(db, ctx, 'accommodation.structure', async (w) => {
        const accommodation = await w.get('accommodations', 'a1');
        const [units, rooms] = await Promise.all([w.query('units').where('accommodationId').equals('a1').toArray(), w.query('rooms').where('accommodationId').equals('a1').toArray()]);
        const plan = planStructure('Haus B, Zimmer 1–2, je 2 Plätze, 12 m²', { accommodation, units, rooms }, { newId, now: w.now });
        expect(plan.ok).toBe(true);
        await applyPlan(w, plan);
      }),
  },
  'allocation.create': {
    run: (db, ctx) => createAllocations(db, [{ householdId: null, personIds: ['p4'], municipalityId: 'm2' }], { decisionDate: null, plannedMoveDate: null, status: 'planned' }, { ctx, today: TODAY }),
  },
  'allocation.decide': {
    setup: async (db, ctx) => {
      await createAllocations(db, [{ householdId: null, personIds: ['p4'], municipalityId: 'm2' }], { decisionDate: null, plannedMoveDate: null, status: 'planned' }, { ctx, today: TODAY });
    },
    run: async (db, ctx) => {
      const planned = (await db.allocations.toArray()).find((a) => a.status === 'planned')!;
      return setAllocationStatus(db, planned.id, { status: 'decided', decisionDate: TODAY, plannedMoveDate: '2026-04-01' }, { ctx, today: TODAY });
    },
  },
  'allocation.cancel': { run: (db, ctx) => setAllocationStatus(db, 'al1', { status: 'cancelled', reason: 'Gemeinde hat widersprochen' }, { ctx, today: TODAY }) },
  'allocation.moved': { run: (db, ctx) => markMoved(db, 'al1', TODAY, { ctx, today: TODAY }) },
  'municipality.create': {
    run: (db, ctx) => createMunicipality(db, { ags: '08417079', name: 'Albstadt', population: 45000, populationDate: '2025-06-30', populationApproximate: true }, { ctx }),
  },
  'municipality.update': {
    run: (db, ctx) => updateMunicipality(db, 'm2', { ags: '08417031', name: 'Hechingen', population: 19500, populationDate: '2025-06-30', populationApproximate: false }, { ctx }),
  },
  'bed.block': { run: (db, ctx) => blockBed(db, { bedId: 'b5', from: '2026-03-10', until: null, reason: 'repair' }, { ctx }) },
  'bed.unblock': { run: (db, ctx) => unblockBed(db, { blockId: 'bb1', on: '2026-03-02' }, { ctx }) },
  'stay.checkIn': { run: (db, ctx) => checkIn(db, { assignments: [{ personId: 'p5', bedId: 'b7' }], from: TODAY }, { ctx }) },
  'stay.move': { run: (db, ctx) => move(db, { date: '2026-03-05', assignments: [{ personId: 'p4', bedId: 'b7' }], reason: 'Zimmertausch' }, { ctx }) },
  'stay.checkOut': { run: (db, ctx) => checkOut(db, { personIds: ['p4'], date: '2026-03-05', departureReason: 'own_flat' }, { ctx }) },
  'stay.correct': { run: (db, ctx) => correctStay(db, { stayId: 's1', from: '2025-03-02', reason: 'Einzugstag falsch erfasst' }, { ctx }) },
  'person.create': {
    run: (db, ctx) => createPerson(db, { ...emptyPersonInput(TODAY), familyName: 'Neu', givenName: 'Nina', fileNumber: 'AZ-9', nationality: 'SYR' }, { ctx }),
  },
  'person.update': {
    run: async (db, ctx) => updatePerson(db, 'p5', { ...personToInput((await db.persons.get('p5'))!), notes: 'Rückfrage offen' }, { ctx }),
  },
  'person.extendDeadline': { run: (db, ctx) => extendDeadline(db, { personId: 'p4', until: '2027-12-01', reason: 'Krankheit', decidedOn: TODAY }, { ctx }) },
  'household.create': { run: (db, ctx) => createHousehold(db, { name: 'Familie Demir', newMembers: [], existingMemberIds: ['p5'] }, { ctx }) },
  'letters.saveTemplate': {
    run: async (db, ctx) => {
      const current = (await loadTemplates(db)).get('assignment')!;
      const saved = await saveTemplate(db, ctx, current, { name: current.name, blocks: current.blocks.map((b) => (b.key === 'closing' ? { ...b, text: 'Freundliche Grüße' } : b)), annexes: [] });
      expect(saved.ok).toBe(true);
    },
  },
  'letters.issue': { run: (db, ctx) => issue(db, ctx, [{ kind: 'assignment', stayId: 's1' }]) },
  'letters.issueBatch': { run: (db, ctx) => issue(db, ctx, [{ kind: 'assignment', stayId: 's1' }, { kind: 'allocation', allocationId: 'al1' }]) },
  'conflict.cancelStay': { run: (db, ctx) => cancelStay(db, ctx, 's6') },
  'conflict.pickValue': { run: (db, ctx) => pickFieldValue(db, ctx, 'persons', 'p5', 'notes', 'vom anderen Laptop') },
  'conflict.restore': {
    setup: async (db) => {
      await db.bedBlocks.update('bb1', { deleted: true });
    },
    run: (db, ctx) => restoreRecord(db, ctx, 'bedBlocks', 'bb1'),
  },
  'conflict.confirmDelete': { run: (db, ctx) => confirmDelete(db, ctx, 'bedBlocks', 'bb1') },
  undo: {
    setup: (db, ctx) => blockBed(db, { bedId: 'b5', from: '2026-03-10', until: null, reason: 'repair' }, { ctx }).then(() => undefined),
    run: (db, ctx) => undoLastOperation(db, { ctx }),
  },
  [ACCESS_OPERATIONS.export]: { run: (db, ctx) => recordAccessEvent(db, ctx, reportExportEvent('freePlaces', 'Freie Plätze', 'Stichtag 01.03.2026', 'pdf')) },
  [ACCESS_OPERATIONS.letter]: { run: (db, ctx) => recordAccessEvent(db, ctx, letterIssueEvent(['assignment'], ['p1'], 'save')) },
  [ACCESS_OPERATIONS.auskunft]: { run: (db, ctx) => recordAccessEvent(db, ctx, auskunftEvent('p1')) },
  // The same account acting in a role that may not export: the refusal is recorded, then rethrown.
  [ACCESS_OPERATIONS.denied]: {
    run: async (db, ctx) => {
      const refused = recordAccessEvent(db, { ...ctx, actor: { ...ctx.actor, role: 'readonly' } }, reportExportEvent('freePlaces', 'Freie Plätze', 'Stichtag 01.03.2026', 'pdf'));
      await expect(refused).rejects.toBeInstanceOf(PermissionDeniedError);
    },
    check: (audit) => expect((audit[0]!.after as { kind: string; deniedPermission: string }).deniedPermission).toBe('export:lists'),
  },
  [ACCESS_OPERATIONS.signIn]: {
    setup: adminAccount,
    run: (db, ctx) => signIn(db, ADMIN_LOGIN, ADMIN_PASSWORD, { ...FAST, now: ctx.now! }),
    check: (audit) => expect(audit[0]!.after).toMatchObject({ kind: 'signIn', subject: 'signIn' }),
  },
  [ACCESS_OPERATIONS.signInFailed]: {
    setup: adminAccount,
    run: (db, ctx) => expect(signIn(db, ADMIN_LOGIN, 'falsches Kennwort!', { ...FAST, now: ctx.now! })).rejects.toThrow(),
    // The password typed is never recorded.
    check: (audit) => {
      expect(audit[0]!.after).toMatchObject({ kind: 'signInFailed', userId: 'u-admin' });
      expect(JSON.stringify(audit)).not.toContain('falsches Kennwort');
    },
  },
  'user.create': { setup: adminAccount, run: createColleague },
  'user.update': {
    setup: async (db, ctx) => {
      await adminAccount(db);
      await createColleague(db, ctx);
    },
    run: async (db, ctx) => {
      const colleague = (await db.users.where('login').equals('aussendienst').first())!;
      return updateUser(db, colleague.id, { accommodationIds: ['a1', 'a2'] }, { ...FAST, ctx });
    },
  },
  'user.setPassword': {
    setup: async (db, ctx) => {
      await adminAccount(db);
      await createColleague(db, ctx);
    },
    run: async (db, ctx) => {
      const colleague = (await db.users.where('login').equals('aussendienst').first())!;
      return setPassword(db, colleague.id, 'Ganz-neues-Kennwort', 'Ganz-neues-Kennwort', { ...FAST, ctx });
    },
    // Only the hash is stored, never the password.
    check: (audit) => expect(JSON.stringify(audit)).not.toContain('Ganz-neues-Kennwort'),
  },
  'import.accommodations': importCase('accommodations'),
  'import.residents': importCase('residents'),
  'import.occupancy': importCase('occupancy'),
  'settings.update': { run: (db, ctx) => saveRetentionPolicy(db, ctx, SHORT_POLICY) },
  'retention.run': {
    run: async (db, ctx) => {
      const due = await loadDue(db, TODAY, SHORT_POLICY);
      expect(due.map((d) => d.personId)).toEqual(['p5']);
      return runRetention(db, ctx, { personIds: ['p5'], mode: 'anonymise', today: TODAY, policy: SHORT_POLICY, archived: true });
    },
    // The scrub (renderer/sync/purge.ts) treats every version of the person's
    // names in the local audit as a token, the new pseudonym included, so the
    // audit shows "Gelöscht" where the record holds the pseudonym.
    scrubbed: ['givenName'],
    // The scrub after the run leaves no name of the anonymised person in the audit trail.
    check: (audit) => {
      expect(audit.map((a) => a.entity).sort()).toContain('persons');
      expect(JSON.stringify(audit)).not.toContain('Demir');
    },
  },
};

// ---------------------------------------------------------------------------
// The guard: operation names used by the renderer.

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

let sources: string[] | null = null;
function allSources(): string[] {
  sources ??= [...sourceFiles('renderer'), ...sourceFiles('shared')];
  return sources;
}

/** Literal operation names in runOperation calls, plus the names behind the known indirections. */
function operationNamesInSource(): { names: Set<string>; unresolved: string[] } {
  const names = new Set<string>();
  const unresolved: string[] = [];
  const literal = /'([a-zA-Z]+\.[a-zA-Z]+)'/g;
  for (const file of sourceFiles('renderer')) {
    if (file.endsWith(join('db', 'repository.ts'))) continue;
    const text = readFileSync(file, 'utf8');
    // Every call must be understood below: a call of another shape would slip past the guard.
    const calls = text.split('\n').filter((line) => !/^\s*(\/\/|\*)/.test(line) && /\brunOperation\(/.test(line)).length;
    let matched = 0;
    // The context argument may be a call (withClock(ctx, opts)).
    for (const m of text.matchAll(/runOperation\(\s*[\w.]+,\s*(?:[\w.]+|\w+\([^()]*\)),\s*([^\n]*?),\s*(?:async\s*)?\(/g)) {
      matched++;
      const arg = m[1]!.trim();
      const found = [...arg.matchAll(literal)].map((x) => x[1]!);
      if (found.length > 0) found.forEach((n) => names.add(n));
      else if (arg === 'plan.operation') {
        for (const f of sourceFiles('shared/occupancy/planners')) for (const x of readFileSync(f, 'utf8').matchAll(/planResult\('([^']+)'/g)) names.add(x[1]!);
        const saveOperation = /const operation = ([^;]+);/.exec(readFileSync('shared/occupancy/planners/accommodation.ts', 'utf8'))?.[1] ?? '';
        for (const x of saveOperation.matchAll(literal)) names.add(x[1]!);
      } else if (arg === 'UNDO_OPERATION') names.add('undo');
      // recordAccessEvent writes whatever kind it is given (including 'denied' for a refusal): every access operation.
      else if (arg.startsWith('accessOperationOf(')) Object.values(ACCESS_OPERATIONS).forEach((n) => names.add(n));
      else {
        // A constant (NAME or NAME[key]) defined in the same file: the operation names are its literals.
        const constant = /^([A-Z_]+)(?:\[[^\]]+\])?$/.exec(arg)?.[1];
        const pattern = constant ? new RegExp(`const ${constant}\\b[^=]*=\\s*([^;]+);`) : null;
        // Defined in the file itself, or exported by another module of renderer/ or shared/.
        const definition = pattern ? (pattern.exec(text)?.[1] ?? allSources().map((f) => pattern.exec(readFileSync(f, 'utf8'))?.[1]).find((d) => d !== undefined)) : undefined;
        const literals = definition ? [...definition.matchAll(literal)].map((x) => x[1]!) : [];
        if (literals.length > 0) literals.forEach((n) => names.add(n));
        else unresolved.push(`${file}: ${arg}`);
      }
    }
    if (matched !== calls) unresolved.push(`${file}: ${calls - matched} runOperation call(s) of a shape the guard does not read`);
  }
  return { names, unresolved };
}

describe('every operation writes audit entries', () => {
  it('has a case for every operation name used in the renderer', () => {
    const { names, unresolved } = operationNamesInSource();
    expect(unresolved, 'runOperation with an operation name this test cannot resolve: teach operationNamesInSource').toEqual([]);
    const missing = [...names].filter((n) => !(n in CASES)).sort();
    expect(missing, 'operations without a case in every-operation.test.ts: add one').toEqual([]);
    // The guard itself finds the operations it must (it is not vacuous).
    for (const n of ['stay.checkIn', 'letters.issueBatch', 'allocation.moved', 'accommodation.structure', 'undo', 'access.auskunft', 'access.denied', 'access.signIn', 'user.setPassword', 'import.occupancy', 'retention.run', 'settings.update']) expect(names).toContain(n);
  });

  it.each(Object.keys(CASES))('%s', async (operation) => {
    const db = await seededDb();
    try {
      const ctx = ticking(ADMIN);
      const c = CASES[operation]!;
      await c.setup?.(db, ctx);
      const outboxBefore = (await db.outbox.toArray()).length;
      await c.run(db, ctx);

      const changes = (await db.outbox.toArray()).slice(outboxBefore).map((o) => o.change);
      expect(changes.map((ch) => ch.operation)).toEqual([operation]);
      const change = changes[0]!;
      const audit: AuditEntry[] = await db.audit.where('changeId').equals(change.changeId).toArray();
      // One entry per touched record, each naming who, where, when and what.
      const touched = new Set(change.ops.map((op) => `${op.table}/${op.id}`));
      expect(audit.length).toBe(touched.size);
      expect(new Set(audit.map((a) => `${a.entity}/${a.entityId}`))).toEqual(touched);
      for (const a of audit) {
        expect(a).toMatchObject({ user: ADMIN.user, deviceId: ADMIN.deviceId, userId: 'u-admin', operation, at: change.at, changeId: change.changeId });
        expect((ENTITY_TABLES as readonly string[]).includes(a.entity)).toBe(true);
        // after = the record as stored now (without the sync's merge-state bookkeeping, shared/sync/inlineState.ts);
        // before = null for a created record, else the earlier state of the same record.
        const stored: unknown = withoutInlineState((await db.table(a.entity).get(a.entityId)) as object);
        const omit = (r: unknown) => Object.fromEntries(Object.entries(r as Record<string, unknown>).filter(([k]) => !(c.scrubbed ?? []).includes(k)));
        expect(omit(a.after)).toEqual(omit(stored));
        if (a.before !== null) {
          expect((a.before as { id: string }).id).toBe(a.entityId);
          expect(a.before).not.toEqual(a.after);
        } else {
          expect(change.ops.some((op) => op.kind === 'upsert' && op.id === a.entityId && op.created)).toBe(true);
        }
      }
      c.check?.(audit);
    } finally {
      db.close();
    }
  });
});
