import { CaseDocumentView, CaseMessageView, ConsentView, IncomingReferralView, OrganisationView } from '@glocal/contracts';

export const CASE_ID = '50000000-0000-4000-8000-000000000001';
export const BRUSSELS_ID = '10000000-0000-4000-8000-000000000010';
export const DIOURBEL_ID = '10000000-0000-4000-8000-000000000011';

export const desk = (id: string, name: string) =>
  OrganisationView.parse({
    id, type: 'help_desk', name, hostOrganisationId: null, homeTerritoryId: '00000000-0000-4000-8000-000000000001',
    servedTerritoryIds: [], languages: ['fr'], email: null, phone: null, website: null, requireMfa: false,
  });

export const referralConsent = (overrides: Partial<ConsentView> = {}) =>
  ConsentView.parse({
    id: '60000000-0000-4000-8000-000000000001', caseId: CASE_ID, kind: 'referral', purpose: 'Create the workshop in Diourbel',
    dataCategories: ['identity', 'contact', 'request'], recipientDeskId: DIOURBEL_ID, recipientDeskName: 'CAIM Diourbel', recipientCountry: 'SN',
    legalBasis: 'consent', method: 'in_person', documentId: null, givenAt: '2026-11-20T10:00:00.000Z', validUntil: '2030-12-31', withdrawnAt: null, standing: true,
    ...overrides,
  });

export const document = (overrides: Partial<CaseDocumentView> = {}) =>
  CaseDocumentView.parse({
    id: '70000000-0000-4000-8000-000000000001', caseId: CASE_ID, kind: 'business_plan', fileName: 'plan.pdf', mediaType: 'application/pdf',
    sizeBytes: 20480, sha256: 'a'.repeat(64), uploadedByPerson: false, createdAt: '2026-11-21T10:00:00.000Z', ...overrides,
  });

export const message = (overrides: Partial<CaseMessageView> = {}) =>
  CaseMessageView.parse({
    id: '80000000-0000-4000-8000-000000000001', caseId: CASE_ID, sender: 'staff', authorName: 'Claire Dubois', body: 'Bring your cash-flow plan on Thursday',
    createdAt: '2026-11-22T10:00:00.000Z', readAt: null, ...overrides,
  });

export const incoming = (overrides: Partial<IncomingReferralView> = {}) =>
  IncomingReferralView.parse({
    id: '90000000-0000-4000-8000-000000000001', caseId: CASE_ID, fromDeskId: BRUSSELS_ID, fromDeskName: 'Guichet Bruxelles', toDeskId: DIOURBEL_ID,
    toDeskName: 'CAIM Diourbel', consentId: '60000000-0000-4000-8000-000000000001', purpose: 'Create the workshop in Diourbel', status: 'pending',
    declineReason: null, createdAt: '2026-11-23T10:00:00.000Z', decidedAt: null, caseReference: 'GLC-7K3M-9QXD-2WPA', requestKind: 'business_project',
    stage: 'elaboration', idea: 'Sewing workshop', personGivenName: 'Fatou', dataCategories: ['identity', 'contact', 'request'], ...overrides,
  });
