import { CaseParams, CaseTaskCreateBody, CaseTaskList, CaseTaskParams, CaseTaskUpdateBody, CaseTaskView, MyCaseTasksQuery } from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import type { TasksService } from './tasks.service.js';

/** Tasks on a case (`/api/v1/cases/:caseId/tasks`) and "my tasks" (`/api/v1/cases/tasks`). */
export const caseTasksRoutes: FastifyPluginAsyncZod<{ tasks: TasksService }> = async (app, { tasks }) => {
  const tags = ['cases'];
  app.get(
    '/tasks',
    { config: { permission: 'cases:read' }, schema: { tags, summary: 'My tasks, soonest due first', querystring: MyCaseTasksQuery, response: { 200: CaseTaskList } } },
    (request) => tasks.mine(request.actor, request.query),
  );
  app.get(
    '/:caseId/tasks',
    { config: { permission: 'cases:read' }, schema: { tags, summary: "A case's tasks", params: CaseParams, response: { 200: CaseTaskList } } },
    (request) => tasks.list(request.actor, request.params.caseId, clientOf(request)),
  );
  app.post(
    '/:caseId/tasks',
    { config: { permission: 'cases:update' }, schema: { tags, summary: 'Add a task with a due date', params: CaseParams, body: CaseTaskCreateBody, response: { 201: CaseTaskView } } },
    async (request, reply) => reply.status(201).send(await tasks.create(request.actor, request.params.caseId, request.body, clientOf(request))),
  );
  app.patch(
    '/:caseId/tasks/:taskId',
    { config: { permission: 'cases:update' }, schema: { tags, summary: 'Change a task, or mark it done', params: CaseTaskParams, body: CaseTaskUpdateBody, response: { 200: CaseTaskView } } },
    (request) => tasks.update(request.actor, request.params.caseId, request.params.taskId, request.body, clientOf(request)),
  );
};
