import { resolveLocale, type LoginBody, type MeView, type Role } from '@glocal/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import { verifyPassword } from '../../platform/auth/passwords.js';
import type { SessionStore } from '../../platform/auth/sessions.js';
import { signInThrottle } from '../../platform/auth/throttle.js';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { usersRepository } from './users.repository.js';

type Client = { ip: string; id: string; userAgent?: string };

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService({ db, sessions, audit }: { db: Database; sessions: SessionStore; audit: AuditTrail }) {
  async function meView(actor: Pick<Actor, 'userId' | 'email' | 'displayName' | 'locale' | 'kind'>, csrfToken: string): Promise<MeView> {
    const memberships = await usersRepository(db).membershipsWithNames(actor.userId);
    return {
      id: actor.userId,
      email: actor.email,
      displayName: actor.displayName,
      locale: resolveLocale(actor.locale),
      kind: actor.kind,
      memberships: memberships.map((m) => ({ organisationId: m.organisationId, organisationName: m.organisationName, role: m.role as Role })),
      csrfToken,
    };
  }

  return {
    /**
     * Wrong password and unknown e-mail answer the same 401 after the same work; ten failures in
     * the window lock the account key and the address key (429 with Retry-After).
     */
    async signIn(input: LoginBody, client: Client): Promise<{ sessionToken: string; me: MeView }> {
      const keys = [`account:${input.email}`, `ip:${client.ip}`];
      const retryAfter = await signInThrottle(db).retryAfterSeconds(keys);
      if (retryAfter > 0) {
        await db.transaction().execute((trx) =>
          audit.record(trx, { actor: null, action: 'auth.sign_in_throttled', outcome: 'denied', details: { email: input.email }, request: client }),
        );
        throw new AppError('rate_limited', 429, { retryAfterSeconds: retryAfter });
      }

      const user = await usersRepository(db).findByEmail(input.email);
      const passwordOk = await verifyPassword(user?.passwordHash, input.password);
      if (!user || !passwordOk || user.disabledAt) {
        await db.transaction().execute(async (trx) => {
          await signInThrottle(trx).recordFailure(keys);
          await audit.record(trx, {
            actor: null,
            action: 'auth.sign_in_failed',
            outcome: 'failure',
            ...(user ? { subject: { type: 'user', id: user.id } } : {}),
            details: { email: input.email },
            request: client,
          });
        });
        throw new AppError('auth.invalid_credentials', 401);
      }

      const sessionToken = await db.transaction().execute(async (trx) => {
        await signInThrottle(trx).clear(`account:${input.email}`);
        const token = await sessions.create(trx, user.id, client);
        await audit.record(trx, {
          actor: null,
          action: 'auth.signed_in',
          subject: { type: 'user', id: user.id },
          details: { email: user.email },
          request: client,
        });
        return token;
      });
      const actor = await sessions.resolve(sessionToken);
      return { sessionToken, me: await meView(actor!, actor!.csrfToken) };
    },

    async signOut(actor: Actor, client: Client, everywhere: boolean): Promise<void> {
      await db.transaction().execute(async (trx) => {
        if (everywhere) await sessions.revokeAll(trx, actor.userId);
        else await sessions.revoke(trx, actor.sessionTokenHash);
        await audit.record(trx, {
          actor,
          action: everywhere ? 'auth.signed_out_everywhere' : 'auth.signed_out',
          subject: { type: 'user', id: actor.userId },
          request: client,
        });
      });
    },

    me(actor: Actor | null): Promise<MeView> {
      if (!actor) throw new AppError('unauthenticated', 401);
      return meView(actor, actor.csrfToken);
    },
  };
}
