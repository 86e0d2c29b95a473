import { z } from 'zod';
import { Id, listEnvelope } from './common.js';

export const DOCUMENT_KINDS = ['business_plan', 'financing_plan', 'consent_form', 'identity', 'qualification', 'other'] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** Detected from the file's bytes, never from its name or declared type. */
export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;

/** The file itself travels as multipart/form-data (one part named `file`); its kind in the query. */
export const DocumentUploadQuery = z.object({ kind: DocumentKind.default('other') });
export type DocumentUploadQuery = z.infer<typeof DocumentUploadQuery>;

export const CaseDocumentParams = z.object({ caseId: Id, documentId: Id });

export const CaseDocumentView = z.object({
  id: Id,
  caseId: Id,
  kind: DocumentKind,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedByPerson: z.boolean(),
  createdAt: z.string(),
});
export type CaseDocumentView = z.infer<typeof CaseDocumentView>;
export const CaseDocumentList = listEnvelope(CaseDocumentView);
