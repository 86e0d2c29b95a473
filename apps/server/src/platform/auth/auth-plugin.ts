import fastifyCookie from '@fastify/cookie';
import { roleGrants, type Permission } from '@glocal/contracts';
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
    /** The permission the route needs; routes without one are public. */
    permission?: Permission;
    /** Set false only where a CSRF token cannot exist yet (sign-in). */
    csrf?: boolean;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-csrf-token';

/** Who the client is (session cookie), whether the route lets them in, and CSRF for writes. */
async function authPlugin(
  app: FastifyInstance,
  { sessions, access, secureCookies }: { sessions: SessionStore; access: Access; secureCookies: boolean },
) {
  await app.register(fastifyCookie);
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await sessions.resolve(token) : null;
  });

  // Runs after validation, so a malformed request is a 400 whoever sends it.
  app.addHook('preHandler', async (request) => {
    const { permission, csrf } = request.routeOptions.config;
    if (request.actor && csrf !== false && UNSAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, request.actor.csrfToken)) {
        throw new AppError('auth.csrf_invalid', 403);
      }
    }
    if (!permission) return;
    if (!request.actor) throw new AppError('unauthenticated', 401);
    if (!request.actor.memberships.some((membership) => roleGrants(membership.role, permission))) {
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
