import type { ErasureDecisionBody, ErasureRequestView } from '@glocal/contracts';
import type { Access } from '../../platform/access/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import { ConflictError, NotFoundError } from '../../platform/errors/app-error.js';
import { eraseMigrantAccounts } from '../auth/index.js';
import { documentsRepository } from './documents.repository.js';
import type { DocumentStorage } from './documents.storage.js';
import type { CaseServiceReferralRecords } from './case-linked-records.js';
import { erasureRepository } from './erasure.repository.js';
import { iso } from './referrals.scope.js';
import { toMyErasureView } from './self-service.service.js';

type Request = { ip?: string; id?: string };
type Deps = { db: Database; access: Access; audit: AuditTrail; storage: DocumentStorage; serviceReferrals: CaseServiceReferralRecords };

export type ErasureService = ReturnType<typeof createErasureService>;

/**
 * The data protection officer decides erasure requests. Erasing replaces the person's data
 * (names, encrypted fields, look-up hashes, messages, notes, tasks, documents, on disk too, the
 * notes of the directory services the case was referred to) and
 * keeps the case rows that anonymous counts need, detached from anyone. What must be kept for a
 * legal reason (consent records as proof, financing records for accounts) is named, with the reason.
 */
export function createErasureService({ db, access, audit, storage, serviceReferrals }: Deps) {
  return {
    async list(actor: Actor | null, status: string | undefined, request: Request) {
      const dpo = await access.require(actor, 'erasure:decide', undefined, { request });
      return db.transaction().execute(async (trx) => {
        const rows = await erasureRepository(trx).list(status);
        await audit.record(trx, { actor: dpo, action: 'erasure.list_read', details: { erasureRequestIds: rows.map((r) => r.id) }, request });
        const items: ErasureRequestView[] = rows.map((row) => ({
          ...toMyErasureView(row),
          personId: row.personId,
          personLabel: [row.givenName, row.familyName].filter(Boolean).join(' '),
          caseReferences: row.caseReferences,
          deskNames: row.deskNames,
          retained: row.retained,
        }));
        return { items, nextCursor: null };
      });
    },

    async decide(actor: Actor | null, id: string, input: ErasureDecisionBody, request: Request) {
      const found = await erasureRepository(db).find(id);
      if (!found) throw new NotFoundError('not_found');
      const dpo = await access.require(actor, 'erasure:decide', { subject: { type: 'person', id: found.personId } }, { request });
      if (found.status !== 'pending') throw new ConflictError('erasure.already_decided', { status: found.status });
      const result = await db.transaction().execute(async (trx) => {
        if (input.decision === 'refuse') {
          const decided = await erasureRepository(trx).decide(id, { status: 'refused', decidedBy: dpo.userId, retainedReason: input.retainedReason ?? null, retained: [] });
          if (!decided) throw new ConflictError('erasure.already_decided');
          await audit.record(trx, { actor: dpo, action: 'erasure.refused', subject: { type: 'person', id: found.personId }, details: { erasureRequestId: id }, request });
          return { decided, storageKeys: [] as string[] };
        }
        const personIds = await erasureRepository(trx).personIds(found.personId);
        const caseIds = await erasureRepository(trx).caseIds(personIds);
        // Their own login goes too: its e-mail and name would otherwise still name them.
        const accountIds = (await trx.selectFrom('person').select('userId').where('id', 'in', personIds).execute())
          .flatMap((p) => (p.userId ? [p.userId] : []));
        const storageKeys = (await documentsRepository(trx).storageKeysOfCases(caseIds)).map((d) => d.storageKey);
        const removed = await erasureRepository(trx).erase(personIds, caseIds, {
          consentRecords: input.retain.includes('consent_records'),
          financingRecords: input.retain.includes('financing_records'),
        });
        const serviceReferralNotesCleared = await serviceReferrals.eraseNotes(trx, caseIds);
        const accountsErased = await eraseMigrantAccounts(trx, accountIds);
        const decided = await erasureRepository(trx).decide(id, {
          status: input.retain.length > 0 ? 'partially_completed' : 'completed',
          decidedBy: dpo.userId,
          retainedReason: input.retainedReason ?? null,
          retained: input.retain,
        });
        if (!decided) throw new ConflictError('erasure.already_decided');
        // Counts and ids only: the trail itself must hold nothing of the person.
        await audit.record(trx, {
          actor: dpo, action: 'erasure.completed', subject: { type: 'person', id: found.personId },
          details: { erasureRequestId: id, caseIds, removed, serviceReferralNotesCleared, accountsErased, retained: input.retain }, request,
        });
        return { decided, storageKeys };
      });
      // The files go once the rows are gone for good; a file left by a crash here is unreachable (no row names it).
      await Promise.all(result.storageKeys.map((key) => storage.remove(key)));
      const rows = await erasureRepository(db).list(undefined);
      const row = rows.find((r) => r.id === id)!;
      return {
        ...toMyErasureView(result.decided),
        personId: row.personId,
        personLabel: [row.givenName, row.familyName].filter(Boolean).join(' '),
        caseReferences: row.caseReferences,
        deskNames: row.deskNames,
        retained: row.retained,
        decidedAt: iso(result.decided.decidedAt),
      } satisfies ErasureRequestView;
    },
  };
}
