import { z } from 'zod';
import { Id, PageQuery, listEnvelope } from './common.js';
import { Permission } from './permissions.js';

/**
 * What a token may be granted: anything but managing tokens or inviting staff, so a leaked token
 * can neither mint more tokens nor bring new people in.
 */
export const ApiTokenPermission = Permission.exclude(['api_tokens:manage', 'members:invite']);
export type ApiTokenPermission = z.infer<typeof ApiTokenPermission>;

export const ApiTokenCreateBody = z.object({
  organisationId: Id,
  name: z.string().trim().min(1).max(100),
  /** A subset of what the creator may do in that organisation. */
  permissions: z.array(ApiTokenPermission).min(1).max(50),
  /** Omitted: the token lives until revoked. */
  expiresAt: z.iso
    .datetime({ offset: true })
    .refine((value) => Date.parse(value) > Date.now(), 'must be in the future')
    .optional(),
});
export type ApiTokenCreateBody = z.infer<typeof ApiTokenCreateBody>;

export const ApiTokenListQuery = PageQuery.extend({ organisationId: Id });
export type ApiTokenListQuery = z.infer<typeof ApiTokenListQuery>;

/** A token as listed: never its secret, only the prefix that names it (`glc_<prefix>_…`). */
export const ApiTokenView = z.object({
  id: Id,
  organisationId: Id,
  name: z.string(),
  tokenPrefix: z.string(),
  permissions: z.array(Permission),
  createdBy: z.object({ id: Id, displayName: z.string() }),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiTokenView = z.infer<typeof ApiTokenView>;
export const ApiTokenList = listEnvelope(ApiTokenView);

/** The answer to creation, the only time the token itself is shown: send it as `Authorization: Bearer <token>`. */
export const ApiTokenCreatedView = ApiTokenView.extend({ token: z.string() });
export type ApiTokenCreatedView = z.infer<typeof ApiTokenCreatedView>;
