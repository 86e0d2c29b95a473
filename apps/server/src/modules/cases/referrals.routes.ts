import {
  CaseDisclosureList,
  CaseIdParams,
  IncomingReferralList,
  ReferralCreateBody,
  ReferralDeclineBody,
  ReferralList,
  ReferralListQuery,
  ReferralParams,
  ReferralView,
} from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import type { ReferralsService } from './referrals.service.js';

/** Under `/api/v1/cases`: a case's referrals, and who reached it. */
export const caseReferralsRoutes: FastifyPluginAsyncZod<{ referrals: ReferralsService }> = async (app, { referrals }) => {
  const tags = ['referrals'];
  app.get(
    '/:caseId/referrals',
    { config: { permission: 'cases:read' }, schema: { tags, summary: "The case's referrals", params: CaseIdParams, response: { 200: ReferralList } } },
    (request) => referrals.listForCase(request.actor, request.params.caseId, clientOf(request)),
  );
  app.post(
    '/:caseId/referrals',
    {
      config: { permission: 'cases:refer' },
      schema: {
        tags,
        summary: 'Refer the case to a partner desk (needs a standing referral consent; 409 lists what is missing)',
        params: CaseIdParams,
        body: ReferralCreateBody,
        response: { 201: ReferralView },
      },
    },
    async (request, reply) => reply.status(201).send(await referrals.create(request.actor, request.params.caseId, request.body, clientOf(request))),
  );
  app.get(
    '/:caseId/referrals/disclosures',
    {
      config: { permission: 'cases:read' },
      schema: { tags, summary: 'Which desks reached the case, and what they did (from the audit trail)', params: CaseIdParams, response: { 200: CaseDisclosureList } },
    },
    (request) => referrals.disclosures(request.actor, request.params.caseId, clientOf(request)),
  );
};

/** Under `/api/v1/referrals`: the desk's incoming and outgoing referrals, and the answer to one. */
export const referralsRoutes: FastifyPluginAsyncZod<{ referrals: ReferralsService }> = async (app, { referrals }) => {
  const tags = ['referrals'];
  app.get(
    '/',
    { config: { permission: 'cases:read' }, schema: { tags, summary: "Referrals to (or from) the actor's desks", querystring: ReferralListQuery, response: { 200: IncomingReferralList } } },
    (request) => referrals.list(request.actor, request.query, clientOf(request)),
  );
  app.post(
    '/:id/accept',
    { config: { permission: 'referrals:decide' }, schema: { tags, summary: 'Accept: the receiving desk leads the case', params: ReferralParams, response: { 200: ReferralView } } },
    (request) => referrals.accept(request.actor, request.params.id, clientOf(request)),
  );
  app.post(
    '/:id/decline',
    {
      config: { permission: 'referrals:decide' },
      schema: { tags, summary: 'Decline with a reason: the share ends', params: ReferralParams, body: ReferralDeclineBody, response: { 200: ReferralView } },
    },
    (request) => referrals.decline(request.actor, request.params.id, request.body.reason, clientOf(request)),
  );
};
