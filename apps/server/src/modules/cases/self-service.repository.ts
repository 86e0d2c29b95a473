import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

/** The person's side of their cases: found by the account linked to them, never by a desk. */
export const selfServiceRepository = (db: Executor) => ({
  personOfUser: (userId: string) =>
    db.selectFrom('person').selectAll().where('userId', '=', userId).where('erasedAt', 'is', null).executeTakeFirst(),

  caseByReference: (reference: string) =>
    db
      .selectFrom('supportCase')
      .innerJoin('person', 'person.id', 'supportCase.personId')
      .select(['supportCase.id', 'supportCase.personId', 'person.emailHash', 'person.userId', 'person.erasedAt'])
      .where('supportCase.reference', '=', reference)
      .executeTakeFirst(),

  linkPerson: (personId: string, userId: string) =>
    db.updateTable('person').set({ userId, updatedAt: new Date() }).where('id', '=', personId).where('userId', 'is', null).executeTakeFirst(),

  casesOf: (personId: string, caseId?: string) => {
    let query = db
      .selectFrom('supportCase')
      .innerJoin('organisation', 'organisation.id', 'supportCase.deskId')
      .leftJoin('appUser as coach', 'coach.id', 'supportCase.assignedCoachId')
      .leftJoin('businessProject', 'businessProject.caseId', 'supportCase.id')
      .select([
        'supportCase.id', 'supportCase.reference', 'supportCase.requestKind', 'supportCase.status', 'supportCase.outcome', 'supportCase.needEncrypted',
        'supportCase.createdAt', 'supportCase.updatedAt', 'supportCase.closedAt', 'organisation.name as deskName', 'coach.displayName as coachName',
        'businessProject.stage',
        sql<number>`(select count(*) from case_message m where m.case_id = support_case.id and m.sender = 'staff' and m.read_at is null)::int`.as('unreadMessages'),
      ])
      .where('supportCase.personId', '=', personId);
    if (caseId) query = query.where('supportCase.id', '=', caseId);
    return query.orderBy('supportCase.createdAt', 'desc').execute();
  },

  stageHistory: (caseIds: string[]) =>
    caseIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('businessStageTransition')
          .select(['caseId', 'fromStage', 'toStage', 'reason', 'movedAt'])
          .where('caseId', 'in', caseIds)
          .orderBy('movedAt')
          .orderBy('id')
          .execute(),

  projects: (caseIds: string[]) =>
    caseIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('businessProject')
          .select([
            'caseId', 'stage', 'idea', 'isicSection', 'isicDivision', 'setupTerritoryId', 'ownFundsAmount', 'neededAmount', 'currency', 'legalForm',
            'registrationNumber', sql<string | null>`to_char(registered_on, 'YYYY-MM-DD')`.as('registeredOn'),
          ])
          .where('caseId', 'in', caseIds)
          .execute(),

  outcomes: (caseIds: string[]) =>
    caseIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('caseOutcome')
          .select(['caseId', sql<string | null>`to_char(business_created_on, 'YYYY-MM-DD')`.as('businessCreatedOn'), 'legalForm', 'jobsWomen', 'jobsMen', 'jobsOther', 'notes'])
          .where('caseId', 'in', caseIds)
          .execute(),

  financing: (caseIds: string[]) =>
    caseIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('caseFinancing')
          .leftJoin('organisation', 'organisation.id', 'caseFinancing.sourceOrganisationId')
          .select([
            'caseFinancing.caseId', 'caseFinancing.kind', 'caseFinancing.amount', 'caseFinancing.currency', 'organisation.name as sourceOrganisation',
            'caseFinancing.sourceName', 'caseFinancing.fromRemittances', sql<string | null>`to_char(case_financing.obtained_on, 'YYYY-MM-DD')`.as('obtainedOn'),
          ])
          .where('caseFinancing.caseId', 'in', caseIds)
          .execute(),

  notes: (caseIds: string[]) =>
    caseIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('caseNote')
          .innerJoin('organisation', 'organisation.id', 'caseNote.deskId')
          .select(['caseNote.id', 'caseNote.caseId', 'organisation.name as deskName', 'caseNote.bodyEncrypted', 'caseNote.sensitive', 'caseNote.createdAt'])
          .where('caseNote.caseId', 'in', caseIds)
          .orderBy('caseNote.createdAt')
          .execute(),

  tasks: (caseIds: string[]) =>
    caseIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('caseTask')
          .select(['caseId', 'title', sql<string | null>`to_char(due_on, 'YYYY-MM-DD')`.as('dueOn'), 'doneAt'])
          .where('caseId', 'in', caseIds)
          .execute(),

  referrals: (caseIds: string[]) =>
    caseIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('referral')
          .innerJoin('organisation as f', 'f.id', 'referral.fromDeskId')
          .innerJoin('organisation as to', 'to.id', 'referral.toDeskId')
          .select(['referral.caseId', 'f.name as fromDesk', 'to.name as toDesk', 'referral.purpose', 'referral.status', 'referral.declineReason', 'referral.createdAt', 'referral.decidedAt'])
          .where('referral.caseId', 'in', caseIds)
          .orderBy('referral.createdAt')
          .execute(),

  territoryCodes: (ids: (string | null)[]) => {
    const wanted = ids.filter((id): id is string => Boolean(id));
    return wanted.length === 0 ? Promise.resolve([]) : db.selectFrom('territory').select(['id', 'code']).where('id', 'in', wanted).execute();
  },

  erasureRequests: (personId: string) =>
    db.selectFrom('erasureRequest').selectAll().where('personId', '=', personId).orderBy('requestedAt', 'desc').execute(),

  insertErasureRequest: (personId: string) =>
    db.insertInto('erasureRequest').values({ personId }).onConflict((oc) => oc.column('personId').where('status', '=', 'pending').doNothing()).returningAll().executeTakeFirst(),
});
