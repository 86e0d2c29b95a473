import { PLATFORM_ROLES, resolveLocale, type LoginBody, type LoginMfaBody, type MeView, type Role, type MeUpdateBody } from '@glocal/contracts';
import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { verifyPassword } from '../../platform/auth/passwords.js';
import type { SessionStore } from '../../platform/auth/sessions.js';
import { signInThrottle } from '../../platform/auth/throttle.js';
import { changedFields, type AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { MfaService, SecondFactor } from './mfa.service.js';
import { refuseWhileLocked, signInThrottleKeys } from './sign-in-throttling.js';
import { usersRepository } from './users.repository.js';

type Client = { ip: string; id: string; userAgent?: string };

export type AuthService = ReturnType<typeof createAuthService>;

/** Signed in, or the password was right and a second factor must follow (`completeSignIn`). */
export type SignInOutcome = { sessionToken: string; me: MeView } | { mfaChallenge: string };

type AuthDeps = {
  db: Database;
  sessions: SessionStore;
  audit: AuditTrail;
  mfa: MfaService;
  /** Platform administrators and data protection officers must enrol (false in demo mode). */
  mfaRequiredForPlatformRoles: boolean;
};

export function createAuthService({ db, sessions, audit, mfa, mfaRequiredForPlatformRoles }: AuthDeps) {
  async function meView(actor: Pick<Actor, 'userId' | 'email' | 'displayName' | 'locale' | 'kind'>, csrfToken: string): Promise<MeView> {
    const memberships = await usersRepository(db).membershipsWithNames(actor.userId);
    const mfaEnabled = await mfa.isEnabled(db, actor.userId);
    const mfaRequired =
      memberships.some((m) => m.requireMfa === true) ||
      (mfaRequiredForPlatformRoles && memberships.some((m) => PLATFORM_ROLES.includes(m.role as Role)));
    return {
      id: actor.userId,
      email: actor.email,
      displayName: actor.displayName,
      locale: resolveLocale(actor.locale),
      kind: actor.kind,
      memberships: memberships.map((m) => ({ organisationId: m.organisationId, organisationName: m.organisationName, role: m.role as Role })),
      csrfToken,
      mfaEnabled,
      mfaEnrollmentRequired: mfaRequired && !mfaEnabled,
    };
  }

  /** The last step of every sign-in, password-only or two-factor: a new session, audited. */
  async function openSession(
    trx: Transaction<DB>,
    user: { id: string; email: string; displayName: string },
    client: Client,
    secondFactor?: SecondFactor,
  ) {
    await signInThrottle(trx).clear(`account:${user.email}`);
    const token = await sessions.create(trx, user.id, client);
    // The person is identified by now: record them as the actor, so a search by person finds it.
    await audit.record(trx, {
      actor: { userId: user.id, email: user.email, displayName: user.displayName },
      action: 'auth.signed_in',
      subject: { type: 'user', id: user.id },
      details: { email: user.email, ...(secondFactor ? { secondFactor } : {}) },
      request: client,
    });
    return token;
  }

  async function signedIn(sessionToken: string) {
    const actor = await sessions.resolve(sessionToken);
    return { sessionToken, me: await meView(actor!, actor!.csrfToken) };
  }

  return {
    /**
     * Wrong password and unknown e-mail answer the same 401 after the same work; ten failures in
     * the window lock the account key and the address key (429 with Retry-After).
     */
    async signIn(input: LoginBody, client: Client): Promise<SignInOutcome> {
      const keys = signInThrottleKeys(input.email, client.ip);
      await refuseWhileLocked(db, audit, keys, { actor: null, email: input.email, request: client });

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

      if (await mfa.isEnabled(db, user.id)) {
        const mfaChallenge = await db.transaction().execute(async (trx) => {
          const challenge = await mfa.issueChallenge(trx, user.id);
          await audit.record(trx, {
            actor: null,
            action: 'auth.mfa_challenged',
            subject: { type: 'user', id: user.id },
            details: { email: user.email },
            request: client,
          });
          return challenge;
        });
        return { mfaChallenge };
      }
      return signedIn(await db.transaction().execute((trx) => openSession(trx, user, client)));
    },

    /**
     * The second step: a TOTP or recovery code for the challenge the password step answered.
     * Wrong codes count against the sign-in throttle, and the fifth ends the challenge.
     */
    async completeSignIn(input: LoginMfaBody, client: Client): Promise<{ sessionToken: string; me: MeView }> {
      const challenge = await mfa.openChallenge(input.challenge);
      const user = challenge ? await usersRepository(db).findById(challenge.userId) : undefined;
      if (!challenge || !user || user.disabledAt) throw new AppError('auth.mfa_challenge_expired', 401);
      await refuseWhileLocked(db, audit, signInThrottleKeys(user.email, client.ip), { actor: null, email: user.email, request: client });

      const sessionToken = await db.transaction().execute(async (trx) => {
        const secondFactor = await mfa.useSecondFactor(trx, { actor: null, userId: user.id, code: input.code, request: client });
        if (!secondFactor) {
          await mfa.countFailedAttempt(trx, challenge.tokenHash);
          await mfa.recordFailedVerification(trx, { actor: null, userId: user.id, email: user.email, during: 'sign_in', factor: 'code', request: client });
          return null;
        }
        // Rolls the code's use back too when a concurrent request already consumed the challenge.
        if (!(await mfa.consumeChallenge(trx, challenge.tokenHash))) throw new AppError('auth.mfa_challenge_expired', 401);
        return openSession(trx, user, client, secondFactor);
      });
      if (!sessionToken) throw new AppError('auth.mfa_code_invalid', 401);
      return signedIn(sessionToken);
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

    async updateMe(actor: Actor, input: MeUpdateBody, client: Client): Promise<MeView> {
      const before = { locale: actor.locale, displayName: actor.displayName };
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('appUser').set({ ...input, updatedAt: new Date() }).where('id', '=', actor.userId).execute();
        await audit.record(trx, {
          actor,
          action: 'user.updated',
          subject: { type: 'user', id: actor.userId },
          details: { changes: changedFields(before, input) },
          request: client,
        });
      });
      return meView({ ...actor, ...input }, actor.csrfToken);
    },

    me(actor: Actor | null): Promise<MeView> {
      if (!actor) throw new AppError('unauthenticated', 401);
      return meView(actor, actor.csrfToken);
    },
  };
}
