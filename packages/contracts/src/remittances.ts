import { z } from 'zod';
import { CountryCode, CurrencyCode, Id } from './common.js';

/** Who sells the service (RPW's firm types). */
export const PROVIDER_TYPES = ['bank', 'money_transfer_operator', 'post_office', 'mobile_operator', 'credit_union_or_mfi', 'fintech'] as const;
export const ProviderType = z.enum(PROVIDER_TYPES);
export type ProviderType = z.infer<typeof ProviderType>;

/** How the sender pays the money in. */
export const PAY_IN_METHODS = ['cash', 'account', 'card', 'online'] as const;
export const PayInMethod = z.enum(PAY_IN_METHODS);
export type PayInMethod = z.infer<typeof PayInMethod>;

/** How the family receives it. */
export const PICKUP_METHODS = ['cash_pickup', 'account', 'mobile_wallet', 'home_delivery'] as const;
export const PickupMethod = z.enum(PICKUP_METHODS);
export type PickupMethod = z.infer<typeof PickupMethod>;

/** RPW's speed categories, fastest first (the same list as the server's cost library). */
export const REMITTANCE_SPEEDS = ['less_than_one_hour', 'same_day', 'next_day', 'two_days', 'three_to_five_days', 'more_than_five_days'] as const;
export const RemittanceSpeed = z.enum(REMITTANCE_SPEEDS);
export type RemittanceSpeed = z.infer<typeof RemittanceSpeed>;

export const PRICE_SOURCES = ['desk_survey', 'provider_self_report', 'import'] as const;
export const PriceSource = z.enum(PRICE_SOURCES);
export type PriceSource = z.infer<typeof PriceSource>;

/** A decimal written out, as money and rates travel: never a binary float. */
export const DecimalString = z.string().regex(/^\d{1,14}(\.\d{1,12})?$/);
/** A positive decimal (an amount, a rate): zero and below are refused. */
export const PositiveDecimal = DecimalString.refine((value) => /[1-9]/.test(value), { message: 'must be above zero' });

/** `IT-SN`: sending and receiving country, ISO 3166-1 alpha-2. */
export const CorridorCode = z.string().regex(/^[A-Z]{2}-[A-Z]{2}$/);
/** A calendar quarter, `2011-Q1`. */
export const Period = z.string().regex(/^\d{4}-Q[1-4]$/);
/** A calendar date, `2026-09-30`. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), { message: 'not a calendar date' });

/**
 * A quote takes up to this many units of any currency, and more up to the equivalent of
 * `MAX_QUOTE_AMOUNT_USD` (XOF 1,500,000 is about EUR 2,300): far above any one person's transfer,
 * below anything absurd. The server checks it with the reference rates (docs/remittances.md).
 */
export const MAX_QUOTE_AMOUNT = 1_000_000;
export const MAX_QUOTE_AMOUNT_USD = 1_000_000;

export const RemittanceQuotesQuery = z.object({
  from: CountryCode,
  to: CountryCode,
  /** In `currency`, which may be the sending or the receiving currency of the corridor. */
  amount: PositiveDecimal,
  currency: CurrencyCode,
  speed: RemittanceSpeed.optional(),
  pickup: PickupMethod.optional(),
  providerType: ProviderType.optional(),
});
export type RemittanceQuotesQuery = z.infer<typeof RemittanceQuotesQuery>;

export const RemittanceProviderRef = z.object({ id: Id, name: z.string(), type: ProviderType });
export const RemittanceProductRef = z.object({ id: Id, name: z.string(), payIn: PayInMethod, accessible: z.boolean(), coverageNote: z.string().nullable() });
/** A place where the family can collect the money: a service of the directory (`/directory/services/<serviceId>`), named in the reader's language. */
export const RemittancePickupPoint = z.object({
  serviceId: Id,
  name: z.string(),
  /** The service's territory, named in the reader's language; absent when the service has none. */
  territory: z.string().optional(),
});
export type RemittancePickupPoint = z.infer<typeof RemittancePickupPoint>;

/** A percentage for machines: a JSON number rounded half-even to 6 decimals. */
const Percent = z.number();

export const RemittanceQuoteItem = z.object({
  provider: RemittanceProviderRef,
  product: RemittanceProductRef,
  sendingCurrency: CurrencyCode,
  receivingCurrency: CurrencyCode,
  /** What is converted, in the sending currency. */
  amountSent: z.string(),
  /** amountSent + fee when the fee is charged on top, else amountSent. */
  senderPays: z.string(),
  feeChargedOnTop: z.boolean(),
  /** In the sending currency. */
  fee: z.string(),
  /** Units of receiving currency per unit of sending currency; null when not disclosed. */
  exchangeRate: z.string().nullable(),
  interbankRate: z.string(),
  fxMarginPercent: Percent.nullable(),
  totalCostPercent: Percent.nullable(),
  /** In the receiving currency; null when the rate is not disclosed. */
  amountReceived: z.string().nullable(),
  speed: RemittanceSpeed,
  pickup: PickupMethod,
  /** The product's pickup points in the services directory (its network coverage, rural points included); active services only. */
  pickupPoints: z.array(RemittancePickupPoint),
  payIn: PayInMethod,
  transparent: z.boolean(),
  /** A zero fee whose cost hides in the rate (margin above 1 %, or undisclosed). */
  zeroFeeWarning: z.boolean(),
  observedAt: IsoDate,
  /** Observed more than 90 days ago (prices older than 180 days are not shown). */
  stale: z.boolean(),
  source: PriceSource,
  /** Made up for the demo data set, not observed. */
  illustrative: z.boolean(),
});
export type RemittanceQuoteItem = z.infer<typeof RemittanceQuoteItem>;

export const RemittanceQuoteList = z.object({
  items: z.array(RemittanceQuoteItem),
  nextCursor: z.null(),
});
export type RemittanceQuoteList = z.infer<typeof RemittanceQuoteList>;

export const CorridorParams = z.object({ corridor: CorridorCode });
/** Without `period`, the latest quarter with observations in the corridor. */
export const CorridorStatsQuery = z.object({ period: Period.optional() });

export const CorridorStats = z.object({
  corridor: CorridorCode,
  period: Period,
  sendingCurrency: CurrencyCode.nullable(),
  /** The sending-currency equivalents of USD 200 and USD 500 used; null when unknown. */
  standardAmounts: z.object({ usd200: z.string().nullable(), usd500: z.string().nullable() }),
  services: z.number().int(),
  transparentServices: z.number().int(),
  averageTotalCost: z.object({ usd200: Percent.nullable(), usd500: Percent.nullable() }),
  smart: Percent.nullable(),
  /** Fewer than three services qualified for SmaRT. */
  smartIncomplete: z.boolean(),
  sdg: z.object({ averageBelow3Percent: z.boolean().nullable(), corridorAbove5Percent: z.boolean().nullable() }),
});
export type CorridorStats = z.infer<typeof CorridorStats>;

/** Each quarter's figures, oldest first; every item names its corridor. */
export const CorridorHistory = z.object({
  items: z.array(CorridorStats),
  nextCursor: z.null(),
});
export type CorridorHistory = z.infer<typeof CorridorHistory>;

export const CorridorSummary = z.object({
  corridor: CorridorCode,
  from: CountryCode,
  to: CountryCode,
  sendingCurrency: CurrencyCode,
  receivingCurrency: CurrencyCode,
  latestPeriod: Period,
  latestObservedOn: IsoDate,
  observations: z.number().int(),
  /** Every price in the corridor comes from the demo data set: illustrative, not observed. */
  illustrative: z.boolean(),
});
export type CorridorSummary = z.infer<typeof CorridorSummary>;
export const CorridorList = z.object({ items: z.array(CorridorSummary), nextCursor: z.null() });
export type CorridorList = z.infer<typeof CorridorList>;

// Imports

export const IMPORT_FORMATS = ['rpw', 'survey'] as const;
export const ImportFormat = z.enum(IMPORT_FORMATS);
export const RemittanceImportQuery = z.object({
  format: ImportFormat,
  /** Import the valid rows and report the others, instead of all or nothing. */
  validOnly: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  fileName: z.string().max(200).optional(),
});
export type RemittanceImportQuery = z.infer<typeof RemittanceImportQuery>;

/** One refused row: its line in the file (the header is line 1), the column and why. */
export const ImportRowError = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const RemittanceImportReport = z.object({
  importId: Id.nullable(),
  format: ImportFormat,
  rowsTotal: z.number().int(),
  /** New observations stored. */
  rowsImported: z.number().int(),
  /** Observations already there (the same file imported again changes nothing). */
  rowsUnchanged: z.number().int(),
  rowsRejected: z.number().int(),
  errors: z.array(ImportRowError),
});
export type RemittanceImportReport = z.infer<typeof RemittanceImportReport>;

/** Reference exchange rates from CSV (`base currency, quote currency, date, rate, source`): all or none unless `validOnly`. */
export const ReferenceRateImportQuery = z.object({
  validOnly: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  fileName: z.string().max(200).optional(),
});
export type ReferenceRateImportQuery = z.infer<typeof ReferenceRateImportQuery>;

export const ReferenceRateImportReport = z.object({
  rowsTotal: z.number().int(),
  /** Rates for a currency pair and date not known before. */
  rowsImported: z.number().int(),
  /** Rates already known for that pair and date, whose figure or source the file changed. */
  rowsUpdated: z.number().int(),
  /** Rows that changed nothing (the same file imported again changes nothing). */
  rowsUnchanged: z.number().int(),
  rowsRejected: z.number().int(),
  errors: z.array(ImportRowError),
});
export type ReferenceRateImportReport = z.infer<typeof ReferenceRateImportReport>;

// Staff: corridor report, transfers and savings, self-reporting, alerts

/**
 * One provider type's services in a quarter: how many were observed (the latest observation of each
 * product), and the simple mean of the transparent ones' total cost at the USD 200 equivalent (null
 * without one, or without the standard amount).
 */
export const ProviderTypeBreakdown = z.object({ providerType: ProviderType, services: z.number().int(), averageTotalCostUsd200: Percent.nullable() });
export type ProviderTypeBreakdown = z.infer<typeof ProviderTypeBreakdown>;

/** A quarter of a corridor report: its statistics and its breakdown by provider type (types with services only, in alphabetical order). */
export const CorridorReportQuarter = CorridorStats.extend({ byProviderType: z.array(ProviderTypeBreakdown) });
export type CorridorReportQuarter = z.infer<typeof CorridorReportQuarter>;

export const CorridorReport = z.object({
  corridor: CorridorCode,
  /** Every quarter with observations, oldest first. */
  quarters: z.array(CorridorReportQuarter),
  /** The latest quarter's breakdown by provider type (the same as the last quarter's). */
  byProviderType: z.array(ProviderTypeBreakdown),
  latestObservedOn: IsoDate.nullable(),
  /** Days since the latest observation. */
  freshnessDays: z.number().int().nullable(),
});
export type CorridorReport = z.infer<typeof CorridorReport>;

export const TransferCreateBody = z.object({
  deskOrganisationId: Id,
  providerId: Id,
  productId: Id.optional(),
  from: CountryCode,
  to: CountryCode,
  sendingCurrency: CurrencyCode,
  receivingCurrency: CurrencyCode,
  amountSent: PositiveDecimal,
  feePaid: DecimalString,
  rateApplied: PositiveDecimal,
  transferredOn: IsoDate,
  /** The desk's own opaque reference: never a name. */
  beneficiaryRef: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).optional(),
});
export type TransferCreateBody = z.infer<typeof TransferCreateBody>;

export const TransferView = z.object({
  id: Id,
  deskOrganisationId: Id,
  provider: z.object({ id: Id, name: z.string() }),
  productId: Id.nullable(),
  corridor: CorridorCode,
  sendingCurrency: CurrencyCode,
  receivingCurrency: CurrencyCode,
  amountSent: z.string(),
  feePaid: z.string(),
  rateApplied: z.string(),
  transferredOn: IsoDate,
  beneficiaryRef: z.string().nullable(),
});
export type TransferView = z.infer<typeof TransferView>;
export const TransferListQuery = z.object({ deskOrganisationId: Id });
export const TransferList = z.object({ items: z.array(TransferView), nextCursor: z.null() });

/** Sums in one sending currency. */
export const SavingsTotals = z.object({
  currency: CurrencyCode,
  transfers: z.number().int(),
  amountSent: z.string(),
  cost: z.string(),
  costAtAverage: z.string(),
  costAtCheapest: z.string(),
  savedVersusAverage: z.string(),
  overpaidVersusCheapest: z.string(),
});
export const SavingsReport = z.object({
  /** Each desk, with the territory it is based in (its home territory). */
  desks: z.array(z.object({ organisationId: Id, name: z.string(), territoryId: Id, totals: z.array(SavingsTotals) })),
  /** The desks of the report grouped by home territory, named in the reader's language; by name. */
  territories: z.array(
    z.object({ territoryId: Id, code: z.string(), name: z.string(), deskOrganisationIds: z.array(Id), totals: z.array(SavingsTotals) }),
  ),
  /** All the desks in the report together. */
  totals: z.array(SavingsTotals),
  /** Transfers with no benchmark at their date (no observed price in the corridor), left out. */
  unbenchmarked: z.number().int(),
});
export type SavingsReport = z.infer<typeof SavingsReport>;

export const FeeTierBody = z.object({
  over: DecimalString.optional(),
  upTo: DecimalString.optional(),
  fixed: DecimalString.optional(),
  percent: DecimalString.optional(),
});
export const FeeScheduleBody = z.union([
  z.object({ tiers: z.array(FeeTierBody).min(1).max(50) }),
  z.object({ fixed: DecimalString.optional(), percent: DecimalString.optional() }),
]);
export type FeeScheduleBody = z.infer<typeof FeeScheduleBody>;

/** Pickup points a product may list in the services directory. */
export const MAX_PICKUP_SERVICES = 200;

export const ProductBody = z.object({
  name: z.string().trim().min(1).max(200),
  payIn: PayInMethod,
  pickup: PickupMethod,
  speed: RemittanceSpeed,
  accessible: z.boolean(),
  feeChargedOnTop: z.boolean().default(false),
  coverageNote: z.string().trim().max(500).nullable().optional(),
  /** Directory services where the money can be collected (ids of `/directory/services/<id>`); each must exist. */
  pickupServiceIds: z.array(Id).max(MAX_PICKUP_SERVICES).optional(),
});
export type ProductBody = z.infer<typeof ProductBody>;

export const PriceReportBody = z.object({
  productId: Id,
  from: CountryCode,
  to: CountryCode,
  sendingCurrency: CurrencyCode,
  receivingCurrency: CurrencyCode,
  fee: FeeScheduleBody,
  /** null: the provider does not disclose its rate (the service is then non-transparent). */
  rateOffered: PositiveDecimal.nullable(),
  interbankRate: PositiveDecimal,
  observedOn: IsoDate,
});
export type PriceReportBody = z.infer<typeof PriceReportBody>;

/** A provider's own product changed: any of its fields, at least one; a null coverage note removes it, `pickupServiceIds` replaces the set ([] clears it). */
export const ProductUpdateBody = z
  .object({
    name: ProductBody.shape.name,
    payIn: PayInMethod,
    pickup: PickupMethod,
    speed: RemittanceSpeed,
    accessible: z.boolean(),
    feeChargedOnTop: z.boolean(),
    coverageNote: z.string().trim().max(500).nullable(),
    pickupServiceIds: z.array(Id).max(MAX_PICKUP_SERVICES),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' });
export type ProductUpdateBody = z.infer<typeof ProductUpdateBody>;

export const ProductView = ProductBody.extend({ id: Id, coverageNote: z.string().nullable(), pickupServiceIds: z.array(Id).default([]) });
export const ProviderView = z.object({
  id: Id,
  name: z.string(),
  type: ProviderType,
  organisationId: Id.nullable(),
  products: z.array(ProductView),
});
export type ProviderView = z.infer<typeof ProviderView>;
export const ProviderList = z.object({ items: z.array(ProviderView), nextCursor: z.null() });
export const ProviderParams = z.object({ id: Id });
export const ProviderProductParams = z.object({ id: Id, productId: Id });
export const PriceView = z.object({ productId: Id, corridor: CorridorCode, observedOn: IsoDate, source: PriceSource });

/** The latest fee schedule of one of a provider's products in one corridor, and how old it is: what its staff keep current. */
export const ProviderPriceView = z.object({
  productId: Id,
  corridor: CorridorCode,
  sendingCurrency: CurrencyCode,
  receivingCurrency: CurrencyCode,
  fee: FeeScheduleBody,
  /** null: the rate is not disclosed. */
  rateOffered: z.string().nullable(),
  interbankRate: z.string(),
  observedOn: IsoDate,
  source: PriceSource,
  /** Days since it was observed. */
  ageDays: z.number().int(),
  /** Observed more than 90 days ago: quotes flag it stale. */
  stale: z.boolean(),
  /** Observed more than 180 days ago: left out of quotes and rankings until a newer price is reported. */
  dropped: z.boolean(),
});
export type ProviderPriceView = z.infer<typeof ProviderPriceView>;
export const ProviderPriceList = z.object({ items: z.array(ProviderPriceView), nextCursor: z.null() });
export type ProviderPriceList = z.infer<typeof ProviderPriceList>;

export const FollowBody = z.object({ from: CountryCode, to: CountryCode });
export const FollowView = z.object({ corridor: CorridorCode, createdAt: z.string() });
export const FollowList = z.object({ items: z.array(FollowView), nextCursor: z.null() });
