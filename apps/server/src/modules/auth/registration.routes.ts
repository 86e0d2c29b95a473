import { MeView, RegistrationBody, RegistrationConfirmBody } from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import type { RegistrationService } from './registration.service.js';

/** Under `/api/v1/auth`. */
export const registrationRoutes: FastifyPluginAsyncZod<{ registration: RegistrationService }> = async (app, { registration }) => {
  const tags = ['auth'];
  app.post(
    '/register',
    {
      schema: {
        tags,
        summary: 'Create a migrant account: answers 202 and e-mails a confirmation link (or, if the address has an account, a reminder)',
        body: RegistrationBody,
        response: { 202: z.null() },
      },
    },
    async (request, reply) => {
      await registration.register(request.body, clientOf(request));
      return reply.status(202).send(null);
    },
  );
  app.post(
    '/register/confirm',
    {
      schema: {
        tags,
        summary: 'Open the e-mailed link: creates the account and signs it in',
        body: RegistrationConfirmBody,
        response: { 201: MeView },
      },
    },
    async (request, reply) => {
      const { sessionToken, me } = await registration.confirm(request.body, clientOf(request));
      return reply.setSessionCookie(sessionToken).status(201).send(me);
    },
  );
};
