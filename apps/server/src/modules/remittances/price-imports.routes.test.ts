import fs from 'node:fs';
import path from 'node:path';
import { CorridorStats, Problem, RemittanceImportReport, RemittanceQuoteList } from '@glocal/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { signIn, type Session } from '../../../test/sign-in.js';
import { addDays } from './remittances.service.js';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'testing', name), 'utf8');

describe('price imports (RPW dataset and desk surveys)', () => {
  let t: TestApp;
  let officer: Session;
  let coach: Session;
  const countPrices = async () => Number((await sql<{ n: number }>`select count(*)::int as n from remittance_price where period like '2011-%'`.execute(t.db)).rows[0]!.n);
  const upload = (csv: string, query: string, session: Session = officer) =>
    t.inject({ method: 'POST', url: `/api/v1/remittances/imports?${query}`, headers: { ...session.headers, 'content-type': 'text/csv' }, payload: csv });

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.db);
    [officer, coach] = await Promise.all([signIn(t, 'officer.diourbel@glocal.test'), signIn(t, 'coach.diourbel@glocal.test')]);
  });
  afterAll(() => t.close());

  it('imports an RPW file and reproduces the averages worked out by hand', async () => {
    const response = await upload(fixture('rpw-sample.csv'), 'format=rpw&fileName=rpw-sample.csv');
    expect(response.statusCode, response.body).toBe(200);
    // 7 rows, each priced at USD 200 and USD 500: 14 observations.
    expect(RemittanceImportReport.parse(response.json())).toMatchObject({ rowsTotal: 7, rowsImported: 14, rowsUnchanged: 0, rowsRejected: 0, errors: [] });

    // 2011 Q1, EUR 150 and 375, interbank 656. Total cost at USD 200: Banca Uno 12/150 = 8 % + (1 − 649.44/656) = 1 % → 9 %;
    // Transfer Due 4 % + 2 % = 6 %; Posta Tre 2 % + 0 = 2 %; Fintech Quattro 0 − 1 % = −1 %; Banca Cinque non-transparent.
    // Mean (9 + 6 + 2 − 1) / 4 = 4 %. At USD 500: 4 + 1, 2 + 2, 1 + 0, −1 → 9 / 4 = 2.25 %.
    // SmaRT: all four take 5 days or less; the three cheapest −1, 2, 6 → 7 / 3 = 2.333333 %.
    const q1 = CorridorStats.parse((await t.inject({ method: 'GET', url: '/api/v1/remittances/corridors/IT-SN/stats?period=2011-Q1' })).json());
    expect(q1).toEqual({
      corridor: 'IT-SN', period: '2011-Q1', sendingCurrency: 'EUR', standardAmounts: { usd200: '150', usd500: '375' },
      services: 5, transparentServices: 4, averageTotalCost: { usd200: 4, usd500: 2.25 }, smart: 2.333333, smartIncomplete: false,
      sdg: { averageBelow3Percent: false, corridorAbove5Percent: false },
    });
    // Q2: Banca Uno 9/150 = 6 % + 1 % = 7 %, Transfer Due 6 % → 6.5 %, above the 5 % ceiling. USD 500: 3 + 1 and 4 → 4 %.
    const q2 = CorridorStats.parse((await t.inject({ method: 'GET', url: '/api/v1/remittances/corridors/IT-SN/stats?period=2011-Q2' })).json());
    expect(q2).toMatchObject({ services: 2, averageTotalCost: { usd200: 6.5, usd500: 4 }, smart: 6.5, smartIncomplete: true, sdg: { corridorAbove5Percent: true } });

    const products = await sql<{ provider: string; type: string; speed: string; pickup: string; receivingCurrency: string }>`
      select pv.name as provider, pv.type, pr.speed, pr.pickup, min(p.receiving_currency) as receiving_currency
      from remittance_price p join remittance_product pr on pr.id = p.product_id join remittance_provider pv on pv.id = pr.provider_id
      where p.period = '2011-Q1' group by pv.name, pv.type, pr.speed, pr.pickup order by pv.name`.execute(t.db);
    expect(products.rows).toEqual([
      { provider: 'Banca Cinque', type: 'bank', speed: 'next_day', pickup: 'cash_pickup', receivingCurrency: 'XOF' },
      { provider: 'Banca Uno', type: 'bank', speed: 'next_day', pickup: 'account', receivingCurrency: 'XOF' },
      { provider: 'Fintech Quattro', type: 'fintech', speed: 'same_day', pickup: 'mobile_wallet', receivingCurrency: 'XOF' },
      { provider: 'Posta Tre', type: 'post_office', speed: 'three_to_five_days', pickup: 'cash_pickup', receivingCurrency: 'XOF' },
      { provider: 'Transfer Due', type: 'money_transfer_operator', speed: 'less_than_one_hour', pickup: 'cash_pickup', receivingCurrency: 'XOF' },
    ]);
    const audit = await sql<{ action: string; details: any }>`select action, details from audit_event order by seq desc limit 1`.execute(t.db);
    expect(audit.rows[0]).toMatchObject({ action: 'remittance_prices.imported', details: { format: 'rpw', rowsImported: 14 } });
  });

  it('importing the same file again changes nothing', async () => {
    const before = await countPrices();
    const again = RemittanceImportReport.parse((await upload(fixture('rpw-sample.csv'), 'format=rpw')).json());
    expect(again).toMatchObject({ rowsImported: 0, rowsUnchanged: 14 });
    expect(await countPrices()).toBe(before);
  });

  it('a file mixing stored rows with new ones, in a quarter held before and in a new one, stores only the new', async () => {
    const [header, ...rows] = fixture('rpw-sample.csv').trim().split('\n');
    const before = await countPrices();
    // The sample's first row again (2011 Q1, stored above), the same service in 2011 Q4 (new), and the same one priced differently in Q1 (new).
    const mixed = [header, rows[0]!, rows[0]!.replace('2011_1Q', '2011_4Q'), rows[0]!.replace('Banca Uno', 'Banca Nuova')].join('\n');
    const report = RemittanceImportReport.parse((await upload(mixed, 'format=rpw')).json());
    expect(report).toMatchObject({ rowsTotal: 3, rowsImported: 4, rowsUnchanged: 2, rowsRejected: 0 });
    expect(await countPrices()).toBe(before + 4);
    const again = RemittanceImportReport.parse((await upload(mixed, 'format=rpw')).json());
    expect(again).toMatchObject({ rowsImported: 0, rowsUnchanged: 6 });
  });

  it('reads a large file in slices and batches: quoted line ends, a row repeated far apart stored once', async () => {
    const [header, first] = fixture('rpw-sample.csv').split('\n');
    // 12,000 services: 250 firms over 48 quarters of 2013–2024, more than two batches and many slices.
    const rows = Array.from({ length: 12_000 }, (_, n) =>
      first!
        .replace('2011_1Q', `${2013 + Math.floor(n / 1000)}_${1 + (Math.floor(n / 250) % 4)}Q`)
        .replace('Banca Uno', n % 1000 === 0 ? `"Banca ${n},\nmultiline"` : `Banca ${n % 250}`));
    rows.push(rows[3]!, rows[11_000]!); // repeated: once in its own batch, once in a later one
    const response = await upload([header, ...rows].join('\n'), 'format=rpw');
    expect(response.statusCode, response.body).toBe(200);
    expect(RemittanceImportReport.parse(response.json())).toMatchObject({ rowsTotal: 12_002, rowsImported: 24_000, rowsUnchanged: 4, rowsRejected: 0 });
    const { rows: stored } = await sql<{ n: number; firms: number; multiline: number }>`
      select count(*)::int as n, count(distinct pv.name)::int as firms, count(*) filter (where pv.name like '%' || chr(10) || 'multiline')::int as multiline
      from remittance_price p join remittance_product pr on pr.id = p.product_id join remittance_provider pv on pv.id = pr.provider_id
      where p.period between '2013' and '2025'`.execute(t.db);
    expect(stored[0]).toEqual({ n: 24_000, firms: 262, multiline: 24 });
  });

  it('refuses a messy file whole, naming each bad row and why; with validOnly imports the good rows', async () => {
    const before = await countPrices();
    const response = await upload(fixture('rpw-messy.csv').replaceAll('2011_1Q', '2011_3Q'), 'format=rpw');
    expect(response.statusCode).toBe(400);
    const problem = Problem.parse(response.json());
    expect(problem).toMatchObject({ code: 'remittance.import_rejected', params: { rowsTotal: 6, rowsRejected: 5 } });
    expect(problem.errors!.map((error) => [error.pointer, error.code])).toEqual([
      ['/rows/3/cc1 total cost %', 'total_cost_mismatch'], // stated 7.5 % against 4 % + 2 % recomputed
      ['/rows/4/source code', 'unknown_country'],
      ['/rows/5/period', 'period_invalid'],
      ['/rows/6/inter lcu bank fx', 'not_positive'], // a rate of zero
      ['/rows/7/cc1 lcu fee', 'not_a_number'],
    ]);
    expect(await countPrices()).toBe(before);

    const partial = await upload(fixture('rpw-messy.csv').replaceAll('2011_1Q', '2011_3Q'), 'format=rpw&validOnly=true');
    expect(partial.statusCode, partial.body).toBe(200);
    expect(RemittanceImportReport.parse(partial.json())).toMatchObject({ rowsTotal: 6, rowsImported: 2, rowsRejected: 5 });
    expect(await countPrices()).toBe(before + 2);
  });

  it.each([
    ['an empty file', '', 'remittance.import_empty'],
    ['a header without rows', `${fixture('rpw-sample.csv').split('\n')[0]}\n`, 'remittance.import_empty'],
    ['a file with the wrong columns', 'name,amount\nfoo,12\n', 'remittance.import_columns'],
    ['a file that is not CSV past its header', `${fixture('rpw-sample.csv').split('\n')[0]}\n2011_1Q,"unclosed\n`, 'remittance.import_rejected'],
  ])('refuses %s with a clear 400', async (_label, csv, code) => {
    const response = await upload(csv, 'format=rpw');
    expect(response.statusCode, response.body).toBe(400);
    expect(Problem.parse(response.json()).code).toBe(code);
  });

  it('reads our desk-survey format: tiers on rows of their own, an undisclosed rate as non-transparent', async () => {
    const observedOn = addDays(new Date().toISOString().slice(0, 10), -3);
    const csv = [
      'Provider,Provider_Type,Product,Pay_In,Pickup,Speed,Accessible,Fee_Charged_On_Top,From,To,Sending_Currency,Receiving_Currency,Observed_On,Tier_Over,Tier_Up_To,Fee_Fixed,Fee_Percent,Rate_Offered,Interbank_Rate,Coverage_Note',
      `Survey MTO,money_transfer_operator,Cash to cash,cash,cash_pickup,less_than_one_hour,yes,no,DE,GH,EUR,GHS,${observedOn},,100,4,,15.5,16,"Agents in every district"`,
      `Survey MTO,money_transfer_operator,Cash to cash,cash,cash_pickup,less_than_one_hour,yes,no,DE,GH,EUR,GHS,${observedOn},100,1000,6,0.5,15.5,16,`,
      `Survey Bank,bank,Account,account,account,two_days,no,no,DE,GH,EUR,GHS,${observedOn},,,8,,,16,`,
    ].join('\n');
    const report = RemittanceImportReport.parse((await upload(csv, 'format=survey')).json());
    expect(report).toMatchObject({ rowsTotal: 3, rowsImported: 2, rowsRejected: 0 });
    const { items } = RemittanceQuoteList.parse((await t.inject({ method: 'GET', url: '/api/v1/remittances/quotes?from=DE&to=GH&amount=200&currency=EUR' })).json());
    // 200 is in the second tier: 6 + 0.5 % × 200 = 7; (200 − 7) × 15.5 = 2991.50.
    expect(items.map((item) => [item.provider.name, item.fee, item.amountReceived, item.source])).toEqual([
      ['Survey MTO', '7.00', '2991.50', 'desk_survey'],
      ['Survey Bank', '8.00', null, 'desk_survey'],
    ]);
    expect(items[0]!.product.coverageNote).toBe('Agents in every district');
    const bad = await upload(csv.replace('cash_pickup,less_than_one_hour,yes,no,DE,GH,EUR,GHS', 'teleport,less_than_one_hour,yes,no,DE,GH,EUR,GHS'), 'format=survey');
    expect(Problem.parse(bad.json()).errors![0]).toMatchObject({ pointer: '/rows/2/pickup', code: 'not_one_of' });
  });

  it('is for territory officers: a coach gets 403 and nothing is written', async () => {
    const before = await countPrices();
    const response = await upload(fixture('rpw-sample.csv').replaceAll('2011_', '2012_'), 'format=rpw', coach);
    expect(response.statusCode).toBe(403);
    expect(await countPrices()).toBe(before);
  });
});
