import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { caseVisibleToDesks } from './case-access.js';

export type DuplicateKeys = { normalisedName: string; email: string | null; phone: string | null; birthDate: string | null };
export type DuplicateCandidate = { personId: string; matchedOn: ('email' | 'phone' | 'birth_date')[] };

/** Kysely queries on `person_duplicate` and the people and cases a pair joins. */
export const duplicatesRepository = (db: Executor) => ({
  /**
   * People with the same normalised name and at least one same contact hash, who have a case one
   * of `deskIds` can see (led or shared): the desks the staff handling the new request may see.
   */
  async candidates(keys: DuplicateKeys, deskIds: readonly string[], exceptPersonId: string): Promise<DuplicateCandidate[]> {
    const hashes = [keys.email, keys.phone, keys.birthDate].filter(Boolean);
    if (hashes.length === 0 || deskIds.length === 0) return [];
    const rows = await db
      .selectFrom('person')
      .select(['person.id', 'person.emailHash', 'person.phoneHash', 'person.birthDateHash'])
      .where('person.normalisedName', '=', keys.normalisedName)
      .where('person.id', '<>', exceptPersonId)
      .where('person.mergedIntoPersonId', 'is', null)
      .where('person.erasedAt', 'is', null)
      .where((eb) =>
        eb.or([
          ...(keys.email ? [eb('person.emailHash', '=', keys.email)] : []),
          ...(keys.phone ? [eb('person.phoneHash', '=', keys.phone)] : []),
          ...(keys.birthDate ? [eb('person.birthDateHash', '=', keys.birthDate)] : []),
        ]),
      )
      .where((eb) =>
        eb.exists(
          eb.selectFrom('supportCase').select(sql`1`.as('one')).whereRef('supportCase.personId', '=', 'person.id').where(caseVisibleToDesks(deskIds)),
        ),
      )
      .execute();
    return rows.map((row) => ({
      personId: row.id,
      matchedOn: [
        ...(keys.email && row.emailHash === keys.email ? (['email'] as const) : []),
        ...(keys.phone && row.phoneHash === keys.phone ? (['phone'] as const) : []),
        ...(keys.birthDate && row.birthDateHash === keys.birthDate ? (['birth_date'] as const) : []),
      ],
    }));
  },

  insert: (personId: string, duplicateOfPersonId: string, matchedOn: string[]) =>
    db
      .insertInto('personDuplicate')
      .values({ personId, duplicateOfPersonId, matchedOn })
      .onConflict((conflict) => conflict.columns(['personId', 'duplicateOfPersonId']).doNothing())
      .execute(),

  findById: (id: string) => db.selectFrom('personDuplicate').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Open pairs whose later person has a case led by one of `deskIds`, newest first, keyset-paged. */
  listOpen: (deskIds: readonly string[], after: { createdAt: string; id: string } | undefined, limit: number) =>
    db
      .selectFrom('personDuplicate')
      .selectAll()
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
      .$if(Boolean(after), (query) =>
        query.where((eb) =>
          eb.or([
            eb('createdAt', '<', new Date(after!.createdAt)),
            eb.and([eb('createdAt', '=', new Date(after!.createdAt)), eb('id', '<', after!.id)]),
          ]),
        ),
      )
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
