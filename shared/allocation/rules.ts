// The checks a new allocation must pass before anything is written
// (§ 18 FlüAG: families stay together; nobody is allocated twice). Pure: the
// command loads the records inside its transaction and calls these, and
// refuses the whole batch when any problem is found.
import { isIsoDate } from '../domain/dates';
import type { Allocation, AllocationStatus, Id, IsoDate, Municipality, Person } from '../domain/model';
import { personName } from '../occupancy/labels';
import { problem, type AllocationProblem } from './problems';

/** One household (or single person) to allocate to one municipality. */
export interface NewAllocationRequest {
  householdId: Id | null;
  personIds: readonly Id[];
  municipalityId: Id;
}

export interface NewAllocationOptions {
  /** Required for status decided. */
  decisionDate: IsoDate | null;
  plannedMoveDate: IsoDate | null;
  /** New allocations start as planned or decided; moved/cancelled are later steps. */
  status: AllocationStatus;
}

export interface NewAllocationFacts {
  municipalities: ReadonlyMap<Id, Municipality>;
  persons: ReadonlyMap<Id, Person>;
  /** Household id → its (non-deleted) members. */
  householdMembers: ReadonlyMap<Id, readonly Person[]>;
  /** Person id → open allocation (geplant/entschieden) covering the person. */
  openAllocationByPerson: ReadonlyMap<Id, Allocation>;
  /** Persons living in a county accommodation on the day of the check. */
  residentIds: ReadonlySet<Id>;
  /** Names of households for messages. */
  householdNames: ReadonlyMap<Id, string>;
}

export function checkDates(options: NewAllocationOptions): AllocationProblem[] {
  const out: AllocationProblem[] = [];
  if (options.status !== 'planned' && options.status !== 'decided') {
    out.push(problem('initialStatus', 'Eine neue Zuteilung ist geplant oder entschieden.', { status: options.status }));
  }
  if (options.decisionDate !== null && !isIsoDate(options.decisionDate)) {
    out.push(problem('invalidDecisionDate', 'Das Entscheidungsdatum ist kein gültiges Datum.'));
  }
  if (options.status === 'decided' && options.decisionDate === null) {
    out.push(problem('decisionDateRequired', 'Für eine entschiedene Zuteilung ist das Entscheidungsdatum nötig.'));
  }
  if (options.plannedMoveDate !== null && !isIsoDate(options.plannedMoveDate)) {
    out.push(problem('invalidMoveDate', 'Der geplante Umzugstermin ist kein gültiges Datum.'));
  }
  if (
    options.decisionDate !== null &&
    options.plannedMoveDate !== null &&
    isIsoDate(options.decisionDate) &&
    isIsoDate(options.plannedMoveDate) &&
    options.plannedMoveDate < options.decisionDate
  ) {
    out.push(problem('moveBeforeDecision', 'Der Umzugstermin liegt vor dem Entscheidungsdatum.'));
  }
  return out;
}

/**
 * Every problem of a batch of new allocations. Empty = the batch may be
 * written. A household is "whole" when the request names exactly its members
 * who live in a county accommodation (members who already left are not part
 * of the hand-over).
 */
export function checkNewAllocations(
  requests: readonly NewAllocationRequest[],
  options: NewAllocationOptions,
  facts: NewAllocationFacts,
): AllocationProblem[] {
  const out = checkDates(options);
  if (requests.length === 0) out.push(problem('emptySelection', 'Es ist kein Haushalt ausgewählt.'));
  const seenPersons = new Set<Id>();
  const seenHouseholds = new Set<Id>();
  const name = (id: Id) => personName(facts.persons.get(id));
  for (const r of requests) {
    const label = r.householdId ? (facts.householdNames.get(r.householdId) ?? r.householdId) : name(r.personIds[0] ?? '');
    if (!facts.municipalities.has(r.municipalityId)) {
      out.push(problem('unknownMunicipality', `Für ${label} ist keine bekannte Gemeinde gewählt.`, { name: label }));
    }
    if (r.personIds.length === 0) out.push(problem('noPersons', `${label}: Die Zuteilung nennt keine Personen.`, { name: label }));
    if (r.householdId) {
      if (seenHouseholds.has(r.householdId)) {
        out.push(problem('householdSplit', `${label} würde auf mehrere Zuteilungen aufgeteilt; Familien bleiben zusammen.`, { name: label }));
      }
      seenHouseholds.add(r.householdId);
    }
    for (const id of r.personIds) {
      const person = facts.persons.get(id);
      if (!person) {
        out.push(problem('unknownPerson', `${label}: Eine Person der Zuteilung ist nicht (mehr) vorhanden.`, { name: label }));
        continue;
      }
      if (seenPersons.has(id)) out.push(problem('personTwice', `${name(id)} ist mehrfach ausgewählt.`, { person: name(id) }));
      seenPersons.add(id);
      const open = facts.openAllocationByPerson.get(id);
      if (open) {
        out.push(problem('alreadyAllocated', `${name(id)} ist bereits in einer offenen Zuteilung.`, { person: name(id) }));
      }
      if ((person.householdId ?? null) !== r.householdId) {
        out.push(
          problem('personNotInHousehold', `${name(id)} gehört nicht zu ${label}; Haushalte werden nur als Ganzes zugeteilt.`, {
            person: name(id),
            name: label,
          }),
        );
      }
    }
    if (r.householdId) {
      const chosen = new Set(r.personIds);
      for (const member of facts.householdMembers.get(r.householdId) ?? []) {
        if (member.deleted || chosen.has(member.id) || !facts.residentIds.has(member.id)) continue;
        out.push(
          problem('householdSplit', `${personName(member)} fehlt in der Zuteilung von ${label}; Familien bleiben zusammen.`, {
            person: personName(member),
            name: label,
          }),
        );
      }
    }
  }
  return out;
}
