import { Decimal } from 'decimal.js';

/**
 * A reference rate between two currencies when the one needed is not stored as it is: from its
 * inverse, or through a currency both are quoted against (a cross rate). Pure; the service feeds it
 * the latest stored rate of each pair (on or before the day wanted).
 *
 * Rounding: stored rates are exact decimals. Products of them are computed exactly (100 significant
 * digits hold any two stored rates); the one division a derived rate needs is rounded half-even to 34
 * significant digits (decimal128's precision, as in remittance-cost.ts). The caller then rounds what
 * it derives from the rate (a standard amount, to the currency's minor units).
 */

const EXACT = Decimal.clone({ precision: 100, rounding: Decimal.ROUND_HALF_EVEN });
const D34 = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_EVEN });

/** The latest stored rate of one pair: units of `quoteCurrency` per unit of `baseCurrency` on `rateDate`. */
export type StoredRate = { baseCurrency: string; quoteCurrency: string; rate: string; rateDate: string };

export type DerivedRate = {
  /** Units of the quote currency per unit of the base currency, a plain decimal string. */
  rate: string;
  via: 'direct' | 'inverse' | 'cross';
  /** The currency a cross rate goes through. */
  pivot?: string;
  /** The date of the oldest rate used. */
  asOf: string;
};

/** `numerator / denominator`, each a product of stored rates, with one rounding (34 significant digits). */
function ratio(numerator: string[], denominator: string[]): string {
  const product = (factors: string[]) => factors.reduce((acc, factor) => acc.times(factor), new EXACT(1));
  return new D34(product(numerator)).div(new D34(product(denominator))).toFixed();
}

/**
 * Units of `quote` per unit of `base`, in this order of preference:
 * 1. the stored rate base → quote;
 * 2. the inverse of the stored quote → base (1 / rate);
 * 3. a cross rate through a currency C with a stored rate to or from each (C → quote / C → base,
 *    each leg direct or inverted: an ECB file, EUR-based, gives USD → XOF as (EUR → XOF) / (EUR → USD)).
 *    When several currencies would do, the one whose older leg is the most recent; then the
 *    alphabetically first.
 * Null when no path exists, or for a rate that is not positive.
 */
export function deriveRate(base: string, quote: string, rates: readonly StoredRate[]): DerivedRate | null {
  const usable = rates.filter((r) => r.baseCurrency !== r.quoteCurrency && new EXACT(r.rate).gt(0));
  const find = (from: string, to: string) => usable.find((r) => r.baseCurrency === from && r.quoteCurrency === to);
  if (base === quote) return null;
  const direct = find(base, quote);
  if (direct) return { rate: new EXACT(direct.rate).toFixed(), via: 'direct', asOf: direct.rateDate };
  const inverse = find(quote, base);
  if (inverse) return { rate: ratio(['1'], [inverse.rate]), via: 'inverse', asOf: inverse.rateDate };

  /** One leg: units of `currency` per unit of the pivot, as a fraction of stored rates. */
  const leg = (pivot: string, currency: string): { over: string[]; under: string[]; date: string } | null => {
    const forward = find(pivot, currency);
    if (forward) return { over: [forward.rate], under: [], date: forward.rateDate };
    const backward = find(currency, pivot);
    return backward ? { over: [], under: [backward.rate], date: backward.rateDate } : null;
  };
  const pivots = [...new Set(usable.flatMap((r) => [r.baseCurrency, r.quoteCurrency]))].filter((c) => c !== base && c !== quote).sort();
  let best: DerivedRate | null = null;
  for (const pivot of pivots) {
    const toQuote = leg(pivot, quote);
    const toBase = leg(pivot, base);
    if (!toQuote || !toBase) continue;
    // quote per base = (quote per pivot) / (base per pivot).
    const asOf = toQuote.date < toBase.date ? toQuote.date : toBase.date;
    if (best && asOf <= best.asOf) continue;
    best = { rate: ratio([...toQuote.over, ...toBase.under], [...toQuote.under, ...toBase.over]), via: 'cross', pivot, asOf };
  }
  return best;
}
