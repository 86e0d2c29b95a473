import { CASE_COLLABORATION_ROUTE_ACCESS } from './route-access/case-collaboration.js';
import { CASES_ROUTE_ACCESS } from './route-access/cases.js';
import { DIRECTORY_ROUTE_ACCESS } from './route-access/directory.js';
import { INTAKE_ROUTE_ACCESS } from './route-access/intake.js';
import { REMITTANCES_ROUTE_ACCESS } from './route-access/remittances.js';

/**
 * Who may call each route, as the HTTP status each demo actor gets for a sample request.
 * `route-access.test.ts` calls every registered route as every demo actor and compares; a route
 * missing from this table fails the suite. Samples that write send an empty body: an actor who
 * gets past the access checks answers 400 (validation), so nothing is written.
 */
export const DEMO_ACTORS = [
  'anonymous', 'admin', 'officer', 'manager', 'coachDiourbel', 'coachBrussels', 'coachVeneto', 'mfi', 'dpo',
] as const;
export type DemoActor = (typeof DEMO_ACTORS)[number];

/** Placeholders the test replaces with demo ids: `{org:<name>}`, `{user:<e-mail>}`, `{partnership}`, `{territory:<code>}`. */
export type RouteSample = {
  url: string;
  body?: unknown;
  /** Expected status per actor; `others` for every actor not named. */
  expect: Partial<Record<DemoActor, number>> & { others: number };
  /** The call ends the actor's session (sign-out): the test signs in again afterwards. */
  endsSession?: boolean;
};

const PUBLIC_OK = { others: 200 };
const STAFF_READ = { anonymous: 401, others: 200 };

const CORE_ROUTE_ACCESS: Record<string, RouteSample> = {
  'GET /health': { url: '/health', expect: PUBLIC_OK },
  'GET /api/v1/config': { url: '/api/v1/config', expect: PUBLIC_OK },
  'GET /ready': { url: '/ready', expect: PUBLIC_OK },
  'GET /api/openapi.json': { url: '/api/openapi.json', expect: PUBLIC_OK },
  'GET /api/problems/:code': { url: '/api/problems/forbidden', expect: PUBLIC_OK },
  'GET /api/docs/*': { url: '/api/docs/', expect: PUBLIC_OK },

  'POST /api/v1/auth/login': { url: '/api/v1/auth/login', body: {}, expect: { others: 400 } },
  'POST /api/v1/auth/logout': { url: '/api/v1/auth/logout', expect: { anonymous: 401, others: 204 }, endsSession: true },
  'POST /api/v1/auth/logout-everywhere': {
    url: '/api/v1/auth/logout-everywhere',
    expect: { anonymous: 401, others: 204 },
    endsSession: true,
  },
  'GET /api/v1/auth/me': { url: '/api/v1/auth/me', expect: { anonymous: 401, others: 200 } },
  'PATCH /api/v1/auth/me': { url: '/api/v1/auth/me', body: {}, expect: { anonymous: 401, others: 400 } },
  'POST /api/v1/auth/login/mfa': { url: '/api/v1/auth/login/mfa', body: {}, expect: { others: 400 } },
  // Writes only a pending, unconfirmed enrolment: sign-in is unchanged until a code confirms it.
  'POST /api/v1/auth/mfa/setup': { url: '/api/v1/auth/mfa/setup', expect: { anonymous: 401, others: 200 } },
  'POST /api/v1/auth/mfa/confirm': { url: '/api/v1/auth/mfa/confirm', body: {}, expect: { anonymous: 401, others: 400 } },
  'POST /api/v1/auth/mfa/disable': { url: '/api/v1/auth/mfa/disable', body: {}, expect: { anonymous: 401, others: 400 } },
  'POST /api/v1/auth/password-reset': { url: '/api/v1/auth/password-reset', body: {}, expect: { others: 400 } },
  'POST /api/v1/auth/password-reset/confirm': { url: '/api/v1/auth/password-reset/confirm', body: {}, expect: { others: 400 } },
  'POST /api/v1/auth/register': { url: '/api/v1/auth/register', body: {}, expect: { others: 400 } },
  'POST /api/v1/auth/register/confirm': { url: '/api/v1/auth/register/confirm', body: {}, expect: { others: 400 } },

  'GET /api/v1/reference/countries': { url: '/api/v1/reference/countries', expect: PUBLIC_OK },
  'GET /api/v1/reference/currencies': { url: '/api/v1/reference/currencies', expect: PUBLIC_OK },
  'GET /api/v1/reference/languages': { url: '/api/v1/reference/languages', expect: PUBLIC_OK },
  'GET /api/v1/territories': { url: '/api/v1/territories', expect: PUBLIC_OK },
  'GET /api/v1/territories/:id': { url: '/api/v1/territories/{territory:SN}', expect: PUBLIC_OK },
  'GET /api/v1/territories/:id/statistics': { url: '/api/v1/territories/{territory:SN-DB}/statistics', expect: STAFF_READ },
  'POST /api/v1/territories/statistics/import': {
    url: '/api/v1/territories/statistics/import',
    body: {},
    expect: { anonymous: 401, admin: 400, officer: 400, others: 403 },
  },

  'GET /api/v1/organisations': { url: '/api/v1/organisations', expect: STAFF_READ },
  'POST /api/v1/organisations': { url: '/api/v1/organisations', body: {}, expect: { anonymous: 401, admin: 400, others: 403 } },
  'GET /api/v1/organisations/:id': { url: '/api/v1/organisations/{org:CAIM Diourbel}', expect: STAFF_READ },
  'PATCH /api/v1/organisations/:id': {
    url: '/api/v1/organisations/{org:CAIM Diourbel}',
    body: {},
    expect: { anonymous: 401, admin: 400, manager: 400, others: 403 },
  },
  'GET /api/v1/organisations/:id/members': {
    url: '/api/v1/organisations/{org:CAIM Diourbel}/members',
    // Coaches and partners hold no members:read (403); the officer holds it for their own
    // organisation only, so CAIM Diourbel's staff list stays hidden from them (404).
    expect: { anonymous: 401, admin: 200, manager: 200, dpo: 200, officer: 404, others: 403 },
  },
  'POST /api/v1/organisations/:id/invitations': {
    url: '/api/v1/organisations/{org:CAIM Diourbel}/invitations',
    body: {},
    expect: { anonymous: 401, admin: 400, manager: 400, others: 403 },
  },
  'GET /api/v1/organisations/:id/invitations': {
    url: '/api/v1/organisations/{org:CAIM Diourbel}/invitations',
    expect: { anonymous: 401, admin: 200, manager: 200, others: 403 },
  },

  // Managing an invitation: its organisation's administrators; the invitee's side is public (by token).
  'POST /api/v1/invitations/:id/revoke': {
    url: '/api/v1/invitations/00000000-0000-4000-8000-000000000000/revoke',
    expect: { anonymous: 401, admin: 404, manager: 404, others: 403 },
  },
  'POST /api/v1/invitations/:id/resend': {
    url: '/api/v1/invitations/00000000-0000-4000-8000-000000000000/resend',
    expect: { anonymous: 401, admin: 404, manager: 404, others: 403 },
  },
  'GET /api/v1/invitations/lookup': { url: '/api/v1/invitations/lookup', expect: { others: 400 } },
  'POST /api/v1/invitations/accept': { url: '/api/v1/invitations/accept', body: {}, expect: { others: 400 } },

  'PUT /api/v1/organisations/:id/members/:userId/roles': {
    url: '/api/v1/organisations/{org:CAIM Diourbel}/members/{user:coach.diourbel@glocal.test}/roles',
    body: {},
    expect: { anonymous: 401, admin: 400, manager: 400, others: 403 },
  },
  'DELETE /api/v1/organisations/:id/members/:userId': {
    // An unknown member: the managers get past every check and find nobody (nothing is removed).
    url: '/api/v1/organisations/{org:CAIM Diourbel}/members/00000000-0000-4000-8000-000000000000',
    expect: { anonymous: 401, admin: 404, manager: 404, others: 403 },
  },
  'GET /api/v1/partnerships': { url: '/api/v1/partnerships', expect: STAFF_READ },
  'POST /api/v1/partnerships': {
    url: '/api/v1/partnerships',
    body: {},
    expect: { anonymous: 401, admin: 400, officer: 400, others: 403 },
  },
  'GET /api/v1/partnerships/:id': { url: '/api/v1/partnerships/{partnership}', expect: STAFF_READ },

  'GET /api/v1/audit-events': { url: '/api/v1/audit-events', expect: { anonymous: 401, dpo: 200, others: 403 } },
  'GET /api/v1/audit-events/export.csv': {
    url: '/api/v1/audit-events/export.csv',
    expect: { anonymous: 401, dpo: 200, others: 403 },
  },
  'GET /api/v1/audit-events/verification': {
    url: '/api/v1/audit-events/verification',
    expect: { anonymous: 401, dpo: 200, others: 403 },
  },

  'POST /api/v1/api-tokens': { url: '/api/v1/api-tokens', body: {}, expect: { anonymous: 401, admin: 400, manager: 400, others: 403 } },
  'GET /api/v1/api-tokens': {
    url: '/api/v1/api-tokens?organisationId={org:CAIM Diourbel}',
    expect: { anonymous: 401, admin: 200, manager: 200, others: 403 },
  },
  'POST /api/v1/api-tokens/:id/revoke': {
    url: '/api/v1/api-tokens/00000000-0000-4000-8000-000000000000/revoke',
    expect: { anonymous: 401, admin: 404, manager: 404, others: 403 },
  },
};

/** Each later domain keeps its routes' rows in `route-access/<domain>.ts`. */
export const ROUTE_ACCESS: Record<string, RouteSample> = {
  ...CORE_ROUTE_ACCESS,
  ...INTAKE_ROUTE_ACCESS,
  ...CASES_ROUTE_ACCESS,
  ...CASE_COLLABORATION_ROUTE_ACCESS,
  ...DIRECTORY_ROUTE_ACCESS,
  ...REMITTANCES_ROUTE_ACCESS,
};
