import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

export type IntakeDesk = { id: string; name: string; territoryIds: string[] };

/**
 * What intake reads of the network: the help desks (every help desk takes requests) and the
 * territories they are based in or serve, and the territory tree with names in one locale.
 * Read-only look-ups of reference data another module owns, kept to these few queries.
 */
export const intakeRepository = (db: Executor) => ({
  async desks(): Promise<IntakeDesk[]> {
    const { rows } = await sql<{ id: string; name: string; territoryIds: string[] }>`
      select o.id, o.name,
             array_remove(array[o.home_territory_id] || coalesce(array_agg(ot.territory_id) filter (where ot.territory_id is not null), '{}'), null) as territory_ids
        from organisation o
        left join organisation_territory ot on ot.organisation_id = o.id
       where o.type = 'help_desk'
       group by o.id
       order by o.name`.execute(db);
    return rows;
  },

  /**
   * The territories among `territoryIds` that exist, and the desk taking the request (the one
   * asked for, else the help desk whose territory is the nearest ancestor-or-self of
   * `residenceTerritoryId`): one round trip.
   */
  async territoriesAndDesk(territoryIds: readonly string[], deskId: string | undefined, residenceTerritoryId: string) {
    const known = territoryIds.length === 0 ? sql`'{}'::uuid[]` : sql`(select coalesce(array_agg(id), '{}') from territory where id in (${sql.join(territoryIds)}))`;
    const desk = deskId
      ? sql`select o.id, o.name from organisation o where o.type = 'help_desk' and o.id = ${deskId}`
      : sql`select d.id, d.name from desk_territory d join up on up.id = d.territory_id order by up.depth, d.name limit 1`;
    const { rows } = await sql<{ knownTerritoryIds: string[]; deskId: string | null; deskName: string | null }>`
      with recursive up(id, parent_id, depth) as (
        select id, parent_id, 0 from territory where id = ${residenceTerritoryId}
        union all
        select t.id, t.parent_id, up.depth + 1 from territory t join up on t.id = up.parent_id
      ),
      desk_territory as (
        select o.id, o.name, o.home_territory_id as territory_id from organisation o where o.type = 'help_desk'
        union
        select o.id, o.name, ot.territory_id from organisation o join organisation_territory ot on ot.organisation_id = o.id where o.type = 'help_desk'
      ),
      chosen as (${desk})
      select ${known} as known_territory_ids, chosen.id as desk_id, chosen.name as desk_name
        from (select 1) one left join chosen on true`.execute(db);
    const row = rows[0]!;
    return {
      known: new Set(row.knownTerritoryIds),
      desk: row.deskId ? ({ id: row.deskId, name: row.deskName!, territoryIds: [] } satisfies IntakeDesk) : undefined,
    };
  },

  async territories(locale: string) {
    const { rows } = await sql<{ id: string; parentId: string | null; code: string; level: string; name: string }>`
      select t.id, t.parent_id, t.code, t.level,
             coalesce(mine.name, en.name, (select name from territory_name n where n.territory_id = t.id order by n.locale limit 1), t.code) as name
        from territory t
        left join territory_name mine on mine.territory_id = t.id and mine.locale = ${locale}
        left join territory_name en on en.territory_id = t.id and en.locale = 'en'
       order by t.level = 'country' desc, name`.execute(db);
    return rows;
  },

});
