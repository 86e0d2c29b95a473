import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { createFieldCipher } from '../../platform/crypto/field-encryption.js';
import { createLookupHasher } from '../../platform/crypto/lookup-hash.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { createPeopleProtection } from './people.service.js';

const KEY = Buffer.alloc(32, 9);

describe('the demo caseload', () => {
  let t: TestApp;
  const people = createPeopleProtection({ cipher: createFieldCipher(KEY), lookupHasher: createLookupHasher(KEY) });
  const one = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(t.db)).rows[0]!;

  beforeAll(async () => {
    t = await buildTestApp({ env: { ENCRYPTION_KEY: KEY.toString('base64') } });
    await seedDemo(t.db, { people });
  });
  afterAll(() => t.close());

  it('spreads about 300 people over the four desks, every status and every stage', async () => {
    expect(Number((await one(sql<{ n: number }>`select count(*) as n from person`)).n)).toBeGreaterThanOrEqual(300);
    const desks = (await sql<{ name: string }>`select distinct o.name from support_case c join organisation o on o.id = c.desk_id`.execute(t.db)).rows.map((r) => r.name);
    expect(desks.sort()).toEqual(['CAIM Diourbel', 'CAIM Mbacké', 'Guichet migrants entrepreneurs Bruxelles', 'Sportello migranti imprenditori Veneto']);
    const statuses = (await sql<{ status: string }>`select distinct status from support_case`.execute(t.db)).rows.map((r) => r.status);
    expect(statuses.sort()).toEqual(['active', 'closed', 'new', 'waiting']);
    const stages = (await sql<{ stage: string }>`select distinct stage from business_project`.execute(t.db)).rows.map((r) => r.stage);
    expect(stages.sort()).toEqual(['creation', 'elaboration', 'follow_up', 'formalisation', 'identification', 'idea'].sort());
  });

  it('has 25 businesses created, with jobs and financing from the Mutuelle du Baol and from remittances', async () => {
    expect(Number((await one(sql<{ n: number }>`select count(*) as n from support_case where outcome = 'business_created'`)).n)).toBe(25);
    expect(Number((await one(sql<{ n: number }>`select count(*) as n from case_outcome`)).n)).toBe(25);
    const mutual = await one(sql<{ n: number }>`
      select count(*) as n from case_financing f join organisation o on o.id = f.source_organisation_id where o.name like 'Mutuelle%' and f.kind = 'micro_credit'`);
    expect(Number(mutual.n)).toBeGreaterThan(5);
    expect(Number((await one(sql<{ n: number }>`select count(*) as n from case_financing where from_remittances`)).n)).toBeGreaterThan(5);
  });

  it('refers projects Brussels → Diourbel and Veneto → Mbacké, each with the consent and the referring desk’s share', async () => {
    const referrals = (await sql<{ fromDesk: string; toDesk: string; n: number; consents: number; shares: number }>`
      select f.name as from_desk, t.name as to_desk, count(*) as n,
             count(distinct c.id) filter (where c.kind = 'referral' and c.recipient_desk_id = r.to_desk_id) as consents,
             count(distinct s.case_id) filter (where s.desk_id = r.from_desk_id) as shares
        from referral r join organisation f on f.id = r.from_desk_id join organisation t on t.id = r.to_desk_id
        join consent c on c.id = r.consent_id join case_share s on s.referral_id = r.id
       group by f.name, t.name order by f.name`.execute(t.db)).rows;
    expect(referrals).toEqual([
      { fromDesk: 'Guichet migrants entrepreneurs Bruxelles', toDesk: 'CAIM Diourbel', n: 10, consents: 10, shares: 10 },
      { fromDesk: 'Sportello migranti imprenditori Veneto', toDesk: 'CAIM Mbacké', n: 8, consents: 8, shares: 8 },
    ]);
  });

  it('keeps every sensitive field encrypted, openable with the app’s key', async () => {
    const person = await t.db.selectFrom('person').selectAll().where('emailEncrypted', 'is not', null).limit(1).executeTakeFirstOrThrow();
    expect(person.emailEncrypted).toMatch(/^v1\./);
    expect(people.reveal(person).email).toMatch(/@example\.org$/);
    const message = await t.db.selectFrom('caseMessage').selectAll().limit(1).executeTakeFirstOrThrow();
    expect(createFieldCipher(KEY).decrypt(message.bodyEncrypted, `case_message.body:${message.id}`).length).toBeGreaterThan(0);
    const raw = JSON.stringify((await sql`select * from case_note`.execute(t.db)).rows);
    expect(raw).not.toMatch(/entretien|budget/);
    expect(Number((await one(sql<{ n: number }>`select count(*) as n from case_task`)).n)).toBeGreaterThan(20);
  });

  it('flags two possible duplicates at CAIM Diourbel, each pair sharing its normalised name and the contact it matched on', async () => {
    const pairs = (await sql<{ matchedOn: string[]; status: string; desk: string; same: boolean; phones: boolean; births: boolean }>`
      select d.matched_on, d.status, o.name as desk, p.normalised_name = q.normalised_name as same,
             p.phone_hash = q.phone_hash as phones, coalesce(p.birth_date_hash = q.birth_date_hash, false) as births
        from person_duplicate d join person p on p.id = d.person_id join person q on q.id = d.duplicate_of_person_id
        join support_case c on c.person_id = p.id join organisation o on o.id = c.desk_id
       order by d.created_at`.execute(t.db)).rows;
    expect(pairs).toEqual([
      { matchedOn: ['phone'], status: 'open', desk: 'CAIM Diourbel', same: true, phones: true, births: false },
      { matchedOn: ['birth_date'], status: 'open', desk: 'CAIM Diourbel', same: true, phones: false, births: true },
    ]);
  });

  it('is idempotent: a second run adds nothing', async () => {
    const before = await one(sql<{ n: number }>`select count(*) as n from support_case`);
    const duplicates = await one(sql<{ n: number }>`select count(*) as n from person_duplicate`);
    await seedDemo(t.db, { people });
    expect(await one(sql<{ n: number }>`select count(*) as n from support_case`)).toEqual(before);
    expect(await one(sql<{ n: number }>`select count(*) as n from person_duplicate`)).toEqual(duplicates);
  });

  it('adds the duplicates to a demo database seeded before them', async () => {
    await sql`delete from person_duplicate`.execute(t.db);
    const demoCases = sql`select id from support_case where reference like 'GLC-DEM0-D0VB-%'`;
    await sql`delete from consent where case_id in (${demoCases})`.execute(t.db);
    const demoPeople = (await sql<{ personId: string }>`select person_id from support_case where reference like 'GLC-DEM0-D0VB-%'`.execute(t.db)).rows.map((r) => r.personId);
    await sql`delete from support_case where reference like 'GLC-DEM0-D0VB-%'`.execute(t.db);
    await t.db.deleteFrom('person').where('id', 'in', demoPeople).execute();
    await seedDemo(t.db, { people });
    expect(Number((await one(sql<{ n: number }>`select count(*) as n from person_duplicate where status = 'open'`)).n)).toBe(2);
  });
});
