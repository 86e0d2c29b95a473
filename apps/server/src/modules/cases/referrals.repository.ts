import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

export type ReferralRow = {
  id: string;
  caseId: string;
  fromDeskId: string;
  fromDeskName: string;
  toDeskId: string;
  toDeskName: string;
  consentId: string;
  purpose: string;
  status: 'pending' | 'accepted' | 'declined' | 'cancelled';
  declineReason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
};

export type IncomingReferralRow = ReferralRow & {
  caseReference: string;
  requestKind: string;
  stage: string | null;
  idea: string | null;
  personGivenName: string;
  dataCategories: string[];
};

export const referralsRepository = (db: Executor) => {
  const base = () =>
    db
      .selectFrom('referral')
      .innerJoin('organisation as fromDesk', 'fromDesk.id', 'referral.fromDeskId')
      .innerJoin('organisation as toDesk', 'toDesk.id', 'referral.toDeskId')
      .select([
        'referral.id', 'referral.caseId', 'referral.fromDeskId', 'fromDesk.name as fromDeskName', 'referral.toDeskId', 'toDesk.name as toDeskName',
        'referral.consentId', 'referral.purpose', 'referral.status', 'referral.declineReason', 'referral.createdAt', 'referral.decidedAt',
      ]);
  return {
    listForCase: (caseId: string): Promise<ReferralRow[]> =>
      base().where('referral.caseId', '=', caseId).orderBy('referral.createdAt', 'desc').orderBy('referral.id').execute(),

    findById: (id: string): Promise<ReferralRow | undefined> => base().where('referral.id', '=', id).executeTakeFirst(),

    /** Referrals to (incoming) or from (outgoing) the desks, with the summary a receiving desk decides on. */
    listForDesks: (deskIds: string[], direction: 'incoming' | 'outgoing', status: string | undefined): Promise<IncomingReferralRow[]> => {
      if (deskIds.length === 0) return Promise.resolve([]);
      let query = base()
        .innerJoin('supportCase', 'supportCase.id', 'referral.caseId')
        .innerJoin('person', 'person.id', 'supportCase.personId')
        .innerJoin('consent', 'consent.id', 'referral.consentId')
        .leftJoin('businessProject', 'businessProject.caseId', 'referral.caseId')
        .select([
          'supportCase.reference as caseReference', 'supportCase.requestKind', 'businessProject.stage', 'businessProject.idea',
          'person.givenName as personGivenName', 'consent.dataCategories',
        ])
        .where(direction === 'incoming' ? 'referral.toDeskId' : 'referral.fromDeskId', 'in', deskIds);
      if (status) query = query.where('referral.status', '=', status as ReferralRow['status']);
      return query.orderBy('referral.createdAt', 'desc').orderBy('referral.id').limit(200).execute() as Promise<IncomingReferralRow[]>;
    },

    pendingTo: (caseId: string, toDeskId: string) =>
      db.selectFrom('referral').select('id').where('caseId', '=', caseId).where('toDeskId', '=', toDeskId).where('status', '=', 'pending').executeTakeFirst(),

    /** A partnership both desks belong to, still running today. */
    sharedPartnership: (deskA: string, deskB: string) =>
      db
        .selectFrom('partnershipMember as a')
        .innerJoin('partnershipMember as b', 'b.partnershipId', 'a.partnershipId')
        .innerJoin('partnership', 'partnership.id', 'a.partnershipId')
        .select(['partnership.id', 'partnership.name'])
        .where('a.organisationId', '=', deskA)
        .where('b.organisationId', '=', deskB)
        .where(sql<boolean>`(partnership.starts_on is null or partnership.starts_on <= current_date)`)
        .where(sql<boolean>`(partnership.ends_on is null or partnership.ends_on >= current_date)`)
        .orderBy('partnership.name')
        .executeTakeFirst(),

    insert: (row: { caseId: string; fromDeskId: string; toDeskId: string; partnershipId: string; consentId: string; purpose: string; createdBy: string }) =>
      db.insertInto('referral').values(row).returning('id').executeTakeFirstOrThrow(),

    decide: (id: string, status: 'accepted' | 'declined', by: string, declineReason: string | null) =>
      db
        .updateTable('referral')
        .set({ status, decidedBy: by, decidedAt: new Date(), declineReason })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .returning('id')
        .executeTakeFirst(),

    grantShare: (row: { caseId: string; deskId: string; referralId: string; consentId: string }) =>
      db.insertInto('caseShare').values(row).onConflict((oc) => oc.columns(['caseId', 'deskId', 'referralId']).doUpdateSet({ revokedAt: null })).execute(),

    revokeShares: (caseId: string, deskId: string) =>
      db.updateTable('caseShare').set({ revokedAt: new Date() }).where('caseId', '=', caseId).where('deskId', '=', deskId).where('revokedAt', 'is', null).execute(),

    /** The receiving desk leads from now on; whoever accepted follows the case. */
    moveLead: (caseId: string, deskId: string, coachId: string | null) =>
      db.updateTable('supportCase').set({ deskId, assignedCoachId: coachId, updatedAt: new Date() }).where('id', '=', caseId).execute(),
  };
};
