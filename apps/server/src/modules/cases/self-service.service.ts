import type { DocumentKind, Locale, MyErasureView, MyRequestView } from '@glocal/contracts';
import { resolveLocale } from '@glocal/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import { signInThrottle } from '../../platform/auth/throttle.js';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import type { FieldCipher } from '../../platform/crypto/field-encryption.js';
import type { LookupHasher } from '../../platform/crypto/lookup-hash.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, ConflictError, NotFoundError } from '../../platform/errors/app-error.js';
import { receiptHtml, toConsentView, withdrawConsent } from './consents.service.js';
import { consentsRepository } from './consents.repository.js';
import { documentsRepository } from './documents.repository.js';
import { toDocumentView, type DocumentsService, type ReadUpload } from './documents.service.js';
import type { MessagesService } from './messages.service.js';
import { messageContext } from './messages.service.js';
import { noteContext } from './notes.service.js';
import type { CaseServiceReferralRecords } from './case-linked-records.js';
import { caseNeedContext, personContext } from './people.service.js';
import { iso } from './referrals.scope.js';
import { renderDataSummary } from './self-service.summary.js';
import { selfServiceRepository } from './self-service.repository.js';

type Client = { ip: string; id: string };
type Deps = {
  db: Database;
  audit: AuditTrail;
  cipher: FieldCipher;
  lookupHasher: LookupHasher;
  documents: DocumentsService;
  messages: MessagesService;
  serviceReferrals: CaseServiceReferralRecords;
};

export type SelfServiceService = ReturnType<typeof createSelfServiceService>;

/** Failed links are counted per account, per address and per reference: ten in fifteen minutes lock the key. */
export const linkThrottleKeys = (actor: Actor, ip: string, reference: string) => [
  `request_link:account:${actor.email}`,
  `request_link:ip:${ip}`,
  `request_link:reference:${reference}`,
];

/**
 * How the person appears in the append-only audit trail: by account id, never by name or e-mail,
 * so that erasing the person (and the auth domain's account) leaves nothing readable behind.
 */
export const pseudonymous = (actor: Actor): Actor => ({ ...actor, email: `user:${actor.userId}`, displayName: 'self-service' });

export const toMyErasureView = (row: { id: string; status: MyErasureView['status']; requestedAt: Date; decidedAt: Date | null; retainedReason: string | null }): MyErasureView => ({
  id: row.id,
  status: row.status,
  requestedAt: iso(row.requestedAt)!,
  decidedAt: iso(row.decidedAt),
  retainedReason: row.retainedReason,
});

/**
 * Self-service for the person: an account (created through the ordinary, e-mail-confirmed
 * registration) is linked to their file by a case reference plus the account's verified e-mail,
 * compared by keyed hash. Every answer that fails is the same, whether the reference exists or
 * not, and failures are throttled. Everything after that acts on the person's own cases only.
 */
export function createSelfServiceService({ db, audit, cipher, lookupHasher, documents, messages, serviceReferrals }: Deps) {
  async function personOrThrow(actor: Actor | null) {
    if (!actor) throw new AppError('unauthenticated', 401);
    const person = await selfServiceRepository(db).personOfUser(actor.userId);
    if (!person) throw new NotFoundError('not_found');
    return { actor: pseudonymous(actor), person };
  }

  /** The person's own case, or 404: nobody learns of a case that is not theirs. */
  async function ownCase(actor: Actor | null, caseId: string) {
    const { actor: me, person } = await personOrThrow(actor);
    const [found] = await selfServiceRepository(db).casesOf(person.id, caseId);
    if (!found) throw new NotFoundError('not_found');
    return { actor: me, person, supportCase: found };
  }

  async function views(personId: string, caseId?: string): Promise<MyRequestView[]> {
    const cases = await selfServiceRepository(db).casesOf(personId, caseId);
    const history = await selfServiceRepository(db).stageHistory(cases.map((c) => c.id));
    return cases.map((c) => ({
      id: c.id,
      reference: c.reference,
      requestKind: c.requestKind,
      status: c.status,
      outcome: c.outcome,
      deskName: c.deskName,
      coachName: c.coachName,
      stage: c.stage,
      stageHistory: history.filter((h) => h.caseId === c.id).map((h) => ({ fromStage: h.fromStage, toStage: h.toStage, movedAt: iso(h.movedAt)! })),
      unreadMessages: Number(c.unreadMessages),
      createdAt: iso(c.createdAt)!,
      updatedAt: iso(c.updatedAt)!,
    }));
  }

  const record = (actor: Actor, action: string, subject: { type: string; id: string }, details: Record<string, unknown> = {}, request?: Client) =>
    db.transaction().execute((trx) => audit.record(trx, { actor, action, subject, details, ...(request ? { request } : {}) }));

  /** Everything held about the person, decrypted, for the export (JSON and the readable summary). */
  async function collect(actor: Actor) {
    const { person } = await personOrThrow(actor);
    const repo = selfServiceRepository(db);
    const cases = await repo.casesOf(person.id);
    const caseIds = cases.map((c) => c.id);
    const locale = resolveLocale(person.preferredLocale);
    const [history, projects, outcomes, financing, notes, tasks, referrals, serviceReferralRows, consents, erasure, territories] = await Promise.all([
      repo.stageHistory(caseIds), repo.projects(caseIds), repo.outcomes(caseIds), repo.financing(caseIds), repo.notes(caseIds), repo.tasks(caseIds),
      repo.referrals(caseIds), serviceReferrals.ofCases(db, caseIds, locale), consentsRepository(db).listForPerson([person.id]), repo.erasureRequests(person.id),
      repo.territoryCodes([person.residenceTerritoryId, person.originTerritoryId]),
    ]);
    const open = (value: string | null, context: string) => (value === null ? null : cipher.decrypt(value, context));
    const territory = (id: string | null) => territories.find((t) => t.id === id)?.code ?? null;
    const requests = [];
    for (const c of cases) {
      const thread = await messages.ownThreadRows(c.id);
      requests.push({
        reference: c.reference,
        requestKind: c.requestKind,
        status: c.status,
        outcome: c.outcome,
        desk: c.deskName,
        coach: c.coachName,
        need: open(c.needEncrypted, caseNeedContext(c.id)),
        createdAt: iso(c.createdAt),
        closedAt: iso(c.closedAt),
        businessProject: projects.find((p) => p.caseId === c.id) ?? null,
        stageHistory: history.filter((h) => h.caseId === c.id).map(({ caseId: _, movedAt, ...h }) => ({ ...h, movedAt: iso(movedAt) })),
        outcomeDetails: outcomes.find((o) => o.caseId === c.id) ?? null,
        financing: financing.filter((f) => f.caseId === c.id).map(({ caseId: _, ...f }) => f),
        tasks: tasks.filter((task) => task.caseId === c.id).map(({ caseId: _, doneAt, ...task }) => ({ ...task, doneAt: iso(doneAt) })),
        // Notes a desk marked sensitive (health, protection) are counted here; the DPO answers for them.
        notes: notes.filter((n) => n.caseId === c.id && !n.sensitive).map((n) => ({ desk: n.deskName, body: open(n.bodyEncrypted, noteContext(n.id)), createdAt: iso(n.createdAt) })),
        sensitiveNotesWithheld: notes.filter((n) => n.caseId === c.id && n.sensitive).length,
        messages: thread.map((m) => ({ sender: m.sender, author: m.sender === 'staff' ? m.authorName : null, body: open(m.bodyEncrypted, messageContext(m.id)), createdAt: iso(m.createdAt) })),
        documents: (await documentsRepository(db).listForCase(c.id)).map(({ storageKey: _, uploadedByUserId: __, ...d }) => ({ ...d, createdAt: iso(d.createdAt) })),
        referrals: referrals.filter((r) => r.caseId === c.id).map(({ caseId: _, createdAt, decidedAt, ...r }) => ({ ...r, createdAt: iso(createdAt), decidedAt: iso(decidedAt) })),
        // The directory services a coach referred the person to, and whether they got them.
        serviceReferrals: serviceReferralRows
          .filter((r) => r.caseId === c.id)
          .map((r) => ({ service: r.serviceName, organization: r.organizationName, note: r.note, outcome: r.outcome, outcomeAt: iso(r.outcomeAt), createdAt: iso(r.createdAt) })),
      });
    }
    return {
      locale,
      data: {
        exportedAt: new Date().toISOString(),
        person: {
          givenName: person.givenName,
          familyName: person.familyName,
          email: open(person.emailEncrypted, personContext('email', person.id)),
          phone: open(person.phoneEncrypted, personContext('phone', person.id)),
          birthDate: open(person.birthDateEncrypted, personContext('birth_date', person.id)),
          residenceStatus: open(person.residenceStatusEncrypted, personContext('residence_status', person.id)),
          gender: person.gender,
          languages: person.languages,
          preferredLocale: person.preferredLocale,
          residenceTerritory: territory(person.residenceTerritoryId),
          originTerritory: territory(person.originTerritoryId),
          createdAt: iso(person.createdAt),
        },
        requests,
        consents: consents.map((row) => {
          const { caseId: _, ...view } = toConsentView(row);
          return { ...view, caseReference: cases.find((c) => c.id === row.caseId)?.reference ?? null };
        }),
        erasureRequests: erasure.map(toMyErasureView),
      },
      personId: person.id,
    };
  }

  return {
    async link(actor: Actor | null, reference: string, client: Client) {
      if (!actor) throw new AppError('unauthenticated', 401);
      const keys = linkThrottleKeys(actor, client.ip, reference);
      const me = pseudonymous(actor);
      const retryAfter = await signInThrottle(db).retryAfterSeconds(keys);
      if (retryAfter > 0) {
        await record(me, 'my_request.link_throttled', { type: 'user', id: actor.userId }, {}, client);
        throw new AppError('rate_limited', 429, { retryAfterSeconds: retryAfter });
      }
      const found = await selfServiceRepository(db).caseByReference(reference);
      const matches =
        found && !found.erasedAt && found.emailHash === lookupHasher.hash('email', actor.email) && (found.userId === null || found.userId === actor.userId);
      if (!matches) {
        await db.transaction().execute(async (trx) => {
          await signInThrottle(trx).recordFailure(keys);
          await audit.record(trx, { actor: me, action: 'my_request.link_failed', outcome: 'denied', subject: { type: 'user', id: actor.userId }, request: client });
        });
        throw new NotFoundError('my_request.reference_not_matched');
      }
      await db.transaction().execute(async (trx) => {
        if (found.userId === null) {
          const linked = await selfServiceRepository(trx).linkPerson(found.personId, actor.userId).catch(() => undefined);
          // This account already stands for another person's file: answered like any mismatch.
          if (!linked || linked.numUpdatedRows === 0n) throw new NotFoundError('my_request.reference_not_matched');
        }
        await audit.record(trx, { actor: me, action: 'person.account_linked', subject: { type: 'case', id: found.id }, details: { personId: found.personId }, request: client });
      });
      return { items: await views(found.personId), nextCursor: null };
    },

    async list(actor: Actor | null, client: Client) {
      const { actor: me, person } = await personOrThrow(actor).catch((error) => {
        if (error instanceof NotFoundError && actor) return { actor: pseudonymous(actor), person: undefined };
        throw error;
      });
      if (!person) return { items: [], nextCursor: null };
      const items = await views(person.id);
      await record(me, 'my_request.list_read', { type: 'person', id: person.id }, {}, client);
      return { items, nextCursor: null };
    },

    async get(actor: Actor | null, caseId: string, client: Client) {
      const { actor: me } = await ownCase(actor, caseId);
      const { person } = await personOrThrow(me);
      const [view] = await views(person.id, caseId);
      await record(me, 'my_request.read', { type: 'case', id: caseId }, {}, client);
      return view!;
    },

    async messages(actor: Actor | null, caseId: string, client: Client) {
      const { actor: me } = await ownCase(actor, caseId);
      return messages.ownThread(me, caseId, client);
    },

    async writeMessage(actor: Actor | null, caseId: string, body: string, client: Client) {
      const { actor: me, supportCase } = await ownCase(actor, caseId);
      if (supportCase.status === 'closed') throw new ConflictError('conflict', { status: 'closed' });
      return messages.writeOwn(me, caseId, body, client);
    },

    async documents(actor: Actor | null, caseId: string, client: Client) {
      const { actor: me } = await ownCase(actor, caseId);
      const rows = await documentsRepository(db).listForCase(caseId);
      await record(me, 'document.list_read', { type: 'case', id: caseId }, { documentIds: rows.map((r) => r.id), by: 'person' }, client);
      return { items: rows.map(toDocumentView), nextCursor: null };
    },

    async upload(actor: Actor | null, caseId: string, kind: DocumentKind, read: ReadUpload, client: Client) {
      const { actor: me } = await ownCase(actor, caseId);
      return documents.store(caseId, kind, await read(), { actor: me, userId: me.userId, person: true, organisationId: null }, client);
    },

    async download(actor: Actor | null, caseId: string, documentId: string, client: Client) {
      const { actor: me } = await ownCase(actor, caseId);
      const file = await documents.openOwn(caseId, documentId);
      await record(me, 'document.read', { type: 'case', id: caseId }, { documentId, by: 'person' }, client);
      return file;
    },

    async consents(actor: Actor | null, caseId: string, client: Client) {
      const { actor: me, person } = await ownCase(actor, caseId);
      const rows = await consentsRepository(db).listForCase(caseId, person.id);
      await record(me, 'consent.list_read', { type: 'case', id: caseId }, { by: 'person' }, client);
      return { items: rows.map(toConsentView), nextCursor: null };
    },

    /** The person withdraws a consent themself: the partner desk loses access at once. */
    async withdrawConsent(actor: Actor | null, caseId: string, consentId: string, client: Client) {
      const { actor: me } = await ownCase(actor, caseId);
      const consent = await consentsRepository(db).findById(consentId);
      if (!consent || consent.caseId !== caseId) throw new NotFoundError('consent.not_found');
      return db.transaction().execute(async (trx) => toConsentView(await withdrawConsent(trx, audit, { actor: me, consent, byUserId: null, organisationId: null, request: client })));
    },

    async receipt(actor: Actor | null, caseId: string, consentId: string, locale: Locale | undefined, client: Client) {
      const { actor: me } = await ownCase(actor, caseId);
      const consent = await consentsRepository(db).findById(consentId);
      if (!consent || consent.caseId !== caseId) throw new NotFoundError('consent.not_found');
      const html = await receiptHtml(db, consent, locale);
      await record(me, 'consent.receipt_read', { type: 'case', id: caseId }, { consentId, by: 'person' }, client);
      return html;
    },

    async exportJson(actor: Actor | null, client: Client) {
      const me = (await personOrThrow(actor)).actor;
      const collected = await collect(me);
      await record(me, 'person.data_exported', { type: 'person', id: collected.personId }, { format: 'json' }, client);
      return collected.data;
    },

    async exportHtml(actor: Actor | null, locale: Locale | undefined, client: Client) {
      const me = (await personOrThrow(actor)).actor;
      const collected = await collect(me);
      await record(me, 'person.data_exported', { type: 'person', id: collected.personId }, { format: 'html' }, client);
      return renderDataSummary(locale ?? collected.locale, collected.data);
    },

    async erasureState(actor: Actor | null) {
      const { person } = await personOrThrow(actor);
      const [latest] = await selfServiceRepository(db).erasureRequests(person.id);
      return { request: latest ? toMyErasureView(latest) : null };
    },

    /** Asks the DPO to erase the person's data; asking again while one waits changes nothing (409). */
    async requestErasure(actor: Actor | null, client: Client) {
      const { actor: me, person } = await personOrThrow(actor);
      return db.transaction().execute(async (trx) => {
        const created = await selfServiceRepository(trx).insertErasureRequest(person.id);
        if (!created) throw new ConflictError('erasure.already_requested');
        await audit.record(trx, { actor: me, action: 'erasure.requested', subject: { type: 'person', id: person.id }, details: { erasureRequestId: created.id }, request: client });
        return toMyErasureView(created);
      });
    },
  };
}
