// Auskunft nach Art. 15 DSGVO: everything Quartier stores about one person,
// as a machine-readable JSON file (all records) and a German PDF (the same,
// readable, with the information Art. 15 (1) requires: purposes, recipients,
// storage period, source, rights).
//
// Three steps, all pure:
//   collectAuskunft()      the records about the person (for the JSON file),
//   auskunftView()         the same as preformatted German text (cloneable,
//                          so the PDF can be laid out in the export worker),
//   auskunftDocDefinition() the pdfmake document.
//
// Other persons: a household's other members are named in "Haushalt" (the
// household is the person's own data), but a letter or access event that also
// concerns OTHER households (a notice to a municipality lists several) is
// reduced to what concerns this person's household: its content is left out
// and foreign person ids are removed (Art. 15 (4): rights of others).
import type {
  AccessEvent,
  Accommodation,
  Allocation,
  AuditEntry,
  Bed,
  Household,
  Id,
  IsoTimestamp,
  LetterLogEntry,
  Municipality,
  Person,
  Room,
  Stay,
} from '../domain/model';
import type { PdfDocDefinition, PdfNode, PdfTableCell } from '../reports/pdfTypes';
import { DEPARTURE_REASON_DE } from '../reports/labels';
import { LETTER_KIND_TEXT } from './descriptions';
import { ACCESS_KIND_TEXT, ENTITY_TEXT, operationText } from './labels';
import { changeText, fieldDiff, formatValue, personIdsOfAuditEntry } from './protocol';

export const AUSKUNFT_FORMAT = 'quartier.auskunft';
export const AUSKUNFT_VERSION = 1;

/** What collectAuskunft reads: the entity tables (any superset) plus the local audit trail. */
export interface AuskunftSources {
  persons: readonly Person[];
  households: readonly Household[];
  stays: readonly Stay[];
  allocations: readonly Allocation[];
  letters: readonly LetterLogEntry[];
  accessLog: readonly AccessEvent[];
  accommodations: readonly Accommodation[];
  rooms: readonly Room[];
  beds: readonly Bed[];
  municipalities: readonly Municipality[];
  audit: readonly AuditEntry[];
}

/** A letter as disclosed: the log entry, its content only when it concerns no other household. */
export type DisclosedLetter = Omit<LetterLogEntry, 'content'> & { content: unknown; contentOmitted?: string };

/** The JSON file: every record about the person. */
export interface AuskunftRecords {
  format: typeof AUSKUNFT_FORMAT;
  version: typeof AUSKUNFT_VERSION;
  generatedAt: IsoTimestamp;
  authority: string;
  personId: Id;
  person: Person;
  household: Household | null;
  /** The household's other members (names and ids only). */
  householdMembers: { id: Id; familyName: string; givenName: string }[];
  stays: Stay[];
  allocations: Allocation[];
  letters: DisclosedLetter[];
  auditEntries: AuditEntry[];
  accessEvents: AccessEvent[];
  /** Names of the places referenced by stays and allocations (for reading the file). */
  references: {
    accommodations: { id: Id; name: string }[];
    rooms: { id: Id; number: string }[];
    beds: { id: Id; label: string }[];
    municipalities: { id: Id; name: string }[];
  };
}

const OMITTED = 'Inhalt nicht enthalten: das Schreiben betrifft auch andere Personen (Art. 15 Abs. 4 DSGVO).';

function byAt<T extends { at: string }>(a: T, b: T): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : 0;
}

/**
 * The records about one person. Throws (German) when the person does not
 * exist. Deleted (tombstoned) and cancelled records are included: they are
 * still stored, so they are part of the Auskunft.
 */
export function collectAuskunft(src: AuskunftSources, personId: Id, meta: { generatedAt: IsoTimestamp; authority: string }): AuskunftRecords {
  const person = src.persons.find((p) => p.id === personId);
  if (!person) throw new Error('Die Person ist nicht (mehr) vorhanden; eine Auskunft ist nicht möglich.');
  const household = person.householdId ? (src.households.find((h) => h.id === person.householdId) ?? null) : null;
  const members = household ? src.persons.filter((p) => p.householdId === household.id && p.id !== personId) : [];
  // The person's own circle: a letter or event naming only these persons is disclosed whole.
  const circle = new Set<Id>([personId, ...members.map((m) => m.id)]);

  const stays = src.stays.filter((s) => s.personId === personId).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const allocations = src.allocations.filter((a) => a.personIds.includes(personId));
  const letters: DisclosedLetter[] = src.letters
    .filter((l) => l.personIds.includes(personId))
    .sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : a.number < b.number ? -1 : 1))
    .map((l) => {
      if (l.personIds.every((id) => circle.has(id))) return { ...l };
      return { ...l, personIds: l.personIds.filter((id) => circle.has(id)), content: null, contentOmitted: OMITTED };
    });
  const omittedLetterIds = new Set(letters.filter((l) => l.contentOmitted).map((l) => l.id));

  // Audit entries about the person: the person record, and every record that names them.
  const related = new Set<Id>([personId, ...stays.map((s) => s.id), ...allocations.map((a) => a.id), ...letters.map((l) => l.id)]);
  const auditEntries = src.audit
    .filter((e) => e.entity !== 'accessLog' && (related.has(e.entityId) || personIdsOfAuditEntry(e).includes(personId)))
    .map((e) => (e.entity === 'letters' && omittedLetterIds.has(e.entityId) ? { ...e, before: withoutContent(e.before), after: withoutContent(e.after) } : e))
    .sort(byAt);
  const accessEvents = src.accessLog
    .filter((e) => e.personIds.includes(personId))
    .map((e) => ({ ...e, personIds: e.personIds.filter((id) => circle.has(id)) }))
    .sort(byAt);

  const accIds = new Set(stays.map((s) => s.accommodationId));
  const roomIds = new Set(stays.map((s) => s.roomId));
  const bedIds = new Set(stays.map((s) => s.bedId));
  const munIds = new Set(allocations.map((a) => a.municipalityId));
  return {
    format: AUSKUNFT_FORMAT,
    version: AUSKUNFT_VERSION,
    generatedAt: meta.generatedAt,
    authority: meta.authority,
    personId,
    person,
    household,
    householdMembers: members.map((m) => ({ id: m.id, familyName: m.familyName, givenName: m.givenName })),
    stays,
    allocations,
    letters,
    auditEntries,
    accessEvents,
    references: {
      accommodations: src.accommodations.filter((a) => accIds.has(a.id)).map((a) => ({ id: a.id, name: a.name })),
      rooms: src.rooms.filter((r) => roomIds.has(r.id)).map((r) => ({ id: r.id, number: r.number })),
      beds: src.beds.filter((b) => bedIds.has(b.id)).map((b) => ({ id: b.id, label: b.label })),
      municipalities: src.municipalities.filter((m) => munIds.has(m.id)).map((m) => ({ id: m.id, name: m.name })),
    },
  };
}

function withoutContent(state: unknown): unknown {
  if (state === null || typeof state !== 'object') return state;
  const copy = { ...(state as Record<string, unknown>) };
  if ('content' in copy) copy.content = null;
  return copy;
}

/** The JSON file's text (pretty-printed, UTF-8 when encoded). */
export function auskunftJson(records: AuskunftRecords): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}

// ---------------------------------------------------------------------------
// The readable form

/** The statutory text blocks (Art. 15 (1) a–h); the office may adapt them to its own Verzeichnis. */
export const AUSKUNFT_TEXTS = {
  purposes:
    'Die Daten werden verarbeitet, um Ihnen einen Platz in der vorläufigen Unterbringung zuzuweisen und diese zu verwalten (Belegung, Verlegung, Auszug), um die Anschlussunterbringung in einer Gemeinde vorzubereiten (Zuteilung) und um die dazu nötigen Schreiben zu erstellen. Rechtsgrundlage sind Art. 6 Abs. 1 Buchst. c und e DSGVO in Verbindung mit dem Flüchtlingsaufnahmegesetz (FlüAG) und dem Landesdatenschutzgesetz.',
  recipients:
    'Empfänger sind die Stellen, die an der Unterbringung mitwirken: die Gemeinde, der Sie zugeteilt werden (Mitteilung an die Gemeinde), die Betreiber der Unterkünfte, soweit für den Betrieb nötig, sowie auf Anfrage die zuständigen Behörden (z. B. Ausländerbehörde, Leistungsbehörde). Eine Übermittlung in Drittländer findet nicht statt.',
  storage:
    'Die Daten werden gespeichert, solange Sie untergebracht sind, und danach für die gesetzlichen Aufbewahrungsfristen (z. B. sechs Jahre nach Abschluss des Falls für Unterlagen nach dem Asylbewerberleistungsgesetz). Danach werden sie gelöscht oder anonymisiert. Protokolleinträge und Zugriffe werden ebenso lange aufbewahrt.',
  source:
    'Die Daten stammen von Ihnen selbst, aus der Aufnahme (Zuweisung durch die Landeserstaufnahme bzw. das Regierungspräsidium) und aus der Arbeit der Unterbringungsverwaltung. Eine automatisierte Entscheidungsfindung einschließlich Profiling findet nicht statt.',
  rights:
    'Sie haben das Recht auf Berichtigung unrichtiger Daten (Art. 16 DSGVO), auf Löschung (Art. 17), auf Einschränkung der Verarbeitung (Art. 18) und auf Widerspruch (Art. 21). Sie können sich bei der Datenschutzaufsichtsbehörde beschweren (Art. 77 DSGVO), in Baden-Württemberg beim Landesbeauftragten für den Datenschutz und die Informationsfreiheit.',
} as const;

/** A table of the readable form: header and rows, every cell already text. */
export interface AuskunftTable {
  columns: string[];
  rows: string[][];
  /** Shown when there are no rows. */
  empty: string;
}

/** Preformatted German content of the PDF (plain data, so it can go to the export worker). */
export interface AuskunftView {
  authority: string;
  title: string;
  /** "Omar Haddad, geboren am 01.03.1985, Aktenzeichen AZ-1". */
  subjectLine: string;
  generatedAt: string;
  masterData: AuskunftTable;
  household: AuskunftTable;
  stays: AuskunftTable;
  allocations: AuskunftTable;
  letters: AuskunftTable;
  audit: AuskunftTable;
  access: AuskunftTable;
  texts: { title: string; text: string }[];
}

export interface AuskunftLookups {
  /** Local date and time of an instant. */
  formatInstant: (iso: string) => string;
}

const SEX_DE: Record<string, string> = { f: 'weiblich', m: 'männlich', x: 'divers / ohne Angabe' };
const RESIDENCE_DE: Record<string, string> = {
  gestattung: 'Aufenthaltsgestattung',
  duldung: 'Duldung',
  aufenthaltserlaubnis: 'Aufenthaltserlaubnis',
  fiktion: 'Fiktionsbescheinigung',
  niederlassung: 'Niederlassungserlaubnis',
  none: 'ohne',
  other: 'sonstiger',
};
const ASYLUM_DE: Record<string, string> = {
  pending: 'offen',
  granted: 'anerkannt (nicht rechtskräftig)',
  rejected: 'abgelehnt (nicht rechtskräftig)',
  final_granted: 'anerkannt (unanfechtbar)',
  final_rejected: 'abgelehnt (unanfechtbar)',
};
const LEGAL_BASIS_DE: Record<string, string> = {
  asylum: 'Asylantrag',
  aufenthg_22: '§ 22 AufenthG',
  aufenthg_23: '§ 23 AufenthG',
  aufenthg_24: '§ 24 AufenthG',
  aufenthg_15a: '§ 15a AufenthG',
  other: 'sonstige',
};
const VULNERABILITY_DE: Record<string, string> = {
  minor: 'minderjährig',
  unaccompanied_minor: 'unbegleitet minderjährig',
  disability: 'Behinderung',
  pregnancy: 'Schwangerschaft',
  single_parent: 'alleinerziehend',
  serious_illness: 'schwere Erkrankung',
  elderly: 'älterer Mensch',
  trauma: 'Traumatisierung',
  lgbtiq: 'LSBTIQ*',
  other: 'sonstige',
};
const ALLOCATION_STATUS_DE: Record<string, string> = { planned: 'geplant', decided: 'entschieden', moved: 'umgezogen', cancelled: 'aufgehoben' };
const END_KIND_DE: Record<string, string> = { departure: 'Auszug', move: 'Verlegung' };

function day(v: string | null | undefined): string {
  return formatValue(v ?? null);
}

function headName(r: AuskunftRecords): string | null {
  const head = r.householdMembers.find((m) => m.id === r.household?.headPersonId);
  return head ? `${head.givenName} ${head.familyName}` : null;
}

function masterDataRows(p: Person, formatInstant: (iso: string) => string): string[][] {
  const rows: [string, string][] = [
    ['Familienname', p.familyName],
    ['Vorname', p.givenName],
    ['Geburtsdatum', p.birthYearOnly && p.birthDate ? p.birthDate.slice(0, 4) : day(p.birthDate)],
    ['Geschlecht', SEX_DE[p.sex] ?? p.sex],
    ['Staatsangehörigkeit', p.nationality],
    ['Sprachen', p.languages.join(', ') || '–'],
    ['Aktenzeichen', p.fileNumber || '–'],
    ['AZR-Nummer', p.azrNumber ?? '–'],
    ['Aufenthaltsstatus', RESIDENCE_DE[p.residenceStatus] ?? p.residenceStatus],
    ['Asylentscheidung', ASYLUM_DE[p.asylumDecision] ?? p.asylumDecision],
    ['Aufnahmedatum', day(p.admissionDate)],
    ['Rechtsgrundlage', LEGAL_BASIS_DE[p.legalBasis] ?? p.legalBasis],
    ['Fristverlängerung', p.extension ? `bis ${day(p.extension.until)} (${p.extension.reason}, entschieden am ${day(p.extension.decidedOn)})` : '–'],
    ['Besondere Schutzbedürftigkeit', p.vulnerabilities.map((v) => VULNERABILITY_DE[v] ?? v).join(', ') || '–'],
    ['Braucht Barrierefreiheit', formatValue(p.needsBarrierFree)],
    ['Selbstzahler', formatValue(p.feePayer)],
    ['Leistungen abgelehnt', formatValue(p.benefitsRefused ?? false)],
    ['Bemerkungen', p.notes ?? '–'],
    ['Angelegt am', formatInstant(p.createdAt)],
    ['Zuletzt geändert am', formatInstant(p.updatedAt)],
  ];
  if (p.anonymisedOn) rows.push(['Anonymisiert am', day(p.anonymisedOn)]);
  return rows;
}

/** The readable, German form of the records (for the PDF). */
export function auskunftView(r: AuskunftRecords, lookups: AuskunftLookups): AuskunftView {
  const names = {
    acc: new Map(r.references.accommodations.map((a) => [a.id, a.name])),
    room: new Map(r.references.rooms.map((x) => [x.id, x.number])),
    bed: new Map(r.references.beds.map((x) => [x.id, x.label])),
    mun: new Map(r.references.municipalities.map((x) => [x.id, x.name])),
  };
  const p = r.person;
  const subject = [`${p.givenName} ${p.familyName}`.trim()];
  if (p.birthDate) subject.push(`geboren ${p.birthYearOnly ? p.birthDate.slice(0, 4) : `am ${day(p.birthDate)}`}`);
  if (p.fileNumber) subject.push(`Aktenzeichen ${p.fileNumber}`);
  // Ids in a change shown as what they name (letter numbers, places), never as bare UUIDs.
  const letterNumbers = new Map(r.letters.map((l) => [l.id, l.number]));
  const readable = (path: string, value: unknown): unknown => {
    const field = path.split('.').at(-1) ?? path;
    const one = (id: unknown): unknown => {
      if (typeof id !== 'string') return id;
      if (field === 'letterIds') return letterNumbers.get(id) ?? 'Schreiben';
      if (field === 'accommodationId') return names.acc.get(id) ?? id;
      if (field === 'roomId') return names.room.get(id) ?? id;
      if (field === 'bedId') return names.bed.get(id) ?? id;
      if (field === 'municipalityId') return names.mun.get(id) ?? id;
      return id;
    };
    return Array.isArray(value) ? value.map(one) : one(value);
  };
  const flags = (rec: { deleted?: boolean; cancelled?: boolean }) => [rec.cancelled ? 'storniert' : '', rec.deleted ? 'gelöscht' : ''].filter(Boolean).join(', ');

  return {
    authority: r.authority,
    title: 'Auskunft nach Art. 15 DSGVO',
    subjectLine: subject.join(', '),
    generatedAt: lookups.formatInstant(r.generatedAt),
    masterData: { columns: ['Angabe', 'Wert'], rows: masterDataRows(p, lookups.formatInstant), empty: '' },
    household: {
      columns: ['Angabe', 'Wert'],
      rows: r.household
        ? [
            ['Haushalt', r.household.name],
            ['Aktenzeichen', r.household.fileNumber ?? '–'],
            ['Haushaltsvorstand', r.household.headPersonId === p.id ? `${p.givenName} ${p.familyName}` : (headName(r) ?? '–')],
            ...r.householdMembers.map((m) => ['Mitglied', `${m.givenName} ${m.familyName}`]),
          ]
        : [],
      empty: 'Kein Haushalt erfasst (Einzelperson).',
    },
    stays: {
      columns: ['Unterkunft', 'Raum', 'Platz', 'Einzug', 'Auszug', 'Ende', 'Hinweis'],
      rows: r.stays.map((s) => [
        names.acc.get(s.accommodationId) ?? s.accommodationId,
        names.room.get(s.roomId) ?? '–',
        names.bed.get(s.bedId) ?? '–',
        day(s.from),
        day(s.to),
        [s.endKind ? (END_KIND_DE[s.endKind] ?? s.endKind) : '', s.departureReason ? DEPARTURE_REASON_DE[s.departureReason] : ''].filter(Boolean).join(': ') || '–',
        flags(s) || s.correctionReason || '–',
      ]),
      empty: 'Keine Aufenthalte erfasst.',
    },
    allocations: {
      columns: ['Gemeinde', 'Status', 'Entscheidung', 'Geplanter Umzug', 'Hinweis'],
      rows: r.allocations.map((a) => [
        names.mun.get(a.municipalityId) ?? a.municipalityId,
        ALLOCATION_STATUS_DE[a.status] ?? a.status,
        day(a.decisionDate),
        day(a.plannedMoveDate),
        [a.note ?? '', flags(a)].filter(Boolean).join(', ') || '–',
      ]),
      empty: 'Keine Zuteilungen erfasst.',
    },
    letters: {
      columns: ['Nummer', 'Art', 'Datum', 'Empfänger', 'Ausgestellt von', 'Hinweis'],
      rows: r.letters.map((l) => [l.number, LETTER_KIND_TEXT[l.templateKind], day(l.issuedOn), l.recipientName, l.issuedBy, l.contentOmitted ? 'betrifft auch andere Personen' : '–']),
      empty: 'Keine Schreiben erfasst.',
    },
    audit: {
      columns: ['Zeitpunkt', 'Benutzer', 'Vorgang', 'Datensatz', 'Änderung'],
      rows: r.auditEntries.map((e) => [
        lookups.formatInstant(e.at),
        e.user,
        operationText(e.operation),
        (ENTITY_TEXT as Record<string, string>)[e.entity] ?? e.entity,
        e.before === null
          ? 'Neu angelegt'
          : fieldDiff(e.before, e.after)
              .map((c) => changeText(c.path, readable(c.path, c.before), readable(c.path, c.after)))
              .join('; '),
      ]),
      empty: 'Keine Protokolleinträge.',
    },
    access: {
      columns: ['Zeitpunkt', 'Benutzer', 'Art', 'Beschreibung'],
      rows: r.accessEvents.map((e) => [lookups.formatInstant(e.at), e.userName, ACCESS_KIND_TEXT[e.kind], e.description]),
      empty: 'Keine Zugriffe.',
    },
    texts: [
      { title: 'Zwecke und Rechtsgrundlage der Verarbeitung', text: AUSKUNFT_TEXTS.purposes },
      { title: 'Empfänger', text: AUSKUNFT_TEXTS.recipients },
      { title: 'Speicherdauer', text: AUSKUNFT_TEXTS.storage },
      { title: 'Herkunft der Daten', text: AUSKUNFT_TEXTS.source },
      { title: 'Ihre Rechte', text: AUSKUNFT_TEXTS.rights },
    ],
  };
}

function tableNode(t: AuskunftTable, widths: (number | '*' | 'auto')[]): PdfNode {
  if (t.rows.length === 0) return { text: t.empty, style: 'note' };
  const header = t.columns.map((c): PdfTableCell => ({ text: c, style: 'th' }));
  return {
    table: { headerRows: 1, keepWithHeaderRows: 1, widths, body: [header, ...t.rows.map((row) => row.map((text): PdfTableCell => ({ text })))], dontBreakRows: true },
    layout: 'lightHorizontalLines',
    fontSize: 8,
    margin: [0, 0, 0, 10],
  };
}

/** The PDF: one heading per part, in the order Art. 15 readers expect. */
export function auskunftDocDefinition(v: AuskunftView): PdfDocDefinition {
  const section = (title: string): PdfNode => ({ text: title, style: 'section' });
  const content: PdfNode[] = [
    { text: v.title, style: 'title' },
    { text: `über ${v.subjectLine}`, style: 'subtitle' },
    { text: `Erstellt am ${v.generatedAt} von ${v.authority}. Die beigefügte JSON-Datei enthält dieselben Daten vollständig und maschinenlesbar.`, style: 'note' },
    section('1. Stammdaten'),
    tableNode(v.masterData, [160, '*']),
    section('2. Haushalt'),
    tableNode(v.household, [160, '*']),
    section('3. Aufenthalte und Belegungen'),
    tableNode(v.stays, ['*', 'auto', 'auto', 'auto', 'auto', 'auto', '*']),
    section('4. Zuteilungen'),
    tableNode(v.allocations, ['*', 'auto', 'auto', 'auto', '*']),
    section('5. Schreiben'),
    tableNode(v.letters, ['auto', 'auto', 'auto', '*', 'auto', '*']),
    section('6. Protokolleinträge (Änderungen)'),
    tableNode(v.audit, [70, 'auto', 'auto', 'auto', '*']),
    section('7. Zugriffe (Exporte, Schreiben, Auskünfte)'),
    tableNode(v.access, [70, 'auto', 'auto', '*']),
    section('8. Informationen nach Art. 15 Abs. 1 DSGVO'),
    ...v.texts.flatMap((t): PdfNode[] => [
      { text: t.title, style: 'subsection' },
      { text: t.text, margin: [0, 0, 0, 6] },
    ]),
  ];
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [40, 58, 40, 44],
    info: { title: v.title, author: v.authority, creator: 'Quartier' },
    language: 'de-DE',
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles: {
      title: { fontSize: 15, bold: true, margin: [0, 0, 0, 2] },
      subtitle: { fontSize: 11, margin: [0, 0, 0, 6] },
      note: { fontSize: 8, italics: true, color: '#444444', margin: [0, 0, 0, 6] },
      section: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      subsection: { fontSize: 9, bold: true, margin: [0, 4, 0, 2] },
      th: { bold: true, fillColor: '#e4e8ee' },
    },
    header: () => ({
      columns: [
        { text: v.authority, fontSize: 8, bold: true, width: '*' },
        { text: 'Auskunft nach Art. 15 DSGVO · vertraulich', fontSize: 8, alignment: 'right', width: '*' },
      ],
      margin: [40, 24, 40, 0],
    }),
    footer: (page, pages) => ({ text: `Seite ${page} von ${pages}`, fontSize: 8, alignment: 'right', margin: [40, 14, 40, 0] }),
    content,
  };
}
