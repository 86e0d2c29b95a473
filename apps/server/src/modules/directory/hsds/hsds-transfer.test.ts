import { HsdsImportReport } from '@glocal/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../demo/seed-demo.js';
import { readCsvHeader } from '../../../platform/csv/read-csv.js';
import { seedDemoTerritories } from '../../territories/index.js';
import { buildTestApp, type TestApp } from '../../../../test/build-test-app.js';
import { signIn, type Session } from '../../../../test/sign-in.js';
import { DEMO_SERVICE_IDS } from '../directory.demo.js';
import { HSDS_DATAPACKAGE } from './hsds-schema.js';
import { parseCsvFiles, validateTables } from './hsds-validate.js';

const ORG = '0d5c8a3e-1f2b-4c3d-8e4f-5a6b7c8d9e0f';
const SERVICE = '1e6d9b4f-2a3c-4d5e-9f60-6b7c8d9e0f1a';
const LOCATION = '2f7e0c5a-3b4d-4e6f-a071-7c8d9e0f1a2b';
const organizations = `id,name,description\n${ORG},"Coopérative ""Kaay""",Une coopérative de Thiès\n`;
const services = `id,organization_id,name,status\n${SERVICE},${ORG},Crédit agricole,active\n`;
const locations = `id,location_type,name,latitude,longitude\n${LOCATION},physical,Siège,14.79,-16.93\n`;

describe('HSDS import and export', () => {
  let source: TestApp;
  let target: TestApp;
  let officer: Session;
  let exported: Record<string, string>;
  const count = async (t: TestApp, table: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db)).rows[0]!.n);
  const importFiles = (files: Record<string, string>, mode: 'all_or_nothing' | 'valid_rows' = 'all_or_nothing', territoryId?: string) =>
    target.inject({ method: 'POST', url: '/api/v1/directory/imports', headers: officer.headers, payload: { files, mode, ...(territoryId ? { territoryId } : {}) } });
  let diourbelId: string;

  beforeAll(async () => {
    source = await buildTestApp();
    await seedDemo(source.db);
    const admin = await signIn(source, 'admin@glocal.test');
    const response = await source.inject({ method: 'GET', url: '/api/v1/directory/exports', headers: admin.headers });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    exported = response.json().files;
    // The target starts empty but for territories (reference data) and the accounts that import.
    target = await buildTestApp();
    await seedDemo(target.db);
    await sql`truncate hsds_organization, hsds_location, hsds_contact, hsds_phone, hsds_attribute, hsds_metadata, hsds_meta_table_description, directory_opportunity cascade`.execute(target.db);
    officer = await signIn(target, 'officer.diourbel@glocal.test');
    diourbelId = (await sql<{ id: string }>`select id from territory where code = 'SN-DB'`.execute(target.db)).rows[0]!.id;
  });
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  it('exports every HSDS table with exactly its datapackage.json fields, and the files validate against it', async () => {
    for (const resource of HSDS_DATAPACKAGE.resources) {
      const csv = exported[resource.path];
      expect(csv, resource.path).toBeDefined();
      const header = readCsvHeader(csv!);
      expect(header, resource.path).toEqual(resource.schema.fields.map((field) => field.name));
    }
    const problems: { table: string; row: number; field: string | null; reason: string }[] = [];
    const tables = parseCsvFiles(exported, problems);
    await validateTables(tables, async () => new Set(), problems);
    expect(problems).toEqual([]);
    expect(tables.get('service')!.rows.length).toBeGreaterThan(140);
    const declared = JSON.parse(exported['datapackage.json']!).resources as { name: string; path: string; schema: { fields: { name: string }[] } }[];
    expect(declared.map((r) => r.name)).toEqual(expect.arrayContaining(['service_profile', 'opportunity', 'opportunity_translation']));
    // The opportunities' files are declared with exactly the fields they hold.
    for (const name of ['opportunity', 'opportunity_translation']) {
      const resource = declared.find((r) => r.name === name)!;
      expect(readCsvHeader(exported[resource.path]!), name).toEqual(resource.schema.fields.map((field) => field.name));
    }
    expect(tables.get('opportunity')!.rows.length).toBe(await count(source, 'directory_opportunity'));
    expect(tables.get('opportunity_translation')!.rows.length).toBeGreaterThan(0);
  });

  it('never exports a private contact or phone', async () => {
    await sql`insert into hsds_contact (service_id, name, email, is_private) values (${DEMO_SERVICE_IDS.microstartLoan}, 'Hidden', 'hidden@example.org', true)`.execute(source.db);
    const admin = await signIn(source, 'admin@glocal.test');
    const files = (await source.inject({ method: 'GET', url: '/api/v1/directory/exports', headers: admin.headers })).json().files;
    expect(files['contacts.csv']).not.toContain('hidden@example.org');
    await sql`delete from hsds_contact where email = 'hidden@example.org'`.execute(source.db);
  });

  it('an export imported into an empty directory reproduces the same data; importing it again changes nothing', async () => {
    expect(await count(target, 'hsds_service')).toBe(0);
    expect(await count(target, 'directory_opportunity')).toBe(0);
    const admin = await signIn(target, 'admin@glocal.test');
    const first = await target.inject({ method: 'POST', url: '/api/v1/directory/imports', headers: admin.headers, payload: { files: exported } });
    expect(first.statusCode, first.body.slice(0, 500)).toBe(200);
    expect(HsdsImportReport.parse(first.json()).rejected).toBe(0);
    const again = (await target.inject({ method: 'GET', url: '/api/v1/directory/exports', headers: admin.headers })).json().files;
    for (const name of Object.keys(exported)) expect(again[name], name).toBe(exported[name]);
    // The economic opportunities came back too, with their translations and contacts.
    const opportunities = async (t: TestApp) =>
      (await sql`
        select op.id, t.code, op.kind, op.isic_code, op.title, op.description, op.contact_name, op.contact_email, op.contact_phone, op.organization_id, op.source_locale,
          (select json_agg(json_build_object('locale', tr.locale, 'title', tr.title, 'description', tr.description) order by tr.locale)
             from directory_opportunity_translation tr where tr.opportunity_id = op.id) as translations
        from directory_opportunity op join territory t on t.id = op.territory_id order by op.id`.execute(t.db)).rows;
    expect(await count(target, 'directory_opportunity')).toBeGreaterThan(5);
    expect(await opportunities(target)).toEqual(await opportunities(source));
    expect(HsdsImportReport.parse(first.json()).imported).toMatchObject({ opportunity: await count(source, 'directory_opportunity') });

    const versions = async () =>
      (await sql<{ v: string }>`select concat_ws(';', (select string_agg(xmin::text, ',' order by id) from hsds_service), (select string_agg(xmin::text, ',' order by id) from directory_opportunity),
        (select string_agg(xmin::text, ',' order by opportunity_id, locale) from directory_opportunity_translation)) as v`.execute(target.db)).rows[0]!.v;
    const before = await versions();
    const second = await target.inject({ method: 'POST', url: '/api/v1/directory/imports', headers: admin.headers, payload: { files: exported } });
    expect(second.statusCode).toBe(200);
    expect(await versions()).toBe(before);
    // The imported services are searchable at once.
    const found = (await target.inject({ method: 'GET', url: '/api/v1/directory/services?q=microcredit&locale=fr' })).json();
    expect(found.items.length).toBeGreaterThan(0);
  });

  it('checks every opportunity row: ISIC code, territory, kind, e-mail, organization, translations; all or nothing by default', async () => {
    const header = 'id,territory_code,kind,isic_code,title,description,contact_name,contact_email,contact_phone,organization_id,source_locale\n';
    const id = (n: number) => `6a000000-0000-4000-8000-00000000000${n}`;
    const files = {
      'glocal_opportunities.csv':
        header +
        `${id(1)},SN-DB,value_chain,1030,Conserverie de mangues,Transformation des mangues de Bambey,ARD Diourbel,contact@ard.example,+221 33 971 00 00,,fr\n` +
        `${id(2)},SN-DB,value_chain,0450,Code inconnu,Une division qui n’existe pas,,,,,fr\n` +
        `${id(3)},XX-ZZ,investment,35,Territoire inconnu,Nulle part,,,,,fr\n` +
        `${id(4)},SN-DB,charity,35,Type inconnu,Don,,,,,fr\n` +
        `${id(5)},SN-DB,investment,35,Adresse,Courriel faux,,pas une adresse,,,fr\n` +
        `${id(6)},SN-DB,investment,35,Organisation,Inconnue,,,,00000000-0000-4000-8000-00000000dead,fr\n` +
        `${id(1)},SN-DB,investment,35,Doublon,Même id,,,,,fr\n`,
      'glocal_opportunity_translations.csv': `opportunity_id,locale,title,description\n${id(1)},en,Mango cannery,Processing Bambey mangoes\n${id(2)},en,Unknown code,No such division\n${id(7)},en,Orphan,No opportunity\n`,
    };
    const refused = await importFiles(files, 'all_or_nothing', diourbelId);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.json().errors.map((error: { pointer: string; code: string }) => `${error.pointer} ${error.code}`)).toEqual(
      expect.arrayContaining([
        '/opportunity/2/isic_code unknown_isic_code',
        '/opportunity/3/territory_code unknown_territory',
        '/opportunity/4/kind not_in_enum',
        '/opportunity/5/contact_email invalid_email',
        '/opportunity/6/organization_id dangling_reference',
        '/opportunity/7/id duplicate_id',
        '/opportunity_translation/2/opportunity_id references_rejected_row',
        '/opportunity_translation/3/opportunity_id dangling_reference',
      ]),
    );
    expect((await sql`select 1 from directory_opportunity where id = ${id(1)}`.execute(target.db)).rows).toHaveLength(0);

    const partial = await importFiles(files, 'valid_rows', diourbelId);
    expect(partial.statusCode, partial.body).toBe(200);
    expect(HsdsImportReport.parse(partial.json()).imported).toMatchObject({ opportunity: 1, opportunity_translation: 1 });
    const found = (await target.inject({ method: 'GET', url: '/api/v1/directory/opportunities?q=mango&locale=en' })).json();
    expect(found.items.map((item: { id: string }) => item.id)).toEqual([id(1)]);
    // An officer of Diourbel cannot place an opportunity in Brussels.
    const brussels = `${header}${id(8)},BE-BRU,investment,35,Ailleurs,Hors du territoire,,,,,fr\n`;
    const outside = await importFiles({ 'glocal_opportunities.csv': brussels }, 'all_or_nothing', diourbelId);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0]).toMatchObject({ pointer: '/opportunity/1/territory_code', code: 'outside_actor_territories' });
  });

  it('a profile file alone updates the stored services it names', async () => {
    const admin = await signIn(target, 'admin@glocal.test');
    const profiles =
      'service_id,territory_code,source_locale,last_verified,diaspora_eligible,returnee_eligible,loan_min,loan_max,loan_currency,collateral_required,interest_min,interest_max,target_groups,staff_languages\n' +
      `${DEMO_SERVICE_IDS.bccMicrocredit},SN-DB,fr,2026-11-30,true,,100000,500000,XOF,false,,,women youth,fr wo\n`;
    const response = await target.inject({ method: 'POST', url: '/api/v1/directory/imports', headers: admin.headers, payload: { files: { 'glocal_service_profiles.csv': profiles } } });
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    const { rows } = await sql`
      select t.code, s.last_verified::text as last_verified, s.diaspora_eligible, s.loan_max::text as loan_max, s.target_groups, s.staff_languages
      from hsds_service s join territory t on t.id = s.territory_id where s.id = ${DEMO_SERVICE_IDS.bccMicrocredit}`.execute(target.db);
    expect(rows).toEqual([{ code: 'SN-DB', lastVerified: '2026-11-30', diasporaEligible: true, loanMax: '500000', targetGroups: ['women', 'youth'], staffLanguages: ['fr', 'wo'] }]);
  });

  it('reports wrong and missing columns, bad encodings and broken quotes, and imports nothing', async () => {
    const before = await count(target, 'hsds_organization');
    const cases: [Record<string, string>, Partial<{ code: string; pointer: string }>][] = [
      [{ 'organizations.csv': `id,name,description,colour\n${ORG},A,B,red\n` }, { code: 'unknown_column', pointer: '/organization/0/colour' }],
      [{ 'organizations.csv': `id,name\n${ORG},A\n` }, { code: 'missing_column', pointer: '/organization/0/description' }],
      [{ 'organizations.csv': `id,name,description\n${ORG},Caf\uFFFD,B\n` }, { code: 'invalid_encoding' }],
      [{ 'organizations.csv': `id,name,description\n${ORG},"Unclosed,B\n` }, {}],
      [{ 'organizations.csv': `id,name,description\n${ORG},A,B,extra\n` }, {}],
      [{ 'nonsense.csv': 'a,b\n1,2\n' }, { code: 'unknown_file' }],
    ];
    for (const [files, expected] of cases) {
      const response = await importFiles(files, 'all_or_nothing', diourbelId);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      const body = response.json();
      expect(body.code).toBe('directory.import_invalid');
      expect(body.errors[0]).toMatchObject(expected);
      if (!expected.code) expect(body.errors[0].code).toMatch(/^malformed_csv/);
    }
    expect(await count(target, 'hsds_organization')).toBe(before);
  });

  it('checks every row: unknown taxonomy terms, dangling references, coordinates, duplicate ids; all or nothing by default', async () => {
    const files = {
      'organizations.csv': organizations,
      'services.csv': `${services}${SERVICE.replace('1e6d', '3e6d')},00000000-0000-4000-8000-00000000dead,Orphan,active\n${SERVICE},${ORG},Twice,active\n`,
      'locations.csv': `${locations}${LOCATION.replace('2f7e', '4f7e')},physical,Nowhere,123,500\n`,
      'attributes.csv': `id,link_id,taxonomy_term_id,link_entity\n5a8f1d6b-4c5e-4f70-b182-8d9e0f1a2b3c,${SERVICE},00000000-0000-4000-8000-0000000beef0,service\n`,
    };
    const response = await importFiles(files, 'all_or_nothing', diourbelId);
    expect(response.statusCode).toBe(400);
    const reasons = response.json().errors.map((error: { pointer: string; code: string }) => `${error.pointer} ${error.code}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        '/attribute/1/taxonomy_term_id unknown_taxonomy_term',
        '/service/2/organization_id dangling_reference',
        '/service/3/id duplicate_id',
        '/location/2/latitude out_of_range',
        '/location/2/longitude out_of_range',
      ]),
    );
    expect((await sql`select 1 from hsds_organization where id = ${ORG}`.execute(target.db)).rows).toHaveLength(0);

    // Asked for, the valid rows go in and the rest is reported.
    const partial = await importFiles(files, 'valid_rows', diourbelId);
    expect(partial.statusCode, partial.body).toBe(200);
    const report = HsdsImportReport.parse(partial.json());
    expect(report.imported).toMatchObject({ organization: 1, location: 1 });
    expect(report.rejected).toBeGreaterThanOrEqual(4);
    expect(report.problems.map((p) => p.reason)).toContain('dangling_reference');
    const { rows } = await sql<{ territoryId: string }>`select territory_id from hsds_service where id = ${SERVICE}`.execute(target.db);
    // The first of the duplicate rows is kept; the service lands in the officer's territory.
    expect(rows[0]!.territoryId).toBe(diourbelId);
  });

  it('a location with a latitude but no longitude (or the reverse) is a row error, never a database failure', async () => {
    const files = {
      'locations.csv': `id,location_type,name,latitude,longitude\n${LOCATION.replace('2f7e', '5f7e')},physical,Half,14.79,\n${LOCATION.replace('2f7e', '6f7e')},physical,Other half,,-16.93\n${LOCATION.replace('2f7e', '7f7e')},physical,Whole,14.8,-16.9\n`,
    };
    const refused = await importFiles(files, 'all_or_nothing', diourbelId);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.json().errors.map((error: { pointer: string; code: string; params: object }) => [error.pointer, error.code, error.params])).toEqual([
      ['/location/1/longitude', 'coordinates_incomplete', { table: 'location', row: 1, field: 'longitude' }],
      ['/location/2/latitude', 'coordinates_incomplete', { table: 'location', row: 2, field: 'latitude' }],
    ]);
    const partial = await importFiles(files, 'valid_rows', diourbelId);
    expect(partial.statusCode, partial.body).toBe(200);
    expect(HsdsImportReport.parse(partial.json())).toMatchObject({ imported: { location: 1 }, rejected: 2 });
    const { rows } = await sql<{ name: string }>`select name from hsds_location where id in (${LOCATION.replace('2f7e', '5f7e')}, ${LOCATION.replace('2f7e', '6f7e')}, ${LOCATION.replace('2f7e', '7f7e')})`.execute(target.db);
    expect(rows).toEqual([{ name: 'Whole' }]);
  });

  it('malformed JSON, as a body or as HSDS, answers 400 problem+json and imports nothing', async () => {
    const services = await count(target, 'hsds_service');
    const broken = await target.inject({
      method: 'POST', url: '/api/v1/directory/imports', headers: { ...officer.headers, 'content-type': 'application/json' }, payload: '{"json": {"services": [{"id": ',
    });
    expect(broken.statusCode, broken.body).toBe(400);
    expect(broken.headers['content-type']).toMatch(/problem\+json/);
    const notAList = await target.inject({ method: 'POST', url: '/api/v1/directory/imports', headers: officer.headers, payload: { json: { services: 'all of them' } } });
    expect(notAList.statusCode, notAList.body).toBe(400);
    expect(notAList.json().code).toBe('validation_failed');
    // Valid JSON whose nested parts are not HSDS objects: row errors, never a 500.
    const odd = { id: SERVICE.replace('1e6d', '9e6d'), organization_id: ORG, name: 'Odd', status: 'active', service_at_locations: 7, phones: [null], attributes: [[1]], organization: 'Kaay' };
    const nested = await target.inject({ method: 'POST', url: '/api/v1/directory/imports', headers: officer.headers, payload: { territoryId: diourbelId, json: { services: [odd] } } });
    expect(nested.statusCode, nested.body).toBe(400);
    expect(nested.headers['content-type']).toMatch(/problem\+json/);
    expect(nested.json().code).toBe('directory.import_invalid');
    expect(nested.json().errors.map((error: { pointer: string; code: string }) => `${error.pointer} ${error.code}`)).toEqual(
      expect.arrayContaining(['/service/1/service_at_locations not_an_object', '/service/1/phones not_an_object', '/service/1/attributes not_an_object']),
    );
    expect(await count(target, 'hsds_service')).toBe(services);
  });

  it('reads ids in any case as the uuids they are: an id in capitals names the same row', async () => {
    const org = 'A1B2C3D4-0000-4000-8000-00000000CAFE';
    const service = 'B1B2C3D4-0000-4000-8000-00000000CAFE';
    const files = (orgId: string, serviceId: string) => ({
      'organizations.csv': `id,name,description\n${orgId},Mutuelle des Niayes,Une mutuelle d'épargne\n`,
      'services.csv': `id,organization_id,name,status\n${serviceId},${org.toLowerCase()},Épargne diaspora,active\n`,
    });
    const first = await importFiles(files(org, service), 'all_or_nothing', diourbelId);
    expect(first.statusCode, first.body.slice(0, 500)).toBe(200);
    const again = await importFiles(files(org.toLowerCase(), service.toLowerCase()), 'all_or_nothing', diourbelId);
    expect(again.statusCode, again.body.slice(0, 500)).toBe(200);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from hsds_service where id = ${service} or organization_id = ${org}`.execute(target.db);
    expect(rows[0]!.n).toBe(1);
  });

  it('imports the JSON form (fully nested services as the HSDS API answers them)', async () => {
    const nested = (await source.inject({ method: 'GET', url: `/api/hsds/v3/services/${DEMO_SERVICE_IDS.bccMicrocredit}` })).json();
    const admin = await signIn(target, 'admin@glocal.test');
    await sql`delete from hsds_service where id = ${DEMO_SERVICE_IDS.bccMicrocredit}`.execute(target.db);
    const response = await target.inject({ method: 'POST', url: '/api/v1/directory/imports', headers: admin.headers, payload: { json: { services: [nested] } } });
    expect(response.statusCode, response.body.slice(0, 400)).toBe(200);
    const again = (await target.inject({ method: 'GET', url: `/api/hsds/v3/services/${DEMO_SERVICE_IDS.bccMicrocredit}` })).json();
    expect(again).toEqual(nested);
  });

  it('an officer imports only into their own territories; a 200 MB upload is refused with 413', async () => {
    const brussels = (await sql<{ id: string }>`select id from territory where code = 'BE-BRU'`.execute(target.db)).rows[0]!.id;
    const outside = await importFiles({ 'organizations.csv': organizations }, 'all_or_nothing', brussels);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('directory.outside_actor_territories');
    const coach = await signIn(target, 'coach.diourbel@glocal.test');
    const coachImport = await target.inject({ method: 'POST', url: '/api/v1/directory/imports', headers: coach.headers, payload: { files: {} } });
    expect(coachImport.statusCode).toBe(403);
    const huge = `{"files":{"services.csv":"${'x'.repeat(200 * 1024 * 1024)}"}}`;
    const tooLarge = await target.inject({ method: 'POST', url: '/api/v1/directory/imports', headers: { ...officer.headers, 'content-type': 'application/json' }, payload: huge });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.headers['content-type']).toMatch(/problem\+json/);
  });
});
