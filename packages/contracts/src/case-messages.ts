import { z } from 'zod';
import { Id, listEnvelope } from './common.js';

export const CaseMessageBody = z.object({ body: z.string().trim().min(1).max(5000) });
export type CaseMessageBody = z.infer<typeof CaseMessageBody>;

export const CaseMessageView = z.object({
  id: Id,
  caseId: Id,
  sender: z.enum(['person', 'staff']),
  /** The staff member's name; null for the person's own messages. */
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type CaseMessageView = z.infer<typeof CaseMessageView>;
export const CaseMessageList = listEnvelope(CaseMessageView);
