import { z } from 'zod';
import { CountryCode, Id, Locale, listEnvelope } from './common.js';

/** What a person may agree to pass to another desk. */
export const CONSENT_DATA_CATEGORIES = ['identity', 'contact', 'request', 'business_project', 'documents', 'financing'] as const;
export const ConsentDataCategory = z.enum(CONSENT_DATA_CATEGORIES);
export type ConsentDataCategory = z.infer<typeof ConsentDataCategory>;
/** The least a receiving desk needs to take a case over: who, how to reach them, what they asked. */
export const REFERRAL_REQUIRED_CATEGORIES: readonly ConsentDataCategory[] = ['identity', 'contact', 'request'];

/** How staff may record a consent (online consent is given by the person at intake). */
export const CONSENT_METHODS = ['signed_form', 'in_person', 'email'] as const;
export const ConsentMethod = z.enum(CONSENT_METHODS);
export const LEGAL_BASES = ['consent', 'vital_interests', 'legal_obligation', 'public_task'] as const;
export const LegalBasis = z.enum(LEGAL_BASES);

export const CaseIdParams = z.object({ caseId: Id });
export const CaseConsentParams = z.object({ caseId: Id, consentId: Id });

const IsoDate = z.iso.date();

export const ConsentCreateBody = z.object({
  recipientDeskId: Id,
  /** ISO 3166-1 alpha-2; must be the desk's country. Taken from the desk when left out. */
  recipientCountry: CountryCode.optional(),
  dataCategories: z.array(ConsentDataCategory).min(1).max(CONSENT_DATA_CATEGORIES.length),
  purpose: z.string().trim().min(1).max(1000),
  validUntil: IsoDate,
  method: ConsentMethod,
  legalBasis: LegalBasis,
  /** The uploaded signed form (a `consent_form` document of the case), required when method is `signed_form`. */
  documentId: Id.optional(),
});
export type ConsentCreateBody = z.infer<typeof ConsentCreateBody>;

export const ConsentView = z.object({
  id: Id,
  caseId: Id.nullable(),
  kind: z.enum(['processing', 'referral']),
  purpose: z.string(),
  dataCategories: z.array(z.string()),
  recipientDeskId: Id.nullable(),
  recipientDeskName: z.string().nullable(),
  recipientCountry: z.string().nullable(),
  legalBasis: z.string(),
  method: z.string(),
  documentId: Id.nullable(),
  givenAt: z.string(),
  validUntil: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  /** Standing: not withdrawn and not expired. */
  standing: z.boolean(),
});
export type ConsentView = z.infer<typeof ConsentView>;
export const ConsentList = listEnvelope(ConsentView);

export const REFERRAL_STATUSES = ['pending', 'accepted', 'declined', 'cancelled'] as const;
export const ReferralStatus = z.enum(REFERRAL_STATUSES);

export const ReferralCreateBody = z.object({
  toDeskId: Id,
  purpose: z.string().trim().min(1).max(1000),
});
export type ReferralCreateBody = z.infer<typeof ReferralCreateBody>;

export const ReferralDeclineBody = z.object({ reason: z.string().trim().min(1).max(1000) });
export type ReferralDeclineBody = z.infer<typeof ReferralDeclineBody>;

export const ReferralView = z.object({
  id: Id,
  caseId: Id,
  fromDeskId: Id,
  fromDeskName: z.string(),
  toDeskId: Id,
  toDeskName: z.string(),
  consentId: Id,
  purpose: z.string(),
  status: ReferralStatus,
  declineReason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type ReferralView = z.infer<typeof ReferralView>;
export const ReferralList = listEnvelope(ReferralView);

/** What a receiving desk sees of a referred case before it accepts: enough to decide, no more. */
export const IncomingReferralView = ReferralView.extend({
  caseReference: z.string(),
  requestKind: z.string(),
  stage: z.string().nullable(),
  idea: z.string().nullable(),
  personGivenName: z.string(),
  dataCategories: z.array(z.string()),
});
export type IncomingReferralView = z.infer<typeof IncomingReferralView>;
export const IncomingReferralList = listEnvelope(IncomingReferralView);

export const ReferralListQuery = z.object({
  direction: z.enum(['incoming', 'outgoing']).default('incoming'),
  status: ReferralStatus.optional(),
});
export type ReferralListQuery = z.infer<typeof ReferralListQuery>;
export const ReferralParams = z.object({ id: Id });

/** Who reached a case and through which desk, from the audit trail. */
export const CaseDisclosureView = z.object({
  occurredAt: z.string(),
  action: z.string(),
  actorLabel: z.string(),
  organisationId: Id.nullable(),
  organisationName: z.string().nullable(),
});
export const CaseDisclosureList = listEnvelope(CaseDisclosureView);

export const ReceiptQuery = z.object({ locale: Locale.optional() });
