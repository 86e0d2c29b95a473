import {
  BusinessProjectUpdateBody,
  BusinessProjectView,
  CaseAssignBody,
  CaseBoardQuery,
  CaseBoardView,
  CaseCloseBody,
  CaseCreateBody,
  CaseDetailView,
  CaseList,
  CaseListQuery,
  CaseParams,
  CaseUpdateBody,
  StageMoveBody,
} from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import type { CasesService } from './cases.service.js';
import type { PipelineService } from './pipeline.service.js';

/** `/api/v1/cases`: lists, the board, one case, and the commands coaches and managers give it. */
export const casesRoutes: FastifyPluginAsyncZod<{ cases: CasesService; pipeline: PipelineService }> = async (app, { cases, pipeline }) => {
  const tags = ['cases'];
  app.get(
    '/',
    {
      config: { permission: 'cases:read' },
      schema: { tags, summary: "Cases of my desks (or assigned to me), open and newest activity first by default", querystring: CaseListQuery, response: { 200: CaseList } },
    },
    (request) => cases.list(request.actor, request.query, clientOf(request)),
  );
  app.get(
    '/board',
    { config: { permission: 'cases:read' }, schema: { tags, summary: 'Open business projects by stage', querystring: CaseBoardQuery, response: { 200: CaseBoardView } } },
    (request) => cases.board(request.actor, request.query, clientOf(request)),
  );
  app.post(
    '/',
    { config: { permission: 'cases:create' }, schema: { tags, summary: 'Open a case for a person met at the desk', body: CaseCreateBody, response: { 201: CaseDetailView } } },
    async (request, reply) => reply.status(201).send(await cases.create(request.actor, request.body, clientOf(request))),
  );
  app.get(
    '/:caseId',
    { config: { permission: 'cases:read' }, schema: { tags, summary: 'One case: person, request, project, history, outcome (read audited)', params: CaseParams, response: { 200: CaseDetailView } } },
    (request) => cases.get(request.actor, request.params.caseId, clientOf(request)),
  );
  app.patch(
    '/:caseId',
    { config: { permission: 'cases:update' }, schema: { tags, summary: "Change a case's status, priority or tags", params: CaseParams, body: CaseUpdateBody, response: { 200: CaseDetailView } } },
    (request) => cases.update(request.actor, request.params.caseId, request.body, clientOf(request)),
  );
  app.post(
    '/:caseId/assign',
    { config: { permission: 'cases:assign' }, schema: { tags, summary: 'Assign or reassign the case to a coach of its desk', params: CaseParams, body: CaseAssignBody, response: { 200: CaseDetailView } } },
    (request) => cases.assign(request.actor, request.params.caseId, request.body, clientOf(request)),
  );
  app.post(
    '/:caseId/close',
    { config: { permission: 'cases:close' }, schema: { tags, summary: 'Close the case with its outcome', params: CaseParams, body: CaseCloseBody, response: { 200: CaseDetailView } } },
    (request) => cases.close(request.actor, request.params.caseId, request.body, clientOf(request)),
  );
  app.patch(
    '/:caseId/business-project',
    {
      config: { permission: 'cases:update' },
      schema: { tags, summary: "Set the business project's fields and tick its checklist", params: CaseParams, body: BusinessProjectUpdateBody, response: { 200: BusinessProjectView } },
    },
    (request) => pipeline.updateProject(request.actor, request.params.caseId, request.body, clientOf(request)),
  );
  app.post(
    '/:caseId/stage',
    {
      config: { permission: 'cases:update' },
      schema: { tags, summary: 'Move the business project one stage forward, or back with a reason', params: CaseParams, body: StageMoveBody, response: { 200: BusinessProjectView } },
    },
    (request) => pipeline.moveStage(request.actor, request.params.caseId, request.body, clientOf(request)),
  );
};
