import { PROVIDER_TYPES } from '@glocal/contracts';
import type {
  CorridorReport,
  Locale,
  PriceReportBody,
  PriceSource,
  ProductBody,
  ProductUpdateBody,
  ProviderPriceList,
  ProviderView,
  ProviderType,
  RemittanceSpeed,
  SavingsReport,
  TransferCreateBody,
  TransferView,
} from '@glocal/contracts';
import { stringify } from 'csv-stringify/sync';
import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { Access } from '../../platform/access/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import { changedFields, type AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import { BadRequestError, NotFoundError } from '../../platform/errors/app-error.js';
import { findOrganisation } from '../organisations/index.js';
import { currencyDigits } from '../reference/index.js';
import { territoryLabels } from '../territories/index.js';
import { productPickupPoints } from './product-pickup-points.js';
import { feeFor, quote, savings, type FeeSchedule, type Savings } from './remittance-cost.js';
import { remittancesRepository } from './remittances.repository.js';
import { checkCodes, daysBetween, DROP_AFTER_DAYS, periodOf, STALE_AFTER_DAYS, type RemittancesService } from './remittances.service.js';

type Request = { ip?: string; id?: string };
type Deps = {
  db: Database;
  access: Access;
  audit: AuditTrail;
  remittances: RemittancesService;
  /** Told, after a change committed, which corridor got a new price (alerts). */
  onPricesChanged?: (corridors: string[]) => Promise<void>;
};

const percentOrNull = (value: string | null) => (value === null ? null : Number(new Decimal(value).toDecimalPlaces(6, Decimal.ROUND_HALF_EVEN).toFixed(6)));
const organisationIdsOf = (actor: Actor) => actor.memberships.flatMap((m) => (m.organisationId ? [m.organisationId] : []));
const platformWide = (actor: Actor) => actor.memberships.some((m) => m.organisationId === null);

export type RemittancesStaffService = ReturnType<typeof createRemittancesStaffService>;

/** Territory officers' and desks' side: corridor reports, recorded transfers and savings, providers' own prices. */
export function createRemittancesStaffService({ db, access, audit, remittances, onPricesChanged }: Deps) {
  async function corridorReport(actor: Actor | null, corridor: string): Promise<CorridorReport> {
    await access.require(actor, 'remittances:report');
    const [from, to] = corridor.split('-') as [string, string];
    checkCodes([{ pointer: '/corridor', value: from, kind: 'country' }, { pointer: '/corridor', value: to, kind: 'country' }], 'params');
    const periods = await remittancesRepository(db).periods(from, to);
    const analyses = [];
    for (const period of periods) analyses.push(await remittances.analysePeriod(from, to, period));
    const latest = analyses.at(-1);
    const { rows } = await sql<{ latest: string | null }>`
      select to_char(max(observed_on), 'YYYY-MM-DD') as latest from remittance_price where sending_country = ${from} and receiving_country = ${to}`.execute(db);
    const latestObservedOn = rows[0]?.latest ?? null;
    const breakdown = (entries: { providerType: string; services: number; averageTotalCostUsd200: string | null }[]) =>
      entries.map((entry) => ({
        providerType: entry.providerType as ProviderType,
        services: entry.services,
        averageTotalCostUsd200: percentOrNull(entry.averageTotalCostUsd200),
      }));
    return {
      corridor,
      quarters: analyses.map((analysis) => ({ ...analysis.stats, byProviderType: breakdown(analysis.byProviderType) })),
      byProviderType: breakdown(latest?.byProviderType ?? []),
      latestObservedOn,
      freshnessDays: latestObservedOn ? daysBetween(latestObservedOn, remittances.today()) : null,
    };
  }

  /** The desks an actor reports on: their own, those their authority hosts, or all for platform staff. */
  async function desksInScope(actor: Actor, deskIds: string[]) {
    const mine = new Set(organisationIdsOf(actor));
    const desks = [];
    for (const id of deskIds) {
      const desk = await findOrganisation(db, id);
      if (desk && (platformWide(actor) || mine.has(desk.id) || (desk.hostOrganisationId !== null && mine.has(desk.hostOrganisationId)))) desks.push(desk);
    }
    return desks.sort((a, b) => a.name.localeCompare(b.name));
  }

  async function deskForTransfers(actor: Actor | null, deskId: string, request: Request) {
    const desk = await findOrganisation(db, deskId);
    if (!desk || desk.type !== 'help_desk') throw new NotFoundError('remittance.desk_not_found', { id: deskId });
    await access.require(
      actor, 'remittances:record_transfers',
      { organisationId: desk.id, organisationIds: desk.hostOrganisationId ? [desk.hostOrganisationId] : [], subject: { type: 'organisation', id: desk.id } },
      { whenDenied: 'not_found', request },
    );
    return desk;
  }

  type Totals = { transfers: number; amountSent: Decimal; cost: Decimal; costAtAverage: Decimal; costAtCheapest: Decimal; saved: Decimal; overpaid: Decimal };
  const emptyTotals = (): Totals => ({
    transfers: 0, amountSent: new Decimal(0), cost: new Decimal(0), costAtAverage: new Decimal(0), costAtCheapest: new Decimal(0), saved: new Decimal(0), overpaid: new Decimal(0),
  });
  const add = (totals: Totals, amount: string, figures: Savings) => {
    totals.transfers++;
    totals.amountSent = totals.amountSent.plus(amount);
    totals.cost = totals.cost.plus(figures.cost);
    totals.costAtAverage = totals.costAtAverage.plus(figures.costAtAverage);
    totals.costAtCheapest = totals.costAtCheapest.plus(figures.costAtCheapest);
    totals.saved = totals.saved.plus(figures.savedVersusAverage);
    totals.overpaid = totals.overpaid.plus(figures.overpaidVersusCheapest);
  };
  const totalsView = (byCurrency: Map<string, Totals>) =>
    [...byCurrency].sort(([a], [b]) => a.localeCompare(b)).map(([currency, totals]) => {
      const places = currencyDigits(currency) ?? 2;
      const money = (value: Decimal) => value.toFixed(places);
      return {
        currency, transfers: totals.transfers, amountSent: money(totals.amountSent), cost: money(totals.cost), costAtAverage: money(totals.costAtAverage),
        costAtCheapest: money(totals.costAtCheapest), savedVersusAverage: money(totals.saved), overpaidVersusCheapest: money(totals.overpaid),
      };
    });

  return {
    corridorReport,

    /**
     * The quarters of a corridor report as CSV, one row per quarter, percentages exact to 6 decimals;
     * then, for each provider type in a fixed order (every type, so the columns never move),
     * `<type>_services` (0 when none) and `<type>_average_total_cost_usd200` (blank without one).
     */
    async corridorReportCsv(actor: Actor | null, corridor: string): Promise<string> {
      const report = await corridorReport(actor, corridor);
      const typeColumns = PROVIDER_TYPES.flatMap((type) => [`${type}_services`, `${type}_average_total_cost_usd200`]);
      return stringify(
        report.quarters.map((q) => ({
          corridor: q.corridor, period: q.period, sending_currency: q.sendingCurrency ?? '', services: q.services, transparent_services: q.transparentServices,
          usd200_amount: q.standardAmounts.usd200 ?? '', usd500_amount: q.standardAmounts.usd500 ?? '',
          average_total_cost_usd200: q.averageTotalCost.usd200 ?? '', average_total_cost_usd500: q.averageTotalCost.usd500 ?? '', smart: q.smart ?? '',
          average_below_3_percent: q.sdg.averageBelow3Percent ?? '', corridor_above_5_percent: q.sdg.corridorAbove5Percent ?? '',
          ...Object.fromEntries(PROVIDER_TYPES.flatMap((type) => {
            const entry = q.byProviderType.find((e) => e.providerType === type);
            return [[`${type}_services`, entry?.services ?? 0], [`${type}_average_total_cost_usd200`, entry?.averageTotalCostUsd200 ?? '']];
          })),
        })),
        { header: true, columns: [
          'corridor', 'period', 'sending_currency', 'services', 'transparent_services', 'usd200_amount', 'usd500_amount', 'average_total_cost_usd200',
          'average_total_cost_usd500', 'smart', 'average_below_3_percent', 'corridor_above_5_percent', ...typeColumns,
        ] },
      );
    },

    async recordTransfer(actor: Actor | null, input: TransferCreateBody, request: Request): Promise<TransferView> {
      const desk = await deskForTransfers(actor, input.deskOrganisationId, request);
      checkCodes([
        { pointer: '/from', value: input.from, kind: 'country' }, { pointer: '/to', value: input.to, kind: 'country' },
        { pointer: '/sendingCurrency', value: input.sendingCurrency, kind: 'currency' }, { pointer: '/receivingCurrency', value: input.receivingCurrency, kind: 'currency' },
      ], 'body');
      const priced = quote({ fee: { fixed: input.feePaid }, rateOffered: input.rateApplied, interbankRate: input.rateApplied, feeChargedOnTop: false, amountSent: input.amountSent }, {
        sending: currencyDigits(input.sendingCurrency)!, receiving: currencyDigits(input.receivingCurrency)!,
      });
      const sendingUnits = currencyDigits(input.sendingCurrency)!;
      if ((input.feePaid.split('.')[1]?.length ?? 0) > sendingUnits) {
        throw new BadRequestError('remittance.amount_too_precise', { minorUnits: sendingUnits }, [{ pointer: '/feePaid', in: 'body', code: 'amount_too_precise' }]);
      }
      if (input.transferredOn > remittances.today()) throw new BadRequestError('validation_failed', {}, [{ pointer: '/transferredOn', in: 'body', code: 'in_future' }]);
      if (!priced.ok) throw new BadRequestError('remittance.fee_invalid', {}, [{ pointer: priced.error.params.pointer === '/fee' ? '/feePaid' : '/amountSent', in: 'body', code: priced.error.code }]);
      return db.transaction().execute(async (trx) => {
        const provider = await trx.selectFrom('remittanceProvider').select(['id', 'name']).where('id', '=', input.providerId).executeTakeFirst();
        if (!provider) throw new BadRequestError('remittance.provider_not_found', {}, [{ pointer: '/providerId', in: 'body', code: 'not_found' }]);
        if (input.productId) {
          const product = await trx.selectFrom('remittanceProduct').select('id').where('id', '=', input.productId).where('providerId', '=', provider.id).executeTakeFirst();
          if (!product) throw new BadRequestError('remittance.product_not_found', {}, [{ pointer: '/productId', in: 'body', code: 'not_found' }]);
        }
        const row = await trx
          .insertInto('remittanceTransfer')
          .values({
            deskOrganisationId: desk.id, providerId: provider.id, productId: input.productId ?? null, sendingCountry: input.from, receivingCountry: input.to,
            sendingCurrency: input.sendingCurrency, receivingCurrency: input.receivingCurrency, amountSent: input.amountSent, feePaid: input.feePaid,
            rateApplied: input.rateApplied, transferredOn: input.transferredOn, beneficiaryRef: input.beneficiaryRef ?? null, recordedBy: actor!.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const view: TransferView = {
          id: row.id, deskOrganisationId: desk.id, provider, productId: input.productId ?? null, corridor: `${input.from}-${input.to}`,
          sendingCurrency: input.sendingCurrency, receivingCurrency: input.receivingCurrency, amountSent: input.amountSent, feePaid: input.feePaid,
          rateApplied: input.rateApplied, transferredOn: input.transferredOn, beneficiaryRef: input.beneficiaryRef ?? null,
        };
        await audit.record(trx, {
          actor, action: 'remittance_transfer.recorded', subject: { type: 'remittance_transfer', id: row.id }, organisationId: desk.id,
          details: { changes: changedFields(undefined, view) }, request,
        });
        return view;
      });
    },

    async listTransfers(actor: Actor | null, deskId: string, request: Request) {
      const desk = await deskForTransfers(actor, deskId, request);
      const rows = await db
        .selectFrom('remittanceTransfer as t')
        .innerJoin('remittanceProvider as p', 'p.id', 't.providerId')
        .select([
          't.id', 't.deskOrganisationId', 't.productId', 't.sendingCountry', 't.receivingCountry', 't.sendingCurrency', 't.receivingCurrency',
          sql<string>`trim_scale(t.amount_sent)::text`.as('amountSent'), sql<string>`trim_scale(t.fee_paid)::text`.as('feePaid'),
          sql<string>`trim_scale(t.rate_applied)::text`.as('rateApplied'), sql<string>`to_char(t.transferred_on, 'YYYY-MM-DD')`.as('transferredOn'),
          't.beneficiaryRef', 'p.id as providerId', 'p.name as providerName',
        ])
        .where('t.deskOrganisationId', '=', desk.id)
        .orderBy('t.transferredOn', 'desc')
        .limit(500)
        .execute();
      return {
        items: rows.map((row) => ({
          id: row.id, deskOrganisationId: row.deskOrganisationId, provider: { id: row.providerId, name: row.providerName }, productId: row.productId,
          corridor: `${row.sendingCountry}-${row.receivingCountry}`, sendingCurrency: row.sendingCurrency, receivingCurrency: row.receivingCurrency,
          amountSent: row.amountSent, feePaid: row.feePaid, rateApplied: row.rateApplied, transferredOn: row.transferredOn, beneficiaryRef: row.beneficiaryRef,
        })),
        nextCursor: null,
      };
    },

    /**
     * What the desks' beneficiaries paid against the corridor average of the quarter (at the
     * standard amount nearest the transfer) and against the cheapest option that day (priced at
     * the transfer's own amount; else the quarter's cheapest at that standard amount), per desk,
     * per territory (each desk's home territory, named in `locale`) and for all the desks in
     * scope: the figure S.T.E.P. reported.
     */
    async savingsReport(actor: Actor | null, locale: Locale): Promise<SavingsReport> {
      const reporter = await access.require(actor, 'remittances:report');
      const deskIds = (await db.selectFrom('remittanceTransfer').select('deskOrganisationId').distinct().execute()).map((row) => row.deskOrganisationId);
      const desks = await desksInScope(reporter, deskIds);
      const transfers = desks.length
        ? await db
            .selectFrom('remittanceTransfer')
            .select([
              'deskOrganisationId', 'sendingCountry', 'receivingCountry', 'sendingCurrency', 'receivingCurrency',
              sql<string>`trim_scale(amount_sent)::text`.as('amountSent'), sql<string>`trim_scale(fee_paid)::text`.as('feePaid'),
              sql<string>`trim_scale(rate_applied)::text`.as('rateApplied'), sql<string>`to_char(transferred_on, 'YYYY-MM-DD')`.as('transferredOn'),
            ])
            .where('deskOrganisationId', 'in', desks.map((desk) => desk.id))
            .execute()
        : [];
      const analyses = new Map<string, Awaited<ReturnType<RemittancesService['analysePeriod']>>>();
      const all = new Map<string, Totals>();
      const perDesk = new Map<string, Map<string, Totals>>();
      const perTerritory = new Map<string, Map<string, Totals>>();
      const territoryOf = new Map(desks.map((desk) => [desk.id, desk.homeTerritoryId]));
      const totalsIn = (groups: Map<string, Map<string, Totals>>, key: string) => groups.get(key) ?? groups.set(key, new Map()).get(key)!;
      let unbenchmarked = 0;
      for (const transfer of transfers) {
        const key = `${transfer.sendingCountry}-${transfer.receivingCountry}|${periodOf(transfer.transferredOn)}`;
        if (!analyses.has(key)) analyses.set(key, await remittances.analysePeriod(transfer.sendingCountry, transfer.receivingCountry, periodOf(transfer.transferredOn)));
        const analysis = analyses.get(key)!;
        const { usd200, usd500 } = analysis.stats.standardAmounts;
        const nearest: 'usd200' | 'usd500' =
          usd200 && usd500 && new Decimal(transfer.amountSent).minus(usd200).abs().gt(new Decimal(transfer.amountSent).minus(usd500).abs()) ? 'usd500' : 'usd200';
        const averagePercent = analysis.averages[nearest];
        const ranked = await remittances.rankedOptions(
          { from: transfer.sendingCountry, to: transfer.receivingCountry, amount: transfer.amountSent, currency: transfer.sendingCurrency }, transfer.transferredOn,
        );
        const cheapestToday = ranked.ranked.find((option) => option.quote.transparent)?.quote.totalCostPercent ?? null;
        const cheapest = cheapestToday ?? analysis.cheapest[nearest];
        // The rate's margin needs the mid-market rate that day: the closest observation's, else the reference rate.
        const interbank =
          ranked.ranked[0]?.quote.interbankRate ??
          (await remittancesRepository(db).referenceRate(transfer.sendingCurrency, transfer.receivingCurrency, transfer.transferredOn));
        if (averagePercent === null || cheapest === null || !interbank) {
          unbenchmarked++;
          continue;
        }
        const units = { sending: currencyDigits(transfer.sendingCurrency) ?? 2, receiving: currencyDigits(transfer.receivingCurrency) ?? 2 };
        const paid = quote({ fee: { fixed: transfer.feePaid }, rateOffered: transfer.rateApplied, interbankRate: interbank, feeChargedOnTop: false, amountSent: transfer.amountSent }, units);
        if (!paid.ok || !paid.value.transparent) {
          unbenchmarked++;
          continue;
        }
        const figures = savings(paid.value, { corridorAveragePercent: averagePercent, cheapestTotalCostPercent: cheapest }, units.sending);
        for (const totals of [all, totalsIn(perDesk, transfer.deskOrganisationId), totalsIn(perTerritory, territoryOf.get(transfer.deskOrganisationId)!)]) {
          if (!totals.has(transfer.sendingCurrency)) totals.set(transfer.sendingCurrency, emptyTotals());
          add(totals.get(transfer.sendingCurrency)!, transfer.amountSent, figures);
        }
      }
      const labels = await territoryLabels(db, [...territoryOf.values()], locale);
      const territories = [...labels].map(([territoryId, label]) => ({
        territoryId, code: label.code, name: label.name,
        deskOrganisationIds: desks.filter((desk) => desk.homeTerritoryId === territoryId).map((desk) => desk.id),
        totals: totalsView(perTerritory.get(territoryId) ?? new Map()),
      }));
      return {
        desks: desks.map((desk) => ({ organisationId: desk.id, name: desk.name, territoryId: desk.homeTerritoryId, totals: totalsView(perDesk.get(desk.id) ?? new Map()) })),
        territories: territories.sort((a, b) => a.name.localeCompare(b.name, locale) || a.code.localeCompare(b.code)),
        totals: totalsView(all),
        unbenchmarked,
      };
    },

    /** Every provider and its products: public, as the prices are. */
    async providers(): Promise<{ items: ProviderView[]; nextCursor: null }> {
      return providerViews(await db.selectFrom('remittanceProvider').select(['id', 'name', 'type', 'organisationId']).orderBy('name').limit(500).execute());
    },

    /** Providers whose prices the actor reports: those that are the actor's organisations (all, for platform staff). */
    async myProviders(actor: Actor | null): Promise<{ items: ProviderView[]; nextCursor: null }> {
      const reporter = await access.require(actor, 'remittances:manage_prices');
      let query = db.selectFrom('remittanceProvider').select(['id', 'name', 'type', 'organisationId']).orderBy('name');
      if (!platformWide(reporter)) {
        const ids = organisationIdsOf(reporter);
        query = query.where('organisationId', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
      }
      return providerViews(await query.limit(200).execute());
    },

    /** The latest price of each of a provider's products in each corridor and its age, for its staff (anyone else: 404). */
    async providerPrices(actor: Actor | null, providerId: string, request: Request): Promise<ProviderPriceList> {
      const provider = await providerForStaff(actor, providerId, request);
      const today = remittances.today();
      const rows = await remittancesRepository(db).latestProviderSchedules(provider.id);
      return {
        items: rows.map((row) => {
          const ageDays = daysBetween(row.observedOn, today);
          return {
            productId: row.productId, corridor: `${row.sendingCountry}-${row.receivingCountry}`, sendingCurrency: row.sendingCurrency,
            receivingCurrency: row.receivingCurrency, fee: row.feeSchedule as ProviderPriceList['items'][number]['fee'], rateOffered: row.rateOffered,
            interbankRate: row.interbankRate, observedOn: row.observedOn, source: row.source as PriceSource, ageDays,
            stale: ageDays > STALE_AFTER_DAYS, dropped: ageDays > DROP_AFTER_DAYS,
          };
        }),
        nextCursor: null,
      };
    },

    /** A provider's staff add a product; anyone else learns nothing of the provider (404). */
    async addProduct(actor: Actor | null, providerId: string, { pickupServiceIds = [], ...input }: ProductBody, request: Request) {
      const provider = await providerForStaff(actor, providerId, request);
      return db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('remittanceProduct').select('id').where('providerId', '=', provider.id).where(sql`lower(name)`, '=', input.name.toLowerCase()).executeTakeFirst();
        if (existing) throw new BadRequestError('validation_failed', {}, [{ pointer: '/name', in: 'body', code: 'duplicate' }]);
        await productPickupPoints.check(trx, pickupServiceIds);
        const row = await trx.insertInto('remittanceProduct').values({ ...input, providerId: provider.id, coverageNote: input.coverageNote ?? null }).returning('id').executeTakeFirstOrThrow();
        const view = { id: row.id, ...input, coverageNote: input.coverageNote ?? null, pickupServiceIds: await productPickupPoints.replace(trx, row.id, pickupServiceIds) };
        await audit.record(trx, {
          actor, action: 'remittance_product.created', subject: { type: 'remittance_product', id: row.id }, organisationId: provider.organisationId,
          details: { providerId: provider.id, changes: changedFields(undefined, view) }, request,
        });
        return view;
      });
    },

    /**
     * A provider's staff change one of its products, audited with the fields before and after.
     * Another provider's product is not found (404), as is a provider the actor does not report for.
     */
    async updateProduct(actor: Actor | null, providerId: string, productId: string, { pickupServiceIds, ...input }: ProductUpdateBody, request: Request) {
      const provider = await providerForStaff(actor, providerId, request);
      const result = await db.transaction().execute(async (trx) => {
        const product = await trx.selectFrom('remittanceProduct').selectAll().where('id', '=', productId).where('providerId', '=', provider.id).executeTakeFirst();
        if (!product) throw new NotFoundError('remittance.product_not_found', { id: productId });
        if (input.name !== undefined) {
          const namesake = await trx
            .selectFrom('remittanceProduct').select('id')
            .where('providerId', '=', provider.id).where(sql`lower(name)`, '=', input.name.toLowerCase()).where('id', '<>', product.id)
            .executeTakeFirst();
          if (namesake) throw new BadRequestError('validation_failed', {}, [{ pointer: '/name', in: 'body', code: 'duplicate' }]);
        }
        if (pickupServiceIds) await productPickupPoints.check(trx, pickupServiceIds);
        const linked = (await productPickupPoints.serviceIdsOf(trx, [product.id])).get(product.id) ?? [];
        const before = productView(product, linked);
        const updated = await trx.updateTable('remittanceProduct').set({ ...input, updatedAt: new Date() }).where('id', '=', product.id).returningAll().executeTakeFirstOrThrow();
        const view = productView(updated, pickupServiceIds ? await productPickupPoints.replace(trx, product.id, pickupServiceIds) : linked);
        await audit.record(trx, {
          actor, action: 'remittance_product.updated', subject: { type: 'remittance_product', id: product.id }, organisationId: provider.organisationId,
          details: { providerId: provider.id, changes: changedFields(before, view) }, request,
        });
        return { view, amountsChanged: before.feeChargedOnTop !== view.feeChargedOnTop };
      });
      // A fee now charged on top (or no longer) changes what the family receives, so perhaps the cheapest option.
      if (result.amountsChanged && onPricesChanged) {
        const corridors = await db.selectFrom('remittancePrice').select(['sendingCountry', 'receivingCountry']).distinct().where('productId', '=', productId).execute();
        await onPricesChanged(corridors.map((row) => `${row.sendingCountry}-${row.receivingCountry}`));
      }
      return result.view;
    },

    /** A provider's staff report a price for one of its products (source provider_self_report), audited. */
    async reportPrice(actor: Actor | null, providerId: string, input: PriceReportBody, request: Request) {
      const provider = await providerForStaff(actor, providerId, request);
      checkCodes([
        { pointer: '/from', value: input.from, kind: 'country' }, { pointer: '/to', value: input.to, kind: 'country' },
        { pointer: '/sendingCurrency', value: input.sendingCurrency, kind: 'currency' }, { pointer: '/receivingCurrency', value: input.receivingCurrency, kind: 'currency' },
      ], 'body');
      if (input.observedOn > remittances.today()) throw new BadRequestError('validation_failed', {}, [{ pointer: '/observedOn', in: 'body', code: 'in_future' }]);
      const fee = input.fee as FeeSchedule;
      const probe = feeFor(fee, 'tiers' in fee ? (fee.tiers[0]?.upTo ?? fee.tiers[0]?.over ?? '1') : '1');
      if (!probe.ok && probe.error.code !== 'remittance.amount_outside_tiers') {
        throw new BadRequestError('remittance.fee_invalid', {}, [{ pointer: String(probe.error.params.pointer ?? '/fee'), in: 'body', code: probe.error.code }]);
      }
      const result = await db.transaction().execute(async (trx) => {
        const product = await trx.selectFrom('remittanceProduct').select('id').where('id', '=', input.productId).where('providerId', '=', provider.id).executeTakeFirst();
        if (!product) throw new BadRequestError('remittance.product_not_found', {}, [{ pointer: '/productId', in: 'body', code: 'not_found' }]);
        await remittancesRepository(trx).insertPrice({
          productId: product.id, sendingCountry: input.from, receivingCountry: input.to, sendingCurrency: input.sendingCurrency, receivingCurrency: input.receivingCurrency,
          feeSchedule: fee, rateOffered: input.rateOffered, interbankRate: input.interbankRate, observedOn: input.observedOn, period: periodOf(input.observedOn),
          source: 'provider_self_report', naturalKey: `self|${randomUUID()}`, reportedBy: actor!.userId,
        });
        await audit.record(trx, {
          actor, action: 'remittance_price.reported', subject: { type: 'remittance_product', id: product.id }, organisationId: provider.organisationId,
          details: { providerId: provider.id, price: input }, request,
        });
        return { productId: product.id, corridor: `${input.from}-${input.to}`, observedOn: input.observedOn, source: 'provider_self_report' as const };
      });
      await onPricesChanged?.([result.corridor]);
      return result;
    },
  };

  function productView(
    p: { id: string; name: string; payIn: string; pickup: string; speed: string; accessible: boolean; feeChargedOnTop: boolean; coverageNote: string | null },
    pickupServiceIds: string[],
  ) {
    return {
      id: p.id, name: p.name, payIn: p.payIn as ProductBody['payIn'], pickup: p.pickup as ProductBody['pickup'], speed: p.speed as RemittanceSpeed,
      accessible: p.accessible, feeChargedOnTop: p.feeChargedOnTop, coverageNote: p.coverageNote, pickupServiceIds,
    };
  }

  async function providerViews(providers: { id: string; name: string; type: string; organisationId: string | null }[]): Promise<{ items: ProviderView[]; nextCursor: null }> {
    const products = providers.length
      ? await db.selectFrom('remittanceProduct').selectAll().where('providerId', 'in', providers.map((p) => p.id)).orderBy('name').execute()
      : [];
    const pickupServices = await productPickupPoints.serviceIdsOf(db, products.map((p) => p.id));
    return {
      items: providers.map((provider) => ({
        id: provider.id, name: provider.name, type: provider.type as ProviderType, organisationId: provider.organisationId,
        products: products.filter((p) => p.providerId === provider.id).map((p) => productView(p, pickupServices.get(p.id) ?? [])),
      })),
      nextCursor: null,
    };
  }

  async function providerForStaff(actor: Actor | null, providerId: string, request: Request) {
    const provider = await db.selectFrom('remittanceProvider').select(['id', 'organisationId']).where('id', '=', providerId).executeTakeFirst();
    if (!provider) throw new NotFoundError('remittance.provider_not_found', { id: providerId });
    // A provider that is no organisation of the network has no staff here: only platform staff reach it.
    await access.require(actor, 'remittances:manage_prices', { organisationId: provider.organisationId, subject: { type: 'remittance_provider', id: provider.id } }, {
      whenDenied: 'not_found', request,
    });
    return provider;
  }
}
