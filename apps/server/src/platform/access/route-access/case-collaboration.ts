import type { RouteSample } from '../route-access.js';

const NO_CASE = '00000000-0000-4000-8000-000000000000';
/** Case workers (the Diourbel manager and the three coaches) get past the role check; the rest do not. */
const CASE_WORKERS = (status: number) => ({ anonymous: 401, manager: status, coachDiourbel: status, coachBrussels: status, coachVeneto: status, others: 403 });

const SIGNED_IN = (status: number) => ({ anonymous: 401, others: status });

/** The case-collaboration routes in the route × role table (see route-access.ts). */
export const CASE_COLLABORATION_ROUTE_ACCESS: Record<string, RouteSample> = {
  // An unknown case: whoever may work cases finds nothing (404), nothing is written.
  'GET /api/v1/cases/:caseId/consents': { url: `/api/v1/cases/${NO_CASE}/consents`, expect: CASE_WORKERS(404) },
  'POST /api/v1/cases/:caseId/consents': { url: `/api/v1/cases/${NO_CASE}/consents`, body: {}, expect: CASE_WORKERS(400) },
  'POST /api/v1/cases/:caseId/consents/:consentId/withdraw': { url: `/api/v1/cases/${NO_CASE}/consents/${NO_CASE}/withdraw`, expect: CASE_WORKERS(404) },
  'GET /api/v1/cases/:caseId/consents/:consentId/receipt': { url: `/api/v1/cases/${NO_CASE}/consents/${NO_CASE}/receipt`, expect: CASE_WORKERS(404) },
  'GET /api/v1/cases/:caseId/referrals': { url: `/api/v1/cases/${NO_CASE}/referrals`, expect: CASE_WORKERS(404) },
  'POST /api/v1/cases/:caseId/referrals': { url: `/api/v1/cases/${NO_CASE}/referrals`, body: {}, expect: CASE_WORKERS(400) },
  'GET /api/v1/cases/:caseId/referrals/disclosures': { url: `/api/v1/cases/${NO_CASE}/referrals/disclosures`, expect: CASE_WORKERS(404) },
  'GET /api/v1/cases/:caseId/documents': { url: `/api/v1/cases/${NO_CASE}/documents`, expect: CASE_WORKERS(404) },
  'POST /api/v1/cases/:caseId/documents': { url: `/api/v1/cases/${NO_CASE}/documents`, body: {}, expect: CASE_WORKERS(404) },
  'GET /api/v1/cases/:caseId/documents/:documentId/content': { url: `/api/v1/cases/${NO_CASE}/documents/${NO_CASE}/content`, expect: CASE_WORKERS(404) },
  'GET /api/v1/cases/:caseId/messages': { url: `/api/v1/cases/${NO_CASE}/messages`, expect: CASE_WORKERS(404) },
  'POST /api/v1/cases/:caseId/messages': { url: `/api/v1/cases/${NO_CASE}/messages`, body: {}, expect: CASE_WORKERS(400) },
  'GET /api/v1/referrals': { url: '/api/v1/referrals', expect: CASE_WORKERS(200) },
  'POST /api/v1/referrals/:id/accept': { url: `/api/v1/referrals/${NO_CASE}/accept`, expect: CASE_WORKERS(404) },
  'POST /api/v1/referrals/:id/decline': { url: `/api/v1/referrals/${NO_CASE}/decline`, body: {}, expect: CASE_WORKERS(400) },

  // Self-service: any signed-in account; none of the demo staff stands for a person, so their
  // own requests are an empty list and anything else is not found.
  'POST /api/v1/me/requests/link': { url: '/api/v1/me/requests/link', body: {}, expect: SIGNED_IN(400) },
  'GET /api/v1/me/requests': { url: '/api/v1/me/requests', expect: SIGNED_IN(200) },
  'GET /api/v1/me/requests/export.json': { url: '/api/v1/me/requests/export.json', expect: SIGNED_IN(404) },
  'GET /api/v1/me/requests/export.html': { url: '/api/v1/me/requests/export.html', expect: SIGNED_IN(404) },
  'GET /api/v1/me/requests/erasure': { url: '/api/v1/me/requests/erasure', expect: SIGNED_IN(404) },
  'POST /api/v1/me/requests/erasure': { url: '/api/v1/me/requests/erasure', expect: SIGNED_IN(404) },
  'GET /api/v1/me/requests/:caseId': { url: `/api/v1/me/requests/${NO_CASE}`, expect: SIGNED_IN(404) },
  'GET /api/v1/me/requests/:caseId/messages': { url: `/api/v1/me/requests/${NO_CASE}/messages`, expect: SIGNED_IN(404) },
  'POST /api/v1/me/requests/:caseId/messages': { url: `/api/v1/me/requests/${NO_CASE}/messages`, body: {}, expect: SIGNED_IN(400) },
  'GET /api/v1/me/requests/:caseId/documents': { url: `/api/v1/me/requests/${NO_CASE}/documents`, expect: SIGNED_IN(404) },
  'POST /api/v1/me/requests/:caseId/documents': { url: `/api/v1/me/requests/${NO_CASE}/documents`, body: {}, expect: SIGNED_IN(404) },
  'GET /api/v1/me/requests/:caseId/documents/:documentId/content': {
    url: `/api/v1/me/requests/${NO_CASE}/documents/${NO_CASE}/content`,
    expect: SIGNED_IN(404),
  },
  'GET /api/v1/me/requests/:caseId/consents': { url: `/api/v1/me/requests/${NO_CASE}/consents`, expect: SIGNED_IN(404) },
  'POST /api/v1/me/requests/:caseId/consents/:consentId/withdraw': {
    url: `/api/v1/me/requests/${NO_CASE}/consents/${NO_CASE}/withdraw`,
    expect: SIGNED_IN(404),
  },
  'GET /api/v1/me/requests/:caseId/consents/:consentId/receipt': {
    url: `/api/v1/me/requests/${NO_CASE}/consents/${NO_CASE}/receipt`,
    expect: SIGNED_IN(404),
  },

  // Erasure decisions: the data protection officer only.
  'GET /api/v1/erasure-requests': { url: '/api/v1/erasure-requests', expect: { anonymous: 401, dpo: 200, others: 403 } },
  'POST /api/v1/erasure-requests/:id/decision': { url: `/api/v1/erasure-requests/${NO_CASE}/decision`, body: {}, expect: { anonymous: 401, dpo: 400, others: 403 } },
};
