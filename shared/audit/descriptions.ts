// The German descriptions stored on access events. They name the document,
// never a person: persons are referenced by id (AccessEvent.personIds) and
// their names are looked up when the audit view shows the event, so an
// anonymised person is not still named in the log.
import { MAX_DESCRIPTION_LENGTH, type AccessEventInput } from './accessEvents';
import type { Id, LetterTemplateKind } from '../domain/model';

export type AccessFormat = 'pdf' | 'xlsx' | 'print' | 'json';

const FORMAT_TEXT: Record<AccessFormat, string> = { pdf: 'PDF', xlsx: 'Excel', print: 'Druck', json: 'JSON' };

export const LETTER_KIND_TEXT: Record<LetterTemplateKind, string> = {
  assignment: 'Einweisung',
  transfer: 'Verlegung',
  allocation: 'Zuteilung',
  municipality_notice: 'Mitteilung an die Gemeinde',
};

/**
 * A list or report export. `title` and `subtitle` are the document's own
 * heading (report kind, Stichtag/Zeitraum, accommodation), which never
 * contain personal names.
 */
export function reportExportEvent(reportKey: string, title: string, subtitle: string, format: AccessFormat): AccessEventInput {
  const sub = subtitle.trim();
  return {
    kind: 'export',
    subject: `report.${reportKey}.${format}`,
    description: `${title}${sub ? ` – ${sub}` : ''} (${FORMAT_TEXT[format]})`,
    personIds: [],
  };
}

/** Letters issued now (one or a batch): the kinds and the count, the persons by id. */
export function letterIssueEvent(kinds: readonly LetterTemplateKind[], personIds: readonly Id[], output: 'save' | 'print'): AccessEventInput {
  const counts = new Map<LetterTemplateKind, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  const parts = [...counts].map(([k, n]) => `${n} × ${LETTER_KIND_TEXT[k]}`);
  return {
    kind: 'letter',
    subject: kinds.length === 1 ? 'letter.issue' : 'letter.issueBatch',
    description: `${kinds.length === 1 ? 'Schreiben erstellt' : `${kinds.length} Schreiben erstellt`}: ${parts.join(', ')} (${output === 'print' ? 'Druck' : 'PDF'})`,
    personIds,
  };
}

/** A logged letter printed again from its frozen content. */
export function letterReprintEvent(number: string, kind: LetterTemplateKind, personIds: readonly Id[]): AccessEventInput {
  return {
    kind: 'letter',
    subject: 'letter.reprint',
    description: `Nachdruck Schreiben ${number} (${LETTER_KIND_TEXT[kind]})`,
    personIds,
  };
}

/** Art. 15 DSGVO: the full record of one person, as PDF and JSON. */
export function auskunftEvent(personId: Id): AccessEventInput {
  return {
    kind: 'auskunft',
    subject: 'auskunft.art15',
    description: 'Auskunft nach Art. 15 DSGVO erstellt (PDF und JSON)',
    personIds: [personId],
  };
}

/** The audit view's filtered list exported (itself an access: it may name persons). */
export function auditExportEvent(rowCount: number, filterText: string, format: 'pdf' | 'xlsx', personIds: readonly Id[]): AccessEventInput {
  return {
    kind: 'export',
    subject: `audit.list.${format}`,
    description: `Protokoll exportiert: ${rowCount} Einträge${filterText ? `, Filter: ${filterText}` : ''} (${FORMAT_TEXT[format]})`,
    personIds,
  };
}

/**
 * An export, letter or Auskunft refused for a missing permission: recorded
 * as its own access event. The subject is what was attempted, the persons are
 * those it would have concerned (a person's Auskunft lists attempts on their
 * data too), the description names the missing permission (`permissionLabel`,
 * German) and the attempt's own description, which never holds a name.
 */
export function deniedAccessEvent(attempt: AccessEventInput, permission: string, permissionLabel: string): AccessEventInput {
  const text = `Abgelehnt, fehlende Berechtigung „${permissionLabel}“: ${attempt.description.trim()}`;
  return {
    kind: 'denied',
    subject: attempt.subject,
    description: text.length > MAX_DESCRIPTION_LENGTH ? `${text.slice(0, MAX_DESCRIPTION_LENGTH - 1)}…` : text,
    personIds: attempt.personIds,
    deniedPermission: permission,
  };
}
