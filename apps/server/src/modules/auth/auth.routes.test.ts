import { MeView } from '@glocal/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { signIn } from '../../../test/sign-in.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.demo.js';

const auditCount = async (t: TestApp, action: string) =>
  Number((await sql<{ n: number }>`select count(*) as n from audit_event where action = ${action}`.execute(t.db)).rows[0]!.n);

describe('signing in and out', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.db);
  });
  afterAll(() => t.close());

  it('every demo account signs in and sees its roles', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const session = await signIn(t, account.email);
      const me = MeView.parse((await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).json());
      expect(me.email).toBe(account.email);
      expect(me.memberships.map((m) => m.role).sort()).toEqual(account.roles.map((r) => r.role).sort());
    }
  });

  it('records the person who signed in as the actor, so a search by person finds it', async () => {
    const session = await signIn(t, 'coach.veneto@glocal.test');
    const me = MeView.parse((await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).json());
    const { rows } = await sql<{ actorUserId: string; actorLabel: string }>`
      select actor_user_id, actor_label from audit_event where action = 'auth.signed_in' order by seq desc limit 1`.execute(t.db);
    expect(rows[0]).toEqual({ actorUserId: me.id, actorLabel: 'Giulia Rossi <coach.veneto@glocal.test>' });
  });

  it('a person changes the language of their e-mails and their display name; the change is audited', async () => {
    const session = await signIn(t, 'mfi.diourbel@glocal.test');
    const response = await t.inject({ method: 'PATCH', url: '/api/v1/auth/me', headers: session.headers, payload: { locale: 'fr', displayName: 'Ibrahima S.' } });
    expect(response.statusCode).toBe(200);
    expect(MeView.parse(response.json())).toMatchObject({ locale: 'fr', displayName: 'Ibrahima S.' });
    const me = MeView.parse((await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).json());
    expect(me.locale).toBe('fr');
    const { rows } = await sql<{ details: { changes: Record<string, unknown> } }>`
      select details from audit_event where action = 'user.updated' order by seq desc limit 1`.execute(t.db);
    expect(rows[0]!.details.changes).toEqual({ locale: { before: 'en', after: 'fr' }, displayName: { before: 'Ibrahima Sarr', after: 'Ibrahima S.' } });
    const bad = await t.inject({ method: 'PATCH', url: '/api/v1/auth/me', headers: session.headers, payload: { locale: 'de' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ pointer: '/locale' })]);
  });

  it('sets an HttpOnly SameSite cookie and a new session id at each sign-in', async () => {
    const login = () =>
      t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'coach.diourbel@glocal.test', password: DEMO_PASSWORD } });
    const first = await login();
    const second = await login();
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/glocal_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(String(second.headers['set-cookie']).split(';')[0]).not.toBe(cookie.split(';')[0]);
  });

  it('a wrong password and an unknown e-mail get the same 401, and both are audited', async () => {
    const failuresBefore = await auditCount(t, 'auth.sign_in_failed');
    const wrong = await t.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.0.0.1', payload: { email: 'coach.brussels@glocal.test', password: 'not-it' } });
    const unknown = await t.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.0.0.1', payload: { email: 'nobody@glocal.test', password: 'not-it' } });
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    }
    const { requestId: _a, ...wrongBody } = wrong.json();
    const { requestId: _b, ...unknownBody } = unknown.json();
    expect(wrongBody).toEqual(unknownBody);
    expect(wrongBody.code).toBe('auth.invalid_credentials');
    expect(await auditCount(t, 'auth.sign_in_failed')).toBe(failuresBefore + 2);
  });

  it('the 11th failed attempt within the window is throttled with Retry-After, even with the right password', async () => {
    const attempt = (password: string) =>
      t.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.0.0.2', payload: { email: 'coach.veneto@glocal.test', password } });
    for (let i = 0; i < 10; i++) expect((await attempt(`wrong-${i}`)).statusCode).toBe(401);
    const throttled = await attempt(DEMO_PASSWORD);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().code).toBe('rate_limited');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    // the same address is locked for other accounts too
    const other = await t.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.0.0.2', payload: { email: 'mfi.diourbel@glocal.test', password: DEMO_PASSWORD } });
    expect(other.statusCode).toBe(429);
  });

  it('refuses sign-in bodies that are not application/json (cross-site forms)', async () => {
    const response = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ email: 'coach.diourbel@glocal.test', password: DEMO_PASSWORD }),
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('auth.unsupported_content_type');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('rejects a cookie-authenticated write with a missing or forged CSRF token, writing nothing', async () => {
    const session = await signIn(t, 'manager.diourbel@glocal.test');
    const { rows } = await sql<{ id: string; name: string }>`select id, name from organisation where name = 'CAIM Diourbel'`.execute(t.db);
    const url = `/api/v1/organisations/${rows[0]!.id}`;
    for (const token of [undefined, 'forged-token', (await signIn(t, 'admin@glocal.test')).csrfToken]) {
      const response = await t.inject({
        method: 'PATCH',
        url,
        headers: { cookie: session.cookie, ...(token ? { 'x-csrf-token': token } : {}) },
        payload: { name: 'Renamed by an attacker' },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('auth.csrf_invalid');
    }
    const after = await sql<{ name: string }>`select name from organisation where id = ${rows[0]!.id}`.execute(t.db);
    expect(after.rows[0]!.name).toBe('CAIM Diourbel');
  });

  it('a session cookie from before sign-out no longer works', async () => {
    const session = await signIn(t, 'coach.brussels@glocal.test');
    const out = await t.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers });
    expect(out.statusCode).toBe(204);
    const me = await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
    expect(me.statusCode).toBe(401);
  });

  it('signing out everywhere ends every session of the account', async () => {
    const phone = await signIn(t, 'officer.diourbel@glocal.test');
    const laptop = await signIn(t, 'officer.diourbel@glocal.test');
    expect((await t.inject({ method: 'POST', url: '/api/v1/auth/logout-everywhere', headers: laptop.headers })).statusCode).toBe(204);
    expect((await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: phone.headers })).statusCode).toBe(401);
  });

  it('a session idle for more than 30 minutes has expired', async () => {
    const session = await signIn(t, 'dpo@glocal.test');
    await sql`update user_session set last_seen_at = now() - interval '31 minutes'
               where user_id = (select id from app_user where email = 'dpo@glocal.test')`.execute(t.db);
    expect((await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).statusCode).toBe(401);
  });

  it('answers 400 with pointers for malformed sign-in input', async () => {
    const response = await t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'not-an-email', password: '' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/email', '/password']);
  });
});
