import { RemittanceQuoteList } from '@glocal/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';

describe('remittance demo data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.db);
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives each demo corridor twelve distinct providers of several kinds, every price flagged illustrative', async () => {
    const { rows } = await sql<{ corridor: string; providers: number; types: number; illustrative: boolean }>`
      select p.sending_country || '-' || p.receiving_country as corridor, count(distinct pr.provider_id)::int as providers,
             count(distinct pv.type)::int as types, bool_and(p.illustrative) as illustrative
      from remittance_price p join remittance_product pr on pr.id = p.product_id join remittance_provider pv on pv.id = pr.provider_id
      group by 1 order by 1`.execute(t.db);
    expect(rows).toEqual(
      ['BE-SN', 'ES-EC', 'FR-ML', 'IT-MA', 'IT-SN'].map((corridor) => ({ corridor, providers: 12, types: expect.any(Number), illustrative: true })),
    );
    for (const row of rows) expect(row.types, row.corridor).toBeGreaterThanOrEqual(5);
  });

  it('quotes the fee-on-top product as it defines it: the sender pays amount + fee, the whole amount is converted', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/remittances/quotes?from=IT&to=SN&amount=300&currency=EUR' });
    expect(response.statusCode, response.body).toBe(200);
    const { items } = RemittanceQuoteList.parse(response.json());
    const onTop = items.find((item) => item.provider.name === 'DiasporaLink')!;
    // Rate: 655.957 × (1 − 0.8 %) = 650.709344 → 650.709 (3 decimals, half-even).
    // Received: 300 × 650.709 = 195,212.7 → XOF 195,213 (not (300 − 2.99) × 650.709 = 193,267).
    // Total cost: 2.99 / 300 × 100 + (1 − 650.709 / 655.957) × 100 = 0.996667 + 0.800052 = 1.796719 %.
    expect(onTop).toMatchObject({
      feeChargedOnTop: true, fee: '2.99', amountSent: '300.00', senderPays: '302.99', exchangeRate: '650.709', amountReceived: '195213',
      fxMarginPercent: 0.800052, totalCostPercent: 1.796719, illustrative: true,
    });
    // The deducted fees: what is converted is the amount less the fee (Kora Pay: (300 − 0.99) × 650.053 = 194,372.35 → 194,372).
    expect(items.find((item) => item.provider.name === 'Kora Pay')).toMatchObject({ feeChargedOnTop: false, senderPays: '300.00', amountReceived: '194372' });
  });

  it('names where the family collects the money: the demo directory’s agencies and branches in Diourbel, in the reader’s language', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/remittances/quotes?from=BE&to=SN&amount=300&currency=EUR', headers: { 'accept-language': 'fr' } });
    const { items } = RemittanceQuoteList.parse(response.json());
    const cash = items.find((item) => item.provider.name === 'Teranga Transfert' && item.product.name === 'Cash to cash')!;
    expect(cash.pickupPoints.map((point) => point.name)).toEqual([
      'Envoi d’argent vers le Sénégal – Diourbel', 'Envoi d’argent vers le Sénégal – Mbacké', 'Envoi d’argent vers le Sénégal – Touba',
    ]);
    const mutual = items.find((item) => item.provider.name === 'Mutuelle d’épargne et de crédit du Baol')!;
    expect(mutual.pickupPoints).toHaveLength(4);
    expect(items.find((item) => item.provider.name === 'Kora Pay')!.pickupPoints).toEqual([]);
    // The same product sold towards Mali: its Senegalese agencies are no pickup points there.
    const mali = RemittanceQuoteList.parse((await t.inject({ method: 'GET', url: '/api/v1/remittances/quotes?from=FR&to=ML&amount=300&currency=EUR' })).json());
    expect(mali.items.find((item) => item.provider.name === 'Teranga Transfert' && item.product.name === 'Cash to cash')!.pickupPoints).toEqual([]);
  });
});
