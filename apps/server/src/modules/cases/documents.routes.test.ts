import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CaseDocumentList, CaseDocumentView } from '@glocal/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { signIn, type Session } from '../../../test/sign-in.js';
import { SAMPLE_FILES, TEST_ENCRYPTION_KEY, createCaseAt, multipartFile, type CaseFixture } from '../../../test/case-collaboration-factories.js';

const BRUSSELS = 'Guichet migrants entrepreneurs Bruxelles';
const MAX_BYTES = 4096;

describe('case documents', () => {
  let t: TestApp;
  let dataDir: string;
  let brussels: Session;
  let veneto: Session;
  let c: CaseFixture;
  const upload = (session: Session, caseId: string, name: string, content: Buffer, kind = 'other', type = 'application/pdf') =>
    t.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/documents?kind=${kind}`, ...withHeaders(session, multipartFile(name, content, type)) });
  const withHeaders = (session: Session, body: { payload: Buffer; headers: Record<string, string> }) => ({ payload: body.payload, headers: { ...session.headers, ...body.headers } });
  const documentCount = async () => Number((await sql<{ n: number }>`select count(*) as n from case_document`.execute(t.db)).rows[0]!.n);
  const filesOnDisk = async () => (await fs.readdir(path.join(dataDir, 'documents'))).length;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'glocal-documents-test-'));
    t = await buildTestApp({ env: { ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, DATA_DIR: dataDir, DOCUMENT_MAX_BYTES: String(MAX_BYTES) } });
    await seedDemo(t.db);
    [brussels, veneto] = await Promise.all([signIn(t, 'coach.brussels@glocal.test'), signIn(t, 'coach.veneto@glocal.test')]);
    c = await createCaseAt(t.db, BRUSSELS);
  });
  afterAll(async () => {
    await t.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('stores a PDF on disk under a random key, with its sha256 and size, and links a business plan to the project', async () => {
    const response = await upload(brussels, c.caseId, '../../Plan d’affaires.pdf', SAMPLE_FILES.pdf, 'business_plan');
    expect(response.statusCode, response.body).toBe(201);
    const document = CaseDocumentView.parse(response.json());
    expect(document).toMatchObject({ kind: 'business_plan', fileName: 'Plan d’affaires.pdf', mediaType: 'application/pdf', sizeBytes: SAMPLE_FILES.pdf.length, uploadedByPerson: false });
    expect(document.sha256).toBe(createHash('sha256').update(SAMPLE_FILES.pdf).digest('hex'));
    const { rows } = await sql<{ storageKey: string }>`select storage_key from case_document where id = ${document.id}`.execute(t.db);
    const onDisk = await fs.readFile(path.join(dataDir, 'documents', rows[0]!.storageKey));
    expect(onDisk.equals(SAMPLE_FILES.pdf)).toBe(true);
    expect(rows[0]!.storageKey).not.toContain('Plan');
    const project = await sql<{ businessPlanDocumentId: string }>`select business_plan_document_id from business_project where case_id = ${c.caseId}`.execute(t.db);
    expect(project.rows[0]!.businessPlanDocumentId).toBe(document.id);
  });

  it('takes the type from the bytes: an image sent as PDF is stored as PNG', async () => {
    const response = await upload(brussels, c.caseId, 'photo.pdf', SAMPLE_FILES.png, 'identity', 'application/pdf');
    expect(response.statusCode).toBe(201);
    expect(response.json().mediaType).toBe('image/png');
  });

  it('refuses an executable named .pdf and text posing as a PDF (415 document.type_not_allowed), keeping nothing', async () => {
    const before = [await documentCount(), await filesOnDisk()];
    const exe = await upload(brussels, c.caseId, 'business-plan.pdf', SAMPLE_FILES.exe);
    expect(exe.statusCode).toBe(415);
    expect(exe.headers['content-type']).toMatch(/problem\+json/);
    expect(exe.json()).toMatchObject({ code: 'document.type_not_allowed', params: { detected: 'application/x-msdownload' } });
    const text = await upload(brussels, c.caseId, 'plan.pdf', Buffer.from('just some words, no PDF here'));
    expect(text.json()).toMatchObject({ code: 'document.type_not_allowed', params: { detected: null } });
    expect([await documentCount(), await filesOnDisk()]).toEqual(before);
  });

  it('refuses a file over DOCUMENT_MAX_BYTES (413 document.too_large), a request without a file (400) or not multipart (415)', async () => {
    const before = [await documentCount(), await filesOnDisk()];
    const big = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(MAX_BYTES)]);
    const tooLarge = await upload(brussels, c.caseId, 'big.pdf', big);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: 'document.too_large', params: { maxBytes: MAX_BYTES } });
    const boundary = 'x-boundary';
    const empty = await t.inject({
      method: 'POST', url: `/api/v1/cases/${c.caseId}/documents`,
      headers: { ...brussels.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('document.file_missing');
    const json = await t.inject({ method: 'POST', url: `/api/v1/cases/${c.caseId}/documents`, headers: brussels.headers, payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    const badKind = await upload(brussels, c.caseId, 'a.pdf', SAMPLE_FILES.pdf, 'passport_scan');
    expect(badKind.statusCode).toBe(400);
    expect([await documentCount(), await filesOnDisk()]).toEqual(before);
  });

  it('downloads only through the check, as an attachment that is never sniffed; the read is audited', async () => {
    const list = CaseDocumentList.parse((await t.inject({ method: 'GET', url: `/api/v1/cases/${c.caseId}/documents`, headers: brussels.headers })).json());
    const plan = list.items.find((d) => d.kind === 'business_plan')!;
    const response = await t.inject({ method: 'GET', url: `/api/v1/cases/${c.caseId}/documents/${plan.id}/content`, headers: brussels.headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="Plan d_affaires.pdf"; filename*=UTF-8''${encodeURIComponent('Plan d’affaires.pdf')}`);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.rawPayload.equals(SAMPLE_FILES.pdf)).toBe(true);
    const { rows } = await sql<{ action: string; details: { documentId: string } }>`select action, details from audit_event order by seq desc limit 1`.execute(t.db);
    expect(rows[0]).toMatchObject({ action: 'document.read', details: { documentId: plan.id } });
  });

  it('a coach of another desk gets 404 for the list, the file and an upload', async () => {
    const [plan] = (await sql<{ id: string }>`select id from case_document where case_id = ${c.caseId} limit 1`.execute(t.db)).rows;
    expect((await t.inject({ method: 'GET', url: `/api/v1/cases/${c.caseId}/documents`, headers: veneto.headers })).statusCode).toBe(404);
    expect((await t.inject({ method: 'GET', url: `/api/v1/cases/${c.caseId}/documents/${plan!.id}/content`, headers: veneto.headers })).statusCode).toBe(404);
    expect((await upload(veneto, c.caseId, 'x.pdf', SAMPLE_FILES.pdf)).statusCode).toBe(404);
    // A document of another case, asked for under this one, is not found either.
    const other = await createCaseAt(t.db, BRUSSELS);
    expect((await t.inject({ method: 'GET', url: `/api/v1/cases/${other.caseId}/documents/${plan!.id}/content`, headers: brussels.headers })).statusCode).toBe(404);
  });
});
