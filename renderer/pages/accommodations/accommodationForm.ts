// The form model of an accommodation (create/edit): all fields as strings so
// the inputs stay controlled, a zod schema whose messages are i18n keys
// (translated in the dialog), and the mapping to and from the record.
import { z } from 'zod';
import type { Accommodation, AccommodationKind, AccommodationStatus } from '../../../shared/domain/model';
import type { AccommodationInput } from '../../../shared/occupancy/planners/accommodation';
import { isIsoDate } from '../../../shared/domain/dates';

const KINDS = ['gu', 'flat'] as const satisfies readonly AccommodationKind[];
const STATUSES = ['planned', 'active', 'closing', 'closed'] as const satisfies readonly AccommodationStatus[];

const optionalDay = z.string().trim().refine((v) => v === '' || isIsoDate(v), 'validation.dateInvalid');

export const accommodationFormSchema = z
  .object({
    name: z.string().trim().min(1, 'validation.nameRequired').max(120, 'validation.tooLong'),
    kind: z.enum(KINDS, { error: 'validation.kindRequired' }),
    status: z.enum(STATUSES, { error: 'validation.statusRequired' }),
    street: z.string().trim().min(1, 'validation.streetRequired').max(120, 'validation.tooLong'),
    zip: z.string().trim().regex(/^\d{5}$/, 'validation.zipInvalid'),
    city: z.string().trim().min(1, 'validation.cityRequired').max(80, 'validation.tooLong'),
    municipalityId: z.string().min(1, 'validation.municipalityRequired'),
    operator: z.string().trim().max(200, 'validation.tooLong'),
    landlord: z.string().trim().max(200, 'validation.tooLong'),
    leaseStart: optionalDay,
    leaseEnd: optionalDay,
    rent: z
      .string()
      .trim()
      .regex(/^(\d{1,3}(\.\d{3})*|\d+)?(,\d{1,2})?$/, 'validation.rentInvalid'),
    rentFree: z.boolean(),
    openedOn: z.string().trim().refine(isIsoDate, 'validation.openedRequired'),
    closedOn: optionalDay,
    reservePlaces: z.string().trim().regex(/^\d{1,5}$/, 'validation.reserveInvalid'),
    notes: z.string().max(2000, 'validation.tooLong'),
  })
  .superRefine((v, ctx) => {
    if (v.closedOn !== '' && isIsoDate(v.openedOn) && v.closedOn <= v.openedOn) {
      ctx.addIssue({ code: 'custom', path: ['closedOn'], message: 'validation.closedBeforeOpened' });
    }
    if (v.leaseStart !== '' && v.leaseEnd !== '' && v.leaseEnd < v.leaseStart) {
      ctx.addIssue({ code: 'custom', path: ['leaseEnd'], message: 'validation.leaseEndBeforeStart' });
    }
    if (v.status === 'closed' && v.closedOn === '') {
      ctx.addIssue({ code: 'custom', path: ['closedOn'], message: 'validation.closedNeedsDate' });
    }
  });

export type AccommodationFormValues = z.input<typeof accommodationFormSchema>;

export function emptyAccommodationForm(today: string): AccommodationFormValues {
  return {
    name: '',
    kind: 'gu',
    status: 'active',
    street: '',
    zip: '',
    city: '',
    municipalityId: '',
    operator: '',
    landlord: '',
    leaseStart: '',
    leaseEnd: '',
    rent: '',
    rentFree: false,
    openedOn: today,
    closedOn: '',
    reservePlaces: '0',
    notes: '',
  };
}

function centsToText(cents: number | null): string {
  if (cents === null) return '';
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(euros) : `${euros},${String(rest).padStart(2, '0')}`;
}

/** "1.234,50" → 123450 cents; '' → null. Assumes the schema accepted the text. */
export function parseRentCents(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const [whole = '0', frac = ''] = t.replace(/\./g, '').split(',');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

export function formFromAccommodation(a: Accommodation): AccommodationFormValues {
  return {
    name: a.name,
    kind: a.kind,
    status: a.status,
    street: a.address.street,
    zip: a.address.zip,
    city: a.address.city,
    municipalityId: a.municipalityId,
    operator: a.operator ?? '',
    landlord: a.landlord ?? '',
    leaseStart: a.lease.start ?? '',
    leaseEnd: a.lease.end ?? '',
    rent: centsToText(a.lease.rentCents),
    rentFree: a.lease.rentFree,
    openedOn: a.openedOn,
    closedOn: a.closedOn ?? '',
    reservePlaces: String(a.reservePlaces),
    notes: a.notes ?? '',
  };
}

/**
 * The planner's input. Optional texts left empty are set to undefined
 * explicitly, so editing can clear them (the planner merges over the record).
 */
export function accommodationInputFromForm(v: z.output<typeof accommodationFormSchema>): AccommodationInput {
  return {
    name: v.name,
    kind: v.kind,
    status: v.status,
    address: { street: v.street, zip: v.zip, city: v.city },
    municipalityId: v.municipalityId,
    operator: v.operator || undefined,
    landlord: v.landlord || undefined,
    lease: {
      start: v.leaseStart || null,
      end: v.leaseEnd || null,
      rentCents: parseRentCents(v.rent),
      rentFree: v.rentFree,
    },
    openedOn: v.openedOn,
    closedOn: v.closedOn || null,
    reservePlaces: Number(v.reservePlaces),
    notes: v.notes.trim() || undefined,
  };
}
