import type { BusinessStage, CaseRequestKind, CaseOutcomeKind, CasePriority, CaseStatus, FinancingKind } from '@glocal/contracts';
import type { MessageDescriptor } from 'react-intl';

/** The words for each value the contracts define (ids written out, so the catalogue test finds them). */
export const STAGE_MESSAGES: Record<BusinessStage, MessageDescriptor> = {
  idea: { id: 'cases.stage.idea' },
  identification: { id: 'cases.stage.identification' },
  elaboration: { id: 'cases.stage.elaboration' },
  formalisation: { id: 'cases.stage.formalisation' },
  creation: { id: 'cases.stage.creation' },
  follow_up: { id: 'cases.stage.follow_up' },
};

export const STATUS_MESSAGES: Record<CaseStatus, MessageDescriptor> = {
  new: { id: 'cases.status.new' },
  active: { id: 'cases.status.active' },
  waiting: { id: 'cases.status.waiting' },
  closed: { id: 'cases.status.closed' },
};

export const PRIORITY_MESSAGES: Record<CasePriority, MessageDescriptor> = {
  low: { id: 'cases.priority.low' },
  normal: { id: 'cases.priority.normal' },
  high: { id: 'cases.priority.high' },
  urgent: { id: 'cases.priority.urgent' },
};

export const OUTCOME_MESSAGES: Record<CaseOutcomeKind, MessageDescriptor> = {
  business_created: { id: 'cases.outcome.business_created' },
  job_found: { id: 'cases.outcome.job_found' },
  training_completed: { id: 'cases.outcome.training_completed' },
  returned: { id: 'cases.outcome.returned' },
  referred_elsewhere: { id: 'cases.outcome.referred_elsewhere' },
  withdrawn: { id: 'cases.outcome.withdrawn' },
  no_outcome: { id: 'cases.outcome.no_outcome' },
};

export const FINANCING_MESSAGES: Record<FinancingKind, MessageDescriptor> = {
  micro_credit: { id: 'cases.financing.kind.micro_credit' },
  bank_loan: { id: 'cases.financing.kind.bank_loan' },
  grant: { id: 'cases.financing.kind.grant' },
  equity: { id: 'cases.financing.kind.equity' },
  own_savings: { id: 'cases.financing.kind.own_savings' },
  other: { id: 'cases.financing.kind.other' },
};

/** Business-project fields, named in forms and in the "still missing" lists. */
export const PROJECT_FIELD_MESSAGES: Record<string, MessageDescriptor> = {
  idea: { id: 'cases.project.idea' },
  isicSection: { id: 'cases.project.isic_section' },
  isicDivision: { id: 'cases.project.isic_division' },
  setupTerritoryId: { id: 'cases.project.setup_territory' },
  neededAmount: { id: 'cases.project.needed_amount' },
  ownFundsAmount: { id: 'cases.project.own_funds' },
  currency: { id: 'cases.project.currency' },
  businessPlanDocumentId: { id: 'cases.project.business_plan' },
  financingPlanDocumentId: { id: 'cases.project.financing_plan' },
  legalForm: { id: 'cases.project.legal_form' },
  registrationNumber: { id: 'cases.project.registration_number' },
  registeredOn: { id: 'cases.project.registered_on' },
};

/** Checklist items, by code (STAGE_CHECKLISTS in the contracts). */
export const CHECKLIST_MESSAGES: Record<string, MessageDescriptor> = {
  idea_described: { id: 'cases.checklist.idea_described' },
  motivation_discussed: { id: 'cases.checklist.motivation_discussed' },
  skills_assessed: { id: 'cases.checklist.skills_assessed' },
  sector_chosen: { id: 'cases.checklist.sector_chosen' },
  site_visited: { id: 'cases.checklist.site_visited' },
  market_study: { id: 'cases.checklist.market_study' },
  business_plan_drafted: { id: 'cases.checklist.business_plan_drafted' },
  budget_estimated: { id: 'cases.checklist.budget_estimated' },
  financing_options_reviewed: { id: 'cases.checklist.financing_options_reviewed' },
  business_plan_validated: { id: 'cases.checklist.business_plan_validated' },
  financing_plan_validated: { id: 'cases.checklist.financing_plan_validated' },
  financing_application_filed: { id: 'cases.checklist.financing_application_filed' },
  legal_registration: { id: 'cases.checklist.legal_registration' },
  tax_registration: { id: 'cases.checklist.tax_registration' },
  bank_account_opened: { id: 'cases.checklist.bank_account_opened' },
  first_visit: { id: 'cases.checklist.first_visit' },
  six_month_review: { id: 'cases.checklist.six_month_review' },
  twelve_month_review: { id: 'cases.checklist.twelve_month_review' },
};

export const REQUEST_KIND_MESSAGES: Record<CaseRequestKind, MessageDescriptor> = {
  business_project: { id: 'cases.kind.business_project' },
  job: { id: 'cases.kind.job' },
  return_reintegration: { id: 'cases.kind.return_reintegration' },
  training: { id: 'cases.kind.training' },
  legal_social_support: { id: 'cases.kind.legal_social_support' },
  pre_departure_information: { id: 'cases.kind.pre_departure_information' },
};
