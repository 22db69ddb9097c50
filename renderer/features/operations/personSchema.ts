// The input of a person record, checked the same way by the form (react-hook-
// form resolver) and by the command (bad input never reaches the database).
// Error messages are i18n keys in the `operations` namespace (`validation.*`)
// so the form can translate them.
import { z } from 'zod';
import { isIsoDate } from '../../../shared/domain/dates';
import type {
  AsylumDecision,
  LegalBasis,
  Person,
  ResidenceStatus,
  Sex,
  Vulnerability,
} from '../../../shared/domain/model';

export const SEXES = ['f', 'm', 'x'] as const satisfies readonly Sex[];
export const LEGAL_BASES = ['asylum', 'aufenthg_22', 'aufenthg_23', 'aufenthg_24', 'aufenthg_15a', 'other'] as const satisfies readonly LegalBasis[];
export const RESIDENCE_STATUSES = [
  'gestattung',
  'duldung',
  'aufenthaltserlaubnis',
  'fiktion',
  'niederlassung',
  'none',
  'other',
] as const satisfies readonly ResidenceStatus[];
export const ASYLUM_DECISIONS = ['pending', 'granted', 'rejected', 'final_granted', 'final_rejected'] as const satisfies readonly AsylumDecision[];
export const VULNERABILITIES = [
  'minor',
  'unaccompanied_minor',
  'disability',
  'pregnancy',
  'single_parent',
  'serious_illness',
  'elderly',
  'trauma',
  'lgbtiq',
  'other',
] as const satisfies readonly Vulnerability[];

const isoDay = z.string().refine((v) => isIsoDate(v), { message: 'validation.date' });
const optionalIsoDay = z.union([z.literal(''), isoDay]);

export const personInputSchema = z
  .object({
    familyName: z.string().trim().min(1, { message: 'validation.required' }).max(100, { message: 'validation.tooLong' }),
    givenName: z.string().trim().min(1, { message: 'validation.required' }).max(100, { message: 'validation.tooLong' }),
    /** '' = unknown birth date. */
    birthDate: optionalIsoDay,
    sex: z.enum(SEXES),
    nationality: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, { message: 'validation.nationality' }),
    /** Comma separated ISO 639-1 codes as typed in the form ("ar, en"). */
    languages: z
      .string()
      .transform((v) =>
        v
          .split(/[,;\s]+/)
          .map((s) => s.trim().toLowerCase())
          .filter((s) => s.length > 0),
      )
      .pipe(z.array(z.string().regex(/^[a-z]{2,3}$/, { message: 'validation.language' }))),
    fileNumber: z.string().trim().min(1, { message: 'validation.required' }).max(50, { message: 'validation.tooLong' }),
    azrNumber: z.string().trim().max(30, { message: 'validation.tooLong' }),
    residenceStatus: z.enum(RESIDENCE_STATUSES),
    asylumDecision: z.enum(ASYLUM_DECISIONS),
    admissionDate: isoDay,
    legalBasis: z.enum(LEGAL_BASES),
    vulnerabilities: z.array(z.enum(VULNERABILITIES)),
    needsBarrierFree: z.boolean(),
    feePayer: z.boolean(),
    /** Benefits refused: the shorter retention period applies (shared/retention). */
    benefitsRefused: z.boolean().optional(),
    notes: z.string().max(2000, { message: 'validation.tooLong' }),
    /** The notes are confidential (only roles with 'sensitiveNotes:read' see them). */
    notesSensitive: z.boolean().optional(),
  })
  .refine((p) => p.birthDate === '' || p.birthDate <= p.admissionDate, {
    message: 'validation.birthAfterAdmission',
    path: ['birthDate'],
  });

export type PersonInput = z.input<typeof personInputSchema>;
export type PersonValues = z.output<typeof personInputSchema>;

/** Empty form values for a new person (admission today). */
export function emptyPersonInput(today: string): PersonInput {
  return {
    familyName: '',
    givenName: '',
    birthDate: '',
    sex: 'f',
    nationality: '',
    languages: '',
    fileNumber: '',
    azrNumber: '',
    residenceStatus: 'gestattung',
    asylumDecision: 'pending',
    admissionDate: today,
    legalBasis: 'asylum',
    vulnerabilities: [],
    needsBarrierFree: false,
    feePayer: false,
    benefitsRefused: false,
    notes: '',
    notesSensitive: false,
  };
}

/**
 * Form values of an existing person. `canReadSensitiveNotes` false: notes
 * marked confidential are left out of the form (the command keeps the stored
 * ones, see updatePerson), so they never reach a field of someone who may not
 * read them.
 */
export function personToInput(p: Person, canReadSensitiveNotes = true): PersonInput {
  const notesHidden = p.notesSensitive === true && !canReadSensitiveNotes;
  return {
    familyName: p.familyName,
    givenName: p.givenName,
    birthDate: p.birthDate ?? '',
    sex: p.sex,
    nationality: p.nationality,
    languages: p.languages.join(', '),
    fileNumber: p.fileNumber,
    azrNumber: p.azrNumber ?? '',
    residenceStatus: p.residenceStatus,
    asylumDecision: p.asylumDecision,
    admissionDate: p.admissionDate,
    legalBasis: p.legalBasis,
    vulnerabilities: [...p.vulnerabilities],
    needsBarrierFree: p.needsBarrierFree,
    feePayer: p.feePayer,
    benefitsRefused: p.benefitsRefused === true,
    notes: notesHidden ? '' : (p.notes ?? ''),
    notesSensitive: p.notesSensitive === true,
  };
}

/** The person fields that a validated input sets (not id, household, meta). */
export function personFieldsOf(v: PersonValues): Omit<Person, 'id' | 'createdAt' | 'updatedAt' | 'householdId' | 'extension'> {
  const fields: Omit<Person, 'id' | 'createdAt' | 'updatedAt' | 'householdId' | 'extension'> = {
    familyName: v.familyName,
    givenName: v.givenName,
    birthDate: v.birthDate === '' ? null : v.birthDate,
    sex: v.sex,
    nationality: v.nationality,
    languages: v.languages,
    fileNumber: v.fileNumber,
    residenceStatus: v.residenceStatus,
    asylumDecision: v.asylumDecision,
    admissionDate: v.admissionDate,
    legalBasis: v.legalBasis,
    vulnerabilities: v.vulnerabilities,
    needsBarrierFree: v.needsBarrierFree,
    feePayer: v.feePayer,
  };
  if (v.azrNumber !== '') fields.azrNumber = v.azrNumber;
  if (v.benefitsRefused === true) fields.benefitsRefused = true;
  if (v.notes.trim() !== '') {
    fields.notes = v.notes.trim();
    // The flag only means something with notes to protect.
    if (v.notesSensitive === true) fields.notesSensitive = true;
  }
  return fields;
}
