import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import fastifyCompress from '@fastify/compress';
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
import { createDuplicatesService, createIntakeService, createPeopleProtection, duplicatesRoutes, intakeRoutes } from './modules/cases/index.js';
import {
  caseConsentsRoutes,
  caseDocumentsRoutes,
  caseMessagesRoutes,
  caseReferralsRoutes,
  createConsentsService,
  createDocumentsService,
  createErasureService,
  createMessagesService,
  createReferralsService,
  createSelfServiceService,
  erasureRequestsRoutes,
  myRequestsRoutes,
  openDocumentStorage,
  referralsRoutes,
} from './modules/cases/index.js';
import {
  caseNotesRoutes,
  caseOutcomesRoutes,
  casesRoutes,
  caseTasksRoutes,
  createCasesService,
  createNotesService,
  createOutcomesService,
  createPipelineService,
  createTasksService,
  createWorkloadService,
  deskWorkloadRoutes,
} from './modules/cases/index.js';
import {
  caseServiceReferralRecords,
  createCaseReferralsService,
  createDirectoryService,
  createHsdsApiService,
  createHsdsTransferService,
  createOpportunitiesService,
  createStaleNoticesService,
  directoryRoutes,
  hsdsRoutes,
  opportunitiesRoutes,
} from './modules/directory/index.js';
import { healthRoutes } from './modules/health/index.js';
import { createOrganisationsService, organisationsRoutes, partnershipsRoutes } from './modules/organisations/index.js';
import { referenceRoutes } from './modules/reference/index.js';
import {
  createCorridorAlerts,
  createPriceImportsService,
  createReferenceRatesService,
  createRemittancesService,
  createRemittancesStaffService,
  remittancesRoutes,
} from './modules/remittances/index.js';
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
import { publicConfigRoutes } from './platform/http/public-config.routes.js';
import { registerWebApp } from './platform/http/web.js';

/** `encryptionKey`: when the caller already loaded it (server.ts seeds the demo with it before building the app). */
export type AppDeps = { db?: Database; encryptionKey?: Buffer };

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
  // Answers of 1 KB or more compressed for clients that accept it (brotli, else gzip): lists, the
  // intake's options and exports cross slow mobile networks. The web build comes precompressed.
  await app.register(fastifyCompress, { threshold: 1024, encodings: ['br', 'gzip'], brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } } });

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
  const encryptionKey = deps.encryptionKey ?? (await loadFieldEncryptionKey(config, app.log));
  const cipher = createFieldCipher(encryptionKey);
  const lookupHasher = createLookupHasher(encryptionKey);
  const mfa = createMfaService({ db, audit, sessions, cipher });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log: app.log });
  app.addHook('onClose', async () => mailer.close());
  const auth = createAuthService({ db, sessions, audit, mfa, mfaRequiredForPlatformRoles: !config.seedDemo });
  const invitations = createInvitationsService({ db, access, audit, mailer, sessions, auth, publicUrl: config.publicUrl });

  // The whole API at a glance.
  await app.register(healthRoutes, { db });
  await app.register(publicConfigRoutes, { prefix: '/api/v1/config', config });
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
  await app.register(directoryRoutes, {
    prefix: '/api/v1/directory',
    directory: createDirectoryService({ db, access, audit }),
    transfer: createHsdsTransferService({ db, access, audit }),
    caseReferrals: createCaseReferralsService({ db, access, audit }),
  });
  await app.register(opportunitiesRoutes, { prefix: '/api/v1/directory/opportunities', opportunities: createOpportunitiesService({ db, access, audit }) });
  await app.register(hsdsRoutes, { prefix: '/api/hsds/v3', hsds: createHsdsApiService({ db }), publicUrl: config.publicUrl });
  // Stale directory entries e-mailed to their reviewers, every DIRECTORY_STALE_NOTICE_EVERY_MINUTES (0: off); `glocal directory notify-stale` runs one round.
  if (config.directoryStaleNoticeEveryMinutes > 0) {
    const staleNotices = createStaleNoticesService({ db, access, audit, mailer, publicUrl: config.publicUrl });
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      timer = setInterval(() => {
        staleNotices.sendNotices().catch((error: unknown) => app.log.error({ err: error }, 'stale directory notices failed'));
      }, config.directoryStaleNoticeEveryMinutes * 60_000);
      timer.unref();
    });
    app.addHook('onClose', async () => clearInterval(timer));
  }
  const people = createPeopleProtection({ cipher, lookupHasher });
  await app.register(intakeRoutes, {
    prefix: '/api/v1/intake',
    intake: createIntakeService({ db, mailer, people, publicUrl: config.publicUrl, rateLimitPerHour: config.intakeRateLimitPerHour }),
  });
  await app.register(duplicatesRoutes, { prefix: '/api/v1/people/duplicates', duplicates: createDuplicatesService({ db, access, audit, people }) });
  // Case work: coaches' and managers' lists, the case page, the pipeline.
  await app.register(casesRoutes, {
    prefix: '/api/v1/cases',
    cases: createCasesService({ db, access, audit, people }),
    pipeline: createPipelineService({ db, access, audit }),
  });
  const caseTasks = createTasksService({ db, access, audit, mailer, publicUrl: config.publicUrl });
  await app.register(caseTasksRoutes, { prefix: '/api/v1/cases', tasks: caseTasks });
  await app.register(caseNotesRoutes, { prefix: '/api/v1/cases', notes: createNotesService({ db, access, audit, cipher }) });
  await app.register(caseOutcomesRoutes, { prefix: '/api/v1/cases', outcomes: createOutcomesService({ db, access, audit }) });
  await app.register(deskWorkloadRoutes, { prefix: '/api/v1/cases', workload: createWorkloadService({ db, access }) });
  // Task reminders by e-mail, every CASE_REMINDERS_EVERY_MINUTES (0: off, as in tests); `glocal cases remind` runs one round.
  if (config.caseRemindersEveryMinutes > 0) {
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      timer = setInterval(() => {
        caseTasks.sendReminders().catch((error: unknown) => app.log.error({ err: error }, 'task reminders failed'));
      }, config.caseRemindersEveryMinutes * 60_000);
      timer.unref();
    });
    app.addHook('onClose', async () => clearInterval(timer));
  }
  // Case collaboration: consent and referral between desks.
  const consents = createConsentsService({ db, access, audit });
  const referrals = createReferralsService({ db, access, audit });
  await app.register(caseConsentsRoutes, { prefix: '/api/v1/cases', consents });
  await app.register(caseReferralsRoutes, { prefix: '/api/v1/cases', referrals });
  await app.register(referralsRoutes, { prefix: '/api/v1/referrals', referrals });
  // Case documents: on disk under DATA_DIR/documents, served only through the permission check.
  const documentStorage = await openDocumentStorage(config.dataDir);
  app.addHook('onClose', async () => documentStorage.close());
  const documents = createDocumentsService({ db, access, audit, storage: documentStorage, maxBytes: config.documentMaxBytes });
  await app.register(caseDocumentsRoutes, { prefix: '/api/v1/cases', documents, maxBytes: config.documentMaxBytes });
  const messages = createMessagesService({ db, access, audit, cipher, mailer, publicUrl: config.publicUrl });
  await app.register(caseMessagesRoutes, { prefix: '/api/v1/cases', messages });
  // The person's self-service, and the DPO's erasure decisions.
  await app.register(myRequestsRoutes, {
    prefix: '/api/v1/me/requests',
    selfService: createSelfServiceService({ db, audit, cipher, lookupHasher, documents, messages, serviceReferrals: caseServiceReferralRecords }),
    maxBytes: config.documentMaxBytes,
  });
  await app.register(erasureRequestsRoutes, { prefix: '/api/v1/erasure-requests', erasure: createErasureService({ db, access, audit, storage: documentStorage, serviceReferrals: caseServiceReferralRecords }) });
  const remittances = createRemittancesService({ db });
  const remittanceAlerts = createCorridorAlerts({ db, remittances, mailer, publicUrl: config.publicUrl, audit });
  // Followed corridors re-checked every REMITTANCE_ALERTS_EVERY_MINUTES (0: off): a cheapest price past 180 days drops with no import to say so.
  // `glocal remittances recheck-alerts` runs one round.
  if (config.remittanceAlertsEveryMinutes > 0) {
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      timer = setInterval(() => {
        remittanceAlerts.recheckFollowed().catch((error: unknown) => app.log.error({ err: error }, 'remittance alerts re-check failed'));
      }, config.remittanceAlertsEveryMinutes * 60_000);
      timer.unref();
    });
    app.addHook('onClose', async () => clearInterval(timer));
  }
  // After a price change has committed: an alert that fails is logged, the change stands.
  const onPricesChanged = (corridors: string[]) =>
    remittanceAlerts.pricesChanged(corridors).catch((error: unknown) => app.log.error({ err: error, corridors }, 'remittance alerts failed'));
  await app.register(remittancesRoutes, {
    prefix: '/api/v1/remittances',
    remittances,
    imports: createPriceImportsService({ db, audit, access, onPricesChanged }),
    rates: createReferenceRatesService({ db, audit, access }),
    staff: createRemittancesStaffService({ db, access, audit, remittances, onPricesChanged }),
    alerts: remittanceAlerts,
  });

  const webServed = await registerWebApp(app, config.webDistDir);
  const intakeServed = webServed && fs.existsSync(`${config.webDistDir}/intake.html`);
  app.setNotFoundHandler((request, reply) => {
    // A missing asset (an old hashed bundle after a deploy) must be a 404, not the app shell.
    const path = request.url.split('?')[0]!;
    const isPage = request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/assets/') && !/\.\w+$/.test(path);
    // The public intake page is a light build of its own (apps/web/intake.html), for phones on slow networks.
    if (isPage && intakeServed && path.replace(/\/+$/, '') === '/intake') {
      return reply.type('text/html').sendFile('intake.html');
    }
    if (isPage && webServed) return reply.type('text/html').sendFile('index.html');
    return sendProblem(request, reply, config.publicUrl, { status: 404, code: 'route_not_found' });
  });

  return app;
}
