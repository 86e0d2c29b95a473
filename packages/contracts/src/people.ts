import { z } from 'zod';
import { Id, listEnvelope, PageQuery } from './common.js';

export const DuplicateMatch = z.enum(['email', 'phone', 'birth_date']);
export type DuplicateMatch = z.infer<typeof DuplicateMatch>;

/** What staff see of a person in a duplicate pair: enough to decide, decrypted for them only. */
export const DuplicatePersonView = z.object({
  id: Id,
  givenName: z.string(),
  familyName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  birthDate: z.string().nullable(),
  createdAt: z.iso.datetime(),
  caseReferences: z.array(z.string()),
});
export type DuplicatePersonView = z.infer<typeof DuplicatePersonView>;

export const PersonDuplicateView = z.object({
  id: Id,
  status: z.enum(['open', 'merged', 'dismissed']),
  matchedOn: z.array(DuplicateMatch),
  /** The person who came in later, and the one they look like. */
  person: DuplicatePersonView,
  duplicateOf: DuplicatePersonView,
  createdAt: z.iso.datetime(),
});
export type PersonDuplicateView = z.infer<typeof PersonDuplicateView>;
export const PersonDuplicateList = listEnvelope(PersonDuplicateView);

export const PersonDuplicateListQuery = PageQuery;
export type PersonDuplicateListQuery = z.infer<typeof PersonDuplicateListQuery>;

export const PersonDuplicateMergeBody = z.object({
  /** The person kept (either of the pair; the earlier one by default). The other's cases move to them. */
  keepPersonId: Id.optional(),
});
export type PersonDuplicateMergeBody = z.infer<typeof PersonDuplicateMergeBody>;
