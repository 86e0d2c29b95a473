import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../demo/seed-demo.js';
import { buildTestApp, TEST_PUBLIC_URL, type TestApp } from '../../../../test/build-test-app.js';
import { DEMO_SERVICE_IDS } from '../directory.demo.js';
import openapi from './openapi.json' with { type: 'json' };
import { HSDS_DATAPACKAGE, type ResourceDef } from './hsds-schema.js';

// The response shapes of HSDS's openapi.json: its Page envelope as written there, and each record
// from the same package's field definitions (the compiled schemas it links to are built from them).
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
// HSDS times carry no zone ("09:00:00"): the ISO time format without a required offset.
const FORMAT: Record<string, string> = { uuid: 'uuid', email: 'email', uri: 'uri', date: 'date', datetime: 'date-time', time: 'iso-time' };
const resourceDef = (name: string) => HSDS_DATAPACKAGE.resources.find((r) => r.name === name)!;
function recordSchema(definition: ResourceDef, nested: Record<string, object> = {}): object {
  return {
    type: 'object',
    required: definition.schema.fields.filter((field) => field.constraints?.required).map((field) => field.name),
    properties: {
      ...Object.fromEntries(
        definition.schema.fields.map((field) => {
          const format = field.format && FORMAT[field.format] ? FORMAT[field.format] : FORMAT[field.type];
          return [field.name, { type: field.type === 'number' ? 'number' : 'string', ...(format ? { format } : {}), ...(field.constraints?.enum ? { enum: field.constraints.enum } : {}) }];
        }),
      ),
      ...nested,
    },
    additionalProperties: false,
  };
}
const record = (name: string, nested: Record<string, object> = {}) => recordSchema(resourceDef(name), nested);
const list = (item: object) => ({ type: 'array', items: item });
const location = record('location', { addresses: list(record('address')), phones: list(record('phone')), schedules: list(record('schedule')), languages: list(record('language')), accessibility: list(record('accessibility')) });
const attribute = record('attribute', { taxonomy_term: record('taxonomy_term') });
const serviceList = record('service', { organization: record('organization'), program: record('program') });
const fullService = record('service', {
  organization: record('organization'),
  program: record('program'),
  service_areas: list(record('service_area')),
  service_at_locations: list(record('service_at_location', { location })),
  languages: list(record('language')),
  funding: list(record('funding')),
  cost_options: list(record('cost_option')),
  required_documents: list(record('required_document')),
  contacts: list(record('contact', { phones: list(record('phone')) })),
  phones: list(record('phone')),
  schedules: list(record('schedule')),
  attributes: list(attribute),
  metadata: list(record('metadata')),
});
const organizationList = record('organization', { services: list(serviceList) });
const fullOrganization = record('organization', {
  services: list({ anyOf: [fullService, serviceList] }),
  phones: list(record('phone')),
  contacts: list(record('contact')),
  locations: list(location),
  programs: list(record('program')),
  organization_identifiers: list(record('organization_identifier')),
  funding: list(record('funding')),
  attributes: list(attribute),
});
const salList = record('service_at_location', { service: serviceList, location });
const taxonomyTerm = record('taxonomy_term', { taxonomy_detail: record('taxonomy') });
const page = (item: object) => ({
  allOf: [openapi.components.schemas.Page],
  required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
  properties: { contents: list(item) },
});

function check(schema: object, body: unknown) {
  const validate = ajv.compile(schema);
  const ok = validate(body);
  expect(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 1)).toBe(true);
}

describe('HSDS 3.0 read API', () => {
  let t: TestApp;
  const get = async (url: string) => {
    const response = await t.inject({ method: 'GET', url: `/api/hsds/v3${url}` });
    expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.db);
    // A private contact and phone: they must never be served.
    await sql`insert into hsds_contact (id, service_id, name, email, is_private) values ('6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b', ${DEMO_SERVICE_IDS.microstartLoan}, 'Private Person', 'private@example.org', true)`.execute(t.db);
    await sql`insert into hsds_phone (service_id, number, is_private) values (${DEMO_SERVICE_IDS.microstartLoan}, '+32 470 00 00 00', true)`.execute(t.db);
  });
  afterAll(() => t.close());

  it('/ answers the meta of openapi.json with the profile URI, and the profile is served', async () => {
    const meta = await get('/');
    check(openapi.paths['/'].get.responses['200'].content['application/json'].schema, meta);
    expect(meta).toEqual({ version: '3.0', profile: `${TEST_PUBLIC_URL}/api/hsds/v3/profile`, openapi_url: `${TEST_PUBLIC_URL}/api/hsds/v3/openapi.json` });
    const profile = await get('/profile');
    expect(profile.added_resources.map((r: { name: string }) => r.name)).toContain('service_profile');
    const spec = await get('/openapi.json');
    expect(Object.keys(spec.paths)).toEqual(Object.keys(openapi.paths));
  });

  it('/services pages in the HSDS envelope; items have the service_list shape', async () => {
    const first = await get('/services?per_page=10');
    check(page(serviceList), first);
    expect(first).toMatchObject({ page_number: 1, size: 10, first_page: true, last_page: false, empty: false });
    expect(first.total_pages).toBe(Math.ceil(first.total_items / 10));
    const last = await get(`/services?per_page=10&page=${first.total_pages}`);
    expect(last.last_page).toBe(true);
    const beyond = await get(`/services?per_page=10&page=${first.total_pages + 1}`);
    expect(beyond).toMatchObject({ empty: true, size: 0 });
    check(page(fullService), await get('/services?per_page=5&full=true'));
  });

  it('/services filters: search, taxonomy term, taxonomy, organization, modified_after, minimal', async () => {
    const { rows } = await sql<{ id: string; taxonomyId: string }>`select id, taxonomy_id from hsds_taxonomy_term where code = 'FIN-CRD'`.execute(t.db);
    const credit = await get(`/services?taxonomy_term_id=${rows[0]!.id}&per_page=200`);
    check(page(serviceList), credit);
    expect(credit.total_items).toBeGreaterThan(3);
    const taxonomy = await get(`/services?taxonomy_id=${rows[0]!.taxonomyId}&per_page=1`);
    expect(taxonomy.total_items).toBeGreaterThan(credit.total_items);
    const found = await get('/services?search=microcredit');
    expect(found.total_items).toBeGreaterThan(0);
    const service = await get(`/services/${DEMO_SERVICE_IDS.microstartLoan}`);
    const byOrganization = await get(`/services?organization_id=${service.organization_id}&per_page=200`);
    expect(byOrganization.contents.every((s: { organization_id: string }) => s.organization_id === service.organization_id)).toBe(true);
    expect((await get('/services?modified_after=2030-01-01T00:00:00Z')).total_items).toBe(0);
    const minimal = await get('/services?minimal=true');
    expect(Object.keys(minimal.contents[0]).sort()).toEqual(['id', 'last_modified']);
    expect(minimal.size).toBe(minimal.total_items);
  });

  it('/services?format=ndjson streams every service, one JSON object a line', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/hsds/v3/services?format=ndjson&per_page=2' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/x-ndjson/);
    const lines = response.body.trim().split('\n').map((line) => JSON.parse(line));
    const paged = await get('/services?per_page=500');
    // Streamed in chunks of 100 (the demo's ~150 services cross one): each service once, in the list's order.
    expect(paged.total_items).toBeGreaterThan(100);
    expect(lines.map((line) => line.id)).toEqual(paged.contents.map((service: { id: string }) => service.id));
    for (const line of lines.slice(0, 20)) check(serviceList, line);
  });

  it('/services/{id} answers the fully nested service, without private contacts', async () => {
    const service = await get(`/services/${DEMO_SERVICE_IDS.microstartLoan}`);
    check(fullService, service);
    expect(service.service_at_locations[0].location.addresses[0].city).toBe('Bruxelles');
    expect(service.attributes[0].taxonomy_term.code).toBe('FIN-CRD');
    expect(service.cost_options).toEqual([]);
    expect(JSON.stringify(service)).not.toContain('private@example.org');
    expect(JSON.stringify(service)).not.toContain('+32 470 00 00 00');
    for (const url of ['/services/not-a-uuid', '/services/00000000-0000-4000-8000-000000000000']) {
      const missing = await t.inject({ method: 'GET', url: `/api/hsds/v3${url}` });
      expect(missing.statusCode).toBe(404);
      expect(missing.headers['content-type']).toMatch(/problem\+json/);
    }
    expect((await t.inject({ method: 'GET', url: '/api/hsds/v3/services?per_page=0' })).statusCode).toBe(400);
    expect((await t.inject({ method: 'GET', url: '/api/hsds/v3/services?format=xml' })).statusCode).toBe(400);
  });

  it('/service_at_locations pages, filters by postcode and proximity; /service_at_locations/{id} is nested', async () => {
    const all = await get('/service_at_locations?per_page=20');
    check(page(salList), all);
    const byPostcode = await get('/service_at_locations?postcode=1000&per_page=200');
    expect(byPostcode.total_items).toBeGreaterThan(0);
    expect(byPostcode.contents.every((sal: any) => sal.location.addresses.some((a: any) => a.postal_code === '1000'))).toBe(true);
    const near = await get('/service_at_locations?postcode=1000&proximity=8000&per_page=200');
    expect(near.total_items).toBeGreaterThanOrEqual(byPostcode.total_items);
    expect(near.contents.every((sal: any) => sal.location.latitude > 50.7 && sal.location.latitude < 51)).toBe(true);
    const one = await get(`/service_at_locations/${all.contents[0].id}`);
    check(record('service_at_location', { service: fullService, location, phones: list(record('phone')), schedules: list(record('schedule')), contacts: list(record('contact')) }), one);
  });

  it('/organizations pages (with services), /organizations/{id} is fully nested', async () => {
    const organizations = await get('/organizations?per_page=50');
    check(page(organizationList), organizations);
    const mutual = await get('/organizations?search=mutuelle');
    expect(mutual.contents[0].name).toMatch(/Mutuelle/);
    const full = await get(`/organizations/${mutual.contents[0].id}?full_service=true`);
    check(fullOrganization, full);
    expect(full.services.length).toBeGreaterThan(3);
    expect(full.services[0].service_at_locations).toBeDefined();
  });

  it('/taxonomies and /taxonomy_terms with taxonomy_id, parent_id and top_only', async () => {
    const taxonomies = await get('/taxonomies');
    check(page(record('taxonomy')), taxonomies);
    const taxonomy = await get(`/taxonomies/${taxonomies.contents[0].id}`);
    check(record('taxonomy'), taxonomy);
    const terms = await get(`/taxonomy_terms?taxonomy_id=${taxonomy.id}&per_page=100`);
    check(page(record('taxonomy_term')), terms);
    expect(terms.total_items).toBe(31);
    const fin = terms.contents.find((term: { code: string }) => term.code === 'FIN');
    const children = await get(`/taxonomy_terms?parent_id=${fin.id}`);
    expect(children.contents.map((term: { code: string }) => term.code).sort()).toEqual(['FIN-CRD', 'FIN-INS', 'FIN-LIT', 'FIN-MTR', 'FIN-SAV']);
    const leaves = await get('/taxonomy_terms?top_only=true&per_page=100');
    expect(leaves.total_items).toBe(24);
    const term = await get(`/taxonomy_terms/${fin.id}`);
    check(taxonomyTerm, term);
    expect(term.taxonomy).toMatch(/^Open Eligibility: /);
  });

  it('/organizations?full_service=true nests each organization’s services fully', async () => {
    const plain = await get('/organizations?per_page=5');
    const full = await get('/organizations?per_page=5&full_service=true');
    check(page(record('organization', { services: list(fullService) })), full);
    expect(full.contents.map((o: { id: string }) => o.id)).toEqual(plain.contents.map((o: { id: string }) => o.id));
    const services = full.contents.flatMap((o: { services: Record<string, unknown>[] }) => o.services);
    expect(services.length).toBeGreaterThan(0);
    for (const service of services) expect(Object.keys(service)).toEqual(expect.arrayContaining(['service_at_locations', 'attributes', 'contacts']));
    // Without it, the list keeps the one-to-one service fields.
    expect(plain.contents.flatMap((o: { services: Record<string, unknown>[] }) => o.services).every((service: object) => !('service_at_locations' in service))).toBe(true);
  });

  it('format=ndjson streams every result of each list, one record a line, in the list’s shape', async () => {
    const shapes: [string, object][] = [
      ['/services', serviceList],
      ['/service_at_locations', salList],
      ['/organizations', organizationList],
      ['/taxonomies', record('taxonomy')],
      ['/taxonomy_terms', record('taxonomy_term')],
    ];
    for (const [path, shape] of shapes) {
      const response = await t.inject({ method: 'GET', url: `/api/hsds/v3${path}?format=ndjson&per_page=1` });
      expect(response.statusCode, path).toBe(200);
      expect(response.headers['content-type'], path).toMatch(/application\/x-ndjson/);
      expect(response.body.endsWith('\n'), path).toBe(true);
      const lines = response.body.trim().split('\n').map((line) => JSON.parse(line) as { id: string });
      const paged = await get(`${path}?per_page=500`);
      expect(lines.length, path).toBe(paged.total_items);
      // per_page does not cut the stream: every list but the one taxonomy holds more than a page of one.
      if (path !== '/taxonomies') expect(lines.length, path).toBeGreaterThan(1);
      expect(new Set(lines.map((line) => line.id)).size, path).toBe(lines.length);
      for (const line of lines.slice(0, 25)) check(shape, line);
    }
    // Filters apply to the stream as to pages.
    const { rows } = await sql<{ id: string }>`select id from hsds_taxonomy_term where code = 'FIN-CRD'`.execute(t.db);
    const filtered = await t.inject({ method: 'GET', url: `/api/hsds/v3/services?format=ndjson&taxonomy_term_id=${rows[0]!.id}` });
    expect(filtered.body.trim().split('\n')).toHaveLength((await get(`/services?taxonomy_term_id=${rows[0]!.id}`)).total_items);
  });

  it('modified_after answers the services (and their locations) modified on or after it', async () => {
    const [recent, older] = [DEMO_SERVICE_IDS.microstartLoan, DEMO_SERVICE_IDS.bccMicrocredit];
    const saved = (await sql<{ id: string; lastModified: Date | null }>`select id, last_modified from hsds_service`.execute(t.db)).rows;
    try {
      await sql`update hsds_service set last_modified = '2025-01-01T00:00:00Z'`.execute(t.db);
      await sql`update hsds_service set last_modified = '2026-06-15T10:00:00Z' where id = ${recent}`.execute(t.db);
      await sql`update hsds_service set last_modified = '2026-03-01T00:00:00Z' where id = ${older}`.execute(t.db);
      const since = await get('/services?modified_after=2026-03-01T00:00:00Z&per_page=50');
      check(page(serviceList), since);
      expect(since.contents.map((s: { id: string }) => s.id).sort()).toEqual([recent, older].sort());
      expect((await get('/services?modified_after=2026-03-01T00:00:01%2B00:00')).contents.map((s: { id: string }) => s.id)).toEqual([recent]);
      expect((await get('/services?modified_after=2026-06-01')).contents.map((s: { id: string }) => s.id)).toEqual([recent]);
      expect((await get('/services?modified_after=2024-12-31&per_page=1')).total_items).toBe(saved.length);
      const sals = await get('/service_at_locations?modified_after=2026-06-01&per_page=50');
      expect(sals.total_items).toBeGreaterThan(0);
      expect(sals.contents.every((sal: { service_id: string }) => sal.service_id === recent)).toBe(true);
      const minimal = await get('/services?modified_after=2026-06-01&minimal=true');
      expect(minimal.contents).toEqual([{ id: recent, last_modified: expect.stringMatching(/^2026-06-15T10:00:00/) }]);
    } finally {
      for (const row of saved) await sql`update hsds_service set last_modified = ${row.lastModified} where id = ${row.id}`.execute(t.db);
    }
  });

  it('/service_at_locations filters by search, taxonomy term, taxonomy and organization', async () => {
    const ofServices = async (query: string) => new Set((await get(`/services?${query}&per_page=500`)).contents.map((s: { id: string }) => s.id));
    const sals = async (query: string) => {
      const found = await get(`/service_at_locations?${query}&per_page=500`);
      check(page(salList), found);
      return found.contents as { service_id: string; service: { organization_id: string } }[];
    };
    const everything = (await get('/service_at_locations?per_page=1')).total_items;

    const searched = await sals('search=microcredit');
    expect(searched.length).toBeGreaterThan(0);
    expect(searched.length).toBeLessThan(everything);
    const matching = await ofServices('search=microcredit');
    expect(searched.every((sal) => matching.has(sal.service_id))).toBe(true);

    const { rows } = await sql<{ id: string; taxonomyId: string }>`select id, taxonomy_id from hsds_taxonomy_term where code = 'FIN-CRD'`.execute(t.db);
    const byTerm = await sals(`taxonomy_term_id=${rows[0]!.id}`);
    const credit = await ofServices(`taxonomy_term_id=${rows[0]!.id}`);
    expect(byTerm.length).toBeGreaterThan(0);
    expect(byTerm.length).toBeLessThan(everything);
    expect(byTerm.every((sal) => credit.has(sal.service_id))).toBe(true);

    const byTaxonomy = await sals(`taxonomy_id=${rows[0]!.taxonomyId}`);
    expect(byTaxonomy.length).toBeGreaterThanOrEqual(byTerm.length);
    const inTaxonomy = await ofServices(`taxonomy_id=${rows[0]!.taxonomyId}`);
    expect(byTaxonomy.every((sal) => inTaxonomy.has(sal.service_id))).toBe(true);

    const organizationId = (await get(`/services/${DEMO_SERVICE_IDS.microstartLoan}`)).organization_id as string;
    const byOrganization = await sals(`organization_id=${organizationId}`);
    expect(byOrganization.length).toBeGreaterThan(0);
    expect(byOrganization.every((sal) => sal.service.organization_id === organizationId)).toBe(true);
    // Filters combine, and one that matches nothing answers an empty page.
    const none = await get(`/service_at_locations?organization_id=${organizationId}&search=${encodeURIComponent('tontine agricole de Padova')}`);
    expect(none).toMatchObject({ total_items: 0, empty: true, contents: [] });
  });

  it('private contacts and phones are absent from /organizations/{id}, /service_at_locations/{id} and every ndjson stream', async () => {
    const service = await get(`/services/${DEMO_SERVICE_IDS.microstartLoan}`);
    const organizationId = service.organization_id as string;
    const sal = service.service_at_locations[0] as { id: string; location_id: string };
    // Private and public details on the organization, the service at a location and its location.
    await sql`insert into hsds_contact (id, organization_id, name, email, is_private) values
      ('7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', ${organizationId}, 'Org Secret', 'org.secret@example.org', true),
      ('7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5e', ${organizationId}, 'Org Desk', 'org.desk@example.org', false)`.execute(t.db);
    await sql`insert into hsds_contact (id, service_at_location_id, name, email, is_private) values
      ('7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5f', ${sal.id}, 'Sal Secret', 'sal.secret@example.org', true),
      ('7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c60', ${sal.id}, 'Sal Desk', 'sal.desk@example.org', false)`.execute(t.db);
    await sql`insert into hsds_phone (organization_id, number, is_private) values (${organizationId}, '+32 470 11 11 11', true), (${organizationId}, '+32 2 111 11 11', false)`.execute(t.db);
    await sql`insert into hsds_phone (service_at_location_id, number, is_private) values (${sal.id}, '+32 470 22 22 22', true), (${sal.id}, '+32 2 222 22 22', false)`.execute(t.db);
    await sql`insert into hsds_phone (location_id, number, is_private) values (${sal.location_id}, '+32 470 33 33 33', true), (${sal.location_id}, '+32 2 333 33 33', false)`.execute(t.db);
    // A phone not marked private, but of a private contact: as private as its contact.
    await sql`insert into hsds_phone (contact_id, number) values ('7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', '+32 470 44 44 44')`.execute(t.db);
    const SECRETS = ['org.secret@example.org', 'Org Secret', 'sal.secret@example.org', 'Sal Secret', 'private@example.org', '+32 470'];

    const bodies: [string, string][] = [];
    const grab = async (url: string) => {
      const response = await t.inject({ method: 'GET', url: `/api/hsds/v3${url}` });
      expect(response.statusCode, url).toBe(200);
      bodies.push([url, response.body]);
      return response.body;
    };
    const organization = await grab(`/organizations/${organizationId}`);
    expect(organization).toContain('org.desk@example.org');
    expect(organization).toContain('+32 2 111 11 11');
    expect(organization).toContain('+32 2 333 33 33');
    await grab(`/organizations/${organizationId}?full_service=true`);
    const one = await grab(`/service_at_locations/${sal.id}`);
    expect(one).toContain('sal.desk@example.org');
    expect(one).toContain('+32 2 222 22 22');
    expect(one).toContain('+32 2 333 33 33');
    for (const list of ['/services', '/service_at_locations', '/organizations']) {
      await grab(`${list}?format=ndjson&full=true`);
      await grab(`${list}?format=ndjson`);
    }
    expect(bodies.find(([url]) => url === '/organizations?format=ndjson&full=true')![1]).toContain('org.desk@example.org');
    expect(bodies.find(([url]) => url === '/service_at_locations?format=ndjson&full=true')![1]).toContain('sal.desk@example.org');
    await grab('/organizations?full_service=true&per_page=500');
    for (const [url, body] of bodies) for (const secret of SECRETS) expect(body, `${url} ${secret}`).not.toContain(secret);
  });

  it('a malformed modified_after or proximity answers 400 problem+json naming the parameter', async () => {
    // Year 0 has the right form but is no date PostgreSQL knows: refused here, not by the database.
    for (const query of ['modified_after=yesterday', 'modified_after=2026-13-45', 'modified_after=2026-02-30T25:00:00Z', 'modified_after=0000-01-01', 'modified_after=0000-12-31T23:00:00Z', 'proximity=near', 'proximity=-500', 'proximity=1e9']) {
      for (const list of ['/services', '/service_at_locations']) {
        const response = await t.inject({ method: 'GET', url: `/api/hsds/v3${list}?postcode=1000&${query}` });
        expect(response.statusCode, `${list}?${query}`).toBe(400);
        expect(response.headers['content-type'], query).toMatch(/application\/problem\+json/);
        const body = response.json();
        expect(body.code, query).toBe('validation_failed');
        expect(body.errors.map((error: { pointer: string }) => error.pointer).join(' '), query).toContain(query.split('=')[0]);
      }
    }
  });
});
