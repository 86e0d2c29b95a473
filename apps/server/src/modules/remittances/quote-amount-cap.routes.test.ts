import { Problem, RemittanceQuoteList } from '@glocal/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { addPrice } from './remittances.fixtures.js';
import { remittancesRepository } from './remittances.repository.js';
import { addDays } from './remittances.service.js';

const today = new Date().toISOString().slice(0, 10);

describe('the largest amount a quote takes depends on the currency', () => {
  let t: TestApp;
  const quote = (query: string) => t.inject({ method: 'GET', url: `/api/v1/remittances/quotes?${query}` });
  const refusal = async (query: string) => {
    const response = await quote(query);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    return Problem.parse(response.json());
  };

  beforeAll(async () => {
    t = await buildTestApp();
    // SN → FR: XOF sent, EUR received (interbank 0.0016 EUR per XOF, 625 XOF per EUR); IT → SN the other way (656 XOF per EUR).
    await addPrice(t.db, { corridor: 'SN-FR', currencies: 'XOF/EUR', interbankRate: '0.0016', provider: 'Wari Test', fee: { fixed: '2000' }, rateOffered: '0.0015', observedOn: addDays(today, -3) });
    await addPrice(t.db, { corridor: 'IT-SN', currencies: 'EUR/XOF', interbankRate: '656', provider: 'Banca Test', fee: { fixed: '5' }, rateOffered: '650', observedOn: addDays(today, -3) });
  });
  afterAll(() => t.close());

  it('takes XOF 1,500,000 (about EUR 2,300) sent from Senegal, and received in Senegal', async () => {
    const sent = await quote('from=SN&to=FR&amount=1500000&currency=XOF');
    expect(sent.statusCode, sent.body).toBe(200);
    // (1 500 000 − 2 000) × 0.0015 = 2 247.00.
    expect(RemittanceQuoteList.parse(sent.json()).items.map((item) => [item.amountSent, item.fee, item.amountReceived])).toEqual([['1500000', '2000', '2247.00']]);

    const received = await quote('from=IT&to=SN&amount=1500000&currency=XOF');
    expect(received.statusCode, received.body).toBe(200);
    // The least x with (x − 5) × 650 ≥ 1 500 000: 2 312.69… rounded up to 2 312.70, delivering 2 307.70 × 650 = 1 500 005.
    expect(RemittanceQuoteList.parse(received.json()).items.map((item) => [item.amountSent, item.amountReceived])).toEqual([['2312.70', '1500005']]);
  });

  it('without reference rates, caps at 1,000,000 units of the corridor’s stronger currency, at the interbank rate', async () => {
    // 1 000 000 EUR = 625 000 000 XOF at 0.0016 EUR per XOF.
    expect((await quote('from=SN&to=FR&amount=625000000&currency=XOF')).statusCode).toBe(200);
    const absurd = await refusal('from=SN&to=FR&amount=900000000000&currency=XOF');
    expect(absurd).toMatchObject({ code: 'remittance.amount_too_large', params: { maximum: '625000000', currency: 'XOF' } });
    expect(absurd.errors).toEqual([{ pointer: '/amount', in: 'querystring', code: 'too_big', params: { maximum: '625000000', currency: 'XOF' } }]);
    // EUR is the stronger currency: 1 000 000 at most.
    expect((await quote('from=IT&to=SN&amount=1000000&currency=EUR')).statusCode).toBe(200);
    expect(await refusal('from=IT&to=SN&amount=1000000.01&currency=EUR')).toMatchObject({ code: 'remittance.amount_too_large', params: { maximum: '1000000' } });
    // No price in the corridor, no rate: 1 000 000 of any currency.
    expect(await refusal('from=DE&to=SN&amount=2000000&currency=XOF')).toMatchObject({ code: 'remittance.amount_too_large', params: { maximum: '1000000' } });
  });

  it('with a USD reference rate, caps at the equivalent of USD 1,000,000, directly or through the interbank rate', async () => {
    // USD 1 = EUR 0.9: through IT → SN's interbank rate, USD 1 000 000 = EUR 900 000 = XOF 590 400 000 (but never below 1 000 000 units).
    await remittancesRepository(t.db).upsertReferenceRate({ baseCurrency: 'USD', quoteCurrency: 'EUR', rateDate: addDays(today, -30), rate: '0.9', source: 'test' });
    expect(await refusal('from=IT&to=SN&amount=600000000&currency=XOF')).toMatchObject({ params: { maximum: '590400000', currency: 'XOF' } });
    expect(await refusal('from=IT&to=SN&amount=1000001&currency=EUR')).toMatchObject({ params: { maximum: '1000000', currency: 'EUR' } });
    // USD 1 = XOF 600: USD 1 000 000 = XOF 600 000 000, whatever the corridor.
    await remittancesRepository(t.db).upsertReferenceRate({ baseCurrency: 'USD', quoteCurrency: 'XOF', rateDate: addDays(today, -30), rate: '600', source: 'test' });
    expect(await refusal('from=SN&to=FR&amount=600000001&currency=XOF')).toMatchObject({ params: { maximum: '600000000' } });
    expect((await quote('from=SN&to=FR&amount=600000000&currency=XOF')).statusCode).toBe(200);
    expect((await quote('from=DE&to=SN&amount=2000000&currency=XOF')).statusCode).toBe(200);
    expect((await quote('from=SN&to=FR&amount=1500000&currency=XOF')).statusCode).toBe(200);
  });
});
