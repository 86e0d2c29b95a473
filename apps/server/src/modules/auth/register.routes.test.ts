import { MeView } from '@glocal/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, TEST_PUBLIC_URL, type TestApp } from '../../../test/build-test-app.js';
import { linkIn, startSmtpCapture, type SmtpCapture } from '../../../test/smtp-capture.js';
import { DEMO_PASSWORD } from './accounts.demo.js';

const PASSWORD = 'teranga-entre-deux-rives';

describe('migrant self-registration', () => {
  let t: TestApp;
  let smtp: SmtpCapture;

  const register = (payload: object, remoteAddress = '10.4.0.1') =>
    t.inject({ method: 'POST', url: '/api/v1/auth/register', remoteAddress, payload });
  const confirm = (token: string) => t.inject({ method: 'POST', url: '/api/v1/auth/register/confirm', payload: { token } });
  const accountCount = async (email: string) =>
    Number((await sql<{ n: number }>`select count(*) as n from app_user where email = ${email}`.execute(t.db)).rows[0]!.n);
  const mailTo = (email: string, after = 0) => smtp.waitFor((m) => m.to.includes(email) && smtp.messages.indexOf(m) >= after);

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await buildTestApp({ env: { SMTP_URL: smtp.url } });
    await seedDemo(t.db);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('registers, e-mails a link in the chosen language, and the link creates a migrant account and signs it in, once', async () => {
    const registered = await register({ email: 'Moussa.Diallo@example.org', displayName: 'Moussa Diallo', password: PASSWORD, locale: 'ar' });
    expect(registered.statusCode).toBe(202);
    expect(registered.body).toBe('null');
    expect(await accountCount('moussa.diallo@example.org')).toBe(0);

    const mail = await mailTo('moussa.diallo@example.org');
    expect(mail.subject).toBe('أكّد حسابك على Glocal');
    expect(mail.headers['content-language']).toBe('ar');
    expect(mail.text).toContain('مرحبًا Moussa Diallo');
    const link = linkIn(mail, '/register/confirm');
    expect(link.origin).toBe(TEST_PUBLIC_URL);

    const confirmed = await confirm(link.searchParams.get('token')!);
    expect(confirmed.statusCode).toBe(201);
    const me = MeView.parse(confirmed.json());
    expect(me).toMatchObject({ email: 'moussa.diallo@example.org', displayName: 'Moussa Diallo', locale: 'ar', kind: 'migrant' });
    expect(me.memberships).toEqual([{ organisationId: null, organisationName: null, role: 'migrant' }]);
    const cookie = String(confirmed.headers['set-cookie']).split(';')[0]!;
    expect((await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).json().kind).toBe('migrant');
    // A migrant account holds no staff permission.
    expect((await t.inject({ method: 'GET', url: '/api/v1/organisations', headers: { cookie } })).statusCode).toBe(403);

    const reused = await confirm(link.searchParams.get('token')!);
    expect(reused.statusCode).toBe(400);
    expect(reused.json().code).toBe('auth.registration_token_invalid');

    const login = await t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'moussa.diallo@example.org', password: PASSWORD } });
    expect(login.statusCode).toBe(200);

    const { rows } = await sql<{ action: string; details: string }>`
      select action, details::text as details from audit_event where action like 'auth.regist%' order by seq`.execute(t.db);
    expect(rows.map((row) => row.action)).toEqual(['auth.registration_requested', 'auth.registered']);
    for (const row of rows) expect(row.details).not.toContain(PASSWORD);
  });

  it('an address that has an account gets the same 202 and a reminder e-mail; nothing changes on the account', async () => {
    const fresh = await register({ email: 'fresh@example.org', displayName: 'Fresh', password: PASSWORD, locale: 'en' }, '10.4.0.2');
    const taken = await register({ email: 'coach.brussels@glocal.test', displayName: 'Impostor', password: PASSWORD, locale: 'en' }, '10.4.0.2');
    expect(taken.statusCode).toBe(fresh.statusCode);
    expect(taken.body).toBe(fresh.body);
    expect(Object.keys(taken.headers).sort()).toEqual(Object.keys(fresh.headers).sort());

    const reminder = await mailTo('coach.brussels@glocal.test');
    expect(reminder.subject).toBe('You already have a Glocal account');
    expect(reminder.text).toContain('Hello Claire Dubois');
    expect(reminder.text).toContain(`${TEST_PUBLIC_URL}/password-reset`);
    expect(reminder.text).not.toMatch(/token=/);
    const pending = await sql`select 1 from pending_registration where email = 'coach.brussels@glocal.test'`.execute(t.db);
    expect(pending.rows).toEqual([]);

    const asImpostor = await t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'coach.brussels@glocal.test', password: PASSWORD } });
    expect(asImpostor.statusCode).toBe(401);
    const asOwner = await t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'coach.brussels@glocal.test', password: DEMO_PASSWORD } });
    expect(asOwner.statusCode).toBe(200);
    expect(asOwner.json().displayName).toBe('Claire Dubois');
  });

  it('refuses a short password, or the address as password (400 auth.password_too_weak)', async () => {
    for (const password of ['too-short', 'weak.pass@example.org']) {
      const response = await register({ email: 'weak.pass@example.org', displayName: 'Weak', password, locale: 'fr' }, '10.4.0.3');
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('auth.password_too_weak');
    }
  });

  it('an expired link creates nothing; of two registrations, the first link opened wins and the other stops working', async () => {
    let before = smtp.messages.length;
    await register({ email: 'slow@example.org', displayName: 'Slow', password: PASSWORD, locale: 'es' }, '10.4.0.4');
    const slow = linkIn(await mailTo('slow@example.org', before), '/register/confirm').searchParams.get('token')!;
    await sql`update pending_registration set expires_at = now() - interval '1 second' where email = 'slow@example.org'`.execute(t.db);
    expect((await confirm(slow)).json().code).toBe('auth.registration_token_invalid');
    expect(await accountCount('slow@example.org')).toBe(0);

    before = smtp.messages.length;
    await register({ email: 'twice@example.org', displayName: 'First', password: PASSWORD, locale: 'es' }, '10.4.0.4');
    const first = linkIn(await mailTo('twice@example.org', before), '/register/confirm').searchParams.get('token')!;
    before = smtp.messages.length;
    await register({ email: 'twice@example.org', displayName: 'Second', password: PASSWORD, locale: 'es' }, '10.4.0.4');
    const second = linkIn(await mailTo('twice@example.org', before), '/register/confirm').searchParams.get('token')!;
    expect((await confirm(second)).json().displayName).toBe('Second');
    expect((await confirm(first)).json().code).toBe('auth.registration_token_invalid');
    expect(await accountCount('twice@example.org')).toBe(1);
  });

  it('ten registrations from one address within fifteen minutes: the next is 429', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await register({ email: `many-${i}@example.org`, displayName: 'Many', password: PASSWORD, locale: 'en' }, '10.4.1.1')).statusCode).toBe(202);
    }
    const throttled = await register({ email: 'many-10@example.org', displayName: 'Many', password: PASSWORD, locale: 'en' }, '10.4.1.1');
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toBeDefined();
  });
});
