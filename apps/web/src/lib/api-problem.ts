// Apart from api-client.ts and its schemas, so code on every page can recognise API errors cheaply.
import type { ErrorCode, Problem } from '@glocal/contracts';

/**
 * A failed API call, narrowed to the problem `code` the web translates as `errors.<code>`.
 * Network failures and answers that are not problem+json get a code too, so every
 * failure can be shown to people the same way.
 */
export class ApiProblem extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly problem?: Problem,
  ) {
    super(code);
    this.name = 'ApiProblem';
  }
}

/** The code to show for any error: the problem's own, else a generic internal error. */
export function errorCodeOf(error: unknown): ErrorCode {
  return error instanceof ApiProblem ? error.code : 'internal_error';
}
