import { ApiTokenCreateBody, ApiTokenCreatedView, ApiTokenList, ApiTokenListQuery, ApiTokenView, IdParams } from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import type { ApiTokensService } from './api-tokens.service.js';

export const apiTokensRoutes: FastifyPluginAsyncZod<{ apiTokens: ApiTokensService }> = async (app, { apiTokens }) => {
  const tags = ['api-tokens'];
  const config = { permission: 'api_tokens:manage' as const };
  app.post(
    '/',
    {
      config,
      schema: {
        tags,
        summary: 'Create an API token for an integration; the token is shown in this answer only',
        body: ApiTokenCreateBody,
        response: { 201: ApiTokenCreatedView },
      },
    },
    async (request, reply) => reply.status(201).send(await apiTokens.create(request.actor, request.body, clientOf(request))),
  );
  app.get(
    '/',
    { config, schema: { tags, summary: "An organisation's API tokens, newest first (never their secrets)", querystring: ApiTokenListQuery, response: { 200: ApiTokenList } } },
    (request) => apiTokens.list(request.actor, request.query),
  );
  app.post(
    '/:id/revoke',
    { config, schema: { tags, summary: 'Revoke an API token at once', params: IdParams, response: { 200: ApiTokenView } } },
    (request) => apiTokens.revoke(request.actor, request.params.id, clientOf(request)),
  );
};
