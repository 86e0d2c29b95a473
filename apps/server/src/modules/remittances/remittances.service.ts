import type {
  CorridorHistory,
  CorridorList,
  CorridorStats,
  Locale,
  ProblemFieldError,
  RemittancePickupPoint,
  RemittanceQuoteItem,
  RemittanceQuoteList,
  RemittanceQuotesQuery,
} from '@glocal/contracts';
import { MAX_QUOTE_AMOUNT, MAX_QUOTE_AMOUNT_USD } from '@glocal/contracts';
import { Decimal } from 'decimal.js';
import type { Database } from '../../platform/db/database.js';
import { BadRequestError, NotFoundError } from '../../platform/errors/app-error.js';
import { currencyDigits, isCountryCode } from '../reference/index.js';
import {
  amountToSendFor,
  corridorAverage,
  percentNumber,
  quote,
  rankOptions,
  sdgFlags,
  smart,
  SPEEDS,
  STANDARD_AMOUNTS_USD,
  standardAmountIn,
  type MinorUnits,
  type PriceTerms,
  type Quote,
  type Service,
  type Speed,
} from './remittance-cost.js';
import { productPickupPoints } from './product-pickup-points.js';
import { deriveRate } from './reference-rate-paths.js';
import { remittancesRepository, type PriceRow } from './remittances.repository.js';

/** Prices older than this are dropped from rankings; older than `STALE_AFTER_DAYS` they are flagged. */
export const DROP_AFTER_DAYS = 180;
export const STALE_AFTER_DAYS = 90;

type Deps = { db: Database; today?: () => string };

const isoToday = () => new Date().toISOString().slice(0, 10);
export const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** `2026-Q3` → its last day, `2026-09-30`. */
export function periodEnd(period: string): string {
  const [year, quarter] = [Number(period.slice(0, 4)), Number(period.slice(6))];
  return new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
}
/** `2026-08-14` → `2026-Q3`. */
export const periodOf = (isoDate: string) => `${isoDate.slice(0, 4)}-Q${Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1}`;

/** Country and currency codes past the schema's shape: real ISO codes, or a 400 naming the field. */
export function checkCodes(fields: { pointer: string; value: string; kind: 'country' | 'currency' }[], location: ProblemFieldError['in'] = 'querystring') {
  for (const { pointer, value, kind } of fields) {
    const known = kind === 'country' ? isCountryCode(value) : currencyDigits(value) !== undefined;
    if (!known) {
      const code = kind === 'country' ? 'remittance.unknown_country' : 'remittance.unknown_currency';
      throw new BadRequestError(code, { value }, [{ pointer, in: location, code: kind === 'country' ? 'unknown_country' : 'unknown_currency' }]);
    }
  }
}

export const minorUnitsOf = (sendingCurrency: string, receivingCurrency: string): MinorUnits => ({
  sending: currencyDigits(sendingCurrency) ?? 2,
  receiving: currencyDigits(receivingCurrency) ?? 2,
});

export const termsOf = (row: Pick<PriceRow, 'feeSchedule' | 'rateOffered' | 'interbankRate' | 'feeChargedOnTop'>): PriceTerms => ({
  fee: row.feeSchedule,
  rateOffered: row.rateOffered,
  interbankRate: row.interbankRate,
  feeChargedOnTop: row.feeChargedOnTop,
});

const decimalPlaces = (value: string) => value.split('.')[1]?.length ?? 0;
const mode = <T>(values: T[]): T | undefined => {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
};

export type RemittancesService = ReturnType<typeof createRemittancesService>;

/** Public figures: quotes, corridor statistics and history, all computed by remittance-cost.ts. */
export function createRemittancesService({ db, today = isoToday }: Deps) {
  const repository = remittancesRepository(db);

  /**
   * Units of `quote` per unit of `base` on or before a day: the stored rate, else one derived from
   * the latest stored rates (its inverse, else a cross rate through a common currency; see
   * reference-rate-paths.ts), so that an ECB file (EUR-based) feeds the USD standard amounts.
   */
  async function referenceRate(base: string, quote: string, onOrBefore: string): Promise<string | null> {
    const stored = await repository.referenceRate(base, quote, onOrBefore);
    if (stored) return stored;
    return deriveRate(base, quote, await repository.latestRatesTouching([base, quote], onOrBefore))?.rate ?? null;
  }

  function toItem(row: PriceRow, priced: Quote, asOf: string, pickupPoints: RemittancePickupPoint[]): RemittanceQuoteItem {
    return {
      provider: { id: row.providerId, name: row.providerName, type: row.providerType as RemittanceQuoteItem['provider']['type'] },
      product: {
        id: row.productId, name: row.productName, payIn: row.payIn as RemittanceQuoteItem['payIn'], accessible: row.accessible, coverageNote: row.coverageNote,
      },
      sendingCurrency: row.sendingCurrency,
      receivingCurrency: row.receivingCurrency,
      amountSent: priced.amountSent,
      senderPays: priced.senderPays,
      feeChargedOnTop: row.feeChargedOnTop,
      fee: priced.fee,
      exchangeRate: priced.rateOffered,
      interbankRate: priced.interbankRate,
      fxMarginPercent: priced.fxMarginPercent === null ? null : percentNumber(priced.fxMarginPercent),
      totalCostPercent: priced.totalCostPercent === null ? null : percentNumber(priced.totalCostPercent),
      amountReceived: priced.amountReceived,
      speed: row.speed as Speed,
      pickup: row.pickup as RemittanceQuoteItem['pickup'],
      pickupPoints,
      payIn: row.payIn as RemittanceQuoteItem['payIn'],
      transparent: priced.transparent,
      zeroFeeWarning: priced.hidesCostInRate,
      observedAt: row.observedOn,
      stale: daysBetween(row.observedOn, asOf) > STALE_AFTER_DAYS,
      source: row.source as RemittanceQuoteItem['source'],
      illustrative: row.illustrative,
    };
  }

  /**
   * The amount to send with one service. Given in the receiving currency, it is the least that
   * delivers that much; a service that hides its rate is then priced at the interbank rate, the
   * best the family could hope for (its amount received stays unknown).
   */
  function amountSentWith(row: PriceRow, amount: string, currency: string, units: MinorUnits) {
    if (currency === row.sendingCurrency) return { ok: true as const, value: amount };
    const terms = termsOf(row);
    return amountToSendFor(row.rateOffered === null ? { ...terms, rateOffered: row.interbankRate } : terms, amount, units);
  }

  type StandardKey = keyof typeof STANDARD_AMOUNTS_USD;
  /** Beyond the public figures: each provider type's USD 200 average and the cheapest total cost at each standard amount. */
  type PeriodAnalysis = {
    stats: CorridorStats;
    byProviderType: { providerType: string; services: number; averageTotalCostUsd200: string | null }[];
    cheapest: Record<StandardKey, string | null>;
    /** The averages unrounded. */
    averages: Record<StandardKey, string | null>;
  };

  async function statsFor(from: string, to: string, period: string): Promise<CorridorStats> {
    return (await analysePeriod(from, to, period, false)).stats;
  }

  async function analysePeriod(from: string, to: string, period: string, withExtras = true): Promise<PeriodAnalysis> {
    const corridor = `${from}-${to}`;
    const all = await repository.periodObservations(from, to, period);
    const pair = mode(all.map((row) => `${row.sendingCurrency}/${row.receivingCurrency}`));
    // A corridor is priced in one currency pair; the rare rows in another (a USD payout) are left out.
    const rows = all.filter((row) => `${row.sendingCurrency}/${row.receivingCurrency}` === pair);
    const empty: CorridorStats = {
      corridor, period, sendingCurrency: null, standardAmounts: { usd200: null, usd500: null }, services: 0, transparentServices: 0,
      averageTotalCost: { usd200: null, usd500: null }, smart: null, smartIncomplete: false, sdg: { averageBelow3Percent: null, corridorAbove5Percent: null },
    };
    if (!pair || rows.length === 0) return { stats: empty, byProviderType: [], cheapest: { usd200: null, usd500: null }, averages: { usd200: null, usd500: null } };
    const [sendingCurrency, receivingCurrency] = pair.split('/') as [string, string];
    const units = minorUnitsOf(sendingCurrency, receivingCurrency);

    const byProduct = new Map<string, PriceRow[]>();
    for (const row of rows) byProduct.set(row.productId, [...(byProduct.get(row.productId) ?? []), row]);
    const latestOf = (list: PriceRow[]) => list.reduce((a, b) => (b.observedOn > a.observedOn ? b : a));
    const transparentServices = [...byProduct.values()].filter((list) => latestOf(list).rateOffered !== null).length;

    const sendingPerUsd = await referenceRate('USD', sendingCurrency, periodEnd(period));
    const standard = (key: keyof typeof STANDARD_AMOUNTS_USD): string | null => {
      // RPW's own rows carry the amount they were surveyed at; else the USD figure at the reference rate.
      const surveyed = mode(rows.filter((row) => row.standardAmount === key).map((row) => row.amount!));
      if (surveyed) return surveyed;
      if (!sendingPerUsd) return null;
      const converted = standardAmountIn(STANDARD_AMOUNTS_USD[key], sendingPerUsd, units.sending);
      return converted.ok ? converted.value : null;
    };
    /** Each product's terms at one standard amount: its point observation there, else its schedule. */
    const servicesAt = (key: keyof typeof STANDARD_AMOUNTS_USD): (Service & { providerType: string })[] =>
      [...byProduct.values()].flatMap((list) => {
        const row = list.find((r) => r.standardAmount === key) ?? list.find((r) => r.amount === null);
        return row ? [{ ...termsOf(row), speed: row.speed as Speed, accessible: row.accessible, providerType: row.providerType }] : [];
      });

    const amounts = { usd200: standard('usd200'), usd500: standard('usd500') };
    const average = (key: keyof typeof STANDARD_AMOUNTS_USD) => {
      const amount = amounts[key];
      if (!amount || decimalPlaces(amount) > units.sending) return null;
      const result = corridorAverage(servicesAt(key), amount, units);
      return result.ok ? result.value.averageTotalCostPercent : null;
    };
    const usd200 = average('usd200');
    const usd500 = average('usd500');
    const cheapestAt = (key: StandardKey) => {
      const amount = amounts[key];
      if (!amount || decimalPlaces(amount) > units.sending) return null;
      const costs = servicesAt(key).flatMap((service) => {
        const priced = quote({ ...service, amountSent: amount }, units);
        return priced.ok && priced.value.totalCostPercent !== null ? [new Decimal(priced.value.totalCostPercent)] : [];
      });
      return costs.length ? Decimal.min(...costs).toFixed() : null;
    };
    const types = withExtras ? [...new Set(servicesAt('usd200').map((service) => service.providerType))].sort() : [];
    const byProviderType = types.map((providerType) => {
      const ofType = servicesAt('usd200').filter((service) => service.providerType === providerType);
      const result = amounts.usd200 && decimalPlaces(amounts.usd200) <= units.sending ? corridorAverage(ofType, amounts.usd200, units) : null;
      return { providerType, services: ofType.length, averageTotalCostUsd200: result?.ok ? result.value.averageTotalCostPercent : null };
    });
    const smartResult = amounts.usd200 ? smart(servicesAt('usd200'), amounts.usd200, units) : null;
    const smartValue = smartResult?.ok ? smartResult.value : null;
    const flags = usd200 === null ? null : sdgFlags(usd200);
    const stats: CorridorStats = {
      corridor, period, sendingCurrency, standardAmounts: amounts, services: byProduct.size, transparentServices,
      averageTotalCost: { usd200: usd200 === null ? null : percentNumber(usd200), usd500: usd500 === null ? null : percentNumber(usd500) },
      smart: smartValue ? percentNumber(smartValue.smartPercent) : null,
      smartIncomplete: smartValue?.incomplete ?? false,
      sdg: { averageBelow3Percent: flags?.belowTarget ?? null, corridorAbove5Percent: flags?.aboveCeiling ?? null },
    };
    const cheapest = withExtras ? { usd200: cheapestAt('usd200'), usd500: cheapestAt('usd500') } : { usd200: null, usd500: null };
    return { stats, byProviderType, cheapest, averages: { usd200, usd500 } };
  }

  /** Every option for an amount in a corridor as prices stood on `asOf`, best first (see `quotes`). */
  async function rankedOptions(query: Pick<RemittanceQuotesQuery, 'from' | 'to' | 'amount' | 'currency' | 'speed' | 'pickup' | 'providerType'>, asOf: string) {
    const rows = (await repository.latestSchedules(query.from, query.to, addDays(asOf, -DROP_AFTER_DAYS), asOf)).filter(
      (row) =>
        (!query.speed || row.speed === query.speed) &&
        (!query.pickup || row.pickup === query.pickup) &&
        (!query.providerType || row.providerType === query.providerType),
    );
    const inCurrency = rows.filter((row) => row.sendingCurrency === query.currency || row.receivingCurrency === query.currency);
    let outsideTiers = 0;
    const options = inCurrency.flatMap((row) => {
      const units = minorUnitsOf(row.sendingCurrency, row.receivingCurrency);
      const sent = amountSentWith(row, query.amount, query.currency, units);
      const priced = sent.ok ? quote({ ...termsOf(row), amountSent: sent.value }, units) : sent;
      if (!priced.ok) {
        if (priced.error.code === 'remittance.amount_outside_tiers') outsideTiers++;
        return [];
      }
      return [{ row, quote: priced.value, speed: row.speed as Speed }];
    });
    // In the sending currency every option sends the same amount: rank by what the family gets.
    // In the receiving currency every option delivers the same: rank by what the sender pays.
    const ranked =
      query.currency === inCurrency[0]?.sendingCurrency
        ? rankOptions(options)
        : [...options].sort(
            (a, b) =>
              Number(!a.quote.transparent) - Number(!b.quote.transparent) ||
              new Decimal(a.quote.senderPays).cmp(b.quote.senderPays) ||
              SPEEDS.indexOf(a.speed) - SPEEDS.indexOf(b.speed),
          );
    return { ranked, outsideTiers, inCurrency: rows.length > 0 && inCurrency.length === 0 ? (false as const) : true };
  }

  /**
   * The largest amount a quote takes in the query's currency (only asked above MAX_QUOTE_AMOUNT,
   * which any currency takes): the equivalent of USD MAX_QUOTE_AMOUNT_USD at the currency's USD
   * reference rate; else through the corridor's interbank rate, from the other currency's USD
   * reference rate, or without one from MAX_QUOTE_AMOUNT units of the pair's stronger currency;
   * else (no price in the corridor) MAX_QUOTE_AMOUNT.
   */
  async function quoteAmountCap(query: Pick<RemittanceQuotesQuery, 'from' | 'to' | 'currency'>, asOf: string): Promise<Decimal> {
    const least = new Decimal(MAX_QUOTE_AMOUNT);
    const usd = new Decimal(MAX_QUOTE_AMOUNT_USD);
    const perUsd = await repository.referenceRate('USD', query.currency, asOf);
    if (perUsd) return Decimal.max(least, usd.times(perUsd));
    const row = (await repository.latestSchedules(query.from, query.to, addDays(asOf, -DROP_AFTER_DAYS), asOf)).find(
      (r) => r.sendingCurrency === query.currency || r.receivingCurrency === query.currency,
    );
    if (!row) return least;
    const receiving = row.receivingCurrency === query.currency;
    const other = receiving ? row.sendingCurrency : row.receivingCurrency;
    // Units of the query's currency per unit of the other one.
    const perOther = receiving ? new Decimal(row.interbankRate) : new Decimal(1).div(row.interbankRate);
    const otherPerUsd = await repository.referenceRate('USD', other, asOf);
    return Decimal.max(least, (otherPerUsd ? usd.times(otherPerUsd) : least).times(perOther));
  }

  return {
    today,
    referenceRate,
    statsFor,
    analysePeriod,
    rankedOptions,

    /** Options ranked for one amount; pickup points are named in `locale`. */
    async quotes(query: RemittanceQuotesQuery, locale: Locale = 'en'): Promise<RemittanceQuoteList> {
      checkCodes([
        { pointer: '/from', value: query.from, kind: 'country' },
        { pointer: '/to', value: query.to, kind: 'country' },
        { pointer: '/currency', value: query.currency, kind: 'currency' },
      ]);
      if (decimalPlaces(query.amount) > currencyDigits(query.currency)!) {
        throw new BadRequestError('remittance.amount_too_precise', { minorUnits: currencyDigits(query.currency)! }, [
          { pointer: '/amount', in: 'querystring', code: 'amount_too_precise', params: { minorUnits: currencyDigits(query.currency)! } },
        ]);
      }
      const asOf = today();
      if (new Decimal(query.amount).gt(MAX_QUOTE_AMOUNT)) {
        const maximum = (await quoteAmountCap(query, asOf)).floor();
        if (maximum.lt(query.amount)) {
          throw new BadRequestError('remittance.amount_too_large', { maximum: maximum.toFixed(), currency: query.currency }, [
            { pointer: '/amount', in: 'querystring', code: 'too_big', params: { maximum: maximum.toFixed(), currency: query.currency } },
          ]);
        }
      }
      const { ranked, outsideTiers, inCurrency } = await rankedOptions(query, asOf);
      if (ranked.length === 0 && outsideTiers > 0) {
        throw new BadRequestError('remittance.amount_outside_tiers', { amount: query.amount }, [
          { pointer: '/amount', in: 'querystring', code: 'amount_outside_tiers' },
        ]);
      }
      if (inCurrency === false) {
        throw new BadRequestError('remittance.currency_not_in_corridor', { currency: query.currency }, [
          { pointer: '/currency', in: 'querystring', code: 'currency_not_in_corridor' },
        ]);
      }
      // The page's pickup points at once, never a query per option.
      const pickupPoints = await productPickupPoints.of(db, ranked.map((option) => option.row.productId), locale, query.to);
      return {
        items: ranked.map((option) => toItem(option.row, option.quote, asOf, pickupPoints.get(option.row.productId) ?? [])),
        nextCursor: null,
      };
    },

    /** A quarter's statistics; without `period`, the latest quarter with observations (404 when the corridor has none). */
    async stats(corridor: string, period?: string): Promise<CorridorStats> {
      const [from, to] = corridor.split('-') as [string, string];
      checkCodes([{ pointer: '/corridor', value: from, kind: 'country' }, { pointer: '/corridor', value: to, kind: 'country' }], 'params');
      const quarter = period ?? (await repository.latestPeriod(from, to));
      if (!quarter) throw new NotFoundError('remittance.corridor_without_prices', { corridor });
      return statsFor(from, to, quarter);
    },

    async history(corridor: string): Promise<CorridorHistory> {
      const [from, to] = corridor.split('-') as [string, string];
      checkCodes([{ pointer: '/corridor', value: from, kind: 'country' }, { pointer: '/corridor', value: to, kind: 'country' }], 'params');
      const periods = await repository.periods(from, to);
      const items: CorridorStats[] = [];
      for (const period of periods) items.push(await statsFor(from, to, period));
      return { items, nextCursor: null };
    },

    async corridors(): Promise<CorridorList> {
      const rows = await repository.corridors();
      return {
        items: rows.map((row) => ({
          corridor: `${row.sendingCountry}-${row.receivingCountry}`,
          from: row.sendingCountry,
          to: row.receivingCountry,
          sendingCurrency: row.sendingCurrency,
          receivingCurrency: row.receivingCurrency,
          latestPeriod: row.latestPeriod,
          latestObservedOn: row.latestObservedOn,
          observations: row.observations,
          illustrative: row.illustrative,
        })),
        nextCursor: null,
      };
    },
  };
}
