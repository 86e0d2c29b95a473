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
  'territory.statistics_invalid',
  'territory.outside_actor_territories',
  'auth.invalid_credentials',
  'auth.csrf_invalid',
  'auth.mfa_enrollment_required',
  'auth.unsupported_content_type',
  'organisation.not_found',
  'member.not_found',
  'member.last_admin',
  'organisation.host_invalid',
  'organisation.duplicate_name',
  'partnership.not_found',
  'auth.mfa_code_invalid',
  'auth.mfa_challenge_expired',
  'auth.mfa_already_enabled',
  'auth.mfa_not_set_up',
  'auth.mfa_not_enabled',
  'api_token.not_found',
  'api_token.scope_exceeds_creator',
  'invitation.not_found',
  'invitation.expired',
  'invitation.already_used',
  'invitation.revoked',
  'invitation.role_not_allowed',
  'invitation.already_member',
  'auth.reset_token_invalid',
  'auth.registration_token_invalid',
  'auth.password_too_weak',
  'auth.password_mismatch',
  'auth.email_taken',
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
