import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

export type DuplicateCandidate = { personId: string; matchedOn: ('email' | 'phone' | 'birth_date')[] };

/** Kysely queries on `person_duplicate` and the people and cases a pair joins. */
export const duplicatesRepository = (db: Executor) => ({
  insert: (personId: string, duplicateOfPersonId: string, matchedOn: string[]) =>
    db
      .insertInto('personDuplicate')
      .values({ personId, duplicateOfPersonId, matchedOn })
      .onConflict((conflict) => conflict.columns(['personId', 'duplicateOfPersonId']).doNothing())
      .execute(),

  findById: (id: string) => db.selectFrom('personDuplicate').selectAll().where('id', '=', id).executeTakeFirst(),

  /**
   * Open pairs whose later person has a case led by one of `deskIds`, newest first, keyset-paged.
   * The key carries the creation time as the database writes it (microseconds): pairs found by one
   * submission share it, and a JavaScript date, to the millisecond, would skip some of them.
   */
  listOpen: (deskIds: readonly string[], after: [createdKey: string, id: string] | undefined, limit: number) =>
    db
      .selectFrom('personDuplicate')
      .selectAll()
      .select(sql<string>`person_duplicate.created_at::text`.as('createdKey'))
      .where('status', '=', 'open')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('supportCase')
            .select(sql`1`.as('one'))
            .whereRef('supportCase.personId', '=', 'personDuplicate.personId')
            .where('supportCase.deskId', 'in', deskIds.length ? deskIds : ['00000000-0000-0000-0000-000000000000']),
        ),
      )
      .$if(Boolean(after), (query) => query.where(sql<boolean>`(person_duplicate.created_at, person_duplicate.id) < (${after![0]}::timestamptz, ${after![1]}::uuid)`))
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),

  /** The desks leading each person's cases, and the cases' references. */
  casesOf: (personIds: readonly string[]) =>
    personIds.length === 0
      ? Promise.resolve([])
      : db.selectFrom('supportCase').select(['id', 'personId', 'deskId', 'reference']).where('personId', 'in', personIds).orderBy('createdAt').execute(),

  decide: (id: string, status: 'merged' | 'dismissed', decidedBy: string) =>
    db
      .updateTable('personDuplicate')
      .set({ status, decidedBy, decidedAt: new Date() })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .returningAll()
      .executeTakeFirst(),

  /** Merging: the merged person's cases, consents and open pairs now belong to the kept one. */
  async moveHistory(fromPersonId: string, toPersonId: string): Promise<string[]> {
    const moved = await db.updateTable('supportCase').set({ personId: toPersonId, updatedAt: new Date() }).where('personId', '=', fromPersonId).returning('id').execute();
    await db.updateTable('consent').set({ personId: toPersonId }).where('personId', '=', fromPersonId).execute();
    return moved.map((row) => row.id);
  },
});
