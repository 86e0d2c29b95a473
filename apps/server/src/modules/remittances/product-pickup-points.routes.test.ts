import { Problem, ProductView, ProviderList, RemittanceQuoteList } from '@glocal/contracts';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { signIn, type Session } from '../../../test/sign-in.js';

const today = new Date().toISOString().slice(0, 10);

describe('a remittance product’s pickup points in the services directory', () => {
  let t: TestApp;
  let mfi: Session;
  let baol: string;
  /** Two directory services of the Diourbel demo (in Senegal), with their French names and territories as the directory holds them. */
  let services: { id: string; nameFr: string; territoryFr: string }[];
  /** A service without territory, and one closed for good (defunct), added to the same organization. */
  let bare: string, defunct: string;

  const as = (session: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.inject({ method, url, headers: { ...session.headers, ...headers }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const links = async (productId: string) =>
    (await sql<{ serviceId: string }>`select service_id from remittance_product_pickup_service where product_id = ${productId} order by service_id`.execute(t.db)).rows.map((row) => row.serviceId);
  const lastAudit = async () => (await sql<{ action: string; details: any }>`select action, details from audit_event order by seq desc limit 1`.execute(t.db)).rows[0]!;

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.db);
    mfi = await signIn(t, 'mfi.diourbel@glocal.test');
    baol = (await sql<{ id: string }>`select id from remittance_provider where name = 'Mutuelle d’épargne et de crédit du Baol'`.execute(t.db)).rows[0]!.id;
    services = (
      await sql<{ id: string; nameFr: string; territoryFr: string }>`
        select s.id, coalesce(tr.name, s.name) as name_fr, tn.name as territory_fr from hsds_service s
        left join hsds_service_translation tr on tr.service_id = s.id and tr.locale = 'fr'
        join territory_name tn on tn.territory_id = s.territory_id and tn.locale = 'fr'
        join territory t on t.id = s.territory_id
        where s.status = 'active' and t.country_code = 'SN'
        order by s.id limit 2`.execute(t.db)
    ).rows;
    expect(services).toHaveLength(2);
    const organizationId = (await sql<{ organizationId: string }>`select organization_id from hsds_service where id = ${services[0]!.id}`.execute(t.db)).rows[0]!.organizationId;
    [bare, defunct] = [randomUUID(), randomUUID()];
    await sql`
      insert into hsds_service (id, organization_id, name, status) values
        (${bare}, ${organizationId}, 'Point de retrait de Ndindy', 'active'),
        (${defunct}, ${organizationId}, 'Ancien guichet de Gade', 'defunct')`.execute(t.db);
  });
  afterAll(async () => {
    await t.close();
  });

  it('a provider’s staff link their product to directory services (audited), and quotes list them in the reader’s language, active ones only', async () => {
    const created = await as(mfi, 'POST', `/api/v1/remittances/providers/${baol}/products`, {
      name: 'Cash at the caisses', payIn: 'cash', pickup: 'cash_pickup', speed: 'next_day', accessible: true, pickupServiceIds: [services[0]!.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    const product = ProductView.parse(created.json());
    expect(product.pickupServiceIds).toEqual([services[0]!.id]);
    expect(await links(product.id)).toEqual([services[0]!.id]);

    // PATCH replaces the set; an id given twice is read once.
    const all = [services[1]!.id, bare, defunct, services[0]!.id, bare];
    const updated = await as(mfi, 'PATCH', `/api/v1/remittances/providers/${baol}/products/${product.id}`, { pickupServiceIds: all });
    expect(updated.statusCode, updated.body).toBe(200);
    const expectedIds = [...new Set(all)].sort();
    expect(ProductView.parse(updated.json())).toEqual({ ...product, pickupServiceIds: expectedIds });
    expect(await links(product.id)).toEqual(expectedIds);
    expect(await lastAudit()).toEqual({
      action: 'remittance_product.updated',
      details: { providerId: baol, changes: { pickupServiceIds: { before: [services[0]!.id], after: expectedIds } } },
    });
    const listed = ProviderList.parse((await t.inject({ method: 'GET', url: '/api/v1/remittances/providers' })).json());
    expect(listed.items.find((p) => p.id === baol)!.products.find((p) => p.id === product.id)!.pickupServiceIds).toEqual(expectedIds);

    const priced = await as(mfi, 'POST', `/api/v1/remittances/providers/${baol}/prices`, {
      productId: product.id, from: 'BE', to: 'SN', sendingCurrency: 'EUR', receivingCurrency: 'XOF', fee: { fixed: '3' }, rateOffered: '650', interbankRate: '655.957', observedOn: today,
    });
    expect(priced.statusCode, priced.body).toBe(201);
    const quotes = await t.inject({ method: 'GET', url: '/api/v1/remittances/quotes?from=BE&to=SN&amount=200&currency=EUR', headers: { 'accept-language': 'fr' } });
    expect(quotes.statusCode, quotes.body).toBe(200);
    const { items } = RemittanceQuoteList.parse(quotes.json());
    const ours = items.find((item) => item.product.id === product.id)!;
    // The defunct service is left out; the one without territory has no `territory`; sorted by name.
    const expected = [
      { serviceId: services[0]!.id, name: services[0]!.nameFr, territory: services[0]!.territoryFr },
      { serviceId: services[1]!.id, name: services[1]!.nameFr, territory: services[1]!.territoryFr },
      { serviceId: bare, name: 'Point de retrait de Ndindy' },
    ].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    expect(ours.pickupPoints).toEqual(expected);
    expect(ours.pickupPoints.find((point) => point.serviceId === bare)).not.toHaveProperty('territory');
    // Other products list their own links only (the demo's agencies and branches), never this product's; an empty list, not a missing field, without any.
    const others = items.filter((item) => item.product.id !== product.id);
    expect(others.every((item) => item.pickupPoints.every((point) => point.serviceId !== bare))).toBe(true);
    expect(others.filter((item) => item.pickupPoints.length === 0).length).toBeGreaterThan(5);
    expect(items.length).toBeGreaterThan(1);

    // In English, the services' own names.
    const english = RemittanceQuoteList.parse((await t.inject({ method: 'GET', url: '/api/v1/remittances/quotes?from=BE&to=SN&amount=200&currency=EUR', headers: { 'accept-language': 'en' } })).json());
    const englishNames = (await sql<{ id: string; name: string }>`
      select s.id, coalesce(tr.name, s.name) as name from hsds_service s left join hsds_service_translation tr on tr.service_id = s.id and tr.locale = 'en'
      where s.id in (${services[0]!.id}, ${services[1]!.id})`.execute(t.db)).rows;
    const englishPoints = english.items.find((item) => item.product.id === product.id)!.pickupPoints;
    for (const { id, name } of englishNames) expect(englishPoints.find((point) => point.serviceId === id)!.name).toBe(name);

    // Sold towards Mali too: its Senegalese points are none there; the one without territory stays.
    await as(mfi, 'POST', `/api/v1/remittances/providers/${baol}/prices`, {
      productId: product.id, from: 'FR', to: 'ML', sendingCurrency: 'EUR', receivingCurrency: 'XOF', fee: { fixed: '3' }, rateOffered: '650', interbankRate: '655.957', observedOn: today,
    });
    const mali = RemittanceQuoteList.parse((await t.inject({ method: 'GET', url: '/api/v1/remittances/quotes?from=FR&to=ML&amount=200&currency=EUR' })).json());
    expect(mali.items.find((item) => item.product.id === product.id)!.pickupPoints.map((point) => point.serviceId)).toEqual([bare]);

    // A service removed from the directory takes its link with it; [] clears the rest.
    await sql`delete from hsds_service where id = ${defunct}`.execute(t.db);
    expect(await links(product.id)).not.toContain(defunct);
    const cleared = await as(mfi, 'PATCH', `/api/v1/remittances/providers/${baol}/products/${product.id}`, { pickupServiceIds: [] });
    expect(ProductView.parse(cleared.json()).pickupServiceIds).toEqual([]);
    expect(await links(product.id)).toEqual([]);
  });

  it('an id that is no directory service answers 400 naming it, and nothing changes', async () => {
    const product = ProductView.parse(
      (await as(mfi, 'POST', `/api/v1/remittances/providers/${baol}/products`, { name: 'Wallet cash-out', payIn: 'online', pickup: 'mobile_wallet', speed: 'same_day', accessible: true, pickupServiceIds: [services[0]!.id] })).json(),
    );
    const url = `/api/v1/remittances/providers/${baol}/products/${product.id}`;
    const unknown = randomUUID();
    const response = await as(mfi, 'PATCH', url, { pickupServiceIds: [services[1]!.id, unknown], name: 'Wallet cash-out renamed' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(Problem.parse(response.json())).toMatchObject({ code: 'validation_failed', errors: [{ pointer: '/pickupServiceIds/1', in: 'body', code: 'not_found' }] });
    expect(await links(product.id)).toEqual([services[0]!.id]);
    expect((await sql<{ name: string }>`select name from remittance_product where id = ${product.id}`.execute(t.db)).rows[0]!.name).toBe('Wallet cash-out');

    const malformed = await as(mfi, 'PATCH', url, { pickupServiceIds: ['not-an-id'] });
    expect(malformed.statusCode).toBe(400);
    expect(Problem.parse(malformed.json()).errors!.map((error) => error.pointer)).toEqual(['/pickupServiceIds/0']);

    // On a new product too: refused, and the product is not created.
    const refused = await as(mfi, 'POST', `/api/v1/remittances/providers/${baol}/products`, { name: 'Never stored', payIn: 'cash', pickup: 'cash_pickup', speed: 'same_day', accessible: true, pickupServiceIds: [unknown] });
    expect(refused.statusCode).toBe(400);
    expect(Problem.parse(refused.json()).errors).toMatchObject([{ pointer: '/pickupServiceIds/0', code: 'not_found' }]);
    expect((await sql`select 1 from remittance_product where name = 'Never stored'`.execute(t.db)).rows).toHaveLength(0);
  });

  it('another provider’s product is not found (404), and its pickup points stay as they were', async () => {
    const teranga = ProviderList.parse((await t.inject({ method: 'GET', url: '/api/v1/remittances/providers' })).json()).items.find((p) => p.name === 'Teranga Transfert')!;
    const theirs = teranga.products[0]!;
    const before = await links(theirs.id);
    for (const path of [`/api/v1/remittances/providers/${baol}/products/${theirs.id}`, `/api/v1/remittances/providers/${teranga.id}/products/${theirs.id}`]) {
      const response = await as(mfi, 'PATCH', path, { pickupServiceIds: [services[0]!.id] });
      expect(response.statusCode, path).toBe(404);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    }
    expect(await links(theirs.id)).toEqual(before);
  });
});
