import type { Executor } from '../../platform/db/database.js';
import type { FeeSchedule } from './remittance-cost.js';
import { remittancesRepository } from './remittances.repository.js';
import { periodOf } from './remittances.service.js';

/** Tests' shorthand for a provider, product and one price observation in a corridor. */
export type PriceFixture = {
  provider: string;
  providerType?: string;
  product?: string;
  payIn?: string;
  pickup?: string;
  speed?: string;
  accessible?: boolean;
  feeChargedOnTop?: boolean;
  corridor: `${string}-${string}`;
  currencies: `${string}/${string}`;
  fee: FeeSchedule;
  rateOffered: string | null;
  interbankRate: string;
  observedOn: string;
  amount?: string;
  standardAmount?: 'usd200' | 'usd500';
  source?: string;
  organisationId?: string | null;
};

let sequence = 0;

export async function addPrice(db: Executor, fixture: PriceFixture): Promise<{ providerId: string; productId: string }> {
  const repository = remittancesRepository(db);
  const providerId = await repository.ensureProvider({ name: fixture.provider, type: fixture.providerType ?? 'money_transfer_operator', organisationId: fixture.organisationId ?? null });
  const productId = await repository.ensureProduct({
    providerId,
    name: fixture.product ?? 'Standard',
    payIn: fixture.payIn ?? 'cash',
    pickup: fixture.pickup ?? 'cash_pickup',
    speed: fixture.speed ?? 'same_day',
    accessible: fixture.accessible ?? true,
    feeChargedOnTop: fixture.feeChargedOnTop ?? false,
  });
  const [from, to] = fixture.corridor.split('-') as [string, string];
  const [sendingCurrency, receivingCurrency] = fixture.currencies.split('/') as [string, string];
  await repository.insertPrice({
    productId, sendingCountry: from, receivingCountry: to, sendingCurrency, receivingCurrency,
    amount: fixture.amount ?? null, standardAmount: fixture.standardAmount ?? null, feeSchedule: fixture.fee,
    rateOffered: fixture.rateOffered, interbankRate: fixture.interbankRate, observedOn: fixture.observedOn,
    period: periodOf(fixture.observedOn), source: fixture.source ?? 'desk_survey', naturalKey: `fixture:${process.pid}:${++sequence}`,
  });
  return { providerId, productId };
}
