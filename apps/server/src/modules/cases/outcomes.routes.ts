import { CaseDeskQuery, CaseFinancingCreateBody, CaseFinancingView, CaseOutcomeBody, CaseParams, OutcomeSummaryView, OutcomeView } from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import type { OutcomesService } from './outcomes.service.js';

/** Outcomes of a case, and a desk's outcome counts (`/api/v1/cases/outcomes/summary`). */
export const caseOutcomesRoutes: FastifyPluginAsyncZod<{ outcomes: OutcomesService }> = async (app, { outcomes }) => {
  const tags = ['cases'];
  app.get(
    '/outcomes/summary',
    {
      config: { permission: 'cases:read' },
      schema: { tags, summary: "A desk's outcome counts: businesses, jobs by sex, financing per currency, closed cases per outcome", querystring: CaseDeskQuery, response: { 200: OutcomeSummaryView } },
    },
    (request) => outcomes.summary(request.actor, request.query.deskId),
  );
  app.put(
    '/:caseId/outcome',
    { config: { permission: 'cases:update' }, schema: { tags, summary: 'Record the business created: date, legal form, jobs by sex', params: CaseParams, body: CaseOutcomeBody, response: { 200: OutcomeView } } },
    (request) => outcomes.record(request.actor, request.params.caseId, request.body, clientOf(request)),
  );
  app.post(
    '/:caseId/financing',
    { config: { permission: 'cases:update' }, schema: { tags, summary: 'Record financing obtained (exact amount and currency, source)', params: CaseParams, body: CaseFinancingCreateBody, response: { 201: CaseFinancingView } } },
    async (request, reply) => reply.status(201).send(await outcomes.addFinancing(request.actor, request.params.caseId, request.body, clientOf(request))),
  );
};
