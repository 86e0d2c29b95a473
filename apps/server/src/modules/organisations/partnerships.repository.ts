import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

export type PartnershipRow = {
  id: string;
  kind: string;
  name: string;
  description: string | null;
  startsOn: string | null;
  endsOn: string | null;
};

const columns = [
  'id', 'kind', 'name', 'description',
  sql<string | null>`to_char(starts_on, 'YYYY-MM-DD')`.as('startsOn'),
  sql<string | null>`to_char(ends_on, 'YYYY-MM-DD')`.as('endsOn'),
] as const;

export const partnershipsRepository = (db: Executor) => ({
  list: (after: [string, string] | undefined, limit: number, organisationId?: string): Promise<PartnershipRow[]> => {
    let select = db.selectFrom('partnership').select(columns);
    if (organisationId) {
      select = select.where('id', 'in', db.selectFrom('partnershipMember').select('partnershipId').where('organisationId', '=', organisationId));
    }
    if (after) select = select.where(sql<boolean>`(lower(name), id) > (${after[0]}, ${after[1]}::uuid)`);
    return select.orderBy(sql`lower(name)`).orderBy('id').limit(limit).execute();
  },

  findById: (id: string): Promise<PartnershipRow | undefined> =>
    db.selectFrom('partnership').select(columns).where('id', '=', id).executeTakeFirst(),

  /** Partners with a display name: the organisation's, or the territory's in the reader's language. */
  partners: (partnershipIds: string[], locale: string) =>
    partnershipIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('partnershipMember as m')
          .leftJoin('organisation as o', 'o.id', 'm.organisationId')
          .leftJoin('territoryName as tn', (join) => join.onRef('tn.territoryId', '=', 'm.territoryId').on('tn.locale', '=', locale))
          .leftJoin('territoryName as en', (join) => join.onRef('en.territoryId', '=', 'm.territoryId').on('en.locale', '=', 'en'))
          .select(['m.partnershipId', 'm.organisationId', 'm.territoryId', 'm.role', sql<string>`coalesce(o.name, tn.name, en.name, '')`.as('name')])
          .where('m.partnershipId', 'in', partnershipIds)
          .orderBy('m.role')
          .execute(),

  insert: (row: Omit<PartnershipRow, 'id'>) =>
    db.insertInto('partnership').values(row).returning(columns).executeTakeFirstOrThrow(),

  addPartners: (partnershipId: string, partners: { organisationId?: string | undefined; territoryId?: string | undefined; role: string }[]) =>
    db
      .insertInto('partnershipMember')
      .values(partners.map((p) => ({ partnershipId, organisationId: p.organisationId ?? null, territoryId: p.territoryId ?? null, role: p.role })))
      .execute(),

  findByName: (name: string) =>
    db.selectFrom('partnership').select('id').where(sql<boolean>`lower(name) = lower(${name})`).executeTakeFirst(),
});
