import { z } from 'zod';

/**
 * Every problem code the API can answer. The web translates `errors.<code>`;
 * the server never sends sentences meant for people.
 */
export const ERROR_CODES = [
  'validation_failed',
  'malformed_body',
  'payload_too_large',
  'unsupported_media_type',
  'not_found',
  'invalid_cursor',
  'route_not_found',
  'method_not_allowed',
  'rate_limited',
  'unauthenticated',
  'forbidden',
  'conflict',
  'service_unavailable',
  'internal_error',
  'territory.not_found',
  'auth.invalid_credentials',
  'auth.csrf_invalid',
  'auth.unsupported_content_type',
  'organisation.not_found',
  'organisation.host_invalid',
  'organisation.duplicate_name',
  'partnership.not_found',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ProblemFieldError = z.object({
  /** JSON Pointer (RFC 6901) into the part of the request named by `in`. */
  pointer: z.string(),
  in: z.enum(['body', 'querystring', 'params', 'headers']).optional(),
  code: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type ProblemFieldError = z.infer<typeof ProblemFieldError>;

/** RFC 9457 problem details, with our `code` extension as the stable contract. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: ErrorCode,
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  errors: z.array(ProblemFieldError).optional(),
});
export type Problem = z.infer<typeof Problem>;
