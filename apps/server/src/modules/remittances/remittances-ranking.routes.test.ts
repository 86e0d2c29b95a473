import { RemittanceQuoteList } from '@glocal/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { addPrice } from './remittances.fixtures.js';
import { addDays } from './remittances.service.js';

const today = new Date().toISOString().slice(0, 10);
const deSn = { corridor: 'DE-SN', currencies: 'EUR/XOF', interbankRate: '656', observedOn: addDays(today, -2) } as const;

describe('ranking quotes when a fee is charged on top', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
    // For EUR 200, interbank 656:
    // Dear on top: fee 20 on top, rate 656: the family gets 200 × 656 = 131,200; the sender pays 220.
    // Cheap:       fee 2 deducted, rate 649.44: (200 − 2) × 649.44 = 128,589.12 → 128,589; pays 200.
    // Tie on top:  fee 50 on top, rate 656: 131,200 too, for 250 paid: after Dear on top.
    // Tie deducted: fee 40 deducted, rate 656: (200 − 40) × 656 = 104,960 for 200 paid.
    await addPrice(t.db, { ...deSn, provider: 'Dear On Top', feeChargedOnTop: true, fee: { fixed: '20' }, rateOffered: '656' });
    await addPrice(t.db, { ...deSn, provider: 'Cheap Deducted', fee: { fixed: '2' }, rateOffered: '649.44' });
    await addPrice(t.db, { ...deSn, provider: 'Tie On Top', feeChargedOnTop: true, fee: { fixed: '50' }, rateOffered: '656' });
    await addPrice(t.db, { ...deSn, provider: 'Tie Deducted', fee: { fixed: '40' }, rateOffered: '656' });
    await addPrice(t.db, { ...deSn, provider: 'Hidden Rate', fee: { fixed: '1' }, rateOffered: null });
  });
  afterAll(async () => {
    await t.close();
  });

  it('ranks by what the family receives for the amount sent; equal amounts, the sender paying least (fee on top included) first; undisclosed rates last', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/remittances/quotes?from=DE&to=SN&amount=200&currency=EUR' });
    expect(response.statusCode, response.body).toBe(200);
    const { items } = RemittanceQuoteList.parse(response.json());
    expect(items.map((item) => [item.provider.name, item.senderPays, item.amountReceived, item.totalCostPercent])).toEqual([
      ['Dear On Top', '220.00', '131200', 10],
      ['Tie On Top', '250.00', '131200', 25],
      ['Cheap Deducted', '200.00', '128589', 2],
      ['Tie Deducted', '200.00', '104960', 20],
      ['Hidden Rate', '200.00', null, null],
    ]);
  });

  it('in the receiving currency, every option delivering the amount, ranks by what the sender pays, the fee on top included', async () => {
    // XOF 131,200: Cheap Deducted sends 131,200 / 649.44 + 2 = 204.0209… → 204.03 (pays 204.03, gets 131,200.2 → 131,200);
    // Dear On Top sends 200, pays 220; Tie Deducted sends 131,200 / 656 + 40 = 240, pays 240; Tie On Top pays 250.
    const response = await t.inject({ method: 'GET', url: '/api/v1/remittances/quotes?from=DE&to=SN&amount=131200&currency=XOF' });
    expect(response.statusCode, response.body).toBe(200);
    const { items } = RemittanceQuoteList.parse(response.json());
    expect(items.map((item) => [item.provider.name, item.senderPays])).toEqual([
      ['Cheap Deducted', '204.03'], ['Dear On Top', '220.00'], ['Tie Deducted', '240.00'], ['Tie On Top', '250.00'], ['Hidden Rate', '201.00'],
    ]);
  });
});
