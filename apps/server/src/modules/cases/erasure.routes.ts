import { ErasureDecisionBody, ErasureRequestList, ErasureRequestListQuery, ErasureRequestParams, ErasureRequestView } from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import type { ErasureService } from './erasure.service.js';

/** Under `/api/v1/erasure-requests`: the data protection officer's decisions. */
export const erasureRequestsRoutes: FastifyPluginAsyncZod<{ erasure: ErasureService }> = async (app, { erasure }) => {
  const tags = ['erasure'];
  app.get(
    '/',
    { config: { permission: 'erasure:decide' }, schema: { tags, summary: 'Erasure requests', querystring: ErasureRequestListQuery, response: { 200: ErasureRequestList } } },
    (request) => erasure.list(request.actor, request.query.status, clientOf(request)),
  );
  app.post(
    '/:id/decision',
    {
      config: { permission: 'erasure:decide' },
      schema: {
        tags,
        summary: 'Erase (keeping what the law requires, with the reason) or refuse with a reason',
        params: ErasureRequestParams,
        body: ErasureDecisionBody,
        response: { 200: ErasureRequestView },
      },
    },
    (request) => erasure.decide(request.actor, request.params.id, request.body, clientOf(request)),
  );
};
