import { IdParams, PersonDuplicateList, PersonDuplicateListQuery, PersonDuplicateMergeBody, PersonDuplicateView } from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import type { DuplicatesService } from './duplicates.service.js';

/** Under `/api/v1/people/duplicates`: a desk's possible duplicates, to merge or dismiss. */
export const duplicatesRoutes: FastifyPluginAsyncZod<{ duplicates: DuplicatesService }> = async (app, { duplicates }) => {
  const tags = ['people'];
  const config = { permission: 'people:merge' as const };
  app.get(
    '/',
    { config, schema: { tags, summary: "Open possible duplicates among my desk's people", querystring: PersonDuplicateListQuery, response: { 200: PersonDuplicateList } } },
    (request) => duplicates.listOpen(request.actor, request.query, clientOf(request)),
  );
  app.post(
    '/:id/merge',
    {
      config,
      schema: { tags, summary: "Merge the pair: one person is kept, the other's cases move to them (both histories kept)", params: IdParams, body: PersonDuplicateMergeBody, response: { 200: PersonDuplicateView } },
    },
    (request) => duplicates.merge(request.actor, request.params.id, request.body.keepPersonId, clientOf(request)),
  );
  app.post(
    '/:id/dismiss',
    { config, schema: { tags, summary: 'Not the same person: close the pair', params: IdParams, response: { 200: PersonDuplicateView } } },
    (request) => duplicates.dismiss(request.actor, request.params.id, clientOf(request)),
  );
};
