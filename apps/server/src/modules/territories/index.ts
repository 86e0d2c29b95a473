import type { Locale } from '@glocal/contracts';
import type { Executor } from '../../platform/db/database.js';
import { pickName } from '../../platform/i18n/locale.js';
import { groupNames } from './territories.mapper.js';
import { territoriesRepository } from './territories.repository.js';
export { territoriesRoutes } from './territories.routes.js';
export { createTerritoriesService, type TerritoriesService } from './territories.service.js';
export { seedDemoTerritories } from './territories.demo.js';
export { territoryIdsByCode } from './territories.demo.js';
export { createTerritoryStatisticsService, type TerritoryStatisticsService } from './territory-statistics.js';

/** For other modules: the code and name (in the reader's language, else English, else the code) of each territory, by id. */
export async function territoryLabels(db: Executor, ids: string[], locale: Locale): Promise<Map<string, { code: string; name: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const repository = territoriesRepository(db);
  const rows = await repository.findByIds(unique);
  const names = groupNames(await repository.names(unique));
  return new Map(rows.map((row) => [row.id, { code: row.code, name: pickName(names.get(row.id) ?? {}, locale)?.name ?? row.code }]));
}
