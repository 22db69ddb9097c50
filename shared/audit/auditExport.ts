// The audit view's filtered list as a document model (the same sectioned
// model the reports use, rendered to PDF and Excel by the export helpers).
// German, like every document the office hands out.
import type { Id } from '../domain/model';
import type { ReportModel, ReportSection } from '../reports/model';
import { ACCESS_KIND_TEXT, ENTITY_TEXT, operationText } from './labels';
import { changeText, fieldDiff, formatValue, type ProtocolRow } from './protocol';

/** A report model without a report kind: the export helpers need nothing else. */
export type DocumentModel = Omit<ReportModel, 'kind'>;

export interface ProtocolLookups {
  /** "Haddad, Omar" for a person id; the id itself when the person is unknown (deleted, other laptop). */
  personName: (id: Id) => string;
  /** A short name for a record (accommodation name, room number, …), or null. */
  recordName: (table: string, id: Id) => string | null;
  /** Local date and time of an instant, e.g. "01.03.2026, 09:15". */
  formatInstant: (iso: string) => string;
}

/** What changed, as one line: "Bis: – → 01.03.2026; Auszugsgrund: – → Umzug". */
export function changeSummary(row: ProtocolRow, maxFields = 6): string {
  if (row.source === 'access') return row.description ?? '';
  const a = row.audit!;
  if (a.before === null) return 'Neu angelegt';
  const diff = fieldDiff(a.before, a.after);
  const parts = diff.slice(0, maxFields).map((c) => changeText(c.path, c.before, c.after));
  if (diff.length > maxFields) parts.push(`… (${diff.length - maxFields} weitere)`);
  return parts.join('; ');
}

/** "Belegung (GU Balingen)" / "Export". */
export function subjectText(row: ProtocolRow, lookups: Pick<ProtocolLookups, 'recordName'>): string {
  if (row.source === 'access') return row.accessKind ? ACCESS_KIND_TEXT[row.accessKind] : '';
  const table = row.entity ?? '';
  const label = (ENTITY_TEXT as Record<string, string>)[table] ?? table;
  const name = row.entityId ? lookups.recordName(table, row.entityId) : null;
  return name ? `${label} ${name}` : label;
}

export interface ProtocolExportOptions {
  authority: string;
  /** The active filters in words, printed under the title (no person names: see the Personen column). */
  filterText: string;
  printedAt: string;
  /** Today (ISO day), the document's reference day. */
  today: string;
}

export function protocolDocument(rows: readonly ProtocolRow[], lookups: ProtocolLookups, options: ProtocolExportOptions): DocumentModel {
  const section: ReportSection = {
    title: 'Einträge',
    sheetName: 'Protokoll',
    columns: [
      { header: 'Zeitpunkt', type: 'text', width: 16 },
      { header: 'Benutzer', type: 'text', width: 16 },
      { header: 'Gerät', type: 'text', width: 10 },
      { header: 'Vorgang', type: 'text', width: 20 },
      { header: 'Datensatz', type: 'text', width: 20 },
      { header: 'Personen', type: 'text', width: 22 },
      { header: 'Änderung / Beschreibung', type: 'text', width: 50 },
    ],
    rows: rows.map((r) => [
      lookups.formatInstant(r.at),
      r.user,
      r.deviceId.slice(0, 8),
      operationText(r.operation),
      subjectText(r, lookups),
      r.personIds.map((id) => lookups.personName(id)).join('; '),
      changeSummary(r),
    ]),
    totals: [],
    emptyText: 'Keine Einträge für diese Filter.',
  };
  return {
    title: 'Protokoll',
    subtitle: `${rows.length} Einträge${options.filterText ? ` · ${options.filterText}` : ''}`,
    authority: options.authority,
    asOf: options.today,
    notes: ['Änderungen (Protokolleinträge) und Zugriffe (Exporte, Schreiben, Auskünfte, Anmeldungen), neueste zuerst.'],
    orientation: 'landscape',
    sections: [section],
  };
}

export interface ProtocolFilterWords {
  from: string | null;
  to: string | null;
  accommodationName: string | null;
  user: string | null;
  operation: string | null;
  /** True when the list is filtered by a person (the name is NOT printed here: it is in the rows). */
  person: boolean;
}

/** The active filters in German words, for the export's subtitle and the access event (no person name). */
export function protocolFilterText(f: ProtocolFilterWords): string {
  const parts: string[] = [];
  if (f.from || f.to) parts.push(`Zeitraum ${f.from ? formatValue(f.from) : '…'} – ${f.to ? formatValue(f.to) : '…'}`);
  if (f.person) parts.push('eine Person');
  if (f.accommodationName) parts.push(`Unterkunft ${f.accommodationName}`);
  if (f.user) parts.push(`Benutzer ${f.user}`);
  if (f.operation) parts.push(`Vorgang ${operationText(f.operation)}`);
  return parts.join(', ');
}
