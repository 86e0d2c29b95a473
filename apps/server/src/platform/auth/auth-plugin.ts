import fastifyCookie from '@fastify/cookie';
import type { Permission } from '@glocal/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Access } from '../access/access.js';
import { AppError } from '../errors/app-error.js';
import type { Actor } from './actor.js';
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE, type SessionStore } from './sessions.js';
import { sameSecret } from './tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** The permission the route needs; routes without one are public, unless `signedIn`. */
    permission?: Permission;
    /** The route acts on the signed-in person themself (their session, account, two-factor). */
    signedIn?: boolean;
    /** Set false only where a CSRF token cannot exist yet (sign-in). */
    csrf?: boolean;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-csrf-token';

/** Resolves `Authorization: Bearer <token>` to the actor an API token stands for. */
export type BearerAuthenticator = { authenticate(token: string): Promise<Actor | null> };

/** Who the client is (session cookie or API token), whether the route lets them in, and CSRF for writes. */
async function authPlugin(
  app: FastifyInstance,
  { sessions, apiTokens, access, secureCookies }: { sessions: SessionStore; apiTokens: BearerAuthenticator; access: Access; secureCookies: boolean },
) {
  await app.register(fastifyCookie);
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (request) => {
    // A bearer token, when sent, is the only credential looked at: the cookie is then ignored.
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      request.actor = await apiTokens.authenticate(bearer);
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await sessions.resolve(token) : null;
  });

  // Before validation: whoever may not call a route learns nothing from its validation errors.
  app.addHook('preValidation', async (request) => {
    const { permission, csrf, signedIn } = request.routeOptions.config;
    // A token carries only its scoped permissions: routes that act on the person themself
    // (sessions, two-factor settings) and so declare none do not see it.
    if (request.actor?.apiTokenId && !permission) request.actor = null;
    // A browser never adds an Authorization header by itself, so token requests need no CSRF token.
    if (request.actor && !request.actor.apiTokenId && csrf !== false && UNSAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, request.actor.csrfToken)) {
        throw new AppError('auth.csrf_invalid', 403);
      }
    }
    if (signedIn && !request.actor) throw new AppError('unauthenticated', 401);
    if (!permission) return;
    if (!request.actor) throw new AppError('unauthenticated', 401);
    if (request.actor.mfaEnrollmentPending) throw new AppError('auth.mfa_enrollment_required', 403);
    if (!access.can(request.actor, permission)) {
      await access.deny(request.actor, permission, undefined, clientOf(request));
      throw new AppError('forbidden', 403, { permission });
    }
  });

  app.decorateReply('setSessionCookie', function setSessionCookie(this: FastifyReply, token: string) {
    return this.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
      maxAge: SESSION_ABSOLUTE_MS / 1000,
    });
  });
  app.decorateReply('clearSessionCookie', function clearSessionCookie(this: FastifyReply) {
    return this.clearCookie(SESSION_COOKIE, { path: '/' });
  });
}

declare module 'fastify' {
  interface FastifyReply {
    setSessionCookie(token: string): FastifyReply;
    clearSessionCookie(): FastifyReply;
  }
}

/** What the audit trail keeps of a request. */
export const clientOf = (request: FastifyRequest) => ({
  ip: request.ip,
  id: request.id,
  userAgent: request.headers['user-agent'] ?? '',
});

export default fp(authPlugin, { name: 'glocal-auth' });
