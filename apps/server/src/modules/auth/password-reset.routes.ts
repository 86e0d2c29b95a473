import { PasswordResetConfirmBody, PasswordResetRequestBody } from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import type { PasswordResetService } from './password-reset.service.js';

/** Under `/api/v1/auth`. */
export const passwordResetRoutes: FastifyPluginAsyncZod<{ passwordReset: PasswordResetService }> = async (app, { passwordReset }) => {
  const tags = ['auth'];
  app.post(
    '/password-reset',
    {
      schema: {
        tags,
        summary: 'E-mail a link to choose a new password; answers 202 whether or not the address has an account',
        body: PasswordResetRequestBody,
        response: { 202: z.null() },
      },
    },
    async (request, reply) => {
      await passwordReset.request(request.body, clientOf(request));
      return reply.status(202).send(null);
    },
  );
  app.post(
    '/password-reset/confirm',
    {
      schema: {
        tags,
        summary: 'Choose a new password with the e-mailed link; signs the account out everywhere',
        body: PasswordResetConfirmBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await passwordReset.confirm(request.body, clientOf(request));
      return reply.status(204).send(null);
    },
  );
};
