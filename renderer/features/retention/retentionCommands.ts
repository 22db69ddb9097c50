// The retention run and the retention policy as commands: read what is
// needed, plan in pure code (shared/retention), write in ONE runOperation
// (all-or-nothing, synced like every change), then scrub local history.
import type { AccessEvent, Id, IsoDate } from '../../../shared/domain/model';
import {
  dueForRetention,
  planRetention,
  planSize,
  policyInForce,
  policySubject,
  RETENTION_OPERATION,
  RUN_SUBJECT_PREFIX,
  validatePolicy,
  type DueEntry,
  type PolicyInForce,
  type RetentionMode,
  type RetentionPlan,
  type RetentionPolicy,
} from '../../../shared/retention';
import type { QuartierDb } from '../../db/db';
import { runOperation, type WriteContext } from '../../db/repository';
import { ingestAndApply } from '../../sync/apply';
import { scrubAfterRetention } from '../../sync/purge';
import { newId } from '../operations/commandContext';

/** Operation name of a policy change (reserved: settings.update → settings:manage, admins only). */
export const POLICY_OPERATION = 'settings.update';

export async function loadPolicy(db: QuartierDb): Promise<PolicyInForce> {
  return policyInForce(await db.accessLog.where('kind').equals('retention').toArray());
}

/** Persons due on `today` under the policy in force (or `policy` when given, e.g. a draft in the settings). */
export async function loadDue(db: QuartierDb, today: IsoDate, policy?: RetentionPolicy): Promise<DueEntry[]> {
  const [persons, stays, allocations, inForce] = await db.transaction('r', [db.persons, db.stays, db.allocations, db.accessLog], async () =>
    Promise.all([db.persons.toArray(), db.stays.toArray(), db.allocations.toArray(), policy ? Promise.resolve(null) : loadPolicy(db)]),
  );
  return dueForRetention({ persons, stays, allocations }, policy ?? inForce!.policy, today);
}

export class RetentionInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RetentionInputError';
  }
}

/** Stores a new policy as an access event (synced; the newest one is in force everywhere). */
export async function saveRetentionPolicy(db: QuartierDb, ctx: WriteContext, policy: RetentionPolicy): Promise<AccessEvent> {
  if (validatePolicy(policy).length > 0) throw new RetentionInputError('Die Löschfristen sind ungültig: ganze Monate zwischen 1 und 360, die verkürzte Frist nicht länger als die allgemeine.');
  let stored: AccessEvent | undefined;
  await runOperation(db, ctx, POLICY_OPERATION, async (w) => {
    stored = await w.put('accessLog', {
      id: newId(),
      at: w.now,
      kind: 'retention',
      userId: ctx.actor?.userId ?? '',
      userName: ctx.user,
      deviceId: ctx.deviceId,
      subject: policySubject(policy),
      description: `Löschfristen geändert: ${policy.standardMonths} Monate nach Abschluss des Falls, ${policy.refusedMonths} Monate bei abgelehnten Leistungen.`,
      personIds: [],
    });
  });
  return stored!;
}

export interface RetentionRunProgress {
  phase: 'reading' | 'planning' | 'writing' | 'scrubbing' | 'done';
  done: number;
  total: number;
}

export interface RetentionRunResult {
  plan: RetentionPlan;
  event: AccessEvent;
  changeId: string | null;
}

export interface RetentionRunInput {
  personIds: readonly Id[];
  mode: RetentionMode;
  today: IsoDate;
  /** Only persons that are due under this policy on `today` may be run (re-checked inside). */
  policy: RetentionPolicy;
  /** The archive export was saved first (the UI demands it; the run refuses without). */
  archived: boolean;
}

/**
 * Anonymises (or deletes) the given persons in ONE operation: person
 * records, the free text around them, letters' frozen content, households
 * whose every member is gone, and one access event (kind 'retention', no
 * names). Persons that are not due (any more) under `policy` on `today`
 * refuse the whole run with a German message and nothing is written.
 */
export async function runRetention(db: QuartierDb, ctx: WriteContext, input: RetentionRunInput, onProgress: (p: RetentionRunProgress) => void = () => {}): Promise<RetentionRunResult> {
  if (!input.archived) throw new RetentionInputError('Bitte zuerst die Archivdateien (JSON und Excel) speichern. Es wurde nichts geändert.');
  if (input.personIds.length === 0) throw new RetentionInputError('Es sind keine Personen ausgewählt. Es wurde nichts geändert.');
  onProgress({ phase: 'reading', done: 0, total: input.personIds.length });
  let plan: RetentionPlan | null = null;
  let event: AccessEvent | undefined;
  const result = await runOperation(db, ctx, RETENTION_OPERATION, async (w) => {
    // Read and plan inside the transaction: what is written is what was checked.
    const [persons, households, stays, allocations, letters] = await Promise.all([
      w.query('persons').toArray(),
      w.query('households').toArray(),
      w.query('stays').where('personId').anyOf([...input.personIds]).toArray(),
      w.query('allocations').toArray(),
      w.query('letters').toArray(),
    ]);
    const due = new Set(dueForRetention({ persons, stays, allocations }, input.policy, input.today).map((d) => d.personId));
    const notDue = input.personIds.filter((id) => !due.has(id));
    if (notDue.length > 0) {
      throw new RetentionInputError(`${notDue.length} der ausgewählten Personen sind nicht (mehr) zur Löschung fällig. Bitte die Vorschau neu laden. Es wurde nichts geändert.`);
    }
    onProgress({ phase: 'planning', done: 0, total: input.personIds.length });
    plan = planRetention({ persons, households, stays, allocations: allocations, letters: letters }, input.personIds, input.mode, input.today);
    const total = planSize(plan) + 1;
    let done = 0;
    const step = () => {
      done++;
      if (done % 50 === 0 || done === total) onProgress({ phase: 'writing', done, total });
    };
    for (const p of plan.persons) {
      await w.patch('persons', p.id, p.fields);
      step();
    }
    for (const id of plan.deletePersonIds) {
      await w.softDelete('persons', id);
      step();
    }
    for (const h of plan.households) {
      await w.patch('households', h.id, h.fields);
      step();
    }
    for (const s of plan.stays) {
      await w.patch('stays', s.id, s.fields);
      step();
    }
    for (const a of plan.allocations) {
      await w.patch('allocations', a.id, a.fields);
      step();
    }
    for (const l of plan.letters) {
      await w.patch('letters', l.id, l.fields);
      step();
    }
    const count = plan.personIds.length;
    event = await w.put('accessLog', {
      id: newId(),
      at: w.now,
      kind: 'retention',
      userId: ctx.actor?.userId ?? '',
      userName: ctx.user,
      deviceId: ctx.deviceId,
      subject: `${RUN_SUBJECT_PREFIX}mode=${input.mode}&persons=${count}&standardMonths=${input.policy.standardMonths}&refusedMonths=${input.policy.refusedMonths}`,
      description:
        (input.mode === 'delete' ? `Löschung nach Ablauf der Aufbewahrungsfrist: ${count} Personen gelöscht (anonymisiert).` : `Anonymisierung nach Ablauf der Aufbewahrungsfrist: ${count} Personen anonymisiert.`) +
        ` Fristen: ${input.policy.standardMonths} / ${input.policy.refusedMonths} Monate.`,
      personIds: [...plan.personIds],
    });
    step();
  });
  // Local history (audit snapshots, own changes) in a second step: ingesting
  // the own changes into the merge state (what every sync pass does first)
  // runs the retention scrub (renderer/sync/purge.ts), which needs the run's
  // stamps in the merge state to know which older values it superseded. The
  // audit is scrubbed even if that fails; a later sync pass repeats both.
  onProgress({ phase: 'scrubbing', done: 0, total: 1 });
  if (result.change) {
    await scrubAfterRetention(db, [result.change]);
    await ingestAndApply(db, ctx.deviceId, []);
  }
  onProgress({ phase: 'done', done: 1, total: 1 });
  return { plan: plan!, event: event!, changeId: result.change?.changeId ?? null };
}
