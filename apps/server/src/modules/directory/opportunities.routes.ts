import { EntryIdParams, LocaleQuery, OpportunityCreateBody, OpportunityDetailView, OpportunityList, OpportunityQuery, OpportunityUpdateBody } from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import { requestLocale } from '../../platform/i18n/locale.js';
import type { OpportunitiesService } from './opportunities.service.js';

/** The economic opportunities of the territories: searched by everyone; created, changed and deleted under directory:edit. */
export const opportunitiesRoutes: FastifyPluginAsyncZod<{ opportunities: OpportunitiesService }> = async (app, { opportunities }) => {
  const tags = ['directory'];
  app.get(
    '/',
    { schema: { tags, summary: 'Economic opportunities of a territory (ISIC Rev.4 sectors)', querystring: OpportunityQuery, response: { 200: OpportunityList } } },
    (request) => opportunities.list(request.actor, request.query, requestLocale(request, request.query.locale)),
  );
  app.get(
    '/:id',
    { schema: { tags, summary: 'One economic opportunity, with its texts in every language it has', params: EntryIdParams, querystring: LocaleQuery, response: { 200: OpportunityDetailView } } },
    (request) => opportunities.get(request.actor, request.params.id, requestLocale(request, request.query.locale)),
  );
  app.post(
    '/',
    { config: { permission: 'directory:edit' }, schema: { tags, summary: 'Add an economic opportunity to a territory', body: OpportunityCreateBody, response: { 201: OpportunityDetailView } } },
    async (request, reply) => reply.status(201).send(await opportunities.create(request.actor, request.body, clientOf(request))),
  );
  app.patch(
    '/:id',
    { config: { permission: 'directory:edit' }, schema: { tags, summary: 'Change an economic opportunity (title and description in one language, translations, sector, territory, contact)', params: EntryIdParams, body: OpportunityUpdateBody, response: { 200: OpportunityDetailView } } },
    (request) => opportunities.update(request.actor, request.params.id, request.body, clientOf(request)),
  );
  app.delete(
    '/:id',
    { config: { permission: 'directory:edit' }, schema: { tags, summary: 'Delete an economic opportunity (the audit trail keeps what it held)', params: EntryIdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await opportunities.remove(request.actor, request.params.id, clientOf(request));
      return reply.status(204).send(null);
    },
  );
};
