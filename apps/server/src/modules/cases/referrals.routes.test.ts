import { ConsentView, IncomingReferralList, ReferralView } from '@glocal/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { signIn, type Session } from '../../../test/sign-in.js';
import { SAMPLE_FILES, TEST_ENCRYPTION_KEY, createCaseAt, idOf, multipartFile, referralConsent } from '../../../test/case-collaboration-factories.js';

const BRUSSELS = 'Guichet migrants entrepreneurs Bruxelles';

describe('consent and referral between desks', () => {
  let t: TestApp;
  let brussels: Session;
  let diourbel: Session;
  let veneto: Session;
  const desk: Record<string, string> = {};
  const count = async (table: 'referral' | 'consent' | 'case_share', caseId: string) =>
    Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where case_id = ${caseId}`.execute(t.db)).rows[0]!.n);
  const leadOf = async (caseId: string) =>
    (await sql<{ deskId: string }>`select desk_id from support_case where id = ${caseId}`.execute(t.db)).rows[0]!.deskId;
  const post = (session: Session, url: string, payload?: object) =>
    t.inject({ method: 'POST', url, headers: session.headers, ...(payload ? { payload } : {}) });
  const get = (session: Session, url: string) => t.inject({ method: 'GET', url, headers: session.headers });

  beforeAll(async () => {
    t = await buildTestApp({ env: { ENCRYPTION_KEY: TEST_ENCRYPTION_KEY } });
    await seedDemo(t.db);
    [brussels, diourbel, veneto] = await Promise.all([
      signIn(t, 'coach.brussels@glocal.test'),
      signIn(t, 'coach.diourbel@glocal.test'),
      signIn(t, 'coach.veneto@glocal.test'),
    ]);
    for (const name of [BRUSSELS, 'CAIM Diourbel', 'CAIM Mbacké', 'Sportello migranti imprenditori Veneto']) desk[name] = await idOf(t.db, 'organisation', 'name', name);
  });
  afterAll(() => t.close());

  it('without a consent for that desk, answers 409 referral.consent_missing naming what is missing, and writes nothing', async () => {
    const c = await createCaseAt(t.db, BRUSSELS);
    const response = await post(brussels, `/api/v1/cases/${c.caseId}/referrals`, { toDeskId: desk['CAIM Diourbel'], purpose: 'Create the business at home' });
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'referral.consent_missing', params: { missing: ['consent'], toDeskName: 'CAIM Diourbel', toCountry: 'SN' } });
    expect(await count('referral', c.caseId)).toBe(0);

    // A consent that leaves out contact details and has expired: both named.
    const partial = await post(brussels, `/api/v1/cases/${c.caseId}/consents`, referralConsent(desk['CAIM Diourbel']!, { dataCategories: ['identity', 'request'], validUntil: '2025-01-31' }));
    expect(partial.statusCode, partial.body).toBe(201);
    const again = await post(brussels, `/api/v1/cases/${c.caseId}/referrals`, { toDeskId: desk['CAIM Diourbel'], purpose: 'Create the business at home' });
    expect(again.statusCode).toBe(409);
    expect(again.json().params.missing).toEqual(['data_category.contact', 'validity']);
    expect(await count('referral', c.caseId)).toBe(0);
  });

  it('refuses a desk outside the partnership (409 referral.desk_not_partner) and the lead desk itself (400)', async () => {
    const c = await createCaseAt(t.db, BRUSSELS);
    const consent = await post(brussels, `/api/v1/cases/${c.caseId}/consents`, referralConsent(desk['CAIM Mbacké']!));
    expect(consent.statusCode).toBe(201);
    const outside = await post(brussels, `/api/v1/cases/${c.caseId}/referrals`, { toDeskId: desk['CAIM Mbacké'], purpose: 'x' });
    expect(outside.statusCode).toBe(409);
    expect(outside.json().code).toBe('referral.desk_not_partner');
    const self = await post(brussels, `/api/v1/cases/${c.caseId}/referrals`, { toDeskId: desk[BRUSSELS], purpose: 'x' });
    expect(self.json().code).toBe('referral.same_desk');
    expect(await count('referral', c.caseId)).toBe(0);
  });

  it('checks the consent: a country other than the desk’s, a signed form never uploaded, a recipient that is no desk (400)', async () => {
    const c = await createCaseAt(t.db, BRUSSELS);
    const url = `/api/v1/cases/${c.caseId}/consents`;
    expect((await post(brussels, url, referralConsent(desk['CAIM Diourbel']!, { recipientCountry: 'IT' }))).json().code).toBe('consent.country_mismatch');
    expect((await post(brussels, url, referralConsent(desk['CAIM Diourbel']!, { method: 'signed_form' }))).json().code).toBe('consent.signed_form_missing');
    const mutual = await idOf(t.db, 'organisation', 'name', 'Mutuelle d’épargne et de crédit du Baol');
    expect((await post(brussels, url, referralConsent(mutual))).json().code).toBe('consent.recipient_not_desk');
    const bad = await post(brussels, url, { ...referralConsent(desk['CAIM Diourbel']!), dataCategories: [], method: 'carrier_pigeon' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/dataCategories', '/method']);
    expect(await count('consent', c.caseId)).toBe(1); // the processing consent only
  });

  it('a coach of a desk the case is not shared with gets 404 for its consents and referrals', async () => {
    const c = await createCaseAt(t.db, BRUSSELS);
    expect((await get(veneto, `/api/v1/cases/${c.caseId}/consents`)).statusCode).toBe(404);
    expect((await get(veneto, `/api/v1/cases/${c.caseId}/referrals`)).statusCode).toBe(404);
    expect((await post(veneto, `/api/v1/cases/${c.caseId}/consents`, referralConsent(desk['CAIM Diourbel']!))).statusCode).toBe(404);
    expect((await post(veneto, `/api/v1/cases/${c.caseId}/referrals`, { toDeskId: desk['CAIM Diourbel'], purpose: 'x' })).statusCode).toBe(404);
  });

  it('refer → the receiving desk sees a summary → accepts and leads; the referring desk keeps reading; the lead moves back; withdrawal hides the case at once', async () => {
    const c = await createCaseAt(t.db, BRUSSELS, { givenName: 'Fatou' });
    const consent = ConsentView.parse((await post(brussels, `/api/v1/cases/${c.caseId}/consents`, referralConsent(desk['CAIM Diourbel']!))).json());
    expect(consent).toMatchObject({ recipientDeskName: 'CAIM Diourbel', recipientCountry: 'SN', standing: true, validUntil: '2030-12-31' });

    const created = await post(brussels, `/api/v1/cases/${c.caseId}/referrals`, { toDeskId: desk['CAIM Diourbel'], purpose: 'Create the workshop in Diourbel' });
    expect(created.statusCode, created.body).toBe(201);
    const referral = ReferralView.parse(created.json());
    expect(referral).toMatchObject({ status: 'pending', fromDeskName: BRUSSELS, toDeskName: 'CAIM Diourbel', consentId: consent.id });
    const twice = await post(brussels, `/api/v1/cases/${c.caseId}/referrals`, { toDeskId: desk['CAIM Diourbel'], purpose: 'again' });
    expect(twice.json().code).toBe('referral.already_pending');

    // The receiving desk: a summary in its incoming list, not the case's material yet.
    const incoming = IncomingReferralList.parse((await get(diourbel, '/api/v1/referrals?status=pending')).json());
    const mine = incoming.items.find((r) => r.id === referral.id);
    expect(mine).toMatchObject({ caseReference: c.reference, personGivenName: 'Fatou', stage: 'elaboration', requestKind: 'business_project' });
    expect(IncomingReferralList.parse((await get(veneto, '/api/v1/referrals')).json()).items.map((r) => r.id)).not.toContain(referral.id);
    expect((await get(diourbel, `/api/v1/cases/${c.caseId}/consents`)).statusCode).toBe(404);
    // Another desk cannot answer for Diourbel.
    expect((await post(veneto, `/api/v1/referrals/${referral.id}/accept`)).statusCode).toBe(404);

    const accepted = await post(diourbel, `/api/v1/referrals/${referral.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    expect(await leadOf(c.caseId)).toBe(desk['CAIM Diourbel']);
    expect((await post(diourbel, `/api/v1/referrals/${referral.id}/accept`)).json().code).toBe('referral.not_pending');
    // Brussels keeps read access, but no longer acts on the case (403: it knows the case).
    expect((await get(brussels, `/api/v1/cases/${c.caseId}/consents`)).statusCode).toBe(200);
    expect((await post(brussels, `/api/v1/cases/${c.caseId}/referrals`, { toDeskId: desk['CAIM Diourbel'], purpose: 'x' })).statusCode).toBe(403);

    // The lead moves back to Brussels under the same consent, then forward again.
    const back = await post(diourbel, `/api/v1/cases/${c.caseId}/referrals`, { toDeskId: desk[BRUSSELS], purpose: 'Follow-up of the returnee from Brussels' });
    expect(back.statusCode, back.body).toBe(201);
    expect(back.json().consentId).toBe(consent.id);
    expect((await post(brussels, `/api/v1/referrals/${back.json().id}/accept`)).statusCode).toBe(200);
    expect(await leadOf(c.caseId)).toBe(desk[BRUSSELS]);
    expect((await get(diourbel, `/api/v1/cases/${c.caseId}/consents`)).statusCode).toBe(200);

    // Withdrawal, on the person's word: Diourbel loses the case at once.
    const withdrawn = await post(brussels, `/api/v1/cases/${c.caseId}/consents/${consent.id}/withdraw`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ standing: false });
    expect((await get(diourbel, `/api/v1/cases/${c.caseId}/consents`)).statusCode).toBe(404);
    expect((await get(diourbel, `/api/v1/cases/${c.caseId}/referrals`)).statusCode).toBe(404);
    expect((await post(brussels, `/api/v1/cases/${c.caseId}/consents/${consent.id}/withdraw`)).json().code).toBe('consent.already_withdrawn');
    const again = await post(brussels, `/api/v1/cases/${c.caseId}/referrals`, { toDeskId: desk['CAIM Diourbel'], purpose: 'x' });
    expect(again.json()).toMatchObject({ code: 'referral.consent_missing', params: { missing: ['consent'] } });

    // The trail says which desks saw what.
    const history = (await get(brussels, `/api/v1/cases/${c.caseId}/referrals/disclosures`)).json().items as { action: string; organisationName: string | null }[];
    expect(history).toEqual(expect.arrayContaining([
      expect.objectContaining({ action: 'referral.created', organisationName: BRUSSELS }),
      expect.objectContaining({ action: 'referral.accepted', organisationName: 'CAIM Diourbel' }),
      expect.objectContaining({ action: 'consent.list_read', organisationName: 'CAIM Diourbel' }),
      expect.objectContaining({ action: 'consent.withdrawn', organisationName: BRUSSELS }),
    ]));
  });

  it('withdrawing while a referral waits cancels it and ends the receiving desk’s summary', async () => {
    const c = await createCaseAt(t.db, BRUSSELS);
    const consent = (await post(brussels, `/api/v1/cases/${c.caseId}/consents`, referralConsent(desk['CAIM Diourbel']!))).json();
    const referral = (await post(brussels, `/api/v1/cases/${c.caseId}/referrals`, { toDeskId: desk['CAIM Diourbel'], purpose: 'x' })).json();
    await post(brussels, `/api/v1/cases/${c.caseId}/consents/${consent.id}/withdraw`);
    const incoming = IncomingReferralList.parse((await get(diourbel, '/api/v1/referrals?status=pending')).json());
    expect(incoming.items.map((r) => r.id)).not.toContain(referral.id);
    expect((await post(diourbel, `/api/v1/referrals/${referral.id}/accept`)).json().code).toBe('referral.not_pending');
    const { rows } = await sql<{ revokedAt: Date | null }>`select revoked_at from case_share where case_id = ${c.caseId}`.execute(t.db);
    expect(rows.every((row) => row.revokedAt !== null)).toBe(true);
  });

  it('declining needs a reason, ends the share and leaves the lead where it was', async () => {
    const c = await createCaseAt(t.db, BRUSSELS);
    await post(brussels, `/api/v1/cases/${c.caseId}/consents`, referralConsent(desk['CAIM Diourbel']!));
    const referral = (await post(brussels, `/api/v1/cases/${c.caseId}/referrals`, { toDeskId: desk['CAIM Diourbel'], purpose: 'x' })).json();
    expect((await post(diourbel, `/api/v1/referrals/${referral.id}/decline`, {})).statusCode).toBe(400);
    const declined = await post(diourbel, `/api/v1/referrals/${referral.id}/decline`, { reason: 'No coach for this sector this year' });
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: 'No coach for this sector this year' });
    expect(await leadOf(c.caseId)).toBe(desk[BRUSSELS]);
    const { rows } = await sql<{ n: number }>`select count(*) as n from case_share where case_id = ${c.caseId} and revoked_at is null`.execute(t.db);
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('prints a consent receipt in the person’s language, escaped, right to left in Arabic; the read is audited', async () => {
    const c = await createCaseAt(t.db, BRUSSELS, { preferredLocale: 'fr' });
    const consent = (await post(brussels, `/api/v1/cases/${c.caseId}/consents`, referralConsent(desk['CAIM Diourbel']!, { purpose: 'Projet <b>couture</b>' }))).json();
    const receipt = await get(brussels, `/api/v1/cases/${c.caseId}/consents/${consent.id}/receipt`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toMatch(/text\/html/);
    expect(receipt.body).toContain('<html lang="fr" dir="ltr">');
    expect(receipt.body).toContain('Reçu de consentement');
    expect(receipt.body).toContain('Sénégal (SN)');
    expect(receipt.body).toContain('Projet &lt;b&gt;couture&lt;/b&gt;');
    expect(receipt.body).toContain(c.reference);
    const arabic = await get(brussels, `/api/v1/cases/${c.caseId}/consents/${consent.id}/receipt?locale=ar`);
    expect(arabic.body).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.body).toContain('إيصال الموافقة');
    const { rows } = await sql<{ action: string }>`select action from audit_event order by seq desc limit 1`.execute(t.db);
    expect(rows[0]!.action).toBe('consent.receipt_read');
    expect((await get(veneto, `/api/v1/cases/${c.caseId}/consents/${consent.id}/receipt`)).statusCode).toBe(404);
  });
  it('a consent given on a signed form points to the uploaded form; a waiting desk sees the summary, not the documents', async () => {
    const c = await createCaseAt(t.db, BRUSSELS);
    const form = multipartFile('consentement-signe.pdf', SAMPLE_FILES.pdf);
    const uploaded = await t.inject({ method: 'POST', url: `/api/v1/cases/${c.caseId}/documents?kind=consent_form`, payload: form.payload, headers: { ...brussels.headers, ...form.headers } });
    expect(uploaded.statusCode).toBe(201);
    const consent = await post(brussels, `/api/v1/cases/${c.caseId}/consents`, referralConsent(desk['CAIM Diourbel']!, { method: 'signed_form', documentId: uploaded.json().id }));
    expect(consent.statusCode, consent.body).toBe(201);
    expect(consent.json()).toMatchObject({ method: 'signed_form', documentId: uploaded.json().id });
    const referral = await post(brussels, `/api/v1/cases/${c.caseId}/referrals`, { toDeskId: desk['CAIM Diourbel'], purpose: 'x' });
    expect(referral.statusCode).toBe(201);
    expect((await get(diourbel, `/api/v1/cases/${c.caseId}/documents`)).statusCode).toBe(404);
    expect((await get(diourbel, `/api/v1/cases/${c.caseId}/documents/${uploaded.json().id}/content`)).statusCode).toBe(404);
    expect((await get(diourbel, `/api/v1/cases/${c.caseId}/messages`)).statusCode).toBe(404);
    // A desk whose referral is pending sees the referral summary only, never the case itself.
    expect((await get(diourbel, `/api/v1/cases/${c.caseId}`)).statusCode).toBe(404);
    await post(diourbel, `/api/v1/referrals/${referral.json().id}/accept`);
    expect((await get(diourbel, `/api/v1/cases/${c.caseId}/documents`)).statusCode).toBe(200);
    // The referring desk keeps reading the documents, not the lead desk's thread with the person.
    expect((await get(brussels, `/api/v1/cases/${c.caseId}/documents`)).statusCode).toBe(200);
    expect((await get(brussels, `/api/v1/cases/${c.caseId}/messages`)).statusCode).toBe(403);
  });
});
