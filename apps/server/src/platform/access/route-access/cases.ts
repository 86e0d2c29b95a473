import type { RouteSample } from '../route-access.js';

const UNKNOWN_CASE = '00000000-0000-4000-8000-000000000000';
/** Case work is for desk staff: Diourbel's manager and the three coaches; nobody else holds cases:* (403). */
const DESK_STAFF = { anonymous: 401, manager: 200, coachDiourbel: 200, coachBrussels: 200, coachVeneto: 200, others: 403 };
const UNKNOWN_TO_STAFF = { anonymous: 401, manager: 404, coachDiourbel: 404, coachBrussels: 404, coachVeneto: 404, others: 403 };
/** A write with an empty body: staff who may act get as far as validation (400), nothing is written. */
const DESK_STAFF_WRITE = { anonymous: 401, manager: 400, coachDiourbel: 400, coachBrussels: 400, coachVeneto: 400, others: 403 };
/** Desk managers only (cases:assign, cases:close, desk_workload:read). */
const MANAGER_WRITE = { anonymous: 401, manager: 400, others: 403 };

/** The cases domain's routes in the route × role table (see route-access.ts). */
export const CASES_ROUTE_ACCESS: Record<string, RouteSample> = {
  'GET /api/v1/cases': { url: '/api/v1/cases', expect: DESK_STAFF },
  'GET /api/v1/cases/board': { url: '/api/v1/cases/board', expect: DESK_STAFF },
  'POST /api/v1/cases': { url: '/api/v1/cases', body: {}, expect: DESK_STAFF_WRITE },
  // An unknown case: staff get past the role check and find nothing (404).
  'GET /api/v1/cases/:caseId': { url: `/api/v1/cases/${UNKNOWN_CASE}`, expect: UNKNOWN_TO_STAFF },
  'PATCH /api/v1/cases/:caseId': { url: `/api/v1/cases/${UNKNOWN_CASE}`, body: {}, expect: DESK_STAFF_WRITE },
  'POST /api/v1/cases/:caseId/assign': { url: `/api/v1/cases/${UNKNOWN_CASE}/assign`, body: {}, expect: MANAGER_WRITE },
  'POST /api/v1/cases/:caseId/close': { url: `/api/v1/cases/${UNKNOWN_CASE}/close`, body: {}, expect: MANAGER_WRITE },
  'PATCH /api/v1/cases/:caseId/business-project': { url: `/api/v1/cases/${UNKNOWN_CASE}/business-project`, body: {}, expect: DESK_STAFF_WRITE },
  'POST /api/v1/cases/:caseId/stage': { url: `/api/v1/cases/${UNKNOWN_CASE}/stage`, body: {}, expect: DESK_STAFF_WRITE },

  'GET /api/v1/cases/tasks': { url: '/api/v1/cases/tasks', expect: DESK_STAFF },
  'GET /api/v1/cases/:caseId/tasks': { url: `/api/v1/cases/${UNKNOWN_CASE}/tasks`, expect: UNKNOWN_TO_STAFF },
  'POST /api/v1/cases/:caseId/tasks': { url: `/api/v1/cases/${UNKNOWN_CASE}/tasks`, body: {}, expect: DESK_STAFF_WRITE },
  'PATCH /api/v1/cases/:caseId/tasks/:taskId': { url: `/api/v1/cases/${UNKNOWN_CASE}/tasks/${UNKNOWN_CASE}`, body: {}, expect: DESK_STAFF_WRITE },
  'GET /api/v1/cases/:caseId/notes': { url: `/api/v1/cases/${UNKNOWN_CASE}/notes`, expect: UNKNOWN_TO_STAFF },
  'POST /api/v1/cases/:caseId/notes': { url: `/api/v1/cases/${UNKNOWN_CASE}/notes`, body: {}, expect: DESK_STAFF_WRITE },

  // Each actor's own first desk: every desk's staff get their counts.
  'GET /api/v1/cases/outcomes/summary': { url: '/api/v1/cases/outcomes/summary', expect: DESK_STAFF },
  'PUT /api/v1/cases/:caseId/outcome': { url: `/api/v1/cases/${UNKNOWN_CASE}/outcome`, body: { jobsMen: -1 }, expect: DESK_STAFF_WRITE },
  'POST /api/v1/cases/:caseId/financing': { url: `/api/v1/cases/${UNKNOWN_CASE}/financing`, body: {}, expect: DESK_STAFF_WRITE },
  'GET /api/v1/cases/workload': { url: '/api/v1/cases/workload', expect: { anonymous: 401, manager: 200, others: 403 } },
};
