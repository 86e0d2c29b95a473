import { AuditEventList, AuditEventQuery, AuditVerificationView } from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import type { AuditService } from './audit.service.js';

export const auditRoutes: FastifyPluginAsyncZod<{ auditService: AuditService }> = async (app, { auditService }) => {
  const tags = ['audit'];
  const config = { permission: 'audit:read' as const };
  app.get(
    '/',
    { config, schema: { tags, summary: 'Search the audit trail (newest first)', querystring: AuditEventQuery, response: { 200: AuditEventList } } },
    (request) => auditService.list(request.actor, request.query, clientOf(request)),
  );
  app.get(
    '/export.csv',
    { config, schema: { tags, summary: 'The matching audit entries as CSV', querystring: AuditEventQuery, produces: ['text/csv'], response: { 200: z.string() } } },
    async (request, reply) => {
      const csv = await auditService.exportCsv(request.actor, request.query, clientOf(request));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="glocal-audit-${new Date().toISOString().slice(0, 10)}.csv"`)
        .send(csv);
    },
  );
  app.get(
    '/verification',
    { config, schema: { tags, summary: 'Recompute the hash chain', response: { 200: AuditVerificationView } } },
    (request) => auditService.verify(request.actor, clientOf(request)),
  );
};
