import { LoginBody, LoginMfaBody, LoginResponse, MeUpdateBody, MeView } from '@glocal/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { AuthService } from './auth.service.js';

// A cross-site form can post text/plain or urlencoded bodies, never application/json.
const jsonOnly = async (request: FastifyRequest) => {
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    throw new AppError('auth.unsupported_content_type', 415);
  }
};

export const authRoutes: FastifyPluginAsyncZod<{ auth: AuthService }> = async (app, { auth }) => {
  app.post(
    '/login',
    {
      config: { csrf: false },
      onRequest: jsonOnly,
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie, or asks for the second factor',
        body: LoginBody,
        response: { 200: LoginResponse },
      },
    },
    async (request, reply) => {
      const outcome = await auth.signIn(request.body, clientOf(request));
      if ('mfaChallenge' in outcome) return { mfaRequired: true as const, challenge: outcome.mfaChallenge };
      reply.setSessionCookie(outcome.sessionToken);
      return outcome.me;
    },
  );

  app.post(
    '/login/mfa',
    {
      config: { csrf: false },
      onRequest: jsonOnly,
      schema: {
        tags: ['auth'],
        summary: 'Second sign-in step: a TOTP or recovery code for the challenge; sets the session cookie',
        body: LoginMfaBody,
        response: { 200: MeView },
      },
    },
    async (request, reply) => {
      const { sessionToken, me } = await auth.completeSignIn(request.body, clientOf(request));
      reply.setSessionCookie(sessionToken);
      return me;
    },
  );

  app.post(
    '/logout',
    { config: { signedIn: true }, schema: { tags: ['auth'], summary: 'Sign out of this session', response: { 204: z.null() } } },
    async (request, reply) => {
      await auth.signOut(request.actor!, clientOf(request), false);
      return reply.clearSessionCookie().status(204).send(null);
    },
  );

  app.post(
    '/logout-everywhere',
    { config: { signedIn: true }, schema: { tags: ['auth'], summary: 'Sign out of every session of this account', response: { 204: z.null() } } },
    async (request, reply) => {
      await auth.signOut(request.actor!, clientOf(request), true);
      return reply.clearSessionCookie().status(204).send(null);
    },
  );

  app.get(
    '/me',
    { schema: { tags: ['auth'], summary: 'The signed-in person, their roles per organisation and CSRF token', response: { 200: MeView } } },
    (request) => auth.me(request.actor),
  );

  app.patch(
    '/me',
    {
      config: { signedIn: true },
      schema: { tags: ['auth'], summary: 'Change my language or display name', body: MeUpdateBody, response: { 200: MeView } },
    },
    (request) => auth.updateMe(request.actor!, request.body, clientOf(request)),
  );
};
