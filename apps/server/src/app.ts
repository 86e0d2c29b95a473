import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { auditRoutes, createAuditService } from './modules/audit/index.js';
import {
  apiTokensRoutes,
  authRoutes,
  createApiTokensService,
  createAuthService,
  createInvitationsService,
  createMfaService,
  createPasswordResetService,
  createRegistrationService,
  invitationsRoutes,
  mfaRoutes,
  organisationInvitationsRoutes,
  passwordResetRoutes,
  registrationRoutes,
} from './modules/auth/index.js';
import { healthRoutes } from './modules/health/index.js';
import { createOrganisationsService, organisationsRoutes, partnershipsRoutes } from './modules/organisations/index.js';
import { referenceRoutes } from './modules/reference/index.js';
import { createTerritoriesService, createTerritoryStatisticsService, territoriesRoutes } from './modules/territories/index.js';
import { createAccess } from './platform/access/access.js';
import { createAuditTrail } from './platform/audit/audit-trail.js';
import authPlugin from './platform/auth/auth-plugin.js';
import { createFieldCipher, loadFieldEncryptionKey } from './platform/crypto/field-encryption.js';
import { createLookupHasher } from './platform/crypto/lookup-hash.js';
import { createSessionStore } from './platform/auth/sessions.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { createMailer } from './platform/mail/mailer.js';
import { registerErrorHandler, sendProblem } from './platform/errors/error-handler.js';
import { registerApiDocs } from './platform/http/openapi.js';
import { requestLogSerializer } from './platform/http/request-log.js';
import { registerWebApp } from './platform/http/web.js';

export type AppDeps = { db?: Database };

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: readonly string[];
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds the whole application without listening: used by server.ts, the CLI and every test. */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      serializers: { req: requestLogSerializer },
      ...(config.logPretty ? { transport: { target: 'pino-pretty' } } : {}),
    },
    bodyLimit: config.bodyLimitBytes,
    // Honour a sane incoming id so a request can be followed across proxies; else mint one.
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  // Every route, as "METHOD /url": what the route × role access test walks through.
  const registeredRoutes: string[] = [];
  app.decorate('registeredRoutes', registeredRoutes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') registeredRoutes.push(`${method} ${route.url}`);
  });

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
  const sessions = createSessionStore(db, { mfaRequiredForPlatformRoles: !config.seedDemo });
  const organisations = createOrganisationsService({ db, access, audit });
  const apiTokens = createApiTokensService({ db, access, audit, organisations });
  await app.register(authPlugin, { sessions, apiTokens, access, secureCookies: config.publicUrl.startsWith('https:') });
  // One key protects personal data at rest: sensitive fields encrypted, identifiers hashed for look-up.
  const encryptionKey = await loadFieldEncryptionKey(config, app.log);
  const cipher = createFieldCipher(encryptionKey);
  const lookupHasher = createLookupHasher(encryptionKey);
  const mfa = createMfaService({ db, audit, sessions, cipher });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log: app.log });
  app.addHook('onClose', async () => mailer.close());
  const auth = createAuthService({ db, sessions, audit, mfa, mfaRequiredForPlatformRoles: !config.seedDemo });
  const invitations = createInvitationsService({ db, access, audit, mailer, sessions, auth, publicUrl: config.publicUrl });

  // The whole API at a glance.
  await app.register(healthRoutes, { db });
  await app.register(authRoutes, { prefix: '/api/v1/auth', auth });
  await app.register(passwordResetRoutes, {
    prefix: '/api/v1/auth',
    passwordReset: createPasswordResetService({ db, sessions, audit, mailer, publicUrl: config.publicUrl }),
  });
  await app.register(registrationRoutes, {
    prefix: '/api/v1/auth',
    registration: createRegistrationService({ db, sessions, audit, mailer, auth, publicUrl: config.publicUrl }),
  });
  await app.register(mfaRoutes, { prefix: '/api/v1/auth/mfa', mfa });
  await app.register(referenceRoutes, { prefix: '/api/v1/reference' });
  await app.register(territoriesRoutes, {
    prefix: '/api/v1/territories',
    territories: createTerritoriesService({ db }),
    statistics: createTerritoryStatisticsService({ db, access, audit, territoriesOfActor: organisations.territoriesOfActor }),
  });
  await app.register(organisationsRoutes, { prefix: '/api/v1/organisations', organisations });
  await app.register(organisationInvitationsRoutes, { prefix: '/api/v1/organisations', invitations });
  await app.register(invitationsRoutes, { prefix: '/api/v1/invitations', invitations });
  await app.register(partnershipsRoutes, { prefix: '/api/v1/partnerships', organisations });
  await app.register(auditRoutes, { prefix: '/api/v1/audit-events', auditService: createAuditService({ db, access, audit }) });
  await app.register(apiTokensRoutes, { prefix: '/api/v1/api-tokens', apiTokens });

  const webServed = await registerWebApp(app, config.webDistDir);
  app.setNotFoundHandler((request, reply) => {
    // A missing asset (an old hashed bundle after a deploy) must be a 404, not the app shell.
    const path = request.url.split('?')[0]!;
    const isPage = request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/assets/') && !/\.\w+$/.test(path);
    if (isPage && webServed) return reply.type('text/html').sendFile('index.html');
    return sendProblem(request, reply, config.publicUrl, { status: 404, code: 'route_not_found' });
  });

  return app;
}
