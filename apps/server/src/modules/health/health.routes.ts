import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pingDatabase, type Database } from '../../platform/db/database.js';
import { ServiceUnavailableError } from '../../platform/errors/app-error.js';

const HealthView = z.object({ status: z.literal('ok') });

/** Liveness says the process answers; readiness says it can serve (its database answers). */
export const healthRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/health',
    { logLevel: 'warn', schema: { tags: ['operations'], summary: 'Liveness', response: { 200: HealthView } } },
    () => ({ status: 'ok' as const }),
  );
  app.get(
    '/ready',
    { logLevel: 'warn', schema: { tags: ['operations'], summary: 'Readiness: the database answers', response: { 200: HealthView } } },
    async () => {
      if (!(await pingDatabase(db))) throw new ServiceUnavailableError({ dependency: 'database' });
      return { status: 'ok' as const };
    },
  );
};
