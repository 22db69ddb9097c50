// The domain entities of Quartier as plain data. One source for the shape of
// every record: Dexie tables (renderer/db), the sync merge, the report models
// and the demo generator all use these types. Names are English; the German
// UI words are in the translation files (renderer/i18n).
//
// Conventions
// - Ids are opaque strings (UUIDs made by the renderer, or deterministic ids
//   made by the demo generator). They never carry personal data.
// - Calendar days are ISO strings `YYYY-MM-DD` (type IsoDate). They compare
//   correctly as strings and carry no time zone.
// - Instants (audit, createdAt) are ISO timestamps `YYYY-MM-DDTHH:mm:ss.sssZ`.
// - Periods are half-open: [from, to). `to: null` means open-ended.
// - Money is stored in euro cents (integer) to avoid float rounding.

export type Id = string;
/** Calendar day `YYYY-MM-DD`. */
export type IsoDate = string;
/** Instant `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export type IsoTimestamp = string;

/** Fields every synced record carries. */
export interface RecordMeta {
  id: Id;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
  /** Soft delete: sync needs tombstones; lists hide deleted records. */
  deleted?: boolean;
}

export interface Address {
  street: string;
  zip: string;
  city: string;
}

// ---------------------------------------------------------------------------
// Municipalities (Gemeinden)

export interface Contact {
  name: string;
  department?: string;
  email?: string;
  phone?: string;
  address?: Address;
}

export interface Municipality extends RecordMeta {
  /** Amtlicher Gemeindeschlüssel (8 digits, e.g. 08417008). */
  ags: string;
  name: string;
  population: number;
  /** Reference date of the population figure (30 June of the previous year). */
  populationDate: IsoDate;
  /** True when the figure is an approximation (demo data). */
  populationApproximate: boolean;
  areaKm2?: number;
  /** Share of foreign residents 0..1, for weighted allocation keys. */
  foreignShare?: number;
  contact?: Contact;
}

// ---------------------------------------------------------------------------
// Accommodations (Unterkünfte) → units (Wohneinheiten/Gebäude) → rooms → beds

export type AccommodationKind = 'gu' | 'flat';
export type AccommodationStatus = 'planned' | 'active' | 'closing' | 'closed';

export interface Lease {
  start: IsoDate | null;
  end: IsoDate | null;
  /** Monthly rent in euro cents. */
  rentCents: number | null;
  rentFree: boolean;
}

export interface Accommodation extends RecordMeta {
  name: string;
  kind: AccommodationKind;
  address: Address;
  municipalityId: Id;
  /** Betreiber (for GU). */
  operator?: string;
  /** Vermieter (for flats / rented buildings). */
  landlord?: string;
  lease: Lease;
  status: AccommodationStatus;
  /** First day people may live here. */
  openedOn: IsoDate;
  /** First day nobody may live here any more (exclusive end). */
  closedOn: IsoDate | null;
  /** Places held back as reserve (Reserveplätze), not offered for placement. */
  reservePlaces: number;
  notes?: string;
}

export type UnitKind = 'building' | 'flat';

/** A building of a GU (Haus A) or a flat (Wohnung) inside an accommodation. */
export interface Unit extends RecordMeta {
  accommodationId: Id;
  kind: UnitKind;
  name: string;
  floor?: string;
  notes?: string;
}

export type RoomRestriction = 'none' | 'women' | 'men' | 'family';

export interface Room extends RecordMeta {
  accommodationId: Id;
  unitId: Id;
  /** Room number or name as on the door ("1.04"). */
  number: string;
  floor?: string;
  /** Wohn- und Schlaffläche in m². */
  areaM2: number;
  restriction: RoomRestriction;
  barrierFree: boolean;
  notes?: string;
}

/** A place (Platz / Bettplatz). */
export interface Bed extends RecordMeta {
  accommodationId: Id;
  roomId: Id;
  label: string;
  /** A reserve place (Reserveplatz) is held back and not offered by the finder. */
  reserve: boolean;
  /** Sort order within the room. */
  order: number;
}

export type BlockReason = 'repair' | 'mould' | 'quarantine' | 'pest' | 'other';

/** A bed blocked for [from, until). until null = until further notice. */
export interface BedBlock extends RecordMeta {
  bedId: Id;
  accommodationId: Id;
  from: IsoDate;
  until: IsoDate | null;
  reason: BlockReason;
  note?: string;
}

// ---------------------------------------------------------------------------
// People

export type Sex = 'f' | 'm' | 'x';

/** Legal basis of admission to the county; decides the § 9 FlüAG deadline. */
export type LegalBasis =
  | 'asylum' // Asylantrag, § 9 Abs. 1 FlüAG: 24 months
  | 'aufenthg_22' // § 22 AufenthG: 6 months
  | 'aufenthg_23' // § 23 AufenthG: 6 months
  | 'aufenthg_24' // § 24 AufenthG (e.g. Ukraine): 6 months
  | 'aufenthg_15a' // § 15a AufenthG: 6 months
  | 'other';

export type ResidenceStatus =
  | 'gestattung' // Aufenthaltsgestattung
  | 'duldung'
  | 'aufenthaltserlaubnis'
  | 'fiktion' // Fiktionsbescheinigung
  | 'niederlassung'
  | 'none'
  | 'other';

export type Vulnerability =
  | 'minor'
  | 'unaccompanied_minor'
  | 'disability'
  | 'pregnancy'
  | 'single_parent'
  | 'serious_illness'
  | 'elderly'
  | 'trauma'
  | 'lgbtiq'
  | 'other';

export type AsylumDecision = 'pending' | 'granted' | 'rejected' | 'final_granted' | 'final_rejected';

export interface DeadlineExtension {
  /** New end of vorläufige Unterbringung. */
  until: IsoDate;
  reason: string;
  decidedOn: IsoDate;
  by: string;
}

export interface Person extends RecordMeta {
  familyName: string;
  givenName: string;
  birthDate: IsoDate | null;
  sex: Sex;
  nationality: string; // ISO 3166 alpha-3, e.g. "SYR"
  languages: string[]; // ISO 639-1, e.g. ["ar", "en"]
  householdId: Id | null;
  /** Aktenzeichen. */
  fileNumber: string;
  /** AZR-Nummer. */
  azrNumber?: string;
  residenceStatus: ResidenceStatus;
  asylumDecision: AsylumDecision;
  /** Date of admission to the county (Aufnahme in die vorläufige Unterbringung). */
  admissionDate: IsoDate;
  legalBasis: LegalBasis;
  extension?: DeadlineExtension | null;
  /** Restricted visibility: only roles with `vulnerability:read`. */
  vulnerabilities: Vulnerability[];
  /** Needs a barrier-free room. */
  needsBarrierFree: boolean;
  /** Selbstzahler: pays the Benutzungsgebühr. */
  feePayer: boolean;
  notes?: string;
  /**
   * The notes are confidential (Vermerk ist vertraulich): shown only to roles
   * with `sensitiveNotes:read`; an edit by another role keeps them unchanged.
   */
  notesSensitive?: boolean;
  /**
   * Benefits (AsylbLG) were refused: the shorter retention period applies
   * once the case closes (shared/retention, docs/data-model.md "Retention").
   */
  benefitsRefused?: boolean;
  /** Day a retention run anonymised this person (names, birth day, notes, AZR removed). */
  anonymisedOn?: IsoDate | null;
  /** True when `birthDate` holds only the year (YYYY-01-01) after anonymisation. */
  birthYearOnly?: boolean;
}

export interface Household extends RecordMeta {
  /** Display name, e.g. "Familie Haddad". */
  name: string;
  /** Person who receives letters for the household. */
  headPersonId: Id | null;
  fileNumber?: string;
}

// ---------------------------------------------------------------------------
// Stays (Belegungen)

/**
 * Departure (Auszug/Abgang) reasons in display order; the one list used by the
 * check-out rules, the dialogs, the reports and the demo generator (whose
 * stored indexes depend on this order: append, never reorder).
 */
export const DEPARTURE_REASONS = [
  'follow_up_accommodation', // Anschlussunterbringung (Zuteilung an Gemeinde)
  'own_flat', // eigene Wohnung
  'redistribution', // Umverteilung in anderen Kreis
  'voluntary_return', // freiwillige Ausreise
  'deportation', // Abschiebung
  'unknown', // unbekannt verzogen
  'death',
  'other',
] as const;
export type DepartureReason = (typeof DEPARTURE_REASONS)[number];

export type StayEndKind =
  /** The person left the county accommodation (Auszug). */
  | 'departure'
  /** The stay ended because the person moved to another bed (Verlegung/Umsetzung). */
  | 'move';

/**
 * A person in a bed over [from, to). A stay whose `from` is in the future is
 * planned (reserviert). Moves link the stay that ends (nextStayId) and the
 * stay that begins (previousStayId).
 */
export interface Stay extends RecordMeta {
  personId: Id;
  bedId: Id;
  /** Denormalised from the bed for fast per-room/-accommodation queries. */
  roomId: Id;
  accommodationId: Id;
  householdId: Id | null;
  from: IsoDate;
  to: IsoDate | null;
  endKind?: StayEndKind | null;
  departureReason?: DepartureReason | null;
  previousStayId?: Id | null;
  nextStayId?: Id | null;
  /** A room restriction was overridden; the reason is recorded. */
  overrideReason?: string | null;
  /** Set when a past stay was corrected. */
  correctionReason?: string | null;
  /** Cancelled planned stays are kept (soft) for history but do not count. */
  cancelled?: boolean;
}

// ---------------------------------------------------------------------------
// Allocation to municipalities (Zuteilung in die Anschlussunterbringung)

export type AllocationStatus = 'planned' | 'decided' | 'moved' | 'cancelled';

export interface Allocation extends RecordMeta {
  householdId: Id | null;
  /** Persons allocated (the whole household unless explicitly split). */
  personIds: Id[];
  municipalityId: Id;
  decisionDate: IsoDate | null;
  plannedMoveDate: IsoDate | null;
  status: AllocationStatus;
  /** Letters (ids in `letters`) produced for this allocation. */
  letterIds: Id[];
  note?: string;
  /** Day the household moved out to the municipality (status moved). */
  movedOn?: IsoDate | null;
  /** Why the allocation was cancelled (status cancelled); also in the audit entry. */
  cancelReason?: string | null;
}

// ---------------------------------------------------------------------------
// Letters and templates

export type LetterTemplateKind = 'assignment' | 'transfer' | 'allocation' | 'municipality_notice';

export interface LetterTemplate extends RecordMeta {
  kind: LetterTemplateKind;
  name: string;
  /** Increases with every saved edit; letters record the version they used. */
  version: number;
  /** Text blocks with {{placeholders}}. */
  blocks: { key: string; title: string; text: string }[];
  /** Optional translated annexes written by the office (not binding); one per language. */
  annexes?: LetterAnnex[];
}

/** A translation annex of a letter template, e.g. Ukrainian or Turkish (Latin and Cyrillic scripts: the embedded font covers both). */
export interface LetterAnnex {
  /** ISO 639-1 code, e.g. "uk". */
  language: string;
  title: string;
  /** Text with the same {{placeholders}} as the German blocks. */
  text: string;
}

export interface LetterLogEntry extends RecordMeta {
  /** Human-readable letter number, e.g. "2026-000123". */
  number: string;
  templateId: Id;
  templateKind: LetterTemplateKind;
  templateVersion: number;
  issuedOn: IsoDate;
  issuedBy: string;
  recipientName: string;
  personIds: Id[];
  householdId: Id | null;
  allocationId?: Id | null;
  /** Every allocation the letter is about (a notice to a municipality may cover several). */
  allocationIds?: Id[];
  /** Frozen document content so a reprint is exactly as first issued. */
  content: unknown;
}

// ---------------------------------------------------------------------------
// Users and access events (synced like every entity)

/** Roles of DOMAIN.md "Data protection"; permissions per role live in shared/auth/. */
export const ROLES = ['admin', 'housing', 'field', 'caseworker', 'readonly'] as const;
export type Role = (typeof ROLES)[number];

/** Password hash as stored (never the password). Parameters travel with it so they can be raised later. */
export interface PasswordHash {
  alg: 'PBKDF2-SHA256';
  iterations: number;
  /** base64 */
  salt: string;
  /** base64 */
  hash: string;
}

export interface User extends RecordMeta {
  /** Sign-in name, compared case-insensitively. */
  login: string;
  displayName: string;
  role: Role;
  active: boolean;
  password: PasswordHash;
  /** Außendienst: the accommodations this user may change; ignored for other roles. */
  accommodationIds: Id[];
}

/**
 * What an access event records besides changes (those are in the audit table).
 * `denied`: an export, letter or Auskunft refused for a missing permission.
 */
export type AccessEventKind = 'export' | 'letter' | 'auskunft' | 'retention' | 'signIn' | 'signInFailed' | 'denied';

/**
 * An append-only record of an export, a letter, an Auskunft, a retention run
 * or a sign-in: who did what for whom. Written through runOperation, so it is
 * synced and gets its audit entry; never patched or deleted by the app.
 */
export interface AccessEvent extends RecordMeta {
  at: IsoTimestamp;
  kind: AccessEventKind;
  /** User id (users table); empty for a failed sign-in of an unknown login. */
  userId: Id;
  userName: string;
  deviceId: string;
  /** Machine-readable subject, e.g. "report.occupancy.xlsx" or "letter.allocation". */
  subject: string;
  /** Short German description for the audit view. */
  description: string;
  /** Persons the event concerns (letters, Auskunft); empty for list exports. */
  personIds: Id[];
  /** Kind `denied` only: the permission the user lacked (a name from shared/auth PERMISSIONS). */
  deniedPermission?: string;
}

// ---------------------------------------------------------------------------
// Audit trail, settings, sync bookkeeping (local-only tables)

export interface AuditEntry {
  id: Id;
  at: IsoTimestamp;
  user: string;
  deviceId: string;
  /** Operation name, e.g. "stay.checkIn". */
  operation: string;
  entity: string;
  entityId: Id;
  before: unknown;
  after: unknown;
  reason?: string;
  /** The Change (shared/sync/change.ts) this entry belongs to; groups the entries of one operation for undo. */
  changeId?: string;
  /** Acting user's id (users table) when known. */
  userId?: Id;
  /** Where the record came from when it was imported from a file. */
  source?: { file: string; row: number };
}

export interface SettingEntry {
  key: string;
  value: unknown;
}

/** Names of the synced entity tables (also the Dexie table names). */
export const ENTITY_TABLES = [
  'municipalities',
  'accommodations',
  'units',
  'rooms',
  'beds',
  'bedBlocks',
  'persons',
  'households',
  'stays',
  'allocations',
  'letterTemplates',
  'letters',
  'users',
  'accessLog',
] as const;
export type EntityTable = (typeof ENTITY_TABLES)[number];

export interface EntityByTable {
  municipalities: Municipality;
  accommodations: Accommodation;
  units: Unit;
  rooms: Room;
  beds: Bed;
  bedBlocks: BedBlock;
  persons: Person;
  households: Household;
  stays: Stay;
  allocations: Allocation;
  letterTemplates: LetterTemplate;
  letters: LetterLogEntry;
  users: User;
  accessLog: AccessEvent;
}

/** A whole dataset as plain arrays: input for pure domain functions and reports. */
export type Dataset = { [T in EntityTable]: EntityByTable[T][] };

export function emptyDataset(): Dataset {
  return {
    municipalities: [],
    accommodations: [],
    units: [],
    rooms: [],
    beds: [],
    bedBlocks: [],
    persons: [],
    households: [],
    stays: [],
    allocations: [],
    letterTemplates: [],
    letters: [],
    users: [],
    accessLog: [],
  };
}
