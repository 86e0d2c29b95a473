import { IntakeBody, IntakeOptionsQuery, IntakeOptionsView, IntakeReceiptView } from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import { requestLocale } from '../../platform/i18n/locale.js';
import type { IntakeService } from './intake.service.js';

/** Under `/api/v1/intake`: public, no account. */
export const intakeRoutes: FastifyPluginAsyncZod<{ intake: IntakeService }> = async (app, { intake }) => {
  const tags = ['intake'];
  app.get(
    '/options',
    {
      schema: {
        tags,
        summary: 'What the intake form offers: desks and their territories, territories, request kinds, currencies, ISIC Rev.4 sectors',
        querystring: IntakeOptionsQuery,
        response: { 200: IntakeOptionsView },
      },
    },
    async (request, reply) => {
      // Public reference data, the same for everyone: a phone may keep it for a few minutes.
      reply.header('cache-control', 'public, max-age=300');
      return intake.options(requestLocale(request, request.query.locale));
    },
  );
  app.post(
    '/',
    {
      // Nobody is signed in here; a session cookie, if any, changes nothing.
      config: { csrf: false },
      schema: {
        tags,
        summary: 'Ask a desk for help (no account): answers the reference the person keeps; consent to processing is required',
        body: IntakeBody,
        response: { 201: IntakeReceiptView },
      },
    },
    async (request, reply) => reply.status(201).send(await intake.submit(request.body, clientOf(request))),
  );
};
