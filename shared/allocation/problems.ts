// Refusals of the allocation rules as data: a code (translated by the UI in
// the `allocations` namespace under `refusal.<code>`), its parameters and a
// German sentence for logs, tests and callers without i18n.
export interface AllocationProblem {
  code: string;
  params: Record<string, string | number>;
  /** German text (the binding UI language). */
  message: string;
}

export function problem(code: string, message: string, params: Record<string, string | number> = {}): AllocationProblem {
  return { code, params, message };
}
