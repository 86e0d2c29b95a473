import { CorridorHistory, CorridorList, CorridorStats, Problem, RemittanceQuoteList } from '@glocal/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { addPrice, type PriceFixture } from './remittances.fixtures.js';
import { remittancesRepository } from './remittances.repository.js';
import { addDays } from './remittances.service.js';

// Hand-computed figures: interbank 656 XOF per EUR, so margin = (1 − rate / 656) × 100:
// rate 650 → 0.914634146…, 640 → 2.439024390…, 660 → −0.609756097…, 630 → 3.963414634…, 655 → 0.152439024…
const today = new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => addDays(today, -n);
const itSn = { corridor: 'IT-SN', currencies: 'EUR/XOF', interbankRate: '656' } as const;

describe('remittance quotes and corridor statistics', () => {
  let t: TestApp;
  const get = async (url: string) => t.inject({ method: 'GET', url });

  beforeAll(async () => {
    t = await buildTestApp();
    const prices: PriceFixture[] = [
      // A: tiered fee; an older observation with another fee must not count.
      { ...itSn, provider: 'Banca A', providerType: 'bank', product: 'Bonifico', payIn: 'account', pickup: 'account', speed: 'next_day',
        fee: { fixed: '20' }, rateOffered: '650', observedOn: daysAgo(30) },
      { ...itSn, provider: 'Banca A', product: 'Bonifico', fee: { tiers: [{ upTo: '100', fixed: '5' }, { over: '100', upTo: '1000', fixed: '8' }] },
        rateOffered: '650', observedOn: daysAgo(5) },
      // B: percentage fee.
      { ...itSn, provider: 'Transfert B', product: 'Cash', speed: 'less_than_one_hour', fee: { percent: '1' }, rateOffered: '640', observedOn: daysAgo(3) },
      // C: zero fee and a rate better than the market: a negative margin, and no warning.
      { ...itSn, provider: 'Fintech C', providerType: 'fintech', product: 'App', payIn: 'online', pickup: 'mobile_wallet', fee: { fixed: '0' },
        rateOffered: '660', observedOn: daysAgo(2) },
      // D: "zero fee" whose cost hides in a 3.96 % margin.
      { ...itSn, provider: 'Zero D', product: 'Zero', fee: { fixed: '0' }, rateOffered: '630', observedOn: daysAgo(1) },
      // E: undisclosed rate: non-transparent, last.
      { ...itSn, provider: 'Banque E', providerType: 'bank', product: 'Guichet', fee: { fixed: '4' }, rateOffered: null, observedOn: daysAgo(1) },
      // F: 100 days old: shown, flagged stale.
      { ...itSn, provider: 'Poste F', providerType: 'post_office', product: 'Mandat', speed: 'three_to_five_days', fee: { fixed: '2' },
        rateOffered: '655', observedOn: daysAgo(100) },
      // G: latest price 200 days old: dropped.
      { ...itSn, provider: 'Old G', product: 'Old', fee: { fixed: '1' }, rateOffered: '655', observedOn: daysAgo(200) },
      // BE-SN: a single service capped at EUR 1000.
      { corridor: 'BE-SN', currencies: 'EUR/XOF', interbankRate: '656', provider: 'Banca A', product: 'Bonifico BE',
        fee: { tiers: [{ upTo: '1000', fixed: '5' }] }, rateOffered: '650', observedOn: daysAgo(5) },
    ];
    for (const price of prices) await addPrice(t.db, price);

    // 2025-Q1 in TZ-KE, as RPW publishes it: each service observed at the USD 200 and USD 500
    // equivalents (185 and 460 in the sending currency; 656 as the interbank rate for round margins).
    const tzKe = { corridor: 'TZ-KE', currencies: 'EUR/XOF', interbankRate: '656', observedOn: '2025-02-15', source: 'import' } as const;
    const point = (provider: string, speed: string, fee200: string, fee500: string, rate: string | null) => [
      { ...tzKe, provider, product: 'RPW', speed, fee: { fixed: fee200 }, rateOffered: rate, amount: '185', standardAmount: 'usd200' as const },
      { ...tzKe, provider, product: 'RPW', speed, fee: { fixed: fee500 }, rateOffered: rate, amount: '460', standardAmount: 'usd500' as const },
    ];
    for (const price of [
      ...point('P1', 'more_than_five_days', '10', '15', '650'),
      ...point('P2', 'same_day', '5', '8', '640'),
      ...point('P3', 'next_day', '0', '0', '660'),
      ...point('P4', 'same_day', '3', '3', null),
    ]) {
      await addPrice(t.db, price);
    }
    // 2025-Q2 in FR-ML: a schedule priced at the standard amounts from the reference rate (USD 1 = EUR 0.92).
    await remittancesRepository(t.db).upsertReferenceRate({ baseCurrency: 'USD', quoteCurrency: 'EUR', rateDate: '2025-06-01', rate: '0.92', source: 'test' });
    await addPrice(t.db, { corridor: 'FR-ML', currencies: 'EUR/XOF', interbankRate: '656', provider: 'Transfert B', product: 'Cash',
      fee: { tiers: [{ upTo: '200', fixed: '4.6' }, { over: '200', percent: '1' }] }, rateOffered: '656', observedOn: '2025-05-10' });
  });
  afterAll(() => t.close());

  it('ranks the latest price of each product by amount received, with RPW figures, flags and warnings', async () => {
    const response = await get('/api/v1/remittances/quotes?from=IT&to=SN&amount=300&currency=EUR');
    expect(response.statusCode, response.body).toBe(200);
    const { items } = RemittanceQuoteList.parse(response.json());
    expect(items.map((item) => [item.provider.name, item.amountReceived])).toEqual([
      ['Fintech C', '198000'], // 300 × 660
      ['Poste F', '195190'], // (300 − 2) × 655
      ['Transfert B', '190080'], // (300 − 3) × 640
      ['Banca A', '189800'], // (300 − 8) × 650: the tier over 100 up to 1000, not the older EUR 20 fee
      ['Zero D', '189000'], // 300 × 630
      ['Banque E', null],
    ]);
    const [c, f, b, a, d, e] = items;
    // A: 8 / 300 = 2.666667 % + 0.914634 % = 3.581301 %.
    expect(a).toMatchObject({ fee: '8.00', exchangeRate: '650', fxMarginPercent: 0.914634, totalCostPercent: 3.581301, transparent: true, speed: 'next_day', pickup: 'account', stale: false });
    expect(b).toMatchObject({ fee: '3.00', totalCostPercent: 3.439024, zeroFeeWarning: false });
    expect(c).toMatchObject({ fee: '0.00', fxMarginPercent: -0.609756, totalCostPercent: -0.609756, zeroFeeWarning: false });
    expect(d).toMatchObject({ fee: '0.00', totalCostPercent: 3.963415, zeroFeeWarning: true });
    expect(e).toMatchObject({ transparent: false, fxMarginPercent: null, totalCostPercent: null, exchangeRate: null, fee: '4.00' });
    expect(f).toMatchObject({ stale: true, observedAt: daysAgo(100), totalCostPercent: 0.819106 });
  });

  it('filters by speed, pickup and provider type', async () => {
    const by = async (filter: string) =>
      RemittanceQuoteList.parse((await get(`/api/v1/remittances/quotes?from=IT&to=SN&amount=300&currency=EUR&${filter}`)).json()).items.map((i) => i.provider.name);
    expect(await by('speed=less_than_one_hour')).toEqual(['Transfert B']);
    expect(await by('pickup=mobile_wallet')).toEqual(['Fintech C']);
    expect(await by('providerType=bank')).toEqual(['Banca A', 'Banque E']);
  });

  it('takes the amount in the receiving currency: the least each option needs to deliver it, cheapest first', async () => {
    const { items } = RemittanceQuoteList.parse((await get('/api/v1/remittances/quotes?from=IT&to=SN&amount=190080&currency=XOF')).json());
    // C: 190 080 / 660 = 288; B: 190 080 / 640 / 0.99 = 300; every transparent option delivers at least 190 080.
    expect(items[0]).toMatchObject({ provider: { name: 'Fintech C' }, amountSent: '288.00', amountReceived: '190080' });
    expect(items.find((i) => i.provider.name === 'Transfert B')).toMatchObject({ amountSent: '300.00', amountReceived: '190080' });
    for (const item of items.filter((i) => i.transparent)) expect(Number(item.amountReceived)).toBeGreaterThanOrEqual(190080);
    expect(items.at(-1)!.transparent).toBe(false);
  });

  it('answers an empty list for a corridor without prices', async () => {
    const response = await get('/api/v1/remittances/quotes?from=DE&to=SN&amount=300&currency=EUR');
    expect(RemittanceQuoteList.parse(response.json()).items).toEqual([]);
  });

  it.each([
    ['an unknown country', 'from=XX&to=SN&amount=300&currency=EUR', 'remittance.unknown_country', '/from'],
    ['an unknown currency', 'from=IT&to=SN&amount=300&currency=ABC', 'remittance.unknown_currency', '/currency'],
    ['a currency of neither end', 'from=IT&to=SN&amount=300&currency=USD', 'remittance.currency_not_in_corridor', '/currency'],
    ['a negative amount', 'from=IT&to=SN&amount=-5&currency=EUR', 'validation_failed', '/amount'],
    ['a zero amount', 'from=IT&to=SN&amount=0&currency=EUR', 'validation_failed', '/amount'],
    ['an absurd amount', 'from=IT&to=SN&amount=99000000&currency=EUR', 'remittance.amount_too_large', '/amount'],
    ['an amount in exponent form', 'from=IT&to=SN&amount=1e3&currency=EUR', 'validation_failed', '/amount'],
    ['more decimals than the currency has', 'from=IT&to=SN&amount=300.125&currency=EUR', 'remittance.amount_too_precise', '/amount'],
    ['an amount outside every tier', 'from=BE&to=SN&amount=5000&currency=EUR', 'remittance.amount_outside_tiers', '/amount'],
    ['a lower-case country', 'from=it&to=SN&amount=300&currency=EUR', 'validation_failed', '/from'],
  ])('refuses %s with 400 and the field', async (_label, query, code, pointer) => {
    const response = await get(`/api/v1/remittances/quotes?${query}`);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    const problem = Problem.parse(response.json());
    expect(problem.code).toBe(code);
    expect(problem.errors?.map((error) => error.pointer)).toContain(pointer);
  });

  it('computes a quarter’s RPW statistics: averages of the transparent services, SmaRT, SDG flags', async () => {
    const response = await get('/api/v1/remittances/corridors/TZ-KE/stats?period=2025-Q1');
    expect(response.statusCode, response.body).toBe(200);
    const stats = CorridorStats.parse(response.json());
    // USD 200 (EUR 185): P1 10/185 + 0.914634 = 6.320040; P2 5/185 + 2.439024 = 5.141727; P3 −0.609756;
    // P4 non-transparent, left out. Mean = 10.852011 / 3 = 3.617337.
    // USD 500 (EUR 460): P1 15/460 + 0.914634 = 4.175504; P2 8/460 + 2.439024 = 4.178155; P3 −0.609756 → 2.581301.
    // SmaRT: P1 takes more than five days, so P2 and P3 only: (5.141727 − 0.609756) / 2 = 2.265985, incomplete.
    expect(stats).toEqual({
      corridor: 'TZ-KE', period: '2025-Q1', sendingCurrency: 'EUR', standardAmounts: { usd200: '185', usd500: '460' },
      services: 4, transparentServices: 3,
      averageTotalCost: { usd200: 3.617337, usd500: 2.581301 },
      smart: 2.265985, smartIncomplete: true,
      sdg: { averageBelow3Percent: false, corridorAbove5Percent: false },
    });
  });

  it('prices a fee schedule at the standard amounts from the reference rate', async () => {
    const stats = CorridorStats.parse((await get('/api/v1/remittances/corridors/FR-ML/stats?period=2025-Q2')).json());
    // USD 200 = EUR 184.00 → tier up to 200, fee 4.60 = 2.5 %; USD 500 = EUR 460.00 → 1 %; rate = interbank, no margin.
    expect(stats).toMatchObject({
      standardAmounts: { usd200: '184.00', usd500: '460.00' }, services: 1, transparentServices: 1,
      averageTotalCost: { usd200: 2.5, usd500: 1 }, smart: 2.5, smartIncomplete: true, sdg: { averageBelow3Percent: true, corridorAbove5Percent: false },
    });
  });

  it('answers empty statistics for a quarter without observations, and the history quarter by quarter', async () => {
    const stats = CorridorStats.parse((await get('/api/v1/remittances/corridors/TZ-KE/stats?period=2011-Q1')).json());
    expect(stats).toMatchObject({ services: 0, averageTotalCost: { usd200: null, usd500: null }, smart: null, sdg: { averageBelow3Percent: null } });
    const history = CorridorHistory.parse((await get('/api/v1/remittances/corridors/IT-SN/history')).json());
    expect(history.items.map((item) => item.period)).toEqual([...new Set([daysAgo(200), daysAgo(100), daysAgo(30), daysAgo(5)].map((d) => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`))].sort());
  });

  it('without a period, answers the latest quarter with observations in the corridor', async () => {
    const latest = await get('/api/v1/remittances/corridors/TZ-KE/stats');
    expect(latest.statusCode, latest.body).toBe(200);
    expect(CorridorStats.parse(latest.json())).toEqual(CorridorStats.parse((await get('/api/v1/remittances/corridors/TZ-KE/stats?period=2025-Q1')).json()));
    // IT-SN has prices in several quarters: the latest is this one's (its newest observation, 1 day old).
    expect(CorridorStats.parse((await get('/api/v1/remittances/corridors/IT-SN/stats')).json()).period).toBe(
      `${daysAgo(1).slice(0, 4)}-Q${Math.floor((Number(daysAgo(1).slice(5, 7)) - 1) / 3) + 1}`,
    );
  });

  it('without a period, a corridor with no observations answers 404 remittance.corridor_without_prices', async () => {
    const response = await get('/api/v1/remittances/corridors/DE-SN/stats');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(Problem.parse(response.json())).toMatchObject({ code: 'remittance.corridor_without_prices', params: { corridor: 'DE-SN' } });
  });

  it('lists the corridors with prices', async () => {
    const { items } = CorridorList.parse((await get('/api/v1/remittances/corridors')).json());
    expect(items.map((item) => item.corridor)).toEqual(['BE-SN', 'FR-ML', 'IT-SN', 'TZ-KE']);
    expect(items.find((item) => item.corridor === 'IT-SN')).toMatchObject({ sendingCurrency: 'EUR', receivingCurrency: 'XOF', observations: 8 });
  });

  it.each([
    ['/api/v1/remittances/corridors/TZ-KE/stats?period=2011-1', 'validation_failed', '/period'],
    ['/api/v1/remittances/corridors/XX-KE/stats?period=2011-Q1', 'remittance.unknown_country', '/corridor'],
    ['/api/v1/remittances/corridors/TZKE/stats?period=2011-Q1', 'validation_failed', '/corridor'],
  ])('refuses %s with 400', async (url, code, pointer) => {
    const response = await get(url);
    expect(response.statusCode).toBe(400);
    const problem = Problem.parse(response.json());
    expect(problem.code).toBe(code);
    expect(problem.errors?.map((error) => error.pointer)).toContain(pointer);
  });
});
