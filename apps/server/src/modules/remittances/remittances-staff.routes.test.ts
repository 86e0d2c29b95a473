import { CorridorReport, Problem, ProductView, ProviderList, ProviderPriceList, RemittanceQuoteList, SavingsReport, TransferList, TransferView } from '@glocal/contracts';
import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { signIn, type Session } from '../../../test/sign-in.js';
import { startSmtpCapture, type SmtpCapture } from '../../../test/smtp-capture.js';
import { addPrice } from './remittances.fixtures.js';
import { addDays } from './remittances.service.js';

const today = new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => addDays(today, -n);

describe('remittances for desks, territories and providers', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let admin: Session, officer: Session, manager: Session, coachBrussels: Session, coachVeneto: Session, mfi: Session;
  const ids: Record<string, string> = {};
  const lastAudit = async () => (await sql<{ action: string; details: any; organisationId: string | null }>`select action, details, organisation_id from audit_event order by seq desc limit 1`.execute(t.db)).rows[0]!;
  const as = (session: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await buildTestApp({ env: { SMTP_URL: smtp.url } });
    await seedDemo(t.db);
    const sessions = await Promise.all(
      ['admin', 'officer.diourbel', 'manager.diourbel', 'coach.brussels', 'coach.veneto', 'mfi.diourbel'].map((name) => signIn(t, `${name}@glocal.test`)),
    );
    [admin, officer, manager, coachBrussels, coachVeneto, mfi] = sessions as [Session, Session, Session, Session, Session, Session];
    for (const row of (await sql<{ id: string; name: string }>`select id, name from organisation`.execute(t.db)).rows) ids[row.name] = row.id;
    for (const row of (await sql<{ id: string; name: string }>`select id, name from remittance_provider`.execute(t.db)).rows) ids[row.name] = row.id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('seeds demo prices, rates and transfers once: seeding again changes nothing', async () => {
    const counts = async () =>
      (await sql<{ prices: number; rates: number; transfers: number; corridors: number }>`
        select (select count(*)::int from remittance_price) as prices, (select count(*)::int from remittance_reference_rate) as rates,
               (select count(*)::int from remittance_transfer) as transfers, (select count(*)::int from remittance_corridor) as corridors`.execute(t.db)).rows[0];
    const before = await counts();
    expect(before).toMatchObject({ corridors: 5, transfers: 22 });
    await seedDemo(t.db);
    expect(await counts()).toEqual(before);
  });

  it('gives territory officers a corridor report: quarters, provider types, freshness, SDG flags, and a CSV', async () => {
    const response = await as(officer, 'GET', '/api/v1/remittances/reports/corridors/IT-SN');
    expect(response.statusCode, response.body).toBe(200);
    const report = CorridorReport.parse(response.json());
    // The demo's four observations a quarter apart fall into four or five calendar quarters.
    expect(report.quarters.length).toBeGreaterThanOrEqual(4);
    expect(report.latestObservedOn).toBe(daysAgo(10));
    expect(report.freshnessDays).toBe(10);
    expect(report.byProviderType.map((entry) => entry.providerType)).toEqual(
      ['bank', 'credit_union_or_mfi', 'fintech', 'mobile_operator', 'money_transfer_operator', 'post_office'],
    );
    const latest = report.quarters.at(-1)!;
    expect(latest.transparentServices).toBeLessThan(latest.services);

    const csv = await as(officer, 'GET', '/api/v1/remittances/reports/corridors/IT-SN/csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toMatch(/^corridor,period,sending_currency,services,transparent_services,usd200_amount,usd500_amount,average_total_cost_usd200,average_total_cost_usd500,smart,average_below_3_percent,corridor_above_5_percent,bank_services,/);
    expect(lines).toHaveLength(report.quarters.length + 1);
    expect(lines.at(-1)).toContain(`IT-SN,${latest.period},EUR,${latest.services},${latest.transparentServices},184.50,461.25,${latest.averageTotalCost.usd200}`);

    expect((await t.inject({ method: 'GET', url: '/api/v1/remittances/reports/corridors/IT-SN' })).statusCode).toBe(401);
    expect((await as(mfi, 'GET', '/api/v1/remittances/reports/corridors/IT-SN')).statusCode).toBe(403);
  });

  it('desk staff record their beneficiaries’ transfers, audited; another desk’s staff get 404', async () => {
    const body = {
      deskOrganisationId: ids['Guichet migrants entrepreneurs Bruxelles'], providerId: ids['Kora Pay'], from: 'BE', to: 'SN', sendingCurrency: 'EUR',
      receivingCurrency: 'XOF', amountSent: '250', feePaid: '0.99', rateApplied: '650.053', transferredOn: daysAgo(3), beneficiaryRef: 'BXL-0042',
    };
    const created = await as(coachBrussels, 'POST', '/api/v1/remittances/transfers', body);
    expect(created.statusCode, created.body).toBe(201);
    const view = TransferView.parse(created.json());
    expect(view).toMatchObject({ corridor: 'BE-SN', provider: { name: 'Kora Pay' }, beneficiaryRef: 'BXL-0042' });
    expect(await lastAudit()).toMatchObject({ action: 'remittance_transfer.recorded', organisationId: body.deskOrganisationId });

    const list = TransferList.parse((await as(coachBrussels, 'GET', `/api/v1/remittances/transfers?deskOrganisationId=${body.deskOrganisationId}`)).json());
    expect(list.items.map((item) => item.id)).toContain(view.id);

    expect((await as(coachVeneto, 'POST', '/api/v1/remittances/transfers', body)).statusCode).toBe(404);
    expect((await as(coachVeneto, 'GET', `/api/v1/remittances/transfers?deskOrganisationId=${body.deskOrganisationId}`)).statusCode).toBe(404);
    const unknownCurrency = await as(coachBrussels, 'POST', '/api/v1/remittances/transfers', { ...body, sendingCurrency: 'ZZZ' });
    expect(Problem.parse(unknownCurrency.json())).toMatchObject({ code: 'remittance.unknown_currency', errors: [{ pointer: '/sendingCurrency' }] });
    const zeroRate = await as(coachBrussels, 'POST', '/api/v1/remittances/transfers', { ...body, rateApplied: '0' });
    expect(Problem.parse(zeroRate.json())).toMatchObject({ code: 'validation_failed', errors: [{ pointer: '/rateApplied' }] });
    const feeTooHigh = await as(coachBrussels, 'POST', '/api/v1/remittances/transfers', { ...body, feePaid: '300' });
    expect(Problem.parse(feeTooHigh.json())).toMatchObject({ code: 'remittance.fee_invalid', errors: [{ pointer: '/feePaid' }] });
    const personal = await as(coachBrussels, 'POST', '/api/v1/remittances/transfers', { ...body, beneficiaryRef: 'Awa Ndiaye' });
    expect(personal.statusCode).toBe(400);
  });

  it('reports savings against the corridor average and the cheapest option of the day, per desk and in all', async () => {
    // DE → TG, interbank 656; USD 200 = EUR 184.50 at the demo's reference rate 0.9225.
    // Cheap: fee 2, no margin. Dear: fee 10, rate 649.44 (1 % margin).
    // Average at 184.50: (2/184.5 + 10/184.5 + 1) / 2 = 3.752032520… %; the cheapest at 200: 2/200 = 1 %.
    const corridor = { corridor: 'DE-TG', currencies: 'EUR/XOF', interbankRate: '656', observedOn: daysAgo(1) } as const;
    const cheap = await addPrice(t.db, { ...corridor, provider: 'Cheap Co', product: 'App', fee: { fixed: '2' }, rateOffered: '656' });
    const dear = await addPrice(t.db, { ...corridor, provider: 'Dear Co', product: 'Counter', fee: { fixed: '10' }, rateOffered: '649.44' });
    const mbacke = ids['CAIM Mbacké']!;
    const transfer = { deskOrganisationId: mbacke, from: 'DE', to: 'TG', sendingCurrency: 'EUR', receivingCurrency: 'XOF', amountSent: '200', transferredOn: daysAgo(1) };
    for (const body of [
      { ...transfer, providerId: dear.providerId, productId: dear.productId, feePaid: '10', rateApplied: '649.44' },
      { ...transfer, providerId: cheap.providerId, feePaid: '2', rateApplied: '656' },
    ]) {
      expect((await as(admin, 'POST', '/api/v1/remittances/transfers', body)).statusCode).toBe(201);
    }
    const report = SavingsReport.parse((await as(admin, 'GET', '/api/v1/remittances/reports/savings')).json());
    // Dear: cost 10 + 200 × 1 % = 12.00; at the average 200 × 3.752033 % = 7.50; at the cheapest 2.00 → saved −4.50, overpaid 10.00.
    // Cheap: cost 2.00 → saved 5.50, overpaid 0.00. Sums of the rounded figures.
    expect(report.desks.find((desk) => desk.organisationId === mbacke)!.totals).toEqual([
      { currency: 'EUR', transfers: 2, amountSent: '400.00', cost: '14.00', costAtAverage: '15.00', costAtCheapest: '4.00', savedVersusAverage: '1.00', overpaidVersusCheapest: '10.00' },
    ]);
    expect(report.desks.map((desk) => desk.name)).toEqual(expect.arrayContaining(['CAIM Diourbel', 'Guichet migrants entrepreneurs Bruxelles', 'Sportello migranti imprenditori Veneto']));
    expect(Number(report.totals[0]!.savedVersusAverage)).toBeGreaterThan(0);

    // A desk sees its own figures only; the territory officer, the desks their authority hosts.
    const own = SavingsReport.parse((await as(coachBrussels, 'GET', '/api/v1/remittances/reports/savings')).json());
    expect(own.desks.map((desk) => desk.name)).toEqual(['Guichet migrants entrepreneurs Bruxelles']);
    const territory = SavingsReport.parse((await as(officer, 'GET', '/api/v1/remittances/reports/savings')).json());
    expect(territory.desks.map((desk) => desk.name)).toEqual(['CAIM Diourbel', 'CAIM Mbacké']);
    expect((await as(manager, 'GET', '/api/v1/remittances/reports/savings')).statusCode).toBe(200);
  });

  it('reports savings per territory: the desks’ home territories, summed, named in the reader’s language', async () => {
    // Two new desks of the Diourbel agency in Bambey (no demo desk there), a DE → BJ corridor of their own:
    // the same prices and transfers as above, so the same figures per transfer.
    const territories = Object.fromEntries((await sql<{ id: string; code: string }>`select id, code from territory`.execute(t.db)).rows.map((row) => [row.code, row.id]));
    const agency = ids['Agence régionale de développement de Diourbel']!;
    const [north, south] = await Promise.all(['Guichet Bambey Nord', 'Guichet Bambey Sud'].map(async (name) => (await sql<{ id: string }>`
      insert into organisation (type, name, host_organisation_id, home_territory_id, languages)
      values ('help_desk', ${name}, ${agency}, ${territories['SN-DB-BAM']}, ${['fr']}) returning id`.execute(t.db)).rows[0]!.id));
    const corridor = { corridor: 'DE-BJ', currencies: 'EUR/XOF', interbankRate: '656', observedOn: daysAgo(1) } as const;
    const cheap = await addPrice(t.db, { ...corridor, provider: 'Cheap Co', product: 'App', fee: { fixed: '2' }, rateOffered: '656' });
    const dear = await addPrice(t.db, { ...corridor, provider: 'Dear Co', product: 'Counter', fee: { fixed: '10' }, rateOffered: '649.44' });
    const transfer = { from: 'DE', to: 'BJ', sendingCurrency: 'EUR', receivingCurrency: 'XOF', amountSent: '200', transferredOn: daysAgo(1) };
    for (const body of [
      { ...transfer, deskOrganisationId: north, providerId: dear.providerId, feePaid: '10', rateApplied: '649.44' },
      { ...transfer, deskOrganisationId: south, providerId: cheap.providerId, feePaid: '2', rateApplied: '656' },
      { ...transfer, deskOrganisationId: south, providerId: cheap.providerId, feePaid: '2', rateApplied: '656' },
    ]) {
      expect((await as(admin, 'POST', '/api/v1/remittances/transfers', body)).statusCode).toBe(201);
    }

    const response = await t.inject({ method: 'GET', url: '/api/v1/remittances/reports/savings', headers: { ...officer.headers, 'accept-language': 'fr' } });
    expect(response.statusCode, response.body).toBe(200);
    const report = SavingsReport.parse(response.json());
    expect(report.territories.map(({ code, name }) => [code, name])).toEqual([['SN-DB-BAM', 'Bambey'], ['SN-DB-DIO', 'Diourbel'], ['SN-DB-MBA', 'Mbacké']]);
    const bambey = report.territories.find((territory) => territory.code === 'SN-DB-BAM')!;
    expect(bambey.territoryId).toBe(territories['SN-DB-BAM']);
    expect(bambey.deskOrganisationIds.toSorted()).toEqual([north, south].toSorted());
    // North: cost 12.00, at the average 7.50, at the cheapest 2.00. South, twice: cost 2.00, 7.50, 2.00.
    expect(bambey.totals).toEqual([
      { currency: 'EUR', transfers: 3, amountSent: '600.00', cost: '16.00', costAtAverage: '22.50', costAtCheapest: '6.00', savedVersusAverage: '6.50', overpaidVersusCheapest: '10.00' },
    ]);
    expect(report.desks.find((desk) => desk.organisationId === south)).toMatchObject({ territoryId: territories['SN-DB-BAM'], totals: [{ transfers: 2, savedVersusAverage: '11.00' }] });

    // Each territory sums its desks, and the territories sum to the whole.
    const sum = (totals: SavingsReport['totals'][], field: 'transfers' | 'amountSent' | 'cost' | 'savedVersusAverage' | 'overpaidVersusCheapest') =>
      totals.flat().filter((entry) => entry.currency === 'EUR').reduce((acc, entry) => acc.plus(entry[field]), new Decimal(0)).toString();
    for (const territory of report.territories) {
      const desks = report.desks.filter((desk) => desk.territoryId === territory.territoryId);
      expect(desks.map((desk) => desk.organisationId).toSorted()).toEqual(territory.deskOrganisationIds.toSorted());
      for (const field of ['transfers', 'amountSent', 'cost', 'savedVersusAverage', 'overpaidVersusCheapest'] as const) {
        expect(sum([territory.totals], field)).toBe(sum(desks.map((desk) => desk.totals), field));
      }
    }
    for (const field of ['transfers', 'amountSent', 'savedVersusAverage'] as const) {
      expect(sum(report.territories.map((territory) => territory.totals), field)).toBe(sum([report.totals], field));
    }

    // In Arabic, the same territories by their Arabic names; a desk's staff see their own territory only.
    const arabic = SavingsReport.parse((await t.inject({ method: 'GET', url: '/api/v1/remittances/reports/savings', headers: { ...officer.headers, 'accept-language': 'ar' } })).json());
    expect(arabic.territories.find((territory) => territory.code === 'SN-DB-BAM')!.name).toBe('بامبي');
    const brussels = SavingsReport.parse((await as(coachBrussels, 'GET', '/api/v1/remittances/reports/savings')).json());
    expect(brussels.territories.map((territory) => territory.code)).toEqual(['BE-BRU']);
  });

  it('a provider’s staff report its products and prices, audited; other providers are not found; the cheapest change alerts followers', async () => {
    const mine = ProviderList.parse((await as(mfi, 'GET', '/api/v1/remittances/providers/mine')).json());
    expect(mine.items.map((provider) => provider.name)).toEqual(['Mutuelle d’épargne et de crédit du Baol']);
    const baol = mine.items[0]!.id;

    // Someone follows IT → SN before the change.
    expect((await as(coachVeneto, 'POST', '/api/v1/remittances/follows', { from: 'IT', to: 'SN' })).statusCode).toBe(201);

    const product = await as(mfi, 'POST', `/api/v1/remittances/providers/${baol}/products`, {
      name: 'Wallet payout', payIn: 'online', pickup: 'mobile_wallet', speed: 'less_than_one_hour', accessible: true,
    });
    expect(product.statusCode, product.body).toBe(201);
    const productId = ProductView.parse(product.json()).id;
    expect(await lastAudit()).toMatchObject({ action: 'remittance_product.created' });

    // No fee and a rate at the market: the family gets the most, this becomes the cheapest.
    const price = { productId, from: 'IT', to: 'SN', sendingCurrency: 'EUR', receivingCurrency: 'XOF', fee: { fixed: '0' }, rateOffered: '655.957', interbankRate: '655.957', observedOn: today };
    const reported = await as(mfi, 'POST', `/api/v1/remittances/providers/${baol}/prices`, price);
    expect(reported.statusCode, reported.body).toBe(201);
    expect(await lastAudit()).toMatchObject({ action: 'remittance_price.reported', details: { providerId: baol } });
    const { items } = RemittanceQuoteList.parse((await t.inject({ method: 'GET', url: '/api/v1/remittances/quotes?from=IT&to=SN&amount=300&currency=EUR' })).json());
    expect(items[0]).toMatchObject({ product: { name: 'Wallet payout' }, source: 'provider_self_report', totalCostPercent: 0, amountReceived: '196787' });

    const mail = await smtp.waitFor((m) => m.to.includes('coach.veneto@glocal.test'));
    expect(mail.subject).toBe('A cheaper way to send money from Italy to Senegal');
    expect(mail.text).toContain('Mutuelle d’épargne et de crédit du Baol (Wallet payout)');
    expect(mail.text).toContain('/send-money?from=IT&to=SN&amount=184.50&currency=EUR');
    // The same cheapest again: no second e-mail.
    await as(mfi, 'POST', `/api/v1/remittances/providers/${baol}/prices`, { ...price, fee: { fixed: '0' }, observedOn: today });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.messages.filter((m) => m.to.includes('coach.veneto@glocal.test'))).toHaveLength(1);

    // Another provider's prices: not found for the mutual's staff; no permission at all for a coach.
    expect((await as(mfi, 'POST', `/api/v1/remittances/providers/${ids['Teranga Transfert']}/prices`, price)).statusCode).toBe(404);
    expect((await as(coachVeneto, 'POST', `/api/v1/remittances/providers/${baol}/prices`, price)).statusCode).toBe(403);
    const badTiers = await as(mfi, 'POST', `/api/v1/remittances/providers/${baol}/prices`, { ...price, fee: { tiers: [{ upTo: '100', fixed: '1' }, { over: '50', fixed: '2' }] } });
    expect(Problem.parse(badTiers.json())).toMatchObject({ code: 'remittance.fee_invalid' });

    const follows = (await as(coachVeneto, 'GET', '/api/v1/remittances/follows')).json();
    expect(follows.items.map((f: { corridor: string }) => f.corridor)).toEqual(['IT-SN']);
    expect((await as(coachVeneto, 'DELETE', '/api/v1/remittances/follows/IT-SN')).statusCode).toBe(204);
    expect((await t.inject({ method: 'POST', url: '/api/v1/remittances/follows', payload: { from: 'IT', to: 'SN' } })).statusCode).toBe(401);
  });
  it('a provider’s staff change their own product, audited before and after; another provider’s product is not found; bad input answers 400 by field', async () => {
    const baol = ids['Mutuelle d’épargne et de crédit du Baol']!;
    const created = await as(mfi, 'POST', `/api/v1/remittances/providers/${baol}/products`, {
      name: 'Counter to counter', payIn: 'cash', pickup: 'cash_pickup', speed: 'two_days', accessible: true, coverageNote: 'Diourbel branches',
    });
    expect(created.statusCode, created.body).toBe(201);
    const product = ProductView.parse(created.json());
    const url = `/api/v1/remittances/providers/${baol}/products/${product.id}`;

    const changes = { name: 'Counter to counter (same day)', speed: 'same_day', accessible: false, feeChargedOnTop: true, coverageNote: null };
    const updated = await as(mfi, 'PATCH', url, changes);
    expect(updated.statusCode, updated.body).toBe(200);
    expect(ProductView.parse(updated.json())).toEqual({ ...product, ...changes });
    const stored = ProviderList.parse((await t.inject({ method: 'GET', url: '/api/v1/remittances/providers' })).json()).items.find((p) => p.id === baol)!.products.find((p) => p.id === product.id);
    expect(stored).toEqual({ ...product, ...changes });
    expect(await lastAudit()).toEqual({
      action: 'remittance_product.updated',
      organisationId: ProviderList.parse((await as(mfi, 'GET', '/api/v1/remittances/providers/mine')).json()).items[0]!.organisationId,
      details: {
        providerId: baol,
        changes: {
          name: { before: 'Counter to counter', after: 'Counter to counter (same day)' },
          speed: { before: 'two_days', after: 'same_day' },
          accessible: { before: true, after: false },
          feeChargedOnTop: { before: false, after: true },
          coverageNote: { before: 'Diourbel branches', after: null },
        },
      },
    });
    // One field alone: only it changes, only it is audited.
    expect(ProductView.parse((await as(mfi, 'PATCH', url, { pickup: 'mobile_wallet' })).json())).toMatchObject({ ...changes, pickup: 'mobile_wallet', payIn: 'cash' });
    expect((await lastAudit()).details.changes).toEqual({ pickup: { before: 'cash_pickup', after: 'mobile_wallet' } });

    // Another provider's product: not found, whether asked under the mutual or under its own provider; nothing changes.
    const teranga = ProviderList.parse((await t.inject({ method: 'GET', url: '/api/v1/remittances/providers' })).json()).items.find((p) => p.name === 'Teranga Transfert')!;
    const theirs = teranga.products[0]!;
    for (const path of [`/api/v1/remittances/providers/${baol}/products/${theirs.id}`, `/api/v1/remittances/providers/${teranga.id}/products/${theirs.id}`]) {
      const response = await as(mfi, 'PATCH', path, { name: 'Taken over' });
      expect(response.statusCode, path).toBe(404);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    }
    const after = ProviderList.parse((await t.inject({ method: 'GET', url: '/api/v1/remittances/providers' })).json()).items.find((p) => p.id === teranga.id)!;
    expect(after.products.find((p) => p.id === theirs.id)).toEqual(theirs);
    expect((await as(coachVeneto, 'PATCH', url, { name: 'Coach’s name' })).statusCode).toBe(403);
    expect((await t.inject({ method: 'PATCH', url, payload: { name: 'Anonymous' } })).statusCode).toBe(401);

    // Bad input: each field named; nothing to change; a name the provider already uses.
    const bad = await as(mfi, 'PATCH', url, { name: ' ', speed: 'by_pigeon', accessible: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(Problem.parse(bad.json())).toMatchObject({ code: 'validation_failed' });
    expect(Problem.parse(bad.json()).errors!.map((error) => error.pointer).toSorted()).toEqual(['/accessible', '/name', '/speed']);
    expect((await as(mfi, 'PATCH', url, {})).statusCode).toBe(400);
    const duplicate = await as(mfi, 'PATCH', url, { name: 'transfer to a member account' });
    expect(Problem.parse(duplicate.json())).toMatchObject({ code: 'validation_failed', errors: [{ pointer: '/name', code: 'duplicate' }] });
    // Its own name again, in other letters' case, is no duplicate.
    expect((await as(mfi, 'PATCH', url, { name: 'COUNTER TO COUNTER (SAME DAY)' })).statusCode).toBe(200);
  });

  it('a provider’s staff read the latest price of each product in each corridor, with its age, stale and dropped flags', async () => {
    const baol = ids['Mutuelle d’épargne et de crédit du Baol']!;
    const product = ProductView.parse(
      (await as(mfi, 'POST', `/api/v1/remittances/providers/${baol}/products`, { name: 'Old counter', payIn: 'cash', pickup: 'cash_pickup', speed: 'two_days', accessible: true })).json(),
    );
    const price = { productId: product.id, from: 'FR', to: 'ML', sendingCurrency: 'EUR', receivingCurrency: 'XOF', fee: { tiers: [{ upTo: '100', fixed: '3' }, { over: '100', percent: '2' }] }, rateOffered: null, interbankRate: '655.957' };
    expect((await as(mfi, 'POST', `/api/v1/remittances/providers/${baol}/prices`, { ...price, observedOn: daysAgo(200) })).statusCode).toBe(201);
    expect((await as(mfi, 'POST', `/api/v1/remittances/providers/${baol}/prices`, { ...price, to: 'SN', observedOn: daysAgo(120) })).statusCode).toBe(201);

    const response = await as(mfi, 'GET', `/api/v1/remittances/providers/${baol}/prices`);
    expect(response.statusCode, response.body).toBe(200);
    const { items } = ProviderPriceList.parse(response.json());
    const old = items.filter((item) => item.productId === product.id);
    expect(old.map(({ corridor, ageDays, stale, dropped, rateOffered, source }) => ({ corridor, ageDays, stale, dropped, rateOffered, source }))).toEqual([
      { corridor: 'FR-ML', ageDays: 200, stale: true, dropped: true, rateOffered: null, source: 'provider_self_report' },
      { corridor: 'FR-SN', ageDays: 120, stale: true, dropped: false, rateOffered: null, source: 'provider_self_report' },
    ]);
    expect(old[0]!.fee).toEqual(price.fee);
    // The demo product's latest price in each of its corridors: ten days old, in the rankings.
    const member = ProviderList.parse((await as(mfi, 'GET', '/api/v1/remittances/providers/mine')).json()).items[0]!.products.find((p) => p.name === 'Transfer to a member account')!;
    expect(items.filter((item) => item.productId === member.id).map((item) => [item.corridor, item.ageDays, item.stale, item.dropped])).toEqual([
      ['BE-SN', 10, false, false], ['IT-SN', 10, false, false],
    ]);

    expect((await as(mfi, 'GET', `/api/v1/remittances/providers/${ids['Teranga Transfert']}/prices`)).statusCode).toBe(404);
    expect((await as(coachVeneto, 'GET', `/api/v1/remittances/providers/${baol}/prices`)).statusCode).toBe(403);
  });
});
