import { OpportunityList, ServiceSearchResult } from '@glocal/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { signIn } from '../../../test/sign-in.js';

const HTML_NAME = '<b>Atelier</b> de couture <script>alert(1)</script> Ndar';
const SQL_NAME = "Tontine des tisserandes '; drop table hsds_service; --";
const HTML_OPPORTUNITY = '<b>Atelier</b> textile <Ndiaga Mbaye> de Mbacké';
const SQL_OPPORTUNITY = "Filière arachide '; drop table directory_opportunity; --";

/** Search input is text: SQL and HTML fragments find what literally holds them, and break nothing. */
describe('search input with SQL or HTML fragments', () => {
  let t: TestApp;
  let before: { services: number; opportunities: number };
  const counts = async () => ({
    services: (await sql<{ n: number }>`select count(*)::int as n from hsds_service`.execute(t.db)).rows[0]!.n,
    opportunities: (await sql<{ n: number }>`select count(*)::int as n from directory_opportunity`.execute(t.db)).rows[0]!.n,
  });
  const get = async (url: string) => {
    const response = await t.inject({ method: 'GET', url });
    expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
    return response.json();
  };
  const q = encodeURIComponent;

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.db);
    // Two services written through the editing API by a partner, their names holding the fragments.
    const mfi = await signIn(t, 'mfi.diourbel@glocal.test');
    const organizationId = (await sql<{ id: string }>`select id from hsds_organization where name like 'Mutuelle%' limit 1`.execute(t.db)).rows[0]!.id;
    for (const name of [HTML_NAME, SQL_NAME]) {
      const created = await t.inject({ method: 'POST', url: '/api/v1/directory/services', headers: mfi.headers, payload: { organizationId, locale: 'fr', name } });
      expect(created.statusCode, created.body).toBe(201);
    }
    const territoryId = (await sql<{ id: string }>`select id from territory where code = 'SN-DB'`.execute(t.db)).rows[0]!.id;
    for (const title of [HTML_OPPORTUNITY, SQL_OPPORTUNITY]) {
      await sql`insert into directory_opportunity (territory_id, kind, isic_code, title, description, source_locale)
        values (${territoryId}, 'income_generating', '13', ${title}, 'Transformation locale', 'fr')`.execute(t.db);
    }
    before = await counts();
  });
  afterAll(() => t.close());

  it('the HSDS API search finds the services whose names hold the fragments, as written', async () => {
    for (const [fragment, name] of [['<b>Atelier</b>', HTML_NAME], ['<script>alert(1)</script>', HTML_NAME], ["'; drop table hsds_service; --", SQL_NAME]] as const) {
      const found = await get(`/api/hsds/v3/services?search=${q(fragment)}&per_page=50`);
      expect(found.contents.map((s: { name: string }) => s.name), fragment).toContain(name);
      // The same search through service_at_locations and ndjson: answered, nothing broken.
      await get(`/api/hsds/v3/service_at_locations?search=${q(fragment)}`);
      const ndjson = await t.inject({ method: 'GET', url: `/api/hsds/v3/services?format=ndjson&search=${q(fragment)}` });
      expect(ndjson.statusCode).toBe(200);
      expect(ndjson.body).toContain(JSON.stringify(name));
    }
    // Classic injections match nothing rather than everything.
    const all = (await get('/api/hsds/v3/services?per_page=1')).total_items;
    for (const fragment of ["' or '1'='1", "x' union select id from app_user --", '%', '_', '\\']) {
      expect((await get(`/api/hsds/v3/services?search=${q(fragment)}&per_page=1`)).total_items, fragment).toBeLessThan(all);
      expect((await get(`/api/hsds/v3/organizations?search=${q(fragment)}&per_page=1`)).total_items, fragment).toBe(0);
      await get(`/api/hsds/v3/taxonomy_terms?search=${q(fragment)}`);
      await get(`/api/hsds/v3/taxonomies?search=${q(fragment)}`);
    }
    expect(await counts()).toEqual(before);
  });

  it('the directory’s own search finds them too, names unescaped in JSON', async () => {
    for (const [fragment, name] of [['<b>Atelier</b>', HTML_NAME], ['<script>alert(1)</script>', HTML_NAME], ["'; drop table hsds_service; --", SQL_NAME]] as const) {
      const found = ServiceSearchResult.parse(await get(`/api/v1/directory/services?q=${q(fragment)}&locale=fr`));
      expect(found.items.map((item) => item.name), fragment).toContain(name);
    }
    expect(await counts()).toEqual(before);
  });

  it('the opportunities search finds the opportunities whose titles hold the fragments', async () => {
    // Words between angle brackets are words: the text search would otherwise take "<Ndiaga Mbaye>" for markup.
    for (const [fragment, title] of [['<b>Atelier</b>', HTML_OPPORTUNITY], ['<Ndiaga Mbaye>', HTML_OPPORTUNITY], ['Ndiaga', HTML_OPPORTUNITY], ["'; drop table directory_opportunity; --", SQL_OPPORTUNITY]] as const) {
      const found = OpportunityList.parse(await get(`/api/v1/directory/opportunities?q=${q(fragment)}&locale=fr`));
      expect(found.items.map((item) => item.title), fragment).toContain(title);
    }
    for (const fragment of ["' or '1'='1", '%', '\\']) {
      const found = OpportunityList.parse(await get(`/api/v1/directory/opportunities?q=${q(fragment)}&locale=fr&limit=100`));
      expect(found.items.map((item) => item.title), fragment).not.toContain(HTML_OPPORTUNITY);
    }
    expect(await counts()).toEqual(before);
  });

  it('a NUL character, which no database text can hold, answers 400 problem+json rather than a 500', async () => {
    const urls = [
      '/api/hsds/v3/services?search=a%00b', '/api/hsds/v3/service_at_locations?search=a%00b', '/api/hsds/v3/organizations?search=a%00b',
      '/api/hsds/v3/taxonomies?search=a%00b', '/api/hsds/v3/taxonomy_terms?search=a%00b', '/api/hsds/v3/service_at_locations?postcode=10%000',
      '/api/hsds/v3/services?taxonomy_term_id=a%00b', '/api/hsds/v3/services?organization_id=a%00b', '/api/hsds/v3/taxonomy_terms?parent_id=a%00b',
      '/api/v1/directory/services?q=a%00b', '/api/v1/directory/opportunities?q=a%00b',
    ];
    for (const url of urls) {
      const response = await t.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type'], url).toMatch(/application\/problem\+json/);
      expect(response.json().code, url).toBe('validation_failed');
    }
    expect(await counts()).toEqual(before);
  });
});
