import type { Actor } from '../../platform/auth/actor.js';
import { signInThrottle } from '../../platform/auth/throttle.js';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';

/** Passwords and two-factor codes count against the same keys: the account, and the address. */
export const signInThrottleKeys = (email: string, ip: string) => [`account:${email}`, `ip:${ip}`];

/** 429 with Retry-After (and an audit entry) while one of the keys is locked. */
export async function refuseWhileLocked(
  db: Database,
  audit: AuditTrail,
  keys: string[],
  attempt: { actor: Actor | null; email: string; request: { ip?: string; id?: string } },
): Promise<void> {
  const retryAfter = await signInThrottle(db).retryAfterSeconds(keys);
  if (retryAfter === 0) return;
  await db.transaction().execute((trx) =>
    audit.record(trx, {
      actor: attempt.actor,
      action: 'auth.sign_in_throttled',
      outcome: 'denied',
      details: { email: attempt.email },
      request: attempt.request,
    }),
  );
  throw new AppError('rate_limited', 429, { retryAfterSeconds: retryAfter });
}
