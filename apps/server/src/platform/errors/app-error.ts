import type { ErrorCode, ProblemFieldError } from '@glocal/contracts';

/** A failure a client can act on. Services throw these; only the error handler speaks HTTP. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly params: Record<string, unknown> = {},
    /** Per-field errors, for failures found past the schema (a CSV row, a business rule). */
    readonly errors?: ProblemFieldError[],
  ) {
    super(code);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(code: ErrorCode = 'not_found', params?: Record<string, unknown>) {
    super(code, 404, params);
  }
}

export class BadRequestError extends AppError {
  constructor(code: ErrorCode, params?: Record<string, unknown>, errors?: ProblemFieldError[]) {
    super(code, 400, params, errors);
  }
}

export class ConflictError extends AppError {
  constructor(code: ErrorCode = 'conflict', params?: Record<string, unknown>) {
    super(code, 409, params);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(params?: Record<string, unknown>) {
    super('service_unavailable', 503, params);
  }
}
