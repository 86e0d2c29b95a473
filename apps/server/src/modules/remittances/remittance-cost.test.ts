import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  amountToSendFor,
  corridorAverage,
  percentNumber,
  standardAmountIn,
  statedFiguresAgree,
  displayPercent,
  feeFor,
  type FeeSchedule,
  type MinorUnits,
  type PriceTerms,
  quote,
  type QuoteInput,
  rankOptions,
  type Result,
  savings,
  sdgFlags,
  type Service,
  smart,
  type TransparentQuote,
} from './index.js';

// Every expected figure below is worked out by hand in the comment beside it. Most cases use an
// interbank rate of 656 XOF per EUR (the real peg is 655.957) so that margins come out round.
const EUR_TO_XOF: MinorUnits = { sending: 2, receiving: 0 };
const EUR_TO_USD: MinorUnits = { sending: 2, receiving: 2 };
const XOF_TO_EUR: MinorUnits = { sending: 0, receiving: 2 };

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected a value, got ${result.error.code} at ${result.error.params.pointer}`);
  return result.value;
}
const errorOf = (result: Result<unknown>) => (result.ok ? undefined : result.error);

const terms = (fee: FeeSchedule, rateOffered: string | null, feeChargedOnTop = false): PriceTerms => ({
  fee,
  rateOffered,
  interbankRate: '656',
  feeChargedOnTop,
});
const quoteEurXof = (amountSent: string, priceTerms: PriceTerms) => valueOf(quote({ ...priceTerms, amountSent }, EUR_TO_XOF));
const transparent = (q: ReturnType<typeof quoteEurXof>) => {
  if (!q.transparent) throw new Error('expected a transparent quote');
  return q;
};

describe('fees', () => {
  const tiered: FeeSchedule = {
    tiers: [
      { upTo: '100', fixed: '4' },
      { over: '100', upTo: '500', fixed: '6' },
      { over: '500', upTo: '1000', percent: '1.5' },
    ],
  };

  it('an amount on a tier’s upper bound takes that tier, a cent more takes the next', () => {
    expect(valueOf(feeFor(tiered, '100'))).toBe('4'); // 100 ≤ 100: first tier
    expect(valueOf(feeFor(tiered, '100.01'))).toBe('6'); // 100 < 100.01 ≤ 500: second tier
    expect(valueOf(feeFor(tiered, '500'))).toBe('6');
    expect(valueOf(feeFor(tiered, '500.01'))).toBe('7.50015'); // 500.01 × 1.5 / 100, not yet rounded
    expect(valueOf(feeFor(tiered, '1000'))).toBe('15'); // 1000 × 1.5 / 100
  });

  it('a percentage fee is exact before rounding, and the quote rounds it to cents', () => {
    expect(valueOf(feeFor({ percent: '1.5' }, '123.45'))).toBe('1.85175'); // 123.45 × 0.015
    expect(quoteEurXof('123.45', terms({ percent: '1.5' }, '656')).fee).toBe('1.85');
  });

  it('an amount in a gap between tiers, on an exclusive lower bound or beyond the last tier is outside every tier', () => {
    const withGap: FeeSchedule = { tiers: [{ upTo: '100', fixed: '4' }, { over: '200', upTo: '500', fixed: '6' }] };
    for (const amount of ['150', '200', '600']) {
      expect(errorOf(feeFor(withGap, amount))).toEqual({ code: 'remittance.amount_outside_tiers', params: { pointer: '/amountSent', amount } });
    }
    expect(errorOf(quote({ ...terms(withGap, '656'), amountSent: '150' }, EUR_TO_XOF))?.code).toBe('remittance.amount_outside_tiers');
  });

  it('refuses tiers that overlap, run backwards, follow an unbounded tier, or are missing', () => {
    const invalidAt = (schedule: FeeSchedule) => errorOf(feeFor(schedule, '50'));
    expect(invalidAt({ tiers: [{ upTo: '200' }, { over: '100', upTo: '500' }] })).toEqual({ code: 'remittance.tiers_invalid', params: { pointer: '/fee/tiers/1' } });
    expect(invalidAt({ tiers: [{ over: '100', upTo: '100' }] })?.params.pointer).toBe('/fee/tiers/0');
    expect(invalidAt({ tiers: [{ fixed: '1' }, { over: '500', fixed: '2' }] })?.params.pointer).toBe('/fee/tiers/1');
    expect(invalidAt({ tiers: [] })?.code).toBe('remittance.tiers_invalid');
  });
});

describe('quotes', () => {
  it('percentage fee: fee and margin add up to the total cost, the fee comes off before conversion', () => {
    // fee = 200 × 2.5 % = 5.00 → 2.5 %; margin = (1 − 649.44 / 656) × 100 = (1 − 0.99) × 100 = 1
    // total = 2.5 + 1 = 3.5; received = (200 − 5) × 649.44 = 126640.8 → 126641 XOF (no minor units)
    expect(quoteEurXof('200', terms({ percent: '2.5' }, '649.44'))).toEqual({
      transparent: true,
      amountSent: '200.00',
      fee: '5.00',
      feePercent: '2.5',
      senderPays: '200.00',
      rateOffered: '649.44',
      interbankRate: '656',
      fxMarginPercent: '1',
      totalCostPercent: '3.5',
      amountReceived: '126641',
      hidesCostInRate: false,
    });
  });

  it('fixed plus percentage fee', () => {
    // fee = 3 + 300 × 1 % = 6.00 → 6 / 300 = 2 %; margin = (1 − 1.0692 / 1.08) × 100 = (1 − 0.99) × 100 = 1
    // total = 3; received = (300 − 6) × 1.0692 = 314.3448 → 314.34 USD
    const q = valueOf(quote({ amountSent: '300', fee: { fixed: '3', percent: '1' }, rateOffered: '1.0692', interbankRate: '1.08', feeChargedOnTop: false }, EUR_TO_USD));
    expect(q).toMatchObject({ fee: '6.00', feePercent: '2', fxMarginPercent: '1', totalCostPercent: '3', amountReceived: '314.34' });
  });

  it('fee charged on top: the sender pays amount + fee and the whole amount is converted', () => {
    // sender pays 200 + 5 = 205.00; fee % = 5 / 200 = 2.5; margin 1 (as above); total 3.5
    // received = 200 × 649.44 = 129888 XOF
    expect(quoteEurXof('200', terms({ fixed: '5' }, '649.44', true))).toMatchObject({
      fee: '5.00',
      senderPays: '205.00',
      feePercent: '2.5',
      totalCostPercent: '3.5',
      amountReceived: '129888',
    });
  });

  it('a rate better than the interbank rate gives a negative margin, which lowers the total cost', () => {
    // fee 2 on 100 = 2 %; margin = (1 − 662.56 / 656) × 100 = (1 − 1.01) × 100 = −1; total = 2 − 1 = 1
    // received = (100 − 2) × 662.56 = 64930.88 → 64931 XOF
    expect(quoteEurXof('100', terms({ fixed: '2' }, '662.56'))).toMatchObject({
      fxMarginPercent: '-1',
      totalCostPercent: '1',
      amountReceived: '64931',
    });
  });

  it('a service that does not disclose its rate is non-transparent: fee only, no margin, total or amount received', () => {
    // fee 3 on 200 = 1.5 %
    expect(quoteEurXof('200', terms({ fixed: '3' }, null))).toEqual({
      transparent: false,
      amountSent: '200.00',
      fee: '3.00',
      feePercent: '1.5',
      senderPays: '200.00',
      rateOffered: null,
      interbankRate: '656',
      fxMarginPercent: null,
      totalCostPercent: null,
      amountReceived: null,
      hidesCostInRate: false,
    });
  });

  it('rounds money half-even to each currency’s minor units: XOF to units, EUR to cents', () => {
    // EUR fee: 101 × 2.5 % = 2.525 → 2.52 (tie to the even cent); the fee % follows the rounded fee:
    // 2.52 / 101 × 100 = 2.49504950… → 2.50 for display
    const eurFee = quoteEurXof('101', terms({ percent: '2.5' }, '656'));
    expect(eurFee.fee).toBe('2.52');
    expect(displayPercent(eurFee.feePercent)).toBe('2.50');
    // XOF received: 100 × 655.945 = 65594.5 → 65594; 100 × 655.955 = 65595.5 → 65596 (ties to even)
    expect(quoteEurXof('100', terms({}, '655.945')).amountReceived).toBe('65594');
    expect(quoteEurXof('100', terms({}, '655.955')).amountReceived).toBe('65596');
    // XOF sent: fee = 10300 × 1.5 % = 154.5 → 154 XOF; received = (10300 − 154) × 0.0015 = 15.219 → 15.22 EUR
    const fromXof = valueOf(quote({ amountSent: '10300', fee: { percent: '1.5' }, rateOffered: '0.0015', interbankRate: '0.0015245', feeChargedOnTop: false }, XOF_TO_EUR));
    expect(fromXof).toMatchObject({ amountSent: '10300', fee: '154', amountReceived: '15.22' });
  });

  it('percentages are kept whole and rounded half-even to 2 decimals only for display', () => {
    // margin at the real peg: (1 − 650 / 655.957) × 100 = 595.7 / 655.957 = 0.90813…
    const margin = transparent(valueOf(quote({ ...terms({ fixed: '1' }, '650'), interbankRate: '655.957', amountSent: '200' }, EUR_TO_XOF))).fxMarginPercent;
    expect(margin).toMatch(/^0\.90813\d{25,}$/);
    expect(displayPercent(margin)).toBe('0.91');
    expect(['2.125', '2.135', '3.475', '-0.004'].map(displayPercent)).toEqual(['2.12', '2.14', '3.48', '0.00']);
  });

  const base: QuoteInput = { amountSent: '200', ...terms({ fixed: '5' }, '649.44') };
  it.each([
    ['a negative amount', { amountSent: '-5' }, EUR_TO_XOF, 'remittance.amount_not_positive', '/amountSent'],
    ['a zero amount', { amountSent: '0' }, EUR_TO_XOF, 'remittance.amount_not_positive', '/amountSent'],
    ['a decimal comma', { amountSent: '12,50' }, EUR_TO_XOF, 'remittance.not_a_decimal', '/amountSent'],
    ['an exponent', { amountSent: '1e3' }, EUR_TO_XOF, 'remittance.not_a_decimal', '/amountSent'],
    ['a JS number', { amountSent: 200 as unknown as string }, EUR_TO_XOF, 'remittance.not_a_decimal', '/amountSent'],
    ['a tenth of a cent', { amountSent: '100.001' }, EUR_TO_XOF, 'remittance.amount_too_precise', '/amountSent'],
    ['francs with decimals', { amountSent: '1000.5' }, XOF_TO_EUR, 'remittance.amount_too_precise', '/amountSent'],
    ['a rate offered of zero', { rateOffered: '0' }, EUR_TO_XOF, 'remittance.rate_not_positive', '/rateOffered'],
    ['a negative interbank rate', { interbankRate: '-656' }, EUR_TO_XOF, 'remittance.rate_not_positive', '/interbankRate'],
    ['a negative percentage fee', { fee: { percent: '-1' } }, EUR_TO_XOF, 'remittance.fee_negative', '/fee/percent'],
    ['a deducted fee as large as the amount', { fee: { fixed: '200' } }, EUR_TO_XOF, 'remittance.fee_exceeds_amount', '/fee'],
    ['minor units ISO 4217 does not have', {}, { sending: 2, receiving: 5 }, 'remittance.minor_units_invalid', '/minorUnits/receiving'],
  ] as const)('refuses %s with a validation result, not an exception', (_, change, minorUnits, code, pointer) => {
    const error = errorOf(quote({ ...base, ...change }, minorUnits));
    expect(error?.code).toBe(code);
    expect(error?.params.pointer).toBe(pointer);
  });

  it('warns when a zero fee hides a margin above 1 % in the rate, or an undisclosed rate', () => {
    // margin = (1 − 633.204 / 656) × 100 = (1 − 0.96525) × 100 = 3.475
    expect(quoteEurXof('200', terms({}, '633.204')).hidesCostInRate).toBe(true);
    expect(quoteEurXof('200', terms({}, null)).hidesCostInRate).toBe(true);
    expect(quoteEurXof('200', terms({}, '649.44')).hidesCostInRate).toBe(false); // margin exactly 1: not above
    expect(quoteEurXof('200', terms({ fixed: '1' }, '633.204')).hidesCostInRate).toBe(false); // a fee is shown
  });
});

// One corridor, EUR → XOF, priced at 200 EUR. Total cost = fee % + margin %:
const service = (id: string, priceTerms: PriceTerms, speed: Service['speed'], accessible = true): Service & { id: string } => ({ id, ...priceTerms, speed, accessible });
const s1 = service('s1', terms({ percent: '2.5' }, '652.72'), 'same_day'); // 2.5 + (1 − 0.995) × 100 = 3
const s2 = service('s2', terms({ fixed: '2' }, '656'), 'less_than_one_hour'); // 1 + 0 = 1
const s3 = service('s3', terms({ fixed: '6' }, '642.88'), 'three_to_five_days'); // 3 + (1 − 0.98) × 100 = 5
const s4 = service('s4', terms({}, null), 'less_than_one_hour'); // non-transparent
const s5 = service('s5', terms({ tiers: [{ upTo: '100', fixed: '3' }] }, '656'), 'same_day'); // no tier for 200
const s6 = service('s6', terms({ fixed: '1' }, '656'), 'more_than_five_days'); // 0.5, too slow
const s7 = service('s7', terms({}, '650.752'), 'same_day', false); // 0 + (1 − 0.992) × 100 = 0.8, not accessible
const s8 = service('s8', terms({ fixed: '4' }, '656'), 'next_day'); // 2 + 0 = 2

describe('corridor averages and SDG flags', () => {
  it('averages the transparent services only, and counts those left out', () => {
    // (3 + 1 + 5) / 3 = 3; s4 (undisclosed rate) and s5 (no tier for 200) are excluded
    expect(valueOf(corridorAverage([s1, s2, s3, s4, s5], '200', EUR_TO_XOF))).toEqual({ averageTotalCostPercent: '3', servicesUsed: 3, servicesExcluded: 2 });
    // at 500: s1 2.5 + 0.5 = 3, s2 2 / 500 = 0.4, s3 6 / 500 + 2 = 3.2 → (3 + 0.4 + 3.2) / 3 = 2.2
    expect(valueOf(corridorAverage([s1, s2, s3, s4, s5], '500', EUR_TO_XOF)).averageTotalCostPercent).toBe('2.2');
  });

  it('has no average without a transparent service, and refuses a bad standard amount', () => {
    expect(valueOf(corridorAverage([s4, s5], '200', EUR_TO_XOF))).toEqual({ averageTotalCostPercent: null, servicesUsed: 0, servicesExcluded: 2 });
    expect(errorOf(corridorAverage([s1], '-200', EUR_TO_XOF))).toEqual({ code: 'remittance.amount_not_positive', params: { pointer: '/standardAmount' } });
  });

  it('flags an average below the 3 % target and a corridor above the 5 % ceiling, both strictly', () => {
    expect(['2.99', '3', '5', '5.01'].map(sdgFlags)).toEqual([
      { belowTarget: true, aboveCeiling: false },
      { belowTarget: false, aboveCeiling: false },
      { belowTarget: false, aboveCeiling: false },
      { belowTarget: false, aboveCeiling: true },
    ]);
  });
});

describe('SmaRT', () => {
  it('averages the three cheapest transparent, accessible services taking five days or less', () => {
    // qualifying: s2 1, s8 2, s1 3, s3 5 (s4 non-transparent, s6 too slow, s7 not accessible)
    // (1 + 2 + 3) / 3 = 2
    const result = valueOf(smart([s1, s2, s3, s4, s5, s6, s7, s8], '200', EUR_TO_XOF));
    expect(result).toEqual({ smartPercent: '2', services: [s2, s8, s1], incomplete: false });
  });

  it('with fewer than three qualifying, averages those there are and says it is incomplete', () => {
    // s2 1, s8 2 → (1 + 2) / 2 = 1.5
    expect(valueOf(smart([s2, s8, s4, s6, s7], '200', EUR_TO_XOF))).toEqual({ smartPercent: '1.5', services: [s2, s8], incomplete: true });
  });

  it('with none qualifying, answers null', () => {
    expect(valueOf(smart([s4, s6, s7], '200', EUR_TO_XOF))).toBeNull();
  });
});

describe('ranking', () => {
  it('puts most received first, then lowest total cost, then fastest; non-transparent last', () => {
    // all for 200 EUR:
    // onTop:    200 × 649.44 = 129888 received
    // zeroFee:  200 × 633.204 = 126640.8 → 126641, total 0 + 3.475 = 3.475
    // fastFixed and slowPct: (200 − 5) × 649.44 = 126640.8 → 126641, total 3.5; speeds differ
    const option = (id: string, priceTerms: PriceTerms, speed: Service['speed']) => ({ id, quote: quoteEurXof('200', priceTerms), speed });
    const onTop = option('onTop', terms({ fixed: '5' }, '649.44', true), 'three_to_five_days');
    const zeroFee = option('zeroFee', terms({}, '633.204'), 'next_day');
    const fastFixed = option('fastFixed', terms({ fixed: '5' }, '649.44'), 'less_than_one_hour');
    const slowPct = option('slowPct', terms({ percent: '2.5' }, '649.44'), 'same_day');
    const hidden = option('hidden', terms({ fixed: '1' }, null), 'less_than_one_hour');
    const ranked = rankOptions([slowPct, hidden, fastFixed, onTop, zeroFee]);
    expect(ranked.map(({ id }) => id)).toEqual(['onTop', 'zeroFee', 'fastFixed', 'slowPct', 'hidden']);
  });

  it('ranks by what the family receives for the amount sent; equal amounts received, the sender paying least (a fee on top counted) first', () => {
    // all for 200 EUR, interbank 656:
    // dearOnTop:  fee 20 on top, rate 656: receives 200 × 656 = 131200, pays 220 (total cost 10 %)
    // cheap:      fee 2 deducted, rate 649.44: receives 198 × 649.44 = 128589.12 → 128589, pays 200 (total cost 2 %)
    // tieOnTop:   fee 50 on top, rate 656: receives 131200 too, pays 250: after dearOnTop
    // tieDeducted: fee 40 deducted, rate 656: receives 160 × 656 = 104960, pays 200
    const option = (id: string, priceTerms: PriceTerms) => ({ id, quote: quoteEurXof('200', priceTerms), speed: 'same_day' as const });
    const dearOnTop = option('dearOnTop', terms({ fixed: '20' }, '656', true));
    const cheap = option('cheap', terms({ fixed: '2' }, '649.44'));
    const tieOnTop = option('tieOnTop', terms({ fixed: '50' }, '656', true));
    const tieDeducted = option('tieDeducted', terms({ fixed: '40' }, '656'));
    expect([dearOnTop, cheap, tieOnTop, tieDeducted].map(({ quote: q }) => [q.amountReceived, q.senderPays])).toEqual([
      ['131200', '220.00'], ['128589', '200.00'], ['131200', '250.00'], ['104960', '200.00'],
    ]);
    expect(rankOptions([tieDeducted, tieOnTop, dearOnTop, cheap]).map(({ id }) => id)).toEqual(['dearOnTop', 'tieOnTop', 'cheap', 'tieDeducted']);
  });
});

describe('savings', () => {
  it('compares what a transfer cost with the corridor average and the cheapest option, in the sending currency', () => {
    // s3 for 200: cost = 6 + 200 × 2 % = 10.00; at the 3 % average 6.00; at the 1 % cheapest 2.00
    const expensive = transparent(quoteEurXof('200', s3));
    expect(savings(expensive, { corridorAveragePercent: '3', cheapestTotalCostPercent: '1' }, 2)).toEqual({
      cost: '10.00',
      costAtAverage: '6.00',
      costAtCheapest: '2.00',
      savedVersusAverage: '-4.00',
      overpaidVersusCheapest: '8.00',
    });
  });

  it('a transfer made with the cheapest option saves against the average and overpays nothing', () => {
    // s1 for 250: fee 250 × 2.5 % = 6.25, margin 250 × 0.5 % = 1.25 → cost 7.50 (total 3 %)
    // average 3.5 % → 8.75, saved 1.25; cheapest 3 % → 7.50, overpaid 0.00
    const cheapest: TransparentQuote = transparent(quoteEurXof('250', s1));
    expect(savings(cheapest, { corridorAveragePercent: '3.5', cheapestTotalCostPercent: cheapest.totalCostPercent }, 2)).toEqual({
      cost: '7.50',
      costAtAverage: '8.75',
      costAtCheapest: '7.50',
      savedVersusAverage: '1.25',
      overpaidVersusCheapest: '0.00',
    });
  });
});

describe('amount to send for an amount received', () => {
  it('inverts a deducted fixed + percentage fee: (R / rate + fixed) / (1 − percent / 100), rounded up to a cent', () => {
    // R = 65 600 XOF at 650 → 100.923076… EUR net; + 2 fixed = 102.923076…; / 0.99 = 103.96270… → 103.97.
    const fee: FeeSchedule = { fixed: '2', percent: '1' };
    expect(valueOf(amountToSendFor(terms(fee, '650'), '65600', EUR_TO_XOF))).toBe('103.97');
    // Check: fee 2 + 1.0397 = 3.0397 → 3.04; (103.97 − 3.04) × 650 = 65 604.5 → 65 604 (half-even) ≥ 65 600,
    // while 103.96 would give fee 3.04, (100.92) × 650 = 65 598 < 65 600.
    const at = (amount: string) => transparent(quoteEurXof(amount, terms(fee, '650'))).amountReceived;
    expect(at('103.97')).toBe('65604');
    expect(at('103.96')).toBe('65598');
  });

  it('with a fee on top converts the whole amount: S = R / rate', () => {
    // 32 800 / 656 = 50 exactly.
    expect(valueOf(amountToSendFor(terms({ fixed: '4' }, '656', true), '32800', EUR_TO_XOF))).toBe('50.00');
  });

  it('picks the cheapest tier, and moves an amount up to a tier’s floor', () => {
    // Tier 1 (≤ 100): fee 5 → (65 600 / 656 + 5) = 105 > 100, out. Tier 2 (> 100): fee 3 → 103.00.
    const tiers: FeeSchedule = { tiers: [{ upTo: '100', fixed: '5' }, { over: '100', fixed: '3' }] };
    expect(valueOf(amountToSendFor(terms(tiers, '656'), '65600', EUR_TO_XOF))).toBe('103.00');
    // R = 30 000: tier 1 gives 45.73… + 5 → 50.74; tier 2 would start above 100: the cheaper is tier 1.
    expect(valueOf(amountToSendFor(terms(tiers, '656'), '30000', EUR_TO_XOF))).toBe('50.74');
  });

  it('answers a clear error beyond every tier, and for an undisclosed rate', () => {
    const capped: FeeSchedule = { tiers: [{ upTo: '100', fixed: '5' }] };
    expect(errorOf(amountToSendFor(terms(capped, '656'), '656000', EUR_TO_XOF))?.code).toBe('remittance.amount_outside_tiers');
    expect(errorOf(amountToSendFor(terms({ fixed: '0' }, null), '1000', EUR_TO_XOF))?.code).toBe('remittance.rate_undisclosed');
  });
});

describe('percentages for JSON', () => {
  it('rounds half-even to 6 decimals by default', () => {
    expect(percentNumber('2.12345650')).toBe(2.123456);
    expect(percentNumber('2.1234575')).toBe(2.123458);
    expect(percentNumber('-0.5', 4)).toBe(-0.5);
  });
});

describe('standard amounts', () => {
  it('converts USD 200 and 500 at the reference rate, half-even to the sending currency’s units', () => {
    // 200 × 0.92125 = 184.25; 500 × 0.92125 = 460.625 → 460.62 (half-even); XOF: 200 × 604.4567 = 120 891.34 → 120 891.
    expect(valueOf(standardAmountIn('200', '0.92125', 2))).toBe('184.25');
    expect(valueOf(standardAmountIn('500', '0.92125', 2))).toBe('460.62');
    expect(valueOf(standardAmountIn('200', '604.4567', 0))).toBe('120891');
    expect(errorOf(standardAmountIn('200', '0', 2))?.code).toBe('remittance.rate_not_positive');
  });
});

describe('stated figures against fee, amount and rates', () => {
  // EUR 185, fee 10, offered 650, interbank 656: 5.405405… + 0.914634… = 6.320039551…
  const figures = { amountSent: '185', fee: '10', rateOffered: '650', interbankRate: '656', statedFxMarginPercent: '0.9146', tolerance: '0.01' };
  it('agree within the tolerance, inclusive, by exact arithmetic', () => {
    expect(valueOf(statedFiguresAgree({ ...figures, statedTotalCostPercent: '6.32' }))).toEqual({ totalCost: true, fxMargin: true, feeBelowAmount: true });
    // 6.330039551… − 0.01 = 6.320039551…: just inside; 6.3301 just outside.
    expect(valueOf(statedFiguresAgree({ ...figures, statedTotalCostPercent: '6.33' })).totalCost).toBe(true);
    expect(valueOf(statedFiguresAgree({ ...figures, statedTotalCostPercent: '6.3301' })).totalCost).toBe(false);
    expect(valueOf(statedFiguresAgree({ ...figures, statedTotalCostPercent: '6.32', statedFxMarginPercent: '1.2' })).fxMargin).toBe(false);
  });
  it('a negative margin is fine; an undisclosed rate leaves nothing to check; a zero rate is refused', () => {
    // 0 fee, 660 > 656: −0.609756…
    expect(valueOf(statedFiguresAgree({ ...figures, fee: '0', rateOffered: '660', statedFxMarginPercent: null, statedTotalCostPercent: '-0.61' })).totalCost).toBe(true);
    expect(valueOf(statedFiguresAgree({ ...figures, rateOffered: null, statedTotalCostPercent: '99' }))).toEqual({ totalCost: true, fxMargin: true, feeBelowAmount: true });
    expect(errorOf(statedFiguresAgree({ ...figures, interbankRate: '0', statedTotalCostPercent: '6.32' }))?.code).toBe('remittance.rate_not_positive');
    expect(valueOf(statedFiguresAgree({ ...figures, fee: '185', statedTotalCostPercent: null })).feeBelowAmount).toBe(false);
  });
  it('decides ties exactly, where binary floating point would not (1.01 − 1 is 0.010000000000000009 in doubles)', () => {
    const flat = { amountSent: '100', fee: '1', rateOffered: '655.957', interbankRate: '655.957', statedFxMarginPercent: '0', tolerance: '0.01' };
    expect(valueOf(statedFiguresAgree({ ...flat, statedTotalCostPercent: '1.01' })).totalCost).toBe(true);
    expect(valueOf(statedFiguresAgree({ ...flat, statedTotalCostPercent: '0.99' })).totalCost).toBe(true);
    expect(valueOf(statedFiguresAgree({ ...flat, statedTotalCostPercent: '1.0100001' })).totalCost).toBe(false);
    expect(valueOf(statedFiguresAgree({ ...flat, statedTotalCostPercent: '1', statedFxMarginPercent: '0.01' })).fxMargin).toBe(true);
  });
  it('agrees with 60-digit decimal arithmetic on random figures near the tolerance', () => {
    const D60 = Decimal.clone({ precision: 60 });
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let n = 0; n < 2_000; n++) {
      const amountSent = (1 + random() * 999).toFixed(2);
      const fee = (random() * 50).toFixed(2);
      const interbankRate = (0.5 + random() * 999).toFixed(7);
      const rateOffered = (Number(interbankRate) * (0.9 + random() * 0.12)).toFixed(7);
      const exact = new D60(fee).div(amountSent).plus(new D60(1).minus(new D60(rateOffered).div(interbankRate))).times(100);
      // Stated within a few thousandths of the tolerance's edge, on either side.
      const statedTotalCostPercent = exact.plus((random() < 0.5 ? -1 : 1) * (0.01 + (random() - 0.5) * 0.0002)).toFixed(6);
      const expected = exact.minus(statedTotalCostPercent).abs().lte('0.01');
      const result = valueOf(statedFiguresAgree({ amountSent, fee, rateOffered, interbankRate, statedTotalCostPercent, statedFxMarginPercent: null, tolerance: '0.01' }));
      expect(result.totalCost, `${amountSent} ${fee} ${rateOffered} ${interbankRate} ${statedTotalCostPercent}`).toBe(expected);
    }
  });
});
