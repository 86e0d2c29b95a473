import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ErasureRequestList, MyRequestList } from '@glocal/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { signIn, type Session } from '../../../test/sign-in.js';
import { linkIn, startSmtpCapture, type SmtpCapture } from '../../../test/smtp-capture.js';
import {
  SAMPLE_FILES, TEST_ENCRYPTION_KEY, createCaseAt, idOf, multipartFile, referralConsent, testCipher, type CaseFixture,
} from '../../../test/case-collaboration-factories.js';
import { DEMO_SERVICE_IDS } from '../directory/directory.demo.js';
import { noteContext } from './notes.service.js';

const BRUSSELS = 'Guichet migrants entrepreneurs Bruxelles';
const PASSWORD = 'teranga-entre-deux-rives';
const PERSON = { givenName: 'Khadija', familyName: 'Mbengue', email: 'khadija.mbengue@example.org', phone: '+32 488 77 66 55', birthDate: '1988-02-29', need: 'Je veux ouvrir une boulangerie à Touba' };

describe('self-service for the person, and erasure decided by the DPO', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let dataDir: string;
  let person: Session;
  let stranger: Session;
  let brussels: Session;
  let diourbel: Session;
  let dpo: Session;
  let c: CaseFixture;
  let other: CaseFixture;
  let referralId: string;
  let consentId: string;

  /** The ordinary registration: the account exists once the e-mailed link is opened. */
  async function registerAccount(email: string, displayName: string) {
    const registered = await t.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email, displayName, password: PASSWORD, locale: 'fr' } });
    expect(registered.statusCode).toBe(202);
    const mail = await smtp.waitFor((m) => m.to.includes(email) && m.text.includes('/register/confirm'));
    const token = linkIn(mail, '/register/confirm').searchParams.get('token')!;
    expect((await t.inject({ method: 'POST', url: '/api/v1/auth/register/confirm', payload: { token } })).statusCode).toBe(201);
    return signIn(t, email, PASSWORD);
  }
  const link = (session: Session, reference: string, remoteAddress = '10.9.0.1') =>
    t.inject({ method: 'POST', url: '/api/v1/me/requests/link', headers: session.headers, remoteAddress, payload: { reference } });
  const get = (session: Session, url: string) => t.inject({ method: 'GET', url, headers: session.headers });
  const post = (session: Session, url: string, payload?: object) => t.inject({ method: 'POST', url, headers: session.headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'glocal-self-service-test-'));
    t = await buildTestApp({ env: { ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, SMTP_URL: smtp.url, DATA_DIR: dataDir } });
    await seedDemo(t.db);
    [brussels, diourbel, dpo] = await Promise.all([signIn(t, 'coach.brussels@glocal.test'), signIn(t, 'coach.diourbel@glocal.test'), signIn(t, 'dpo@glocal.test')]);
    c = await createCaseAt(t.db, BRUSSELS, { ...PERSON, coachEmail: 'coach.brussels@glocal.test' });
    other = await createCaseAt(t.db, BRUSSELS, { givenName: 'Omar', email: 'omar@example.org' });
    // The case's life so far: a stage move, a note, a financing, a staff message, a document, a referral waiting.
    await sql`insert into business_stage_transition (case_id, from_stage, to_stage, reason) values (${c.caseId}, 'identification', 'elaboration', 'Étude de marché faite avec Khadija')`.execute(t.db);
    const noteId = crypto.randomUUID();
    const coachId = await idOf(t.db, 'app_user', 'email', 'coach.brussels@glocal.test');
    await sql`insert into case_note (id, case_id, desk_id, author_id, body_encrypted) values (${noteId}, ${c.caseId}, ${c.deskId}, ${coachId}, ${testCipher.encrypt('Khadija a déjà un local en vue', noteContext(noteId))})`.execute(t.db);
    await sql`insert into case_financing (case_id, kind, amount, currency, source_name, from_remittances) values (${c.caseId}, 'own_savings', '1500.00', 'EUR', 'Épargne familiale de Khadija', true)`.execute(t.db);
    expect((await post(brussels, `/api/v1/cases/${c.caseId}/messages`, { body: 'Apportez votre plan de trésorerie jeudi' })).statusCode).toBe(201);
    const form = multipartFile('plan-boulangerie.pdf', SAMPLE_FILES.pdf);
    expect((await t.inject({ method: 'POST', url: `/api/v1/cases/${c.caseId}/documents?kind=business_plan`, payload: form.payload, headers: { ...brussels.headers, ...form.headers } })).statusCode).toBe(201);
    const diourbelId = await idOf(t.db, 'organisation', 'name', 'CAIM Diourbel');
    consentId = (await post(brussels, `/api/v1/cases/${c.caseId}/consents`, referralConsent(diourbelId))).json().id;
    referralId = (await post(brussels, `/api/v1/cases/${c.caseId}/referrals`, { toDeskId: diourbelId, purpose: 'Ouverture à Touba' })).json().id;
    // A directory service the coach referred her to, with a note about her; she got it.
    const serviceReferral = await post(brussels, `/api/v1/directory/services/${DEMO_SERVICE_IDS.microstartLoan}/case-referrals`, { caseId: c.caseId, note: 'Rendez-vous mardi, apporter le devis du four' });
    expect(serviceReferral.statusCode, serviceReferral.body).toBe(201);
    const outcome = await t.inject({ method: 'PATCH', url: `/api/v1/directory/case-referrals/${serviceReferral.json().id}`, headers: brussels.headers, payload: { outcome: 'received' } });
    expect(outcome.statusCode, outcome.body).toBe(200);

    person = await registerAccount(PERSON.email, 'Khadija M.');
    stranger = await registerAccount('someone.else@example.org', 'Someone Else');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('links the account by reference and verified e-mail; every failure answers alike, whether the reference exists or not', async () => {
    const unknown = await link(stranger, 'GLC-0000-0000-0000');
    const notTheirs = await link(stranger, c.reference);
    expect(unknown.statusCode).toBe(404);
    expect(notTheirs.statusCode).toBe(404);
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(notTheirs.json())).toEqual(strip(unknown.json()));
    expect(unknown.json().code).toBe('my_request.reference_not_matched');

    const linked = await link(person, c.reference.toLowerCase().replace(/-/g, '-'));
    expect(linked.statusCode, linked.body).toBe(200);
    const mine = MyRequestList.parse(linked.json());
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ reference: c.reference, deskName: BRUSSELS, coachName: 'Claire Dubois', stage: 'elaboration', status: 'active', unreadMessages: 1 });
    expect(mine.items[0]!.stageHistory).toEqual([expect.objectContaining({ fromStage: 'identification', toStage: 'elaboration' })]);
    const { rows } = await sql<{ userId: string | null }>`select user_id from person where id = ${c.personId}`.execute(t.db);
    expect(rows[0]!.userId).not.toBeNull();
  });

  it('throttles reference guessing per account and per reference (429)', async () => {
    const guesser = await registerAccount('guesser@example.org', 'Guesser');
    for (let i = 0; i < 10; i++) expect((await link(guesser, other.reference, `10.7.0.${i}`)).statusCode).toBe(404);
    // The account is locked, whatever it tries next…
    const locked = await link(guesser, 'GLC-1111-2222-3333', '10.7.1.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('rate_limited');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // …and so is the reference it hammered, even for its rightful owner, from elsewhere.
    const omar = await registerAccount('omar@example.org', 'Omar');
    expect((await link(omar, other.reference, '10.8.0.1')).statusCode).toBe(429);
  });

  it('another person’s request is not found through self-service', async () => {
    for (const url of [`/api/v1/me/requests/${other.caseId}`, `/api/v1/me/requests/${other.caseId}/messages`, `/api/v1/me/requests/${other.caseId}/documents`, `/api/v1/me/requests/${other.caseId}/consents`]) {
      expect((await get(person, url)).statusCode, url).toBe(404);
    }
    expect((await get(stranger, `/api/v1/me/requests/${c.caseId}`)).statusCode).toBe(404);
    expect((await get(stranger, '/api/v1/me/requests')).json()).toEqual({ items: [], nextCursor: null });
  });

  it('reads the coach’s messages and answers; the coach gets an e-mail with a link, not the text', async () => {
    const thread = await get(person, `/api/v1/me/requests/${c.caseId}/messages`);
    expect(thread.json().items.map((m: { body: string; sender: string }) => [m.sender, m.body])).toEqual([['staff', 'Apportez votre plan de trésorerie jeudi']]);
    expect((await get(person, `/api/v1/me/requests/${c.caseId}`)).json().unreadMessages).toBe(0);
    const sent = await post(person, `/api/v1/me/requests/${c.caseId}/messages`, { body: 'Je viendrai jeudi avec ma sœur' });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ sender: 'person', authorName: null });
    const mail = await smtp.waitFor((m) => m.to.includes('coach.brussels@glocal.test'));
    expect(mail.text).toContain(`/cases/${c.caseId}`);
    expect(mail.text).not.toContain('sœur');
    const staffView = (await get(brussels, `/api/v1/cases/${c.caseId}/messages`)).json().items;
    expect(staffView.at(-1)).toMatchObject({ sender: 'person', body: 'Je viendrai jeudi avec ma sœur' });
  });

  it('sends and downloads documents, typed by their bytes', async () => {
    const form = multipartFile('facture.pdf', SAMPLE_FILES.png);
    const uploaded = await t.inject({ method: 'POST', url: `/api/v1/me/requests/${c.caseId}/documents?kind=other`, payload: form.payload, headers: { ...person.headers, ...form.headers } });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({ uploadedByPerson: true, mediaType: 'image/png' });
    const exe = multipartFile('cv.pdf', SAMPLE_FILES.exe);
    const refused = await t.inject({ method: 'POST', url: `/api/v1/me/requests/${c.caseId}/documents`, payload: exe.payload, headers: { ...person.headers, ...exe.headers } });
    expect(refused.statusCode).toBe(415);
    const list = (await get(person, `/api/v1/me/requests/${c.caseId}/documents`)).json().items as { id: string; fileName: string }[];
    expect(list.map((d) => d.fileName).sort()).toEqual(['facture.pdf', 'plan-boulangerie.pdf']);
    const plan = list.find((d) => d.fileName === 'plan-boulangerie.pdf')!;
    const download = await get(person, `/api/v1/me/requests/${c.caseId}/documents/${plan.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.rawPayload.equals(SAMPLE_FILES.pdf)).toBe(true);
  });

  it('sees the consents and withdraws the referral consent: the waiting desk loses the case at once', async () => {
    const consents = (await get(person, `/api/v1/me/requests/${c.caseId}/consents`)).json().items as { id: string; kind: string }[];
    expect(consents.map((x) => x.kind).sort()).toEqual(['processing', 'referral']);
    expect((await get(diourbel, '/api/v1/referrals?status=pending')).json().items.map((r: { id: string }) => r.id)).toContain(referralId);
    const receipt = await get(person, `/api/v1/me/requests/${c.caseId}/consents/${consentId}/receipt`);
    expect(receipt.body).toContain('Reçu de consentement');
    const withdrawn = await post(person, `/api/v1/me/requests/${c.caseId}/consents/${consentId}/withdraw`);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().withdrawnAt).not.toBeNull();
    expect((await get(diourbel, '/api/v1/referrals?status=pending')).json().items.map((r: { id: string }) => r.id)).not.toContain(referralId);
    const { rows } = await sql<{ withdrawnBy: string | null; action: string }>`select c.withdrawn_by, (select action from audit_event order by seq desc limit 1) as action from consent c where c.id = ${consentId}`.execute(t.db);
    expect(rows[0]).toEqual({ withdrawnBy: null, action: 'consent.withdrawn' });
  });

  it('downloads all their data: JSON with every kind of record, and a readable page in their language', async () => {
    const response = await get(person, '/api/v1/me/requests/export.json');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="my-data.json"');
    const data = response.json();
    expect(data.person).toMatchObject({ givenName: 'Khadija', familyName: 'Mbengue', email: PERSON.email, phone: PERSON.phone, birthDate: PERSON.birthDate, residenceStatus: 'permit_pending', gender: 'female', languages: ['fr', 'wo'] });
    const [request] = data.requests;
    expect(request).toMatchObject({ reference: c.reference, need: PERSON.need, desk: BRUSSELS, businessProject: expect.objectContaining({ idea: 'Atelier de couture et vente de tissus', ownFundsAmount: '2500.00' }) });
    expect(request.stageHistory).toEqual([expect.objectContaining({ toStage: 'elaboration', reason: 'Étude de marché faite avec Khadija' })]);
    expect(request.notes).toEqual([expect.objectContaining({ body: 'Khadija a déjà un local en vue', desk: BRUSSELS })]);
    expect(request.financing).toEqual([expect.objectContaining({ amount: '1500.00', currency: 'EUR', sourceName: 'Épargne familiale de Khadija', fromRemittances: true })]);
    expect(request.messages.map((m: { body: string }) => m.body)).toEqual(['Apportez votre plan de trésorerie jeudi', 'Je viendrai jeudi avec ma sœur']);
    expect(request.documents.map((d: { fileName: string }) => d.fileName).sort()).toEqual(['facture.pdf', 'plan-boulangerie.pdf']);
    expect(request.documents[0].storageKey).toBeUndefined();
    expect(request.referrals).toEqual([expect.objectContaining({ fromDesk: BRUSSELS, toDesk: 'CAIM Diourbel', status: 'cancelled' })]);
    expect(request.serviceReferrals).toEqual([
      {
        service: expect.stringContaining('Microcrédit pour créer son entreprise'), organization: 'microStart', note: 'Rendez-vous mardi, apporter le devis du four',
        outcome: 'received', outcomeAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      },
    ]);
    expect(data.consents).toHaveLength(2);

    const page = await get(person, '/api/v1/me/requests/export.html');
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('<html lang="fr" dir="ltr">');
    expect(page.body).toContain('Vos données sur Glocal');
    expect(page.body).toContain('Je veux ouvrir une boulangerie à Touba');
    expect(page.body).toContain(PERSON.phone);
    expect(page.body).toContain('Services de l’annuaire vers lesquels vous avez été orienté');
    expect(page.body).toContain('Rendez-vous mardi, apporter le devis du four');
    expect(page.body).toContain('Service obtenu');
  });

  it('asks for erasure once; the DPO erases, keeping consent records with the reason; no personal data is left and the counts stand', async () => {
    const asked = await post(person, '/api/v1/me/requests/erasure');
    expect(asked.statusCode).toBe(201);
    expect((await post(person, '/api/v1/me/requests/erasure')).json().code).toBe('erasure.already_requested');
    expect((await get(person, '/api/v1/me/requests/erasure')).json().request.status).toBe('pending');

    expect((await get(brussels, '/api/v1/erasure-requests')).statusCode).toBe(403);
    const list = ErasureRequestList.parse((await get(dpo, '/api/v1/erasure-requests?status=pending')).json());
    const pending = list.items.find((r) => r.id === asked.json().id)!;
    expect(pending).toMatchObject({ personLabel: 'Khadija Mbengue', caseReferences: [c.reference], deskNames: [BRUSSELS] });

    const counts = async () =>
      (await sql`select sc.desk_id, sc.status, sc.outcome, sc.request_kind, bp.stage, count(*)::int as n from support_case sc left join business_project bp on bp.case_id = sc.id group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`.execute(t.db)).rows;
    const before = await counts();
    const storageKeys = (await sql<{ storageKey: string }>`select storage_key from case_document where case_id = ${c.caseId}`.execute(t.db)).rows.map((r) => r.storageKey);
    expect(storageKeys).toHaveLength(2);

    const [account] = (await sql<{ userId: string }>`select user_id from person where id = ${c.personId}`.execute(t.db)).rows;
    expect(account?.userId).toBeTruthy();

    const noReason = await post(dpo, `/api/v1/erasure-requests/${pending.id}/decision`, { decision: 'erase', retain: ['consent_records'] });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].pointer).toBe('/retainedReason');
    const decided = await post(dpo, `/api/v1/erasure-requests/${pending.id}/decision`, {
      decision: 'erase', retain: ['consent_records'], retainedReason: 'Proof of consent to the referral kept five years (GDPR art. 7(1))',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'partially_completed', retained: ['consent_records'] });
    expect((await post(dpo, `/api/v1/erasure-requests/${pending.id}/decision`, { decision: 'refuse', retainedReason: 'x' })).json().code).toBe('erasure.already_decided');

    // Raw rows: nothing that names, reaches or describes her; no ciphertext, no look-up hash.
    const raw = JSON.stringify([
      ...(await sql`select * from person where id = ${c.personId}`.execute(t.db)).rows,
      ...(await sql`select * from support_case where id = ${c.caseId}`.execute(t.db)).rows,
      ...(await sql`select * from business_project where case_id = ${c.caseId}`.execute(t.db)).rows,
      ...(await sql`select * from business_stage_transition where case_id = ${c.caseId}`.execute(t.db)).rows,
      ...(await sql`select * from case_financing where case_id = ${c.caseId}`.execute(t.db)).rows,
      ...(await sql`select * from referral where case_id = ${c.caseId}`.execute(t.db)).rows,
      ...(await sql`select * from case_service_referral where case_id = ${c.caseId}`.execute(t.db)).rows,
      ...(await sql`select * from case_note where case_id = ${c.caseId}`.execute(t.db)).rows,
      ...(await sql`select * from case_message where case_id = ${c.caseId}`.execute(t.db)).rows,
      ...(await sql`select * from case_document where case_id = ${c.caseId}`.execute(t.db)).rows,
      ...(await sql`select * from audit_event where subject_id in (${c.caseId}, ${c.personId})`.execute(t.db)).rows,
      ...(await sql`select * from app_user where id = ${account!.userId}`.execute(t.db)).rows,
    ]);
    for (const trace of ['Khadija', 'Mbengue', 'khadija.mbengue', '488 77', '1988-02-29', 'boulangerie', 'Touba', 'trésorerie', 'sœur', 'local en vue', 'Épargne familiale', 'devis du four', 'plan-boulangerie', 'permit_pending', c.reference]) {
      expect(raw, trace).not.toContain(trace);
    }
    expect(raw).not.toMatch(/"v1\.[A-Za-z0-9_-]+\./);
    const [erasedPerson] = (await sql<Record<string, unknown>>`select * from person where id = ${c.personId}`.execute(t.db)).rows;
    expect(erasedPerson).toMatchObject({ emailHash: null, phoneHash: null, birthDateHash: null, userId: null, gender: null });
    expect(erasedPerson!.erasedAt).not.toBeNull();
    // Her own login is gone too: disabled, no password, no session.
    const [login] = (await sql<{ disabledAt: Date | null; passwordHash: string | null }>`select disabled_at, password_hash from app_user where id = ${account!.userId}`.execute(t.db)).rows;
    expect(login).toMatchObject({ passwordHash: null });
    expect(login!.disabledAt).not.toBeNull();
    expect((await sql<{ n: number }>`select count(*)::int as n from user_session where user_id = ${account!.userId}`.execute(t.db)).rows[0]!.n).toBe(0);
    for (const key of storageKeys) await expect(fs.access(path.join(dataDir, 'documents', key))).rejects.toThrow();
    // What the law keeps stays, detached: the consent rows, their purpose included.
    expect((await sql<{ n: number }>`select count(*)::int as n from consent where person_id = ${c.personId} and purpose <> 'erased'`.execute(t.db)).rows[0]!.n).toBe(2);
    // Anonymous counts are unchanged.
    expect(await counts()).toEqual(before);
    expect((await sql<{ n: number }>`select count(*)::int as n from case_financing where case_id = ${c.caseId} and amount = 1500`.execute(t.db)).rows[0]!.n).toBe(1);
    // The directory referral stays for the service's counts (which service, whether she got it), its note gone.
    expect((await sql`select service_id, outcome, note from case_service_referral where case_id = ${c.caseId}`.execute(t.db)).rows).toEqual([
      { serviceId: DEMO_SERVICE_IDS.microstartLoan, outcome: 'received', note: null },
    ]);

    // Her session ended with her account; the erased reference no longer exists.
    expect((await get(person, '/api/v1/me/requests')).statusCode).toBe(401);
    expect((await sql<{ n: number }>`select count(*)::int as n from support_case where reference = ${c.reference}`.execute(t.db)).rows[0]!.n).toBe(0);
  });
});
