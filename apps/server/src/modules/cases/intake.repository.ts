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

  async desk(id: string): Promise<IntakeDesk | undefined> {
    return (await this.desks()).find((desk) => desk.id === id);
  },

  /** The desk serving a territory: the one whose territory is the nearest ancestor-or-self of it. */
  async deskForTerritory(territoryId: string): Promise<IntakeDesk | undefined> {
    const { rows } = await sql<{ id: string; name: string }>`
      with recursive up(id, parent_id, depth) as (
        select id, parent_id, 0 from territory where id = ${territoryId}
        union all
        select t.id, t.parent_id, up.depth + 1 from territory t join up on t.id = up.parent_id
      ),
      desk_territory as (
        select o.id, o.name, o.home_territory_id as territory_id from organisation o where o.type = 'help_desk'
        union
        select o.id, o.name, ot.territory_id from organisation o join organisation_territory ot on ot.organisation_id = o.id where o.type = 'help_desk'
      )
      select d.id, d.name from desk_territory d join up on up.id = d.territory_id
       order by up.depth, d.name limit 1`.execute(db);
    const found = rows[0];
    return found ? { ...found, territoryIds: [] } : undefined;
  },

  async existingTerritories(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db.selectFrom('territory').select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((row) => row.id));
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
