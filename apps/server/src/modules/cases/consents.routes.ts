import { CaseConsentParams, CaseIdParams, ConsentCreateBody, ConsentList, ConsentView, ReceiptQuery } from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import type { ConsentsService } from './consents.service.js';

/** Under `/api/v1/cases`: the person's consents to referral, recorded by the lead desk. */
export const caseConsentsRoutes: FastifyPluginAsyncZod<{ consents: ConsentsService }> = async (app, { consents }) => {
  const tags = ['consents'];
  app.get(
    '/:caseId/consents',
    { config: { permission: 'cases:read' }, schema: { tags, summary: "The case's consents (processing and referrals)", params: CaseIdParams, response: { 200: ConsentList } } },
    (request) => consents.list(request.actor, request.params.caseId, clientOf(request)),
  );
  app.post(
    '/:caseId/consents',
    {
      config: { permission: 'cases:refer' },
      schema: { tags, summary: "Record the person's consent to a referral", params: CaseIdParams, body: ConsentCreateBody, response: { 201: ConsentView } },
    },
    async (request, reply) => reply.status(201).send(await consents.record(request.actor, request.params.caseId, request.body, clientOf(request))),
  );
  app.post(
    '/:caseId/consents/:consentId/withdraw',
    {
      config: { permission: 'cases:update' },
      schema: { tags, summary: 'Withdraw a consent on the person’s word: the partner desk loses access at once', params: CaseConsentParams, response: { 200: ConsentView } },
    },
    (request) => consents.withdraw(request.actor, request.params.caseId, request.params.consentId, clientOf(request)),
  );
  app.get(
    '/:caseId/consents/:consentId/receipt',
    {
      config: { permission: 'cases:read' },
      schema: { tags, summary: 'A printable consent receipt (HTML) in the person’s language', params: CaseConsentParams, querystring: ReceiptQuery, response: { 200: z.string() } },
    },
    async (request, reply) => {
      const html = await consents.receipt(request.actor, request.params.caseId, request.params.consentId, request.query.locale, clientOf(request));
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    },
  );
};
