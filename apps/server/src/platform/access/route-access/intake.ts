import type { RouteSample } from '../route-access.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** The intake routes in the route × role table (see route-access.ts). */
export const INTAKE_ROUTE_ACCESS: Record<string, RouteSample> = {
  // Public: no account is needed to ask a desk for help.
  'GET /api/v1/intake/options': { url: '/api/v1/intake/options', expect: { others: 200 } },
  'POST /api/v1/intake': { url: '/api/v1/intake', body: {}, expect: { others: 400 } },
  // Merging people is a desk manager's call; coaches and everyone else may not (403).
  'GET /api/v1/people/duplicates': { url: '/api/v1/people/duplicates', expect: { anonymous: 401, manager: 200, others: 403 } },
  'POST /api/v1/people/duplicates/:id/merge': {
    url: `/api/v1/people/duplicates/${UNKNOWN}/merge`,
    body: {},
    expect: { anonymous: 401, manager: 404, others: 403 },
  },
  'POST /api/v1/people/duplicates/:id/dismiss': {
    url: `/api/v1/people/duplicates/${UNKNOWN}/dismiss`,
    expect: { anonymous: 401, manager: 404, others: 403 },
  },
};
