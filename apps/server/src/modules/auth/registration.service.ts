import { resolveLocale, type MeView, type RegistrationBody, type RegistrationConfirmBody } from '@glocal/contracts';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { SessionStore } from '../../platform/auth/sessions.js';
import { signInThrottle } from '../../platform/auth/throttle.js';
import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, BadRequestError, ConflictError } from '../../platform/errors/app-error.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { linkWithToken, translatedMail } from '../../platform/mail/translated-mail.js';
import type { AuthService } from './auth.service.js';
import { requireAcceptablePassword } from './password-policy.js';
import { pendingRegistrationsRepository } from './pending-registrations.repository.js';
import { usersRepository } from './users.repository.js';

export const REGISTRATION_VALID_HOURS = 24;

type Client = { ip: string; id: string; userAgent?: string };
type Deps = { db: Database; sessions: SessionStore; audit: AuditTrail; mailer: Mailer; auth: Pick<AuthService, 'me'>; publicUrl: string };

/** Counted like password-reset requests, on keys of their own: ten per e-mail or address in fifteen minutes. */
export const registrationThrottleKeys = (email: string, ip: string) => [`registration:email:${email}`, `registration:ip:${ip}`];

export type RegistrationService = ReturnType<typeof createRegistrationService>;

/**
 * Migrants create their own accounts. The answer never says whether the address already has an
 * account: both cases answer 202 and e-mail the address, either a link that creates the account
 * or a reminder that it exists (with the way to a new password). The account exists only once the
 * link is opened, so nobody can hold an account in someone else's name, nor learn, by signing in
 * with the password they just chose, whether the address was free.
 */
export function createRegistrationService({ db, sessions, audit, mailer, auth, publicUrl }: Deps) {
  return {
    async register(input: RegistrationBody, client: Client): Promise<void> {
      const keys = registrationThrottleKeys(input.email, client.ip);
      const retryAfter = await signInThrottle(db).retryAfterSeconds(keys);
      if (retryAfter > 0) {
        await db.transaction().execute((trx) =>
          audit.record(trx, { actor: null, action: 'auth.registration_throttled', outcome: 'denied', details: { email: input.email }, request: client }),
        );
        throw new AppError('rate_limited', 429, { retryAfterSeconds: retryAfter });
      }
      requireAcceptablePassword(input.password, input.email);
      // Hashed in both cases, so both answers take the same time.
      const passwordHash = await hashPassword(input.password);
      const account = await usersRepository(db).findByEmail(input.email);
      const token = newSecret();
      await db.transaction().execute(async (trx) => {
        await signInThrottle(trx).recordFailure(keys);
        await pendingRegistrationsRepository(trx).deleteExpired();
        if (!account) {
          await pendingRegistrationsRepository(trx).insert({
            tokenHash: hashSecret(token),
            email: input.email,
            displayName: input.displayName,
            passwordHash,
            locale: input.locale,
            expiresAt: new Date(Date.now() + REGISTRATION_VALID_HOURS * 60 * 60_000),
          });
        }
        await audit.record(trx, {
          actor: null,
          action: 'auth.registration_requested',
          ...(account ? { subject: { type: 'user', id: account.id } } : {}),
          details: { email: input.email, accountExists: Boolean(account) },
          request: client,
        });
      });

      if (account) {
        // Written to the account holder, in their language, whoever asked.
        const locale = resolveLocale(account.locale);
        mailer.sendInBackground(
          translatedMail(account.email, locale, 'registration_existing', {
            name: account.displayName,
            signInLink: `${publicUrl.replace(/\/+$/, '')}/sign-in`,
            resetLink: `${publicUrl.replace(/\/+$/, '')}/password-reset`,
          }),
        );
      } else {
        mailer.sendInBackground(
          translatedMail(input.email, input.locale, 'registration', {
            name: input.displayName,
            link: linkWithToken(publicUrl, '/register/confirm', token),
            hours: REGISTRATION_VALID_HOURS,
          }),
        );
      }
    },

    /** Creates the account (a migrant's, with no organisation) from the e-mailed link, and signs it in. */
    async confirm(input: RegistrationConfirmBody, client: Client): Promise<{ sessionToken: string; me: MeView }> {
      const sessionToken = await db.transaction().execute(async (trx) => {
        const registration = await pendingRegistrationsRepository(trx).take(hashSecret(input.token));
        if (!registration) throw new BadRequestError('auth.registration_token_invalid');
        await pendingRegistrationsRepository(trx).deleteFor(registration.email);
        const created = await usersRepository(trx).insert({ ...registration, kind: 'migrant' });
        // Rolls the transaction back: the link stays usable until it expires, and says what happened.
        if (!created) throw new ConflictError('auth.email_taken');
        await usersRepository(trx).addMembership(created.id, null, 'migrant');
        await audit.record(trx, {
          actor: null,
          action: 'auth.registered',
          subject: { type: 'user', id: created.id },
          details: { email: registration.email, kind: 'migrant' },
          request: client,
        });
        return sessions.create(trx, created.id, client);
      });
      const actor = await sessions.resolve(sessionToken);
      return { sessionToken, me: await auth.me(actor) };
    },
  };
}
