import {
  PAY_IN_METHODS,
  PICKUP_METHODS,
  PROVIDER_TYPES,
  REMITTANCE_SPEEDS,
  type ImportRowError,
  type PayInMethod,
  type PickupMethod,
  type ProviderType,
  type RemittanceSpeed,
} from '@glocal/contracts';
import currencyCodes from 'currency-codes';
import { Decimal } from 'decimal.js';
import countries from 'i18n-iso-countries';
import { currencyDigits, isCountryCode } from '../reference/index.js';
import { feeFor, statedFiguresAgree, type FeeSchedule, type FeeTier } from './remittance-cost.js';

/**
 * Price files, turned into observations row by row. Every row is checked; a row that cannot be
 * read, or whose stated total cost disagrees with its own fee, amount and rates, is reported with
 * its line number (the header is line 1), its column and a code, and never stored.
 */

/** How far a stated total cost or margin may sit from the one recomputed, in percentage points. */
export const MISMATCH_TOLERANCE_PERCENT = '0.01';

export type ParsedObservation = {
  row: number;
  provider: { name: string; type: ProviderType };
  product: { name: string; payIn: PayInMethod; pickup: PickupMethod; speed: RemittanceSpeed; accessible: boolean; feeChargedOnTop: boolean; coverageNote: string | null };
  sendingCountry: string;
  receivingCountry: string;
  sendingCurrency: string;
  receivingCurrency: string;
  amount: string | null;
  standardAmount: 'usd200' | 'usd500' | null;
  feeSchedule: FeeSchedule;
  rateOffered: string | null;
  interbankRate: string;
  observedOn: string;
  period: string;
  /** Provider and product names in lower case: the product's identity within a file. */
  productKey: string;
  /** Unique per observation, independent of database ids: the same file imported twice stores nothing new. */
  naturalKey: string;
};

/** A file's row: its cells, and where each normalised column name sits among them (the header's order). */
export type CsvRecord = { readonly cells: readonly string[]; readonly columns: ReadonlyMap<string, number> };
/** The row's cell under `column`; blank when the file has no such column or the row stops short. */
function cellOf(record: CsvRecord, column: string): string {
  const index = record.columns.get(column);
  return index === undefined ? '' : (record.cells[index] ?? '');
}

export type ParseResult = { observations: ParsedObservation[]; errors: ImportRowError[]; rows: number };

/** A header as we compare it: lower case, `_` and runs of spaces as one space. */
export const normaliseHeader = (header: string) => header.trim().toLowerCase().replace(/[\s_]+/g, ' ');

class RowError extends Error {
  constructor(readonly column: string | null, readonly code: string, readonly params?: Record<string, string | number>) {
    super(code);
  }
}

const NUMBER = /^-?\d+(\.\d+)?$/;
/** Exports write numbers as they please: thousands separators, a % sign, an exponent. */
function decimal(record: CsvRecord, column: string, { optional = false } = {}): string | null {
  const cell = cellOf(record, column);
  // The common case first: a plain decimal without leading zeros (imports read a million of them).
  if (NUMBER.test(cell) && !/^-?0\d/.test(cell)) return cell;
  const raw = cell.trim().replace(/%$/, '').trim();
  if (raw === '' || /^(n\/?a|na|-|\.)$/i.test(raw)) {
    if (optional) return null;
    throw new RowError(column, 'missing');
  }
  let value = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw) ? raw.replace(/,/g, '') : raw;
  if (!NUMBER.test(value)) {
    if (!/^-?\d+(\.\d+)?e[+-]?\d+$/i.test(value)) throw new RowError(column, 'not_a_number', { value: raw });
    value = new Decimal(value).toFixed();
  }
  return value.replace(/^(-?)0+(?=\d)/, '$1');
}
const positive = (value: string, column: string) => {
  if (!/[1-9]/.test(value) || value.startsWith('-')) throw new RowError(column, 'not_positive', { value });
  return value;
};
const text = (record: CsvRecord, column: string, max = 200) => {
  const value = cellOf(record, column).trim();
  if (!value) throw new RowError(column, 'missing');
  if (value.length > max) throw new RowError(column, 'too_long', { maximum: max });
  return value;
};

/** Lookups that files repeat on every row (codes, categories), remembered by their raw text. */
function memo<T>(compute: (raw: string) => T): (raw: string) => T {
  const known = new Map<string, T>();
  return (raw) => {
    if (!known.has(raw)) known.set(raw, compute(raw));
    return known.get(raw) as T;
  };
}
const alpha2Of = memo((raw: string) => {
  const alpha2 = raw.length === 3 ? countries.alpha3ToAlpha2(raw) : raw;
  return alpha2 && isCountryCode(alpha2) ? alpha2 : null;
});
const digitsOf = memo((code: string) => currencyDigits(code) ?? null);

function country(record: CsvRecord, column: string): string {
  const raw = text(record, column).toUpperCase();
  const alpha2 = alpha2Of(raw);
  if (!alpha2) throw new RowError(column, 'unknown_country', { value: raw });
  return alpha2;
}
function currency(record: CsvRecord, column: string): string {
  const raw = text(record, column).toUpperCase();
  if (digitsOf(raw) === null) throw new RowError(column, 'unknown_currency', { value: raw });
  return raw;
}

/** `2011_1Q`, `2011-Q1`, `2011 Q1` or `Q1 2011` → `2011-Q1`. */
export const parsePeriod = memo(periodOfText);
function periodOfText(raw: string): string | null {
  const value = raw.trim().toUpperCase();
  const found =
    value.match(/^(\d{4})[_\s-]?([1-4])Q$/) ?? value.match(/^(\d{4})[_\s-]?Q([1-4])$/) ?? value.match(/^Q([1-4])[_\s-]?(\d{4})$/)?.reverse();
  if (!found) return null;
  const [year, quarter] = value.startsWith('Q') ? [found[0], found[1]] : [found[1], found[2]];
  return `${year}-Q${quarter}`;
}

/** ISO `2011-02-15`, or the month/day/year the World Bank writes; null when unreadable. */
export function parseDate(raw: string): string | null {
  const value = raw.trim();
  const iso = value.match(/^(\d{4})-(\d{2})-(\d{2})/);
  const us = value.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1]!.padStart(2, '0'), us[2]!.padStart(2, '0')] : [];
  if (!year) return null;
  const date = `${year}-${month}-${day}`;
  return new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date ? date : null;
}
const periodStart = (period: string) => `${period.slice(0, 4)}-${String((Number(period.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;

/** First pattern that matches the lower-cased value wins; the answers are remembered per list of patterns. */
const classified = new Map<readonly [RegExp, string][], Map<string, string | null>>();
function classify<T extends string>(value: string, column: string, patterns: readonly [RegExp, T][], code: string): T {
  let known = classified.get(patterns);
  if (!known) classified.set(patterns, (known = new Map()));
  let found = known.get(value);
  if (found === undefined) {
    const lower = value.toLowerCase();
    known.set(value, (found = patterns.find(([pattern]) => pattern.test(lower))?.[1] ?? null));
  }
  if (found === null) throw new RowError(column, code, { value });
  return found as T;
}

// RPW's words for firm types, payment instruments, pick-up methods and speeds, to our codes.
const FIRM_TYPES: [RegExp, ProviderType][] = [
  [/post/, 'post_office'], [/mobile|telecom|mno/, 'mobile_operator'], [/credit union|microfinance|\bmfi\b|cooperative|mutual/, 'credit_union_or_mfi'],
  [/fintech|digital|online/, 'fintech'], [/bank/, 'bank'], [/money transfer|\bmto\b|remittance/, 'money_transfer_operator'],
];
const PAY_IN: [RegExp, PayInMethod][] = [[/card/, 'card'], [/online|internet|web|mobile|app/, 'online'], [/account|bank/, 'account'], [/cash/, 'cash']];
const PICKUP: [RegExp, PickupMethod][] = [[/home|door|deliver/, 'home_delivery'], [/mobile|wallet/, 'mobile_wallet'], [/account|bank|deposit/, 'account'], [/cash|pick/, 'cash_pickup']];
const SPEED: [RegExp, RemittanceSpeed][] = [
  [/less than (one|1) hour|minutes|< ?1 ?h|instant/, 'less_than_one_hour'], [/same day/, 'same_day'], [/next day|1 day|one day|24 h/, 'next_day'],
  [/^2 days|two days/, 'two_days'], [/3 ?(-|–|to) ?5 days|3-5/, 'three_to_five_days'], [/more than 5|6 days|> ?5|over 5/, 'more_than_five_days'],
];
const YES = /^(yes|y|true|1|transparent)$/i;
const NO = /^(no|n|false|0|non-transparent|not transparent)$/i;

/**
 * The receiving currency of a country, which RPW's columns do not carry: the ISO 4217 currencies
 * whose country names match the country's English names (either list's wording, `(The)` and
 * `, Republic Of` forms unfolded). With several, the one used by more countries (USD in Ecuador);
 * with none, null, and the row needs a `destination currency` column.
 */
const countryKey = (name: string) =>
  name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’']/g, '').replace(/\bthe\b/g, ' ').replace(/[^a-z]+/g, ' ').trim();
const nameVariants = (name: string) => {
  const variants = [name];
  const bracket = name.match(/^(.*?)\s*\((.*)\)$/);
  if (bracket) variants.push(`${bracket[2]} ${bracket[1]}`, bracket[1]!);
  const comma = name.match(/^(.*?),\s*(.*)$/);
  if (comma) variants.push(`${comma[2]} ${comma[1]}`);
  return variants.map(countryKey);
};
let currencyIndex: Map<string, Set<string>> | undefined;
const receivingCurrencyCache = new Map<string, string | null>();
export function currencyOfCountry(alpha2: string): string | null {
  if (receivingCurrencyCache.has(alpha2)) return receivingCurrencyCache.get(alpha2)!;
  if (!currencyIndex) {
    currencyIndex = new Map();
    for (const entry of currencyCodes.data) {
      if (!entry.number) continue;
      for (const name of entry.countries) for (const key of nameVariants(name)) currencyIndex.set(key, (currencyIndex.get(key) ?? new Set()).add(entry.code));
    }
  }
  const names = [countries.getName(alpha2, 'en', { select: 'all' }) ?? [], countries.getName(alpha2, 'en', { select: 'official' }) ?? []].flat();
  let found: string | null = null;
  for (const key of names.flatMap(nameVariants)) {
    const codes = [...(currencyIndex.get(key) ?? [])];
    if (codes.length === 0) continue;
    const spread = (code: string) => currencyCodes.code(code)?.countries.length ?? 0;
    // Several: the most widely used (USD over USN), then the one coded after the country (CLP over CLF).
    found = codes.sort((a, b) => spread(b) - spread(a) || Number(b.startsWith(alpha2)) - Number(a.startsWith(alpha2)))[0]!;
    break;
  }
  receivingCurrencyCache.set(alpha2, found);
  return found;
}

/** The columns of RPW's published dataset we need (normalised), and those we read when present. */
export const RPW_REQUIRED = [
  'period', 'source code', 'destination code', 'firm', 'firm type', 'cc1 lcu amount', 'cc1 lcu code', 'cc1 lcu fee', 'cc1 lcu fx rate',
  'cc1 total cost %', 'inter lcu bank fx', 'transparent',
] as const;
export const RPW_OPTIONAL = [
  'source name', 'destination name', 'payment instrument', 'speed actual', 'pick-up method', 'cc1 denomination amount', 'cc1 fx margin',
  'cc2 lcu amount', 'cc2 denomination amount', 'cc2 lcu code', 'cc2 lcu fee', 'cc2 lcu fx rate', 'cc2 fx margin', 'cc2 total cost %',
  'note1', 'note2', 'date', 'corridor', 'destination currency',
] as const;

/** The simple format desks fill in after a survey (see docs/remittances.md). */
export const SURVEY_REQUIRED = [
  'provider', 'provider type', 'product', 'pay in', 'pickup', 'speed', 'from', 'to', 'sending currency', 'receiving currency',
  'observed on', 'fee fixed', 'fee percent', 'rate offered', 'interbank rate',
] as const;
export const SURVEY_OPTIONAL = ['accessible', 'fee charged on top', 'tier over', 'tier up to', 'coverage note'] as const;

export function missingColumns(headers: string[], required: readonly string[]): string[] {
  const present = new Set(headers.map(normaliseHeader));
  return required.filter((column) => !present.has(column));
}

function capture(errors: ImportRowError[], row: number, work: () => void) {
  try {
    work();
  } catch (error) {
    if (!(error instanceof RowError)) throw error;
    errors.push({ row, column: error.column, code: error.code, ...(error.params ? { params: error.params } : {}) });
  }
}

/** Rounds an amount half-even to the currency's minor units (RPW publishes some with more). */
const toMinorUnits = (value: string, currencyCode: string) => {
  const places = digitsOf(currencyCode) ?? 2;
  const point = value.indexOf('.');
  return point < 0 || value.length - point - 1 <= places ? value : new Decimal(value).toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN).toFixed(places);
};

/** RPW's two standard amounts, the USD 200 (cc1) and USD 500 (cc2) equivalents, and their columns. */
const STANDARD_AMOUNT_COLUMNS = (['cc1', 'cc2'] as const).map((prefix) => ({
  standardAmount: prefix === 'cc1' ? ('usd200' as const) : ('usd500' as const),
  optional: prefix === 'cc2',
  amount: `${prefix} lcu amount`, currency: `${prefix} lcu code`, fee: `${prefix} lcu fee`, rate: `${prefix} lcu fx rate`,
  totalCost: `${prefix} total cost %`, margin: `${prefix} fx margin`,
}));

/**
 * One row of RPW's dataset (`row`: its line in the file), a service in a quarter priced at the USD
 * 200 (cc1) and USD 500 (cc2) equivalents: appends its two observations, or its error.
 */
export function parseRpwRow(record: CsvRecord, row: number, observations: ParsedObservation[], errors: ImportRowError[]): void {
  capture(errors, row, () => {
    const rawPeriod = text(record, 'period');
    const period = parsePeriod(rawPeriod);
    if (!period) throw new RowError('period', 'period_invalid', { value: rawPeriod });
    const sendingCountry = country(record, 'source code');
    const receivingCountry = country(record, 'destination code');
    const firm = text(record, 'firm');
    const type = classify(text(record, 'firm type'), 'firm type', FIRM_TYPES, 'firm_type_unknown');
    const instrument = cellOf(record, 'payment instrument').trim() || 'cash';
    const pickupRaw = cellOf(record, 'pick-up method').trim() || 'cash';
    const speedRaw = cellOf(record, 'speed actual').trim();
    const payIn = classify(instrument, 'payment instrument', PAY_IN, 'payment_instrument_unknown');
    const pickup = classify(pickupRaw, 'pick-up method', PICKUP, 'pickup_method_unknown');
    // RPW leaves speed blank for some rows: counted as the slowest, so SmaRT never takes them on trust.
    const speed = speedRaw ? classify(speedRaw, 'speed actual', SPEED, 'speed_unknown') : 'more_than_five_days';
    const transparentRaw = text(record, 'transparent');
    if (!YES.test(transparentRaw) && !NO.test(transparentRaw)) throw new RowError('transparent', 'transparent_invalid', { value: transparentRaw });
    const transparent = YES.test(transparentRaw);
    const interbankRate = positive(decimal(record, 'inter lcu bank fx')!, 'inter lcu bank fx');
    const destinationCurrency = cellOf(record, 'destination currency').trim();
    const receivingCurrency = destinationCurrency ? currency(record, 'destination currency') : currencyOfCountry(receivingCountry);
    if (!receivingCurrency) throw new RowError('destination code', 'receiving_currency_unknown', { value: receivingCountry });
    const rawDate = cellOf(record, 'date').trim();
    const observedOn = rawDate ? parseDate(rawDate) : periodStart(period);
    if (!observedOn) throw new RowError('date', 'date_invalid', { value: rawDate });
    const product = {
      name: `${instrument} → ${pickupRaw}${speedRaw ? `, ${speedRaw}` : ''}`.slice(0, 200),
      payIn, pickup, speed,
      // RPW surveys what a walk-in customer with an ID can use: we take its services as accessible.
      accessible: true,
      feeChargedOnTop: false,
      coverageNote: null,
    };

    const provider = { name: firm, type };
    const productKey = `${firm.toLowerCase()}|${product.name.toLowerCase()}`;
    const observed: ParsedObservation[] = [];
    for (const cc of STANDARD_AMOUNT_COLUMNS) {
      // cc2 is optional as a whole: a row may carry the USD 200 price only.
      if (cc.optional && !cellOf(record, cc.amount).trim()) continue;
      const sendingCurrency = currency(record, cc.currency);
      const amount = toMinorUnits(positive(decimal(record, cc.amount)!, cc.amount), sendingCurrency);
      const fee = decimal(record, cc.fee)!;
      if (fee.startsWith('-')) throw new RowError(cc.fee, 'fee_negative', { value: fee });
      const rateOffered = transparent ? positive(decimal(record, cc.rate)!, cc.rate) : null;
      const statedTotal = decimal(record, cc.totalCost, { optional: !transparent });
      const statedMargin = decimal(record, cc.margin, { optional: true });
      const agree = statedFiguresAgree({
        amountSent: amount, fee, rateOffered, interbankRate, statedTotalCostPercent: statedTotal, statedFxMarginPercent: statedMargin,
        tolerance: MISMATCH_TOLERANCE_PERCENT,
      });
      if (!agree.ok) throw new RowError(cc.amount, agree.error.code.replace('remittance.', ''));
      if (!agree.value.feeBelowAmount) throw new RowError(cc.fee, 'fee_exceeds_amount', { value: fee });
      if (!agree.value.fxMargin) throw new RowError(cc.margin, 'fx_margin_mismatch', { stated: statedMargin!, tolerance: MISMATCH_TOLERANCE_PERCENT });
      if (!agree.value.totalCost) throw new RowError(cc.totalCost, 'total_cost_mismatch', { stated: statedTotal!, tolerance: MISMATCH_TOLERANCE_PERCENT });
      observed.push({
        row, provider, product, productKey, sendingCountry, receivingCountry, sendingCurrency, receivingCurrency,
        amount, standardAmount: cc.standardAmount, feeSchedule: { fixed: fee }, rateOffered, interbankRate, observedOn, period,
        naturalKey: `rpw|${period}|${sendingCountry}|${receivingCountry}|${productKey}|${cc.standardAmount}`,
      });
    }
    observations.push(...observed);
  });
}

const PROVIDER_TYPE_SET = new Set<string>(PROVIDER_TYPES);
function oneOf<T extends string>(record: CsvRecord, column: string, values: readonly T[]): T {
  const value = text(record, column).toLowerCase();
  if (!(values as readonly string[]).includes(value)) throw new RowError(column, 'not_one_of', { value, allowed: values.join(', ') });
  return value as T;
}
const flag = (record: CsvRecord, column: string, fallback: boolean) => {
  const value = cellOf(record, column).trim();
  if (!value) return fallback;
  if (YES.test(value)) return true;
  if (NO.test(value)) return false;
  throw new RowError(column, 'not_yes_or_no', { value });
};

/**
 * Our survey format: one row per fee tier (a single row for a flat fee). Rows sharing provider,
 * product, corridor and date make one observation, their tiers in file order.
 */
export function parseSurvey(records: CsvRecord[]): ParseResult {
  const errors: ImportRowError[] = [];
  const groups = new Map<string, { observation: ParsedObservation; tiers: FeeTier[]; rows: number[] }>();
  records.forEach((record, index) => {
    const row = index + 2;
    capture(errors, row, () => {
      const providerType = oneOf(record, 'provider type', PROVIDER_TYPES);
      if (!PROVIDER_TYPE_SET.has(providerType)) throw new RowError('provider type', 'not_one_of');
      const provider = text(record, 'provider');
      const productName = text(record, 'product');
      const sendingCountry = country(record, 'from');
      const receivingCountry = country(record, 'to');
      const sendingCurrency = currency(record, 'sending currency');
      const receivingCurrency = currency(record, 'receiving currency');
      const rawDate = text(record, 'observed on');
      const observedOn = parseDate(rawDate);
      if (!observedOn) throw new RowError('observed on', 'date_invalid', { value: rawDate });
      const rateOffered = decimal(record, 'rate offered', { optional: true });
      if (rateOffered !== null) positive(rateOffered, 'rate offered');
      const interbankRate = positive(decimal(record, 'interbank rate')!, 'interbank rate');
      const tier: FeeTier = {};
      for (const [column, key] of [['tier over', 'over'], ['tier up to', 'upTo'], ['fee fixed', 'fixed'], ['fee percent', 'percent']] as const) {
        const value = decimal(record, column, { optional: true });
        if (value === null) continue;
        if (value.startsWith('-')) throw new RowError(column, 'negative', { value });
        tier[key] = value;
      }
      const period = `${observedOn.slice(0, 4)}-Q${Math.floor((Number(observedOn.slice(5, 7)) - 1) / 3) + 1}`;
      const key = ['survey', sendingCountry, receivingCountry, provider.toLowerCase(), productName.toLowerCase(), observedOn].join('|');
      const group = groups.get(key);
      if (group) {
        group.tiers.push(tier);
        group.rows.push(row);
        return;
      }
      groups.set(key, {
        tiers: [tier],
        rows: [row],
        observation: {
          row, provider: { name: provider, type: providerType }, productKey: `${provider.toLowerCase()}|${productName.toLowerCase()}`,
          product: {
            name: productName, payIn: oneOf(record, 'pay in', PAY_IN_METHODS), pickup: oneOf(record, 'pickup', PICKUP_METHODS),
            speed: oneOf(record, 'speed', REMITTANCE_SPEEDS), accessible: flag(record, 'accessible', true),
            feeChargedOnTop: flag(record, 'fee charged on top', false), coverageNote: cellOf(record, 'coverage note').trim().slice(0, 500) || null,
          },
          sendingCountry, receivingCountry, sendingCurrency, receivingCurrency, amount: null, standardAmount: null,
          feeSchedule: {}, rateOffered, interbankRate, observedOn, period, naturalKey: key,
        },
      });
    });
  });
  const observations: ParsedObservation[] = [];
  for (const { observation, tiers, rows } of groups.values()) {
    const single = tiers.length === 1 && tiers[0]!.over === undefined && tiers[0]!.upTo === undefined;
    if (tiers.some((tier) => tier.fixed === undefined && tier.percent === undefined)) {
      errors.push({ row: rows[tiers.findIndex((tier) => tier.fixed === undefined && tier.percent === undefined)]!, column: 'fee fixed', code: 'missing' });
      continue;
    }
    const schedule: FeeSchedule = single
      ? Object.fromEntries(Object.entries({ fixed: tiers[0]!.fixed, percent: tiers[0]!.percent }).filter(([, value]) => value !== undefined))
      : { tiers };
    // The schedule must be one the cost library can price: tiers ascending, without overlap.
    const probe = feeFor(schedule, tiers[0]?.upTo ?? '1');
    if (!probe.ok && probe.error.code !== 'remittance.amount_outside_tiers') {
      const tierIndex = Number(String(probe.error.params.pointer ?? '').split('/')[3] ?? 0);
      errors.push({ row: rows[tierIndex] ?? rows[0]!, column: 'tier over', code: probe.error.code.replace('remittance.', '') });
      continue;
    }
    observations.push({ ...observation, feeSchedule: schedule });
  }
  return { observations, errors: errors.sort((a, b) => a.row - b.row), rows: records.length };
}
