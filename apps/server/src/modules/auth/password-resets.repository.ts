import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

export const passwordResetsRepository = (db: Executor) => ({
  insert: (reset: { tokenHash: string; userId: string; expiresAt: Date }) => db.insertInto('passwordReset').values(reset).execute(),

  findByTokenHash: (tokenHash: string) =>
    db.selectFrom('passwordReset').select(['userId', 'expiresAt', 'usedAt']).where('tokenHash', '=', tokenHash).executeTakeFirst(),

  /** Uses the link if it still may be, and returns its account: two racing uses cannot both succeed. */
  use: async (tokenHash: string) =>
    (
      await db
        .updateTable('passwordReset')
        .set({ usedAt: new Date() })
        .where('tokenHash', '=', tokenHash)
        .where('usedAt', 'is', null)
        .where('expiresAt', '>', sql<Date>`now()`)
        .returning('userId')
        .executeTakeFirst()
    )?.userId,

  /** Once the password is chosen, the account's other reset links stop working too. */
  useAllOf: (userId: string) =>
    db.updateTable('passwordReset').set({ usedAt: new Date() }).where('userId', '=', userId).where('usedAt', 'is', null).execute(),
});
