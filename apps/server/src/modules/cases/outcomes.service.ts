import type { CaseFinancingCreateBody, CaseOutcomeBody, OutcomeSummaryView, ProblemFieldError } from '@glocal/contracts';
import { sql } from 'kysely';
import type { Access } from '../../platform/access/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import { changedFields, type AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, NotFoundError } from '../../platform/errors/app-error.js';
import { currencyDigits } from '../reference/index.js';
import { createCaseGuard, desksOf } from './cases.guard.js';
import { toFinancingView, toOutcomeView } from './cases.mapper.js';
import { casesRepository } from './cases.repository.js';
import { amountFitsCurrency } from './pipeline.js';

type Request = { ip?: string; id?: string };
type Deps = { db: Database; access: Access; audit: AuditTrail };

export type OutcomesService = ReturnType<typeof createOutcomesService>;

/**
 * What a case achieved: the business created (date, legal form, jobs by sex) and the financing
 * obtained (exact amounts with their currency, source, whether remittances paid for it). Recorded
 * while the case is worked, by its lead desk; counted per desk for the territory indicators.
 */
export function createOutcomesService({ db, access, audit }: Deps) {
  const guard = createCaseGuard(access);

  return {
    async record(actor: Actor | null, caseId: string, input: CaseOutcomeBody, request: Request) {
      const { scope, actor: coach } = await guard.act(db, actor, caseId, 'cases:update', request);
      return db.transaction().execute(async (trx) => {
        const repo = casesRepository(trx);
        const before = await repo.findOutcome(caseId);
        const fields = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
        await repo.upsertOutcome(caseId, fields, coach.userId);
        await repo.touch(caseId);
        const supportCase = (await repo.findCase(caseId))!;
        const view = toOutcomeView(supportCase, await repo.findOutcome(caseId), await repo.financing(caseId));
        await audit.record(trx, {
          actor: coach,
          action: 'case_outcome.recorded',
          subject: { type: 'case', id: caseId },
          organisationId: scope.leadDeskId,
          details: { changes: changedFields(before ?? undefined, fields) },
          request,
        });
        return view;
      });
    },

    async addFinancing(actor: Actor | null, caseId: string, input: CaseFinancingCreateBody, request: Request) {
      const { scope, actor: coach } = await guard.act(db, actor, caseId, 'cases:update', request);
      const errors: ProblemFieldError[] = [];
      const digits = currencyDigits(input.currency);
      if (digits === undefined) throw new AppError('case.unknown_currency', 422, { currency: input.currency }, [{ pointer: '/currency', code: 'unknown_currency' }]);
      if (!amountFitsCurrency(input.amount, digits)) errors.push({ pointer: '/amount', code: 'too_precise', params: { currency: input.currency, digits } });
      if (errors.length > 0) throw new AppError('case.amount_too_precise', 422, {}, errors);
      return db.transaction().execute(async (trx) => {
        const repo = casesRepository(trx);
        if (input.sourceOrganisationId && !(await repo.organisationExists(input.sourceOrganisationId))) {
          throw new AppError('case.organisation_not_found', 422, {}, [{ pointer: '/sourceOrganisationId', code: 'unknown_organisation' }]);
        }
        const { id } = await trx
          .insertInto('caseFinancing')
          .values({
            caseId,
            kind: input.kind,
            amount: input.amount,
            currency: input.currency,
            sourceOrganisationId: input.sourceOrganisationId ?? null,
            sourceName: input.sourceName ?? null,
            fromRemittances: input.fromRemittances,
            obtainedOn: input.obtainedOn ?? null,
            recordedBy: coach.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await repo.touch(caseId);
        await audit.record(trx, {
          actor: coach,
          action: 'case_financing.recorded',
          subject: { type: 'case', id: caseId },
          organisationId: scope.leadDeskId,
          details: { financingId: id, kind: input.kind, amount: input.amount, currency: input.currency, fromRemittances: input.fromRemittances },
          request,
        });
        return toFinancingView((await repo.financing(caseId)).find((row) => row.id === id)!);
      });
    },

    /**
     * Counts for one desk: cases it leads and cases it took part in through an accepted referral
     * (either end) or a share, so a case followed from Brussels and Diourbel counts for both.
     * Anonymous numbers only; they survive a withdrawn consent, as indicators must.
     */
    async summary(actor: Actor | null, deskId: string | undefined): Promise<OutcomeSummaryView> {
      const reader = await access.require(actor, 'cases:read');
      const desk = deskId ?? desksOf(reader, 'cases:read')[0];
      if (!desk) throw new NotFoundError('case.desk_not_found');
      await access.require(reader, 'cases:read', { organisationId: desk });
      const cases = sql`(
        select id from support_case where desk_id = ${desk}
        union select case_id from referral where status = 'accepted' and (from_desk_id = ${desk} or to_desk_id = ${desk})
        union select case_id from case_share where desk_id = ${desk})`;
      const [totals, financing, outcomes] = await Promise.all([
        sql<{ cases: number; businesses: number; women: number; men: number; other: number }>`
          select count(*)::int as cases,
                 count(o.business_created_on)::int as businesses,
                 coalesce(sum(o.jobs_women), 0)::int as women,
                 coalesce(sum(o.jobs_men), 0)::int as men,
                 coalesce(sum(o.jobs_other), 0)::int as other
          from ${cases} c left join case_outcome o on o.case_id = c.id`.execute(db),
        sql<{ currency: string; amount: string; count: number; fromRemittances: string }>`
          select f.currency, sum(f.amount)::text as amount, count(*)::int as count,
                 coalesce(sum(f.amount) filter (where f.from_remittances), 0)::text as from_remittances
          from case_financing f where f.case_id in (select id from ${cases} c)
          group by f.currency order by f.currency`.execute(db),
        sql<{ outcome: string; n: number }>`
          select s.outcome, count(*)::int as n from support_case s
          where s.id in (select id from ${cases} c) and s.status = 'closed' group by s.outcome`.execute(db),
      ]);
      const total = totals.rows[0]!;
      return {
        deskId: desk,
        cases: total.cases,
        businessesCreated: total.businesses,
        jobs: { women: total.women, men: total.men, other: total.other },
        financing: financing.rows.map((row) => ({ currency: row.currency, amount: row.amount, count: row.count, fromRemittances: row.fromRemittances })),
        byOutcome: Object.fromEntries(outcomes.rows.map((row) => [row.outcome, row.n])),
      };
    },
  };
}
