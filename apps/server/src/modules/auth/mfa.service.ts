import type { MfaConfirmBody, MfaDisableBody, MfaRecoveryCodesView, MfaSetupView } from '@glocal/contracts';
import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { verifyPassword } from '../../platform/auth/passwords.js';
import { signInThrottle } from '../../platform/auth/throttle.js';
import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import type { FieldCipher } from '../../platform/crypto/field-encryption.js';
import type { Database, Executor } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { BadRequestError, ConflictError } from '../../platform/errors/app-error.js';
import { mfaRepository } from './mfa.repository.js';
import { refuseWhileLocked, signInThrottleKeys } from './sign-in-throttling.js';
import { acceptedStep, looksLikeTotpCode, newRecoveryCodes, newTotpSecret, otpauthUri, recoveryCodeHash } from './totp.js';
import { usersRepository } from './users.repository.js';
import type { SessionStore } from '../../platform/auth/sessions.js';

type Client = { ip: string; id: string; userAgent?: string };

export const MFA_CHALLENGE_TTL_MS = 5 * 60_000;
export const MFA_CHALLENGE_MAX_ATTEMPTS = 5;

export type SecondFactor = 'totp' | 'recovery_code';

export type MfaService = ReturnType<typeof createMfaService>;

/** TOTP enrolment, recovery codes, and the pending second step of a sign-in. */
export function createMfaService({
  db,
  audit,
  cipher,
  sessions,
}: {
  db: Database;
  audit: AuditTrail;
  cipher: FieldCipher;
  sessions: Pick<SessionStore, 'enrollmentDone'>;
}) {
  // Binds each ciphertext to its row: a secret copied onto another account does not decrypt.
  const secretContext = (userId: string) => `user_mfa:${userId}`;
  const userSubject = (userId: string) => ({ type: 'user', id: userId });

  /**
   * Checks a TOTP code, or a recovery code, against a confirmed enrolment and uses it up, in the
   * caller's transaction. A recovery code used is audited with how many remain.
   */
  async function useSecondFactor(
    trx: Transaction<DB>,
    attempt: { actor: Actor | null; userId: string; code: string; request: Client },
  ): Promise<SecondFactor | null> {
    const enrolment = await mfaRepository(trx).find(attempt.userId);
    if (!enrolment?.confirmedAt) return null;
    if (looksLikeTotpCode(attempt.code)) {
      const secret = cipher.decrypt(enrolment.secretEncrypted, secretContext(attempt.userId));
      const step = acceptedStep(secret, attempt.code, enrolment.lastUsedStep);
      return step !== null && (await mfaRepository(trx).useStep(attempt.userId, step)) ? 'totp' : null;
    }
    if (!(await mfaRepository(trx).useRecoveryCode(attempt.userId, recoveryCodeHash(attempt.code)))) return null;
    await audit.record(trx, {
      actor: attempt.actor,
      action: 'auth.mfa_recovery_code_used',
      subject: userSubject(attempt.userId),
      details: { remaining: await mfaRepository(trx).unusedRecoveryCodes(attempt.userId) },
      request: attempt.request,
    });
    return 'recovery_code';
  }

  /** A wrong code (or password, to disable) counts as a failed sign-in and is audited. */
  async function recordFailedVerification(
    trx: Transaction<DB>,
    attempt: { actor: Actor | null; userId: string; email: string; during: 'sign_in' | 'enrolment' | 'disable'; factor: 'code' | 'password'; request: Client },
  ): Promise<void> {
    await signInThrottle(trx).recordFailure(signInThrottleKeys(attempt.email, attempt.request.ip));
    await audit.record(trx, {
      actor: attempt.actor,
      action: 'auth.mfa_verification_failed',
      outcome: 'failure',
      subject: userSubject(attempt.userId),
      details: { during: attempt.during, factor: attempt.factor },
      request: attempt.request,
    });
  }

  return {
    useSecondFactor,
    recordFailedVerification,

    isEnabled: async (executor: Executor, userId: string) => Boolean((await mfaRepository(executor).find(userId))?.confirmedAt),

    /** The pending second step of a sign-in; only its hash is stored. */
    async issueChallenge(trx: Executor, userId: string): Promise<string> {
      const challenge = newSecret();
      await mfaRepository(trx).insertChallenge(hashSecret(challenge), userId, new Date(Date.now() + MFA_CHALLENGE_TTL_MS));
      return challenge;
    },

    /** The challenge behind a token, or null when unknown, expired or out of attempts. */
    async openChallenge(challenge: string): Promise<{ tokenHash: string; userId: string } | null> {
      const found = await mfaRepository(db).findChallenge(hashSecret(challenge));
      if (!found) return null;
      if (found.expiresAt.getTime() <= Date.now() || found.attempts >= MFA_CHALLENGE_MAX_ATTEMPTS) {
        await mfaRepository(db).consumeChallenge(found.tokenHash);
        return null;
      }
      return { tokenHash: found.tokenHash, userId: found.userId };
    },

    /** Counts a wrong code; the fifth one ends the challenge. */
    async countFailedAttempt(trx: Executor, tokenHash: string): Promise<void> {
      if ((await mfaRepository(trx).countFailedAttempt(tokenHash)) >= MFA_CHALLENGE_MAX_ATTEMPTS) {
        await mfaRepository(trx).consumeChallenge(tokenHash);
      }
    },

    /** Single use: false when another request consumed it first. */
    consumeChallenge: (trx: Executor, tokenHash: string) => mfaRepository(trx).consumeChallenge(tokenHash),

    /** Starts (or restarts) enrolment: a new secret, unconfirmed until a code proves the app has it. */
    async setup(actor: Actor, request: Client): Promise<MfaSetupView> {
      return db.transaction().execute(async (trx) => {
        if ((await mfaRepository(trx).find(actor.userId))?.confirmedAt) throw new ConflictError('auth.mfa_already_enabled');
        const secret = newTotpSecret();
        await mfaRepository(trx).savePending(actor.userId, cipher.encrypt(secret, secretContext(actor.userId)));
        await audit.record(trx, { actor, action: 'auth.mfa_setup_started', subject: userSubject(actor.userId), request });
        return { secret, otpauthUri: otpauthUri(secret, actor.email) };
      });
    },

    /** A first valid code turns two-factor sign-in on and issues the recovery codes, shown this once. */
    async confirm(actor: Actor, input: MfaConfirmBody, request: Client): Promise<MfaRecoveryCodesView> {
      await refuseWhileLocked(db, audit, signInThrottleKeys(actor.email, request.ip), { actor, email: actor.email, request });
      const recoveryCodes = await db.transaction().execute(async (trx) => {
        const enrolment = await mfaRepository(trx).find(actor.userId);
        if (!enrolment) throw new ConflictError('auth.mfa_not_set_up');
        if (enrolment.confirmedAt) throw new ConflictError('auth.mfa_already_enabled');
        const secret = cipher.decrypt(enrolment.secretEncrypted, secretContext(actor.userId));
        const step = acceptedStep(secret, input.code, enrolment.lastUsedStep);
        if (step === null || !(await mfaRepository(trx).useStep(actor.userId, step))) {
          await recordFailedVerification(trx, { actor, userId: actor.userId, email: actor.email, during: 'enrolment', factor: 'code', request });
          return null;
        }
        const codes = newRecoveryCodes();
        await mfaRepository(trx).confirm(actor.userId);
        await sessions.enrollmentDone(trx, actor.userId);
        await mfaRepository(trx).replaceRecoveryCodes(actor.userId, codes.map(recoveryCodeHash));
        await audit.record(trx, {
          actor,
          action: 'auth.mfa_enabled',
          subject: userSubject(actor.userId),
          details: { recoveryCodesIssued: codes.length },
          request,
        });
        return codes;
      });
      if (!recoveryCodes) throw new BadRequestError('auth.mfa_code_invalid');
      return { recoveryCodes };
    },

    /** Takes a current code (TOTP or recovery) or else the password: a stolen session alone cannot turn it off. */
    async disable(actor: Actor, input: MfaDisableBody, request: Client): Promise<void> {
      await refuseWhileLocked(db, audit, signInThrottleKeys(actor.email, request.ip), { actor, email: actor.email, request });
      if (!(await mfaRepository(db).find(actor.userId))?.confirmedAt) throw new ConflictError('auth.mfa_not_enabled');
      const factor = input.code !== undefined ? 'code' : 'password';
      // argon2 runs before the transaction, so the single PGlite connection is not held meanwhile.
      const passwordOk =
        factor === 'password' && (await verifyPassword((await usersRepository(db).findByEmail(actor.email))?.passwordHash, input.password!));
      const verifiedBy = await db.transaction().execute(async (trx) => {
        const verified =
          factor === 'code' ? await useSecondFactor(trx, { actor, userId: actor.userId, code: input.code!, request }) : passwordOk ? 'password' : null;
        if (!verified) {
          await recordFailedVerification(trx, { actor, userId: actor.userId, email: actor.email, during: 'disable', factor, request });
          return null;
        }
        await mfaRepository(trx).remove(actor.userId);
        await audit.record(trx, { actor, action: 'auth.mfa_disabled', subject: userSubject(actor.userId), details: { verifiedBy: verified }, request });
        return verified;
      });
      if (!verifiedBy) throw new BadRequestError(factor === 'code' ? 'auth.mfa_code_invalid' : 'auth.invalid_credentials');
    },
  };
}
