import type { CaseServiceReferralCreateBody, CaseServiceReferralOutcome, CaseServiceReferralView, Locale } from '@glocal/contracts';
import { sql } from 'kysely';
import type { Access } from '../../platform/access/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import { changedFields, type AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { NotFoundError } from '../../platform/errors/app-error.js';
import { caseLeadScope, caseReadScope, loadCaseScope } from '../cases/index.js';

type Request = { ip?: string; id?: string };
type Deps = { db: Database; access: Access; audit: AuditTrail };
export type CaseReferralsService = ReturnType<typeof createCaseReferralsService>;

type Row = { id: string; caseId: string; serviceId: string; serviceName: string; organizationName: string; note: string | null; outcome: string; outcomeAt: Date | null; createdAt: Date };
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const toView = (row: Row): CaseServiceReferralView => ({
  id: row.id,
  caseId: row.caseId,
  serviceId: row.serviceId,
  serviceName: row.serviceName,
  organizationName: row.organizationName,
  note: row.note,
  outcome: row.outcome as CaseServiceReferralOutcome,
  outcomeAt: iso(row.outcomeAt),
  referredAt: iso(row.createdAt)!,
});

const select = (db: Executor, locale: Locale, where: ReturnType<typeof sql>) =>
  sql<Row>`
    select r.id, r.case_id, r.service_id, coalesce(tr.name, s.name) as service_name, o.name as organization_name,
      r.note, r.outcome, r.outcome_at, r.created_at
    from case_service_referral r
    join hsds_service s on s.id = r.service_id
    join hsds_organization o on o.id = s.organization_id
    left join hsds_service_translation tr on tr.service_id = s.id and tr.locale = ${locale}
    where ${where}
    order by r.created_at, r.id`.execute(db);

/**
 * What the directory holds about people's cases, for the cases module's data download and erasure
 * (handed to those services in app.ts, so that the cases module never reaches into this table).
 */
export const caseServiceReferralRecords = {
  /** Every referral of these cases, oldest first, the service named in `locale` when translated. */
  ofCases: async (db: Executor, caseIds: readonly string[], locale: Locale): Promise<Row[]> =>
    caseIds.length === 0 ? [] : (await select(db, locale, sql`r.case_id in (${sql.join(caseIds)})`)).rows,

  /** Clears the coaches' free text; which service, when and the outcome stay for anonymous counts. */
  eraseNotes: async (db: Executor, caseIds: readonly string[]): Promise<number> => {
    if (caseIds.length === 0) return 0;
    const result = await sql`update case_service_referral set note = null, updated_at = now() where case_id in (${sql.join(caseIds)}) and note is not null`.execute(db);
    return Number(result.numAffectedRows ?? 0);
  },
};

/**
 * A coach refers a case to a directory service and later records whether the person got it. Who
 * may: whoever may act on the case (its lead desk), as the cases module decides. A referral tells
 * what a person needs, so reads are audited like the case's own.
 */
export function createCaseReferralsService({ db, access, audit }: Deps) {
  async function caseScope(caseId: string) {
    const scope = await loadCaseScope(db, caseId);
    if (!scope) throw new NotFoundError('not_found', { caseId });
    return scope;
  }

  return {
    async create(actor: Actor | null, serviceId: string, input: CaseServiceReferralCreateBody, locale: Locale, request: Request) {
      const scope = await caseScope(input.caseId);
      const coach = await access.require(actor, 'cases:update', caseLeadScope(scope), { whenDenied: 'not_found', request });
      const service = await sql`select 1 from hsds_service where id = ${serviceId}`.execute(db);
      if (service.rows.length === 0) throw new NotFoundError('directory.service_not_found', { id: serviceId });
      return db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ id: string }>`
          insert into case_service_referral (case_id, service_id, referred_by, note)
          values (${input.caseId}, ${serviceId}, ${coach.userId}, ${input.note ?? null}) returning id`.execute(trx);
        const id = rows[0]!.id;
        await audit.record(trx, {
          actor: coach,
          action: 'case.service_referred',
          subject: { type: 'case', id: input.caseId },
          organisationId: scope.leadDeskId,
          // changedFields keeps the note's length, not its text: the trail is append-only, and erasing the person clears the note.
          details: { referralId: id, changes: changedFields(undefined, { serviceId, note: input.note ?? null, outcome: 'pending' }) },
          request,
        });
        return toView((await select(trx, locale, sql`r.id = ${id}`)).rows[0]!);
      });
    },

    async setOutcome(actor: Actor | null, referralId: string, outcome: CaseServiceReferralOutcome, locale: Locale, request: Request) {
      const found = (await sql<{ caseId: string; outcome: string }>`select case_id, outcome from case_service_referral where id = ${referralId}`.execute(db)).rows[0];
      if (!found) throw new NotFoundError('not_found', { id: referralId });
      const scope = await caseScope(found.caseId);
      const coach = await access.require(actor, 'cases:update', caseLeadScope(scope), { whenDenied: 'not_found', request });
      return db.transaction().execute(async (trx) => {
        await sql`
          update case_service_referral set outcome = ${outcome},
            outcome_at = case when ${outcome} = 'pending' then null else now() end,
            outcome_by = case when ${outcome} = 'pending' then null else ${coach.userId}::uuid end, updated_at = now()
          where id = ${referralId}`.execute(trx);
        await audit.record(trx, {
          actor: coach,
          action: 'case.service_referral_outcome',
          subject: { type: 'case', id: found.caseId },
          organisationId: scope.leadDeskId,
          details: { referralId, changes: changedFields({ outcome: found.outcome }, { outcome }) },
          request,
        });
        return toView((await select(trx, locale, sql`r.id = ${referralId}`)).rows[0]!);
      });
    },

    /** The services a case was referred to, oldest first: for the case history. */
    async list(actor: Actor | null, caseId: string, locale: Locale, request: Request) {
      const scope = await caseScope(caseId);
      const reader = await access.require(actor, 'cases:read', caseReadScope(scope), { whenDenied: 'not_found', request });
      return db.transaction().execute(async (trx) => {
        const rows = (await select(trx, locale, sql`r.case_id = ${caseId}`)).rows;
        await audit.record(trx, { actor: reader, action: 'case.service_referrals_read', subject: { type: 'case', id: caseId }, organisationId: scope.leadDeskId, details: { referralIds: rows.map((row) => row.id) }, request });
        return { items: rows.map(toView), nextCursor: null };
      });
    },
  };
}
