// What an anonymisation does to one person and to the records around them.
// Pure: the run (renderer/features/retention) turns the plan into writes
// inside ONE runOperation, so it is all-or-nothing and travels through sync
// like any other change.
//
// Kept on purpose (docs/data-model.md "Retention"): ids, sex, nationality,
// languages, admission day, legal basis, residence status, Aktenzeichen (the
// key to the exported archive), the year of birth, and every stay with its
// beds and days: the occupancy figures (Belegungstage) of past days must not
// change. Removed: names, birth day and month, AZR number, notes, deadline
// extension (its reason is free text), vulnerabilities (health data), free
// text on stays and allocations, and the names inside letters' frozen content.
// Access events are append-only and carry no names by rule (shared/audit), so
// the run does not touch them.
import type { Allocation, Household, Id, IsoDate, LetterLogEntry, Person, Stay } from '../domain/model';
import { stableHash } from '../sync/hash';
import { personTokens, REMOVED_NAME, TokenScrubber, type ScrubToken } from './scrubText';

export type RetentionMode = 'anonymise' | 'delete';

/** Short, stable, non-personal label derived from the record id ("Gelöscht 3f9a2c"). */
export function shortId(id: Id): string {
  return stableHash(id).slice(0, 6);
}

/**
 * Field values of an anonymised person. `anonymisedOn` keeps the first run's
 * day. Free-text fields are EMPTIED ('' or null), not removed: the sync merge
 * supersedes a field's older versions only when the writer saw the field, and
 * a removed field would leave its old value behind as a concurrent version on
 * other laptops (docs/sync-format.md "Retention runs on the share").
 */
export function anonymisedPersonFields(p: Person, today: IsoDate): Partial<Person> & Record<string, unknown> {
  const fields: Partial<Person> & Record<string, unknown> = {
    familyName: REMOVED_NAME,
    givenName: shortId(p.id),
    birthDate: p.birthDate ? `${p.birthDate.slice(0, 4)}-01-01` : null,
    vulnerabilities: [],
    anonymisedOn: p.anonymisedOn ?? today,
  };
  if (p.birthDate) fields.birthYearOnly = true;
  if (p.notes) fields.notes = '';
  if (p.azrNumber) fields.azrNumber = '';
  if (p.extension) fields.extension = null;
  return fields;
}

/** The subset of `fields` that differs from the record (what a patch must write). */
export function diffFields<T extends object>(record: T, fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const r = record as Record<string, unknown>;
  for (const [k, v] of Object.entries(fields)) {
    const cur = r[k];
    const same = v === undefined ? cur === undefined : JSON.stringify(cur) === JSON.stringify(v);
    if (!same) out[k] = v;
  }
  return out;
}

/** True when a person record still holds data an anonymisation removes. */
export function holdsPersonalData(p: Person): boolean {
  const { anonymisedOn: _a, ...rest } = diffFields(p, anonymisedPersonFields(p, p.anonymisedOn ?? '0000-01-01'));
  void _a;
  return Object.keys(rest).length > 0;
}

export interface RetentionInput {
  persons: readonly Person[];
  households: readonly Household[];
  stays: readonly Stay[];
  allocations: readonly Allocation[];
  letters: readonly LetterLogEntry[];
}

export interface RecordPatchPlan {
  id: Id;
  fields: Record<string, unknown>;
}

export interface RetentionPlan {
  mode: RetentionMode;
  personIds: Id[];
  persons: RecordPatchPlan[];
  /** Persons to soft-delete after the patch (mode 'delete'). */
  deletePersonIds: Id[];
  households: RecordPatchPlan[];
  stays: RecordPatchPlan[];
  allocations: RecordPatchPlan[];
  letters: RecordPatchPlan[];
}

/** Names of persons that stay: never replaced in shared free text. */
function keptNames(persons: readonly Person[], purged: ReadonlySet<Id>): string[] {
  const out: string[] = [];
  for (const p of persons) {
    if (purged.has(p.id) || p.anonymisedOn) continue;
    out.push(p.familyName, p.givenName, `${p.givenName} ${p.familyName}`, `${p.familyName}, ${p.givenName}`);
  }
  return out;
}

/** The scrubber for a set of persons: their own tokens plus the names of households that are neutralised. */
export function scrubberFor(input: Pick<RetentionInput, 'persons'>, purged: ReadonlySet<Id>, extra: readonly ScrubToken[] = []): TokenScrubber {
  const tokens: ScrubToken[] = [...extra];
  for (const p of input.persons) if (purged.has(p.id)) tokens.push(...personTokens(p));
  return new TokenScrubber(tokens, keptNames(input.persons, purged));
}

/**
 * Plans the anonymisation (or deletion) of `personIds` on `today`. Records
 * that need no change are left out, so a second run over the same persons
 * plans nothing.
 */
export function planRetention(input: RetentionInput, personIds: readonly Id[], mode: RetentionMode, today: IsoDate): RetentionPlan {
  const purged = new Set(personIds);
  const byId = new Map(input.persons.map((p) => [p.id, p]));
  const plan: RetentionPlan = { mode, personIds: [...purged].sort(), persons: [], deletePersonIds: [], households: [], stays: [], allocations: [], letters: [] };

  // Households whose every remaining member is anonymised (after this run) lose their name.
  const members = new Map<Id, Person[]>();
  for (const p of input.persons) {
    if (!p.householdId || p.deleted === true) continue;
    let l = members.get(p.householdId);
    if (!l) members.set(p.householdId, (l = []));
    l.push(p);
  }
  const neutralised = new Set<Id>();
  const householdTokens: ScrubToken[] = [];
  for (const h of input.households) {
    const list = members.get(h.id) ?? [];
    const touched = list.some((p) => purged.has(p.id)) || (h.headPersonId !== null && purged.has(h.headPersonId));
    if (!touched) continue;
    if (list.every((p) => purged.has(p.id) || p.anonymisedOn)) {
      neutralised.add(h.id);
      householdTokens.push({ text: h.name, replacement: REMOVED_NAME });
    }
  }
  const scrub = scrubberFor(input, purged, householdTokens);

  for (const id of plan.personIds) {
    const p = byId.get(id);
    if (!p) throw new Error(`Person nicht gefunden: ${id}`);
    const fields = diffFields(p, anonymisedPersonFields(p, today));
    if (Object.keys(fields).length > 0) plan.persons.push({ id, fields });
    if (mode === 'delete' && p.deleted !== true) plan.deletePersonIds.push(id);
  }
  for (const h of input.households) {
    if (!neutralised.has(h.id)) continue;
    const fields = diffFields(h, { name: `${REMOVED_NAME} ${shortId(h.id)}` });
    if (Object.keys(fields).length > 0) plan.households.push({ id: h.id, fields });
  }
  for (const s of input.stays) {
    if (!purged.has(s.personId)) continue;
    const fields = diffFields(s, { ...(s.overrideReason ? { overrideReason: null } : {}), ...(s.correctionReason ? { correctionReason: null } : {}) });
    if (Object.keys(fields).length > 0) plan.stays.push({ id: s.id, fields });
  }
  for (const a of input.allocations) {
    if (!a.personIds.some((id) => purged.has(id))) continue;
    const all = a.personIds.every((id) => purged.has(id) || byId.get(id)?.anonymisedOn);
    const want: Record<string, unknown> = all
      ? { ...(a.note ? { note: '' } : {}), ...(a.cancelReason ? { cancelReason: null } : {}) }
      : { ...(a.note ? { note: scrub.text(a.note) } : {}), ...(a.cancelReason ? { cancelReason: scrub.text(a.cancelReason) } : {}) };
    const fields = diffFields(a, want);
    if (Object.keys(fields).length > 0) plan.allocations.push({ id: a.id, fields });
  }
  for (const l of input.letters) {
    const concerns = l.personIds.some((id) => purged.has(id)) || (l.householdId !== null && neutralised.has(l.householdId));
    if (!concerns) continue;
    const fields = diffFields(l, { recipientName: scrub.text(l.recipientName), content: scrub.deep(l.content) });
    if (Object.keys(fields).length > 0) plan.letters.push({ id: l.id, fields });
  }
  return plan;
}

/** Number of records a plan writes (for the confirmation and the progress). */
export function planSize(plan: RetentionPlan): number {
  return plan.persons.length + plan.deletePersonIds.length + plan.households.length + plan.stays.length + plan.allocations.length + plan.letters.length;
}
