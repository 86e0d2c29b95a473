import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, UpdatedAt } from '../schema.js';
import type { ColumnList, UnlistedColumns } from './columns.js';

/** The cases domain's tables, in camelCase as the CamelCasePlugin exposes them. Kept in step with its migrations. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric columns come back as strings: exact decimals, never floats. */
type Numeric = ColumnType<string, string | number, string | number>;
type Day = ColumnType<string, string, string>;

export interface PersonTable {
  id: Generated<string>;
  givenName: string;
  familyName: string | null;
  normalisedName: string;
  emailEncrypted: string | null;
  emailHash: string | null;
  phoneEncrypted: string | null;
  phoneHash: string | null;
  birthDateEncrypted: string | null;
  birthDateHash: string | null;
  residenceStatusEncrypted: string | null;
  gender: 'female' | 'male' | 'other' | null;
  languages: Generated<string[]>;
  preferredLocale: Generated<string>;
  residenceTerritoryId: string | null;
  originTerritoryId: string | null;
  userId: string | null;
  mergedIntoPersonId: string | null;
  erasedAt: Date | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface SupportCaseTable {
  id: Generated<string>;
  reference: string;
  personId: string;
  deskId: string;
  requestKind: string;
  status: Generated<'new' | 'active' | 'waiting' | 'closed'>;
  priority: Generated<'low' | 'normal' | 'high' | 'urgent'>;
  tags: Generated<string[]>;
  assignedCoachId: string | null;
  needEncrypted: string | null;
  source: Generated<'intake_form' | 'staff'>;
  intakeLocale: Generated<string>;
  outcome: string | null;
  closedAt: Date | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface BusinessProjectTable {
  caseId: string;
  stage: Generated<string>;
  idea: string;
  isicSection: string | null;
  isicDivision: string | null;
  setupTerritoryId: string | null;
  ownFundsAmount: Numeric | null;
  neededAmount: Numeric | null;
  currency: string | null;
  checklist: ColumnType<Record<string, boolean>, string | undefined, string>;
  businessPlanDocumentId: string | null;
  financingPlanDocumentId: string | null;
  legalForm: string | null;
  registrationNumber: string | null;
  registeredOn: Day | null;
  updatedAt: UpdatedAt;
}

export interface BusinessStageTransitionTable {
  id: Generated<string>;
  caseId: string;
  fromStage: string | null;
  toStage: string;
  movedBy: string | null;
  reason: string | null;
  movedAt: Timestamp;
}

export interface CaseOutcomeTable {
  caseId: string;
  businessCreatedOn: Day | null;
  legalForm: string | null;
  jobsWomen: number | null;
  jobsMen: number | null;
  jobsOther: number | null;
  notes: string | null;
  recordedBy: string | null;
  recordedAt: Timestamp;
}

export interface CaseFinancingTable {
  id: Generated<string>;
  caseId: string;
  kind: string;
  amount: Numeric;
  currency: string;
  sourceOrganisationId: string | null;
  sourceName: string | null;
  fromRemittances: Generated<boolean>;
  obtainedOn: Day | null;
  recordedBy: string | null;
  createdAt: CreatedAt;
}

export interface ConsentTable {
  id: Generated<string>;
  personId: string;
  caseId: string | null;
  kind: 'processing' | 'referral';
  purpose: string;
  dataCategories: Generated<string[]>;
  recipientDeskId: string | null;
  recipientCountry: string | null;
  legalBasis: string;
  method: string;
  documentId: string | null;
  policyVersion: string | null;
  givenAt: Timestamp;
  validUntil: Day | null;
  recordedBy: string | null;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
}

export interface ReferralTable {
  id: Generated<string>;
  caseId: string;
  fromDeskId: string;
  toDeskId: string;
  partnershipId: string;
  consentId: string;
  purpose: string;
  status: Generated<'pending' | 'accepted' | 'declined' | 'cancelled'>;
  declineReason: string | null;
  createdBy: string | null;
  createdAt: CreatedAt;
  decidedBy: string | null;
  decidedAt: Date | null;
}

export interface CaseShareTable {
  caseId: string;
  deskId: string;
  referralId: string;
  consentId: string;
  grantedAt: Timestamp;
  revokedAt: Date | null;
}

export interface CaseNoteTable {
  id: Generated<string>;
  caseId: string;
  deskId: string;
  authorId: string;
  bodyEncrypted: string;
  sensitive: Generated<boolean>;
  createdAt: CreatedAt;
}

export interface CaseTaskTable {
  id: Generated<string>;
  caseId: string;
  title: string;
  dueOn: Day | null;
  assigneeId: string | null;
  createdBy: string;
  doneAt: Date | null;
  remindedAt: Date | null;
  createdAt: CreatedAt;
}

export interface CaseDocumentTable {
  id: Generated<string>;
  caseId: string;
  kind: Generated<string>;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedByUserId: string | null;
  uploadedByPerson: Generated<boolean>;
  createdAt: CreatedAt;
  deletedAt: Date | null;
}

export interface CaseMessageTable {
  id: Generated<string>;
  caseId: string;
  sender: 'person' | 'staff';
  authorUserId: string | null;
  bodyEncrypted: string;
  createdAt: CreatedAt;
  readAt: Date | null;
}

export interface PersonDuplicateTable {
  id: Generated<string>;
  personId: string;
  duplicateOfPersonId: string;
  matchedOn: string[];
  status: Generated<'open' | 'merged' | 'dismissed'>;
  decidedBy: string | null;
  decidedAt: Date | null;
  createdAt: CreatedAt;
}

export interface ErasureRequestTable {
  id: Generated<string>;
  personId: string;
  status: Generated<'pending' | 'completed' | 'partially_completed' | 'refused'>;
  requestedAt: Timestamp;
  decidedBy: string | null;
  decidedAt: Date | null;
  retainedReason: string | null;
  retained: Generated<string[]>;
}

export interface CasesDB {
  person: PersonTable;
  supportCase: SupportCaseTable;
  businessProject: BusinessProjectTable;
  businessStageTransition: BusinessStageTransitionTable;
  caseOutcome: CaseOutcomeTable;
  caseFinancing: CaseFinancingTable;
  consent: ConsentTable;
  referral: ReferralTable;
  caseShare: CaseShareTable;
  caseNote: CaseNoteTable;
  caseTask: CaseTaskTable;
  caseDocument: CaseDocumentTable;
  caseMessage: CaseMessageTable;
  personDuplicate: PersonDuplicateTable;
  erasureRequest: ErasureRequestTable;
}

export const CASES_COLUMNS = {
  person: [
    'id', 'givenName', 'familyName', 'normalisedName', 'emailEncrypted', 'emailHash', 'phoneEncrypted', 'phoneHash',
    'birthDateEncrypted', 'birthDateHash', 'residenceStatusEncrypted', 'gender', 'languages', 'preferredLocale',
    'residenceTerritoryId', 'originTerritoryId', 'userId', 'mergedIntoPersonId', 'erasedAt', 'createdAt', 'updatedAt',
  ],
  supportCase: [
    'id', 'reference', 'personId', 'deskId', 'requestKind', 'status', 'priority', 'tags', 'assignedCoachId', 'needEncrypted',
    'source', 'intakeLocale', 'outcome', 'closedAt', 'createdAt', 'updatedAt',
  ],
  businessProject: [
    'caseId', 'stage', 'idea', 'isicSection', 'isicDivision', 'setupTerritoryId', 'ownFundsAmount', 'neededAmount', 'currency',
    'checklist', 'businessPlanDocumentId', 'financingPlanDocumentId', 'legalForm', 'registrationNumber', 'registeredOn', 'updatedAt',
  ],
  businessStageTransition: ['id', 'caseId', 'fromStage', 'toStage', 'movedBy', 'reason', 'movedAt'],
  caseOutcome: ['caseId', 'businessCreatedOn', 'legalForm', 'jobsWomen', 'jobsMen', 'jobsOther', 'notes', 'recordedBy', 'recordedAt'],
  caseFinancing: [
    'id', 'caseId', 'kind', 'amount', 'currency', 'sourceOrganisationId', 'sourceName', 'fromRemittances', 'obtainedOn',
    'recordedBy', 'createdAt',
  ],
  consent: [
    'id', 'personId', 'caseId', 'kind', 'purpose', 'dataCategories', 'recipientDeskId', 'recipientCountry', 'legalBasis',
    'method', 'documentId', 'policyVersion', 'givenAt', 'validUntil', 'recordedBy', 'withdrawnAt', 'withdrawnBy',
  ],
  referral: [
    'id', 'caseId', 'fromDeskId', 'toDeskId', 'partnershipId', 'consentId', 'purpose', 'status', 'declineReason', 'createdBy',
    'createdAt', 'decidedBy', 'decidedAt',
  ],
  caseShare: ['caseId', 'deskId', 'referralId', 'consentId', 'grantedAt', 'revokedAt'],
  caseNote: ['id', 'caseId', 'deskId', 'authorId', 'bodyEncrypted', 'sensitive', 'createdAt'],
  caseTask: ['id', 'caseId', 'title', 'dueOn', 'assigneeId', 'createdBy', 'doneAt', 'remindedAt', 'createdAt'],
  caseDocument: [
    'id', 'caseId', 'kind', 'fileName', 'mediaType', 'sizeBytes', 'sha256', 'storageKey', 'uploadedByUserId', 'uploadedByPerson',
    'createdAt', 'deletedAt',
  ],
  caseMessage: ['id', 'caseId', 'sender', 'authorUserId', 'bodyEncrypted', 'createdAt', 'readAt'],
  personDuplicate: ['id', 'personId', 'duplicateOfPersonId', 'matchedOn', 'status', 'decidedBy', 'decidedAt', 'createdAt'],
  erasureRequest: ['id', 'personId', 'status', 'requestedAt', 'decidedBy', 'decidedAt', 'retainedReason', 'retained'],
} as const satisfies ColumnList<CasesDB>;
export const casesColumnsListed: { [Table in keyof CasesDB]: never } = {} as UnlistedColumns<CasesDB, typeof CASES_COLUMNS>;
