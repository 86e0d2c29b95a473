import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

export const mfaRepository = (db: Executor) => ({
  find: (userId: string) =>
    db
      .selectFrom('userMfa')
      .select(['userId', 'secretEncrypted', 'confirmedAt', 'lastUsedStep'])
      .where('userId', '=', userId)
      .executeTakeFirst(),

  /** A new pending enrolment replaces any earlier unconfirmed one. */
  savePending: (userId: string, secretEncrypted: string) =>
    db
      .insertInto('userMfa')
      .values({ userId, secretEncrypted, confirmedAt: null, lastUsedStep: null })
      .onConflict((conflict) => conflict.column('userId').doUpdateSet({ secretEncrypted, confirmedAt: null, lastUsedStep: null }))
      .execute(),

  confirm: (userId: string) =>
    db.updateTable('userMfa').set({ confirmedAt: new Date() }).where('userId', '=', userId).execute(),

  /**
   * Moves the last accepted step forward; false when a concurrent request already used this step
   * or a later one, so the same code never signs in twice.
   */
  useStep: async (userId: string, step: number) => {
    const updated = await db
      .updateTable('userMfa')
      .set({ lastUsedStep: step })
      .where('userId', '=', userId)
      .where((eb) => eb.or([eb('lastUsedStep', 'is', null), eb('lastUsedStep', '<', step)]))
      .returning('userId')
      .executeTakeFirst();
    return updated !== undefined;
  },

  remove: async (userId: string) => {
    await db.deleteFrom('mfaRecoveryCode').where('userId', '=', userId).execute();
    await db.deleteFrom('mfaChallenge').where('userId', '=', userId).execute();
    await db.deleteFrom('userMfa').where('userId', '=', userId).execute();
  },

  replaceRecoveryCodes: async (userId: string, codeHashes: string[]) => {
    await db.deleteFrom('mfaRecoveryCode').where('userId', '=', userId).execute();
    await db.insertInto('mfaRecoveryCode').values(codeHashes.map((codeHash) => ({ userId, codeHash }))).execute();
  },

  /** Marks an unused code used; false when it is unknown or was used before. */
  useRecoveryCode: async (userId: string, codeHash: string) => {
    const used = await db
      .updateTable('mfaRecoveryCode')
      .set({ usedAt: new Date() })
      .where('userId', '=', userId)
      .where('codeHash', '=', codeHash)
      .where('usedAt', 'is', null)
      .returning('id')
      .executeTakeFirst();
    return used !== undefined;
  },

  unusedRecoveryCodes: async (userId: string) => {
    const row = await db
      .selectFrom('mfaRecoveryCode')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('userId', '=', userId)
      .where('usedAt', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  },

  insertChallenge: async (tokenHash: string, userId: string, expiresAt: Date) => {
    await db.deleteFrom('mfaChallenge').where('expiresAt', '<', new Date()).execute();
    await db.insertInto('mfaChallenge').values({ tokenHash, userId, expiresAt }).execute();
  },

  findChallenge: (tokenHash: string) =>
    db.selectFrom('mfaChallenge').select(['tokenHash', 'userId', 'expiresAt', 'attempts']).where('tokenHash', '=', tokenHash).executeTakeFirst(),

  countFailedAttempt: async (tokenHash: string) => {
    const row = await db
      .updateTable('mfaChallenge')
      .set({ attempts: sql`attempts + 1` })
      .where('tokenHash', '=', tokenHash)
      .returning('attempts')
      .executeTakeFirst();
    return row?.attempts ?? Number.POSITIVE_INFINITY;
  },

  /** Deletes the challenge; false when another request consumed it first. */
  consumeChallenge: async (tokenHash: string) => {
    const deleted = await db.deleteFrom('mfaChallenge').where('tokenHash', '=', tokenHash).returning('userId').executeTakeFirst();
    return deleted !== undefined;
  },
});
