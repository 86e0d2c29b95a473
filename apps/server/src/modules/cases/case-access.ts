import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { ResourceScope } from '../../platform/access/policies/index.js';

/**
 * Which desks reach a case: the lead desk (`support_case.desk_id`) acts on it; a desk it is shared
 * with by an accepted referral (`case_share`) reads it while the share stands, that is while
 * neither the share is revoked nor the person's consent withdrawn or expired. A desk whose referral
 * is still pending sees only the referral's summary (modules/cases/referrals.*), never the case.
 * Every case service and list goes through these, so that withdrawing consent hides the case from
 * the partner desk at once.
 */
export type CaseScope = { caseId: string; personId: string; leadDeskId: string; sharedWithDeskIds: string[] };

/** The share-is-standing condition, for queries that join `case_share` and `consent`. */
const shareStands = sql<boolean>`case_share.revoked_at is null
  and consent.withdrawn_at is null
  and (consent.valid_until is null or consent.valid_until >= current_date)
  and exists (select 1 from referral where referral.id = case_share.referral_id and referral.status = 'accepted')`;

export async function loadCaseScope(db: Executor, caseId: string): Promise<CaseScope | undefined> {
  const found = await db
    .selectFrom('supportCase')
    .select(['id', 'personId', 'deskId'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!found) return undefined;
  const shares = await db
    .selectFrom('caseShare')
    .innerJoin('consent', 'consent.id', 'caseShare.consentId')
    .select('caseShare.deskId')
    .where('caseShare.caseId', '=', caseId)
    .where(shareStands)
    .execute();
  return {
    caseId: found.id,
    personId: found.personId,
    leadDeskId: found.deskId,
    sharedWithDeskIds: [...new Set(shares.map((share) => share.deskId))].filter((desk) => desk !== found.deskId),
  };
}

/** For `access.require(actor, 'cases:read', …)`: the lead desk and every desk the case is shared with. */
export function caseReadScope(scope: CaseScope): ResourceScope {
  return {
    organisationId: scope.leadDeskId,
    organisationIds: [scope.leadDeskId, ...scope.sharedWithDeskIds],
    subject: { type: 'case', id: scope.caseId },
  };
}

/** For acting on a case (stage, notes, tasks, referral…): the lead desk only. */
export function caseLeadScope(scope: CaseScope): ResourceScope {
  return { organisationId: scope.leadDeskId, subject: { type: 'case', id: scope.caseId } };
}

/** In SQL, for statements written by hand: the case `caseAlias` is led by, or shared with, the desk `deskId`. */
export function caseVisibleToDeskSql(caseAlias: string, deskId: RawBuilder<unknown> | string) {
  const alias = sql.ref(caseAlias);
  return sql<boolean>`(${alias}.desk_id = ${deskId} or exists (
    select 1 from case_share join consent on consent.id = case_share.consent_id
     where case_share.case_id = ${alias}.id and case_share.desk_id = ${deskId} and ${shareStands}))`;
}

/** A list filter: cases led by one of `deskIds`, or shared with one of them by a standing share. */
export function caseVisibleToDesks(deskIds: readonly string[]) {
  return (eb: ExpressionBuilder<DB, 'supportCase'>) => {
    if (deskIds.length === 0) return eb.val(false);
    return eb.or([
      eb('supportCase.deskId', 'in', deskIds),
      eb.exists(
        eb
          .selectFrom('caseShare')
          .innerJoin('consent', 'consent.id', 'caseShare.consentId')
          .select(sql`1`.as('one'))
          .whereRef('caseShare.caseId', '=', 'supportCase.id')
          .where('caseShare.deskId', 'in', deskIds)
          .where(shareStands),
      ),
    ]);
  };
}
