import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

export type ConsentRow = {
  id: string;
  personId: string;
  caseId: string | null;
  kind: 'processing' | 'referral';
  purpose: string;
  dataCategories: string[];
  recipientDeskId: string | null;
  recipientDeskName: string | null;
  recipientCountry: string | null;
  legalBasis: string;
  method: string;
  documentId: string | null;
  policyVersion: string | null;
  givenAt: Date;
  validUntil: string | null;
  withdrawnAt: Date | null;
  standing: boolean;
};

const columns = [
  'consent.id', 'consent.personId', 'consent.caseId', 'consent.kind', 'consent.purpose', 'consent.dataCategories',
  'consent.recipientDeskId', 'organisation.name as recipientDeskName', 'consent.recipientCountry', 'consent.legalBasis',
  'consent.method', 'consent.documentId', 'consent.policyVersion', 'consent.givenAt', 'consent.withdrawnAt',
  sql<string | null>`to_char(consent.valid_until, 'YYYY-MM-DD')`.as('validUntil'),
  sql<boolean>`(consent.withdrawn_at is null and (consent.valid_until is null or consent.valid_until >= current_date))`.as('standing'),
] as const;

export const consentsRepository = (db: Executor) => {
  const base = () => db.selectFrom('consent').leftJoin('organisation', 'organisation.id', 'consent.recipientDeskId').select(columns);
  return {
    /** The case's consents, and the person's consent to processing (not tied to one case). */
    listForCase: (caseId: string, personId: string): Promise<ConsentRow[]> =>
      base()
        .where((eb) => eb.or([eb('consent.caseId', '=', caseId), eb.and([eb('consent.personId', '=', personId), eb('consent.kind', '=', 'processing')])]))
        .orderBy('consent.givenAt', 'desc')
        .orderBy('consent.id')
        .execute() as Promise<ConsentRow[]>,

    listForPerson: (personIds: string[]): Promise<ConsentRow[]> =>
      personIds.length === 0
        ? Promise.resolve([])
        : (base().where('consent.personId', 'in', personIds).orderBy('consent.givenAt', 'desc').orderBy('consent.id').execute() as Promise<ConsentRow[]>),

    findById: (id: string): Promise<ConsentRow | undefined> =>
      base().where('consent.id', '=', id).executeTakeFirst() as Promise<ConsentRow | undefined>,

    /**
     * Referral consents of the case that could cover a referral to `deskId`: naming that desk, or
     * the consent under which that desk already holds the case (handing the lead back).
     */
    referralCandidates: (caseId: string, deskId: string): Promise<ConsentRow[]> =>
      base()
        .where('consent.caseId', '=', caseId)
        .where('consent.kind', '=', 'referral')
        .where((eb) =>
          eb.or([
            eb('consent.recipientDeskId', '=', deskId),
            eb('consent.id', 'in', eb.selectFrom('caseShare').select('caseShare.consentId').where('caseShare.caseId', '=', caseId).where('caseShare.deskId', '=', deskId).where('caseShare.revokedAt', 'is', null)),
          ]),
        )
        .orderBy('consent.givenAt', 'desc')
        .execute() as Promise<ConsentRow[]>,

    insert: (row: {
      personId: string; caseId: string; purpose: string; dataCategories: string[]; recipientDeskId: string; recipientCountry: string;
      legalBasis: string; method: string; documentId: string | null; validUntil: string; recordedBy: string;
    }) => db.insertInto('consent').values({ ...row, kind: 'referral' }).returning('id').executeTakeFirstOrThrow(),

    withdraw: (id: string, by: string | null) =>
      db.updateTable('consent').set({ withdrawnAt: new Date(), withdrawnBy: by }).where('id', '=', id).where('withdrawnAt', 'is', null).executeTakeFirst(),

    /** Ends every share granted under the consent, and every referral still waiting on it. */
    endSharesOf: async (consentId: string) => {
      const shares = await db
        .updateTable('caseShare')
        .set({ revokedAt: new Date() })
        .where('consentId', '=', consentId)
        .where('revokedAt', 'is', null)
        .returning(['caseId', 'deskId'])
        .execute();
      const cancelled = await db
        .updateTable('referral')
        .set({ status: 'cancelled', decidedAt: new Date() })
        .where('consentId', '=', consentId)
        .where('status', '=', 'pending')
        .returning('id')
        .execute();
      return { revokedDeskIds: [...new Set(shares.map((s) => s.deskId))], cancelledReferralIds: cancelled.map((r) => r.id) };
    },

    deskWithCountry: (deskId: string) =>
      db
        .selectFrom('organisation')
        .innerJoin('territory', 'territory.id', 'organisation.homeTerritoryId')
        .select(['organisation.id', 'organisation.name', 'organisation.type', 'territory.countryCode'])
        .where('organisation.id', '=', deskId)
        .executeTakeFirst(),
  };
};
