import { CorridorStats } from '@glocal/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { addPrice } from './remittances.fixtures.js';
import { remittancesRepository } from './remittances.repository.js';

// Only EUR-based reference rates, as the ECB publishes them: EUR → USD 1.0840, EUR → GBP 0.85 (2025-03-31).
// USD → EUR = 1 / 1.084: USD 200 = 184.501845… → EUR 184.50; USD 500 = 461.254612… → EUR 461.25.
// USD → GBP = 0.85 / 1.084 = 0.784132841…: USD 200 = 156.826568… → GBP 156.83; USD 500 = 392.066420… → GBP 392.07.
describe('corridor statistics from EUR-based reference rates', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
    const repository = remittancesRepository(t.db);
    for (const [quote, rate] of [['USD', '1.0840'], ['GBP', '0.85']] as const) {
      await repository.upsertReferenceRate({ baseCurrency: 'EUR', quoteCurrency: quote, rateDate: '2025-03-31', rate, source: 'ECB' });
    }
    // A rate published after the quarter: not read for it.
    await repository.upsertReferenceRate({ baseCurrency: 'EUR', quoteCurrency: 'USD', rateDate: '2025-04-01', rate: '2', source: 'ECB' });
    // FR → SN: fee 5 and a 1 % margin (649.44 against 656).
    await addPrice(t.db, { corridor: 'FR-SN', currencies: 'EUR/XOF', interbankRate: '656', provider: 'Franco', fee: { fixed: '5' }, rateOffered: '649.44', observedOn: '2025-02-10' });
    // GB → SN: fee 4, no margin.
    await addPrice(t.db, { corridor: 'GB-SN', currencies: 'GBP/XOF', interbankRate: '770', provider: 'Londres', fee: { fixed: '4' }, rateOffered: '770', observedOn: '2025-02-10' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads USD → EUR as the inverse of EUR → USD', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/remittances/corridors/FR-SN/stats?period=2025-Q1' });
    expect(response.statusCode, response.body).toBe(200);
    // 5 / 184.50 × 100 + 1 = 3.710027…; 5 / 461.25 × 100 + 1 = 2.084010…
    expect(CorridorStats.parse(response.json())).toMatchObject({
      standardAmounts: { usd200: '184.50', usd500: '461.25' }, averageTotalCost: { usd200: 3.710027, usd500: 2.084011 }, sdg: { averageBelow3Percent: false },
    });
  });

  it('reads USD → GBP as a cross rate through EUR', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/remittances/corridors/GB-SN/stats?period=2025-Q1' });
    expect(response.statusCode, response.body).toBe(200);
    // 4 / 156.83 × 100 = 2.550532…; 4 / 392.07 × 100 = 1.020226…
    expect(CorridorStats.parse(response.json())).toMatchObject({
      standardAmounts: { usd200: '156.83', usd500: '392.07' }, averageTotalCost: { usd200: 2.550532, usd500: 1.020226 },
    });
  });

  it('leaves the standard amounts unknown when no rate leads to the sending currency', async () => {
    await addPrice(t.db, { corridor: 'CH-SN', currencies: 'CHF/XOF', interbankRate: '700', provider: 'Zurich', fee: { fixed: '4' }, rateOffered: '700', observedOn: '2025-02-10' });
    const stats = CorridorStats.parse((await t.inject({ method: 'GET', url: '/api/v1/remittances/corridors/CH-SN/stats?period=2025-Q1' })).json());
    expect(stats).toMatchObject({ standardAmounts: { usd200: null, usd500: null }, averageTotalCost: { usd200: null, usd500: null } });
  });
});
