import { z } from 'zod';
import { Id, PageQuery, listEnvelope } from './common.js';

export const AuditEventQuery = PageQuery.extend({
  actorUserId: Id.optional(),
  subjectType: z.string().trim().min(1).max(50).optional(),
  subjectId: z.string().trim().min(1).max(100).optional(),
  action: z.string().trim().min(1).max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditEventQuery = z.infer<typeof AuditEventQuery>;

export const AuditEventView = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorUserId: Id.nullable(),
  actorLabel: z.string(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  organisationId: Id.nullable(),
  outcome: z.enum(['success', 'denied', 'failure']),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export type AuditEventView = z.infer<typeof AuditEventView>;
export const AuditEventList = listEnvelope(AuditEventView);

export const AuditVerificationView = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBadSeq: z.number().int().optional(),
  reason: z.enum(['altered', 'missing_before']).optional(),
});
