import { describe, expect, it } from 'vitest';
import { deriveRate, type StoredRate } from './reference-rate-paths.js';

const rate = (base: string, quote: string, value: string, rateDate = '2026-09-30'): StoredRate => ({ baseCurrency: base, quoteCurrency: quote, rate: value, rateDate });

// An ECB-style file: every rate EUR-based.
const ecb = [rate('EUR', 'USD', '1.0840'), rate('EUR', 'XOF', '655.957'), rate('EUR', 'GBP', '0.85')];

describe('reference rates derived from others', () => {
  it('takes the stored rate as it is when there is one', () => {
    expect(deriveRate('EUR', 'USD', ecb)).toEqual({ rate: '1.084', via: 'direct', asOf: '2026-09-30' });
  });

  it('inverts the opposite pair: USD → EUR = 1 / 1.0840, to 34 significant digits, half-even', () => {
    // 1 / 1.084 = 0.92250922509225092250922509225092250922… → 34 digits, the last rounded up.
    expect(deriveRate('USD', 'EUR', ecb)).toEqual({ rate: '0.9225092250922509225092250922509225', via: 'inverse', asOf: '2026-09-30' });
  });

  it('crosses through a currency both are quoted against: USD → XOF = (EUR → XOF) / (EUR → USD)', () => {
    // 655.957 / 1.084 = 605.12638376383763837638376383763837… → 605.1263837638376383763837638376384
    expect(deriveRate('USD', 'XOF', ecb)).toEqual({ rate: '605.1263837638376383763837638376384', via: 'cross', pivot: 'EUR', asOf: '2026-09-30' });
    // 0.85 / 1.084 = 0.78413284132841328413…
    expect(deriveRate('USD', 'GBP', ecb)!.rate).toBe('0.7841328413284132841328413284132841');
  });

  it('crosses with either leg stored either way round, multiplying exactly and dividing once', () => {
    // GBP → EUR 1.17 and EUR → USD 1.0840 stored; USD → GBP = 1 / (1.084 × 1.17) = 1 / 1.26828 = 0.78846942315577001923865392500078…
    expect(deriveRate('USD', 'GBP', [rate('GBP', 'EUR', '1.17'), rate('EUR', 'USD', '1.0840')])).toMatchObject({
      rate: '0.7884694231557700192386539250007885', via: 'cross', pivot: 'EUR',
    });
    // USD → EUR 0.92 and EUR → XOF 655.957: USD → XOF = 0.92 × 655.957 = 603.48044 exactly.
    expect(deriveRate('USD', 'XOF', [rate('USD', 'EUR', '0.92'), rate('EUR', 'XOF', '655.957')])!.rate).toBe('603.48044');
  });

  it('prefers the direct rate to the inverse, the inverse to a cross, and the freshest cross, then the alphabetically first', () => {
    expect(deriveRate('USD', 'EUR', [...ecb, rate('USD', 'EUR', '0.93', '2026-01-01')])).toMatchObject({ rate: '0.93', via: 'direct' });
    expect(deriveRate('USD', 'XOF', [...ecb, rate('XOF', 'USD', '0.0016', '2025-01-01')])).toMatchObject({ rate: '625', via: 'inverse' });
    const viaChf = [rate('CHF', 'USD', '1.25', '2026-10-15'), rate('CHF', 'XOF', '760', '2026-10-15')];
    expect(deriveRate('USD', 'XOF', [...ecb, ...viaChf])).toMatchObject({ rate: '608', via: 'cross', pivot: 'CHF', asOf: '2026-10-15' });
    const sameDay = [rate('CHF', 'USD', '1.25'), rate('CHF', 'XOF', '760')];
    expect(deriveRate('USD', 'XOF', [...sameDay, ...ecb])).toMatchObject({ via: 'cross', pivot: 'CHF' });
  });

  it('answers null without a path, for the same currency, and ignores rates that are not positive', () => {
    expect(deriveRate('USD', 'MAD', ecb)).toBeNull();
    expect(deriveRate('USD', 'USD', ecb)).toBeNull();
    expect(deriveRate('USD', 'EUR', [rate('EUR', 'USD', '0')])).toBeNull();
  });
});
