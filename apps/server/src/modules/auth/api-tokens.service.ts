import { randomBytes } from 'node:crypto';
import type { ApiTokenCreateBody, ApiTokenCreatedView, ApiTokenListQuery, ApiTokenView, Permission, Role } from '@glocal/contracts';
import type { Access } from '../../platform/access/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, NotFoundError } from '../../platform/errors/app-error.js';
import { decodeTimeCursor, toPage } from '../../platform/http/cursor.js';
import type { OrganisationsService } from '../organisations/index.js';
import { toApiTokenView } from './api-tokens.mapper.js';
import { apiTokensRepository } from './api-tokens.repository.js';

type Request = { ip?: string; id?: string };
type Deps = { db: Database; access: Access; audit: AuditTrail; organisations: Pick<OrganisationsService, 'get'> };

/** `glc_<prefix>_<secret>`: the prefix names the token in lists and logs; the whole string is hashed. */
const TOKEN_FORMAT = /^glc_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;
const TOUCH_EVERY_MS = 60_000;

export type ApiTokensService = ReturnType<typeof createApiTokensService>;

/** API tokens for integrations: created by an organisation's administrator, scoped, revocable. */
export function createApiTokensService({ db, access, audit, organisations }: Deps) {
  async function findOrThrow(id: string) {
    const row = await apiTokensRepository(db).findById(id);
    if (!row) throw new NotFoundError('api_token.not_found', { id });
    return row;
  }

  return {
    /** The token is in the answer this once; only its SHA-256 is stored. */
    async create(actor: Actor | null, input: ApiTokenCreateBody, request: Request): Promise<ApiTokenCreatedView> {
      const scope = { organisationId: input.organisationId };
      const creator = await access.require(actor, 'api_tokens:manage', scope, { request });
      await organisations.get(creator, input.organisationId);
      const permissions = [...new Set(input.permissions)];
      const exceeding = permissions.filter((permission) => !access.can(creator, permission, scope));
      if (exceeding.length > 0) {
        for (const permission of exceeding) await access.deny(creator, permission, scope, request);
        throw new AppError('api_token.scope_exceeds_creator', 403, { permissions: exceeding });
      }
      const tokenPrefix = randomBytes(4).toString('hex');
      const token = `glc_${tokenPrefix}_${newSecret()}`;
      return db.transaction().execute(async (trx) => {
        const id = await apiTokensRepository(trx).insert({
          organisationId: input.organisationId,
          createdBy: creator.userId,
          name: input.name,
          tokenPrefix,
          tokenHash: hashSecret(token),
          permissions,
          expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        });
        await audit.record(trx, {
          actor: creator,
          action: 'api_token.created',
          subject: { type: 'api_token', id },
          organisationId: input.organisationId,
          details: { name: input.name, prefix: tokenPrefix, permissions, expiresAt: input.expiresAt ?? null },
          request,
        });
        return { ...toApiTokenView((await apiTokensRepository(trx).findById(id))!), token };
      });
    },

    async list(actor: Actor | null, query: ApiTokenListQuery) {
      await access.require(actor, 'api_tokens:manage', { organisationId: query.organisationId });
      const after = query.cursor ? decodeTimeCursor(query.cursor) : undefined;
      const rows = await apiTokensRepository(db).list(query.organisationId, after, query.limit + 1);
      return toPage(rows, query.limit, (row) => [row.createdKey, row.id], toApiTokenView);
    },

    /** Any administrator of the token's organisation may revoke it; revoking twice changes nothing. */
    async revoke(actor: Actor | null, id: string, request: Request): Promise<ApiTokenView> {
      const existing = await findOrThrow(id);
      const subject = { type: 'api_token', id };
      await access.require(actor, 'api_tokens:manage', { organisationId: existing.organisationId, subject }, { whenDenied: 'not_found', request });
      if (existing.revokedAt) return toApiTokenView(existing);
      return db.transaction().execute(async (trx) => {
        await apiTokensRepository(trx).revoke(id);
        await audit.record(trx, {
          actor,
          action: 'api_token.revoked',
          subject,
          organisationId: existing.organisationId,
          details: { name: existing.name, prefix: existing.tokenPrefix },
          request,
        });
        return toApiTokenView((await apiTokensRepository(trx).findById(id))!);
      });
    },

    /**
     * The actor a bearer token stands for, or null when it is malformed, unknown, revoked, expired,
     * or its creator is disabled. The creator's current memberships are pinned to the token's
     * organisation, so a token never does more than its creator still may there, nor more than
     * its scopes.
     */
    async authenticate(token: string): Promise<Actor | null> {
      if (!TOKEN_FORMAT.test(token)) return null;
      const row = await apiTokensRepository(db).findForAuthentication(hashSecret(token));
      const now = Date.now();
      if (!row || row.revokedAt || row.disabledAt || (row.expiresAt && row.expiresAt.getTime() <= now)) return null;
      if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
        await apiTokensRepository(db).touch(row.id, new Date(now));
      }
      const memberships = await apiTokensRepository(db).creatorMemberships(row.userId);
      return {
        userId: row.userId,
        email: row.email,
        displayName: row.displayName,
        locale: row.locale,
        kind: row.kind,
        memberships: memberships
          .filter((membership) => membership.organisationId === null || membership.organisationId === row.organisationId)
          .map((membership) => ({ organisationId: row.organisationId, role: membership.role as Role })),
        csrfToken: '',
        sessionTokenHash: '',
        scopes: row.permissions as Permission[],
        apiTokenId: row.id,
      };
    },
  };
}
