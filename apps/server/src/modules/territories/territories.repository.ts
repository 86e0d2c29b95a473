import type { TerritoryLevel } from '@glocal/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

export type TerritoryRow = {
  id: string;
  parentId: string | null;
  level: TerritoryLevel;
  code: string;
  countryCode: string;
};

export type TerritoryFilter = {
  parentId?: string | undefined;
  level?: TerritoryLevel | undefined;
  countryCode?: string | undefined;
  afterCode?: string | undefined;
  limit: number;
};

const columns = ['id', 'parentId', 'level', 'code', 'countryCode'] as const;

export const territoriesRepository = (db: Executor) => ({
  /** Keyset page ordered by code: codes nest (SN, SN-DB, SN-DB-MBA) so the order follows the tree. */
  list: (filter: TerritoryFilter): Promise<TerritoryRow[]> => {
    let query = db.selectFrom('territory').select(columns).orderBy('code').limit(filter.limit);
    if (filter.parentId) query = query.where('parentId', '=', filter.parentId);
    if (filter.level) query = query.where('level', '=', filter.level);
    if (filter.countryCode) query = query.where('countryCode', '=', filter.countryCode);
    if (filter.afterCode) query = query.where('code', '>', filter.afterCode);
    return query.execute();
  },

  findById: (id: string): Promise<TerritoryRow | undefined> =>
    db.selectFrom('territory').select(columns).where('id', '=', id).executeTakeFirst(),

  findByIds: (ids: string[]): Promise<TerritoryRow[]> =>
    ids.length === 0 ? Promise.resolve([]) : db.selectFrom('territory').select(columns).where('id', 'in', ids).execute(),

  findByCode: (code: string): Promise<TerritoryRow | undefined> =>
    db.selectFrom('territory').select(columns).where('code', '=', code).executeTakeFirst(),

  children: (id: string): Promise<TerritoryRow[]> =>
    db.selectFrom('territory').select(columns).where('parentId', '=', id).orderBy('code').execute(),

  /** From the root country down to the territory's parent. */
  ancestors: async (id: string): Promise<TerritoryRow[]> => {
    const result = await sql<TerritoryRow & { depth: number }>`
      with recursive chain as (
        select t.id, t.parent_id, t.level, t.code, t.country_code, 0 as depth
          from territory t where t.id = (select parent_id from territory where id = ${id})
        union all
        select t.id, t.parent_id, t.level, t.code, t.country_code, chain.depth + 1
          from territory t join chain on t.id = chain.parent_id
      )
      select id, parent_id, level, code, country_code, depth from chain order by depth desc`.execute(db);
    return result.rows.map(({ depth: _depth, ...row }) => row);
  },

  names: (ids: string[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('territoryName')
          .select(['territoryId', 'locale', 'name'])
          .where('territoryId', 'in', ids)
          .execute(),

  /** Insert or update by code; returns the id. Used by the demo seed and, later, imports. */
  upsert: async (row: Omit<TerritoryRow, 'id'>): Promise<string> => {
    const { id } = await db
      .insertInto('territory')
      .values(row)
      .onConflict((conflict) =>
        conflict.column('code').doUpdateSet({
          parentId: row.parentId,
          level: row.level,
          countryCode: row.countryCode,
          updatedAt: new Date(),
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  },

  setNames: async (territoryId: string, names: Record<string, string>) => {
    const rows = Object.entries(names).map(([locale, name]) => ({ territoryId, locale, name }));
    if (rows.length === 0) return;
    await db
      .insertInto('territoryName')
      .values(rows)
      .onConflict((conflict) =>
        conflict.columns(['territoryId', 'locale']).doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })),
      )
      .execute();
  },
});
