import { PLATFORM_ROLES, type Role } from '@glocal/contracts';
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database, Executor } from '../db/database.js';
import type { Actor } from './actor.js';
import { hashSecret, newSecret } from './tokens.js';

export const SESSION_COOKIE = 'glocal_session';
/** OWASP's guidance for sensitive applications: short idle, bounded absolute lifetime. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
const TOUCH_EVERY_MS = 60_000;

/**
 * Whether this person must set up two-step sign-in and has not: a member of an organisation that
 * requires it, or (outside demo mode) a platform administrator or data protection officer.
 */
async function mfaEnrollmentPending(trx: Executor, userId: string, mfaRequiredForPlatformRoles: boolean) {
  const { rows } = await sql<{ pending: boolean }>`
    select (
      exists (select 1 from membership m join organisation o on o.id = m.organisation_id
               where m.user_id = ${userId} and o.require_mfa)
      or (${mfaRequiredForPlatformRoles} and exists (
            select 1 from membership m where m.user_id = ${userId} and m.role = any(${[...PLATFORM_ROLES]}::text[])))
    ) and not exists (select 1 from user_mfa where user_id = ${userId} and confirmed_at is not null) as pending`.execute(trx);
  return rows[0]?.pending === true;
}

export function createSessionStore(db: Database, { mfaRequiredForPlatformRoles }: { mfaRequiredForPlatformRoles: boolean }) {
  return {
    /** A new session: a fresh random id every sign-in (no fixation). Returns the cookie value. */
    async create(trx: Executor, userId: string, client: { ip?: string; userAgent?: string }) {
      const token = newSecret();
      const now = Date.now();
      const pending = await mfaEnrollmentPending(trx, userId, mfaRequiredForPlatformRoles);
      await trx
        .insertInto('userSession')
        .values({
          tokenHash: hashSecret(token),
          userId,
          csrfToken: newSecret(),
          expiresAt: new Date(now + SESSION_ABSOLUTE_MS),
          lastSeenAt: new Date(now),
          ip: client.ip ?? null,
          userAgent: client.userAgent?.slice(0, 300) ?? null,
          mfaEnrollmentPending: pending,
        })
        .execute();
      return token;
    },

    /** The actor behind a cookie, or null when it is unknown, idle too long, or past its lifetime. */
    async resolve(token: string): Promise<Actor | null> {
      const tokenHash = hashSecret(token);
      const row = await db
        .selectFrom('userSession')
        .innerJoin('appUser', 'appUser.id', 'userSession.userId')
        .select([
          'userSession.csrfToken', 'userSession.lastSeenAt', 'userSession.expiresAt', 'userSession.mfaEnrollmentPending',
          'appUser.id as userId', 'appUser.email', 'appUser.displayName', 'appUser.locale', 'appUser.kind', 'appUser.disabledAt',
          // Every request resolves its session: the memberships come in the same round trip.
          (eb) =>
            jsonArrayFrom(
              eb.selectFrom('membership').select(['membership.organisationId', 'membership.role']).whereRef('membership.userId', '=', 'appUser.id'),
            ).as('memberships'),
        ])
        .where('userSession.tokenHash', '=', tokenHash)
        .executeTakeFirst();
      const now = Date.now();
      if (!row || row.disabledAt || row.expiresAt.getTime() <= now || now - row.lastSeenAt.getTime() > SESSION_IDLE_MS) {
        if (row) await db.deleteFrom('userSession').where('tokenHash', '=', tokenHash).execute();
        return null;
      }
      if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await db.updateTable('userSession').set({ lastSeenAt: new Date(now) }).where('tokenHash', '=', tokenHash).execute();
      }
      return {
        userId: row.userId,
        email: row.email,
        displayName: row.displayName,
        locale: row.locale,
        kind: row.kind,
        memberships: row.memberships.map((m) => ({ organisationId: m.organisationId, role: m.role as Role })),
        csrfToken: row.csrfToken,
        sessionTokenHash: tokenHash,
        mfaEnrollmentPending: row.mfaEnrollmentPending,
      };
    },

    revoke: (trx: Executor, tokenHash: string) =>
      trx.deleteFrom('userSession').where('tokenHash', '=', tokenHash).execute(),

    /** Two-step sign-in is now set up: the person's open sessions reach everything again. */
    enrollmentDone: (trx: Executor, userId: string) =>
      trx.updateTable('userSession').set({ mfaEnrollmentPending: false }).where('userId', '=', userId).execute(),

    revokeAll: (trx: Executor, userId: string) => trx.deleteFrom('userSession').where('userId', '=', userId).execute(),
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
