import { ApiTokenCreatedView, ApiTokenList, ApiTokenView, OrganisationList } from '@glocal/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { signIn, type Session } from '../../../test/sign-in.js';

const CAIM = 'CAIM Diourbel';
const BRUSSELS = 'Guichet migrants entrepreneurs Bruxelles';

describe('API tokens', () => {
  let t: TestApp;
  let manager: Session; // org_admin of CAIM Diourbel
  let admin: Session; // platform_admin
  const ids: Record<string, string> = {};

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const createToken = (session: Session, payload: object) =>
    t.inject({ method: 'POST', url: '/api/v1/api-tokens', headers: session.headers, payload });
  async function created(session: Session, payload: object) {
    const response = await createToken(session, payload);
    expect(response.statusCode, response.body).toBe(201);
    return ApiTokenCreatedView.parse(response.json());
  }
  const patchOrganisation = (headers: Record<string, string>, name: string) =>
    t.inject({ method: 'PATCH', url: `/api/v1/organisations/${ids[name]}`, headers, payload: { phone: '+221 33 971 00 00' } });

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.db);
    for (const name of [CAIM, BRUSSELS]) {
      const { rows } = await sql<{ id: string }>`select id from organisation where name = ${name}`.execute(t.db);
      ids[name] = rows[0]!.id;
    }
    manager = await signIn(t, 'manager.diourbel@glocal.test');
    admin = await signIn(t, 'admin@glocal.test');
  });
  afterAll(() => t.close());

  it('an organisation administrator creates a scoped token, shown once and stored hashed', async () => {
    const token = await created(manager, { organisationId: ids[CAIM], name: 'Reporting', permissions: ['organisations:read'] });
    expect(token.token).toMatch(new RegExp(`^glc_${token.tokenPrefix}_[A-Za-z0-9_-]{43}$`));
    expect(token).toMatchObject({
      organisationId: ids[CAIM],
      name: 'Reporting',
      permissions: ['organisations:read'],
      createdBy: { displayName: 'Fatou Diop' },
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    });
    const stored = JSON.stringify((await sql`select * from api_token where id = ${token.id}`.execute(t.db)).rows);
    // The secret may itself hold "_": cut after the prefix, not at the last underscore.
    expect(stored).not.toContain(token.token.slice(`glc_${token.tokenPrefix}_`.length));
    const trail = JSON.stringify((await sql`select details from audit_event where action = 'api_token.created'`.execute(t.db)).rows);
    expect(trail).toContain(token.tokenPrefix);
    expect(trail).not.toContain(token.token);
  });

  it('works as a bearer token where its scope reaches, without CSRF, and is refused elsewhere', async () => {
    const { token } = await created(manager, { organisationId: ids[CAIM], name: 'Read only', permissions: ['organisations:read'] });

    const list = await t.inject({ method: 'GET', url: '/api/v1/organisations', headers: bearer(token) });
    expect(list.statusCode).toBe(200);
    expect(OrganisationList.parse(list.json()).items.length).toBeGreaterThan(0);

    // The creator may update CAIM Diourbel, but this token was not given that permission.
    const patch = await patchOrganisation(bearer(token), CAIM);
    expect(patch.statusCode).toBe(403);
    expect(patch.json()).toMatchObject({ code: 'forbidden', params: { permission: 'organisations:update' } });

    const denied = await sql<{ actorLabel: string }>`
      select actor_label from audit_event where action = 'access.denied' order by seq desc limit 1`.execute(t.db);
    expect(denied.rows[0]!.actorLabel).toMatch(/^Fatou Diop <manager\.diourbel@glocal\.test> via API token /);
  });

  it('a token for one organisation acts in that organisation only, even when its creator is a platform administrator', async () => {
    const { token } = await created(admin, { organisationId: ids[BRUSSELS], name: 'Brussels CRM', permissions: ['organisations:update', 'organisations:read'] });
    expect((await patchOrganisation(bearer(token), BRUSSELS)).statusCode).toBe(200);
    const elsewhere = await patchOrganisation(bearer(token), CAIM);
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().code).toBe('forbidden');
  });

  it('a creator cannot grant more than they hold in that organisation, nor create tokens elsewhere', async () => {
    const beyond = await createToken(manager, { organisationId: ids[CAIM], name: 'Too much', permissions: ['organisations:read', 'audit:read'] });
    expect(beyond.statusCode).toBe(403);
    expect(beyond.json()).toMatchObject({ code: 'api_token.scope_exceeds_creator', params: { permissions: ['audit:read'] } });

    const tokenManaging = await createToken(manager, { organisationId: ids[CAIM], name: 'Minting', permissions: ['api_tokens:manage'] });
    expect(tokenManaging.statusCode).toBe(400);

    const otherOrganisation = await createToken(manager, { organisationId: ids[BRUSSELS], name: 'Not mine', permissions: ['organisations:read'] });
    expect(otherOrganisation.statusCode).toBe(403);
    expect(otherOrganisation.json().code).toBe('forbidden');

    const coach = await signIn(t, 'coach.diourbel@glocal.test');
    expect((await createToken(coach, { organisationId: ids[CAIM], name: 'Coach', permissions: ['organisations:read'] })).statusCode).toBe(403);

    const past = await createToken(manager, { organisationId: ids[CAIM], name: 'Past', permissions: ['organisations:read'], expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
  });

  it('lists tokens without secrets, with when each was last used', async () => {
    const { token, id } = await created(manager, { organisationId: ids[CAIM], name: 'Listed', permissions: ['organisations:read'] });
    expect((await t.inject({ method: 'GET', url: '/api/v1/organisations', headers: bearer(token) })).statusCode).toBe(200);
    const firstUse = (await sql<{ lastUsedAt: Date }>`select last_used_at from api_token where id = ${id}`.execute(t.db)).rows[0]!.lastUsedAt;
    expect(firstUse).toBeInstanceOf(Date);
    // Touched at most once a minute.
    expect((await t.inject({ method: 'GET', url: '/api/v1/organisations', headers: bearer(token) })).statusCode).toBe(200);
    const secondUse = (await sql<{ lastUsedAt: Date }>`select last_used_at from api_token where id = ${id}`.execute(t.db)).rows[0]!.lastUsedAt;
    expect(secondUse).toEqual(firstUse);

    const response = await t.inject({ method: 'GET', url: `/api/v1/api-tokens?organisationId=${ids[CAIM]}`, headers: manager.headers });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(token);
    expect(response.body).not.toMatch(/tokenHash|"token"/);
    const list = ApiTokenList.parse(response.json());
    expect(list.items[0]).toMatchObject({ id, name: 'Listed', lastUsedAt: firstUse.toISOString() });
    expect(list.items.every((item) => item.organisationId === ids[CAIM])).toBe(true);

    // Pages newest first, without gaps.
    const firstPage = ApiTokenList.parse(
      (await t.inject({ method: 'GET', url: `/api/v1/api-tokens?organisationId=${ids[CAIM]}&limit=1`, headers: manager.headers })).json(),
    );
    const secondPage = ApiTokenList.parse(
      (await t.inject({ method: 'GET', url: `/api/v1/api-tokens?organisationId=${ids[CAIM]}&limit=100&cursor=${firstPage.nextCursor}`, headers: manager.headers })).json(),
    );
    expect([...firstPage.items, ...secondPage.items].map((item) => item.id)).toEqual(list.items.map((item) => item.id));

    const brussels = await t.inject({ method: 'GET', url: `/api/v1/api-tokens?organisationId=${ids[BRUSSELS]}`, headers: manager.headers });
    expect(brussels.statusCode).toBe(403);
  });

  it('a revoked token answers 401 at once; revocation is audited', async () => {
    const { token, id } = await created(manager, { organisationId: ids[CAIM], name: 'To revoke', permissions: ['organisations:read'] });
    expect((await t.inject({ method: 'GET', url: '/api/v1/organisations', headers: bearer(token) })).statusCode).toBe(200);

    const revoked = await t.inject({ method: 'POST', url: `/api/v1/api-tokens/${id}/revoke`, headers: manager.headers });
    expect(revoked.statusCode).toBe(200);
    expect(ApiTokenView.parse(revoked.json()).revokedAt).not.toBeNull();
    expect(revoked.body).not.toContain(token);

    const after = await t.inject({ method: 'GET', url: '/api/v1/organisations', headers: bearer(token) });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthenticated');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_event where action = 'api_token.revoked' and subject_id = ${id}`.execute(t.db);
    expect(rows[0]!.n).toBe(1);

    const unknown = await t.inject({ method: 'POST', url: '/api/v1/api-tokens/00000000-0000-4000-8000-000000000000/revoke', headers: manager.headers });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('api_token.not_found');
  });

  it('another organisation’s administrator cannot see or revoke a token (404)', async () => {
    const { id } = await created(admin, { organisationId: ids[BRUSSELS], name: 'Brussels only', permissions: ['organisations:read'] });
    const response = await t.inject({ method: 'POST', url: `/api/v1/api-tokens/${id}/revoke`, headers: manager.headers });
    expect(response.statusCode).toBe(404);
  });

  it('a token cannot manage tokens, nor act as its creator on routes about the person (sessions, two-factor)', async () => {
    const { token } = await created(manager, { organisationId: ids[CAIM], name: 'Limited', permissions: ['organisations:read', 'members:read'] });
    expect((await t.inject({ method: 'GET', url: `/api/v1/api-tokens?organisationId=${ids[CAIM]}`, headers: bearer(token) })).statusCode).toBe(403);
    for (const [method, url] of [['POST', '/api/v1/auth/mfa/setup'], ['POST', '/api/v1/auth/logout-everywhere'], ['GET', '/api/v1/auth/me']] as const) {
      expect((await t.inject({ method, url, headers: bearer(token) })).statusCode, url).toBe(401);
    }
    // The creator's session survived the attempt to sign them out everywhere.
    expect((await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: manager.headers })).statusCode).toBe(200);
  });

  it('malformed, unknown and expired tokens are 401; with a bearer token the session cookie is ignored', async () => {
    for (const token of ['nonsense', `glc_00000000_${'A'.repeat(43)}`]) {
      const response = await t.inject({ method: 'GET', url: '/api/v1/organisations', headers: bearer(token) });
      expect(response.statusCode, token).toBe(401);
    }
    const withCookie = await t.inject({ method: 'GET', url: '/api/v1/organisations', headers: { ...manager.headers, ...bearer('nonsense') } });
    expect(withCookie.statusCode).toBe(401);

    const { token, id } = await created(manager, {
      organisationId: ids[CAIM],
      name: 'Short-lived',
      permissions: ['organisations:read'],
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect((await t.inject({ method: 'GET', url: '/api/v1/organisations', headers: bearer(token) })).statusCode).toBe(200);
    await sql`update api_token set expires_at = now() - interval '1 second' where id = ${id}`.execute(t.db);
    expect((await t.inject({ method: 'GET', url: '/api/v1/organisations', headers: bearer(token) })).statusCode).toBe(401);
  });

  it('a token stops working when its creator is disabled or loses the role that granted its scope', async () => {
    const { token } = await created(manager, { organisationId: ids[CAIM], name: 'Updates', permissions: ['organisations:update'] });
    expect((await patchOrganisation(bearer(token), CAIM)).statusCode).toBe(200);

    await sql`delete from membership where role = 'org_admin' and organisation_id = ${ids[CAIM]}`.execute(t.db);
    expect((await patchOrganisation(bearer(token), CAIM)).statusCode).toBe(403);

    await sql`update app_user set disabled_at = now() where email = 'manager.diourbel@glocal.test'`.execute(t.db);
    expect((await t.inject({ method: 'GET', url: '/api/v1/organisations', headers: bearer(token) })).statusCode).toBe(401);
  });
});
