// Person and household commands: create, edit, household with members,
// deadline extension. Each is one operation (one transaction, one Change).
import { notesAfterEdit } from '../../../shared/auth/sensitiveNotes';
import { isIsoDate } from '../../../shared/domain/dates';
import type { DeadlineExtension, Household, Id, IsoDate, Person } from '../../../shared/domain/model';
import type { QuartierDb } from '../../db/db';
import { runOperation, type OperationResult, type Writer } from '../../db/repository';
import { newId, resolveWriteContext, type CommandOptions } from './commandContext';
import { CommandRefusedError } from './errors';
import { personFieldsOf, personInputSchema, type PersonInput, type PersonValues } from './personSchema';

/** Validates a person input or throws a CommandRefusedError naming the first bad field. */
export function parsePersonInput(input: PersonInput): PersonValues {
  const parsed = personInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new CommandRefusedError('invalidInput', {
    field: String(issue?.path[0] ?? '?'),
    problem: issue?.message ?? 'validation.invalid',
  });
}

async function requirePerson(w: Writer, id: Id): Promise<Person> {
  const p = await w.get('persons', id);
  if (!p || p.deleted) throw new CommandRefusedError('personMissing');
  return p;
}

async function requireHousehold(w: Writer, id: Id): Promise<Household> {
  const h = await w.get('households', id);
  if (!h || h.deleted) throw new CommandRefusedError('householdMissing');
  return h;
}

export interface CreatePersonResult {
  personId: Id;
  result: OperationResult;
}

export async function createPerson(
  db: QuartierDb,
  input: PersonInput & { householdId?: Id | null },
  opts: CommandOptions = {},
): Promise<CreatePersonResult> {
  const values = parsePersonInput(input);
  const ctx = await resolveWriteContext(db, opts);
  const personId = newId();
  const result = await runOperation(db, ctx, 'person.create', async (w) => {
    const householdId = input.householdId ?? null;
    if (householdId) await requireHousehold(w, householdId);
    await w.put('persons', { id: personId, ...personFieldsOf(values), householdId, extension: null });
  });
  return { personId, result };
}

export async function updatePerson(db: QuartierDb, personId: Id, input: PersonInput, opts: CommandOptions = {}): Promise<OperationResult> {
  const values = parsePersonInput(input);
  const ctx = await resolveWriteContext(db, opts);
  return runOperation(db, ctx, 'person.update', async (w) => {
    const existing = await requirePerson(w, personId);
    const { notes, notesSensitive, ...fields } = personFieldsOf(values);
    // Confidential notes the editor may not read were not in the form: the
    // stored ones stay (a full replace would otherwise wipe them).
    const keptOrEdited = notesAfterEdit(existing, { notes, notesSensitive }, ctx.actor.role);
    // Full replace keeps household, extension and meta; optional fields the
    // form cleared (AZR number, notes) are removed.
    await w.put('persons', {
      id: existing.id,
      createdAt: existing.createdAt,
      householdId: existing.householdId,
      extension: existing.extension ?? null,
      // Set by a retention run, not by the form: kept.
      ...(existing.anonymisedOn ? { anonymisedOn: existing.anonymisedOn } : {}),
      ...(existing.birthYearOnly ? { birthYearOnly: true } : {}),
      ...fields,
      ...keptOrEdited,
    });
  });
}

export interface HouseholdInput {
  name: string;
  fileNumber?: string;
  /** New persons to create as members. */
  newMembers: PersonInput[];
  /** Existing persons who join the household (they leave their old one). */
  existingMemberIds: Id[];
  /**
   * Head of household (receives letters): `new:<index>` for a new member or
   * the id of an existing member. Defaults to the first member.
   */
  head?: string;
}

export interface CreateHouseholdResult {
  householdId: Id;
  personIds: Id[];
  result: OperationResult;
}

export async function createHousehold(db: QuartierDb, input: HouseholdInput, opts: CommandOptions = {}): Promise<CreateHouseholdResult> {
  const name = input.name.trim();
  if (name === '') throw new CommandRefusedError('householdNameMissing');
  if (input.newMembers.length + input.existingMemberIds.length === 0) throw new CommandRefusedError('householdEmpty');
  const values = input.newMembers.map(parsePersonInput);
  const ctx = await resolveWriteContext(db, opts);
  const householdId = newId();
  const newIds = values.map(() => newId());
  const allIds = [...newIds, ...input.existingMemberIds];
  const headId = input.head?.startsWith('new:') ? newIds[Number(input.head.slice(4))] : input.head;
  const head = headId && allIds.includes(headId) ? headId : (allIds[0] ?? null);

  const result = await runOperation(db, ctx, 'household.create', async (w) => {
    const household: Omit<Household, 'createdAt' | 'updatedAt'> = { id: householdId, name, headPersonId: head };
    const fileNumber = input.fileNumber?.trim();
    if (fileNumber) household.fileNumber = fileNumber;
    await w.put('households', household);
    for (const [i, v] of values.entries()) {
      await w.put('persons', { id: newIds[i]!, ...personFieldsOf(v), householdId, extension: null });
    }
    for (const id of input.existingMemberIds) {
      await requirePerson(w, id);
      await w.patch('persons', id, { householdId });
      await moveCurrentStaysToHousehold(w, id, householdId, w.now.slice(0, 10));
    }
  });
  return { householdId, personIds: allIds, result };
}

/**
 * Stays carry the household denormalised; the person's current and planned
 * stays follow the new household so per-household views stay right. Past
 * stays keep the household they had then (history).
 */
async function moveCurrentStaysToHousehold(w: Writer, personId: Id, householdId: Id, today: IsoDate): Promise<void> {
  const stays = await w.query('stays').where('personId').equals(personId).toArray();
  for (const s of stays) {
    if (s.deleted || s.cancelled) continue;
    if (s.to !== null && s.to <= today) continue;
    if (s.householdId !== householdId) await w.patch('stays', s.id, { householdId });
  }
}

export interface ExtendDeadlineInput {
  personId: Id;
  /** New end of vorläufige Unterbringung. */
  until: IsoDate;
  reason: string;
  decidedOn: IsoDate;
}

/**
 * Records an extension of the end of vorläufige Unterbringung. The new end
 * must lie after the regular end (`regularEnd`, computed by the caller from
 * the deadline rules) and after the decision day.
 */
export async function extendDeadline(
  db: QuartierDb,
  input: ExtendDeadlineInput & { regularEnd?: IsoDate | null },
  opts: CommandOptions = {},
): Promise<OperationResult> {
  const reason = input.reason.trim();
  if (reason === '') throw new CommandRefusedError('reasonMissing');
  if (!isIsoDate(input.until) || !isIsoDate(input.decidedOn)) throw new CommandRefusedError('invalidDate');
  if (input.regularEnd && input.until <= input.regularEnd) {
    throw new CommandRefusedError('extensionNotLater', { regularEndDate: input.regularEnd });
  }
  const ctx = await resolveWriteContext(db, opts);
  return runOperation(
    db,
    ctx,
    'person.extendDeadline',
    async (w) => {
      await requirePerson(w, input.personId);
      const extension: DeadlineExtension = { until: input.until, reason, decidedOn: input.decidedOn, by: ctx.user };
      await w.patch('persons', input.personId, { extension });
    },
    { reason },
  );
}
