import { Decimal } from 'decimal.js';
import type { Executor } from '../../platform/db/database.js';
import { DEMO_PICKUP_SERVICE_IDS } from '../directory/index.js';
import { productPickupPoints } from './product-pickup-points.js';
import { feeFor, type FeeSchedule } from './remittance-cost.js';
import { remittancesRepository, type PriceFields } from './remittances.repository.js';
import { addDays, periodOf } from './remittances.service.js';

/**
 * Demo prices: ILLUSTRATIVE, made up for the demo, not observed. Providers are fictional (two are
 * the demo network's own money transfer operator and mutual bank, whose staff report prices).
 * Five corridors, twelve providers each (banks, money transfer operators, a post office, mobile
 * operators, microfinance, fintechs; one fintech charges its fee on top), four quarters of history,
 * and transfers recorded by the demo desks. Idempotent: natural keys name each observation and transfer. Every price is
 * stored `illustrative`, which the API reports so that pages say so.
 */

type Corridor = { from: string; to: string; sending: string; receiving: string; interbank: string; decimals: number };
const CORRIDORS: Record<string, Corridor> = {
  'IT-SN': { from: 'IT', to: 'SN', sending: 'EUR', receiving: 'XOF', interbank: '655.957', decimals: 3 },
  'BE-SN': { from: 'BE', to: 'SN', sending: 'EUR', receiving: 'XOF', interbank: '655.957', decimals: 3 },
  'FR-ML': { from: 'FR', to: 'ML', sending: 'EUR', receiving: 'XOF', interbank: '655.957', decimals: 3 },
  'ES-EC': { from: 'ES', to: 'EC', sending: 'EUR', receiving: 'USD', interbank: '1.0840', decimals: 4 },
  'IT-MA': { from: 'IT', to: 'MA', sending: 'EUR', receiving: 'MAD', interbank: '10.8500', decimals: 4 },
};

type Provider = { name: string; type: string; organisation?: 'mto' | 'mutual' };
const PROVIDERS: Record<string, Provider> = {
  teranga: { name: 'Teranga Transfert', type: 'money_transfer_operator', organisation: 'mto' },
  baol: { name: 'Mutuelle d’épargne et de crédit du Baol', type: 'credit_union_or_mfi', organisation: 'mutual' },
  popolare: { name: 'Banca Popolare del Corridoio', type: 'bank' },
  atlantique: { name: 'Banque Atlantique Euro-Afrique', type: 'bank' },
  posta: { name: 'Posta Europa Vaglia', type: 'post_office' },
  sahel: { name: 'Sahel Money Express', type: 'money_transfer_operator' },
  rapido: { name: 'RapidoEnvío', type: 'money_transfer_operator' },
  wallet: { name: 'Wallet Mobile Afrique', type: 'mobile_operator' },
  kora: { name: 'Kora Pay', type: 'fintech' },
  facile: { name: 'Envoi Facile App', type: 'fintech' },
  cooperatif: { name: 'Crédit Coopératif des Migrants', type: 'credit_union_or_mfi' },
  andes: { name: 'Andes Giros', type: 'money_transfer_operator' },
  maghreb: { name: 'Maghreb Transfert', type: 'money_transfer_operator' },
  andina: { name: 'Banca Andina Europa', type: 'bank' },
  atlas: { name: 'Atlas Cash Mobile', type: 'mobile_operator' },
  diaspora: { name: 'DiasporaLink', type: 'fintech' },
  brabant: { name: 'Banque du Brabant International', type: 'bank' },
  djoliba: { name: 'Caisse Djoliba d’épargne et de crédit', type: 'credit_union_or_mfi' },
  austro: { name: 'Cooperativa Austro Migrante', type: 'credit_union_or_mfi' },
};

/** One service: how it is priced today; older quarters cost `drift` percentage points more in fees. */
type Service = {
  provider: keyof typeof PROVIDERS;
  product: string;
  payIn: string;
  pickup: string;
  speed: string;
  accessible?: boolean;
  feeChargedOnTop?: boolean;
  coverageNote?: string;
  fee: FeeSchedule;
  /** FX margin, %; null: the rate is not disclosed. */
  margin: string | null;
  /** Days since the latest observation (stale and dropped prices for the demo of freshness). */
  age?: number;
};

const cashTiers = (small: string, large: string, percentAbove: string): FeeSchedule => ({
  tiers: [{ upTo: '100', fixed: small }, { over: '100', upTo: '500', fixed: large }, { over: '500', upTo: '5000', fixed: large, percent: percentAbove }],
});

const WEST_AFRICA: Service[] = [
  { provider: 'teranga', product: 'Cash to cash', payIn: 'cash', pickup: 'cash_pickup', speed: 'less_than_one_hour', fee: cashTiers('4.90', '7.90', '0.5'), margin: '1.1', coverageNote: 'Agents in every commune of Diourbel, rural pickup points included' },
  { provider: 'teranga', product: 'Online to mobile wallet', payIn: 'online', pickup: 'mobile_wallet', speed: 'less_than_one_hour', fee: { fixed: '1.99' }, margin: '1.2' },
  { provider: 'baol', product: 'Transfer to a member account', payIn: 'account', pickup: 'account', speed: 'next_day', fee: { fixed: '3', percent: '0.5' }, margin: '0.6', accessible: false, coverageNote: 'Account at the mutual required; branches in Diourbel, Mbacké and Bambey' },
  { provider: 'popolare', product: 'SEPA transfer to a partner bank', payIn: 'account', pickup: 'account', speed: 'three_to_five_days', fee: { fixed: '15' }, margin: '1.8', accessible: false },
  { provider: 'atlantique', product: 'Counter transfer', payIn: 'cash', pickup: 'cash_pickup', speed: 'two_days', fee: { fixed: '12', percent: '1' }, margin: null },
  { provider: 'posta', product: 'Postal money order', payIn: 'cash', pickup: 'cash_pickup', speed: 'three_to_five_days', fee: { tiers: [{ upTo: '250', fixed: '8' }, { over: '250', upTo: '3000', fixed: '13' }] }, margin: '2.0', coverageNote: 'Paid at every post office' },
  { provider: 'sahel', product: 'Cash express', payIn: 'cash', pickup: 'cash_pickup', speed: 'less_than_one_hour', fee: { tiers: [{ upTo: '150', fixed: '9' }, { over: '150', upTo: '1000', percent: '4.5' }] }, margin: '2.4' },
  // "Zero fee", with the cost in the rate.
  { provider: 'rapido', product: 'Zero fee transfer', payIn: 'card', pickup: 'cash_pickup', speed: 'same_day', fee: { fixed: '0' }, margin: '4.6' },
  { provider: 'wallet', product: 'Wallet to wallet', payIn: 'online', pickup: 'mobile_wallet', speed: 'less_than_one_hour', fee: { percent: '1' }, margin: '1.5', coverageNote: 'Cash-out at mobile money agents, villages included' },
  { provider: 'kora', product: 'App to mobile wallet', payIn: 'online', pickup: 'mobile_wallet', speed: 'less_than_one_hour', fee: { fixed: '0.99' }, margin: '0.9' },
  { provider: 'facile', product: 'App to bank account', payIn: 'card', pickup: 'account', speed: 'same_day', fee: { fixed: '2.49' }, margin: '0.7' },
  { provider: 'cooperatif', product: 'Home delivery', payIn: 'account', pickup: 'home_delivery', speed: 'two_days', fee: { fixed: '6', percent: '1.5' }, margin: '1.4' },
  // The fee is charged on top: the sender pays amount + fee, the whole amount is converted.
  { provider: 'diaspora', product: 'Card to wallet, fee on top', payIn: 'card', pickup: 'mobile_wallet', speed: 'less_than_one_hour', feeChargedOnTop: true, fee: { fixed: '2.99' }, margin: '0.8' },
  // Last observed 120 days ago: shown, flagged stale.
  { provider: 'sahel', product: 'Account to cash', payIn: 'account', pickup: 'cash_pickup', speed: 'same_day', fee: { fixed: '5' }, margin: '2.1', age: 120 },
];

const SERVICES: Record<string, Service[]> = {
  'IT-SN': WEST_AFRICA,
  'BE-SN': [
    ...WEST_AFRICA.filter((service) => service.provider !== 'popolare'),
    { provider: 'brabant', product: 'Virement international', payIn: 'account', pickup: 'account', speed: 'three_to_five_days', fee: { fixed: '11' }, margin: '1.6', accessible: false },
  ],
  'FR-ML': [
    ...WEST_AFRICA.filter((service) => service.provider !== 'baol'),
    { provider: 'djoliba', product: 'Transfert vers une caisse', payIn: 'cash', pickup: 'cash_pickup', speed: 'next_day', fee: { fixed: '4', percent: '0.8' }, margin: '1.0', coverageNote: 'Paid at the caisses of Bamako, Kayes and Ségou, rural branches included' },
  ],
  'ES-EC': [
    { provider: 'andes', product: 'Giro en efectivo', payIn: 'cash', pickup: 'cash_pickup', speed: 'less_than_one_hour', fee: cashTiers('3.90', '5.90', '0.4'), margin: '1.3' },
    { provider: 'andes', product: 'Giro a cuenta', payIn: 'account', pickup: 'account', speed: 'next_day', fee: { fixed: '2.50' }, margin: '1.0' },
    { provider: 'andina', product: 'Transferencia bancaria', payIn: 'account', pickup: 'account', speed: 'two_days', fee: { fixed: '9' }, margin: '1.5', accessible: false },
    { provider: 'rapido', product: 'Envío cero comisión', payIn: 'card', pickup: 'cash_pickup', speed: 'same_day', fee: { fixed: '0' }, margin: '3.9' },
    { provider: 'rapido', product: 'Entrega a domicilio', payIn: 'cash', pickup: 'home_delivery', speed: 'two_days', fee: { fixed: '7.5' }, margin: '1.9' },
    { provider: 'kora', product: 'App a cuenta', payIn: 'online', pickup: 'account', speed: 'same_day', fee: { fixed: '1.49' }, margin: '0.6' },
    { provider: 'facile', product: 'App a efectivo', payIn: 'card', pickup: 'cash_pickup', speed: 'less_than_one_hour', fee: { fixed: '2.99' }, margin: '0.9' },
    { provider: 'posta', product: 'Giro postal', payIn: 'cash', pickup: 'cash_pickup', speed: 'three_to_five_days', fee: { fixed: '6' }, margin: '1.6' },
    { provider: 'cooperatif', product: 'Transferencia cooperativa', payIn: 'account', pickup: 'account', speed: 'next_day', fee: { percent: '1.2' }, margin: '0.8' },
    { provider: 'atlantique', product: 'Envío en ventanilla', payIn: 'cash', pickup: 'cash_pickup', speed: 'same_day', fee: { fixed: '10' }, margin: null },
    { provider: 'wallet', product: 'Billetera móvil', payIn: 'online', pickup: 'mobile_wallet', speed: 'less_than_one_hour', fee: { percent: '1.5' }, margin: '1.1' },
    { provider: 'popolare', product: 'Transferencia SEPA+', payIn: 'account', pickup: 'account', speed: 'more_than_five_days', fee: { fixed: '14' }, margin: '2.2', accessible: false },
    { provider: 'diaspora', product: 'Tarjeta a cuenta, comisión aparte', payIn: 'card', pickup: 'account', speed: 'same_day', feeChargedOnTop: true, fee: { fixed: '2.49' }, margin: '0.7' },
    { provider: 'austro', product: 'Giro a la cooperativa', payIn: 'cash', pickup: 'cash_pickup', speed: 'next_day', fee: { fixed: '4' }, margin: '1.2', coverageNote: 'Paid at the cooperative’s offices in Cuenca, Azogues and rural Cañar' },
  ],
  'IT-MA': [
    { provider: 'maghreb', product: 'Cash to cash', payIn: 'cash', pickup: 'cash_pickup', speed: 'less_than_one_hour', fee: cashTiers('5', '8', '0.5'), margin: '1.6' },
    { provider: 'maghreb', product: 'Online to account', payIn: 'online', pickup: 'account', speed: 'next_day', fee: { fixed: '2' }, margin: '1.1' },
    { provider: 'atlas', product: 'Mobile cash-out', payIn: 'online', pickup: 'mobile_wallet', speed: 'less_than_one_hour', fee: { percent: '1.2' }, margin: '1.3' },
    { provider: 'popolare', product: 'Bonifico estero', payIn: 'account', pickup: 'account', speed: 'three_to_five_days', fee: { fixed: '12' }, margin: '1.7', accessible: false },
    { provider: 'posta', product: 'Vaglia internazionale', payIn: 'cash', pickup: 'cash_pickup', speed: 'three_to_five_days', fee: { fixed: '9' }, margin: '1.9' },
    { provider: 'rapido', product: 'Zero commissioni', payIn: 'card', pickup: 'cash_pickup', speed: 'same_day', fee: { fixed: '0' }, margin: '4.2' },
    { provider: 'kora', product: 'App to account', payIn: 'online', pickup: 'account', speed: 'same_day', fee: { fixed: '1.5' }, margin: '0.8' },
    { provider: 'facile', product: 'App to cash', payIn: 'card', pickup: 'cash_pickup', speed: 'less_than_one_hour', fee: { fixed: '3.49' }, margin: '0.9' },
    { provider: 'sahel', product: 'Cash express', payIn: 'cash', pickup: 'cash_pickup', speed: 'less_than_one_hour', fee: { percent: '4' }, margin: '2.0' },
    { provider: 'cooperatif', product: 'Home delivery', payIn: 'account', pickup: 'home_delivery', speed: 'two_days', fee: { fixed: '7' }, margin: '1.5' },
    { provider: 'atlantique', product: 'Counter transfer', payIn: 'cash', pickup: 'cash_pickup', speed: 'two_days', fee: { fixed: '11' }, margin: null },
    { provider: 'andina', product: 'Bank transfer', payIn: 'account', pickup: 'account', speed: 'more_than_five_days', fee: { fixed: '15' }, margin: '2.5', accessible: false },
    { provider: 'diaspora', product: 'Card to cash, fee on top', payIn: 'card', pickup: 'cash_pickup', speed: 'same_day', feeChargedOnTop: true, fee: { fixed: '3.49' }, margin: '1.0' },
  ],
};

const DEMO_SOURCE = 'Glocal demo data (illustrative)';

/** Quarters back from today: the latest price, then three older ones a little dearer. */
const HISTORY = [0, 1, 2, 3];
const DAYS_PER_QUARTER = 91;

/** Fees a quarter further back, `1 + 8 %` per quarter: the trend the corridor chart shows falling. */
function olderFee(schedule: FeeSchedule, quartersBack: number): FeeSchedule {
  const factor = new Decimal(1).plus(new Decimal('0.08').times(quartersBack));
  const scale = (value: string | undefined) => (value === undefined ? undefined : new Decimal(value).times(factor).toDecimalPlaces(2).toFixed());
  const formula = (f: { fixed?: string; percent?: string }) => Object.fromEntries(Object.entries({ fixed: scale(f.fixed), percent: scale(f.percent) }).filter(([, v]) => v !== undefined));
  return 'tiers' in schedule ? { tiers: schedule.tiers.map((tier) => ({ ...tier, ...formula(tier) })) } : formula(schedule);
}

/** Transfers the demo desks recorded, by corridor: [days ago, provider, product, amount]. */
const TRANSFERS: { desk: 'caimDiourbel' | 'brussels' | 'veneto'; corridor: string; entries: [number, keyof typeof PROVIDERS, string, string][] }[] = [
  { desk: 'brussels', corridor: 'BE-SN', entries: [[12, 'rapido', 'Zero fee transfer', '300'], [20, 'kora', 'App to mobile wallet', '250'], [35, 'teranga', 'Cash to cash', '400'], [50, 'atlantique', 'Counter transfer', '200'], [70, 'wallet', 'Wallet to wallet', '150'], [95, 'sahel', 'Cash express', '500'], [110, 'kora', 'App to mobile wallet', '300'], [130, 'posta', 'Postal money order', '350']] },
  { desk: 'veneto', corridor: 'IT-SN', entries: [[8, 'kora', 'App to mobile wallet', '200'], [25, 'popolare', 'SEPA transfer to a partner bank', '600'], [40, 'teranga', 'Online to mobile wallet', '300'], [60, 'rapido', 'Zero fee transfer', '450'], [100, 'facile', 'App to bank account', '250'], [140, 'sahel', 'Cash express', '300']] },
  { desk: 'veneto', corridor: 'IT-MA', entries: [[15, 'maghreb', 'Cash to cash', '300'], [45, 'kora', 'App to account', '200'], [80, 'rapido', 'Zero commissioni', '400']] },
  { desk: 'caimDiourbel', corridor: 'IT-SN', entries: [[5, 'teranga', 'Cash to cash', '500'], [30, 'baol', 'Transfer to a member account', '700'], [55, 'wallet', 'Wallet to wallet', '200'], [90, 'kora', 'App to mobile wallet', '300'], [120, 'atlantique', 'Counter transfer', '250']] },
];

const rateFor = (corridor: Corridor, margin: string) =>
  new Decimal(corridor.interbank).times(new Decimal(1).minus(new Decimal(margin).div(100))).toDecimalPlaces(corridor.decimals, Decimal.ROUND_HALF_EVEN).toFixed();

export async function seedDemoRemittances(db: Executor, organisations: Record<string, string>, today = new Date().toISOString().slice(0, 10)): Promise<void> {
  const repository = remittancesRepository(db);
  const providerIds: Record<string, string> = {};
  for (const [key, provider] of Object.entries(PROVIDERS)) {
    providerIds[key] = await repository.ensureProvider({ ...provider, organisationId: provider.organisation ? organisations[provider.organisation] ?? null : null });
  }
  const productIds = new Map<string, string>();
  const prices: PriceFields[] = [];
  for (const [code, services] of Object.entries(SERVICES)) {
    const corridor = CORRIDORS[code]!;
    for (const service of services) {
      const productId = await repository.ensureProduct({
        providerId: providerIds[service.provider]!, name: service.product, payIn: service.payIn, pickup: service.pickup, speed: service.speed,
        accessible: service.accessible ?? true, feeChargedOnTop: service.feeChargedOnTop ?? false, coverageNote: service.coverageNote ?? null,
      });
      productIds.set(`${service.provider}|${service.product}`, productId);
      for (const back of HISTORY) {
        const observedOn = addDays(today, -((service.age ?? 10) + back * DAYS_PER_QUARTER));
        prices.push({
          productId, sendingCountry: corridor.from, receivingCountry: corridor.to, sendingCurrency: corridor.sending, receivingCurrency: corridor.receiving,
          feeSchedule: olderFee(service.fee, back), rateOffered: service.margin === null ? null : rateFor(corridor, service.margin),
          interbankRate: corridor.interbank, observedOn, period: periodOf(observedOn), source: back === 0 && PROVIDERS[service.provider]!.organisation ? 'provider_self_report' : 'desk_survey',
          naturalKey: `demo|${code}|${service.provider}|${service.product}|${back}`,
          illustrative: true,
        });
      }
    }
  }
  // Network coverage: the agencies and mutual branches of the demo directory where the family collects the money.
  for (const [product, serviceIds] of [
    ['teranga|Cash to cash', DEMO_PICKUP_SERVICE_IDS.terangaAgencies],
    ['baol|Transfer to a member account', DEMO_PICKUP_SERVICE_IDS.mutualBranches],
  ] as const) {
    await productPickupPoints.replace(db, productIds.get(product)!, serviceIds);
  }
  // One statement: every start runs this seed, and the observations already there are skipped.
  await repository.insertPrices(prices);
  // Reference rates for standard amounts (USD 200 and 500) and for the desks' savings.
  // Seeded once, like the prices: their dates are those of the first start.
  const rated = await db.selectFrom('remittanceReferenceRate').select('rateDate').where('source', '=', DEMO_SOURCE).limit(1).executeTakeFirst();
  for (const back of rated ? [] : [...HISTORY, 4]) {
    const rateDate = addDays(today, -(back * DAYS_PER_QUARTER + 30));
    await repository.upsertReferenceRate({ baseCurrency: 'USD', quoteCurrency: 'EUR', rateDate, rate: '0.9225', source: DEMO_SOURCE });
    for (const corridor of Object.values(CORRIDORS)) {
      await repository.upsertReferenceRate({ baseCurrency: corridor.sending, quoteCurrency: corridor.receiving, rateDate, rate: corridor.interbank, source: DEMO_SOURCE });
    }
  }

  const recorded = new Set(
    (await db.selectFrom('remittanceTransfer').select('beneficiaryRef').where('beneficiaryRef', 'like', 'DEMO-%').execute()).map((row) => row.beneficiaryRef),
  );
  for (const { desk, corridor: code, entries } of TRANSFERS) {
    const corridor = CORRIDORS[code]!;
    for (const [daysAgo, provider, product, amount] of entries) {
      const reference = `DEMO-${code}-${desk}-${daysAgo}`;
      if (recorded.has(reference)) continue;
      const service = SERVICES[code]!.find((s) => s.provider === provider && s.product === product)!;
      // What the desk wrote down: the fee the schedule set that quarter, to the cent, and the rate offered (a 3 % margin when undisclosed).
      const fee = feeFor(olderFee(service.fee, Math.max(0, Math.floor((daysAgo - 10) / DAYS_PER_QUARTER))), amount);
      if (!fee.ok) throw new Error(`demo transfer ${reference}: ${fee.error.code}`);
      await db
        .insertInto('remittanceTransfer')
        .values({
          deskOrganisationId: organisations[desk]!, providerId: providerIds[provider]!, productId: productIds.get(`${provider}|${product}`) ?? null,
          sendingCountry: corridor.from, receivingCountry: corridor.to, sendingCurrency: corridor.sending, receivingCurrency: corridor.receiving,
          amountSent: amount, feePaid: new Decimal(fee.value).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2), rateApplied: rateFor(corridor, service.margin ?? '3'), transferredOn: addDays(today, -daysAgo),
          beneficiaryRef: reference, recordedBy: null,
        })
        .execute();
    }
  }
}
