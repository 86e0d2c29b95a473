import { CorridorReport } from '@glocal/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { signIn, type Session } from '../../../test/sign-in.js';
import { addPrice } from './remittances.fixtures.js';

// DE → SN, interbank 656, every service observed at EUR 200 (its USD 200 point, as RPW rows are):
// 2025-Q1: Bank A fee 10 at 656 → 5 %; Bank B fee 4 at 649.44 → 2 + 1 = 3 %; MTO C undisclosed rate.
//          Banks: 2 services, (5 + 3) / 2 = 4 %; MTOs: 1 service, no average.
// 2025-Q2: Bank A fee 6 at 656 → 3 %; Fintech D fee 1 at 652.72 → 0.5 + 0.5 = 1 %.
//          Banks: 1 service, 3 %; fintechs: 1 service, 1 %.
const deSn = { corridor: 'DE-SN', currencies: 'EUR/XOF', interbankRate: '656', amount: '200', standardAmount: 'usd200', source: 'import' } as const;

describe('corridor report by provider type, every quarter', () => {
  let t: TestApp;
  let officer: Session;
  let mfi: Session;

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.db);
    [officer, mfi] = await Promise.all([signIn(t, 'officer.diourbel@glocal.test'), signIn(t, 'mfi.diourbel@glocal.test')]) as [Session, Session];
    const q1 = { ...deSn, observedOn: '2025-02-15' };
    const q2 = { ...deSn, observedOn: '2025-05-15' };
    await addPrice(t.db, { ...q1, provider: 'Bank A', providerType: 'bank', fee: { fixed: '10' }, rateOffered: '656' });
    await addPrice(t.db, { ...q1, provider: 'Bank B', providerType: 'bank', fee: { fixed: '4' }, rateOffered: '649.44' });
    await addPrice(t.db, { ...q1, provider: 'MTO C', providerType: 'money_transfer_operator', fee: { fixed: '2' }, rateOffered: null });
    await addPrice(t.db, { ...q2, provider: 'Bank A', providerType: 'bank', fee: { fixed: '6' }, rateOffered: '656' });
    await addPrice(t.db, { ...q2, provider: 'Fintech D', providerType: 'fintech', fee: { fixed: '1' }, rateOffered: '652.72' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives each quarter its own breakdown by provider type, the latest also at the top', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/remittances/reports/corridors/DE-SN', headers: officer.headers });
    expect(response.statusCode, response.body).toBe(200);
    const report = CorridorReport.parse(response.json());
    expect(report.quarters.map(({ period, averageTotalCost, byProviderType }) => ({ period, usd200: averageTotalCost.usd200, byProviderType }))).toEqual([
      {
        period: '2025-Q1', usd200: 4,
        byProviderType: [
          { providerType: 'bank', services: 2, averageTotalCostUsd200: 4 },
          { providerType: 'money_transfer_operator', services: 1, averageTotalCostUsd200: null },
        ],
      },
      {
        period: '2025-Q2', usd200: 2,
        byProviderType: [
          { providerType: 'bank', services: 1, averageTotalCostUsd200: 3 },
          { providerType: 'fintech', services: 1, averageTotalCostUsd200: 1 },
        ],
      },
    ]);
    expect(report.byProviderType).toEqual(report.quarters.at(-1)!.byProviderType);
  });

  it('adds the breakdown to the CSV: two columns per provider type, all six in a fixed order', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/remittances/reports/corridors/DE-SN/csv', headers: officer.headers });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    const [header, ...rows] = response.body.trim().split('\n');
    const types = ['bank', 'money_transfer_operator', 'post_office', 'mobile_operator', 'credit_union_or_mfi', 'fintech'];
    expect(header).toBe(
      [
        'corridor,period,sending_currency,services,transparent_services,usd200_amount,usd500_amount,average_total_cost_usd200,average_total_cost_usd500',
        'smart,average_below_3_percent,corridor_above_5_percent',
        ...types.map((type) => `${type}_services,${type}_average_total_cost_usd200`),
      ].join(','),
    );
    const byType = (line: string) => line.split(',').slice(12);
    expect(rows.map(byType)).toEqual([
      ['2', '4', '1', '', '0', '', '0', '', '0', '', '0', ''],
      ['1', '3', '0', '', '0', '', '0', '', '0', '', '1', '1'],
    ]);
    expect(rows.map((line) => line.split(',').slice(0, 5))).toEqual([
      ['DE-SN', '2025-Q1', 'EUR', '3', '2'],
      ['DE-SN', '2025-Q2', 'EUR', '2', '2'],
    ]);
  });

  it('answers 403 to a provider’s staff (no report permission), 401 to visitors', async () => {
    expect((await t.inject({ method: 'GET', url: '/api/v1/remittances/reports/corridors/DE-SN/csv' })).statusCode).toBe(401);
    const denied = await t.inject({ method: 'GET', url: '/api/v1/remittances/reports/corridors/DE-SN/csv', headers: mfi.headers });
    expect(denied.statusCode).toBe(403);
    expect(denied.headers['content-type']).toMatch(/problem\+json/);
  });
});
