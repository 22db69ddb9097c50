// The three import kinds, their fields, and the header words that suggest
// them. Header matching folds case, umlauts, accents and punctuation, so
// "Geb.-Datum", "geb datum" and "GEBDATUM" are one word, and so are
// "Staatsangehörigkeit" and "Staatsangehoerigkeit".
import { foldName } from './nationality';
import { cellText, isEmptyRow, type Row } from './table';

export const IMPORT_KINDS = ['accommodations', 'residents', 'occupancy'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type FieldKey =
  // accommodations
  | 'accommodation'
  | 'kind'
  | 'street'
  | 'zip'
  | 'city'
  | 'municipality'
  | 'operator'
  | 'landlord'
  | 'openedOn'
  | 'unit'
  | 'floor'
  | 'room'
  | 'area'
  | 'restriction'
  | 'roomBarrierFree'
  | 'places'
  | 'place'
  // persons
  | 'familyName'
  | 'givenName'
  | 'birthDate'
  | 'sex'
  | 'nationality'
  | 'fileNumber'
  | 'azrNumber'
  | 'household'
  | 'head'
  | 'admissionDate'
  | 'legalBasis'
  | 'residenceStatus'
  | 'languages'
  | 'needsBarrierFree'
  | 'feePayer'
  | 'notes'
  // occupancy
  | 'moveIn';

export interface FieldDef {
  key: FieldKey;
  required: boolean;
  /** Header words (any spelling; folded before comparing). The first is the template's column title. */
  aliases: readonly string[];
  /** Example value for the template row. */
  example: string;
}

const F = {
  accommodation: { key: 'accommodation', required: true, aliases: ['Unterkunft', 'Name der Unterkunft', 'Unterkunftsname', 'Einrichtung', 'Objekt', 'Standort', 'Accommodation', 'Facility'], example: 'GU Lindenstraße' },
  kind: { key: 'kind', required: false, aliases: ['Art', 'Unterkunftsart', 'Typ', 'Kind', 'Type'], example: 'GU' },
  street: { key: 'street', required: false, aliases: ['Straße', 'Strasse', 'Str', 'Adresse', 'Anschrift', 'Street', 'Address'], example: 'Lindenstraße 12' },
  zip: { key: 'zip', required: false, aliases: ['PLZ', 'Postleitzahl', 'ZIP', 'Postcode', 'Postal code'], example: '72336' },
  city: { key: 'city', required: false, aliases: ['Ort', 'Stadt', 'Wohnort', 'City', 'Town'], example: 'Balingen' },
  municipality: { key: 'municipality', required: true, aliases: ['Gemeinde', 'Kommune', 'Gemeindeschlüssel', 'AGS', 'Municipality'], example: 'Balingen' },
  operator: { key: 'operator', required: false, aliases: ['Betreiber', 'Operator'], example: 'Sozialwerk e. V.' },
  landlord: { key: 'landlord', required: false, aliases: ['Vermieter', 'Eigentümer', 'Landlord', 'Owner'], example: '' },
  openedOn: { key: 'openedOn', required: false, aliases: ['Eröffnet am', 'Eröffnet', 'Eröffnung', 'In Betrieb seit', 'Geöffnet seit', 'Opened', 'Opened on'], example: '01.01.2016' },
  unit: { key: 'unit', required: false, aliases: ['Gebäude', 'Haus', 'Wohneinheit', 'Wohnung', 'Whg', 'Unit', 'Building', 'Flat'], example: 'Haus A' },
  floor: { key: 'floor', required: false, aliases: ['Etage', 'Stockwerk', 'Geschoss', 'Stock', 'Floor', 'Level'], example: 'EG' },
  room: { key: 'room', required: true, aliases: ['Zimmer', 'Raum', 'Zimmernummer', 'Zimmer-Nr.', 'Zi.', 'Raumnummer', 'Raum-Nr.', 'Room', 'Room number'], example: '1.04' },
  area: { key: 'area', required: false, aliases: ['Fläche (m²)', 'Fläche', 'Fläche m²', 'Wohnfläche', 'qm', 'm²', 'Größe', 'Area', 'Size'], example: '18,5' },
  restriction: { key: 'restriction', required: false, aliases: ['Belegung nur', 'Nur für', 'Beschränkung', 'Nutzung', 'Restriction'], example: 'Familie' },
  roomBarrierFree: { key: 'roomBarrierFree', required: false, aliases: ['Barrierefrei', 'Rollstuhlgerecht', 'Barrier-free', 'Accessible'], example: 'nein' },
  places: { key: 'places', required: false, aliases: ['Plätze', 'Anzahl Plätze', 'Platzzahl', 'Betten', 'Bettenzahl', 'Anzahl Betten', 'Kapazität', 'Places', 'Beds', 'Capacity'], example: '4' },
  place: { key: 'place', required: false, aliases: ['Platz', 'Bett', 'Bettplatz', 'Platz-Nr.', 'Bett-Nr.', 'Place', 'Bed'], example: 'Bett 1' },
  familyName: { key: 'familyName', required: true, aliases: ['Nachname', 'Name', 'Familienname', 'Zuname', 'Family name', 'Last name', 'Surname'], example: 'Haddad' },
  givenName: { key: 'givenName', required: true, aliases: ['Vorname', 'Vornamen', 'Rufname', 'Given name', 'First name', 'Forename'], example: 'Rami' },
  birthDate: { key: 'birthDate', required: false, aliases: ['Geburtsdatum', 'Geb.-Datum', 'Geb. Datum', 'Geb.', 'Geboren', 'Geboren am', 'Date of birth', 'Birth date', 'Birthdate', 'DOB'], example: '14.02.1988' },
  sex: { key: 'sex', required: false, aliases: ['Geschlecht', 'm/w/d', 'Sex', 'Gender'], example: 'm' },
  nationality: { key: 'nationality', required: false, aliases: ['Staatsangehörigkeit', 'Staatsang.', 'Nationalität', 'Herkunftsland', 'Herkunft', 'Nationality', 'Citizenship'], example: 'Syrien' },
  fileNumber: { key: 'fileNumber', required: false, aliases: ['Aktenzeichen', 'AZ', 'Az.', 'Akten-Nr.', 'Aktennummer', 'File number', 'Case number', 'Reference'], example: '422.21-2024-000123' },
  azrNumber: { key: 'azrNumber', required: false, aliases: ['AZR-Nummer', 'AZR', 'AZR-Nr.', 'AZR number'], example: '' },
  household: { key: 'household', required: false, aliases: ['Haushalt', 'Haushalts-Nr.', 'Haushaltsnummer', 'Familie', 'Bedarfsgemeinschaft', 'BG', 'Household', 'Family'], example: 'Familie Haddad' },
  head: { key: 'head', required: false, aliases: ['Haushaltsvorstand', 'HHV', 'Vorstand', 'Head of household', 'Head'], example: 'ja' },
  admissionDate: { key: 'admissionDate', required: true, aliases: ['Aufnahmedatum', 'Aufnahme', 'Aufnahme am', 'Zugang', 'Zuweisung', 'Zuweisungsdatum', 'Admission', 'Admission date'], example: '03.05.2024' },
  legalBasis: { key: 'legalBasis', required: false, aliases: ['Rechtsgrundlage', 'Aufnahmegrund', 'Legal basis'], example: 'Asyl' },
  residenceStatus: { key: 'residenceStatus', required: false, aliases: ['Aufenthaltsstatus', 'Status', 'Aufenthaltstitel', 'Residence status'], example: 'Gestattung' },
  languages: { key: 'languages', required: false, aliases: ['Sprachen', 'Sprache', 'Languages', 'Language'], example: 'ar, en' },
  needsBarrierFree: { key: 'needsBarrierFree', required: false, aliases: ['Barrierefrei', 'Braucht barrierefrei', 'Rollstuhl', 'Barrier-free'], example: 'nein' },
  feePayer: { key: 'feePayer', required: false, aliases: ['Selbstzahler', 'Gebührenpflichtig', 'Fee payer'], example: 'nein' },
  notes: { key: 'notes', required: false, aliases: ['Bemerkung', 'Bemerkungen', 'Notiz', 'Notizen', 'Hinweis', 'Hinweise', 'Notes', 'Remarks'], example: '' },
  moveIn: { key: 'moveIn', required: true, aliases: ['Einzug', 'Einzugsdatum', 'Eingezogen am', 'Einzug am', 'Belegt seit', 'Seit', 'Move-in', 'Move-in date', 'Since'], example: '10.06.2024' },
} as const satisfies Record<FieldKey, FieldDef>;

const optional = (f: FieldDef): FieldDef => ({ ...f, required: false });

/** The fields of each kind, in template column order. */
export const IMPORT_FIELDS: Record<ImportKind, readonly FieldDef[]> = {
  accommodations: [
    F.accommodation,
    F.kind,
    F.street,
    F.zip,
    F.city,
    F.municipality,
    F.operator,
    F.landlord,
    F.openedOn,
    F.unit,
    F.floor,
    F.room,
    F.area,
    F.restriction,
    F.roomBarrierFree,
    F.places,
    F.place,
  ],
  residents: [
    F.familyName,
    F.givenName,
    F.birthDate,
    F.sex,
    F.nationality,
    F.fileNumber,
    F.azrNumber,
    F.household,
    F.head,
    F.admissionDate,
    F.legalBasis,
    F.residenceStatus,
    F.languages,
    F.needsBarrierFree,
    F.feePayer,
    F.notes,
  ],
  // The occupancy list names the person (matched, or created when unknown)
  // and where they live since when.
  occupancy: [
    F.fileNumber,
    F.familyName,
    F.givenName,
    F.birthDate,
    F.sex,
    F.nationality,
    F.household,
    F.accommodation,
    F.unit,
    F.room,
    F.place,
    F.moveIn,
    optional(F.admissionDate),
    F.legalBasis,
  ],
};

export function fieldDef(kind: ImportKind, key: FieldKey): FieldDef | undefined {
  return IMPORT_FIELDS[kind].find((f) => f.key === key);
}

/** Column index per field; null = not in the file. */
export type ColumnMapping = Partial<Record<FieldKey, number | null>>;

/** Header folded for comparison: "Geb.-Datum" → "gebdatum". */
export function foldHeader(text: string): string {
  return foldName(text);
}

/** How well a header names a field: 2 exact alias, 1 alias contained in the header, 0 no match. */
function headerScore(folded: string, field: FieldDef): number {
  if (folded === '') return 0;
  let best = 0;
  for (const alias of field.aliases) {
    const a = foldHeader(alias);
    if (a === folded) return 2;
    // "Geburtsdatum (TT.MM.JJJJ)" still names the birth date; short aliases ("AZ", "BG") only match exactly.
    if (a.length >= 5 && folded.startsWith(a)) best = 1;
  }
  return best;
}

/**
 * Suggests a column for each field from the header row. Exact alias matches
 * win over prefix matches; a column is given to one field only.
 * `saved` (folded header → field) from a stored mapping takes precedence.
 */
export function suggestMapping(kind: ImportKind, headers: readonly string[], saved?: Readonly<Record<string, FieldKey>>): ColumnMapping {
  const fields = IMPORT_FIELDS[kind];
  const mapping: ColumnMapping = {};
  const usedColumns = new Set<number>();
  const folded = headers.map(foldHeader);
  if (saved) {
    folded.forEach((h, col) => {
      const key = Object.hasOwn(saved, h) ? saved[h] : undefined;
      if (key && fields.some((f) => f.key === key) && mapping[key] == null) {
        mapping[key] = col;
        usedColumns.add(col);
      }
    });
  }
  for (const level of [2, 1]) {
    for (const field of fields) {
      if (mapping[field.key] != null) continue;
      const col = folded.findIndex((h, i) => !usedColumns.has(i) && headerScore(h, field) === level);
      if (col >= 0) {
        mapping[field.key] = col;
        usedColumns.add(col);
      }
    }
  }
  for (const field of fields) if (mapping[field.key] === undefined) mapping[field.key] = null;
  return mapping;
}

/** The mapping as it is saved: folded header → field, for the columns that are mapped. */
export function mappingToSaved(headers: readonly string[], mapping: ColumnMapping): Record<string, FieldKey> {
  const out: Record<string, FieldKey> = {};
  for (const [key, col] of Object.entries(mapping) as [FieldKey, number | null | undefined][]) {
    if (col == null) continue;
    const h = foldHeader(headers[col] ?? '');
    if (h !== '') out[h] = key;
  }
  return out;
}

/** Required fields without a column. */
export function missingRequiredFields(kind: ImportKind, mapping: ColumnMapping): FieldKey[] {
  return IMPORT_FIELDS[kind].filter((f) => f.required && mapping[f.key] == null).map((f) => f.key);
}

/**
 * The header row: among the first 15 rows, the one whose cells name the most
 * fields (lists often have a title line above the header); the first
 * non-empty row when none names a field.
 */
export function findHeaderRow(kind: ImportKind, rows: readonly Row[]): number {
  const fields = IMPORT_FIELDS[kind];
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < Math.min(rows.length, 15); r++) {
    const row = rows[r]!;
    let score = 0;
    for (const cell of row) {
      const h = foldHeader(cellText(cell));
      if (fields.some((f) => headerScore(h, f) > 0)) score++;
    }
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best >= 0) return best;
  const first = rows.findIndex((r) => !isEmptyRow(r));
  return first >= 0 ? first : 0;
}
