import type { ConsentCreateBody, ConsentView, Locale } from '@glocal/contracts';
import { resolveLocale } from '@glocal/contracts';
import type { Transaction } from 'kysely';
import type { Access } from '../../platform/access/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { BadRequestError, ConflictError, NotFoundError } from '../../platform/errors/app-error.js';
import { renderConsentReceipt } from './consents.receipt.js';
import { consentsRepository, type ConsentRow } from './consents.repository.js';
import { documentsRepository } from './documents.repository.js';
import { deskOfActor, iso, loadCollaborationScope, materialReadScope, requireLead, type CollaborationScope } from './referrals.scope.js';

type Request = { ip?: string; id?: string };
type Deps = { db: Database; access: Access; audit: AuditTrail };

export type ConsentsService = ReturnType<typeof createConsentsService>;

export const toConsentView = (row: ConsentRow): ConsentView => ({
  id: row.id,
  caseId: row.caseId,
  kind: row.kind,
  purpose: row.purpose,
  dataCategories: row.dataCategories,
  recipientDeskId: row.recipientDeskId,
  recipientDeskName: row.recipientDeskName,
  recipientCountry: row.recipientCountry,
  legalBasis: row.legalBasis,
  method: row.method,
  documentId: row.documentId,
  givenAt: iso(row.givenAt)!,
  validUntil: row.validUntil,
  withdrawnAt: iso(row.withdrawnAt),
  standing: row.standing,
});

/**
 * Withdraws a consent and, in the same transaction, ends what it allowed: the shares granted under
 * it (the partner desk loses the case at once) and the referrals still waiting on it. Used by
 * staff (on the person's word) and by the person in self-service.
 */
export async function withdrawConsent(
  trx: Transaction<DB>,
  audit: AuditTrail,
  { actor, consent, byUserId, organisationId, request }: { actor: Actor; consent: ConsentRow; byUserId: string | null; organisationId: string | null; request?: Request | undefined },
) {
  if (consent.withdrawnAt) throw new ConflictError('consent.already_withdrawn');
  await consentsRepository(trx).withdraw(consent.id, byUserId);
  const ended = await consentsRepository(trx).endSharesOf(consent.id);
  await audit.record(trx, {
    actor,
    action: 'consent.withdrawn',
    subject: { type: 'case', id: consent.caseId ?? consent.personId },
    organisationId,
    details: { consentId: consent.id, revokedDeskIds: ended.revokedDeskIds, cancelledReferralIds: ended.cancelledReferralIds, by: byUserId ? 'staff' : 'person' },
    ...(request ? { request } : {}),
  });
  return (await consentsRepository(trx).findById(consent.id))!;
}

export function createConsentsService({ db, access, audit }: Deps) {
  async function scopeOrThrow(caseId: string): Promise<CollaborationScope> {
    const scope = await loadCollaborationScope(db, caseId);
    if (!scope) throw new NotFoundError('not_found');
    return scope;
  }

  async function consentOfCase(caseId: string, consentId: string) {
    const consent = await consentsRepository(db).findById(consentId);
    if (!consent || consent.caseId !== caseId) throw new NotFoundError('consent.not_found');
    return consent;
  }

  return {
    async list(actor: Actor | null, caseId: string, request: Request) {
      const scope = await scopeOrThrow(caseId);
      const reader = await access.require(actor, 'cases:read', materialReadScope(scope), { whenDenied: 'not_found', request });
      return db.transaction().execute(async (trx) => {
        const rows = await consentsRepository(trx).listForCase(caseId, scope.personId);
        await audit.record(trx, {
          actor: reader, action: 'consent.list_read', subject: { type: 'case', id: caseId },
          organisationId: deskOfActor(reader, scope), details: { consentIds: rows.map((r) => r.id) }, request,
        });
        return { items: rows.map(toConsentView), nextCursor: null };
      });
    },

    /** Records the person's consent to a referral: what data, to which desk and country, why, until when, how given, on what basis. */
    async record(actor: Actor | null, caseId: string, input: ConsentCreateBody, request: Request) {
      const scope = await scopeOrThrow(caseId);
      const coach = await requireLead(access, actor, 'cases:refer', scope, request);
      const desk = await consentsRepository(db).deskWithCountry(input.recipientDeskId);
      if (!desk || desk.type !== 'help_desk') throw new BadRequestError('consent.recipient_not_desk', { recipientDeskId: input.recipientDeskId });
      if (input.recipientCountry && input.recipientCountry !== desk.countryCode) {
        throw new BadRequestError('consent.country_mismatch', { recipientCountry: input.recipientCountry, deskCountry: desk.countryCode });
      }
      if (input.method === 'signed_form') {
        const form = input.documentId ? await documentsRepository(db).find(caseId, input.documentId) : undefined;
        if (!form || form.kind !== 'consent_form') throw new BadRequestError('consent.signed_form_missing', { documentId: input.documentId ?? null });
      }
      return db.transaction().execute(async (trx) => {
        const { id } = await consentsRepository(trx).insert({
          personId: scope.personId,
          caseId,
          purpose: input.purpose,
          dataCategories: input.dataCategories,
          recipientDeskId: desk.id,
          recipientCountry: desk.countryCode,
          legalBasis: input.legalBasis,
          method: input.method,
          documentId: input.documentId ?? null,
          validUntil: input.validUntil,
          recordedBy: coach.userId,
        });
        await audit.record(trx, {
          actor: coach, action: 'consent.recorded', subject: { type: 'case', id: caseId }, organisationId: scope.leadDeskId,
          details: { consentId: id, recipientDeskId: desk.id, recipientCountry: desk.countryCode, dataCategories: input.dataCategories, validUntil: input.validUntil, method: input.method, legalBasis: input.legalBasis },
          request,
        });
        return toConsentView((await consentsRepository(trx).findById(id))!);
      });
    },

    /** Staff withdraw a consent on the person's word: the lead desk, who holds the relationship. */
    async withdraw(actor: Actor | null, caseId: string, consentId: string, request: Request) {
      const scope = await scopeOrThrow(caseId);
      const staff = await requireLead(access, actor, 'cases:update', scope, request);
      const consent = await consentOfCase(caseId, consentId);
      return db.transaction().execute(async (trx) =>
        toConsentView(await withdrawConsent(trx, audit, { actor: staff, consent, byUserId: staff.userId, organisationId: scope.leadDeskId, request })),
      );
    },

    /** A printable receipt for the person, in their language (or the one asked for). */
    async receipt(actor: Actor | null, caseId: string, consentId: string, locale: Locale | undefined, request: Request) {
      const scope = await scopeOrThrow(caseId);
      const reader = await access.require(actor, 'cases:read', materialReadScope(scope), { whenDenied: 'not_found', request });
      const consent = await consentOfCase(caseId, consentId);
      return db.transaction().execute(async (trx) => {
        const html = await receiptHtml(trx, consent, locale);
        await audit.record(trx, {
          actor: reader, action: 'consent.receipt_read', subject: { type: 'case', id: caseId },
          organisationId: deskOfActor(reader, scope), details: { consentId }, request,
        });
        return html;
      });
    },
  };
}

/** The receipt's content: the consent, the case reference and the person's name, in their language. */
export async function receiptHtml(db: Transaction<DB> | Database, consent: ConsentRow, locale: Locale | undefined) {
  const person = await db
    .selectFrom('person')
    .select(['givenName', 'familyName', 'preferredLocale'])
    .where('id', '=', consent.personId)
    .executeTakeFirstOrThrow();
  const supportCase = consent.caseId
    ? await db
        .selectFrom('supportCase')
        .innerJoin('organisation', 'organisation.id', 'supportCase.deskId')
        .select(['supportCase.reference', 'organisation.name as deskName'])
        .where('supportCase.id', '=', consent.caseId)
        .executeTakeFirst()
    : undefined;
  return renderConsentReceipt({
    locale: locale ?? resolveLocale(person.preferredLocale),
    personName: [person.givenName, person.familyName].filter(Boolean).join(' '),
    reference: supportCase?.reference ?? null,
    deskName: supportCase?.deskName ?? null,
    consent: toConsentView(consent),
  });
}
