import type { Role } from '@glocal/contracts';
import type { Database, Executor } from '../db/database.js';
import type { Actor } from './actor.js';
import { hashSecret, newSecret } from './tokens.js';

export const SESSION_COOKIE = 'glocal_session';
/** OWASP's guidance for sensitive applications: short idle, bounded absolute lifetime. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
const TOUCH_EVERY_MS = 60_000;

export function createSessionStore(db: Database) {
  return {
    /** A new session: a fresh random id every sign-in (no fixation). Returns the cookie value. */
    async create(trx: Executor, userId: string, client: { ip?: string; userAgent?: string }) {
      const token = newSecret();
      const now = Date.now();
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
          'userSession.csrfToken', 'userSession.lastSeenAt', 'userSession.expiresAt',
          'appUser.id as userId', 'appUser.email', 'appUser.displayName', 'appUser.locale', 'appUser.kind', 'appUser.disabledAt',
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
      const memberships = await db
        .selectFrom('membership')
        .select(['organisationId', 'role'])
        .where('userId', '=', row.userId)
        .execute();
      return {
        userId: row.userId,
        email: row.email,
        displayName: row.displayName,
        locale: row.locale,
        kind: row.kind,
        memberships: memberships.map((m) => ({ organisationId: m.organisationId, role: m.role as Role })),
        csrfToken: row.csrfToken,
        sessionTokenHash: tokenHash,
      };
    },

    revoke: (trx: Executor, tokenHash: string) =>
      trx.deleteFrom('userSession').where('tokenHash', '=', tokenHash).execute(),

    revokeAll: (trx: Executor, userId: string) => trx.deleteFrom('userSession').where('userId', '=', userId).execute(),
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
