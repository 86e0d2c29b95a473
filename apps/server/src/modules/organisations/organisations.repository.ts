import type { OrganisationListQuery } from '@glocal/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

const columns = [
  'id', 'type', 'name', 'hostOrganisationId', 'homeTerritoryId', 'languages', 'email', 'phone', 'website', 'requireMfa',
] as const;

export type OrganisationRow = {
  id: string;
  type: string;
  name: string;
  hostOrganisationId: string | null;
  homeTerritoryId: string;
  languages: string[];
  email: string | null;
  phone: string | null;
  website: string | null;
  requireMfa: boolean;
};

export type OrganisationFields = Omit<OrganisationRow, 'id'>;

export const organisationsRepository = (db: Executor) => ({
  /** Keyset page by (lower(name), id). `territoryId` matches home or served territories. */
  list: (query: OrganisationListQuery, after: [string, string] | undefined, limit: number): Promise<OrganisationRow[]> => {
    let select = db.selectFrom('organisation').select(columns);
    if (query.type) select = select.where('type', '=', query.type);
    if (query.q) select = select.where('name', 'ilike', `%${query.q.replace(/[\\%_]/g, '\\$&')}%`);
    if (query.territoryId) {
      const territoryId = query.territoryId;
      select = select.where((eb) =>
        eb.or([
          eb('homeTerritoryId', '=', territoryId),
          eb('id', 'in', eb.selectFrom('organisationTerritory').select('organisationId').where('territoryId', '=', territoryId)),
        ]),
      );
    }
    if (after) select = select.where(sql<boolean>`(lower(name), id) > (${after[0]}, ${after[1]}::uuid)`);
    return select.orderBy(sql`lower(name)`).orderBy('id').limit(limit).execute() as Promise<OrganisationRow[]>;
  },

  findById: (id: string) =>
    db.selectFrom('organisation').select(columns).where('id', '=', id).executeTakeFirst() as Promise<OrganisationRow | undefined>,

  servedTerritories: async (ids: string[]) =>
    ids.length === 0
      ? []
      : db.selectFrom('organisationTerritory').select(['organisationId', 'territoryId']).where('organisationId', 'in', ids).execute(),

  /** Home and served territories of these organisations, in one query. */
  territoriesOf: async (organisationIds: string[]): Promise<string[]> => {
    const { rows } = await sql<{ territoryId: string }>`
      select home_territory_id as territory_id from organisation where id = any(${organisationIds}::uuid[])
      union
      select territory_id from organisation_territory where organisation_id = any(${organisationIds}::uuid[])`.execute(db);
    return rows.map((row) => row.territoryId);
  },

  insert: (fields: OrganisationFields) =>
    db.insertInto('organisation').values(fields).returning(columns).executeTakeFirstOrThrow() as Promise<OrganisationRow>,

  update: (id: string, fields: Partial<OrganisationFields>) =>
    db
      .updateTable('organisation')
      .set({ ...fields, updatedAt: new Date() })
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirstOrThrow() as Promise<OrganisationRow>,

  setServedTerritories: async (organisationId: string, territoryIds: string[]) => {
    await db.deleteFrom('organisationTerritory').where('organisationId', '=', organisationId).execute();
    if (territoryIds.length > 0) {
      await db
        .insertInto('organisationTerritory')
        .values([...new Set(territoryIds)].map((territoryId) => ({ organisationId, territoryId })))
        .execute();
    }
  },

  findByNameInTerritory: (name: string, territoryId: string) =>
    db
      .selectFrom('organisation')
      .select('id')
      .where(sql<boolean>`lower(name) = lower(${name})`)
      .where('homeTerritoryId', '=', territoryId)
      .executeTakeFirst(),

  members: (organisationId: string) =>
    db
      .selectFrom('membership')
      .innerJoin('appUser', 'appUser.id', 'membership.userId')
      .select(['appUser.id as userId', 'appUser.displayName', 'appUser.email', 'membership.role'])
      .where('membership.organisationId', '=', organisationId)
      .orderBy('appUser.displayName')
      .execute(),

  rolesOf: async (organisationId: string, userId: string) =>
    (
      await db
        .selectFrom('membership')
        .select('role')
        .where('organisationId', '=', organisationId)
        .where('userId', '=', userId)
        .execute()
    ).map((row) => row.role),

  countAdmins: async (organisationId: string) =>
    Number(
      (
        await db
          .selectFrom('membership')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('organisationId', '=', organisationId)
          .where('role', '=', 'org_admin')
          .executeTakeFirstOrThrow()
      ).n,
    ),

  replaceRoles: async (organisationId: string, userId: string, roles: string[]) => {
    await db.deleteFrom('membership').where('organisationId', '=', organisationId).where('userId', '=', userId).execute();
    if (roles.length > 0) {
      await db.insertInto('membership').values(roles.map((role) => ({ organisationId, userId, role }))).execute();
    }
  },
});
