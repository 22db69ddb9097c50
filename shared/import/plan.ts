// An import as data: the rows of one sheet + the column mapping + the
// records already stored → every row's problems and the records to write.
// Pure and deterministic (ids and the clock are injected), so the preview
// and the write use the same code: the renderer plans once for the preview
// and again INSIDE the write transaction against the data as it is then,
// and writes only when that second plan has no errors (all or nothing).
import type {
  Accommodation,
  Bed,
  BedBlock,
  EntityTable,
  Household,
  Id,
  IsoDate,
  IsoTimestamp,
  Municipality,
  Person,
  Room,
  Stay,
  Unit,
} from '../domain/model';
import type { ColumnMapping, FieldKey, ImportKind } from './fields';
import { cellText, isEmptyRow, type Cell, type Row } from './table';

export type ProblemSeverity = 'error' | 'warning';

/**
 * One problem of one row. `code` is a key under `problem.` in the `import`
 * namespace; `rule` (code 'occupancyRule') is a key of the `rules`
 * namespace, whose text the occupancy rules already have.
 */
export interface ImportProblem {
  /** Row number as the spreadsheet program shows it (1-based). */
  row: number;
  field?: FieldKey;
  code: string;
  severity: ProblemSeverity;
  params: Record<string, string | number>;
  rule?: string;
}

/** The records already stored that an import is checked against. */
export interface ImportExisting {
  municipalities: readonly Municipality[];
  accommodations: readonly Accommodation[];
  units: readonly Unit[];
  rooms: readonly Room[];
  beds: readonly Bed[];
  bedBlocks: readonly BedBlock[];
  persons: readonly Person[];
  households: readonly Household[];
  stays: readonly Stay[];
}

export function emptyExisting(): ImportExisting {
  return { municipalities: [], accommodations: [], units: [], rooms: [], beds: [], bedBlocks: [], persons: [], households: [], stays: [] };
}

export interface PlannedRecords {
  accommodations: Accommodation[];
  units: Unit[];
  rooms: Room[];
  beds: Bed[];
  persons: Person[];
  households: Household[];
  stays: Stay[];
}

export type PlannedTable = keyof PlannedRecords & EntityTable;
export const PLANNED_TABLES: readonly PlannedTable[] = ['accommodations', 'units', 'rooms', 'beds', 'households', 'persons', 'stays'];

export interface ImportInput {
  kind: ImportKind;
  rows: readonly Row[];
  /** Index of the header row in `rows`; data starts below it. */
  headerRow: number;
  mapping: ColumnMapping;
  /** Today (local calendar day): future move-ins, birth dates. */
  today: IsoDate;
  now: IsoTimestamp;
  newId: () => Id;
}

export interface ImportPlan {
  kind: ImportKind;
  /** Non-empty data rows. */
  rowCount: number;
  problems: ImportProblem[];
  /** Row numbers with at least one error. */
  errorRows: number[];
  records: PlannedRecords;
  /** Row each planned record came from: key `${table}\u0000${id}`. */
  sources: Map<string, number>;
  /** Existing persons an occupancy row was matched to. */
  matchedPersons: number;
}

export function sourceKey(table: EntityTable, id: Id): string {
  return `${table}\u0000${id}`;
}

export function hasImportErrors(plan: Pick<ImportPlan, 'problems'>): boolean {
  return plan.problems.some((p) => p.severity === 'error');
}

/** A data row with its spreadsheet row number and mapped cell access. */
export class MappedRow {
  readonly problems: ImportProblem[] = [];
  constructor(
    readonly number: number,
    private readonly row: Row,
    private readonly mapping: ColumnMapping,
  ) {}

  cell(field: FieldKey): Cell {
    const col = this.mapping[field];
    if (col == null) return null;
    const v = this.row[col];
    if (v === undefined || v === null) return null;
    return typeof v === 'string' && v.trim() === '' ? null : v;
  }

  text(field: FieldKey): string {
    return cellText(this.cell(field));
  }

  error(code: string, field?: FieldKey, params: Record<string, string | number> = {}): void {
    this.problems.push(withField({ row: this.number, code, severity: 'error', params }, field));
  }

  warning(code: string, field?: FieldKey, params: Record<string, string | number> = {}): void {
    this.problems.push(withField({ row: this.number, code, severity: 'warning', params }, field));
  }

  get hasErrors(): boolean {
    return this.problems.some((p) => p.severity === 'error');
  }

  /** A required text: records `required` when empty. */
  required(field: FieldKey): string {
    const t = this.text(field);
    if (t === '') this.error('required', field);
    return t;
  }
}

function withField(p: ImportProblem, field: FieldKey | undefined): ImportProblem {
  if (field) p.field = field;
  return p;
}

/** The non-empty data rows below the header. */
export function dataRows(input: ImportInput): MappedRow[] {
  const out: MappedRow[] = [];
  for (let i = input.headerRow + 1; i < input.rows.length; i++) {
    const row = input.rows[i]!;
    if (isEmptyRow(row)) continue;
    out.push(new MappedRow(i + 1, row, input.mapping));
  }
  return out;
}

export function emptyRecords(): PlannedRecords {
  return { accommodations: [], units: [], rooms: [], beds: [], persons: [], households: [], stays: [] };
}

export function finishPlan(kind: ImportKind, rows: readonly MappedRow[], extra: ImportProblem[], records: PlannedRecords, sources: Map<string, number>, matchedPersons = 0): ImportPlan {
  const problems = [...rows.flatMap((r) => r.problems), ...extra].sort((a, b) => a.row - b.row || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const errorRows = [...new Set(problems.filter((p) => p.severity === 'error').map((p) => p.row))].sort((a, b) => a - b);
  return { kind, rowCount: rows.length, problems, errorRows, records, sources, matchedPersons };
}

/** Folded key for names: case, umlauts, accents, spaces and punctuation do not count. */
export { foldName as foldKey } from './nationality';
