import type {
  BusinessProjectView,
  BusinessStage,
  CaseFinancingView,
  CaseSummaryView,
  OutcomeView,
  StageTransitionView,
} from '@glocal/contracts';
import { nextStage, missingFor } from './pipeline.js';
import type { CaseListRow, casesRepository } from './cases.repository.js';

type Repo = ReturnType<typeof casesRepository>;
type ProjectRow = NonNullable<Awaited<ReturnType<Repo['findProject']>>>;
type TransitionRow = Awaited<ReturnType<Repo['transitions']>>[number];
type OutcomeRow = Awaited<ReturnType<Repo['findOutcome']>>;
type FinancingRow = Awaited<ReturnType<Repo['financing']>>[number];

export const personName = (givenName: string, familyName: string | null) => (familyName ? `${givenName} ${familyName}` : givenName);

export function toCaseSummaryView(row: CaseListRow, actorDeskIds: readonly string[]): CaseSummaryView {
  return {
    id: row.id,
    reference: row.reference,
    personName: personName(row.givenName, row.familyName),
    deskId: row.deskId,
    deskName: row.deskName,
    requestKind: row.requestKind as CaseSummaryView['requestKind'],
    status: row.status as CaseSummaryView['status'],
    priority: row.priority as CaseSummaryView['priority'],
    tags: row.tags,
    assignedCoach: row.assignedCoachId ? { id: row.assignedCoachId, displayName: row.coachName ?? '' } : null,
    stage: (row.stage as BusinessStage | null) ?? null,
    access: actorDeskIds.includes(row.deskId) ? 'lead' : 'shared',
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toBusinessProjectView(row: ProjectRow): BusinessProjectView {
  const stage = row.stage as BusinessStage;
  const next = nextStage(stage);
  const fields = row as unknown as Record<string, unknown>;
  return {
    stage,
    idea: row.idea,
    isicSection: row.isicSection,
    isicDivision: row.isicDivision,
    setupTerritoryId: row.setupTerritoryId,
    ownFundsAmount: row.ownFundsAmount,
    neededAmount: row.neededAmount,
    currency: row.currency,
    checklist: row.checklist ?? {},
    businessPlanDocumentId: row.businessPlanDocumentId,
    financingPlanDocumentId: row.financingPlanDocumentId,
    legalForm: row.legalForm,
    registrationNumber: row.registrationNumber,
    registeredOn: row.registeredOn,
    nextStage: next,
    missingForNextStage: next ? missingFor(next, fields).map((error) => ({ pointer: error.pointer, field: error.pointer.slice(1) })) : [],
  };
}

export const toStageTransitionView = (row: TransitionRow): StageTransitionView => ({
  id: row.id,
  fromStage: (row.fromStage as BusinessStage | null) ?? null,
  toStage: row.toStage as BusinessStage,
  movedBy: row.movedBy ? { id: row.movedBy, displayName: row.movedByName ?? '' } : null,
  reason: row.reason,
  movedAt: row.movedAt.toISOString(),
});

export const toFinancingView = (row: FinancingRow): CaseFinancingView => ({
  id: row.id,
  kind: row.kind as CaseFinancingView['kind'],
  amount: row.amount,
  currency: row.currency,
  sourceOrganisationId: row.sourceOrganisationId,
  sourceOrganisationName: row.sourceOrganisationName ?? null,
  sourceName: row.sourceName,
  fromRemittances: row.fromRemittances,
  obtainedOn: row.obtainedOn,
});

export function toOutcomeView(
  supportCase: { outcome: string | null; closedAt: Date | null },
  outcome: OutcomeRow,
  financing: FinancingRow[],
): OutcomeView {
  return {
    outcome: (supportCase.outcome as OutcomeView['outcome']) ?? null,
    closedAt: supportCase.closedAt?.toISOString() ?? null,
    businessCreatedOn: outcome?.businessCreatedOn ?? null,
    legalForm: outcome?.legalForm ?? null,
    jobsWomen: outcome?.jobsWomen ?? null,
    jobsMen: outcome?.jobsMen ?? null,
    jobsOther: outcome?.jobsOther ?? null,
    notes: outcome?.notes ?? null,
    financing: financing.map(toFinancingView),
  };
}
