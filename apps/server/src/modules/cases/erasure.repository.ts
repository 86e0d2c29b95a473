import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

const ERASED = 'erased';

export const erasureRepository = (db: Executor) => ({
  list: (status: string | undefined) => {
    let query = db
      .selectFrom('erasureRequest')
      .innerJoin('person', 'person.id', 'erasureRequest.personId')
      .select([
        'erasureRequest.id', 'erasureRequest.personId', 'erasureRequest.status', 'erasureRequest.requestedAt', 'erasureRequest.decidedAt',
        'erasureRequest.retainedReason', 'erasureRequest.retained', 'person.givenName', 'person.familyName',
        sql<string[]>`coalesce((select array_agg(c.reference order by c.created_at) from support_case c where c.person_id = person.id), '{}')`.as('caseReferences'),
        sql<string[]>`coalesce((select array_agg(distinct o.name) from support_case c join organisation o on o.id = c.desk_id where c.person_id = person.id), '{}')`.as('deskNames'),
      ]);
    if (status) query = query.where('erasureRequest.status', '=', status as 'pending');
    return query.orderBy('erasureRequest.requestedAt').limit(500).execute();
  },

  find: (id: string) => db.selectFrom('erasureRequest').selectAll().where('id', '=', id).executeTakeFirst(),

  /** The person and anyone merged into them: one human, one erasure. */
  personIds: async (personId: string) => [
    personId,
    ...(await db.selectFrom('person').select('id').where('mergedIntoPersonId', '=', personId).execute()).map((p) => p.id),
  ],

  caseIds: async (personIds: string[]) => (await db.selectFrom('supportCase').select('id').where('personId', 'in', personIds).execute()).map((c) => c.id),

  /**
   * Replaces the personal data of these people and their cases, keeping what anonymous counts
   * need (desk, kind, status, stage, outcome, amounts, dates, territories) detached from anyone.
   */
  async erase(personIds: string[], caseIds: string[], keep: { consentRecords: boolean; financingRecords: boolean }) {
    const removed = { documents: 0, messages: 0, notes: 0, tasks: 0 };
    if (caseIds.length > 0) {
      removed.documents = Number((await db.deleteFrom('caseDocument').where('caseId', 'in', caseIds).executeTakeFirst()).numDeletedRows);
      removed.messages = Number((await db.deleteFrom('caseMessage').where('caseId', 'in', caseIds).executeTakeFirst()).numDeletedRows);
      removed.notes = Number((await db.deleteFrom('caseNote').where('caseId', 'in', caseIds).executeTakeFirst()).numDeletedRows);
      removed.tasks = Number((await db.deleteFrom('caseTask').where('caseId', 'in', caseIds).executeTakeFirst()).numDeletedRows);
      await db.updateTable('businessStageTransition').set({ reason: null }).where('caseId', 'in', caseIds).execute();
      await db
        .updateTable('businessProject')
        .set({ idea: ERASED, registrationNumber: null, businessPlanDocumentId: null, financingPlanDocumentId: null, updatedAt: new Date() })
        .where('caseId', 'in', caseIds)
        .execute();
      await db.updateTable('caseOutcome').set({ notes: null }).where('caseId', 'in', caseIds).execute();
      if (!keep.financingRecords) {
        await db.updateTable('caseFinancing').set({ sourceName: ERASED }).where('caseId', 'in', caseIds).where('sourceOrganisationId', 'is', null).execute();
        await db.updateTable('caseFinancing').set({ sourceName: null }).where('caseId', 'in', caseIds).where('sourceOrganisationId', 'is not', null).execute();
      }
      await db.updateTable('referral').set({ purpose: ERASED }).where('caseId', 'in', caseIds).execute();
      await db.updateTable('referral').set({ declineReason: ERASED }).where('caseId', 'in', caseIds).where('declineReason', 'is not', null).execute();
      for (const id of caseIds) {
        // A new reference: the old one, known to the person, must no longer lead anywhere.
        await db
          .updateTable('supportCase')
          .set({ reference: `ERASED-${randomBytes(9).toString('hex').toUpperCase()}`, needEncrypted: null, tags: [], updatedAt: new Date() })
          .where('id', '=', id)
          .execute();
      }
    }
    await db
      .updateTable('consent')
      .set(keep.consentRecords ? { documentId: null } : { purpose: ERASED, documentId: null })
      .where('personId', 'in', personIds)
      .execute();
    await db.deleteFrom('personDuplicate').where((eb) => eb.or([eb('personId', 'in', personIds), eb('duplicateOfPersonId', 'in', personIds)])).execute();
    await db
      .updateTable('person')
      .set({
        givenName: ERASED, familyName: null, normalisedName: '', emailEncrypted: null, emailHash: null, phoneEncrypted: null, phoneHash: null,
        birthDateEncrypted: null, birthDateHash: null, residenceStatusEncrypted: null, gender: null, languages: [], userId: null,
        erasedAt: new Date(), updatedAt: new Date(),
      })
      .where('id', 'in', personIds)
      .execute();
    return removed;
  },

  decide: (id: string, values: { status: 'completed' | 'partially_completed' | 'refused'; decidedBy: string; retainedReason: string | null; retained: string[] }) =>
    db.updateTable('erasureRequest').set({ ...values, decidedAt: new Date() }).where('id', '=', id).where('status', '=', 'pending').returningAll().executeTakeFirst(),
});
