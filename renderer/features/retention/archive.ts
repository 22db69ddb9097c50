// The archive export demanded before a retention run: every record of the
// due persons (person, household, stays, allocations, letters with their
// frozen content) as JSON (complete, machine-readable) and as an Excel
// workbook (for people). Written with the existing save path (save dialog in
// Electron, download in web mode); file names carry no personal data.
import type { Allocation, Household, Id, IsoDate, LetterLogEntry, Person, Stay } from '../../../shared/domain/model';
import type { DueEntry, RetentionPolicy } from '../../../shared/retention';
import type { QuartierDb } from '../../db/db';
import { withoutInlineState } from '../../../shared/sync/inlineState';

export const ARCHIVE_FORMAT = 'quartier-retention-archive';

export interface RetentionArchive {
  format: typeof ARCHIVE_FORMAT;
  version: 1;
  createdAt: string;
  /** The day the persons were due on (the run's "today"). */
  asOf: IsoDate;
  policy: RetentionPolicy;
  due: DueEntry[];
  persons: Person[];
  households: Household[];
  stays: Stay[];
  allocations: Allocation[];
  letters: LetterLogEntry[];
}

/** Reads every record of the given persons in one read transaction. */
export async function buildArchive(db: QuartierDb, due: readonly DueEntry[], asOf: IsoDate, policy: RetentionPolicy, createdAt: string): Promise<RetentionArchive> {
  const ids = due.map((d) => d.personId);
  const idSet = new Set<Id>(ids);
  return db.transaction('r', [db.persons, db.households, db.stays, db.allocations, db.letters], async () => {
    const persons = (await db.persons.bulkGet(ids)).filter((p): p is Person => p !== undefined);
    const householdIds = [...new Set(persons.map((p) => p.householdId).filter((h): h is Id => h !== null))];
    const households = (await db.households.bulkGet(householdIds)).filter((h): h is Household => h !== undefined);
    const stays = ids.length > 0 ? await db.stays.where('personId').anyOf(ids).toArray() : [];
    const allocations = (await db.allocations.toArray()).filter((a) => a.personIds.some((id) => idSet.has(id)));
    const letters = (await db.letters.toArray()).filter((l) => l.personIds.some((id) => idSet.has(id)));
    stays.sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : a.from < b.from ? -1 : 1));
    // Records without the sync's merge-state bookkeeping (shared/sync/inlineState.ts): the archive holds data only.
    const clean = <T extends object>(list: readonly T[]) => list.map((r) => withoutInlineState(r));
    return { format: ARCHIVE_FORMAT, version: 1, createdAt, asOf, policy, due: [...due], persons: clean(persons), households: clean(households), stays: clean(stays), allocations: clean(allocations), letters: clean(letters) };
  });
}

export function archiveJsonBytes(archive: RetentionArchive): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(archive, null, 2));
}

/** Column headers and sheet names of the workbook (translated by the caller). */
export interface ArchiveSheetLabels {
  sheets: { persons: string; stays: string; allocations: string; letters: string };
  persons: { fileNumber: string; familyName: string; givenName: string; birthDate: string; nationality: string; admissionDate: string; closedOn: string; dueOn: string; rule: string; notes: string };
  stays: { fileNumber: string; accommodationId: string; bedId: string; from: string; to: string; endKind: string; departureReason: string };
  allocations: { fileNumber: string; municipalityId: string; status: string; decisionDate: string; movedOn: string; note: string };
  letters: { number: string; issuedOn: string; kind: string; recipientName: string; fileNumbers: string };
  rule: (rule: DueEntry['reason']) => string;
}

type Cell = string | number | null;

/** The Excel workbook (SheetJS, writing only). */
export async function archiveXlsxBytes(archive: RetentionArchive, labels: ArchiveSheetLabels): Promise<Uint8Array> {
  const mod = await import('xlsx');
  // Node's CommonJS interop exposes the API as the default export; the bundler by name.
  const XLSX = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const fileNumberOf = new Map(archive.persons.map((p) => [p.id, p.fileNumber]));
  const dueOf = new Map(archive.due.map((d) => [d.personId, d]));
  const sheet = (header: string[], rows: Cell[][]) => {
    const ws = XLSX.utils.aoa_to_sheet([header, ...rows]);
    ws['!cols'] = header.map((h, i) => ({ wch: Math.min(60, Math.max(h.length + 2, ...rows.map((r) => String(r[i] ?? '').length + 1))) }));
    return ws;
  };
  const wb = XLSX.utils.book_new();
  const P = labels.persons;
  XLSX.utils.book_append_sheet(
    wb,
    sheet(
      [P.fileNumber, P.familyName, P.givenName, P.birthDate, P.nationality, P.admissionDate, P.closedOn, P.dueOn, P.rule, P.notes],
      archive.persons.map((p) => {
        const d = dueOf.get(p.id);
        return [p.fileNumber, p.familyName, p.givenName, p.birthDate, p.nationality, p.admissionDate, d?.closedOn ?? null, d?.dueOn ?? null, d ? labels.rule(d.reason) : null, p.notes ?? null];
      }),
    ),
    labels.sheets.persons,
  );
  const S = labels.stays;
  XLSX.utils.book_append_sheet(
    wb,
    sheet(
      [S.fileNumber, S.accommodationId, S.bedId, S.from, S.to, S.endKind, S.departureReason],
      archive.stays.map((s) => [fileNumberOf.get(s.personId) ?? s.personId, s.accommodationId, s.bedId, s.from, s.to, s.endKind ?? null, s.departureReason ?? null]),
    ),
    labels.sheets.stays,
  );
  const A = labels.allocations;
  XLSX.utils.book_append_sheet(
    wb,
    sheet(
      [A.fileNumber, A.municipalityId, A.status, A.decisionDate, A.movedOn, A.note],
      archive.allocations.map((a) => [a.personIds.map((id) => fileNumberOf.get(id) ?? id).join(', '), a.municipalityId, a.status, a.decisionDate, a.movedOn ?? null, a.note ?? null]),
    ),
    labels.sheets.allocations,
  );
  const L = labels.letters;
  XLSX.utils.book_append_sheet(
    wb,
    sheet(
      [L.number, L.issuedOn, L.kind, L.recipientName, L.fileNumbers],
      archive.letters.map((l) => [l.number, l.issuedOn, l.templateKind, l.recipientName, l.personIds.map((id) => fileNumberOf.get(id) ?? id).join(', ')]),
    ),
    labels.sheets.letters,
  );
  const raw = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(raw);
}

/** File base names without personal data: the kind and the day. */
export function archiveFileBase(asOf: IsoDate): string {
  return `Loescharchiv-${asOf}`;
}
