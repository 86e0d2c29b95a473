import { resolveLocale, type PasswordResetConfirmBody, type PasswordResetRequestBody } from '@glocal/contracts';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { SessionStore } from '../../platform/auth/sessions.js';
import { signInThrottle } from '../../platform/auth/throttle.js';
import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, BadRequestError } from '../../platform/errors/app-error.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { linkWithToken, translatedMail } from '../../platform/mail/translated-mail.js';
import { requireAcceptablePassword } from './password-policy.js';
import { passwordResetsRepository } from './password-resets.repository.js';
import { usersRepository } from './users.repository.js';

export const PASSWORD_RESET_VALID_MINUTES = 60;

type Client = { ip: string; id: string; userAgent?: string };
type Deps = { db: Database; sessions: SessionStore; audit: AuditTrail; mailer: Mailer; publicUrl: string };

/**
 * Requests are counted per e-mail and per address in the sign-in throttle's table (their own
 * keys): ten in fifteen minutes lock that key for fifteen. Counted whether or not the account
 * exists, so the lock reveals nothing either.
 */
export const passwordResetThrottleKeys = (email: string, ip: string) => [`password_reset:email:${email}`, `password_reset:ip:${ip}`];

export type PasswordResetService = ReturnType<typeof createPasswordResetService>;

export function createPasswordResetService({ db, sessions, audit, mailer, publicUrl }: Deps) {
  return {
    /**
     * Always the same answer, whether or not an account has this address (no enumeration); the
     * e-mail goes out in the background, so the answer's timing does not tell either.
     */
    async request(input: PasswordResetRequestBody, client: Client): Promise<void> {
      const keys = passwordResetThrottleKeys(input.email, client.ip);
      const retryAfter = await signInThrottle(db).retryAfterSeconds(keys);
      if (retryAfter > 0) {
        await db.transaction().execute((trx) =>
          audit.record(trx, { actor: null, action: 'auth.password_reset_throttled', outcome: 'denied', details: { email: input.email }, request: client }),
        );
        throw new AppError('rate_limited', 429, { retryAfterSeconds: retryAfter });
      }

      const account = await usersRepository(db).findByEmail(input.email);
      const eligible = account && !account.disabledAt ? account : undefined;
      const token = newSecret();
      await db.transaction().execute(async (trx) => {
        await signInThrottle(trx).recordFailure(keys);
        if (eligible) {
          await passwordResetsRepository(trx).insert({
            tokenHash: hashSecret(token),
            userId: eligible.id,
            expiresAt: new Date(Date.now() + PASSWORD_RESET_VALID_MINUTES * 60_000),
          });
        }
        await audit.record(trx, {
          actor: null,
          action: 'auth.password_reset_requested',
          outcome: eligible ? 'success' : 'failure',
          ...(account ? { subject: { type: 'user', id: account.id } } : {}),
          details: { email: input.email, ...(eligible ? {} : { reason: account ? 'account_disabled' : 'unknown_email' }) },
          request: client,
        });
      });
      if (eligible) {
        const locale = resolveLocale(eligible.locale);
        mailer.sendInBackground(
          translatedMail(eligible.email, locale, 'password_reset', {
            name: eligible.displayName,
            link: linkWithToken(publicUrl, '/password-reset', token),
            minutes: PASSWORD_RESET_VALID_MINUTES,
          }),
        );
      }
    },

    /** Sets the new password, uses up the link, and ends every session of the account. */
    async confirm(input: PasswordResetConfirmBody, client: Client): Promise<void> {
      const tokenHash = hashSecret(input.token);
      const reset = await passwordResetsRepository(db).findByTokenHash(tokenHash);
      const account = reset && !reset.usedAt && reset.expiresAt.getTime() > Date.now() ? await usersRepository(db).findById(reset.userId) : undefined;
      if (!account || account.disabledAt) throw new BadRequestError('auth.reset_token_invalid');
      requireAcceptablePassword(input.password, account.email);
      const passwordHash = await hashPassword(input.password);

      await db.transaction().execute(async (trx) => {
        if ((await passwordResetsRepository(trx).use(tokenHash)) !== account.id) throw new BadRequestError('auth.reset_token_invalid');
        await passwordResetsRepository(trx).useAllOf(account.id);
        await usersRepository(trx).setPasswordHash(account.id, passwordHash);
        await sessions.revokeAll(trx, account.id);
        // The owner of the mailbox chose a new password: guesses at the old one no longer matter.
        await signInThrottle(trx).clear(`account:${account.email}`);
        await audit.record(trx, {
          actor: null,
          action: 'auth.password_reset_completed',
          subject: { type: 'user', id: account.id },
          details: { email: account.email, sessionsRevoked: true },
          request: client,
        });
      });
    },
  };
}
