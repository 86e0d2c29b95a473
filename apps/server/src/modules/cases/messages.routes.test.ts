import { CaseMessageList, CaseMessageView } from '@glocal/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { signIn, type Session } from '../../../test/sign-in.js';
import { startSmtpCapture, type SmtpCapture } from '../../../test/smtp-capture.js';
import { TEST_ENCRYPTION_KEY, createCaseAt, type CaseFixture } from '../../../test/case-collaboration-factories.js';

const BRUSSELS = 'Guichet migrants entrepreneurs Bruxelles';
const SECRET_TEXT = 'Votre rendez-vous à la banque est mardi à 10 h';

describe('messages between the person and the coach', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let brussels: Session;
  let veneto: Session;
  let c: CaseFixture;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await buildTestApp({ env: { ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, SMTP_URL: smtp.url } });
    await seedDemo(t.db);
    [brussels, veneto] = await Promise.all([signIn(t, 'coach.brussels@glocal.test'), signIn(t, 'coach.veneto@glocal.test')]);
    c = await createCaseAt(t.db, BRUSSELS, { givenName: 'Awa', email: 'awa.person@example.org', preferredLocale: 'fr', coachEmail: 'coach.brussels@glocal.test' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('a coach writes: the body is stored encrypted only, and the person gets an e-mail in French with a link, not the text', async () => {
    const response = await t.inject({ method: 'POST', url: `/api/v1/cases/${c.caseId}/messages`, headers: brussels.headers, payload: { body: SECRET_TEXT } });
    expect(response.statusCode, response.body).toBe(201);
    const message = CaseMessageView.parse(response.json());
    expect(message).toMatchObject({ sender: 'staff', authorName: 'Claire Dubois', body: SECRET_TEXT });

    const raw = await sql<Record<string, unknown>>`select * from case_message where id = ${message.id}`.execute(t.db);
    expect(JSON.stringify(raw.rows)).not.toContain('rendez-vous');

    const mail = await smtp.waitFor((m) => m.to.includes('awa.person@example.org'));
    expect(mail.subject).toBe(`Nouveau message sur votre demande ${c.reference}`);
    expect(mail.text).toContain(`http://glocal.test/my-requests/${c.caseId}`);
    expect(mail.text).toContain('Bonjour Awa');
    expect(mail.text).not.toContain('rendez-vous');
  });

  it('reads the thread decrypted, and audits the read', async () => {
    const list = CaseMessageList.parse((await t.inject({ method: 'GET', url: `/api/v1/cases/${c.caseId}/messages`, headers: brussels.headers })).json());
    expect(list.items.map((m) => m.body)).toEqual([SECRET_TEXT]);
    const { rows } = await sql<{ action: string; organisationId: string }>`select action, organisation_id from audit_event order by seq desc limit 1`.execute(t.db);
    expect(rows[0]).toMatchObject({ action: 'message.thread_read', organisationId: c.deskId });
  });

  it('a coach of another desk gets 404 for the thread and cannot write; an empty message is 400', async () => {
    expect((await t.inject({ method: 'GET', url: `/api/v1/cases/${c.caseId}/messages`, headers: veneto.headers })).statusCode).toBe(404);
    expect((await t.inject({ method: 'POST', url: `/api/v1/cases/${c.caseId}/messages`, headers: veneto.headers, payload: { body: 'hi' } })).statusCode).toBe(404);
    const empty = await t.inject({ method: 'POST', url: `/api/v1/cases/${c.caseId}/messages`, headers: brussels.headers, payload: { body: '   ' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].pointer).toBe('/body');
  });

  it('a person without an address gets no e-mail, and the message is still written', async () => {
    const noMail = await createCaseAt(t.db, BRUSSELS, { givenName: 'Moussa' });
    const response = await t.inject({ method: 'POST', url: `/api/v1/cases/${noMail.caseId}/messages`, headers: brussels.headers, payload: { body: 'Bonjour' } });
    expect(response.statusCode).toBe(201);
    // A later message to Awa arrives; nothing else was ever sent.
    await t.inject({ method: 'POST', url: `/api/v1/cases/${c.caseId}/messages`, headers: brussels.headers, payload: { body: 'Second' } });
    await smtp.waitFor((m) => m.to.includes('awa.person@example.org') && smtp.messages.filter((x) => x.to.includes('awa.person@example.org')).length >= 2);
    expect(new Set(smtp.messages.flatMap((m) => m.to))).toEqual(new Set(['awa.person@example.org']));
  });
});
