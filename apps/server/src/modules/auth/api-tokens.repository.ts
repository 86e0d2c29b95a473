import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

const viewColumns = [
  'apiToken.id', 'apiToken.organisationId', 'apiToken.name', 'apiToken.tokenPrefix', 'apiToken.permissions', 'apiToken.createdBy',
  'appUser.displayName as createdByName', 'apiToken.createdAt', 'apiToken.lastUsedAt', 'apiToken.expiresAt', 'apiToken.revokedAt',
] as const;

export type ApiTokenRow = {
  id: string;
  organisationId: string;
  name: string;
  tokenPrefix: string;
  permissions: string[];
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

export const apiTokensRepository = (db: Executor) => ({
  insert: async (values: {
    organisationId: string;
    createdBy: string;
    name: string;
    tokenPrefix: string;
    tokenHash: string;
    permissions: string[];
    expiresAt: Date | null;
  }): Promise<string> => (await db.insertInto('apiToken').values(values).returning('id').executeTakeFirstOrThrow()).id,

  findById: (id: string) =>
    db
      .selectFrom('apiToken')
      .innerJoin('appUser', 'appUser.id', 'apiToken.createdBy')
      .select(viewColumns)
      .where('apiToken.id', '=', id)
      .executeTakeFirst() as Promise<ApiTokenRow | undefined>,

  /** Newest first, keyset by (created_at, id) descending; `createdKey`: created_at to the microsecond, for the cursor. */
  list: (organisationId: string, after: [string, string] | undefined, limit: number) => {
    let select = db
      .selectFrom('apiToken')
      .innerJoin('appUser', 'appUser.id', 'apiToken.createdBy')
      .select(viewColumns)
      .select(sql<string>`api_token.created_at::text`.as('createdKey'))
      .where('apiToken.organisationId', '=', organisationId);
    if (after) select = select.where(sql<boolean>`(api_token.created_at, api_token.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    return select.orderBy('apiToken.createdAt', 'desc').orderBy('apiToken.id', 'desc').limit(limit).execute() as Promise<(ApiTokenRow & { createdKey: string })[]>;
  },

  revoke: (id: string) =>
    db.updateTable('apiToken').set({ revokedAt: new Date() }).where('id', '=', id).where('revokedAt', 'is', null).execute(),

  /** The token behind a hash with the person who created it, for authentication. */
  findForAuthentication: (tokenHash: string) =>
    db
      .selectFrom('apiToken')
      .innerJoin('appUser', 'appUser.id', 'apiToken.createdBy')
      .select([
        'apiToken.id', 'apiToken.organisationId', 'apiToken.permissions', 'apiToken.lastUsedAt', 'apiToken.expiresAt', 'apiToken.revokedAt',
        'appUser.id as userId', 'appUser.email', 'appUser.displayName', 'appUser.locale', 'appUser.kind', 'appUser.disabledAt',
      ])
      .where('apiToken.tokenHash', '=', tokenHash)
      .executeTakeFirst(),

  creatorMemberships: (userId: string) =>
    db.selectFrom('membership').select(['organisationId', 'role']).where('userId', '=', userId).execute(),

  touch: (id: string, at: Date) => db.updateTable('apiToken').set({ lastUsedAt: at }).where('id', '=', id).execute(),
});
