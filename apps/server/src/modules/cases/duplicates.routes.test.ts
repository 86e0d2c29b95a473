import { INTAKE_POLICY_VERSION, IntakeReceiptView, PersonDuplicateList, PersonDuplicateView } from '@glocal/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { DEMO_PASSWORD } from '../auth/index.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { signIn, type Session } from '../../../test/sign-in.js';

describe('possible duplicates at intake, merged or dismissed by the desk', () => {
  let t: TestApp;
  let manager: Session;
  let coach: Session;
  let brusselsManager: Session;
  const ids: Record<string, string> = {};

  const intake = async (person: Record<string, unknown>, territory = 'SN-DB-DIO') => {
    const response = await t.inject({
      method: 'POST',
      url: '/api/v1/intake',
      payload: {
        requestKind: 'return_reintegration',
        person: { languages: ['wo'], residenceTerritoryId: ids[territory], ...person },
        need: 'Retour au pays, projet à définir',
        locale: 'fr',
        consent: { processing: true, policyVersion: INTAKE_POLICY_VERSION },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const { reference } = IntakeReceiptView.parse(response.json());
    return t.db.selectFrom('supportCase').select(['id', 'personId', 'reference']).where('reference', '=', reference).executeTakeFirstOrThrow();
  };
  const duplicatesOf = (personId: string) =>
    t.db.selectFrom('personDuplicate').selectAll().where('personId', '=', personId).execute();
  const list = async (session: Session) => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/people/duplicates', headers: session.headers });
    expect(response.statusCode, response.body).toBe(200);
    return PersonDuplicateList.parse(response.json());
  };

  beforeAll(async () => {
    t = await buildTestApp({ env: { INTAKE_RATE_LIMIT_PER_HOUR: '1000' } });
    await seedDemo(t.db);
    for (const row of (await sql<{ id: string; code: string }>`select id, code from territory`.execute(t.db)).rows) ids[row.code] = row.id;
    for (const row of (await sql<{ id: string; name: string }>`select id, name from organisation`.execute(t.db)).rows) ids[row.name] = row.id;
    // A desk manager at another desk (Brussels), to show that pairs stay with their desk.
    const user = await t.db
      .insertInto('appUser')
      .values({ email: 'manager.brussels@example.test', displayName: 'Brussels Manager', passwordHash: await hashPassword(DEMO_PASSWORD) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`insert into membership (user_id, organisation_id, role) values (${user.id}, ${ids['Guichet migrants entrepreneurs Bruxelles']}, 'desk_manager')`.execute(t.db);
    [manager, coach, brusselsManager] = await Promise.all([
      signIn(t, 'manager.diourbel@glocal.test'),
      signIn(t, 'coach.diourbel@glocal.test'),
      signIn(t, 'manager.brussels@example.test'),
    ]);
  });
  afterAll(() => t.close());

  it('flags a person with the same normalised name and the same phone at the same desk, listed for its manager with contacts in clear', async () => {
    const first = await intake({ givenName: 'Cheikh Ahmadou', familyName: 'Fictif', phone: '+221 77 555 01 01' });
    const second = await intake({ givenName: 'FICTIF', familyName: 'Cheïkh-Ahmadou', phone: '00221775550101', email: 'cheikh.fictif@example.org' });
    const pairs = await duplicatesOf(second.personId);
    expect(pairs).toMatchObject([{ duplicateOfPersonId: first.personId, matchedOn: ['phone'], status: 'open' }]);

    const listed = await list(manager);
    const pair = listed.items.find((item) => item.person.id === second.personId)!;
    expect(pair).toMatchObject({
      matchedOn: ['phone'],
      person: { phone: '00221775550101', email: 'cheikh.fictif@example.org', caseReferences: [second.reference] },
      duplicateOf: { id: first.personId, phone: '+221 77 555 01 01', caseReferences: [first.reference] },
    });
    const audit = (await sql<{ action: string }>`select action from audit_event order by seq desc limit 1`.execute(t.db)).rows[0]!;
    expect(audit.action).toBe('person_duplicate.list_read');
  });

  it('does not flag a same name without a shared contact, nor a match at a desk the intake desk cannot see', async () => {
    await intake({ givenName: 'Seynabou', familyName: 'Imaginaire', email: 'seynabou.a@example.org' });
    const sameNameOnly = await intake({ givenName: 'Seynabou', familyName: 'Imaginaire', email: 'seynabou.b@example.org' });
    expect(await duplicatesOf(sameNameOnly.personId)).toEqual([]);

    await intake({ givenName: 'Ibou', familyName: 'Inventé', birthDate: '1985-05-05', phone: '+32 470 99 99 99' }, 'BE-BRU');
    const elsewhere = await intake({ givenName: 'Ibou', familyName: 'Inventé', birthDate: '1985-05-05', phone: '+221 70 111 11 11' });
    expect(await duplicatesOf(elsewhere.personId)).toEqual([]);
  });

  it('coaches may not merge (403); another desk sees nothing and gets 404 for the pair', async () => {
    expect((await t.inject({ method: 'GET', url: '/api/v1/people/duplicates', headers: coach.headers })).statusCode).toBe(403);
    expect((await list(brusselsManager)).items).toEqual([]);
    const [pair] = (await list(manager)).items;
    for (const action of ['merge', 'dismiss']) {
      const response = await t.inject({ method: 'POST', url: `/api/v1/people/duplicates/${pair!.id}/${action}`, headers: brusselsManager.headers, payload: {} });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    }
    expect((await t.db.selectFrom('personDuplicate').select('status').where('id', '=', pair!.id).executeTakeFirstOrThrow()).status).toBe('open');
  });

  it('merging keeps both histories: the later person’s cases move to the kept one, who it points to; audited; twice is 409', async () => {
    const first = await intake({ givenName: 'Mame Diarra', familyName: 'Exemple', birthDate: '1979-12-31', phone: '+221 76 000 00 01' });
    const second = await intake({ givenName: 'Mame Diarra', familyName: 'Exemple', birthDate: '1979-12-31', phone: '+221 76 000 00 02' });
    const [pair] = await duplicatesOf(second.personId);
    expect(pair!.matchedOn).toEqual(['birth_date']);

    const notInPair = await t.inject({ method: 'POST', url: `/api/v1/people/duplicates/${pair!.id}/merge`, headers: manager.headers, payload: { keepPersonId: ids['SN-DB'] } });
    expect(notInPair.statusCode).toBe(400);
    expect(notInPair.json().code).toBe('person_duplicate.keep_not_in_pair');

    const response = await t.inject({ method: 'POST', url: `/api/v1/people/duplicates/${pair!.id}/merge`, headers: manager.headers, payload: {} });
    expect(response.statusCode, response.body).toBe(200);
    expect(PersonDuplicateView.parse(response.json()).status).toBe('merged');
    const cases = await t.db.selectFrom('supportCase').select(['id', 'personId']).where('id', 'in', [first.id, second.id]).execute();
    expect(cases.every((c) => c.personId === first.personId)).toBe(true);
    const merged = await t.db.selectFrom('person').selectAll().where('id', '=', second.personId).executeTakeFirstOrThrow();
    expect(merged.mergedIntoPersonId).toBe(first.personId);
    // The merged person's consent moved with their case.
    const consents = await t.db.selectFrom('consent').select('personId').where('caseId', '=', second.id).execute();
    expect(consents).toEqual([{ personId: first.personId }]);
    const audit = (await sql<{ action: string; details: any }>`select action, details from audit_event where action = 'person.merged' order by seq desc limit 1`.execute(t.db)).rows[0]!;
    expect(audit.details).toMatchObject({ keptPersonId: first.personId, mergedPersonId: second.personId, movedCaseIds: [second.id] });

    const again = await t.inject({ method: 'POST', url: `/api/v1/people/duplicates/${pair!.id}/merge`, headers: manager.headers, payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('person_duplicate.already_decided');
  });

  it('dismissing closes the pair without touching either person', async () => {
    await intake({ givenName: 'Modou', familyName: 'Démo', email: 'modou.demo@example.org' });
    const second = await intake({ givenName: 'Modou', familyName: 'Demo', email: 'MODOU.demo@example.org' });
    const [pair] = await duplicatesOf(second.personId);
    expect(pair!.matchedOn).toEqual(['email']);
    const response = await t.inject({ method: 'POST', url: `/api/v1/people/duplicates/${pair!.id}/dismiss`, headers: manager.headers });
    expect(response.statusCode, response.body).toBe(200);
    expect((await duplicatesOf(second.personId))[0]!.status).toBe('dismissed');
    expect((await t.db.selectFrom('person').select('mergedIntoPersonId').where('id', '=', second.personId).executeTakeFirstOrThrow()).mergedIntoPersonId).toBeNull();
    expect((await list(manager)).items.map((item) => item.id)).not.toContain(pair!.id);
  });
  it('pages through pairs found at the same instant (one submission, one statement), each once', async () => {
    const later = await intake({ givenName: 'Instant', familyName: 'Partagé', phone: '+221 77 000 11 22' });
    const others = (await sql<{ id: string }>`select id from person where id <> ${later.personId} order by id limit 3`.execute(t.db)).rows;
    const tied = (
      await sql<{ id: string }>`
        insert into person_duplicate (person_id, duplicate_of_person_id, matched_on, created_at)
        select ${later.personId}::uuid, o.id, array['phone'], '2026-11-30 10:00:00.123456+00' from unnest(${others.map((o) => o.id)}::uuid[]) o(id)
        returning id`.execute(t.db)
    ).rows.map((row) => row.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await t.inject({ method: 'GET', url: `/api/v1/people/duplicates?limit=1${cursor ? `&cursor=${cursor}` : ''}`, headers: manager.headers });
      expect(response.statusCode, response.body).toBe(200);
      const page = PersonDuplicateList.parse(response.json());
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual((await list(manager)).items.map((item) => item.id));
    expect(seen.filter((id) => tied.includes(id)).sort()).toEqual([...tied].sort());
    expect(new Set(seen).size).toBe(seen.length);
  });
});
