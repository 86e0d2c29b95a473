import type { RouteSample } from '../route-access.js';

// Demo directory ids are name-based UUIDs (modules/directory/directory.demo.ts and the taxonomy migration).
const SERVICE = '2365af85-db3f-5aa5-a59c-0097f84581d7'; // Mutuelle du Baol, returnee micro-credit, Diourbel
const LOCATION = 'ec528072-3b39-5fec-9de6-84ccfc4cbe8a'; // Mutuelle du Baol, Diourbel branch
const SERVICE_AT_LOCATION = '9b72dd06-b0af-5e3a-b289-c9ceed71a9fc';
const ORGANIZATION = 'caa77d00-9138-5318-8b8c-255489f53c50';
const TAXONOMY = '16cbc1a4-d06d-5de2-84a6-d0cf38ec44ab';
const TERM = 'bcc07c1f-f715-55c0-8612-122d12300873'; // FIN
const OPPORTUNITY = 'e9912982-7231-5fd4-8f4f-90a2403b9fdf'; // groundnut processing, Diourbel
/** An id no entry has (nothing is deleted by the table's requests). */
const NO_ENTRY = '00000000-0000-4000-8000-000000000000';

const PUBLIC_OK = { others: 200 };
/** Who may change entries at all (their reach is decided per entry): not the DPO. */
const EDITORS = { anonymous: 401, dpo: 403, others: 400 };

/** The directory domain's routes in the route × role table (see route-access.ts). */
export const DIRECTORY_ROUTE_ACCESS: Record<string, RouteSample> = {
  'GET /api/v1/directory/services': { url: '/api/v1/directory/services?q=credit', expect: PUBLIC_OK },
  'GET /api/v1/directory/map-points': { url: '/api/v1/directory/map-points', expect: PUBLIC_OK },
  'GET /api/v1/directory/services/:id': { url: `/api/v1/directory/services/${SERVICE}`, expect: PUBLIC_OK },
  'POST /api/v1/directory/services': { url: '/api/v1/directory/services', body: {}, expect: EDITORS },
  'PATCH /api/v1/directory/services/:id': { url: `/api/v1/directory/services/${SERVICE}`, body: {}, expect: EDITORS },
  'PATCH /api/v1/directory/locations/:id': { url: `/api/v1/directory/locations/${LOCATION}`, body: {}, expect: EDITORS },
  // A place that does not exist, so that nothing is removed: editors get 404.
  'DELETE /api/v1/directory/locations/:id': { url: `/api/v1/directory/locations/${NO_ENTRY}`, expect: { anonymous: 401, dpo: 403, others: 404 } },
  'POST /api/v1/directory/services/:id/locations': { url: `/api/v1/directory/services/${SERVICE}/locations`, body: {}, expect: EDITORS },
  // The organizations the reader may add services to: empty for some, but answered to every editor.
  'GET /api/v1/directory/editable-organizations': { url: '/api/v1/directory/editable-organizations', expect: { anonymous: 401, dpo: 403, others: 200 } },
  // Desk staff and officers flag; partners fix their own entries instead.
  'POST /api/v1/directory/flags': { url: '/api/v1/directory/flags', body: {}, expect: { anonymous: 401, mfi: 403, dpo: 403, others: 400 } },
  'GET /api/v1/directory/review': { url: '/api/v1/directory/review', expect: { anonymous: 401, dpo: 403, others: 200 } },
  'GET /api/v1/directory/taxonomy-terms': { url: '/api/v1/directory/taxonomy-terms', expect: PUBLIC_OK },
  'GET /api/v1/directory/opportunities': { url: '/api/v1/directory/opportunities', expect: PUBLIC_OK },
  'GET /api/v1/directory/opportunities/:id': { url: `/api/v1/directory/opportunities/${OPPORTUNITY}`, expect: PUBLIC_OK },
  // Opportunities are edited like services (directory:edit); their reach is decided per opportunity.
  'POST /api/v1/directory/opportunities': { url: '/api/v1/directory/opportunities', body: {}, expect: EDITORS },
  'PATCH /api/v1/directory/opportunities/:id': { url: `/api/v1/directory/opportunities/${OPPORTUNITY}`, body: {}, expect: EDITORS },
  // An id that does not exist, so that nothing is deleted: editors get 404.
  'DELETE /api/v1/directory/opportunities/:id': { url: `/api/v1/directory/opportunities/${NO_ENTRY}`, expect: { anonymous: 401, dpo: 403, others: 404 } },
  'POST /api/v1/directory/imports': { url: '/api/v1/directory/imports', body: {}, expect: { anonymous: 401, admin: 400, officer: 400, others: 403 } },
  'GET /api/v1/directory/exports': { url: '/api/v1/directory/exports', expect: { anonymous: 401, admin: 200, officer: 200, others: 403 } },
  'GET /api/v1/directory/exports/datapackage.zip': { url: '/api/v1/directory/exports/datapackage.zip', expect: { anonymous: 401, admin: 200, officer: 200, others: 403 } },

  // Referring a case to a service: whoever works the case (coaches, desk managers; not platform staff).
  'POST /api/v1/directory/services/:id/case-referrals': {
    url: `/api/v1/directory/services/${SERVICE}/case-referrals`,
    body: {},
    expect: { anonymous: 401, manager: 400, coachDiourbel: 400, coachBrussels: 400, coachVeneto: 400, others: 403 },
  },
  'PATCH /api/v1/directory/case-referrals/:id': {
    url: '/api/v1/directory/case-referrals/00000000-0000-4000-8000-000000000000',
    body: {},
    expect: { anonymous: 401, manager: 400, coachDiourbel: 400, coachBrussels: 400, coachVeneto: 400, others: 403 },
  },
  'GET /api/v1/directory/case-referrals': {
    url: '/api/v1/directory/case-referrals',
    expect: { anonymous: 401, manager: 400, coachDiourbel: 400, coachBrussels: 400, coachVeneto: 400, others: 403 },
  },

  // The HSDS 3.0 read API: public data, for everyone.
  'GET /api/hsds/v3': { url: '/api/hsds/v3/', expect: PUBLIC_OK },
  'GET /api/hsds/v3/profile': { url: '/api/hsds/v3/profile', expect: PUBLIC_OK },
  'GET /api/hsds/v3/openapi.json': { url: '/api/hsds/v3/openapi.json', expect: PUBLIC_OK },
  'GET /api/hsds/v3/services': { url: '/api/hsds/v3/services', expect: PUBLIC_OK },
  'GET /api/hsds/v3/services/:id': { url: `/api/hsds/v3/services/${SERVICE}`, expect: PUBLIC_OK },
  'GET /api/hsds/v3/service_at_locations': { url: '/api/hsds/v3/service_at_locations', expect: PUBLIC_OK },
  'GET /api/hsds/v3/service_at_locations/:id': { url: `/api/hsds/v3/service_at_locations/${SERVICE_AT_LOCATION}`, expect: PUBLIC_OK },
  'GET /api/hsds/v3/organizations': { url: '/api/hsds/v3/organizations', expect: PUBLIC_OK },
  'GET /api/hsds/v3/organizations/:id': { url: `/api/hsds/v3/organizations/${ORGANIZATION}`, expect: PUBLIC_OK },
  'GET /api/hsds/v3/taxonomies': { url: '/api/hsds/v3/taxonomies', expect: PUBLIC_OK },
  'GET /api/hsds/v3/taxonomies/:id': { url: `/api/hsds/v3/taxonomies/${TAXONOMY}`, expect: PUBLIC_OK },
  'GET /api/hsds/v3/taxonomy_terms': { url: '/api/hsds/v3/taxonomy_terms', expect: PUBLIC_OK },
  'GET /api/hsds/v3/taxonomy_terms/:id': { url: `/api/hsds/v3/taxonomy_terms/${TERM}`, expect: PUBLIC_OK },
};
