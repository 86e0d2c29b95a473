import {
  CorridorHistory,
  CorridorList,
  CorridorParams,
  CorridorStats,
  CorridorReport,
  CorridorStatsQuery,
  FollowBody,
  FollowList,
  FollowView,
  PriceReportBody,
  PriceView,
  ProductBody,
  ProductUpdateBody,
  ProductView,
  ProviderList,
  ProviderPriceList,
  ProviderParams,
  ProviderProductParams,
  SavingsReport,
  TransferCreateBody,
  TransferList,
  TransferListQuery,
  TransferView,
  ReferenceRateImportQuery,
  ReferenceRateImportReport,
  RemittanceImportQuery,
  RemittanceImportReport,
  RemittanceQuoteList,
  RemittanceQuotesQuery,
} from '@glocal/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientOf } from '../../platform/auth/auth-plugin.js';
import { requestLocale } from '../../platform/i18n/locale.js';
import type { CorridorAlerts } from './corridor-alerts.js';
import type { PriceImportsService } from './price-imports.service.js';
import type { ReferenceRatesService } from './reference-rates.service.js';
import type { RemittancesStaffService } from './remittances-staff.service.js';
import type { RemittancesService } from './remittances.service.js';

/** Price files are larger than ordinary request bodies: RPW's whole dataset is tens of megabytes. */
const IMPORT_BODY_LIMIT = 256 * 1024 * 1024;

const METHOD =
  'Computed as the World Bank’s Remittance Prices Worldwide: total cost % = fee / amount sent × 100 + (1 − rate offered / interbank rate) × 100. ' +
  'Money is exact decimal, rounded half-even to the currency’s ISO 4217 minor units (the fee before any percentage is derived from it, the amount received once at the end); ' +
  'percentages are JSON numbers rounded half-even to 6 decimals.';

/** Public: what anyone may read to choose how to send money home. */
export const remittancesRoutes: FastifyPluginAsyncZod<{
  remittances: RemittancesService;
  imports: PriceImportsService;
  rates: ReferenceRatesService;
  staff: RemittancesStaffService;
  alerts: CorridorAlerts;
}> = async (app, { remittances, imports, rates, staff, alerts }) => {
  const tags = ['remittances'];
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));
  app.get(
    '/quotes',
    {
      schema: {
        tags,
        summary: 'Ways to send an amount in a corridor, ranked by what the family receives',
        description:
          `${METHOD} The latest fee schedule of each product counts; prices older than 180 days are left out, older than 90 days flagged \`stale\`. ` +
          'With `currency` the sending currency, options are ranked by what the family receives (`amountReceived`), ties by what the sender pays ' +
          '(`senderPays`: a fee charged on top is added), then lowest total cost, then fastest; non-transparent options last. ' +
          'With `currency` the receiving currency, each option is priced for the least amount that delivers that much and ranked by what the sender pays. ' +
          'Amounts up to 1,000,000 units of any currency are taken, and more up to the equivalent of USD 1,000,000 (reference rates, else the corridor’s ' +
          'interbank rate); above, 400 `remittance.amount_too_large` with `params.maximum`. Each option lists its `pickupPoints`: the directory services ' +
          'where the family can collect the money (active ones), named in the language of `Accept-Language`.',
        querystring: RemittanceQuotesQuery,
        response: { 200: RemittanceQuoteList },
      },
    },
    (request) => remittances.quotes(request.query, requestLocale(request)),
  );
  app.get(
    '/corridors',
    { schema: { tags, summary: 'Corridors with observed prices', response: { 200: CorridorList } } },
    () => remittances.corridors(),
  );
  app.get(
    '/corridors/:corridor/stats',
    {
      schema: {
        tags,
        summary: 'RPW statistics of a corridor for a quarter: averages at USD 200 and 500, SmaRT, SDG 10.c flags',
        description:
          `${METHOD} The average is the simple mean of the transparent services' total cost at each standard amount (USD 200 and 500 in the sending currency). ` +
          'SmaRT: the mean of the three cheapest transparent services for USD 200 that take 5 days or less and are accessible to a typical migrant. ' +
          'SDG flags read the USD 200 average: below 3 %, above 5 %. ' +
          'Without `period`, the latest quarter with observations in the corridor; 404 `remittance.corridor_without_prices` when it has none. ' +
          'A quarter without observations answers empty figures.',
        params: CorridorParams,
        querystring: CorridorStatsQuery,
        response: { 200: CorridorStats },
      },
    },
    (request) => remittances.stats(request.params.corridor, request.query.period),
  );
  app.get(
    '/corridors/:corridor/history',
    { schema: { tags, summary: 'A corridor’s statistics for every quarter observed, oldest first', params: CorridorParams, response: { 200: CorridorHistory } } },
    (request) => remittances.history(request.params.corridor),
  );

  app.post(
    '/imports',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { permission: 'remittances:import' },
      schema: {
        tags,
        summary: 'Import prices from CSV (text/csv): the RPW dataset (`format=rpw`) or a desk survey (`format=survey`)',
        description:
          'Columns are matched case-insensitively, `_` read as a space. Every row is checked and the total cost recomputed from fee, amount and rates; ' +
          'a stated figure more than 0.01 percentage points off is refused. All rows or none (400 `remittance.import_rejected`, one error per refused row ' +
          'with its line, the header being line 1), unless `validOnly=true`. Importing the same observations again stores nothing.',
        consumes: ['text/csv'],
        querystring: RemittanceImportQuery,
        body: z.string(),
        response: { 200: RemittanceImportReport },
      },
    },
    (request) => imports.importAs(request.actor, request.body, request.query, clientOf(request)),
  );
  app.post(
    '/reference-rates/imports',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { permission: 'remittances:import' },
      schema: {
        tags,
        summary: 'Import reference (mid-market) exchange rates from CSV (text/csv)',
        description:
          'Columns `base currency, quote currency, date, rate, source`, matched case-insensitively, `_` read as a space: the rate is units of the quote ' +
          'currency per unit of the base currency (ISO 4217 codes) on the ISO date, a positive decimal. The standard amounts of corridor statistics read ' +
          'USD-based rates (sending currency per USD), derived when not stored from the inverse or a cross rate (an ECB file, EUR-based, will do). All rows or none (400 `remittance.import_rejected`, one error per refused row with its line, the header ' +
          'being line 1), unless `validOnly=true`. A rate already known for the pair and date is replaced; importing the same file again changes nothing.',
        consumes: ['text/csv'],
        querystring: ReferenceRateImportQuery,
        body: z.string(),
        response: { 200: ReferenceRateImportReport },
      },
    },
    (request) => rates.importAs(request.actor, request.body, request.query, clientOf(request)),
  );

  app.get(
    '/providers',
    { schema: { tags, summary: 'Providers and their products', response: { 200: ProviderList } } },
    () => staff.providers(),
  );

  // Territory officers and desks.
  app.get(
    '/reports/corridors/:corridor',
    {
      config: { permission: 'remittances:report' },
      schema: { tags, summary: 'Corridor report: every quarter, by provider type, data freshness, SDG flags', params: CorridorParams, response: { 200: CorridorReport } },
    },
    (request) => staff.corridorReport(request.actor, request.params.corridor),
  );
  app.get(
    '/reports/corridors/:corridor/csv',
    {
      config: { permission: 'remittances:report' },
      schema: {
        tags,
        summary: 'The corridor report’s quarters as CSV',
        description:
          'One row a quarter: `corridor, period, sending_currency, services, transparent_services, usd200_amount, usd500_amount, average_total_cost_usd200, ' +
          'average_total_cost_usd500, smart, average_below_3_percent, corridor_above_5_percent`, then for each provider type (`bank, money_transfer_operator, ' +
          'post_office, mobile_operator, credit_union_or_mfi, fintech`, always all six) `<type>_services` and `<type>_average_total_cost_usd200`.',
        params: CorridorParams,
        produces: ['text/csv'],
      },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="remittances-${request.params.corridor}.csv"`)
        .send(await staff.corridorReportCsv(request.actor, request.params.corridor)),
  );
  app.get(
    '/reports/savings',
    {
      config: { permission: 'remittances:report' },
      schema: {
        tags,
        summary: 'What the desks’ beneficiaries saved against the corridor average and overpaid against the cheapest option, per desk, per territory and in all',
        description: 'Territories are the desks’ home territories, named in the reader’s language (Accept-Language).',
        response: { 200: SavingsReport },
      },
    },
    (request) => staff.savingsReport(request.actor, requestLocale(request)),
  );
  app.post(
    '/transfers',
    {
      config: { permission: 'remittances:record_transfers' },
      schema: { tags, summary: 'Record a transfer a beneficiary made (no personal data)', body: TransferCreateBody, response: { 201: TransferView } },
    },
    async (request, reply) => reply.status(201).send(await staff.recordTransfer(request.actor, request.body, clientOf(request))),
  );
  app.get(
    '/transfers',
    {
      config: { permission: 'remittances:record_transfers' },
      schema: { tags, summary: 'Transfers a desk recorded, latest first', querystring: TransferListQuery, response: { 200: TransferList } },
    },
    (request) => staff.listTransfers(request.actor, request.query.deskOrganisationId, clientOf(request)),
  );

  // Providers' staff.
  app.get(
    '/providers/mine',
    { config: { permission: 'remittances:manage_prices' }, schema: { tags, summary: 'Providers whose prices I report', response: { 200: ProviderList } } },
    (request) => staff.myProviders(request.actor),
  );
  app.get(
    '/providers/:id/prices',
    {
      config: { permission: 'remittances:manage_prices' },
      schema: {
        tags,
        summary: 'The latest price of each of my provider’s products in each corridor, with its age',
        description: 'Fee schedules only. Older than 90 days a price is flagged `stale`; older than 180 days it is `dropped` from quotes and rankings.',
        params: ProviderParams,
        response: { 200: ProviderPriceList },
      },
    },
    (request) => staff.providerPrices(request.actor, request.params.id, clientOf(request)),
  );
  app.post(
    '/providers/:id/products',
    {
      config: { permission: 'remittances:manage_prices' },
      schema: { tags, summary: 'Add a product of my provider', params: ProviderParams, body: ProductBody, response: { 201: ProductView } },
    },
    async (request, reply) => reply.status(201).send(await staff.addProduct(request.actor, request.params.id, request.body, clientOf(request))),
  );
  app.patch(
    '/providers/:id/products/:productId',
    {
      config: { permission: 'remittances:manage_prices' },
      schema: {
        tags,
        summary: 'Change a product of my provider (audited)',
        description:
          'Any of its fields, at least one. `pickupServiceIds` replaces the product’s pickup points (directory services; [] clears them): an id that is no ' +
          'directory service answers 400 `validation_failed` at `/pickupServiceIds/<index>`. Another provider’s product, or one of a provider I do not report for: 404.',
        params: ProviderProductParams,
        body: ProductUpdateBody,
        response: { 200: ProductView },
      },
    },
    (request) => staff.updateProduct(request.actor, request.params.id, request.params.productId, request.body, clientOf(request)),
  );
  app.post(
    '/providers/:id/prices',
    {
      config: { permission: 'remittances:manage_prices' },
      schema: { tags, summary: 'Report a current price of my provider’s product (audited)', params: ProviderParams, body: PriceReportBody, response: { 201: PriceView } },
    },
    async (request, reply) => reply.status(201).send(await staff.reportPrice(request.actor, request.params.id, request.body, clientOf(request))),
  );

  // Anyone signed in: opt-in alerts.
  app.get(
    '/follows',
    { config: { signedIn: true }, schema: { tags, summary: 'Corridors I follow', response: { 200: FollowList } } },
    (request) => alerts.list(request.actor!),
  );
  app.post(
    '/follows',
    {
      config: { signedIn: true },
      schema: { tags, summary: 'Follow a corridor: an e-mail when its cheapest option changes', body: FollowBody, response: { 201: FollowView } },
    },
    async (request, reply) => reply.status(201).send(await alerts.follow(request.actor!, request.body.from, request.body.to)),
  );
  app.delete(
    '/follows/:corridor',
    { config: { signedIn: true }, schema: { tags, summary: 'Stop following a corridor', params: CorridorParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await alerts.unfollow(request.actor!, request.params.corridor);
      return reply.status(204).send(null);
    },
  );
};
