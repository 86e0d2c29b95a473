import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { auditRoutes, createAuditService } from './modules/audit/index.js';
import { authRoutes, createAuthService } from './modules/auth/index.js';
import { healthRoutes } from './modules/health/index.js';
import { createOrganisationsService, organisationsRoutes, partnershipsRoutes } from './modules/organisations/index.js';
import { referenceRoutes } from './modules/reference/index.js';
import { createTerritoriesService, territoriesRoutes } from './modules/territories/index.js';
import { createAccess } from './platform/access/access.js';
import { createAuditTrail } from './platform/audit/audit-trail.js';
import authPlugin from './platform/auth/auth-plugin.js';
import { createSessionStore } from './platform/auth/sessions.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { registerErrorHandler, sendProblem } from './platform/errors/error-handler.js';
import { registerApiDocs } from './platform/http/openapi.js';
import { registerWebApp } from './platform/http/web.js';

export type AppDeps = { db?: Database };

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds the whole application without listening: used by server.ts, the CLI and every test. */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      ...(config.logPretty ? { transport: { target: 'pino-pretty' } } : {}),
    },
    bodyLimit: config.bodyLimitBytes,
    // Honour a sane incoming id so a request can be followed across proxies; else mint one.
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    requestIdLogLabel: 'requestId',
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerErrorHandler(app, config.publicUrl);

  const db = deps.db ?? (await openDatabase(config.database, app.log));
  app.addHook('onClose', async () => db.destroy());

  await registerApiDocs(app, config.publicUrl);

  const audit = createAuditTrail();
  const access = createAccess({ db, audit });
  const sessions = createSessionStore(db);
  await app.register(authPlugin, { sessions, access, secureCookies: config.publicUrl.startsWith('https:') });
  const organisations = createOrganisationsService({ db, access, audit });

  // The whole API at a glance.
  await app.register(healthRoutes, { db });
  await app.register(authRoutes, { prefix: '/api/v1/auth', auth: createAuthService({ db, sessions, audit }) });
  await app.register(referenceRoutes, { prefix: '/api/v1/reference' });
  await app.register(territoriesRoutes, { prefix: '/api/v1/territories', territories: createTerritoriesService({ db }) });
  await app.register(organisationsRoutes, { prefix: '/api/v1/organisations', organisations });
  await app.register(partnershipsRoutes, { prefix: '/api/v1/partnerships', organisations });
  await app.register(auditRoutes, { prefix: '/api/v1/audit-events', auditService: createAuditService({ db, access, audit }) });

  const webServed = await registerWebApp(app, config.webDistDir);
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/');
    if (isPage && webServed) return reply.type('text/html').sendFile('index.html');
    return sendProblem(request, reply, config.publicUrl, { status: 404, code: 'route_not_found' });
  });

  return app;
}
