import { CaseDeskQuery, DeskWorkloadView } from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { WorkloadService } from './workload.service.js';

/** `/api/v1/cases/workload`: the desk's load, for its managers. */
export const deskWorkloadRoutes: FastifyPluginAsyncZod<{ workload: WorkloadService }> = async (app, { workload }) => {
  app.get(
    '/workload',
    {
      config: { permission: 'desk_workload:read' },
      schema: { tags: ['cases'], summary: "A desk's open cases per coach and stage, overdue tasks", querystring: CaseDeskQuery, response: { 200: DeskWorkloadView } },
    },
    (request) => workload.forDesk(request.actor, request.query.deskId),
  );
};
