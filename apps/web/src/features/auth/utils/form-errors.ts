import { ERROR_CODES, type ErrorCode, type ProblemFieldError } from '@glocal/contracts';
import type { MessageDescriptor } from 'react-intl';
import { ApiProblem } from '../../../lib/api-problem';
import { fieldErrorsFromIssues, fieldErrorsOf } from '../../../lib/field-errors';

export type FieldErrors = Map<string, ProblemFieldError>;

/** What a contracts schema reports when the browser checks a form before sending it. */
interface SafeParser {
  safeParse(input: unknown): { success: true } | { success: false; error: { issues: Parameters<typeof fieldErrorsFromIssues>[0] } };
}

/** The form's field errors found in the browser, with the contracts schema the server uses too. */
export function checkWith(schema: SafeParser, values: unknown): FieldErrors {
  const result = schema.safeParse(values);
  return result.success ? new Map() : fieldErrorsFromIssues(result.error.issues);
}

/**
 * The field errors of a failed request: the `errors[].pointer` of a validation problem, plus the
 * problems that concern one field (`auth.password_too_weak` is about `/password`), per `fieldOf`.
 */
export function fieldErrorsOfProblem(error: unknown, fieldOf: Partial<Record<ErrorCode, string>> = {}): FieldErrors {
  const found = fieldErrorsOf(error);
  if (error instanceof ApiProblem) {
    const pointer = fieldOf[error.code];
    if (pointer !== undefined && !found.has(pointer)) {
      found.set(pointer, { pointer, code: error.code, params: error.problem?.params ?? {} });
    }
  }
  return found;
}

/** Whether a failure is entirely explained by the errors shown next to the fields. */
export function isAboutFields(error: unknown, fieldErrors: FieldErrors): boolean {
  return fieldErrors.size > 0 && error instanceof ApiProblem && error.code !== 'rate_limited';
}

function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

/** A field error that carries one of our problem codes is worded by `errors.<code>`; others generically. */
export function fieldMessage(fieldError: ProblemFieldError | undefined): MessageDescriptor | undefined {
  if (!fieldError || !isErrorCode(fieldError.code)) return undefined;
  return { id: `errors.${fieldError.code}` };
}

/** The server's rule for a chosen password, checked before sending to spare a round trip. */
export const MIN_PASSWORD_LENGTH = 12;

export function passwordTooShort(pointer: string, password: string): ProblemFieldError | undefined {
  if ([...password].length >= MIN_PASSWORD_LENGTH) return undefined;
  return { pointer, code: 'auth.password_too_weak', params: { minLength: MIN_PASSWORD_LENGTH } };
}

/** Moves keyboard focus to the first field flagged invalid, so the reader lands on what to fix. */
export function focusFirstInvalid(form: HTMLFormElement | null): boolean {
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  invalid?.focus();
  return invalid !== null && invalid !== undefined;
}
