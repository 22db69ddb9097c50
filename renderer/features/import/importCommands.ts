// Preview and write of an import. The preview plans against the stored data
// in a read transaction; the write plans AGAIN inside its runOperation
// transaction (so nothing can slip in between check and write) and writes
// only when that plan has no errors: one transaction, one Change, all rows
// or none. Every written record gets an audit entry with file name and row.
import { isoDateOf } from '../../../shared/domain/dates';
import type { EntityTable, Id } from '../../../shared/domain/model';
import type { ImportKind } from '../../../shared/import/fields';
import { planImport } from '../../../shared/import';
import {
  hasImportErrors,
  PLANNED_TABLES,
  sourceKey,
  type ImportExisting,
  type ImportInput,
  type ImportPlan,
} from '../../../shared/import/plan';
import type { ColumnMapping } from '../../../shared/import/fields';
import type { Row } from '../../../shared/import/table';
import type { Table } from 'dexie';
import type { QuartierDb } from '../../db/db';
import { runOperation, writeScope, type OperationResult } from '../../db/repository';
import { newId, resolveWriteContext, type CommandOptions } from '../operations/commandContext';

export const IMPORT_OPERATIONS: Record<ImportKind, string> = {
  accommodations: 'import.accommodations',
  residents: 'import.residents',
  occupancy: 'import.occupancy',
};

/** The tables each kind is checked against (the others stay empty: less to read). */
const NEEDS: Record<ImportKind, readonly (keyof ImportExisting)[]> = {
  accommodations: ['municipalities', 'accommodations'],
  residents: ['persons'],
  occupancy: ['accommodations', 'units', 'rooms', 'beds', 'bedBlocks', 'persons', 'households', 'stays'],
};

type TableOf = <T extends keyof ImportExisting & EntityTable>(t: T) => Table<ImportExisting[T][number], Id>;

async function loadExisting(kind: ImportKind, table: TableOf): Promise<ImportExisting> {
  const existing: Record<string, unknown[]> = { municipalities: [], accommodations: [], units: [], rooms: [], beds: [], bedBlocks: [], persons: [], households: [], stays: [] };
  await Promise.all(
    NEEDS[kind].map(async (t) => {
      existing[t] = await table(t).toArray();
    }),
  );
  return existing as unknown as ImportExisting;
}

export interface ImportRequest {
  kind: ImportKind;
  fileName: string;
  rows: readonly Row[];
  headerRow: number;
  mapping: ColumnMapping;
}

export interface ImportRunOptions extends CommandOptions {
  /** Local calendar day; defaults to today. */
  today?: string;
}

function inputOf(req: ImportRequest, today: string, now: string): ImportInput {
  return { kind: req.kind, rows: req.rows, headerRow: req.headerRow, mapping: req.mapping, today, now, newId };
}

/** Plans the import against the stored data without writing anything. */
export async function previewImport(db: QuartierDb, req: ImportRequest, opts: ImportRunOptions = {}): Promise<ImportPlan> {
  const now = new Date();
  const today = opts.today ?? isoDateOf(now);
  const existing = await db.transaction('r', writeScope(db), () => loadExisting(req.kind, (t) => db.table(t)));
  return planImport(inputOf(req, today, now.toISOString()), existing);
}

/** The import was refused because the rows have errors; nothing was written. */
export class ImportRefusedError extends Error {
  constructor(readonly plan: ImportPlan) {
    super(`Import abgelehnt: ${plan.errorRows.length} Zeilen mit Fehlern`);
    this.name = 'ImportRefusedError';
  }
}

export interface ImportOutcome {
  plan: ImportPlan;
  result: OperationResult;
}

/** Writes the whole file in one transaction, or nothing (ImportRefusedError). */
export async function runImport(db: QuartierDb, req: ImportRequest, opts: ImportRunOptions = {}): Promise<ImportOutcome> {
  const ctx = await resolveWriteContext(db, opts);
  const today = opts.today ?? isoDateOf((ctx.now ?? (() => new Date()))());
  // Set inside the transaction; read by auditSource after the body ran.
  const planned: { plan: ImportPlan | null } = { plan: null };
  const result = await runOperation(
    db,
    ctx,
    IMPORT_OPERATIONS[req.kind],
    async (w) => {
      const existing = await loadExisting(req.kind, (t) => w.query(t) as never);
      const p = planImport(inputOf(req, today, w.now), existing);
      planned.plan = p;
      if (hasImportErrors(p)) throw new ImportRefusedError(p);
      // Parents before children; within a table the puts run side by side
      // (one transaction, distinct ids), which keeps 10,000 rows fast.
      for (const t of PLANNED_TABLES) {
        const list = p.records[t] as { id: Id }[];
        await Promise.all(list.map((rec) => w.put(t, rec as never)));
      }
    },
    {
      auditSource: (table, id) => {
        const row = planned.plan?.sources.get(sourceKey(table, id));
        return row === undefined ? undefined : { file: req.fileName, row };
      },
    },
  );
  if (!planned.plan) throw new Error('Import ohne Plan');
  return { plan: planned.plan, result };
}
