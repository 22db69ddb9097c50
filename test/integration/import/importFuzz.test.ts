// Property tests: malformed rows never crash the import, never leave a
// partial import behind (all tables compared), and every deliberately broken
// row is named in the preview with its row number.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type QuartierDb } from '../../../renderer/db/db';
import { applyWithoutOutbox } from '../../../renderer/db/repository';
import { ImportRefusedError, runImport } from '../../../renderer/features/import/importCommands';
import { suggestMapping, type ImportKind } from '../../../shared/import/fields';
import type { Cell, Row } from '../../../shared/import/table';
import { testCtx } from '../../support/actors';
import { accommodation, bed, municipality, room, unit } from '../db/fixtures';
import { snapshot } from '../db/snapshot';

const ctx = testCtx({ user: 'Fuzz', deviceId: 'dev-fuzz' });
const TODAY = '2026-03-02';
let db: QuartierDb;
let n = 0;

beforeEach(async () => {
  db = await openDatabase(`import-fuzz-${++n}-${Date.now()}`);
  await applyWithoutOutbox(db, ctx, 'seed', async (w) => {
    await w.put('municipalities', municipality('m1'));
    await w.put('accommodations', accommodation('a1'));
    await w.put('units', unit('u1'));
    for (let r = 1; r <= 4; r++) {
      await w.put('rooms', { ...room(`r${r}`), number: String(r) });
      for (let b = 1; b <= 4; b++) await w.put('beds', bed(`b${r}-${b}`, `r${r}`, 'a1', b));
    }
  }, { audit: false });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const HEADERS: Record<'residents' | 'occupancy', string[]> = {
  residents: ['Nachname', 'Vorname', 'Geburtsdatum', 'Staatsangehörigkeit', 'Aktenzeichen', 'Aufnahme', 'Bemerkung'],
  occupancy: ['Nachname', 'Vorname', 'Geburtsdatum', 'Staatsangehörigkeit', 'Aktenzeichen', 'Unterkunft', 'Zimmer', 'Einzug'],
};

/** Ways to break a row that must always be reported. */
const BREAKS = ['noFamilyName', 'feb31', 'unknownNationality', 'futureBirth', 'garbageDate'] as const;
type Break = (typeof BREAKS)[number];

/** Junk for any cell: random text (incl. separators, quotes, "__proto__"), numbers, null. */
const junk: fc.Arbitrary<Cell> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', '"', ';', '\n', '31.02.2024', '00.00.0000', '-1', 'NaN', '∞', 'ja'),
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.constant(null),
);

function validRow(kind: 'residents' | 'occupancy', i: number): Cell[] {
  const base: Cell[] = [`Fam${i}`, `Vor${i}`, `0${(i % 9) + 1}.0${(i % 9) + 1}.19${70 + (i % 30)}`, 'Syrien', `AZ-${i}`];
  // Occupancy: 16 places in 4 rooms; rows beyond 16 will be refused as "room full" – a legitimate row-level message.
  return kind === 'residents' ? [...base, '01.02.2025', 'ok'] : [...base, 'GU Hechingen Lindenstraße', String((i % 4) + 1), '01.02.2025'];
}

function applyBreak(row: Cell[], b: Break): void {
  if (b === 'noFamilyName') row[0] = '';
  if (b === 'feb31') row[2] = '31.02.2024';
  if (b === 'unknownNationality') row[3] = 'Atlantis';
  if (b === 'futureBirth') row[2] = '01.01.2099';
  if (b === 'garbageDate') row[2] = 'gestern';
}

for (const kind of ['residents', 'occupancy'] as const satisfies readonly ImportKind[]) {
  describe(`import fuzz: ${kind}`, () => {
    it('never crashes, never imports partly, always names the broken rows', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 14 }),
          fc.array(fc.tuple(fc.nat(20), fc.constantFrom(...BREAKS)), { maxLength: 4 }),
          fc.array(fc.tuple(fc.nat(20), fc.nat(HEADERS[kind].length - 1), junk), { maxLength: 6 }),
          async (count, breaks, junkCells) => {
            const rows: Row[] = [HEADERS[kind], ...Array.from({ length: count }, (_, i) => validRow(kind, i))];
            const broken = new Set<number>();
            for (const [i, b] of breaks) {
              const row = rows[1 + (i % count)]!;
              applyBreak(row, b);
              broken.add(2 + (i % count));
            }
            for (const [i, col, value] of junkCells) rows[1 + (i % count)]![col] = value;
            // Junk may repair or break a row; only rows whose broken cell junk did not touch must be reported.
            const touched = new Set(junkCells.map(([i]) => 2 + (i % count)));
            const before = await snapshot(db);
            const req = { kind, fileName: 'fuzz.csv', rows, headerRow: 0, mapping: suggestMapping(kind, HEADERS[kind]) };
            let outcome: 'ok' | ImportRefusedError;
            try {
              await runImport(db, req, { ctx, today: TODAY });
              outcome = 'ok';
            } catch (e) {
              if (!(e instanceof ImportRefusedError)) throw e; // anything else is a crash
              outcome = e;
            }
            if (outcome === 'ok') {
              for (const r of broken) expect(touched.has(r), `row ${r} was broken but imported`).toBe(true);
              const persons = await db.persons.count();
              expect(persons).toBe(before.persons!.length + count);
            } else {
              expect(await snapshot(db)).toEqual(before);
              const plan = outcome.plan;
              for (const r of broken) if (!touched.has(r)) expect(plan.errorRows, `row ${r}`).toContain(r);
              for (const p of plan.problems) {
                expect(p.row).toBeGreaterThanOrEqual(2);
                expect(p.row).toBeLessThanOrEqual(count + 1);
                expect(typeof p.code).toBe('string');
              }
              expect(plan.errorRows.length).toBeGreaterThan(0);
            }
            // Start every run from the seed again.
            await db.transaction('rw', db.tables, async () => {
              for (const t of db.tables) {
                const keep = before[t.name];
                await t.clear();
                if (keep && keep.length) await t.bulkPut(keep as never[]);
              }
            });
          },
        ),
        { numRuns: 60 },
      );
    }, 60_000);
  });
}
