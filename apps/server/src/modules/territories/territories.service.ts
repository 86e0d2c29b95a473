import type { Locale, TerritoryDetailView, TerritoryList, TerritoryListQuery } from '@glocal/contracts';
import type { Database } from '../../platform/db/database.js';
import { NotFoundError } from '../../platform/errors/app-error.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import { groupNames, toTerritoryView } from './territories.mapper.js';
import { territoriesRepository, type TerritoryRow } from './territories.repository.js';

export type TerritoriesService = ReturnType<typeof createTerritoriesService>;

/** Territories are public reference data: no access check, no audit (nothing personal here). */
export function createTerritoriesService({ db }: { db: Database }) {
  const repository = territoriesRepository(db);

  async function views(rows: TerritoryRow[], locale: Locale) {
    const names = groupNames(await repository.names(rows.map((row) => row.id)));
    return (row: TerritoryRow) => toTerritoryView(row, names.get(row.id) ?? {}, locale);
  }

  return {
    async list(query: TerritoryListQuery, locale: Locale): Promise<TerritoryList> {
      const afterCode = query.cursor
        ? String(decodeCursor(query.cursor, 1)[0])
        : undefined;
      const rows = await repository.list({ ...query, afterCode, limit: query.limit + 1 });
      const toView = await views(rows.slice(0, query.limit), locale);
      return toPage(rows, query.limit, (row) => [row.code], toView);
    },

    async get(id: string, locale: Locale): Promise<TerritoryDetailView> {
      const territory = await repository.findById(id);
      if (!territory) throw new NotFoundError('territory.not_found', { id });
      const [ancestors, children] = await Promise.all([repository.ancestors(id), repository.children(id)]);
      const toView = await views([territory, ...ancestors, ...children], locale);
      return { ...toView(territory), ancestors: ancestors.map(toView), children: children.map(toView) };
    },
  };
}
