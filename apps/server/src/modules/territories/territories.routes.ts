import {
  IdParams,
  TerritoryDetailView,
  TerritoryList,
  TerritoryListQuery,
  TerritoryQuery,
  TerritoryStatisticImportView,
  TerritoryStatisticList,
} from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import { requestLocale } from '../../platform/i18n/locale.js';
import type { TerritoriesService } from './territories.service.js';
import type { TerritoryStatisticsService } from './territory-statistics.js';

export const territoriesRoutes: FastifyPluginAsyncZod<{
  territories: TerritoriesService;
  statistics: TerritoryStatisticsService;
}> = async (app, { territories, statistics }) => {
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.get(
    '/',
    {
      schema: {
        tags: ['territories'],
        summary: 'List territories (countries, regions, departments, communes)',
        querystring: TerritoryListQuery,
        response: { 200: TerritoryList },
      },
    },
    (request) => territories.list(request.query, requestLocale(request, request.query.locale)),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: ['territories'],
        summary: 'A territory with its ancestors and children',
        params: IdParams,
        querystring: TerritoryQuery,
        response: { 200: TerritoryDetailView },
      },
    },
    (request) => territories.get(request.params.id, requestLocale(request, request.query.locale)),
  );

  app.get(
    '/:id/statistics',
    {
      config: { permission: 'territory_statistics:read' },
      schema: {
        tags: ['territories'],
        summary: 'Population and migration figures of a territory, by year',
        params: IdParams,
        response: { 200: TerritoryStatisticList },
      },
    },
    (request) => statistics.list(request.actor, request.params.id),
  );

  app.post(
    '/statistics/import',
    {
      config: { permission: 'territory_statistics:import' },
      schema: {
        tags: ['territories'],
        summary: 'Import statistics from CSV (text/csv): territory_code,year,population_total,population_female,population_male,foreign_born,emigrants_abroad,source',
        consumes: ['text/csv'],
        body: z.string().min(1),
        response: { 200: TerritoryStatisticImportView },
      },
    },
    (request) => statistics.importCsv(request.actor, request.body, clientOf(request)),
  );
};
