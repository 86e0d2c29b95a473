import { IdParams, TerritoryDetailView, TerritoryList, TerritoryListQuery, TerritoryQuery } from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestLocale } from '../../platform/i18n/locale.js';
import type { TerritoriesService } from './territories.service.js';

export const territoriesRoutes: FastifyPluginAsyncZod<{ territories: TerritoriesService }> = async (
  app,
  { territories },
) => {
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
};
