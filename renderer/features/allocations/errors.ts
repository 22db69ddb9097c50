// A refused allocation command. It carries the problems as data (code +
// params, translated by the UI in the `allocations` namespace) and a German
// message; thrown inside the operation, it aborts the transaction, so a
// refused command writes nothing (no record, no audit row, no outbox change).
import type { AllocationProblem } from '../../../shared/allocation/problems';

export class AllocationRefusedError extends Error {
  readonly problems: readonly AllocationProblem[];

  constructor(problems: readonly AllocationProblem[]) {
    super(problems.map((p) => p.message).join(' '));
    this.name = 'AllocationRefusedError';
    this.problems = problems;
  }
}

export function isAllocationRefusedError(e: unknown): e is AllocationRefusedError {
  return e instanceof AllocationRefusedError;
}
