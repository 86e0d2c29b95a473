import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { signIn } from '../../../test/sign-in.js';
import { linkIn, startSmtpCapture, type SmtpCapture } from '../../../test/smtp-capture.js';
import { DEMO_PASSWORD } from './accounts.demo.js';

const NEW_PASSWORD = 'la-nuova-password-di-giulia';

describe('password reset', () => {
  let t: TestApp;
  let smtp: SmtpCapture;

  const requestReset = (email: string, remoteAddress = '10.1.0.1') =>
    t.inject({ method: 'POST', url: '/api/v1/auth/password-reset', remoteAddress, payload: { email } });
  const confirm = (token: string, password: string) =>
    t.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password } });
  const login = (email: string, password: string) =>
    t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  const tokenMailedTo = async (email: string, after = 0) => {
    const mail = await smtp.waitFor((m) => m.to.includes(email) && smtp.messages.indexOf(m) >= after);
    return { mail, token: linkIn(mail, '/password-reset').searchParams.get('token')! };
  };

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await buildTestApp({ env: { SMTP_URL: smtp.url } });
    await seedDemo(t.db);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('request, e-mail in the account’s language, new password: old sessions end, the new password signs in, the link works once', async () => {
    await sql`update app_user set locale = 'it' where email = 'coach.veneto@glocal.test'`.execute(t.db);
    const oldSession = await signIn(t, 'coach.veneto@glocal.test');

    const requested = await requestReset('coach.veneto@glocal.test');
    expect(requested.statusCode).toBe(202);
    expect(requested.body).toBe('null');
    const { mail, token } = await tokenMailedTo('coach.veneto@glocal.test');
    expect(mail.subject).toBe('Scelga una nuova password per Glocal');
    expect(mail.text).toContain('Buongiorno Giulia Rossi');
    expect(mail.text).toContain('scade tra 60 minuti');

    const confirmed = await confirm(token, NEW_PASSWORD);
    expect(confirmed.statusCode).toBe(204);

    expect((await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: oldSession.headers })).statusCode).toBe(401);
    expect((await login('coach.veneto@glocal.test', DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await login('coach.veneto@glocal.test', NEW_PASSWORD)).statusCode).toBe(200);

    const reused = await confirm(token, 'yet another long password');
    expect(reused.statusCode).toBe(400);
    expect(reused.json().code).toBe('auth.reset_token_invalid');

    const { rows } = await sql<{ action: string; details: string }>`
      select action, details::text as details from audit_event where action like 'auth.password_reset%' order by seq`.execute(t.db);
    expect(rows.map((row) => row.action)).toEqual(['auth.password_reset_requested', 'auth.password_reset_completed']);
    for (const row of rows) {
      expect(row.details).not.toContain(token);
      expect(row.details).not.toContain(NEW_PASSWORD);
    }
  });

  it('an unknown e-mail gets the same 202, and no e-mail is sent', async () => {
    const unknown = await requestReset('nobody@example.org', '10.1.0.2');
    const known = await requestReset('coach.brussels@glocal.test', '10.1.0.2');
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(known.headers).sort());
    await tokenMailedTo('coach.brussels@glocal.test');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.messages.some((m) => m.to.includes('nobody@example.org'))).toBe(false);
    const audited = await sql<{ outcome: string }>`
      select outcome from audit_event where action = 'auth.password_reset_requested' and details->>'email' = 'nobody@example.org'`.execute(t.db);
    expect(audited.rows).toEqual([{ outcome: 'failure' }]);
  });

  it('an expired link is refused; a weak password is refused and leaves the link usable', async () => {
    const before = smtp.messages.length;
    await requestReset('coach.diourbel@glocal.test', '10.1.0.3');
    const { token } = await tokenMailedTo('coach.diourbel@glocal.test', before);

    const weak = await confirm(token, 'short');
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'auth.password_too_weak', params: { minLength: 12 } });

    await sql`update password_reset set expires_at = now() - interval '1 second'`.execute(t.db);
    const expired = await confirm(token, NEW_PASSWORD);
    expect(expired.statusCode).toBe(400);
    expect(expired.json().code).toBe('auth.reset_token_invalid');
    expect((await login('coach.diourbel@glocal.test', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('choosing the new password retires the account’s other links', async () => {
    const before = smtp.messages.length;
    await requestReset('mfi.diourbel@glocal.test', '10.1.0.4');
    const { token: first } = await tokenMailedTo('mfi.diourbel@glocal.test', before);
    const between = smtp.messages.length;
    await requestReset('mfi.diourbel@glocal.test', '10.1.0.4');
    const { token: second } = await tokenMailedTo('mfi.diourbel@glocal.test', between);
    expect((await confirm(second, NEW_PASSWORD)).statusCode).toBe(204);
    expect((await confirm(first, 'a different long password')).json().code).toBe('auth.reset_token_invalid');
  });

  it('ten requests for one e-mail, or from one address, within fifteen minutes: the next is 429 with Retry-After', async () => {
    for (let i = 0; i < 10; i++) expect((await requestReset('dpo@glocal.test', `10.2.0.${i}`)).statusCode).toBe(202);
    const perEmail = await requestReset('dpo@glocal.test', '10.2.1.1');
    expect(perEmail.statusCode).toBe(429);
    expect(Number(perEmail.headers['retry-after'])).toBeGreaterThan(0);

    for (let i = 0; i < 10; i++) expect((await requestReset(`someone-${i}@example.org`, '10.3.0.1')).statusCode).toBe(202);
    expect((await requestReset('someone-else@example.org', '10.3.0.1')).statusCode).toBe(429);
    expect((await requestReset('someone-else@example.org', '10.3.0.2')).statusCode).toBe(202);
  });
});
