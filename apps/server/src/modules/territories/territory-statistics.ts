import { TerritoryStatisticCsvRow, type TerritoryStatisticView } from '@glocal/contracts';
import { sql } from 'kysely';
import type { Access } from '../../platform/access/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import { CsvSyntaxError, readCsv } from '../../platform/csv/read-csv.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { AppError, BadRequestError, NotFoundError } from '../../platform/errors/app-error.js';
import { territoriesRepository } from './territories.repository.js';

type Deps = {
  db: Database;
  access: Access;
  audit: AuditTrail;
  /** The territories an actor's organisations are based in or serve (from the organisations module). */
  territoriesOfActor: (actor: Actor) => Promise<string[]>;
};

const MAX_ROWS = 10_000;

/** Every territory in the subtrees rooted at `rootIds`. */
async function subtreeIds(db: Executor, rootIds: string[]): Promise<Set<string>> {
  if (rootIds.length === 0) return new Set();
  const { rows } = await sql<{ id: string }>`
    with recursive tree as (
      select id from territory where id = any(${rootIds}::uuid[])
      union
      select t.id from territory t join tree on t.parent_id = tree.id
    )
    select id from tree`.execute(db);
  return new Set(rows.map((row) => row.id));
}

export type TerritoryStatisticsService = ReturnType<typeof createTerritoryStatisticsService>;

/** Population and migration figures per territory and year: the denominators of later indicators. */
export function createTerritoryStatisticsService({ db, access, audit, territoriesOfActor }: Deps) {
  return {
    async list(actor: Actor | null, territoryId: string): Promise<{ items: TerritoryStatisticView[]; nextCursor: null }> {
      await access.require(actor, 'territory_statistics:read');
      if (!(await territoriesRepository(db).findById(territoryId))) throw new NotFoundError('territory.not_found', { id: territoryId });
      const items = await db
        .selectFrom('territoryStatistic')
        .selectAll()
        .where('territoryId', '=', territoryId)
        .orderBy('year', 'desc')
        .execute();
      return { items, nextCursor: null };
    },

    /**
     * Imports a CSV (header `territory_code,year,population_total,population_female,population_male,
     * foreign_born,emigrants_abroad,source`): all rows or none; a row for an existing year replaces it.
     */
    async importCsv(actor: Actor | null, csv: string, request: { ip?: string; id?: string }): Promise<{ imported: number }> {
      const importer = await access.require(actor, 'territory_statistics:import', undefined, { request });
      let records: Record<string, string>[];
      try {
        const [header = [], ...body] = readCsv(csv);
        records = body.map((cells) => Object.fromEntries(header.map((column, index) => [column.trim(), (cells[index] ?? '').trim()])));
      } catch (error) {
        if (!(error instanceof CsvSyntaxError)) throw error;
        throw new BadRequestError('territory.statistics_invalid', { reason: error.message });
      }
      if (records.length === 0 || records.length > MAX_ROWS) {
        throw new BadRequestError('territory.statistics_invalid', { reason: `between 1 and ${MAX_ROWS} rows expected` });
      }

      const errors: { pointer: string; code: string; params?: Record<string, unknown> }[] = [];
      const rows = records.flatMap((record, index) => {
        const parsed = TerritoryStatisticCsvRow.safeParse(record);
        if (parsed.success) return [{ line: index + 2, ...parsed.data }];
        // Pointers name the CSV line (header is line 1) and column, so a person can find the cell.
        for (const issue of parsed.error.issues) errors.push({ pointer: `/${index + 2}/${issue.path.join('/')}`, code: issue.code });
        return [];
      });

      const codes = [...new Set(rows.map((row) => row.territory_code))];
      const known = new Map(
        (await db.selectFrom('territory').select(['id', 'code']).where('code', 'in', codes.length ? codes : ['']).execute()).map((t) => [t.code, t.id]),
      );
      for (const row of rows) {
        if (!known.has(row.territory_code)) errors.push({ pointer: `/${row.line}/territory_code`, code: 'unknown_territory' });
      }
      if (errors.length > 0) {
        throw new BadRequestError('territory.statistics_invalid', { rowsWithErrors: errors.length }, errors.slice(0, 100));
      }

      const platformWide = importer.memberships.some((m) => m.organisationId === null);
      if (!platformWide) {
        const allowed = await subtreeIds(db, await territoriesOfActor(importer));
        const outside = rows.find((row) => !allowed.has(known.get(row.territory_code)!));
        if (outside) throw new AppError('territory.outside_actor_territories', 403, { line: outside.line, territoryCode: outside.territory_code });
      }

      return db.transaction().execute(async (trx) => {
        for (const row of rows) {
          await sql`
            insert into territory_statistic (territory_id, year, population_total, population_female, population_male, foreign_born, emigrants_abroad, source)
            values (${known.get(row.territory_code)}, ${row.year}, ${row.population_total}, ${row.population_female}, ${row.population_male},
                    ${row.foreign_born}, ${row.emigrants_abroad}, ${row.source})
            on conflict (territory_id, year) do update set
              population_total = excluded.population_total, population_female = excluded.population_female,
              population_male = excluded.population_male, foreign_born = excluded.foreign_born,
              emigrants_abroad = excluded.emigrants_abroad, source = excluded.source`.execute(trx);
        }
        await audit.record(trx, {
          actor: importer,
          action: 'territory_statistics.imported',
          details: { rows: rows.length, territories: codes },
          request,
        });
        return { imported: rows.length };
      });
    },
  };
}
