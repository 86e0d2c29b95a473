import type { ProblemFieldError } from '@glocal/contracts';
import { ApiProblem } from './api-problem';

/**
 * The field errors of a failed request, keyed by JSON Pointer (`/name`, `/partners/0/role`), so a
 * form can show each one next to its field. Several issues on one field: the first one wins.
 */
export function fieldErrorsOf(error: unknown): Map<string, ProblemFieldError> {
  const byPointer = new Map<string, ProblemFieldError>();
  if (!(error instanceof ApiProblem)) return byPointer;
  for (const fieldError of error.problem?.errors ?? []) {
    if (!byPointer.has(fieldError.pointer)) byPointer.set(fieldError.pointer, fieldError);
  }
  return byPointer;
}

/** What a zod issue (checked in the browser with the contracts schema) looks like as a problem field error. */
export function fieldErrorsFromIssues(
  issues: readonly { path: readonly PropertyKey[]; code: string; minimum?: unknown; origin?: unknown }[],
): Map<string, ProblemFieldError> {
  const byPointer = new Map<string, ProblemFieldError>();
  for (const issue of issues) {
    const pointer = `/${issue.path.map(String).join('/')}`;
    if (byPointer.has(pointer)) continue;
    const params: Record<string, unknown> = {};
    if (issue.minimum !== undefined) params.minimum = issue.minimum;
    if (issue.origin !== undefined) params.origin = issue.origin;
    byPointer.set(pointer, { pointer, code: issue.code, params });
  }
  return byPointer;
}

/** The kinds of field problem the interface words differently; everything else is "not valid". */
export type FieldProblemKind =
  | 'required'
  | 'too_small'
  | 'too_big'
  | 'invalid_format'
  | 'invalid_value'
  | 'unknown_territory'
  | 'invalid';

export function fieldProblemKind(fieldError: ProblemFieldError): FieldProblemKind {
  const minimum = fieldError.params?.minimum;
  const origin = fieldError.params?.origin;
  switch (fieldError.code) {
    case 'too_small':
      return minimum === 1 && origin === 'string' ? 'required' : 'too_small';
    case 'invalid_type':
      return 'required';
    case 'too_big':
    case 'invalid_format':
    case 'invalid_value':
    case 'unknown_territory':
      return fieldError.code;
    default:
      return 'invalid';
  }
}
