// The write operations of the allocation screens. Each is ONE runOperation:
// rules checked inside the transaction on the records as they are now, the
// records written together with their audit entries and one outbox change,
// or — when refused — nothing written at all (AllocationRefusedError, or
// RuleViolationError from the stay rules).
import { isIsoDate } from '../../../shared/domain/dates';
import type { Allocation, AllocationStatus, Id, IsoDate, Municipality, Person, Stay } from '../../../shared/domain/model';
import { isoDateOf } from '../../../shared/domain/dates';
import { problem, type AllocationProblem } from '../../../shared/allocation/problems';
import { checkDates, checkNewAllocations, type NewAllocationOptions, type NewAllocationRequest } from '../../../shared/allocation/rules';
import { canTransition, openAllocationsByPerson } from '../../../shared/allocation/status';
import { municipalityFields, validateMunicipality, type MunicipalityInput } from '../../../shared/allocation/municipality';
import { planCheckOut } from '../../../shared/occupancy/planners/stays';
import { isActiveStay } from '../../../shared/occupancy/validation';
import type { Violation } from '../../../shared/occupancy/violation';
import type { QuartierDb } from '../../db/db';
import { runOperation, type OperationResult, type Writer } from '../../db/repository';
import { applyPlan } from '../operations/applyPlan';
import { newId, resolveWriteContext, type CommandOptions } from '../operations/commandContext';
import { loadValidationContext } from '../operations/loadValidationContext';
import { AllocationRefusedError } from './errors';

export interface AllocationCommandOptions extends CommandOptions {
  /** The device's calendar day (tests pass a fixed one). */
  today?: IsoDate;
}

export interface CreateAllocationsInput extends NewAllocationOptions {
  note?: string | null;
}

export interface CreateAllocationsResult {
  allocations: Allocation[];
  result: OperationResult;
}

function refuse(problems: AllocationProblem[]): never {
  throw new AllocationRefusedError(problems);
}

function todayOf(opts: AllocationCommandOptions): IsoDate {
  return opts.today ?? isoDateOf(new Date());
}

function present<T>(rows: (T | undefined)[]): T[] {
  return rows.filter((r): r is T => r !== undefined);
}

/**
 * Records the Zuteilung of whole households to municipalities, one
 * allocation per household, as one operation. Refused (nothing written) when
 * a person is already in an open allocation, a household would be split, a
 * municipality is unknown or the dates do not fit.
 */
export async function createAllocations(
  db: QuartierDb,
  requests: readonly NewAllocationRequest[],
  input: CreateAllocationsInput,
  opts: AllocationCommandOptions = {},
): Promise<CreateAllocationsResult> {
  const ctx = await resolveWriteContext(db, opts);
  const today = todayOf(opts);
  const created: Allocation[] = [];
  const result = await runOperation(db, ctx, 'allocation.create', async (w) => {
    const personIds = [...new Set(requests.flatMap((r) => [...r.personIds]))];
    const householdIds = [...new Set(requests.map((r) => r.householdId).filter((h): h is Id => h !== null))];
    const municipalityIds = [...new Set(requests.map((r) => r.municipalityId))];
    const [persons, members, households, municipalities, open] = await Promise.all([
      w.query('persons').bulkGet(personIds),
      householdIds.length ? w.query('persons').where('householdId').anyOf(householdIds).toArray() : Promise.resolve([] as Person[]),
      w.query('households').bulkGet(householdIds),
      w.query('municipalities').bulkGet(municipalityIds),
      w.query('allocations').where('status').anyOf(['planned', 'decided']).toArray(),
    ]);
    const memberList = members.filter((p) => !p.deleted);
    const stays = await w
      .query('stays')
      .where('personId')
      .anyOf([...new Set([...personIds, ...memberList.map((p) => p.id)])])
      .toArray();
    const residentIds = new Set(stays.filter((s) => isActiveStay(s) && s.from <= today && (s.to === null || today < s.to)).map((s) => s.personId));
    const householdMembers = new Map<Id, Person[]>();
    for (const p of memberList) householdMembers.set(p.householdId!, [...(householdMembers.get(p.householdId!) ?? []), p]);
    const problems = checkNewAllocations(requests, input, {
      municipalities: new Map(present<Municipality>(municipalities).filter((m) => !m.deleted).map((m) => [m.id, m])),
      persons: new Map(present<Person>(persons).filter((p) => !p.deleted).map((p) => [p.id, p])),
      householdMembers,
      openAllocationByPerson: openAllocationsByPerson(open),
      residentIds,
      householdNames: new Map(present(households).map((h) => [h.id, h.name])),
    });
    if (problems.length > 0) refuse(problems);
    const note = input.note?.trim();
    for (const r of requests) {
      const record: Omit<Allocation, 'createdAt' | 'updatedAt'> = {
        id: newId(),
        householdId: r.householdId,
        personIds: [...r.personIds],
        municipalityId: r.municipalityId,
        decisionDate: input.decisionDate,
        plannedMoveDate: input.plannedMoveDate,
        status: input.status,
        letterIds: [],
      };
      if (note) record.note = note;
      created.push(await w.put('allocations', record));
    }
  });
  return { allocations: created, result };
}

export type AllocationStatusChange =
  | { status: 'decided'; decisionDate: IsoDate; plannedMoveDate?: IsoDate | null }
  | { status: 'cancelled'; reason: string }
  | { status: 'moved'; moveDate: IsoDate; note?: string | null };

export interface StatusChangeResult {
  allocation: Allocation;
  /** Warnings of the stay rules when the move checked persons out (e.g. planned stays cancelled). */
  warnings: Violation[];
  result: OperationResult;
}

const OPERATION: Record<AllocationStatusChange['status'], string> = {
  decided: 'allocation.decide',
  cancelled: 'allocation.cancel',
  moved: 'allocation.moved',
};

/** Maximum length of a cancellation reason (it goes into letters and the audit trail). */
export const MAX_REASON_LENGTH = 500;

/**
 * Moves an allocation along its life cycle (geplant → entschieden →
 * umgezogen; geplant/entschieden → aufgehoben with a reason). "umgezogen"
 * also ends the stays of the persons (markMoved).
 */
export async function setAllocationStatus(
  db: QuartierDb,
  allocationId: Id,
  change: AllocationStatusChange,
  opts: AllocationCommandOptions = {},
): Promise<StatusChangeResult> {
  const ctx = await resolveWriteContext(db, opts);
  const today = todayOf(opts);
  let warnings: Violation[] = [];
  let updated: Allocation | undefined;
  const reason = change.status === 'cancelled' ? change.reason.trim() : change.status === 'moved' ? change.note?.trim() || undefined : undefined;
  const result = await runOperation(
    db,
    ctx,
    OPERATION[change.status],
    async (w) => {
      const allocation = await w.get('allocations', allocationId);
      if (!allocation || allocation.deleted) refuse([problem('allocationMissing', 'Die Zuteilung ist nicht (mehr) vorhanden.')]);
      if (!canTransition(allocation.status, change.status)) {
        refuse([
          problem('transition', `Eine Zuteilung mit Status „${STATUS_DE[allocation.status]}“ kann nicht „${STATUS_DE[change.status]}“ werden.`, {
            from: allocation.status,
            to: change.status,
          }),
        ]);
      }
      if (change.status === 'decided') {
        const problems = checkDates({ status: 'decided', decisionDate: change.decisionDate, plannedMoveDate: change.plannedMoveDate ?? allocation.plannedMoveDate });
        if (problems.length > 0) refuse(problems);
        updated = await w.patch('allocations', allocationId, {
          status: 'decided',
          decisionDate: change.decisionDate,
          plannedMoveDate: change.plannedMoveDate === undefined ? allocation.plannedMoveDate : change.plannedMoveDate,
        });
      } else if (change.status === 'cancelled') {
        if (!reason) refuse([problem('reasonRequired', 'Bitte einen Grund für die Aufhebung angeben.')]);
        if (reason.length > MAX_REASON_LENGTH) refuse([problem('reasonTooLong', `Der Grund ist zu lang (höchstens ${MAX_REASON_LENGTH} Zeichen).`, { max: MAX_REASON_LENGTH })]);
        updated = await w.patch('allocations', allocationId, { status: 'cancelled', cancelReason: reason });
      } else {
        ({ allocation: updated, warnings } = await moveOut(w, allocation, change.moveDate, today, reason));
      }
    },
    reason ? { reason } : {},
  );
  return { allocation: updated!, warnings, result };
}

/** "Umzug erfolgt": status umgezogen AND every member's current stay ends on `moveDate` with reason Anschlussunterbringung — one operation. */
export async function markMoved(
  db: QuartierDb,
  allocationId: Id,
  moveDate: IsoDate,
  opts: AllocationCommandOptions & { note?: string | null } = {},
): Promise<StatusChangeResult> {
  return setAllocationStatus(db, allocationId, { status: 'moved', moveDate, note: opts.note ?? null }, opts);
}

const STATUS_DE: Record<AllocationStatus, string> = { planned: 'geplant', decided: 'entschieden', moved: 'umgezogen', cancelled: 'aufgehoben' };

async function moveOut(
  w: Writer,
  allocation: Allocation,
  moveDate: IsoDate,
  today: IsoDate,
  note: string | undefined,
): Promise<{ allocation: Allocation; warnings: Violation[] }> {
  if (!isIsoDate(moveDate)) refuse([problem('invalidMoveDate', 'Der Umzugstag ist kein gültiges Datum.')]);
  if (moveDate > today) refuse([problem('moveInFuture', 'Der Umzug kann erst erfasst werden, wenn er erfolgt ist (Umzugstag nicht in der Zukunft).')]);
  if (allocation.decisionDate && moveDate < allocation.decisionDate) {
    refuse([problem('moveBeforeDecision', 'Der Umzugstag liegt vor dem Entscheidungsdatum.')]);
  }
  const vctx = await loadValidationContext(w, { bedIds: [], personIds: allocation.personIds });
  // Persons living in a county accommodation the day before the move; members
  // who had already left (own flat, …) have no stay to end.
  const living = new Set(
    vctx.stays
      .filter((s: Stay) => isActiveStay(s) && allocation.personIds.includes(s.personId) && s.from < moveDate && (s.to === null || s.to >= moveDate))
      .map((s) => s.personId),
  );
  let warnings: Violation[] = [];
  if (living.size > 0) {
    const plan = planCheckOut(
      { personIds: allocation.personIds.filter((p) => living.has(p)), date: moveDate, departureReason: 'follow_up_accommodation', note: note ?? null },
      vctx,
      { newId, now: w.now },
    );
    warnings = await applyPlan(w, plan);
  }
  const updated = await w.patch('allocations', allocation.id, { status: 'moved', movedOn: moveDate });
  return { allocation: updated, warnings };
}

/** Saves the master data of an existing municipality. Refused (nothing written) on invalid input. */
export async function updateMunicipality(db: QuartierDb, id: Id, input: MunicipalityInput, opts: CommandOptions = {}): Promise<Municipality> {
  const ctx = await resolveWriteContext(db, opts);
  let saved: Municipality | undefined;
  await runOperation(db, ctx, 'municipality.update', async (w) => {
    const existing = await w.get('municipalities', id);
    if (!existing || existing.deleted) refuse([problem('municipalityMissing', 'Die Gemeinde ist nicht (mehr) vorhanden.')]);
    const others = (await w.query('municipalities').toArray()).filter((m) => m.id !== id);
    const problems = validateMunicipality(input, others);
    if (problems.length > 0) refuse(problems);
    const { id: _id, createdAt, updatedAt, deleted, ...rest } = existing;
    void _id;
    void updatedAt;
    // Replace the editable fields entirely so a cleared optional field (area, contact) is removed.
    const record: Municipality = { id, createdAt, ...keepUnknown(rest), ...municipalityFields(input), updatedAt: w.now };
    if (deleted) record.deleted = deleted;
    saved = await w.put('municipalities', record);
  });
  return saved!;
}

/** Creates a municipality. Refused (nothing written) on invalid input or a duplicate AGS. */
export async function createMunicipality(db: QuartierDb, input: MunicipalityInput, opts: CommandOptions = {}): Promise<Municipality> {
  const ctx = await resolveWriteContext(db, opts);
  let saved: Municipality | undefined;
  await runOperation(db, ctx, 'municipality.create', async (w) => {
    const problems = validateMunicipality(input, await w.query('municipalities').toArray());
    if (problems.length > 0) refuse(problems);
    saved = await w.put('municipalities', { id: newId(), ...municipalityFields(input) });
  });
  return saved!;
}

const EDITABLE: ReadonlySet<string> = new Set(['ags', 'name', 'population', 'populationDate', 'populationApproximate', 'areaKm2', 'foreignShare', 'contact']);

/** Fields this form does not edit (added by newer versions or other screens) are kept as they are. */
function keepUnknown(rest: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(rest).filter(([k]) => !EDITABLE.has(k)));
}
