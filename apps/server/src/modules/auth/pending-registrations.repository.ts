import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

export const pendingRegistrationsRepository = (db: Executor) => ({
  insert: (registration: { tokenHash: string; email: string; displayName: string; passwordHash: string; locale: string; expiresAt: Date }) =>
    db.insertInto('pendingRegistration').values(registration).execute(),

  /** Takes the registration a link names, if still valid: a link works once. */
  take: (tokenHash: string) =>
    db
      .deleteFrom('pendingRegistration')
      .where('tokenHash', '=', tokenHash)
      .where('expiresAt', '>', sql<Date>`now()`)
      .returning(['email', 'displayName', 'passwordHash', 'locale'])
      .executeTakeFirst(),

  /** Once an address has its account, its other pending registrations (and any expired one) go. */
  deleteFor: (email: string) => db.deleteFrom('pendingRegistration').where('email', '=', email).execute(),

  deleteExpired: () => db.deleteFrom('pendingRegistration').where('expiresAt', '<=', sql<Date>`now()`).execute(),
});
