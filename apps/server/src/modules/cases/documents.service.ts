import { createHash } from 'node:crypto';
import { DOCUMENT_MEDIA_TYPES, type CaseDocumentView, type DocumentKind } from '@glocal/contracts';
import { fileTypeFromBuffer } from 'file-type';
import type { Access } from '../../platform/access/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, NotFoundError } from '../../platform/errors/app-error.js';
import { documentsRepository, type DocumentRow } from './documents.repository.js';
import type { DocumentStorage } from './documents.storage.js';
import { deskOfActor, iso, loadCollaborationScope, materialReadScope, requireLead } from './referrals.scope.js';

type Request = { ip?: string; id?: string };
type Deps = { db: Database; access: Access; audit: AuditTrail; storage: DocumentStorage; maxBytes: number };

/** The uploaded file as the route read it: its name as sent, and its bytes (at most maxBytes). */
export type UploadedFile = { fileName: string; content: Buffer };
export type ReadUpload = () => Promise<UploadedFile>;

export type DocumentsService = ReturnType<typeof createDocumentsService>;

export const toDocumentView = (row: DocumentRow): CaseDocumentView => ({
  id: row.id,
  caseId: row.caseId,
  kind: row.kind as DocumentKind,
  fileName: row.fileName,
  mediaType: row.mediaType,
  sizeBytes: row.sizeBytes,
  sha256: row.sha256,
  uploadedByPerson: row.uploadedByPerson,
  createdAt: iso(row.createdAt)!,
});

/** A name fit to show and to offer for download: no folders, no control characters, not too long. */
export const cleanFileName = (name: string) =>
  (name.split(/[\\/]/).pop() ?? '').replace(/[\p{Cc}\p{Cf}"]/gu, '').trim().slice(-200) || 'document';

/** RFC 6266: an ASCII fallback and the UTF-8 name. */
export const attachmentDisposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

export function createDocumentsService({ db, access, audit, storage, maxBytes }: Deps) {
  async function scopeOrThrow(caseId: string) {
    const scope = await loadCollaborationScope(db, caseId);
    if (!scope) throw new NotFoundError('not_found');
    return scope;
  }

  /**
   * Checks the file by its bytes (PDF, PNG, JPEG, WebP only: an executable renamed .pdf is refused),
   * writes it to disk, then records it; if recording fails the file is removed again.
   */
  async function store(
    caseId: string,
    kind: DocumentKind,
    file: UploadedFile,
    by: { actor: Actor; userId: string | null; person: boolean; organisationId: string | null },
    request: Request | undefined,
  ) {
    if (file.content.length === 0) throw new AppError('document.file_missing', 400);
    if (file.content.length > maxBytes) throw new AppError('document.too_large', 413, { maxBytes });
    const detected = await fileTypeFromBuffer(file.content);
    if (!detected || !(DOCUMENT_MEDIA_TYPES as readonly string[]).includes(detected.mime)) {
      throw new AppError('document.type_not_allowed', 415, { detected: detected?.mime ?? null, allowed: DOCUMENT_MEDIA_TYPES });
    }
    const key = storage.newKey();
    await storage.write(key, file.content);
    try {
      return await db.transaction().execute(async (trx) => {
        const row = await documentsRepository(trx).insert({
          caseId,
          kind,
          fileName: cleanFileName(file.fileName),
          mediaType: detected.mime,
          sizeBytes: file.content.length,
          sha256: createHash('sha256').update(file.content).digest('hex'),
          storageKey: key,
          uploadedByUserId: by.userId,
          uploadedByPerson: by.person,
        });
        const linked = kind === 'business_plan' || kind === 'financing_plan' ? await documentsRepository(trx).linkToProject(caseId, kind, row.id) : undefined;
        await audit.record(trx, {
          actor: by.actor, action: 'document.uploaded', subject: { type: 'case', id: caseId }, organisationId: by.organisationId,
          details: { documentId: row.id, kind, mediaType: row.mediaType, sizeBytes: row.sizeBytes, sha256: row.sha256, by: by.person ? 'person' : 'staff', linkedToProject: Boolean(linked && linked.numUpdatedRows > 0n) },
          ...(request ? { request } : {}),
        });
        return toDocumentView(row);
      });
    } catch (error) {
      await storage.remove(key);
      throw error;
    }
  }

  async function openFile(caseId: string, documentId: string) {
    const row = await documentsRepository(db).find(caseId, documentId);
    if (!row) throw new NotFoundError('not_found');
    return row;
  }

  return {
    store,

    async list(actor: Actor | null, caseId: string, request: Request) {
      const scope = await scopeOrThrow(caseId);
      const reader = await access.require(actor, 'cases:read', materialReadScope(scope), { whenDenied: 'not_found', request });
      return db.transaction().execute(async (trx) => {
        const rows = await documentsRepository(trx).listForCase(caseId);
        await audit.record(trx, {
          actor: reader, action: 'document.list_read', subject: { type: 'case', id: caseId },
          organisationId: deskOfActor(reader, scope), details: { documentIds: rows.map((r) => r.id) }, request,
        });
        return { items: rows.map(toDocumentView), nextCursor: null };
      });
    },

    /** Staff of the lead desk add a document; access is checked before the upload is read. */
    async upload(actor: Actor | null, caseId: string, kind: DocumentKind, read: ReadUpload, request: Request) {
      const scope = await scopeOrThrow(caseId);
      const staff = await requireLead(access, actor, 'cases:update', scope, request);
      return store(caseId, kind, await read(), { actor: staff, userId: staff.userId, person: false, organisationId: scope.leadDeskId }, request);
    },

    /** The file, only through the permission check; each download is audited. */
    async download(actor: Actor | null, caseId: string, documentId: string, request: Request) {
      const scope = await scopeOrThrow(caseId);
      const reader = await access.require(actor, 'cases:read', materialReadScope(scope), { whenDenied: 'not_found', request });
      const row = await openFile(caseId, documentId);
      await db.transaction().execute((trx) =>
        audit.record(trx, {
          actor: reader, action: 'document.read', subject: { type: 'case', id: caseId },
          organisationId: deskOfActor(reader, scope), details: { documentId }, request,
        }),
      );
      return { row, stream: storage.read(row.storageKey) };
    },

    /** For self-service: the same file once the caller has checked the person owns the case. */
    openOwn: async (caseId: string, documentId: string) => {
      const row = await openFile(caseId, documentId);
      return { row, stream: storage.read(row.storageKey) };
    },
  };
}
