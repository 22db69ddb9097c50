// Create, edit and close an accommodation. Changing the opening period must
// not leave any stay outside it: such stays are listed as errors by name.
import { isIsoDate } from '../../domain/dates';
import type { Accommodation, AccommodationKind, AccommodationStatus, Bed, Id, IsoDate, Person, RecordMeta, Room, Stay } from '../../domain/model';
import { bedLabel, personName, roomLabel } from '../labels';
import { isActiveStay } from '../validation';
import { error, type Violation } from '../violation';
import { planResult, type PlanDeps, type PlanResult } from './plan';

const KINDS: readonly AccommodationKind[] = ['gu', 'flat'];
const STATUSES: readonly AccommodationStatus[] = ['planned', 'active', 'closing', 'closed'];

/**
 * Context: all stays of the accommodation (any date), the persons of those
 * stays and the beds and rooms (for names in messages).
 */
export interface AccommodationContext {
  stays: readonly Stay[];
  persons: readonly Person[];
  beds?: readonly Bed[];
  rooms?: readonly Room[];
}

export type AccommodationInput = Omit<Accommodation, keyof RecordMeta>;

function staysOutside(acc: Pick<Accommodation, 'id' | 'openedOn' | 'closedOn'>, ctx: AccommodationContext, checkOpening = true): Violation[] {
  const out: Violation[] = [];
  for (const s of ctx.stays) {
    if (s.accommodationId !== acc.id || !isActiveStay(s)) continue;
    const bed = ctx.beds?.find((b) => b.id === s.bedId);
    const room = ctx.rooms?.find((r) => r.id === (bed?.roomId ?? s.roomId));
    const params: Record<string, string | number> = {
      person: personName(ctx.persons.find((p) => p.id === s.personId)),
      bed: bedLabel(bed),
      room: roomLabel(room),
      fromDate: s.from,
    };
    if (s.to !== null) params.toDate = s.to;
    const ref = { table: 'stays' as const, id: s.id };
    if (checkOpening && s.from < acc.openedOn) out.push(error('accommodation.stayBeforeOpening', { ...params, openedDate: acc.openedOn }, ref));
    if (acc.closedOn !== null && (s.to === null || s.to > acc.closedOn)) {
      out.push(error(s.to === null ? 'accommodation.stayAfterClosingOpen' : 'accommodation.stayAfterClosing', { ...params, closedDate: acc.closedOn }, ref));
    }
  }
  return out;
}

function checkFields(input: AccommodationInput): Violation[] {
  const out: Violation[] = [];
  if (!input.name.trim()) out.push(error('accommodation.nameRequired'));
  if (!input.municipalityId) out.push(error('accommodation.municipalityRequired'));
  if (!KINDS.includes(input.kind)) out.push(error('accommodation.kindInvalid'));
  if (!STATUSES.includes(input.status)) out.push(error('accommodation.statusInvalid'));
  if (!isIsoDate(input.openedOn)) out.push(error('accommodation.openedInvalid'));
  if (input.closedOn !== null && (!isIsoDate(input.closedOn) || input.closedOn <= input.openedOn)) {
    out.push(error('accommodation.closeBeforeOpen', { openedDate: input.openedOn, closedDate: String(input.closedOn) }));
  }
  const { start, end, rentCents } = input.lease;
  if ((start !== null && !isIsoDate(start)) || (end !== null && !isIsoDate(end))) out.push(error('accommodation.leaseDateInvalid'));
  else if (start !== null && end !== null && end < start) out.push(error('accommodation.leaseEndBeforeStart', { startDate: start, endDate: end }));
  if (rentCents !== null && (!Number.isInteger(rentCents) || rentCents < 0)) out.push(error('accommodation.rentInvalid'));
  if (!Number.isInteger(input.reservePlaces) || input.reservePlaces < 0) out.push(error('accommodation.reservePlacesInvalid'));
  return out;
}

/** Create (existing = null) or edit an accommodation. */
export function planSaveAccommodation(
  input: AccommodationInput,
  existing: Accommodation | null,
  ctx: AccommodationContext,
  deps: PlanDeps,
): PlanResult {
  const operation = existing ? 'accommodation.update' : 'accommodation.create';
  const violations = checkFields(input);
  if (violations.length > 0) return planResult(operation, violations, {});
  const record: Accommodation = existing
    ? { ...existing, ...input, id: existing.id, createdAt: existing.createdAt, updatedAt: deps.now }
    : { ...input, id: deps.newId(), createdAt: deps.now, updatedAt: deps.now };
  record.name = input.name.trim();
  if (existing) violations.push(...staysOutside(record, ctx));
  return planResult(operation, violations, { accommodations: [record] });
}

export interface CloseAccommodationInput {
  accommodationId: Id;
  /** First day nobody may live there any more. */
  closedOn: IsoDate;
  /** Today, to choose status 'closing' (future date) or 'closed'. */
  today: IsoDate;
}

/**
 * Closes an accommodation on `closedOn`. Refuses while stays (current or
 * planned) remain on or after that day, listing each by name.
 */
export function planCloseAccommodation(
  input: CloseAccommodationInput,
  accommodation: Accommodation | undefined,
  ctx: AccommodationContext,
  deps: PlanDeps,
): PlanResult {
  if (!accommodation || accommodation.deleted) return planResult('accommodation.close', [error('accommodation.missing')], {});
  if (!isIsoDate(input.closedOn) || input.closedOn <= accommodation.openedOn) {
    return planResult('accommodation.close', [error('accommodation.closeBeforeOpen', { openedDate: accommodation.openedOn, closedDate: String(input.closedOn) })], {});
  }
  const record: Accommodation = {
    ...accommodation,
    closedOn: input.closedOn,
    status: input.closedOn <= input.today ? 'closed' : 'closing',
    updatedAt: deps.now,
  };
  const violations = staysOutside(record, ctx, false);
  return planResult('accommodation.close', violations, { accommodations: [record] });
}
