import multipart from '@fastify/multipart';
import { CaseDocumentList, CaseDocumentParams, CaseDocumentView, CaseIdParams, DocumentUploadQuery } from '@glocal/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { attachmentDisposition, type DocumentsService, type UploadedFile } from './documents.service.js';
import type { DocumentRow } from './documents.repository.js';

/** Accepts multipart/form-data on the routes of the plugin that calls it, one file of at most `maxBytes`. */
export async function acceptUploads(app: FastifyInstance, maxBytes: number) {
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 } });
}

/** Reads the one `file` part; too large → 413 document.too_large, not multipart → 415. */
export function uploadReader(request: FastifyRequest, maxBytes: number) {
  return async (): Promise<UploadedFile> => {
    if (!request.isMultipart()) throw new AppError('unsupported_media_type', 415, { expected: 'multipart/form-data' });
    const part = await request.file();
    if (!part) throw new AppError('document.file_missing', 400);
    try {
      return { fileName: part.filename, content: await part.toBuffer() };
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('document.too_large', 413, { maxBytes });
      throw error;
    }
  };
}

/** Sends a stored file as a download that no browser will render or sniff. */
export function sendDocument(reply: FastifyReply, file: { row: DocumentRow; stream: Readable }) {
  return reply
    .type(file.row.mediaType)
    .header('content-disposition', attachmentDisposition(file.row.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .header('content-length', String(file.row.sizeBytes))
    .send(file.stream);
}

const uploadDoc = {
  consumes: ['multipart/form-data'],
  description: 'multipart/form-data with one part named `file`: PDF, PNG, JPEG or WebP, detected from its bytes.',
};

/** Under `/api/v1/cases`: a case's documents. */
export const caseDocumentsRoutes: FastifyPluginAsyncZod<{ documents: DocumentsService; maxBytes: number }> = async (app, { documents, maxBytes }) => {
  await acceptUploads(app, maxBytes);
  const tags = ['documents'];
  app.get(
    '/:caseId/documents',
    { config: { permission: 'cases:read' }, schema: { tags, summary: "The case's documents", params: CaseIdParams, response: { 200: CaseDocumentList } } },
    (request) => documents.list(request.actor, request.params.caseId, clientOf(request)),
  );
  app.post(
    '/:caseId/documents',
    {
      config: { permission: 'cases:update' },
      schema: { tags, summary: 'Upload a document', ...uploadDoc, params: CaseIdParams, querystring: DocumentUploadQuery, response: { 201: CaseDocumentView } },
    },
    async (request, reply) =>
      reply.status(201).send(await documents.upload(request.actor, request.params.caseId, request.query.kind, uploadReader(request, maxBytes), clientOf(request))),
  );
  app.get(
    '/:caseId/documents/:documentId/content',
    { config: { permission: 'cases:read' }, schema: { tags, summary: 'Download a document (attachment; audited)', params: CaseDocumentParams } },
    async (request, reply) => sendDocument(reply, await documents.download(request.actor, request.params.caseId, request.params.documentId, clientOf(request))),
  );
};
