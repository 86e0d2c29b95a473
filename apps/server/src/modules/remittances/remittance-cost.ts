import { Decimal } from 'decimal.js';

/**
 * The cost of sending money, computed as the World Bank's Remittance Prices Worldwide (RPW) does.
 * Pure functions, no I/O: the service layer feeds them observations and reference rates.
 *
 * Conventions, all in one place:
 * - Money, rates and percentages are decimal strings ("12.50", "-0.3"), never JS numbers: a binary
 *   float cannot hold 0.1, and averages of fee tables must come out exact.
 * - Arithmetic runs at 34 significant digits (IEEE 754 decimal128's precision); nothing is rounded
 *   along the way except what is stated here.
 * - A fee is money the sender pays, so it is rounded to the sending currency's ISO 4217 minor units,
 *   and every percentage derives from that rounded fee. The amount received is rounded once, at the
 *   end, to the receiving currency's minor units. Money rounds half-even (banker's rounding): no
 *   upward drift when many rounded amounts are summed, as savings per desk are.
 * - Percentages are returned unrounded; `displayPercent` rounds them to 2 decimals, half-even, for
 *   display only.
 * - Both rates are quoted in the same direction: units of receiving currency per unit of sending
 *   currency (EUR → XOF at about 655.957).
 * - Functions fed with outside data (amounts, rates, fee schedules) answer a `Result` and never
 *   throw; those fed with this module's own outputs (ranking, flags, savings, display) trust them.
 */

const D = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_EVEN });

/** A decimal number written out: optional minus, digits, optional fraction. No exponent, no spaces. */
export type DecimalString = string;

/** ISO 4217 minor units (EUR 2, XOF 0, TND 3) of the two currencies of a corridor. */
export type MinorUnits = { sending: number; receiving: number };

/** RPW's speed categories, fastest first (the order breaks ranking ties). */
export const SPEEDS = ['less_than_one_hour', 'same_day', 'next_day', 'two_days', 'three_to_five_days', 'more_than_five_days'] as const;
export type Speed = (typeof SPEEDS)[number];

/** fixed + percent × amount / 100; a fixed fee, a percentage or a mix, depending on which parts are set. */
export type FeeFormula = { fixed?: DecimalString; percent?: DecimalString };

/**
 * One row of a price list. It covers `over < amount ≤ upTo` (lower bound exclusive, upper bound
 * inclusive, as lists read: "up to 100", "over 100 up to 500"); no `over` means from zero, no `upTo`
 * means no ceiling. Tiers are listed in ascending order without overlap; gaps are allowed, and an
 * amount in a gap or beyond the last tier is outside every tier.
 */
export type FeeTier = FeeFormula & { over?: DecimalString; upTo?: DecimalString };

export type FeeSchedule = FeeFormula | { tiers: readonly FeeTier[] };

/** What a provider charges for one product in one corridor, at one date. */
export type PriceTerms = {
  fee: FeeSchedule;
  /** Absent when the provider does not disclose its rate: the service is then non-transparent. */
  rateOffered?: DecimalString | null;
  /** The mid-market reference rate at the time of the observation. */
  interbankRate: DecimalString;
  /** True when the sender pays amount + fee and the whole amount is converted. */
  feeChargedOnTop: boolean;
};

export type QuoteInput = PriceTerms & { amountSent: DecimalString };

/**
 * A service as SmaRT sees it. `accessible` is set by whoever records the product, under this rule:
 * a typical migrant can use it with an identity document alone (no existing customer relationship,
 * residence permit beyond ID or minimum account age required to send), and a typical recipient can
 * collect it (cash pickup, mobile wallet, or an account of a kind most people in the receiving
 * country hold).
 */
export type Service = PriceTerms & { speed: Speed; accessible: boolean };

type QuoteCommon = {
  /** Sending currency, rounded to its minor units. */
  amountSent: DecimalString;
  fee: DecimalString;
  /** fee / amountSent × 100, whether the fee is deducted or charged on top. */
  feePercent: DecimalString;
  /** amountSent + fee when the fee is charged on top, amountSent otherwise. */
  senderPays: DecimalString;
  interbankRate: DecimalString;
  /** Zero fee, yet the rate hides a margin above `ZERO_FEE_MARGIN_WARNING_PERCENT` or is undisclosed. */
  hidesCostInRate: boolean;
};
export type TransparentQuote = QuoteCommon & {
  transparent: true;
  rateOffered: DecimalString;
  /** (1 − rateOffered / interbankRate) × 100; negative when the provider beats the market rate. */
  fxMarginPercent: DecimalString;
  /** feePercent + fxMarginPercent: RPW's total cost. */
  totalCostPercent: DecimalString;
  /** Receiving currency, rounded to its minor units. */
  amountReceived: DecimalString;
};
export type NonTransparentQuote = QuoteCommon & {
  transparent: false;
  rateOffered: null;
  fxMarginPercent: null;
  totalCostPercent: null;
  amountReceived: null;
};
export type Quote = TransparentQuote | NonTransparentQuote;

export type RemittanceErrorCode =
  | 'remittance.not_a_decimal'
  | 'remittance.amount_not_positive'
  | 'remittance.amount_too_precise'
  | 'remittance.rate_not_positive'
  | 'remittance.fee_negative'
  | 'remittance.fee_exceeds_amount'
  | 'remittance.tiers_invalid'
  | 'remittance.amount_outside_tiers'
  | 'remittance.rate_undisclosed'
  | 'remittance.minor_units_invalid';
/** `pointer` is a JSON Pointer into the input, as in our problem details. */
export type RemittanceError = { code: RemittanceErrorCode; params: Record<string, string | number> };
export type Result<T> = { ok: true; value: T } | { ok: false; error: RemittanceError };

export const SDG_TARGET_PERCENT = '3';
export const SDG_CEILING_PERCENT = '5';
export const ZERO_FEE_MARGIN_WARNING_PERCENT = '1';
const SMART_SERVICE_COUNT = 3;

/** Thrown inside this module only, and turned into a `Result` at its public edge. */
class Invalid extends Error {
  constructor(
    readonly code: RemittanceErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

function attempt<T>(compute: () => T): Result<T> {
  try {
    return { ok: true, value: compute() };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: { code: error.code, params: error.params } };
    throw error;
  }
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

function parse(value: unknown, pointer: string): Decimal {
  // Strings only: a JS number has already lost exactness, and decimal.js would accept "1e3" or "Infinity".
  if (typeof value !== 'string' || !DECIMAL.test(value)) throw new Invalid('remittance.not_a_decimal', { pointer, value: String(value) });
  return new D(value);
}

/** Parses a decimal that must be above zero (or, with `orZero`, not below it), else fails with `code`. */
function bounded(value: unknown, pointer: string, code: RemittanceErrorCode, orZero = false): Decimal {
  const parsed = parse(value, pointer);
  if (orZero ? parsed.lt(0) : parsed.lte(0)) throw new Invalid(code, { pointer });
  return parsed;
}

function minorUnitsOf({ sending, receiving }: MinorUnits): MinorUnits {
  // ISO 4217 minor units run from 0 (XOF, JPY) to 4 (CLF, UYW).
  for (const [key, units] of Object.entries({ sending, receiving })) {
    if (!Number.isInteger(units) || units < 0 || units > 4) throw new Invalid('remittance.minor_units_invalid', { pointer: `/minorUnits/${key}` });
  }
  return { sending, receiving };
}

/** An amount of money to send: positive, and no finer than the sending currency allows. */
function amountToSend(value: unknown, sendingUnits: number, pointer = '/amountSent'): Decimal {
  const amount = bounded(value, pointer, 'remittance.amount_not_positive');
  if (amount.decimalPlaces() > sendingUnits) throw new Invalid('remittance.amount_too_precise', { pointer, minorUnits: sendingUnits });
  return amount;
}

/** Rounds half-even to `places` decimals and writes them all out; never "-0.00". */
function roundedTo(value: Decimal, places: number): DecimalString {
  const rounded = value.toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN);
  return (rounded.isZero() ? rounded.abs() : rounded).toFixed(places);
}

function formulaFee({ fixed = '0', percent = '0' }: FeeFormula, amount: Decimal, pointer: string): Decimal {
  const part = (value: DecimalString, name: string) => bounded(value, `${pointer}/${name}`, 'remittance.fee_negative', true);
  return part(fixed, 'fixed').plus(amount.times(part(percent, 'percent')).div(100));
}

/** The tier covering `amount`, after checking the whole list (ascending, no overlap). */
function tierFor(tiers: readonly FeeTier[], amount: Decimal): { tier: FeeTier; pointer: string } {
  if (tiers.length === 0) throw new Invalid('remittance.tiers_invalid', { pointer: '/fee/tiers' });
  let previousCeiling: Decimal | null = new D(0); // null once a tier without ceiling has been seen
  let found: { tier: FeeTier; pointer: string } | undefined;
  for (const [index, tier] of tiers.entries()) {
    const pointer = `/fee/tiers/${index}`;
    const bound = (value: DecimalString, name: string) => bounded(value, `${pointer}/${name}`, 'remittance.tiers_invalid', true);
    const floor = tier.over === undefined ? new D(0) : bound(tier.over, 'over');
    const ceiling = tier.upTo === undefined ? null : bound(tier.upTo, 'upTo');
    if (previousCeiling === null || floor.lt(previousCeiling) || (ceiling !== null && ceiling.lte(floor))) {
      throw new Invalid('remittance.tiers_invalid', { pointer });
    }
    if (!found && amount.gt(floor) && (ceiling === null || amount.lte(ceiling))) found = { tier, pointer };
    previousCeiling = ceiling;
  }
  if (!found) throw new Invalid('remittance.amount_outside_tiers', { pointer: '/amountSent', amount: amount.toFixed() });
  return found;
}

function feeOf(schedule: FeeSchedule, amount: Decimal): Decimal {
  if (!('tiers' in schedule)) return formulaFee(schedule, amount, '/fee');
  const { tier, pointer } = tierFor(schedule.tiers, amount);
  return formulaFee(tier, amount, pointer);
}

/** The fee a schedule sets for an amount, unrounded: the tier that applies, then its formula. */
export function feeFor(schedule: FeeSchedule, amountSent: DecimalString): Result<DecimalString> {
  return attempt(() => feeOf(schedule, bounded(amountSent, '/amountSent', 'remittance.amount_not_positive')).toFixed());
}

function priceAt(input: QuoteInput, minorUnits: MinorUnits): Quote {
  const units = minorUnitsOf(minorUnits);
  const amount = amountToSend(input.amountSent, units.sending);
  const interbank = bounded(input.interbankRate, '/interbankRate', 'remittance.rate_not_positive');
  const offered = input.rateOffered == null ? null : bounded(input.rateOffered, '/rateOffered', 'remittance.rate_not_positive');
  const fee = feeOf(input.fee, amount).toDecimalPlaces(units.sending, Decimal.ROUND_HALF_EVEN);
  // A deducted fee as large as the amount would leave the family nothing: a data error, not a price.
  if (!input.feeChargedOnTop && fee.gte(amount)) throw new Invalid('remittance.fee_exceeds_amount', { pointer: '/fee' });

  const feePercent = fee.div(amount).times(100);
  const common = {
    amountSent: roundedTo(amount, units.sending),
    fee: roundedTo(fee, units.sending),
    feePercent: feePercent.toFixed(),
    senderPays: roundedTo(input.feeChargedOnTop ? amount.plus(fee) : amount, units.sending),
    interbankRate: interbank.toFixed(),
  };
  if (offered === null) {
    // Nothing to measure the margin with; a zero fee with an undisclosed rate hides its whole cost.
    const unknown = { rateOffered: null, fxMarginPercent: null, totalCostPercent: null, amountReceived: null };
    return { ...common, ...unknown, transparent: false, hidesCostInRate: fee.isZero() };
  }
  const margin = new D(1).minus(offered.div(interbank)).times(100);
  const converted = input.feeChargedOnTop ? amount : amount.minus(fee);
  return {
    ...common,
    transparent: true,
    rateOffered: offered.toFixed(),
    fxMarginPercent: margin.toFixed(),
    totalCostPercent: feePercent.plus(margin).toFixed(),
    amountReceived: roundedTo(converted.times(offered), units.receiving),
    hidesCostInRate: fee.isZero() && margin.gt(ZERO_FEE_MARGIN_WARNING_PERCENT),
  };
}

/** RPW's figures for sending `amountSent` with one service. */
export function quote(input: QuoteInput, minorUnits: MinorUnits): Result<Quote> {
  return attempt(() => priceAt(input, minorUnits));
}

/**
 * The smallest amount to send (in the sending currency's minor units) for the family to receive
 * at least `amountReceived`: what a quote asked in the receiving currency starts from. Each tier's
 * formula is inverted (deducted fee: S = (R / rate + fixed) / (1 − percent / 100); fee on top:
 * S = R / rate), rounded up to a minor unit, moved into its tier, then checked with `quote`
 * (whose half-even fee rounding may take one minor unit more). The cheapest tier wins.
 */
export function amountToSendFor(terms: PriceTerms, amountReceived: DecimalString, minorUnits: MinorUnits): Result<DecimalString> {
  return attempt(() => {
    const units = minorUnitsOf(minorUnits);
    const target = bounded(amountReceived, '/amountReceived', 'remittance.amount_not_positive');
    if (terms.rateOffered == null) throw new Invalid('remittance.rate_undisclosed', { pointer: '/rateOffered' });
    const rate = bounded(terms.rateOffered, '/rateOffered', 'remittance.rate_not_positive');
    const step = new D(1).div(new D(10).pow(units.sending));
    const net = target.div(rate);
    const formulas: FeeTier[] = 'tiers' in terms.fee ? [...terms.fee.tiers] : [terms.fee];
    let best: Decimal | null = null;
    for (const tier of formulas) {
      const fixed = new D(tier.fixed ?? '0');
      const percent = new D(tier.percent ?? '0');
      if (!terms.feeChargedOnTop && percent.gte(100)) continue;
      let amount = (terms.feeChargedOnTop ? net : net.plus(fixed).div(new D(1).minus(percent.div(100)))).toDecimalPlaces(units.sending, Decimal.ROUND_UP);
      if (tier.over !== undefined && amount.lte(tier.over)) amount = new D(tier.over).plus(step).toDecimalPlaces(units.sending, Decimal.ROUND_UP);
      for (let extra = 0; extra < 3; extra++, amount = amount.plus(step)) {
        if (tier.upTo !== undefined && amount.gt(tier.upTo)) break;
        const priced = quote({ ...terms, amountSent: amount.toFixed() }, units);
        if (!priced.ok) break;
        if (priced.value.amountReceived !== null && new D(priced.value.amountReceived).gte(target)) {
          if (best === null || amount.lt(best)) best = amount;
          break;
        }
      }
    }
    if (best === null) throw new Invalid('remittance.amount_outside_tiers', { pointer: '/amountReceived', amount: target.toFixed() });
    return roundedTo(best, units.sending);
  });
}

/** RPW's two standard amounts, in US dollars. */
export const STANDARD_AMOUNTS_USD = { usd200: '200', usd500: '500' } as const;

/**
 * A standard amount in the sending currency: the USD figure times the reference rate (sending
 * currency per USD), rounded half-even to the sending currency's minor units, as a sender would
 * have to hand it over.
 */
export function standardAmountIn(usd: DecimalString, sendingPerUsd: DecimalString, sendingUnits: number): Result<DecimalString> {
  return attempt(() => {
    const rate = bounded(sendingPerUsd, '/sendingPerUsd', 'remittance.rate_not_positive');
    return roundedTo(bounded(usd, '/usd', 'remittance.amount_not_positive').times(rate), minorUnitsOf({ sending: sendingUnits, receiving: 0 }).sending);
  });
}

/** A decimal string as an integer over a power of ten, for exact rational comparisons. */
function scaled(value: DecimalString, pointer: string): { digits: bigint; scale: number } {
  if (!DECIMAL.test(value)) throw new Invalid('remittance.not_a_decimal', { pointer, value });
  const point = value.indexOf('.');
  return point < 0 ? { digits: BigInt(value), scale: 0 } : { digits: BigInt(value.slice(0, point) + value.slice(point + 1)), scale: value.length - point - 1 };
}
/** 10^0 … 10^64, computed once: imports check a million figures. */
const POWERS_OF_TEN = Array.from({ length: 65 }, (_, n) => 10n ** BigInt(n));
const tenTo = (n: number) => POWERS_OF_TEN[n] ?? 10n ** BigInt(n);
const atScale = (value: { digits: bigint; scale: number }, scale: number) => value.digits * tenTo(scale - value.scale);
const abs = (value: bigint) => (value < 0n ? -value : value);

export type StatedFigures = {
  amountSent: DecimalString;
  fee: DecimalString;
  /** Null for a service that does not disclose its rate: nothing can be checked then. */
  rateOffered: DecimalString | null;
  interbankRate: DecimalString;
  statedTotalCostPercent: DecimalString | null;
  statedFxMarginPercent: DecimalString | null;
  /** In percentage points, inclusive. */
  tolerance: DecimalString;
};

/**
 * Whether a source's stated total cost and margin agree with its fee, amount and rates, by RPW's
 * formula, within `tolerance` percentage points. Exact rational arithmetic on integers (no
 * rounding at all), since imports check a million figures: with F fee, A amount, R offered, I
 * interbank, total = 100 (F I + A (I − R)) / (A I), compared as |100 (F I + A (I − R)) − S A I| ≤ t A I.
 * A fee deducted from the amount and a fee charged on top give the same percentages. Also says
 * whether the fee is below the amount (a deducted fee as large leaves the family nothing).
 */
export function statedFiguresAgree(figures: StatedFigures): Result<StatedAgreement> {
  return clearAgreement(figures) ?? attempt(() => {
    const amount = scaled(figures.amountSent, '/amountSent');
    if (amount.digits <= 0n) throw new Invalid('remittance.amount_not_positive', { pointer: '/amountSent' });
    const fee = scaled(figures.fee, '/fee');
    if (fee.digits < 0n) throw new Invalid('remittance.fee_negative', { pointer: '/fee' });
    const interbank = scaled(figures.interbankRate, '/interbankRate');
    if (interbank.digits <= 0n) throw new Invalid('remittance.rate_not_positive', { pointer: '/interbankRate' });
    const offered = figures.rateOffered === null ? null : scaled(figures.rateOffered, '/rateOffered');
    if (offered && offered.digits <= 0n) throw new Invalid('remittance.rate_not_positive', { pointer: '/rateOffered' });
    const tolerance = scaled(figures.tolerance, '/tolerance');
    const stated = figures.statedTotalCostPercent === null ? null : scaled(figures.statedTotalCostPercent, '/statedTotalCostPercent');
    const statedMargin = figures.statedFxMarginPercent === null ? null : scaled(figures.statedFxMarginPercent, '/statedFxMarginPercent');
    // One common scale for every figure, so each becomes an integer.
    const k = Math.max(amount.scale, fee.scale, interbank.scale, offered?.scale ?? 0, tolerance.scale, stated?.scale ?? 0, statedMargin?.scale ?? 0);
    const [A, F, I, T] = [atScale(amount, k), atScale(fee, k), atScale(interbank, k), atScale(tolerance, k)];
    const feeBelowAmount = F < A;
    if (offered === null) return { totalCost: true, fxMargin: true, feeBelowAmount }; // nothing to check a margin against
    const R = atScale(offered, k);
    const unit = tenTo(k);
    // Both sides multiplied by unit³ (margin: unit²), so each stays an integer at the same scale.
    const totalCost = stated === null || abs(100n * (F * I + A * (I - R)) * unit - atScale(stated, k) * A * I) <= T * A * I;
    const fxMargin = statedMargin === null || abs(100n * (I - R) * unit - atScale(statedMargin, k) * I) <= T * I;
    return { totalCost, fxMargin, feeBelowAmount };
  });
}

type StatedAgreement = { totalCost: boolean; fxMargin: boolean; feeBelowAmount: boolean };

/** Relative to the figures' size, how far from its tolerance a difference must be for binary floating point to decide it. */
const CLEAR_MARGIN = 1e-9;

/**
 * The same answer from binary floating point, when it is clear: every figure a plain decimal, the
 * rates and amount above zero, and each difference farther from its tolerance than a billionth of
 * the figures' size (a double's rounding errors here stay below a millionth of that). Otherwise
 * null, and the exact integers decide: ties, figures of 17 digits and more, and every error.
 */
function clearAgreement(figures: StatedFigures): Result<StatedAgreement> | null {
  const { amountSent, fee, rateOffered, interbankRate, statedTotalCostPercent: stated, statedFxMarginPercent: statedMargin, tolerance } = figures;
  if (rateOffered === null) return null;
  for (const value of [amountSent, fee, rateOffered, interbankRate, tolerance, stated ?? '0', statedMargin ?? '0']) if (!DECIMAL.test(value)) return null;
  const [A, F, R, I, T] = [Number(amountSent), Number(fee), Number(rateOffered), Number(interbankRate), Number(tolerance)];
  if (!(A > 0 && F >= 0 && R > 0 && I > 0) || A === F) return null;
  const margin = 100 * (1 - R / I);
  const feePercent = (100 * F) / A;
  const S = stated === null ? null : Number(stated);
  const M = statedMargin === null ? null : Number(statedMargin);
  const slack = CLEAR_MARGIN * (100 + Math.abs(feePercent) + Math.abs(margin) + Math.abs(S ?? 0) + Math.abs(M ?? 0));
  if (!Number.isFinite(slack)) return null;
  const within = (difference: number): boolean | null => (difference < T - slack ? true : difference > T + slack ? false : null);
  const totalCost = S === null ? true : within(Math.abs(feePercent + margin - S));
  const fxMargin = M === null ? true : within(Math.abs(margin - M));
  if (totalCost === null || fxMargin === null) return null;
  return { ok: true, value: { totalCost, fxMargin, feeBelowAmount: F < A } };
}

/** A percentage for JSON: rounded half-even to `places` decimals (6 by default), then a number. */
export function percentNumber(percent: DecimalString, places = 6): number {
  return Number(roundedTo(new D(percent), places));
}

/**
 * Total cost of each service that discloses its rate and can be priced at `amount`; the others
 * (undisclosed rate, amount outside its tiers, bad data) are left out.
 */
function transparentCosts<T extends PriceTerms>(services: readonly T[], amount: DecimalString, minorUnits: MinorUnits) {
  return services.flatMap((service) => {
    const priced = quote({ ...service, amountSent: amount }, minorUnits);
    return priced.ok && priced.value.transparent ? [{ service, totalCost: new D(priced.value.totalCostPercent) }] : [];
  });
}

const mean = (values: Decimal[]): Decimal => D.sum(...values).div(values.length);

export type CorridorAverage = {
  /** Null when no service can be counted. */
  averageTotalCostPercent: DecimalString | null;
  servicesUsed: number;
  servicesExcluded: number;
};

/**
 * RPW's corridor average for one standard amount (the sending-currency equivalent of USD 200 or
 * USD 500, rounded to the sending currency's minor units by the caller): the simple, unweighted mean
 * of the total cost of the transparent services. Services that are non-transparent or cannot be
 * priced at that amount are counted as excluded.
 */
export function corridorAverage(services: readonly PriceTerms[], standardAmount: DecimalString, minorUnits: MinorUnits): Result<CorridorAverage> {
  return attempt(() => {
    amountToSend(standardAmount, minorUnitsOf(minorUnits).sending, '/standardAmount');
    const costs = transparentCosts(services, standardAmount, minorUnits).map(({ totalCost }) => totalCost);
    return {
      averageTotalCostPercent: costs.length ? mean(costs).toFixed() : null,
      servicesUsed: costs.length,
      servicesExcluded: services.length - costs.length,
    };
  });
}

export type Smart<T> = {
  smartPercent: DecimalString;
  /** The services averaged, cheapest first. */
  services: T[];
  /** Fewer than three services qualified: the figure is the mean of those there are. */
  incomplete: boolean;
};

/**
 * RPW's Smart Remitter Target: the mean total cost of the three cheapest services for the USD 200
 * equivalent among those that are transparent, take five days or less and are `accessible`. With
 * fewer than three qualifying, the mean of those there are, flagged `incomplete`; null with none.
 */
export function smart<T extends Service>(services: readonly T[], usd200Equivalent: DecimalString, minorUnits: MinorUnits): Result<Smart<T> | null> {
  return attempt(() => {
    amountToSend(usd200Equivalent, minorUnitsOf(minorUnits).sending, '/usd200Equivalent');
    const eligible = services.filter((service) => service.accessible && service.speed !== 'more_than_five_days');
    const cheapest = transparentCosts(eligible, usd200Equivalent, minorUnits)
      .sort((a, b) => a.totalCost.cmp(b.totalCost))
      .slice(0, SMART_SERVICE_COUNT);
    if (cheapest.length === 0) return null;
    return {
      smartPercent: mean(cheapest.map(({ totalCost }) => totalCost)).toFixed(),
      services: cheapest.map(({ service }) => service),
      incomplete: cheapest.length < SMART_SERVICE_COUNT,
    };
  });
}

/** SDG 10.c: an average cost below 3 %, and no corridor above 5 % (both strict). */
export function sdgFlags(averageTotalCostPercent: DecimalString): { belowTarget: boolean; aboveCeiling: boolean } {
  const average = new D(averageTotalCostPercent);
  return { belowTarget: average.lt(SDG_TARGET_PERCENT), aboveCeiling: average.gt(SDG_CEILING_PERCENT) };
}

/** Ascending for `direction` 1, descending for -1; nulls (non-transparent) last either way. */
function compareNullsLast(a: DecimalString | null, b: DecimalString | null, direction: 1 | -1): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return new D(a).cmp(b) * direction;
}

/**
 * Options for one amount and corridor, best first, as the public contract ranks them: most
 * received (as rounded: what the family gets for the amount sent), then least paid by the sender (a
 * fee charged on top is added to the amount sent: `senderPays`, shown beside each option), then
 * lowest total cost, then fastest; non-transparent ones last.
 */
export function rankOptions<T extends { quote: Quote; speed: Speed }>(options: readonly T[]): T[] {
  return [...options].sort(
    (a, b) =>
      compareNullsLast(a.quote.amountReceived, b.quote.amountReceived, -1) ||
      new D(a.quote.senderPays).cmp(b.quote.senderPays) ||
      compareNullsLast(a.quote.totalCostPercent, b.quote.totalCostPercent, 1) ||
      SPEEDS.indexOf(a.speed) - SPEEDS.indexOf(b.speed),
  );
}

export type Savings = {
  /** fee + amountSent × margin / 100: what the transfer cost, in the sending currency. */
  cost: DecimalString;
  costAtAverage: DecimalString;
  costAtCheapest: DecimalString;
  /** costAtAverage − cost; negative when the transfer cost more than the corridor average. */
  savedVersusAverage: DecimalString;
  /** cost − costAtCheapest; zero when the cheapest option was used. */
  overpaidVersusCheapest: DecimalString;
};

/**
 * What a recorded transfer cost against the corridor average and against the cheapest option at
 * that date (both total cost percentages, applied to the same amount). Differences are taken at
 * full precision, then each figure is rounded to the sending currency's minor units.
 */
export function savings(
  transfer: TransparentQuote,
  benchmarks: { corridorAveragePercent: DecimalString; cheapestTotalCostPercent: DecimalString },
  sendingMinorUnits: number,
): Savings {
  const amount = new D(transfer.amountSent);
  const costAt = (percent: DecimalString) => amount.times(percent).div(100);
  const cost = new D(transfer.fee).plus(costAt(transfer.fxMarginPercent));
  const atAverage = costAt(benchmarks.corridorAveragePercent);
  const atCheapest = costAt(benchmarks.cheapestTotalCostPercent);
  return {
    cost: roundedTo(cost, sendingMinorUnits),
    costAtAverage: roundedTo(atAverage, sendingMinorUnits),
    costAtCheapest: roundedTo(atCheapest, sendingMinorUnits),
    savedVersusAverage: roundedTo(atAverage.minus(cost), sendingMinorUnits),
    overpaidVersusCheapest: roundedTo(cost.minus(atCheapest), sendingMinorUnits),
  };
}

/** A percentage for people to read: 2 decimals, half-even. */
export function displayPercent(percent: DecimalString): DecimalString {
  return roundedTo(new D(percent), 2);
}
