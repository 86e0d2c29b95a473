import type { Executor } from '../../platform/db/database.js';

export const usersRepository = (db: Executor) => ({
  findByEmail: (email: string) =>
    db
      .selectFrom('appUser')
      .select(['id', 'email', 'displayName', 'passwordHash', 'disabledAt'])
      .where('email', '=', email)
      .executeTakeFirst(),

  membershipsWithNames: (userId: string) =>
    db
      .selectFrom('membership')
      .leftJoin('organisation', 'organisation.id', 'membership.organisationId')
      .select(['membership.organisationId', 'organisation.name as organisationName', 'membership.role'])
      .where('membership.userId', '=', userId)
      .orderBy('organisation.name')
      .execute(),
});
