// Reading a person from a row (residents and occupancy lists), households
// from the "Haushalt" column, and finding persons already in Quartier.
// Matching rule: the Aktenzeichen first; without one (or when it is unknown)
// family name + given name + birth date, compared without case, accents and
// punctuation. A name alone never matches: two "Ahmad Haddad" are common.
import type { Household, Id, IsoDate, Person } from '../domain/model';
import { foldName, nationalityCode } from './nationality';
import type { ImportInput, MappedRow } from './plan';
import { readBoolean, readDay, readLanguages, readLegalBasis, readResidenceStatus, readSex } from './values';

export function personKey(familyName: string, givenName: string, birthDate: IsoDate | null): string | null {
  if (!birthDate) return null;
  return `${foldName(familyName)}\u0000${foldName(givenName)}\u0000${birthDate}`;
}

export function fileNumberKey(fileNumber: string): string {
  return fileNumber.trim().toLowerCase().replace(/\s+/g, '');
}

/** Index of existing persons by Aktenzeichen and by name + birth date. */
export class PersonIndex {
  readonly byFileNumber = new Map<string, Person>();
  readonly byNameBirth = new Map<string, Person>();
  constructor(persons: readonly Person[]) {
    for (const p of persons) {
      if (p.deleted) continue;
      if (p.fileNumber.trim() !== '') this.byFileNumber.set(fileNumberKey(p.fileNumber), p);
      const k = personKey(p.familyName, p.givenName, p.birthDate);
      if (k) this.byNameBirth.set(k, p);
    }
  }
}

export interface PersonFields {
  familyName: string;
  givenName: string;
  birthDate: IsoDate | null;
  fileNumber: string;
}

/** Name, birth date and Aktenzeichen; records problems on the row. */
export function readIdentity(r: MappedRow, today: IsoDate, namesRequired: boolean): PersonFields {
  const familyName = namesRequired ? r.required('familyName') : r.text('familyName');
  const givenName = namesRequired ? r.required('givenName') : r.text('givenName');
  let birthDate: IsoDate | null = null;
  if (r.cell('birthDate') !== null) {
    const d = readDay(r.cell('birthDate'));
    if (!d.ok) r.error(d.code, 'birthDate', { value: r.text('birthDate') });
    else if (d.value > today) r.error('birthInFuture', 'birthDate', { value: r.text('birthDate') });
    else birthDate = d.value;
  }
  if (familyName.length > 100) r.error('tooLong', 'familyName', { max: 100 });
  if (givenName.length > 100) r.error('tooLong', 'givenName', { max: 100 });
  const fileNumber = r.text('fileNumber');
  if (fileNumber.length > 50) r.error('tooLong', 'fileNumber', { max: 50 });
  return { familyName, givenName, birthDate, fileNumber };
}

/**
 * The full person of a row (without household), or null when the row has
 * errors. `admissionFallback`: the move-in day of an occupancy row.
 */
export function readPerson(r: MappedRow, input: ImportInput, id: PersonFields, admissionFallback: IsoDate | null): Person | null {
  const sex = readSex(r.cell('sex'));
  if (!sex.ok) r.error(sex.code, 'sex', { value: r.text('sex') });
  let nationality = 'XXX';
  const natText = r.text('nationality');
  if (natText !== '') {
    const code = nationalityCode(natText);
    if (code) nationality = code;
    else r.error('nationalityUnknown', 'nationality', { value: natText });
  }
  let admissionDate: IsoDate | null = admissionFallback;
  if (r.cell('admissionDate') !== null) {
    const d = readDay(r.cell('admissionDate'));
    if (d.ok) admissionDate = d.value;
    else r.error(d.code, 'admissionDate', { value: r.text('admissionDate') });
  } else if (admissionFallback === null) r.error('required', 'admissionDate');
  if (admissionDate && id.birthDate && id.birthDate > admissionDate) r.error('birthAfterAdmission', 'birthDate');
  const legal = readLegalBasis(r.cell('legalBasis'));
  if (!legal.ok) r.error(legal.code, 'legalBasis', { value: r.text('legalBasis') });
  const residence = readResidenceStatus(r.cell('residenceStatus'));
  if (!residence.ok) r.error(residence.code, 'residenceStatus', { value: r.text('residenceStatus') });
  const languages = readLanguages(r.cell('languages'));
  if (!languages.ok) r.error(languages.code, 'languages', { value: r.text('languages') });
  const barrier = readBoolean(r.cell('needsBarrierFree'));
  if (!barrier.ok) r.error(barrier.code, 'needsBarrierFree', { value: r.text('needsBarrierFree') });
  const fee = readBoolean(r.cell('feePayer'));
  if (!fee.ok) r.error(fee.code, 'feePayer', { value: r.text('feePayer') });
  const azr = r.text('azrNumber');
  if (azr.length > 30) r.error('tooLong', 'azrNumber', { max: 30 });
  const notes = r.text('notes');
  if (notes.length > 2000) r.error('tooLong', 'notes', { max: 2000 });
  if (r.hasErrors || !sex.ok || !legal.ok || !residence.ok || !languages.ok || !admissionDate) return null;
  const person: Person = {
    id: input.newId(),
    createdAt: input.now,
    updatedAt: input.now,
    familyName: id.familyName,
    givenName: id.givenName,
    birthDate: id.birthDate,
    sex: sex.value,
    nationality,
    languages: languages.value,
    householdId: null,
    fileNumber: id.fileNumber,
    residenceStatus: residence.value,
    asylumDecision: 'pending',
    admissionDate,
    legalBasis: legal.value,
    extension: null,
    vulnerabilities: [],
    needsBarrierFree: barrier.ok && barrier.value,
    feePayer: fee.ok && fee.value,
  };
  if (azr) person.azrNumber = azr;
  if (notes) person.notes = notes;
  return person;
}

interface HouseholdDraft {
  key: string;
  label: string;
  firstRow: number;
  members: { person: Person; row: number; head: boolean }[];
}

/**
 * Groups new persons into households by the "Haushalt" column (same text =
 * same household). The head is the member marked "ja" in
 * "Haushaltsvorstand", else the first member. Persons without a household
 * value stay without household.
 */
export class HouseholdBuilder {
  private readonly drafts = new Map<string, HouseholdDraft>();

  add(r: MappedRow, person: Person): void {
    const label = r.text('household');
    if (label === '') return;
    const head = readBoolean(r.cell('head'));
    if (!head.ok) {
      r.error(head.code, 'head', { value: r.text('head') });
      return;
    }
    const key = foldName(label) || label;
    let d = this.drafts.get(key);
    if (!d) {
      d = { key, label, firstRow: r.number, members: [] };
      this.drafts.set(key, d);
    }
    if (head.value) {
      const other = d.members.find((m) => m.head);
      if (other) {
        r.error('headDuplicate', 'head', { firstRow: other.row });
        return;
      }
    }
    d.members.push({ person, row: r.number, head: head.value });
  }

  /** Creates the households and sets householdId on the members. */
  build(input: ImportInput, onHousehold: (h: Household, row: number) => void): void {
    for (const d of this.drafts.values()) {
      const head = d.members.find((m) => m.head) ?? d.members[0];
      if (!head) continue;
      const id: Id = input.newId();
      // A number ("17") names nothing: the household is called after its head.
      const name = /\p{L}/u.test(d.label) ? d.label : `Haushalt ${head.person.familyName}`;
      const household: Household = { id, createdAt: input.now, updatedAt: input.now, name, headPersonId: head.person.id };
      for (const m of d.members) m.person.householdId = id;
      onHousehold(household, d.firstRow);
    }
  }
}
