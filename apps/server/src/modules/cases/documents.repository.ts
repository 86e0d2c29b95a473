import type { Executor } from '../../platform/db/database.js';

export type DocumentRow = {
  id: string;
  caseId: string;
  kind: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedByPerson: boolean;
  uploadedByUserId: string | null;
  createdAt: Date;
};

const columns = [
  'id', 'caseId', 'kind', 'fileName', 'mediaType', 'sizeBytes', 'sha256', 'storageKey', 'uploadedByPerson', 'uploadedByUserId', 'createdAt',
] as const;

export const documentsRepository = (db: Executor) => ({
  listForCase: (caseId: string): Promise<DocumentRow[]> =>
    db.selectFrom('caseDocument').select(columns).where('caseId', '=', caseId).where('deletedAt', 'is', null).orderBy('createdAt', 'desc').orderBy('id').execute(),

  find: (caseId: string, id: string): Promise<DocumentRow | undefined> =>
    db.selectFrom('caseDocument').select(columns).where('caseId', '=', caseId).where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst(),

  insert: (row: Omit<DocumentRow, 'id' | 'createdAt'>): Promise<DocumentRow> =>
    db.insertInto('caseDocument').values(row).returning(columns).executeTakeFirstOrThrow(),

  /** A business or financing plan becomes the project's current one: what formalisation asks for. */
  linkToProject: (caseId: string, kind: 'business_plan' | 'financing_plan', documentId: string) =>
    db
      .updateTable('businessProject')
      .set(kind === 'business_plan' ? { businessPlanDocumentId: documentId, updatedAt: new Date() } : { financingPlanDocumentId: documentId, updatedAt: new Date() })
      .where('caseId', '=', caseId)
      .executeTakeFirst(),

  storageKeysOfCases: (caseIds: string[]) =>
    caseIds.length === 0 ? Promise.resolve([]) : db.selectFrom('caseDocument').select(['id', 'storageKey']).where('caseId', 'in', caseIds).execute(),
});
