import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

/**
 * Erases migrants' own accounts when a data protection officer erases their data: the e-mail and
 * name are replaced, the password, second factor and sessions go, and the account is disabled, so
 * nothing in `app_user` names or reaches the person any more. Staff accounts are never touched
 * here. Runs in the caller's transaction; the caller checks access and audits.
 */
export async function eraseMigrantAccounts(db: Executor, userIds: readonly string[]): Promise<number> {
  if (userIds.length === 0) return 0;
  const erased = await db
    .updateTable('appUser')
    .set({
      email: sql<string>`'erased-' || id || '@erased.invalid'`,
      displayName: '-',
      passwordHash: null,
      disabledAt: new Date(),
      updatedAt: new Date(),
    })
    .where('id', 'in', userIds)
    .where('kind', '=', 'migrant')
    .returning('id')
    .execute();
  const ids = erased.map((row) => row.id);
  if (ids.length > 0) {
    await db.deleteFrom('userSession').where('userId', 'in', ids).execute();
    await db.deleteFrom('mfaRecoveryCode').where('userId', 'in', ids).execute();
    await db.deleteFrom('mfaChallenge').where('userId', 'in', ids).execute();
    await db.deleteFrom('userMfa').where('userId', 'in', ids).execute();
    await db.deleteFrom('passwordReset').where('userId', 'in', ids).execute();
  }
  return ids.length;
}
