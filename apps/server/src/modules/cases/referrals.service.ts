import { REFERRAL_REQUIRED_CATEGORIES, type ReferralCreateBody, type ReferralListQuery, type ReferralView } from '@glocal/contracts';
import type { Access } from '../../platform/access/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import { BadRequestError, ConflictError, NotFoundError } from '../../platform/errors/app-error.js';
import { caseLeadScope } from './case-access.js';
import { consentsRepository, type ConsentRow } from './consents.repository.js';
import { referralsRepository, type IncomingReferralRow, type ReferralRow } from './referrals.repository.js';
import { deskOfActor, iso, loadCollaborationScope, materialReadScope, requireLead } from './referrals.scope.js';

type Request = { ip?: string; id?: string };
type Deps = { db: Database; access: Access; audit: AuditTrail };

export type ReferralsService = ReturnType<typeof createReferralsService>;

const toReferralView = (row: ReferralRow): ReferralView => ({
  id: row.id,
  caseId: row.caseId,
  fromDeskId: row.fromDeskId,
  fromDeskName: row.fromDeskName,
  toDeskId: row.toDeskId,
  toDeskName: row.toDeskName,
  consentId: row.consentId,
  purpose: row.purpose,
  status: row.status,
  declineReason: row.declineReason,
  createdAt: iso(row.createdAt)!,
  decidedAt: iso(row.decidedAt),
});

const toIncomingView = (row: IncomingReferralRow) => ({
  ...toReferralView(row),
  caseReference: row.caseReference,
  requestKind: row.requestKind,
  stage: row.stage,
  idea: row.idea,
  personGivenName: row.personGivenName,
  dataCategories: row.dataCategories,
});

/**
 * What a consent lacks to cover a referral to `desk`: `consent` (none recorded), a required data
 * category (`data_category.contact`), `recipient_country`, `validity` (expired). Empty: it covers it.
 */
export function missingForReferral(consent: ConsentRow | undefined, desk: { id: string; countryCode: string }): string[] {
  if (!consent || consent.withdrawnAt) return ['consent'];
  const missing = REFERRAL_REQUIRED_CATEGORIES.filter((c) => !consent.dataCategories.includes(c)).map((c) => `data_category.${c}`);
  if (consent.recipientDeskId === desk.id && consent.recipientCountry !== desk.countryCode) missing.push('recipient_country');
  if (!consent.standing) missing.push('validity');
  return missing;
}

export function createReferralsService({ db, access, audit }: Deps) {
  async function scopeOrThrow(caseId: string) {
    const scope = await loadCollaborationScope(db, caseId);
    if (!scope) throw new NotFoundError('not_found');
    return scope;
  }

  const deskIdsOf = (actor: Actor) => actor.memberships.flatMap((m) => (m.organisationId ? [m.organisationId] : []));

  return {
    async listForCase(actor: Actor | null, caseId: string, request: Request) {
      const scope = await scopeOrThrow(caseId);
      const reader = await access.require(actor, 'cases:read', materialReadScope(scope), { whenDenied: 'not_found', request });
      return db.transaction().execute(async (trx) => {
        const rows = await referralsRepository(trx).listForCase(caseId);
        await audit.record(trx, {
          actor: reader, action: 'referral.list_read', subject: { type: 'case', id: caseId },
          organisationId: deskOfActor(reader, scope), details: { referralIds: rows.map((r) => r.id) }, request,
        });
        return { items: rows.map(toReferralView), nextCursor: null };
      });
    },

    /**
     * Refers the case to a partner desk: only within a partnership both desks share, and only with
     * a standing consent of the person that covers it (else 409 listing what is missing). The
     * receiving desk sees the case's summary while the referral waits for its answer.
     */
    async create(actor: Actor | null, caseId: string, input: ReferralCreateBody, request: Request) {
      const scope = await scopeOrThrow(caseId);
      const coach = await requireLead(access, actor, 'cases:refer', scope, request);
      if (input.toDeskId === scope.leadDeskId) throw new BadRequestError('referral.same_desk');
      const desk = await consentsRepository(db).deskWithCountry(input.toDeskId);
      const partnership = desk?.type === 'help_desk' ? await referralsRepository(db).sharedPartnership(scope.leadDeskId, input.toDeskId) : undefined;
      if (!desk || !partnership) throw new ConflictError('referral.desk_not_partner', { toDeskId: input.toDeskId });
      if (await referralsRepository(db).pendingTo(caseId, desk.id)) throw new ConflictError('referral.already_pending', { toDeskId: desk.id });

      const candidates = await consentsRepository(db).referralCandidates(caseId, desk.id);
      const assessed = candidates.map((consent) => ({ consent, missing: missingForReferral(consent, desk) }));
      const covering = assessed.find((a) => a.missing.length === 0);
      if (!covering) {
        const closest = assessed.filter((a) => !a.consent.withdrawnAt).sort((a, b) => a.missing.length - b.missing.length)[0];
        throw new ConflictError('referral.consent_missing', {
          toDeskId: desk.id,
          toDeskName: desk.name,
          toCountry: desk.countryCode,
          missing: closest?.missing ?? ['consent'],
          requiredDataCategories: REFERRAL_REQUIRED_CATEGORIES,
          ...(closest ? { consentId: closest.consent.id } : {}),
        });
      }
      return db.transaction().execute(async (trx) => {
        const { id } = await referralsRepository(trx).insert({
          caseId, fromDeskId: scope.leadDeskId, toDeskId: desk.id, partnershipId: partnership.id,
          consentId: covering.consent.id, purpose: input.purpose, createdBy: coach.userId,
        });
        await referralsRepository(trx).grantShare({ caseId, deskId: desk.id, referralId: id, consentId: covering.consent.id });
        await audit.record(trx, {
          actor: coach, action: 'referral.created', subject: { type: 'case', id: caseId }, organisationId: scope.leadDeskId,
          details: { referralId: id, fromDeskId: scope.leadDeskId, toDeskId: desk.id, partnershipId: partnership.id, consentId: covering.consent.id, sharedDataCategories: covering.consent.dataCategories },
          request,
        });
        return toReferralView((await referralsRepository(trx).findById(id))!);
      });
    },

    /** Referrals waiting for (incoming) or sent by (outgoing) the actor's desks, with a summary of each case. */
    async list(actor: Actor | null, query: ReferralListQuery, request: Request) {
      const reader = await access.require(actor, 'cases:read');
      const desks = deskIdsOf(reader).filter((deskId) => access.can(reader, 'cases:read', { organisationId: deskId }));
      return db.transaction().execute(async (trx) => {
        const rows = await referralsRepository(trx).listForDesks(desks, query.direction, query.status);
        if (rows.length > 0) {
          await audit.record(trx, {
            actor: reader, action: 'referral.summaries_read', organisationId: desks[0] ?? null,
            details: { direction: query.direction, referralIds: rows.map((r) => r.id), caseIds: [...new Set(rows.map((r) => r.caseId))] }, request,
          });
        }
        return { items: rows.map(toIncomingView), nextCursor: null };
      });
    },

    /** The receiving desk takes the lead; the referring desk keeps reading the case under the same consent. */
    async accept(actor: Actor | null, referralId: string, request: Request) {
      const referral = await referralsRepository(db).findById(referralId);
      if (!referral) throw new NotFoundError('not_found');
      const decider = await access.require(
        actor, 'referrals:decide', { organisationId: referral.toDeskId, subject: { type: 'case', id: referral.caseId } }, { whenDenied: 'not_found', request },
      );
      const scope = await scopeOrThrow(referral.caseId);
      if (referral.status !== 'pending' || scope.leadDeskId !== referral.fromDeskId) throw new ConflictError('referral.not_pending', { status: referral.status });
      const followsCases = decider.memberships.some((m) => m.organisationId === referral.toDeskId && (m.role === 'coach' || m.role === 'desk_manager'));
      return db.transaction().execute(async (trx) => {
        if (!(await referralsRepository(trx).decide(referral.id, 'accepted', decider.userId, null))) throw new ConflictError('referral.not_pending');
        await referralsRepository(trx).moveLead(referral.caseId, referral.toDeskId, followsCases ? decider.userId : null);
        await referralsRepository(trx).revokeShares(referral.caseId, referral.toDeskId);
        await referralsRepository(trx).grantShare({ caseId: referral.caseId, deskId: referral.fromDeskId, referralId: referral.id, consentId: referral.consentId });
        await audit.record(trx, {
          actor: decider, action: 'referral.accepted', subject: { type: 'case', id: referral.caseId }, organisationId: referral.toDeskId,
          details: { referralId: referral.id, changes: { leadDeskId: { before: referral.fromDeskId, after: referral.toDeskId } }, readAccessKeptBy: referral.fromDeskId },
          request,
        });
        return toReferralView((await referralsRepository(trx).findById(referral.id))!);
      });
    },

    async decline(actor: Actor | null, referralId: string, reason: string, request: Request) {
      const referral = await referralsRepository(db).findById(referralId);
      if (!referral) throw new NotFoundError('not_found');
      const decider = await access.require(
        actor, 'referrals:decide', { organisationId: referral.toDeskId, subject: { type: 'case', id: referral.caseId } }, { whenDenied: 'not_found', request },
      );
      if (referral.status !== 'pending') throw new ConflictError('referral.not_pending', { status: referral.status });
      return db.transaction().execute(async (trx) => {
        if (!(await referralsRepository(trx).decide(referral.id, 'declined', decider.userId, reason))) throw new ConflictError('referral.not_pending');
        await trx.updateTable('caseShare').set({ revokedAt: new Date() }).where('referralId', '=', referral.id).where('deskId', '=', referral.toDeskId).where('revokedAt', 'is', null).execute();
        await audit.record(trx, {
          actor: decider, action: 'referral.declined', subject: { type: 'case', id: referral.caseId }, organisationId: referral.toDeskId,
          details: { referralId: referral.id }, request,
        });
        return toReferralView((await referralsRepository(trx).findById(referral.id))!);
      });
    },

    /** Who reached the case, from which desk, and what they did: the case's own slice of the audit trail. */
    async disclosures(actor: Actor | null, caseId: string, request: Request) {
      const scope = await scopeOrThrow(caseId);
      const reader = await access.require(actor, 'cases:read', caseLeadScope(scope), { whenDenied: 'not_found', request });
      return db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom('auditEvent')
          .leftJoin('organisation', 'organisation.id', 'auditEvent.organisationId')
          .select(['auditEvent.occurredAt', 'auditEvent.action', 'auditEvent.actorLabel', 'auditEvent.organisationId', 'organisation.name as organisationName'])
          .where('auditEvent.subjectType', '=', 'case')
          .where('auditEvent.subjectId', '=', caseId)
          .where('auditEvent.outcome', '=', 'success')
          .orderBy('auditEvent.seq', 'desc')
          .limit(500)
          .execute();
        await audit.record(trx, { actor: reader, action: 'case.disclosures_read', subject: { type: 'case', id: caseId }, organisationId: scope.leadDeskId, request });
        return { items: rows.map((row) => ({ ...row, occurredAt: iso(row.occurredAt)! })), nextCursor: null };
      });
    },
  };
}
