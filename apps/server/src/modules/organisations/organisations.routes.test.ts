import { OrganisationList, OrganisationView, PartnershipList, PartnershipView } from '@glocal/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { signIn, type Session } from '../../../test/sign-in.js';

describe('organisations and partnerships', () => {
  let t: TestApp;
  let admin: Session;
  let manager: Session;
  let coach: Session;
  let officer: Session;
  const ids: Record<string, string> = {};
  const count = async (table: 'organisation' | 'partnership' | 'audit_event') =>
    Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(t.db)).rows[0]!.n);
  const lastAudit = async () =>
    (await sql<{ action: string; details: any; actorLabel: string }>`select action, details, actor_label from audit_event order by seq desc limit 1`.execute(t.db)).rows[0]!;

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.db);
    [admin, manager, coach, officer] = await Promise.all([
      signIn(t, 'admin@glocal.test'),
      signIn(t, 'manager.diourbel@glocal.test'),
      signIn(t, 'coach.diourbel@glocal.test'),
      signIn(t, 'officer.diourbel@glocal.test'),
    ]);
    const { rows } = await sql<{ id: string; name: string }>`select id, name from organisation`.execute(t.db);
    for (const row of rows) ids[row.name] = row.id;
    const territories = await sql<{ id: string; code: string }>`select id, code from territory`.execute(t.db);
    for (const row of territories.rows) ids[row.code] = row.id;
  });
  afterAll(() => t.close());

  it('lists organisations by name with cursor paging and filters', async () => {
    const first = OrganisationList.parse((await t.inject({ method: 'GET', url: '/api/v1/organisations?limit=4', headers: coach.headers })).json());
    expect(first.items).toHaveLength(4);
    const second = OrganisationList.parse(
      (await t.inject({ method: 'GET', url: `/api/v1/organisations?limit=50&cursor=${first.nextCursor}`, headers: coach.headers })).json(),
    );
    expect(second.items).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    const desks = OrganisationList.parse((await t.inject({ method: 'GET', url: '/api/v1/organisations?type=help_desk', headers: coach.headers })).json());
    expect(desks.items.map((o) => o.name)).toEqual([
      'CAIM Diourbel', 'CAIM Mbacké', 'Guichet migrants entrepreneurs Bruxelles', 'Sportello migranti imprenditori Veneto',
    ]);
    const servingBambey = OrganisationList.parse(
      (await t.inject({ method: 'GET', url: `/api/v1/organisations?territoryId=${ids['SN-DB-BAM']}`, headers: coach.headers })).json(),
    );
    expect(servingBambey.items.map((o) => o.name)).toContain('CAIM Diourbel');
  });

  it('a platform administrator registers an organisation; the change is audited', async () => {
    const response = await t.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: admin.headers,
      payload: {
        type: 'training_centre',
        name: 'Centre de formation de Bambey',
        homeTerritoryId: ids['SN-DB-BAM'],
        languages: ['fr', 'wo'],
        email: 'Contact@Formation-Bambey.example',
      },
    });
    expect(response.statusCode).toBe(201);
    const created = OrganisationView.parse(response.json());
    expect(created).toMatchObject({ email: 'contact@formation-bambey.example', servedTerritoryIds: [], requireMfa: false });
    const entry = await lastAudit();
    expect(entry.action).toBe('organisation.created');
    expect(entry.actorLabel).toMatch(/admin@glocal.test/);
    expect(entry.details.changes.name).toEqual({ after: 'Centre de formation de Bambey' });
  });

  it('refuses a duplicate name in the same territory (409) and an unknown host (400), writing nothing', async () => {
    const before = await Promise.all([count('organisation'), count('audit_event')]);
    const duplicate = await t.inject({
      method: 'POST', url: '/api/v1/organisations', headers: admin.headers,
      payload: { type: 'help_desk', name: 'caim diourbel', homeTerritoryId: ids['SN-DB-DIO'] },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('organisation.duplicate_name');
    const badHost = await t.inject({
      method: 'POST', url: '/api/v1/organisations', headers: admin.headers,
      payload: { type: 'help_desk', name: 'New desk', homeTerritoryId: ids['SN-DB-DIO'], hostOrganisationId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(badHost.statusCode).toBe(400);
    expect(badHost.json().code).toBe('organisation.host_invalid');
    expect(await Promise.all([count('organisation'), count('audit_event')])).toEqual(before);
  });

  it('a desk manager updates their own desk with before/after in the trail, only what they send', async () => {
    const id = ids['CAIM Diourbel']!;
    const response = await t.inject({
      method: 'PATCH', url: `/api/v1/organisations/${id}`, headers: manager.headers,
      payload: { phone: '+221 33 971 00 00', languages: ['fr', 'wo', 'en'] },
    });
    expect(response.statusCode).toBe(200);
    const updated = OrganisationView.parse(response.json());
    expect(updated.servedTerritoryIds).toEqual([ids['SN-DB-BAM']]); // untouched
    const entry = await lastAudit();
    expect(entry.action).toBe('organisation.updated');
    expect(entry.details.changes).toEqual({
      phone: { before: null, after: '+221 33 971 00 00' },
      languages: { before: ['fr', 'wo'], after: ['fr', 'wo', 'en'] },
    });
  });

  it("a desk manager cannot change another organisation's record (403), nor a coach their own", async () => {
    const other = await t.inject({
      method: 'PATCH', url: `/api/v1/organisations/${ids['Guichet migrants entrepreneurs Bruxelles']}`, headers: manager.headers,
      payload: { phone: '+32 2 000 00 00' },
    });
    expect(other.statusCode).toBe(403);
    const own = await t.inject({
      method: 'PATCH', url: `/api/v1/organisations/${ids['CAIM Diourbel']}`, headers: coach.headers, payload: { phone: '+221 1' },
    });
    expect(own.statusCode).toBe(403);
    const denial = await lastAudit();
    expect(denial.action).toBe('access.denied');
  });

  it('answers 404 for an unknown organisation and 400 with pointers for bad fields', async () => {
    const missing = await t.inject({ method: 'GET', url: '/api/v1/organisations/00000000-0000-4000-8000-000000000000', headers: coach.headers });
    expect(missing.statusCode).toBe(404);
    const bad = await t.inject({
      method: 'PATCH', url: `/api/v1/organisations/${ids['CAIM Diourbel']}`, headers: manager.headers,
      payload: { website: 'javascript:alert(1)', languages: ['French'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/languages/0', '/website']);
  });

  it('reading the staff list is audited as a read of personal data', async () => {
    const response = await t.inject({ method: 'GET', url: `/api/v1/organisations/${ids['CAIM Diourbel']}/members`, headers: manager.headers });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((m: { email: string }) => m.email)).toContain('coach.diourbel@glocal.test');
    expect((await lastAudit()).action).toBe('member.list_read');
  });

  it('an LRA officer records a partnership; partners are named in the reader language', async () => {
    const response = await t.inject({
      method: 'POST', url: '/api/v1/partnerships?locale=fr', headers: officer.headers,
      payload: {
        kind: 'decentralised_cooperation',
        name: 'Jumelage Bruxelles – Diourbel',
        startsOn: '2025-01-01',
        partners: [
          { organisationId: ids['Agence régionale de développement de Diourbel'], role: 'coordination' },
          { territoryId: ids['BE-BRU'], role: 'partner region' },
        ],
      },
    });
    expect(response.statusCode).toBe(201);
    const partnership = PartnershipView.parse(response.json());
    expect(partnership.partners.map((p) => p.name).sort()).toEqual(['Agence régionale de développement de Diourbel', 'Région de Bruxelles-Capitale']);
    const list = PartnershipList.parse((await t.inject({ method: 'GET', url: '/api/v1/partnerships', headers: coach.headers })).json());
    expect(list.items.map((p) => p.name)).toContain('Jumelage Bruxelles – Diourbel');
  });

  it('refuses a partnership that ends before it starts, naming the field', async () => {
    const response = await t.inject({
      method: 'POST', url: '/api/v1/partnerships', headers: officer.headers,
      payload: {
        kind: 'convention', name: 'Backwards', startsOn: '2025-05-01', endsOn: '2025-01-01',
        partners: [{ organisationId: ids['CAIM Diourbel'], role: 'a' }, { organisationId: ids['Mutuelle d’épargne et de crédit du Baol'], role: 'b' }],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ pointer: '/endsOn' })]);
  });
});

describe('managing members', () => {
  let t: TestApp;
  let manager: Session;
  let admin: Session;
  const ids: Record<string, string> = {};
  const roles = async (email: string) =>
    (
      await sql<{ role: string }>`select m.role from membership m join app_user u on u.id = m.user_id
                                   where u.email = ${email} and m.organisation_id = ${ids['CAIM Diourbel']} order by m.role`.execute(t.db)
    ).rows.map((row) => row.role);
  const setRoles = (session: Session, email: string, body: unknown) =>
    t.inject({ method: 'PUT', url: `/api/v1/organisations/${ids['CAIM Diourbel']}/members/${ids[email]}/roles`, headers: session.headers, payload: body as object });

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.db);
    manager = await signIn(t, 'manager.diourbel@glocal.test');
    admin = await signIn(t, 'admin@glocal.test');
    for (const row of (await sql<{ id: string; name: string }>`select id, name from organisation`.execute(t.db)).rows) ids[row.name] = row.id;
    for (const row of (await sql<{ id: string; email: string }>`select id, email from app_user`.execute(t.db)).rows) ids[row.email] = row.id;
  });
  afterAll(() => t.close());

  it("an organisation's administrator changes a coach into a desk manager; the trail keeps before and after", async () => {
    const response = await setRoles(manager, 'coach.diourbel@glocal.test', { roles: ['desk_manager'] });
    expect(response.statusCode).toBe(200);
    expect(await roles('coach.diourbel@glocal.test')).toEqual(['desk_manager']);
    const { rows } = await sql<{ action: string; details: any }>`select action, details from audit_event order by seq desc limit 1`.execute(t.db);
    expect(rows[0]).toEqual({ action: 'member.roles_changed', details: { changes: { roles: { before: ['coach'], after: ['desk_manager'] } } } });
  });

  it('refuses roles the organisation type does not have (400) and leaves the member as they were', async () => {
    const response = await setRoles(manager, 'coach.diourbel@glocal.test', { roles: ['lra_officer'] });
    expect(response.statusCode).toBe(400);
    expect(await roles('coach.diourbel@glocal.test')).toEqual(['desk_manager']);
  });

  it('keeps at least one administrator (409), writing nothing', async () => {
    const response = await setRoles(admin, 'manager.diourbel@glocal.test', { roles: ['desk_manager'] });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('member.last_admin');
    expect(await roles('manager.diourbel@glocal.test')).toEqual(['desk_manager', 'org_admin']);
  });

  it('removes a member; a coach may not (403)', async () => {
    const brussels = await signIn(t, 'coach.brussels@glocal.test');
    const outsider = await t.inject({
      method: 'DELETE', url: `/api/v1/organisations/${ids['CAIM Diourbel']}/members/${ids['coach.diourbel@glocal.test']}`, headers: brussels.headers,
    });
    expect(outsider.statusCode).toBe(403);
    const removed = await t.inject({
      method: 'DELETE', url: `/api/v1/organisations/${ids['CAIM Diourbel']}/members/${ids['coach.diourbel@glocal.test']}`, headers: manager.headers,
    });
    expect(removed.statusCode).toBe(204);
    expect(await roles('coach.diourbel@glocal.test')).toEqual([]);
  });
});
