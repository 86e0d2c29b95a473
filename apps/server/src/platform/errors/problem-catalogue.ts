import type { ErrorCode } from '@glocal/contracts';

/**
 * English titles for developers (RFC 9457 `title`). People read the translated `errors.<code>`
 * messages of the web catalogues instead; these never reach a page.
 */
export const PROBLEM_TITLES: Record<ErrorCode, string> = {
  validation_failed: 'Request validation failed',
  malformed_body: 'The request body is not valid JSON',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'Unsupported content type',
  not_found: 'Resource not found',
  invalid_cursor: 'The pagination cursor is not valid',
  route_not_found: 'No such API route',
  method_not_allowed: 'Method not allowed',
  rate_limited: 'Too many requests',
  unauthenticated: 'Authentication required',
  forbidden: 'Forbidden',
  conflict: 'Conflict with the current state',
  service_unavailable: 'Service temporarily unavailable',
  internal_error: 'Internal server error',
  'territory.not_found': 'Territory not found',
  'auth.invalid_credentials': 'E-mail or password not recognised',
  'auth.csrf_invalid': 'Missing or invalid CSRF token',
  'auth.unsupported_content_type': 'Sign-in accepts application/json only',
  'organisation.not_found': 'Organisation not found',
  'organisation.host_invalid': 'The host organisation does not exist',
  'organisation.duplicate_name': 'An organisation with this name already exists in this territory',
  'partnership.not_found': 'Partnership not found',
};

/** `type` URIs point at the API's own description of each code. */
export const problemTypeUri = (publicUrl: string, code: ErrorCode) =>
  `${publicUrl.replace(/\/$/, '')}/api/problems/${code}`;
