import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { PersonTable } from '../../platform/db/schema/cases.js';

export type PersonRow = Selectable<PersonTable>;
export type PersonInsert = Insertable<PersonTable> & { id: string };

/** Kysely queries on `person`; plain rows, encrypted fields as stored. */
export const peopleRepository = (db: Executor) => ({
  insert: (person: PersonInsert) => db.insertInto('person').values(person).returningAll().executeTakeFirstOrThrow(),

  findById: (id: string) => db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst(),

  findByIds: (ids: readonly string[]) =>
    ids.length === 0 ? Promise.resolve([]) : db.selectFrom('person').selectAll().where('id', 'in', ids).execute(),

  markMerged: (id: string, intoId: string) =>
    db.updateTable('person').set({ mergedIntoPersonId: intoId, updatedAt: new Date() }).where('id', '=', id).execute(),
});
