import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { ErrorCode } from '@glocal/contracts';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFoundError } from '../errors/app-error.js';
import { PROBLEM_TITLES } from '../errors/problem-catalogue.js';

/** OpenAPI 3.1 generated from the route schemas, a docs page, and a page per problem type. */
export async function registerApiDocs(app: FastifyInstance<any, any, any, any, ZodTypeProvider>, publicUrl: string) {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Glocal API',
        version: '1',
        description:
          'Migration and local development: desks and cases, services, remittance costs, skills, projects, forums and indicators. ' +
          'Errors are RFC 9457 problem details (application/problem+json); lists answer { items, nextCursor }.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: publicUrl }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  app.get(
    '/api/problems/:code',
    {
      schema: {
        tags: ['operations'],
        summary: 'What a problem code means (the target of every problem `type` URI)',
        params: z.object({ code: z.string() }),
        response: { 200: z.object({ code: ErrorCode, title: z.string() }) },
      },
    },
    (request) => {
      const code = ErrorCode.safeParse(request.params.code);
      if (!code.success) throw new NotFoundError('not_found', { code: request.params.code });
      return { code: code.data, title: PROBLEM_TITLES[code.data] };
    },
  );
}
