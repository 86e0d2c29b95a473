import type { CaseNoteCreateBody, CaseNoteView } from '@glocal/contracts';
import { roleGrants } from '@glocal/contracts';
import type { Access } from '../../platform/access/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import type { FieldCipher } from '../../platform/crypto/field-encryption.js';
import type { Database } from '../../platform/db/database.js';
import { createCaseGuard, desksOf } from './cases.guard.js';
import { casesRepository } from './cases.repository.js';

type Request = { ip?: string; id?: string };
type Deps = { db: Database; access: Access; audit: AuditTrail; cipher: FieldCipher };

export type NotesService = ReturnType<typeof createNotesService>;

/** The associated data binding a note's ciphertext to its row. */
export const noteContext = (noteId: string) => `case_note.body:${noteId}`;

/**
 * Notes belong to the desk that wrote them: on a shared case each desk reads its own desk's notes
 * only (the lead its own, a referring desk its own). Bodies are stored encrypted. A sensitive note
 * (health, protection) is shown to its author and to the managers of its desk; others see that it
 * exists, not what it says.
 */
export function createNotesService({ db, access, audit, cipher }: Deps) {
  const guard = createCaseGuard(access);

  /** The actor's desks among those that reach the case, the lead first. */
  function actorDesksOn(actor: Actor, scope: { leadDeskId: string; sharedWithDeskIds: string[] }) {
    const mine = desksOf(actor, 'cases:read');
    return [scope.leadDeskId, ...scope.sharedWithDeskIds].filter((desk) => mine.includes(desk));
  }

  const managesDesk = (actor: Actor, deskId: string) =>
    actor.memberships.some((m) => m.organisationId === deskId && roleGrants(m.role, 'cases:assign'));

  return {
    async list(actor: Actor | null, caseId: string, request: Request) {
      const { scope, actor: reader } = await guard.read(db, actor, caseId, request);
      const desks = actorDesksOn(reader, scope);
      return db.transaction().execute(async (trx) => {
        const rows =
          desks.length === 0
            ? []
            : await trx
                .selectFrom('caseNote')
                .innerJoin('appUser', 'appUser.id', 'caseNote.authorId')
                .select(['caseNote.id', 'caseNote.deskId', 'caseNote.authorId', 'appUser.displayName', 'caseNote.bodyEncrypted', 'caseNote.sensitive', 'caseNote.createdAt'])
                .where('caseNote.caseId', '=', caseId)
                .where('caseNote.deskId', 'in', desks)
                .orderBy('caseNote.createdAt', 'desc')
                .orderBy('caseNote.id', 'desc')
                .execute();
        const items: CaseNoteView[] = rows.map((row) => {
          const readable = !row.sensitive || row.authorId === reader.userId || managesDesk(reader, row.deskId);
          return {
            id: row.id,
            deskId: row.deskId,
            author: { id: row.authorId, displayName: row.displayName },
            body: readable ? cipher.decrypt(row.bodyEncrypted, noteContext(row.id)) : null,
            sensitive: row.sensitive,
            createdAt: row.createdAt.toISOString(),
          };
        });
        await audit.record(trx, {
          actor: reader,
          action: 'case_note.list_read',
          subject: { type: 'case', id: caseId },
          organisationId: scope.leadDeskId,
          details: { noteIds: items.filter((item) => item.body !== null).map((item) => item.id) },
          request,
        });
        return { items, nextCursor: null };
      });
    },

    /** Any desk that reads the case may keep its own notes on it; they are written for that desk. */
    async create(actor: Actor | null, caseId: string, input: CaseNoteCreateBody, request: Request) {
      const { scope, actor: author } = await guard.actFromAnyReadingDesk(db, actor, caseId, 'cases:update', request);
      const deskId = actorDesksOn(author, scope).find((desk) => access.can(author, 'cases:update', { organisationId: desk }))!;
      return db.transaction().execute(async (trx) => {
        const id = (await trx.selectNoFrom((eb) => eb.fn<string>('gen_random_uuid').as('id')).executeTakeFirstOrThrow()).id;
        const row = await trx
          .insertInto('caseNote')
          .values({ id, caseId, deskId, authorId: author.userId, bodyEncrypted: cipher.encrypt(input.body, noteContext(id)), sensitive: input.sensitive })
          .returning(['id', 'createdAt'])
          .executeTakeFirstOrThrow();
        if (deskId === scope.leadDeskId) await casesRepository(trx).touch(caseId);
        await audit.record(trx, {
          actor: author,
          action: 'case_note.created',
          subject: { type: 'case', id: caseId },
          organisationId: deskId,
          details: { noteId: id, sensitive: input.sensitive },
          request,
        });
        return {
          id: row.id,
          deskId,
          author: { id: author.userId, displayName: author.displayName },
          body: input.body,
          sensitive: input.sensitive,
          createdAt: row.createdAt.toISOString(),
        } satisfies CaseNoteView;
      });
    },
  };
}
