import { PublicConfigView } from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';

/** The settings the web app reads at run time rather than at build time (one build, many deployments). */
export const publicConfigRoutes: FastifyPluginAsyncZod<{ config: Pick<Config, 'mapTileUrl' | 'mapTileAttribution'> }> = async (app, { config }) => {
  const view: PublicConfigView = { mapTileUrl: config.mapTileUrl, mapTileAttribution: config.mapTileUrl ? config.mapTileAttribution : null };
  app.get(
    '/',
    { schema: { tags: ['operations'], summary: 'Public settings of this deployment, for the web app (the map tile server)', response: { 200: PublicConfigView } } },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(view),
  );
};
