// Master data of a municipality (Gemeinde) as the allocation needs it: the
// official key (AGS, 8 digits: Land 2, Regierungsbezirk 1, Kreis 2,
// Gemeinde 3), the population as of 30 June of the previous year (§ 2 DVO
// FlüAG) and the address notices are sent to.
import { isIsoDate } from '../domain/dates';
import type { Contact, IsoDate, Municipality } from '../domain/model';
import { problem, type AllocationProblem } from './problems';

export interface MunicipalityInput {
  ags: string;
  name: string;
  population: number;
  populationDate: IsoDate;
  populationApproximate: boolean;
  areaKm2?: number | null;
  /** 0..1 */
  foreignShare?: number | null;
  contact?: Contact | null;
}

export type MunicipalityField = 'ags' | 'name' | 'population' | 'populationDate' | 'areaKm2' | 'foreignShare' | 'email' | 'zip';

export interface MunicipalityProblem extends AllocationProblem {
  field: MunicipalityField;
}

const AGS = /^\d{8}$/;
const ZIP = /^\d{5}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function fieldProblem(field: MunicipalityField, code: string, message: string, params: Record<string, string | number> = {}): MunicipalityProblem {
  return { ...problem(code, message, params), field };
}

/** The reference day the law asks for: 30 June of the year before `today`. */
export function populationReferenceDate(today: IsoDate): IsoDate {
  return `${Number(today.slice(0, 4)) - 1}-06-30`;
}

/** Problems of the input; `others` are the other municipalities (for the unique AGS). */
export function validateMunicipality(input: MunicipalityInput, others: readonly Municipality[] = []): MunicipalityProblem[] {
  const out: MunicipalityProblem[] = [];
  const ags = input.ags.trim();
  if (!AGS.test(ags)) out.push(fieldProblem('ags', 'agsFormat', 'Der Gemeindeschlüssel (AGS) hat genau 8 Ziffern, z. B. 08417008.'));
  else if (others.some((m) => !m.deleted && m.ags === ags)) {
    out.push(fieldProblem('ags', 'agsDuplicate', `Der Gemeindeschlüssel ${ags} ist schon vergeben.`, { ags }));
  }
  if (input.name.trim() === '') out.push(fieldProblem('name', 'nameRequired', 'Bitte den Namen der Gemeinde angeben.'));
  if (!Number.isInteger(input.population) || input.population < 0) {
    out.push(fieldProblem('population', 'populationInvalid', 'Die Einwohnerzahl ist eine ganze Zahl ab 0.'));
  }
  if (!isIsoDate(input.populationDate)) out.push(fieldProblem('populationDate', 'populationDateInvalid', 'Bitte ein gültiges Stichtagsdatum angeben.'));
  if (input.areaKm2 != null && !(Number.isFinite(input.areaKm2) && input.areaKm2 >= 0)) {
    out.push(fieldProblem('areaKm2', 'areaInvalid', 'Die Fläche ist eine Zahl ab 0 (km²).'));
  }
  if (input.foreignShare != null && !(Number.isFinite(input.foreignShare) && input.foreignShare >= 0 && input.foreignShare <= 1)) {
    out.push(fieldProblem('foreignShare', 'foreignShareInvalid', 'Der Ausländeranteil liegt zwischen 0 und 100 %.'));
  }
  const email = input.contact?.email?.trim();
  if (email && !EMAIL.test(email)) out.push(fieldProblem('email', 'emailInvalid', 'Die E-Mail-Adresse ist ungültig.'));
  const zip = input.contact?.address?.zip?.trim();
  if (zip && !ZIP.test(zip)) out.push(fieldProblem('zip', 'zipInvalid', 'Die Postleitzahl hat 5 Ziffern.'));
  return out;
}

/** The record fields of a valid input (trimmed; empty optional fields removed). */
export function municipalityFields(input: MunicipalityInput): Omit<Municipality, 'id' | 'createdAt' | 'updatedAt' | 'deleted'> {
  const fields: Omit<Municipality, 'id' | 'createdAt' | 'updatedAt' | 'deleted'> = {
    ags: input.ags.trim(),
    name: input.name.trim(),
    population: input.population,
    populationDate: input.populationDate,
    populationApproximate: input.populationApproximate,
  };
  if (input.areaKm2 != null) fields.areaKm2 = input.areaKm2;
  if (input.foreignShare != null) fields.foreignShare = input.foreignShare;
  const c = input.contact;
  if (c) {
    const contact: Contact = { name: c.name.trim() };
    if (c.department?.trim()) contact.department = c.department.trim();
    if (c.email?.trim()) contact.email = c.email.trim();
    if (c.phone?.trim()) contact.phone = c.phone.trim();
    const a = c.address;
    if (a && (a.street.trim() || a.zip.trim() || a.city.trim())) contact.address = { street: a.street.trim(), zip: a.zip.trim(), city: a.city.trim() };
    if (contact.name || contact.department || contact.email || contact.phone || contact.address) fields.contact = contact;
  }
  return fields;
}
