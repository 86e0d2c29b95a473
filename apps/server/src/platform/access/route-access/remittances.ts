import type { RouteSample } from '../route-access.js';

const PUBLIC_OK = { others: 200 };
const SIGNED_IN = (status: number) => ({ anonymous: 401, others: status });
/** Staff who read the reports: every desk and territory role, not partners or the DPO. */
const REPORTERS = { anonymous: 401, mfi: 403, dpo: 403, others: 200 };
const NO_PROVIDER = '00000000-0000-4000-8000-000000000000';

/** The remittances domain's routes in the route × role table (see route-access.ts). */
export const REMITTANCES_ROUTE_ACCESS: Record<string, RouteSample> = {
  'GET /api/v1/remittances/quotes': { url: '/api/v1/remittances/quotes?from=IT&to=SN&amount=300&currency=EUR', expect: PUBLIC_OK },
  'GET /api/v1/remittances/corridors': { url: '/api/v1/remittances/corridors', expect: PUBLIC_OK },
  'GET /api/v1/remittances/corridors/:corridor/stats': { url: '/api/v1/remittances/corridors/IT-SN/stats?period=2026-Q3', expect: PUBLIC_OK },
  'GET /api/v1/remittances/corridors/:corridor/history': { url: '/api/v1/remittances/corridors/IT-SN/history', expect: PUBLIC_OK },
  'GET /api/v1/remittances/providers': { url: '/api/v1/remittances/providers', expect: PUBLIC_OK },

  // Empty bodies: those allowed get as far as validation (400), so nothing is written.
  'POST /api/v1/remittances/imports': { url: '/api/v1/remittances/imports', body: {}, expect: { anonymous: 401, admin: 400, officer: 400, others: 403 } },
  'POST /api/v1/remittances/reference-rates/imports': {
    url: '/api/v1/remittances/reference-rates/imports',
    body: {},
    expect: { anonymous: 401, admin: 400, officer: 400, others: 403 },
  },
  'GET /api/v1/remittances/reports/corridors/:corridor': { url: '/api/v1/remittances/reports/corridors/IT-SN', expect: REPORTERS },
  'GET /api/v1/remittances/reports/corridors/:corridor/csv': { url: '/api/v1/remittances/reports/corridors/IT-SN/csv', expect: REPORTERS },
  'GET /api/v1/remittances/reports/savings': { url: '/api/v1/remittances/reports/savings', expect: REPORTERS },
  'POST /api/v1/remittances/transfers': {
    url: '/api/v1/remittances/transfers',
    body: {},
    expect: { anonymous: 401, officer: 403, mfi: 403, dpo: 403, others: 400 },
  },
  'GET /api/v1/remittances/transfers': {
    url: '/api/v1/remittances/transfers?deskOrganisationId={org:CAIM Diourbel}',
    // Desk staff see their own desk's records; another desk's are not found.
    expect: { anonymous: 401, admin: 200, manager: 200, coachDiourbel: 200, coachBrussels: 404, coachVeneto: 404, others: 403 },
  },
  'GET /api/v1/remittances/providers/mine': { url: '/api/v1/remittances/providers/mine', expect: { anonymous: 401, admin: 200, mfi: 200, others: 403 } },
  // A provider no staff of theirs reports for: not found, once past the role check.
  'GET /api/v1/remittances/providers/:id/prices': {
    url: `/api/v1/remittances/providers/${NO_PROVIDER}/prices`,
    expect: { anonymous: 401, admin: 404, mfi: 404, others: 403 },
  },
  'POST /api/v1/remittances/providers/:id/products': {
    url: `/api/v1/remittances/providers/${NO_PROVIDER}/products`,
    body: {},
    expect: { anonymous: 401, admin: 400, mfi: 400, others: 403 },
  },
  'PATCH /api/v1/remittances/providers/:id/products/:productId': {
    url: `/api/v1/remittances/providers/${NO_PROVIDER}/products/${NO_PROVIDER}`,
    body: {},
    expect: { anonymous: 401, admin: 400, mfi: 400, others: 403 },
  },
  'POST /api/v1/remittances/providers/:id/prices': {
    url: `/api/v1/remittances/providers/${NO_PROVIDER}/prices`,
    body: {},
    expect: { anonymous: 401, admin: 400, mfi: 400, others: 403 },
  },
  'GET /api/v1/remittances/follows': { url: '/api/v1/remittances/follows', expect: SIGNED_IN(200) },
  'POST /api/v1/remittances/follows': { url: '/api/v1/remittances/follows', body: {}, expect: SIGNED_IN(400) },
  'DELETE /api/v1/remittances/follows/:corridor': { url: '/api/v1/remittances/follows/IT-SN', expect: SIGNED_IN(204) },
};
