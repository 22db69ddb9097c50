// Collects what a letter needs from the recorded data: recipient, address,
// persons, accommodation, room and place, dates, municipality. The result is
// a map of placeholder values plus the address block; anything missing is
// listed so the UI can say so before a letter is generated.
import { dayInPeriod } from '../domain/dates';
import type {
  Accommodation,
  Allocation,
  Bed,
  Dataset,
  Household,
  Id,
  IsoDate,
  LetterTemplateKind,
  Municipality,
  Person,
  Room,
  Stay,
} from '../domain/model';
import { computeDeadlines } from '../occupancy/deadlines';
import { formatDateDe } from '../reports/format';
import { authorityAddressLine, type Letterhead } from './letterhead';
import { addressForm, LEGAL_BASIS_TEXT, nationalityText, SALUTATION_INSTITUTION, salutationFor } from './labels';

/** What a letter is about. One letter per household (or per allocation). */
export type LetterRequest =
  | { kind: 'assignment'; stayId: Id }
  | { kind: 'transfer'; stayId: Id; reason?: string }
  | { kind: 'allocation'; allocationId: Id }
  | { kind: 'municipality_notice'; allocationId: Id }
  /** One notice listing every person of several allocations of the same municipality (a batch). */
  | { kind: 'municipality_notice'; allocationIds: readonly Id[] };

/** The allocations a municipality notice covers, in request order without repeats. */
export function noticeAllocationIds(request: Extract<LetterRequest, { kind: 'municipality_notice' }>): Id[] {
  return [...new Set('allocationIds' in request ? request.allocationIds : [request.allocationId])];
}

/** A row of the person table printed in letters. */
export interface LetterPersonRow {
  familyName: string;
  givenName: string;
  birthDate: string;
  nationality: string;
  fileNumber: string;
  /** Notices to a municipality only: the household (name) and its planned move date (German). */
  household?: string;
  plannedMoveDate?: string;
}

export interface MissingDatum {
  /** Placeholder name, or 'anschrift' for the recipient address. */
  key: string;
  /** German description for the message. */
  label: string;
}

export interface LetterContext {
  kind: LetterTemplateKind;
  /** Short name of the case for lists and messages ("Haddad, Amira"). */
  caseLabel: string;
  recipientName: string;
  /** Address block lines (without empty lines). */
  addressLines: string[];
  persons: LetterPersonRow[];
  personIds: Id[];
  householdId: Id | null;
  /** The one allocation the letter is about; null for a notice covering several. */
  allocationId: Id | null;
  /** Every allocation the letter is about (empty for stay letters). */
  allocationIds: Id[];
  values: Record<string, string | null>;
  /** Data that is missing outside the placeholders (e.g. the address). */
  missing: MissingDatum[];
}

/** Lookups over a dataset, built once for a batch of letters. */
export interface LetterData {
  persons: Map<Id, Person>;
  households: Map<Id, Household>;
  membersByHousehold: Map<Id, Person[]>;
  stays: Map<Id, Stay>;
  staysByPerson: Map<Id, Stay[]>;
  accommodations: Map<Id, Accommodation>;
  rooms: Map<Id, Room>;
  beds: Map<Id, Bed>;
  municipalities: Map<Id, Municipality>;
  allocations: Map<Id, Allocation>;
}

type LetterSource = Pick<Dataset, 'persons' | 'households' | 'stays' | 'accommodations' | 'rooms' | 'beds' | 'municipalities' | 'allocations'>;

function byId<T extends { id: Id; deleted?: boolean }>(rows: readonly T[]): Map<Id, T> {
  const m = new Map<Id, T>();
  for (const r of rows) if (!r.deleted) m.set(r.id, r);
  return m;
}

export function buildLetterData(data: LetterSource): LetterData {
  const persons = byId(data.persons);
  const membersByHousehold = new Map<Id, Person[]>();
  for (const p of persons.values()) {
    if (!p.householdId) continue;
    const list = membersByHousehold.get(p.householdId) ?? [];
    list.push(p);
    membersByHousehold.set(p.householdId, list);
  }
  const stays = byId(data.stays);
  const staysByPerson = new Map<Id, Stay[]>();
  for (const s of stays.values()) {
    if (s.cancelled) continue;
    const list = staysByPerson.get(s.personId) ?? [];
    list.push(s);
    staysByPerson.set(s.personId, list);
  }
  return {
    persons,
    households: byId(data.households),
    membersByHousehold,
    stays,
    staysByPerson,
    accommodations: byId(data.accommodations),
    rooms: byId(data.rooms),
    beds: byId(data.beds),
    municipalities: byId(data.municipalities),
    allocations: byId(data.allocations),
  };
}

const MISSING_LABELS: Record<string, string> = {
  anschrift: 'Anschrift der empfangenden Stelle',
  geburtsdatum: 'Geburtsdatum',
  aktenzeichen: 'Aktenzeichen',
  unterkunft: 'Unterkunft',
  unterkunft_adresse: 'Anschrift der Unterkunft',
  zimmer: 'Zimmer',
  platz: 'Platz',
  einzugsdatum: 'Datum des Einzugs',
  bisherige_unterkunft: 'Bisherige Unterkunft',
  bisherige_adresse: 'Anschrift der bisherigen Unterkunft',
  bisheriges_zimmer: 'Bisheriges Zimmer',
  grund: 'Grund der Verlegung',
  gemeinde: 'Gemeinde',
  entscheidungsdatum: 'Datum der Zuteilungsentscheidung',
  umzugsdatum: 'Geplanter Umzugstermin',
  frist_ende: 'Ende der vorläufigen Unterbringung',
};

export function missingLabel(key: string): string {
  return MISSING_LABELS[key] ?? key;
}

function sortPersons(list: Person[], headId: Id | null): Person[] {
  return [...list].sort((a, b) => {
    if (a.id === headId) return -1;
    if (b.id === headId) return 1;
    // Adults before children, then by name: the order families are listed in files.
    const ab = a.birthDate ?? '9999';
    const bb = b.birthDate ?? '9999';
    if (ab !== bb) return ab < bb ? -1 : 1;
    return `${a.familyName} ${a.givenName}`.localeCompare(`${b.familyName} ${b.givenName}`, 'de');
  });
}

function personRow(p: Person): LetterPersonRow {
  return {
    familyName: p.familyName,
    givenName: p.givenName,
    birthDate: formatDateDe(p.birthDate),
    nationality: nationalityText(p.nationality),
    fileNumber: p.fileNumber,
  };
}

function addressOf(a: Accommodation | undefined): string | null {
  if (!a || !a.address.street || !a.address.zip || !a.address.city) return null;
  return `${a.address.street}, ${a.address.zip} ${a.address.city}`;
}

/** The stay a person has on a day (the place a letter is delivered to). */
function stayOn(data: LetterData, personId: Id, day: IsoDate): Stay | undefined {
  const list = data.staysByPerson.get(personId) ?? [];
  return list.find((s) => dayInPeriod(day, s.from, s.to)) ?? list.filter((s) => s.from > day).sort((a, b) => (a.from < b.from ? -1 : 1))[0];
}

function residentAddressLines(data: LetterData, head: Person, stay: Stay | undefined): string[] | null {
  const acc = stay ? data.accommodations.get(stay.accommodationId) : undefined;
  if (!acc || !addressOf(acc)) return null;
  const room = stay ? data.rooms.get(stay.roomId) : undefined;
  return [
    addressForm(head.sex),
    `${head.givenName} ${head.familyName}`,
    room ? `${acc.name}, Zimmer ${roomNumberText(room.number)}` : acc.name,
    acc.address.street,
    `${acc.address.zip} ${acc.address.city}`,
  ].filter((l) => l.trim() !== '');
}

function fileNumberOf(household: Household | undefined, head: Person): string | null {
  const n = household?.fileNumber?.trim() || head.fileNumber.trim();
  return n === '' ? null : n;
}

function commonValues(letterhead: Letterhead, issuedOn: IsoDate, number: string | null): Record<string, string | null> {
  return {
    datum: formatDateDe(issuedOn),
    schreiben_nr: number ?? 'Entwurf',
    behoerde: letterhead.authority,
    behoerde_adresse: authorityAddressLine(letterhead),
  };
}

function personValues(head: Person, persons: Person[]): Record<string, string | null> {
  const deadlines = computeDeadlines(head);
  return {
    anrede: salutationFor(head.sex, head.givenName, head.familyName),
    name: `${head.givenName} ${head.familyName}`,
    vorname: head.givenName,
    nachname: head.familyName,
    geburtsdatum: head.birthDate ? formatDateDe(head.birthDate) : null,
    haushalt: persons.map(memberLine).join('\n'),
    personenzahl: String(persons.length),
    personenliste: persons.map(memberLine).join('\n'),
    rechtsgrundlage: LEGAL_BASIS_TEXT[head.legalBasis],
    frist_ende: formatDateDe(deadlines.effectiveEnd),
  };
}

function memberLine(p: Person): string {
  const born = p.birthDate ? `, geb. ${formatDateDe(p.birthDate)}` : '';
  return `${p.familyName}, ${p.givenName}${born}`;
}

function stayValues(data: LetterData, stay: Stay): Record<string, string | null> {
  const acc = data.accommodations.get(stay.accommodationId);
  const room = data.rooms.get(stay.roomId);
  const bed = data.beds.get(stay.bedId);
  return {
    unterkunft: acc?.name ?? null,
    unterkunft_adresse: addressOf(acc),
    zimmer: room ? roomNumberText(room.number) : null,
    platz: bed?.label ?? null,
    einzugsdatum: formatDateDe(stay.from),
  };
}

/** Room numbers are sometimes recorded as "Zimmer 1"; templates already say "Zimmer {{zimmer}}". */
export function roomNumberText(number: string): string {
  return number.replace(/^\s*zimmer\s+/i, '').trim();
}

export class LetterDataError extends Error {}

/**
 * Persons who moved together with `stay`: members of the same household with
 * a stay that starts the same day in the same accommodation.
 */
function movedTogether(data: LetterData, stay: Stay): Person[] {
  const self = data.persons.get(stay.personId);
  if (!self) throw new LetterDataError('Die Person dieser Belegung ist nicht mehr vorhanden.');
  if (!stay.householdId) return [self];
  const members = data.membersByHousehold.get(stay.householdId) ?? [self];
  const together = members.filter(
    (m) => m.id === self.id || (data.staysByPerson.get(m.id) ?? []).some((s) => s.from === stay.from && s.accommodationId === stay.accommodationId),
  );
  return together.length > 0 ? together : [self];
}

/** The letter context for one request. Throws LetterDataError when the case itself no longer exists. */
export function buildLetterContext(
  data: LetterData,
  request: LetterRequest,
  letterhead: Letterhead,
  issuedOn: IsoDate,
  number: string | null = null,
): LetterContext {
  const values: Record<string, string | null> = commonValues(letterhead, issuedOn, number);
  const missing: MissingDatum[] = [];

  if (request.kind === 'assignment' || request.kind === 'transfer') {
    const stay = data.stays.get(request.stayId);
    if (!stay) throw new LetterDataError('Die Belegung für dieses Schreiben ist nicht mehr vorhanden.');
    const together = movedTogether(data, stay);
    const household = stay.householdId ? data.households.get(stay.householdId) : undefined;
    const headId = household?.headPersonId && together.some((p) => p.id === household.headPersonId) ? household.headPersonId : stay.personId;
    const persons = sortPersons(together, headId);
    const head = persons[0] ?? data.persons.get(stay.personId);
    if (!head) throw new LetterDataError('Die Person dieser Belegung ist nicht mehr vorhanden.');
    Object.assign(values, personValues(head, persons), stayValues(data, stay), { aktenzeichen: fileNumberOf(household, head) });
    if (request.kind === 'transfer') {
      const previous = stay.previousStayId ? data.stays.get(stay.previousStayId) : undefined;
      const prevAcc = previous ? data.accommodations.get(previous.accommodationId) : undefined;
      const prevRoom = previous ? data.rooms.get(previous.roomId) : undefined;
      const prevBed = previous ? data.beds.get(previous.bedId) : undefined;
      values.bisherige_unterkunft = prevAcc?.name ?? null;
      values.bisherige_adresse = addressOf(prevAcc);
      values.bisheriges_zimmer = prevRoom ? `Zimmer ${roomNumberText(prevRoom.number)}${prevBed ? `, Platz ${prevBed.label}` : ''}` : null;
      values.grund = request.reason?.trim() ? request.reason.trim() : null;
    }
    const lines = residentAddressLines(data, head, stay);
    if (!lines) missing.push({ key: 'anschrift', label: missingLabel('anschrift') });
    return {
      kind: request.kind,
      caseLabel: `${head.familyName}, ${head.givenName}`,
      recipientName: `${head.givenName} ${head.familyName}`,
      addressLines: lines ?? [addressForm(head.sex), `${head.givenName} ${head.familyName}`].filter(Boolean),
      persons: persons.map(personRow),
      personIds: persons.map((p) => p.id),
      householdId: stay.householdId,
      allocationId: null,
      allocationIds: [],
      values,
      missing,
    };
  }

  if (request.kind === 'municipality_notice') return municipalityNotice(data, noticeAllocationIds(request), values);

  const allocation = data.allocations.get(request.allocationId);
  if (!allocation) throw new LetterDataError('Die Zuteilung für dieses Schreiben ist nicht mehr vorhanden.');
  const { household, persons, head } = allocatedPersons(data, allocation);
  const municipality = data.municipalities.get(allocation.municipalityId);
  Object.assign(values, personValues(head, persons), {
    aktenzeichen: fileNumberOf(household, head),
    gemeinde: municipality?.name ?? null,
    entscheidungsdatum: allocation.decisionDate ? formatDateDe(allocation.decisionDate) : null,
    umzugsdatum: allocation.plannedMoveDate ? formatDateDe(allocation.plannedMoveDate) : null,
  });
  const lines = residentAddressLines(data, head, stayOn(data, head.id, issuedOn));
  if (!lines) missing.push({ key: 'anschrift', label: missingLabel('anschrift') });
  return {
    kind: 'allocation',
    caseLabel: `${head.familyName}, ${head.givenName}`,
    recipientName: `${head.givenName} ${head.familyName}`,
    addressLines: lines ?? [addressForm(head.sex), `${head.givenName} ${head.familyName}`].filter(Boolean),
    persons: persons.map(personRow),
    personIds: persons.map((p) => p.id),
    householdId: allocation.householdId,
    allocationId: allocation.id,
    allocationIds: [allocation.id],
    values,
    missing,
  };
}

/** The existing persons of an allocation, head of household first. */
function allocatedPersons(data: LetterData, allocation: Allocation): { household: Household | undefined; persons: Person[]; head: Person } {
  const household = allocation.householdId ? data.households.get(allocation.householdId) : undefined;
  const allocated = allocation.personIds.map((id) => data.persons.get(id)).filter((p): p is Person => !!p);
  if (allocated.length === 0) throw new LetterDataError('Die Zuteilung nennt keine vorhandenen Personen.');
  const headId = household?.headPersonId && allocation.personIds.includes(household.headPersonId) ? household.headPersonId : (allocated[0]?.id ?? null);
  const persons = sortPersons(allocated, headId);
  return { household, persons, head: persons[0]! };
}

/** "01.04.2026" or, for several different days, "01.04.2026 bzw. 15.04.2026"; null when any is missing. */
function datesText(days: readonly (IsoDate | null)[]): string | null {
  if (days.some((d) => !d)) return null;
  const distinct = [...new Set(days as IsoDate[])].sort().map(formatDateDe);
  if (distinct.length <= 1) return distinct[0] ?? null;
  return `${distinct.slice(0, -1).join(', ')} bzw. ${distinct.at(-1)!}`;
}

/**
 * Notice to the municipality: addressed to its administration, listing every
 * person of the given allocations (all of one municipality) with household,
 * date of birth, Aktenzeichen and planned move date.
 */
function municipalityNotice(data: LetterData, allocationIds: readonly Id[], values: Record<string, string | null>): LetterContext {
  const missing: MissingDatum[] = [];
  if (allocationIds.length === 0) throw new LetterDataError('Die Mitteilung an die Gemeinde nennt keine Zuteilung.');
  const allocations = allocationIds.map((id) => {
    const a = data.allocations.get(id);
    if (!a) throw new LetterDataError('Die Zuteilung für dieses Schreiben ist nicht mehr vorhanden.');
    return a;
  });
  const first = allocations[0]!;
  if (allocations.some((a) => a.municipalityId !== first.municipalityId)) {
    throw new LetterDataError('Eine Mitteilung an die Gemeinde kann nur Zuteilungen derselben Gemeinde umfassen.');
  }
  const groups = allocations.map((a) => ({ allocation: a, ...allocatedPersons(data, a) }));
  const rows: LetterPersonRow[] = [];
  const personIds: Id[] = [];
  const fileNumbers: string[] = [];
  for (const g of groups) {
    const householdName = g.household?.name?.trim() || `${g.head.familyName}, ${g.head.givenName}`;
    const householdFile = fileNumberOf(g.household, g.head);
    if (householdFile && !fileNumbers.includes(householdFile)) fileNumbers.push(householdFile);
    for (const p of g.persons) {
      if (personIds.includes(p.id)) continue;
      personIds.push(p.id);
      rows.push({
        ...personRow(p),
        fileNumber: p.fileNumber.trim() || householdFile || '',
        household: householdName,
        plannedMoveDate: g.allocation.plannedMoveDate ? formatDateDe(g.allocation.plannedMoveDate) : '',
      });
    }
  }
  const allPersons = groups.flatMap((g) => g.persons).filter((p, i, list) => list.findIndex((q) => q.id === p.id) === i);
  const head = groups[0]!.head;
  const municipality = data.municipalities.get(first.municipalityId);
  Object.assign(values, personValues(head, allPersons), {
    // Every household's Aktenzeichen; a missing one leaves the placeholder unfilled (reported as missing).
    aktenzeichen: groups.every((g) => fileNumberOf(g.household, g.head)) ? fileNumbers.join(', ') : null,
    gemeinde: municipality?.name ?? null,
    entscheidungsdatum: datesText(allocations.map((a) => a.decisionDate)),
    umzugsdatum: datesText(allocations.map((a) => a.plannedMoveDate)),
  });
  values.anrede = SALUTATION_INSTITUTION;
  const contact = municipality?.contact;
  const address = contact?.address;
  const lines = municipality
    ? [
        contact?.name?.trim() ? contact.name : `Gemeinde ${municipality.name}`,
        contact?.department ?? '',
        address?.street ?? '',
        address ? `${address.zip} ${address.city}` : '',
      ].filter((l) => l.trim() !== '')
    : [];
  if (!address) missing.push({ key: 'anschrift', label: 'Anschrift der Gemeinde (Stammdaten der Gemeinde)' });
  return {
    kind: 'municipality_notice',
    caseLabel:
      groups.length === 1 ? `${municipality?.name ?? '?'} – ${head.familyName}, ${head.givenName}` : `${municipality?.name ?? '?'} – ${groups.length} Haushalte`,
    recipientName: municipality?.name ?? '',
    addressLines: lines,
    persons: rows,
    personIds,
    householdId: groups.length === 1 ? first.householdId : null,
    allocationId: groups.length === 1 ? first.id : null,
    allocationIds: allocations.map((a) => a.id),
    values,
    missing,
  };
}
