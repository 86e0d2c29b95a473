import { z } from 'zod';
import { CurrencyCode, Id, Locale, PageQuery, listEnvelope } from './common.js';
import { Email } from './auth.js';
import { AMOUNT_PATTERN, DATE_PATTERN, GENDERS, PHONE_PATTERN, REQUEST_KINDS } from './intake-form.js';

/*
 * Case work: the cases coaches and desk managers follow, the business-project pipeline, tasks,
 * notes, outcomes and the desk's workload. Amounts are decimal strings with an ISO 4217 code.
 */

export const CaseRequestKind = z.enum(REQUEST_KINDS);
export type CaseRequestKind = z.infer<typeof CaseRequestKind>;

export const CASE_STATUSES = ['new', 'active', 'waiting', 'closed'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;
/** What a coach may set directly; closing goes through POST /cases/:caseId/close. */
export const CaseOpenStatus = z.enum(['new', 'active', 'waiting']);

export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const CasePriority = z.enum(CASE_PRIORITIES);
export type CasePriority = z.infer<typeof CasePriority>;

export const BUSINESS_STAGES = ['idea', 'identification', 'elaboration', 'formalisation', 'creation', 'follow_up'] as const;
export const BusinessStage = z.enum(BUSINESS_STAGES);
export type BusinessStage = z.infer<typeof BusinessStage>;

export const CASE_OUTCOMES = [
  'business_created', 'job_found', 'training_completed', 'returned', 'referred_elsewhere', 'withdrawn', 'no_outcome',
] as const;
export const CaseOutcomeKind = z.enum(CASE_OUTCOMES);
export type CaseOutcomeKind = z.infer<typeof CaseOutcomeKind>;

export const FINANCING_KINDS = ['micro_credit', 'bank_loan', 'grant', 'equity', 'own_savings', 'other'] as const;
export const FinancingKind = z.enum(FINANCING_KINDS);
export type FinancingKind = z.infer<typeof FinancingKind>;

/** An exact decimal amount as a string: up to 16 digits and 2 decimals (numeric(18, 2)); never a float. */
export const CaseAmount = z.string().trim().regex(AMOUNT_PATTERN, 'a decimal such as 1500 or 1500.50');
export const CaseDay = z.string().regex(DATE_PATTERN, 'a date as YYYY-MM-DD');
const Tag = z.string().trim().toLowerCase().min(1).max(40).regex(/^[\p{L}\p{N}_ -]+$/u);

export const CaseParams = z.object({ caseId: Id });
export const CaseTaskParams = z.object({ caseId: Id, taskId: Id });

// ---- Lists and the board ----

/** `open` (the default) is new, active and waiting together. */
export const CaseStatusFilter = z.enum(['open', 'new', 'active', 'waiting', 'closed', 'all']);

export const CaseListQuery = PageQuery.extend({
  /** `desk` (the default): cases of my desks, led or shared; `mine`: assigned to me. */
  scope: z.enum(['desk', 'mine']).default('desk'),
  /** One of my desks only; default all of them. */
  deskId: Id.optional(),
  status: CaseStatusFilter.default('open'),
  stage: BusinessStage.optional(),
  requestKind: CaseRequestKind.optional(),
  priority: CasePriority.optional(),
  tag: Tag.optional(),
  assignedCoachId: Id.optional(),
  /** A reference (or its start) or part of the person's name. */
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const StaffRef = z.object({ id: Id, displayName: z.string() });
export type StaffRef = z.infer<typeof StaffRef>;

export const CaseSummaryView = z.object({
  id: Id,
  reference: z.string(),
  personName: z.string(),
  deskId: Id,
  deskName: z.string(),
  requestKind: CaseRequestKind,
  status: CaseStatus,
  priority: CasePriority,
  tags: z.array(z.string()),
  assignedCoach: StaffRef.nullable(),
  /** The business project's stage; null for other kinds of request. */
  stage: BusinessStage.nullable(),
  /** `lead`: my desk leads it; `shared`: shared with my desk by referral (read only). */
  access: z.enum(['lead', 'shared']),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type CaseSummaryView = z.infer<typeof CaseSummaryView>;
export const CaseList = listEnvelope(CaseSummaryView);
export type CaseList = z.infer<typeof CaseList>;

export const CaseBoardQuery = z.object({
  deskId: Id.optional(),
  scope: z.enum(['desk', 'mine']).default('desk'),
  /** Cards per column; the counts are always complete. */
  perColumn: z.coerce.number().int().min(1).max(100).default(20),
});
export const CaseBoardView = z.object({
  columns: z.array(z.object({ stage: BusinessStage, count: z.number().int(), items: z.array(CaseSummaryView) })),
});
export type CaseBoardView = z.infer<typeof CaseBoardView>;

// ---- One case ----

export const CasePersonView = z.object({
  id: Id,
  givenName: z.string(),
  familyName: z.string().nullable(),
  gender: z.enum(GENDERS).nullable(),
  languages: z.array(z.string()),
  preferredLocale: Locale,
  residenceTerritoryId: Id.nullable(),
  originTerritoryId: Id.nullable(),
  /** Decrypted for the lead desk only; null for a desk the case is shared with, or when unknown. */
  email: z.string().nullable(),
  phone: z.string().nullable(),
  birthDate: z.string().nullable(),
  /** Whether contact fields were withheld from this reader. */
  contactWithheld: z.boolean(),
});
export type CasePersonView = z.infer<typeof CasePersonView>;

export const StageRequirementView = z.object({
  /** JSON Pointer into the business project (PATCH /cases/:caseId/business-project): `/isicSection`. */
  pointer: z.string(),
  field: z.string(),
});

export const BusinessProjectView = z.object({
  stage: BusinessStage,
  idea: z.string(),
  isicSection: z.string().nullable(),
  isicDivision: z.string().nullable(),
  setupTerritoryId: Id.nullable(),
  ownFundsAmount: z.string().nullable(),
  neededAmount: z.string().nullable(),
  currency: CurrencyCode.nullable(),
  checklist: z.record(z.string(), z.boolean()),
  businessPlanDocumentId: Id.nullable(),
  financingPlanDocumentId: Id.nullable(),
  legalForm: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  registeredOn: z.string().nullable(),
  /** The next stage (null at follow-up) and what it still lacks before the case may enter it. */
  nextStage: BusinessStage.nullable(),
  missingForNextStage: z.array(StageRequirementView),
});
export type BusinessProjectView = z.infer<typeof BusinessProjectView>;

export const StageTransitionView = z.object({
  id: Id,
  fromStage: BusinessStage.nullable(),
  toStage: BusinessStage,
  movedBy: StaffRef.nullable(),
  reason: z.string().nullable(),
  movedAt: z.iso.datetime({ offset: true }),
});
export type StageTransitionView = z.infer<typeof StageTransitionView>;

export const CaseFinancingView = z.object({
  id: Id,
  kind: FinancingKind,
  amount: z.string(),
  currency: CurrencyCode,
  sourceOrganisationId: Id.nullable(),
  sourceOrganisationName: z.string().nullable(),
  sourceName: z.string().nullable(),
  fromRemittances: z.boolean(),
  obtainedOn: z.string().nullable(),
});
export type CaseFinancingView = z.infer<typeof CaseFinancingView>;

export const OutcomeView = z.object({
  /** The closing outcome; null while the case is open. */
  outcome: CaseOutcomeKind.nullable(),
  closedAt: z.iso.datetime({ offset: true }).nullable(),
  businessCreatedOn: z.string().nullable(),
  legalForm: z.string().nullable(),
  jobsWomen: z.number().int().nullable(),
  jobsMen: z.number().int().nullable(),
  jobsOther: z.number().int().nullable(),
  notes: z.string().nullable(),
  financing: z.array(CaseFinancingView),
});
export type OutcomeView = z.infer<typeof OutcomeView>;

export const CaseDetailView = CaseSummaryView.extend({
  leadDeskId: Id,
  sharedWithDeskIds: z.array(Id),
  source: z.enum(['intake_form', 'staff']),
  intakeLocale: Locale,
  /** The need in the person's words (decrypted). */
  need: z.string().nullable(),
  person: CasePersonView,
  businessProject: BusinessProjectView.nullable(),
  stageHistory: z.array(StageTransitionView),
  outcome: OutcomeView,
  closedAt: z.iso.datetime({ offset: true }).nullable(),
  /** What this reader may do here; the server still decides. */
  can: z.object({ update: z.boolean(), assign: z.boolean(), close: z.boolean() }),
});
export type CaseDetailView = z.infer<typeof CaseDetailView>;

// ---- Writing ----

export const WalkInPersonBody = z.object({
  givenName: z.string().trim().min(1).max(200),
  familyName: z.string().trim().min(1).max(200).optional(),
  email: Email.optional(),
  phone: z.string().trim().regex(PHONE_PATTERN).optional(),
  birthDate: CaseDay.optional(),
  gender: z.enum(GENDERS).optional(),
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).max(10).default([]),
  preferredLocale: Locale.default('en'),
  residenceTerritoryId: Id.optional(),
  originTerritoryId: Id.optional(),
});

export const CaseCreateBody = z.object({
  deskId: Id,
  requestKind: CaseRequestKind,
  /** A new person met at the desk, or one the desk already knows (`personId`). */
  person: WalkInPersonBody.optional(),
  personId: Id.optional(),
  /** The person agreed, in person, to the processing of their data: nothing is stored otherwise. */
  processingConsent: z.object({ method: z.enum(['in_person', 'signed_form']), policyVersion: z.string().trim().min(1).max(40) }),
  need: z.string().trim().min(1).max(4000).optional(),
  priority: CasePriority.default('normal'),
  tags: z.array(Tag).max(20).default([]),
  assignedCoachId: Id.optional(),
  /** Required for a business project. */
  idea: z.string().trim().min(1).max(4000).optional(),
}).refine((body) => (body.person ? !body.personId : !!body.personId), { path: ['person'], message: 'give either person or personId' })
  .refine((body) => body.requestKind !== 'business_project' || !!body.idea, { path: ['idea'], message: 'a business project needs its idea' });
export type CaseCreateBody = z.infer<typeof CaseCreateBody>;

export const CaseUpdateBody = z.object({
  status: CaseOpenStatus.optional(),
  priority: CasePriority.optional(),
  tags: z.array(Tag).max(20).optional(),
}).refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' });
export type CaseUpdateBody = z.infer<typeof CaseUpdateBody>;

export const CaseAssignBody = z.object({ coachId: Id.nullable() });
export type CaseAssignBody = z.infer<typeof CaseAssignBody>;

export const StageMoveBody = z.object({
  toStage: BusinessStage,
  /** Required when moving back a stage. */
  reason: z.string().trim().min(1).max(1000).optional(),
});
export type StageMoveBody = z.infer<typeof StageMoveBody>;

export const BusinessProjectUpdateBody = z.object({
  idea: z.string().trim().min(1).max(4000).optional(),
  isicSection: z.string().regex(/^[A-U]$/, 'an ISIC Rev.4 section letter').nullable().optional(),
  isicDivision: z.string().regex(/^[0-9]{2}$/).nullable().optional(),
  setupTerritoryId: Id.nullable().optional(),
  ownFundsAmount: CaseAmount.nullable().optional(),
  neededAmount: CaseAmount.nullable().optional(),
  currency: CurrencyCode.nullable().optional(),
  /** Ticks to merge into the checklist: `{ "market_study": true }`. Unknown items are refused. */
  checklist: z.record(z.string().regex(/^[a-z_]{1,60}$/), z.boolean()).optional(),
  businessPlanDocumentId: Id.nullable().optional(),
  financingPlanDocumentId: Id.nullable().optional(),
  legalForm: z.string().trim().min(1).max(100).nullable().optional(),
  registrationNumber: z.string().trim().min(1).max(100).nullable().optional(),
  registeredOn: CaseDay.nullable().optional(),
}).refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' });
export type BusinessProjectUpdateBody = z.infer<typeof BusinessProjectUpdateBody>;

export const BusinessOutcomeFields = z.object({
  businessCreatedOn: CaseDay.nullable().optional(),
  legalForm: z.string().trim().min(1).max(100).nullable().optional(),
  jobsWomen: z.number().int().min(0).max(100000).nullable().optional(),
  jobsMen: z.number().int().min(0).max(100000).nullable().optional(),
  jobsOther: z.number().int().min(0).max(100000).nullable().optional(),
  notes: z.string().trim().min(1).max(2000).nullable().optional(),
});
export const CaseOutcomeBody = BusinessOutcomeFields;
export type CaseOutcomeBody = z.infer<typeof CaseOutcomeBody>;

export const CaseFinancingCreateBody = z.object({
  kind: FinancingKind,
  amount: CaseAmount,
  currency: CurrencyCode,
  sourceOrganisationId: Id.optional(),
  sourceName: z.string().trim().min(1).max(200).optional(),
  fromRemittances: z.boolean().default(false),
  obtainedOn: CaseDay.optional(),
}).refine((body) => !!body.sourceOrganisationId || !!body.sourceName, { path: ['sourceName'], message: 'name the source' });
export type CaseFinancingCreateBody = z.infer<typeof CaseFinancingCreateBody>;

export const CaseCloseBody = z.object({
  outcome: CaseOutcomeKind,
  /** For `business_created`: the details, unless already recorded through PUT /outcome. */
  business: BusinessOutcomeFields.optional(),
});
export type CaseCloseBody = z.infer<typeof CaseCloseBody>;

// ---- Tasks ----

export const CaseTaskView = z.object({
  id: Id,
  caseId: Id,
  caseReference: z.string(),
  title: z.string(),
  dueOn: z.string().nullable(),
  assignee: StaffRef.nullable(),
  createdBy: StaffRef,
  done: z.boolean(),
  doneAt: z.iso.datetime({ offset: true }).nullable(),
  overdue: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type CaseTaskView = z.infer<typeof CaseTaskView>;
export const CaseTaskList = listEnvelope(CaseTaskView);
export type CaseTaskList = z.infer<typeof CaseTaskList>;

export const CaseTaskCreateBody = z.object({
  title: z.string().trim().min(1).max(300),
  dueOn: CaseDay.optional(),
  /** Staff of the lead desk; default the author. */
  assigneeId: Id.optional(),
});
export type CaseTaskCreateBody = z.infer<typeof CaseTaskCreateBody>;
export const CaseTaskUpdateBody = z.object({
  title: z.string().trim().min(1).max(300).optional(),
  dueOn: CaseDay.nullable().optional(),
  assigneeId: Id.nullable().optional(),
  done: z.boolean().optional(),
}).refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' });
export type CaseTaskUpdateBody = z.infer<typeof CaseTaskUpdateBody>;

export const MyCaseTasksQuery = PageQuery.extend({
  /** `open` (default): not done; `due`: due today or earlier. */
  filter: z.enum(['open', 'due', 'done']).default('open'),
});
export type MyCaseTasksQuery = z.infer<typeof MyCaseTasksQuery>;

// ---- Notes ----

export const CaseNoteView = z.object({
  id: Id,
  deskId: Id,
  author: StaffRef,
  /** Null for a sensitive note when the reader is neither its author nor a manager of its desk. */
  body: z.string().nullable(),
  sensitive: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type CaseNoteView = z.infer<typeof CaseNoteView>;
export const CaseNoteList = listEnvelope(CaseNoteView);
export type CaseNoteList = z.infer<typeof CaseNoteList>;
export const CaseNoteCreateBody = z.object({
  body: z.string().trim().min(1).max(10000),
  sensitive: z.boolean().default(false),
});
export type CaseNoteCreateBody = z.infer<typeof CaseNoteCreateBody>;

// ---- Outcome counts and workload ----

export const CaseDeskQuery = z.object({ deskId: Id.optional() });

export const OutcomeSummaryView = z.object({
  deskId: Id,
  /** Cases led by the desk or shared with it by an accepted referral, each counted once. */
  cases: z.number().int(),
  businessesCreated: z.number().int(),
  jobs: z.object({ women: z.number().int(), men: z.number().int(), other: z.number().int() }),
  /** Financing obtained, summed per currency (exact decimals). */
  financing: z.array(z.object({ currency: CurrencyCode, amount: z.string(), count: z.number().int(), fromRemittances: z.string() })),
  /** Closed cases per outcome. */
  byOutcome: z.partialRecord(CaseOutcomeKind, z.number().int()),
});
export type OutcomeSummaryView = z.infer<typeof OutcomeSummaryView>;

export const DeskWorkloadView = z.object({
  deskId: Id,
  openCases: z.number().int(),
  unassigned: z.number().int(),
  byStage: z.partialRecord(BusinessStage, z.number().int()),
  overdueTasks: z.number().int(),
  coaches: z.array(z.object({
    coach: StaffRef,
    openCases: z.number().int(),
    byStage: z.partialRecord(BusinessStage, z.number().int()),
    overdueTasks: z.number().int(),
  })),
});
export type DeskWorkloadView = z.infer<typeof DeskWorkloadView>;

// ---- The pipeline's rules, shared by the server (which decides) and the web (which shows them) ----

/** What the case must hold before it may enter each stage, as fields of the business project. */
export const STAGE_REQUIREMENTS: Record<BusinessStage, readonly string[]> = {
  idea: ['idea'],
  identification: ['isicSection', 'isicDivision', 'setupTerritoryId'],
  elaboration: ['neededAmount', 'ownFundsAmount', 'currency'],
  formalisation: ['businessPlanDocumentId', 'financingPlanDocumentId'],
  creation: ['legalForm', 'registeredOn'],
  follow_up: [],
};

/** Each stage's checklist, as codes (`cases.checklist.<code>` in the catalogues): advice, not a gate. */
export const STAGE_CHECKLISTS: Record<BusinessStage, readonly string[]> = {
  idea: ['idea_described', 'motivation_discussed', 'skills_assessed'],
  identification: ['sector_chosen', 'site_visited', 'market_study'],
  elaboration: ['business_plan_drafted', 'budget_estimated', 'financing_options_reviewed'],
  formalisation: ['business_plan_validated', 'financing_plan_validated', 'financing_application_filed'],
  creation: ['legal_registration', 'tax_registration', 'bank_account_opened'],
  follow_up: ['first_visit', 'six_month_review', 'twelve_month_review'],
};
