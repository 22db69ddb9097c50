// Errors a command throws. Both abort the surrounding Dexie transaction, so a
// refused command writes nothing (no record, no audit row, no outbox change).
// They carry data, not German text: the dialogs translate them, so the same
// refusal reads correctly in the German and the English UI.
import type { Violation } from '../../../shared/occupancy/violation';

/** The planner found error-severity rule violations (bed occupied, blocked, …). */
export class RuleViolationError extends Error {
  readonly violations: readonly Violation[];

  constructor(violations: readonly Violation[]) {
    super(`Regelverstoß: ${violations.map((v) => v.code).join(', ')}`);
    this.name = 'RuleViolationError';
    this.violations = violations;
  }

  /** Only the violations of error severity (the ones that refused the command). */
  get errors(): Violation[] {
    return this.violations.filter((v) => v.severity === 'error');
  }
}

/**
 * A command was refused for a reason that is not a stay rule: a record is
 * missing, an undo would overwrite a later change, a required reason is
 * empty. `code` is a key in the `operations` namespace under `refusal.`.
 */
export class CommandRefusedError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number>;

  constructor(code: string, params: Record<string, string | number> = {}, message?: string) {
    super(message ?? `Vorgang abgelehnt: ${code}`);
    this.name = 'CommandRefusedError';
    this.code = code;
    this.params = params;
  }
}

export function isRuleViolationError(e: unknown): e is RuleViolationError {
  return e instanceof RuleViolationError;
}

export function isCommandRefusedError(e: unknown): e is CommandRefusedError {
  return e instanceof CommandRefusedError;
}
