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
  'territory.statistics_invalid': 'Some statistics rows are invalid; nothing was imported',
  'territory.outside_actor_territories': 'A row names a territory outside those you work for',
  'auth.invalid_credentials': 'E-mail or password not recognised',
  'auth.csrf_invalid': 'Missing or invalid CSRF token',
  'auth.mfa_enrollment_required': 'Set up two-step sign-in before using this',
  'auth.unsupported_content_type': 'Sign-in accepts application/json only',
  'organisation.not_found': 'Organisation not found',
  'member.not_found': 'This person is not a member of the organisation',
  'member.last_admin': 'The organisation would be left without an administrator',
  'organisation.host_invalid': 'The host organisation does not exist',
  'organisation.duplicate_name': 'An organisation with this name already exists in this territory',
  'partnership.not_found': 'Partnership not found',
  'auth.mfa_code_invalid': 'The two-factor code is wrong, expired or already used',
  'auth.mfa_challenge_expired': 'The sign-in step expired or is unknown; sign in again',
  'auth.mfa_already_enabled': 'Two-factor sign-in is already enabled',
  'auth.mfa_not_set_up': 'Two-factor sign-in has not been set up; call /auth/mfa/setup first',
  'auth.mfa_not_enabled': 'Two-factor sign-in is not enabled',
  'api_token.not_found': 'API token not found',
  'api_token.scope_exceeds_creator': 'A token cannot be granted permissions its creator lacks in that organisation',
  'invitation.not_found': 'Invitation not found',
  'invitation.expired': 'The invitation has expired; ask for a new one',
  'invitation.already_used': 'The invitation has already been accepted',
  'invitation.revoked': 'The invitation has been withdrawn',
  'invitation.role_not_allowed': 'This organisation has no such staff role to invite to',
  'invitation.already_member': 'This person already holds this role in the organisation',
  'auth.reset_token_invalid': 'The password reset link is unknown, expired or already used',
  'auth.registration_token_invalid': 'The account confirmation link is unknown, expired or already used',
  'auth.password_too_weak': 'The password is too short or too easy to guess',
  'auth.password_mismatch': 'The password does not match the existing account',
  'auth.email_taken': 'An account with this e-mail address already exists',
};

/** `type` URIs point at the API's own description of each code. */
export const problemTypeUri = (publicUrl: string, code: ErrorCode) =>
  `${publicUrl.replace(/\/$/, '')}/api/problems/${code}`;
