import { z } from 'zod';
import { Id, listEnvelope } from './common.js';

/** A case reference as given to the person (GLC-XXXX-XXXX-XXXX); case and spaces do not matter. */
export const CaseReference = z
  .string()
  .trim()
  .toUpperCase()
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(z.string().min(4).max(40).regex(/^[A-Z0-9-]+$/));

export const MyRequestLinkBody = z.object({ reference: CaseReference });
export type MyRequestLinkBody = z.infer<typeof MyRequestLinkBody>;

export const MyRequestStageStep = z.object({ fromStage: z.string().nullable(), toStage: z.string(), movedAt: z.string() });

export const MyRequestView = z.object({
  id: Id,
  reference: z.string(),
  requestKind: z.string(),
  status: z.enum(['new', 'active', 'waiting', 'closed']),
  outcome: z.string().nullable(),
  deskName: z.string(),
  coachName: z.string().nullable(),
  /** Business projects only. */
  stage: z.string().nullable(),
  stageHistory: z.array(MyRequestStageStep),
  unreadMessages: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MyRequestView = z.infer<typeof MyRequestView>;
export const MyRequestList = listEnvelope(MyRequestView);

export const MyRequestParams = z.object({ caseId: Id });
export const MyRequestDocumentParams = z.object({ caseId: Id, documentId: Id });
export const MyRequestConsentParams = z.object({ caseId: Id, consentId: Id });

export const ERASURE_STATUSES = ['pending', 'completed', 'partially_completed', 'refused'] as const;
export const ErasureStatus = z.enum(ERASURE_STATUSES);

export const MyErasureView = z.object({
  id: Id,
  status: ErasureStatus,
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  retainedReason: z.string().nullable(),
});
export type MyErasureView = z.infer<typeof MyErasureView>;
export const MyErasureState = z.object({ request: MyErasureView.nullable() });

/** What may be kept after erasure, for a legal reason the DPO records. */
export const ERASURE_RETAINED = ['consent_records', 'financing_records'] as const;
export const ErasureRetained = z.enum(ERASURE_RETAINED);

export const ErasureDecisionBody = z
  .object({
    decision: z.enum(['erase', 'refuse']),
    retain: z.array(ErasureRetained).max(ERASURE_RETAINED.length).default([]),
    retainedReason: z.string().trim().min(1).max(2000).optional(),
  })
  .refine((body) => (body.decision === 'refuse' || body.retain.length > 0 ? Boolean(body.retainedReason) : true), {
    path: ['retainedReason'],
    message: 'say why, when refusing or keeping records',
  });
export type ErasureDecisionBody = z.infer<typeof ErasureDecisionBody>;

export const ErasureRequestView = MyErasureView.extend({
  personId: Id,
  personLabel: z.string(),
  caseReferences: z.array(z.string()),
  deskNames: z.array(z.string()),
  retained: z.array(z.string()),
});
export type ErasureRequestView = z.infer<typeof ErasureRequestView>;
export const ErasureRequestList = listEnvelope(ErasureRequestView);
export const ErasureRequestListQuery = z.object({ status: ErasureStatus.optional() });
export const ErasureRequestParams = z.object({ id: Id });
