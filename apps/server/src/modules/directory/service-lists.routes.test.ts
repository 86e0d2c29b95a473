import { ServiceDetailView, ServiceSearchResult } from '@glocal/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { signIn, type Session } from '../../../test/sign-in.js';
import { DEMO_SERVICE_IDS } from './directory.demo.js';

describe('directory: a service’s documents, costs and languages, edited as lists', () => {
  let t: TestApp;
  let mfi: Session;
  const SERVICE = DEMO_SERVICE_IDS.mutualReturneeCredit;
  const url = `/api/v1/directory/services/${SERVICE}`;

  const read = async (locale: string) => ServiceDetailView.parse((await t.inject({ method: 'GET', url: `${url}?locale=${locale}` })).json());
  const patch = (payload: object) => t.inject({ method: 'PATCH', url, headers: mfi.headers, payload });
  const found = async (query: string) =>
    ServiceSearchResult.parse((await t.inject({ method: 'GET', url: `/api/v1/directory/services?${query}&limit=100` })).json()).items.map((item) => item.id);
  const lastAudit = async () => (await sql<{ action: string; details: any }>`select action, details from audit_event order by seq desc limit 1`.execute(t.db)).rows[0]!;

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.db);
    mfi = await signIn(t, 'mfi.diourbel@glocal.test');
  });
  afterAll(() => t.close());

  it('rewrites a document in English without touching its French text, adds one, drops the rest; costs and languages follow, and search with them', async () => {
    const french = await read('fr');
    expect(french.requiredDocuments.length).toBeGreaterThan(1);
    const [first] = french.requiredDocuments;
    expect(await found('cost=paid&language=wo')).not.toContain(SERVICE);

    const response = await patch({
      locale: 'en',
      requiredDocuments: [{ id: first!.id, document: 'Passport or national identity card' }, { document: 'Business plan (two pages)' }],
      costs: [{ option: 'Application fee', amount: '2500', currency: 'XOF' }],
      languages: ['fr', 'wo'],
    });
    expect(response.statusCode, response.body).toBe(200);

    const english = await read('en');
    expect(english.requiredDocuments.map((item) => item.document)).toEqual(['Passport or national identity card', 'Business plan (two pages)']);
    expect(english.requiredDocuments[0]!.id).toBe(first!.id);
    expect(english.costs).toEqual([expect.objectContaining({ option: 'Application fee', amount: '2500', currency: 'XOF' })]);
    expect(english.languages.map((language) => language.code)).toEqual(['fr', 'wo']);
    // The French text of the kept document is the one it had; the new document reads in English until translated.
    expect((await read('fr')).requiredDocuments.map((item) => item.document)).toEqual([first!.document, 'Business plan (two pages)']);
    expect(await found('cost=paid&language=wo')).toContain(SERVICE);
    expect(await found('cost=free')).not.toContain(SERVICE);

    const audit = await lastAudit();
    expect(audit.action).toBe('directory.service_updated');
    expect(audit.details.changes.requiredDocuments.before).toHaveLength(french.requiredDocuments.length);
    expect(audit.details.changes.requiredDocuments.after.map((item: { document: string }) => item.document)).toEqual([first!.document, 'Business plan (two pages)']);
    expect(audit.details.changes.costs.after).toEqual([expect.objectContaining({ option: 'Application fee', amount: '2500', currency: 'XOF' })]);
    expect(audit.details.changes.languages).toEqual({ before: expect.any(Array), after: ['fr', 'wo'] });

    // HSDS consumers read the same lists.
    const hsds = (await t.inject({ method: 'GET', url: `/api/hsds/v3/services/${SERVICE}` })).json();
    expect(hsds.required_documents.map((item: { document: string }) => item.document).sort()).toEqual([first!.document, 'Business plan (two pages)'].sort());
    expect(hsds.cost_options).toEqual([expect.objectContaining({ option: 'Application fee', currency: 'XOF' })]);
  });

  it('refuses another service’s document id, an amount without currency and a made-up language, each at its pointer, changing nothing', async () => {
    const before = await read('en');
    const other = ServiceDetailView.parse((await t.inject({ method: 'GET', url: `/api/v1/directory/services/${DEMO_SERVICE_IDS.microstartLoan}?locale=en` })).json());
    expect(other.requiredDocuments.length).toBeGreaterThan(0);

    const stolen = await patch({ locale: 'en', requiredDocuments: [{ document: 'Kept?' }, { id: other.requiredDocuments[0]!.id, document: 'Taken' }] });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.headers['content-type']).toContain('application/problem+json');
    expect(stolen.json().errors).toEqual([expect.objectContaining({ pointer: '/requiredDocuments/1/id', code: 'not_found' })]);

    const noCurrency = await patch({ locale: 'en', costs: [{ option: 'Fee', amount: '10' }] });
    expect(noCurrency.statusCode).toBe(400);
    expect(noCurrency.json().errors).toEqual([expect.objectContaining({ pointer: '/costs/0/currency' })]);

    const empty = await patch({ locale: 'en', costs: [{}] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([expect.objectContaining({ pointer: '/costs/0/option' })]);

    const language = await patch({ locale: 'en', languages: ['fr', 'wolof'] });
    expect(language.statusCode).toBe(400);
    expect(language.json().errors).toEqual([expect.objectContaining({ pointer: '/languages/1' })]);

    expect(await read('en')).toEqual(before);
    const untouched = ServiceDetailView.parse((await t.inject({ method: 'GET', url: `/api/v1/directory/services/${DEMO_SERVICE_IDS.microstartLoan}?locale=en` })).json());
    expect(untouched.requiredDocuments).toEqual(other.requiredDocuments);
  });

  it('keeps an item named by its id alone as it is, in every language', async () => {
    const [first, second] = (await read('en')).requiredDocuments;
    const frenchBefore = (await read('fr')).requiredDocuments[0]!.document;
    const response = await patch({ locale: 'fr', requiredDocuments: [{ id: first!.id }] });
    expect(response.statusCode, response.body).toBe(200);
    expect((await read('en')).requiredDocuments).toEqual([first]);
    expect((await read('fr')).requiredDocuments.map((item) => item.document)).toEqual([frenchBefore]);
    expect((await read('en')).requiredDocuments.map((item) => item.id)).not.toContain(second!.id);
  });
});

