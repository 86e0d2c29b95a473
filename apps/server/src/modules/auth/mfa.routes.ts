import { MfaConfirmBody, MfaDisableBody, MfaRecoveryCodesView, MfaSetupView } from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import type { MfaService } from './mfa.service.js';

/** Two-factor sign-in of the signed-in person: set up, confirm, turn off. */
export const mfaRoutes: FastifyPluginAsyncZod<{ mfa: MfaService }> = async (app, { mfa }) => {
  const tags = ['auth'];

  // Account security is for the person themself: the shared hook answers 401 before validation,
  // and never lets an API token through to a route that declares no permission.
  const config = { signedIn: true };

  app.post(
    '/setup',
    { config, schema: { tags, summary: 'Start two-factor enrolment: a new TOTP secret for an authenticator app', response: { 200: MfaSetupView } } },
    (request) => mfa.setup(request.actor!, clientOf(request)),
  );

  app.post(
    '/confirm',
    {
      config,
      schema: {
        tags,
        summary: 'Turn two-factor sign-in on with a first code; answers the recovery codes, shown once',
        body: MfaConfirmBody,
        response: { 200: MfaRecoveryCodesView },
      },
    },
    (request) => mfa.confirm(request.actor!, request.body, clientOf(request)),
  );

  app.post(
    '/disable',
    {
      config,
      schema: {
        tags,
        summary: 'Turn two-factor sign-in off, with a current code or the password',
        body: MfaDisableBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await mfa.disable(request.actor!, request.body, clientOf(request));
      return reply.status(204).send(null);
    },
  );
};
