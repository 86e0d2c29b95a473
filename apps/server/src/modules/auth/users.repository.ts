import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

export const usersRepository = (db: Executor) => ({
  findByEmail: (email: string) =>
    db
      .selectFrom('appUser')
      .select(['id', 'email', 'displayName', 'passwordHash', 'disabledAt', 'locale'])
      .where('email', '=', email)
      .executeTakeFirst(),

  findById: (id: string) =>
    db.selectFrom('appUser').select(['id', 'email', 'displayName', 'disabledAt']).where('id', '=', id).executeTakeFirst(),

  membershipsWithNames: (userId: string) =>
    db
      .selectFrom('membership')
      .leftJoin('organisation', 'organisation.id', 'membership.organisationId')
      .select(['membership.organisationId', 'organisation.name as organisationName', 'membership.role', 'organisation.requireMfa'])
      .where('membership.userId', '=', userId)
      .orderBy('organisation.name')
      .execute(),

  /** Undefined when the address already has an account (say, created a moment ago by another request). */
  insert: (user: { email: string; displayName: string; passwordHash: string; locale: string; kind: 'staff' | 'migrant' }) =>
    db
      .insertInto('appUser')
      .values(user)
      .onConflict((conflict) => conflict.column('email').doNothing())
      .returning('id')
      .executeTakeFirst(),

  setPasswordHash: (id: string, passwordHash: string) =>
    db.updateTable('appUser').set({ passwordHash, updatedAt: new Date() }).where('id', '=', id).execute(),

  hasMembership: async (userId: string, organisationId: string | null, role: string) =>
    (await db
      .selectFrom('membership')
      .select('id')
      .where('userId', '=', userId)
      .where((eb) => (organisationId === null ? eb('organisationId', 'is', null) : eb('organisationId', '=', organisationId)))
      .where('role', '=', role)
      .executeTakeFirst()) !== undefined,

  addMembership: (userId: string, organisationId: string | null, role: string) =>
    sql`
      insert into membership (user_id, organisation_id, role) values (${userId}, ${organisationId}, ${role})
      on conflict do nothing`.execute(db),
});
