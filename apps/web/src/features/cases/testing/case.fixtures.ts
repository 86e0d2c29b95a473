import { CaseDetailView, CaseList, CaseTaskList, type CaseSummaryView } from '@glocal/contracts';

export const DESK_ID = '10000000-0000-4000-8000-000000000001';
export const CASE_ID = '30000000-0000-4000-8000-000000000001';
export const COACH_ID = '20000000-0000-4000-8000-0000000000aa';

export function caseSummaryFixture(overrides: Partial<CaseSummaryView> = {}): CaseSummaryView {
  return {
    id: CASE_ID,
    reference: 'GLC-7K3M-9QXD-2WPA',
    personName: 'Awa Diop',
    deskId: DESK_ID,
    deskName: 'CAIM Diourbel',
    requestKind: 'business_project',
    status: 'active',
    priority: 'normal',
    tags: ['returnee'],
    assignedCoach: { id: COACH_ID, displayName: 'Mamadou Fall' },
    stage: 'idea',
    access: 'lead',
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  };
}

export const caseListFixture = (items: CaseSummaryView[], nextCursor: string | null = null) => CaseList.parse({ items, nextCursor });

export function caseDetailFixture(project: Record<string, unknown> = {}) {
  return CaseDetailView.parse({
    ...caseSummaryFixture(),
    leadDeskId: DESK_ID,
    sharedWithDeskIds: [],
    source: 'intake_form',
    intakeLocale: 'fr',
    need: 'Open a poultry farm',
    person: {
      id: '40000000-0000-4000-8000-000000000001',
      givenName: 'Awa',
      familyName: 'Diop',
      gender: 'female',
      languages: ['fr', 'wo'],
      preferredLocale: 'fr',
      residenceTerritoryId: null,
      originTerritoryId: null,
      email: 'awa@example.test',
      phone: '+32 470 00 00 00',
      birthDate: null,
      contactWithheld: false,
    },
    businessProject: {
      stage: 'idea',
      idea: 'A poultry farm near Touba',
      isicSection: null,
      isicDivision: null,
      setupTerritoryId: null,
      ownFundsAmount: null,
      neededAmount: null,
      currency: null,
      checklist: {},
      businessPlanDocumentId: null,
      financingPlanDocumentId: null,
      legalForm: null,
      registrationNumber: null,
      registeredOn: null,
      nextStage: 'identification',
      missingForNextStage: [
        { pointer: '/isicSection', field: 'isicSection' },
        { pointer: '/isicDivision', field: 'isicDivision' },
        { pointer: '/setupTerritoryId', field: 'setupTerritoryId' },
      ],
      ...project,
    },
    stageHistory: [{ id: '50000000-0000-4000-8000-000000000001', fromStage: null, toStage: 'idea', movedBy: null, reason: 'intake', movedAt: '2026-11-01T09:00:00.000Z' }],
    outcome: { outcome: null, closedAt: null, businessCreatedOn: null, legalForm: null, jobsWomen: null, jobsMen: null, jobsOther: null, notes: null, financing: [] },
    closedAt: null,
    can: { update: true, assign: false, close: false },
  });
}

export const emptyTasks = CaseTaskList.parse({ items: [], nextCursor: null });
