import { hash } from 'node:crypto';
import { sql } from 'kysely';
import { copyRows, type CopyValue } from '../../platform/db/copy-rows.js';
import type { Executor } from '../../platform/db/database.js';
import type { FeeSchedule } from './remittance-cost.js';

/** A price observation with its product and provider, as the cost library needs them. */
export type PriceRow = {
  productId: string;
  productName: string;
  payIn: string;
  pickup: string;
  speed: string;
  accessible: boolean;
  feeChargedOnTop: boolean;
  coverageNote: string | null;
  providerId: string;
  providerName: string;
  providerType: string;
  sendingCurrency: string;
  receivingCurrency: string;
  amount: string | null;
  standardAmount: 'usd200' | 'usd500' | null;
  feeSchedule: FeeSchedule;
  rateOffered: string | null;
  interbankRate: string;
  observedOn: string;
  period: string;
  source: string;
  illustrative: boolean;
};

const PRICE_COLUMNS = sql`
  p.product_id, pr.name as product_name, pr.pay_in, pr.pickup, pr.speed, pr.accessible,
  pr.fee_charged_on_top, pr.coverage_note, pv.id as provider_id, pv.name as provider_name, pv.type as provider_type,
  p.sending_currency, p.receiving_currency, trim_scale(p.amount)::text as amount, p.standard_amount, p.fee_schedule,
  trim_scale(p.rate_offered)::text as rate_offered, trim_scale(p.interbank_rate)::text as interbank_rate,
  to_char(p.observed_on, 'YYYY-MM-DD') as observed_on, p.period, p.source,
  p.illustrative`;

/** Every product with a schedule in the corridor, found by skipping through the index (one probe each). */
const corridorProducts = (from: string, to: string, filter: ReturnType<typeof sql>) => sql`
  with recursive products(product_id) as (
    (select product_id from remittance_price
      where sending_country = ${from} and receiving_country = ${to} and amount is null ${filter}
      order by product_id limit 1)
    union all
    select (select p.product_id from remittance_price p
      where p.sending_country = ${from} and p.receiving_country = ${to} and p.amount is null ${filter}
        and p.product_id > products.product_id
      order by p.product_id limit 1)
    from products where products.product_id is not null
  )`;

export type ProviderScheduleRow = {
  productId: string; sendingCountry: string; receivingCountry: string; sendingCurrency: string; receivingCurrency: string;
  feeSchedule: FeeSchedule; rateOffered: string | null; interbankRate: string; observedOn: string; source: string;
};
export type ProviderFields = { name: string; type: string; organisationId?: string | null; website?: string | null };
export type ProductFields = {
  providerId: string; name: string; payIn: string; pickup: string; speed: string; accessible: boolean; feeChargedOnTop: boolean; coverageNote?: string | null;
};
export type PriceFields = {
  productId: string; sendingCountry: string; receivingCountry: string; sendingCurrency: string; receivingCurrency: string;
  amount?: string | null; standardAmount?: 'usd200' | 'usd500' | null; feeSchedule: FeeSchedule; rateOffered: string | null;
  interbankRate: string; observedOn: string; period: string; source: string; importId?: string | null;
  /** The observation's identity, any text: stored as a uuid from its MD5. */
  naturalKey: string;
  reportedBy?: string | null; illustrative?: boolean;
};

const PRICE_COPY_COLUMNS = [
  'product_id', 'sending_country', 'receiving_country', 'sending_currency', 'receiving_currency', 'amount', 'standard_amount',
  'fee_schedule', 'rate_offered', 'interbank_rate', 'observed_on', 'period', 'source', 'import_id', 'natural_key', 'reported_by', 'illustrative',
] as const;

/**
 * A natural key as stored: the uuid of the MD5 of its text (as PostgreSQL's `md5(text)::uuid`),
 * written as its 32 hex digits, which PostgreSQL reads as that uuid.
 */
const naturalKeyOf = (text: string): string => hash('md5', text);

/** Reference rates written per statement. */
const REFERENCE_RATE_BATCH = 5_000;

/** For each corridor-period an import met, the corridor-periods held before it, as answered when it was first met. */
export type PriorPeriods = Map<string, Promise<ReadonlySet<string>>>;
type InsertOptions = { seen?: Set<string>; priorPeriods?: PriorPeriods };
/** As `concat_ws(' ', sending, receiving, period)` spells it in SQL. */
const corridorPeriod = (r: PriceFields) => `${r.sendingCountry} ${r.receivingCountry} ${r.period}`;

/**
 * Which of the rows' corridor-periods (`periods[i]` is `rows[i]`'s) held prices before the import
 * that owns `prior`. Those met for the first time are asked about at once, before this batch is
 * written; the answer is remembered for each of them, so a later batch, even one overlapping this
 * call, waits for it.
 */
async function periodsHeldBefore(db: Executor, rows: PriceFields[], periods: string[], prior: PriorPeriods): Promise<Set<string>> {
  const batch = new Map(periods.map((id, index) => [id, rows[index]!]));
  const asked = [...batch].filter(([id]) => !prior.has(id));
  if (asked.length > 0) {
    const column = (pick: (r: PriceFields) => string) => asked.map(([, r]) => pick(r));
    const answer = sql<{ id: string }>`
      select concat_ws(' ', c.sending, c.receiving, c.period) as id
      from unnest(${column((r) => r.sendingCountry)}::text[], ${column((r) => r.receivingCountry)}::text[], ${column((r) => r.period)}::text[]) as c(sending, receiving, period)
      where exists (select 1 from remittance_price x where x.sending_country = c.sending and x.receiving_country = c.receiving and x.period = c.period)`
      .execute(db)
      .then(({ rows: found }) => new Set(found.map((row) => row.id)));
    for (const [id] of asked) prior.set(id, answer);
  }
  const held = new Set<string>();
  for (const id of batch.keys()) if ((await prior.get(id)!).has(id)) held.add(id);
  return held;
}

/**
 * The positions of the rows (`periods[i]` is row i's corridor-period) grouped by corridor-period, the
 * groups in the order of `remittance_price_period_idx`: a batch copied so lands its index entries
 * on neighbouring pages, which PostgreSQL inserts into at about half the cost of a file's own order
 * (a million RPW observations: 3 s of index work against 6–8 s).
 */
function byCorridorPeriod(periods: readonly string[]): number[] {
  const groups = new Map<string, number[]>();
  periods.forEach((period, index) => {
    const group = groups.get(period);
    if (group) group.push(index);
    else groups.set(period, [index]);
  });
  return [...groups.keys()].sort().flatMap((period) => groups.get(period)!);
}

export const remittancesRepository = (db: Executor) => ({
  /** Finds a provider by name (any case) or creates it; an existing provider keeps its fields. */
  async ensureProvider(fields: ProviderFields): Promise<string> {
    const existing = await db.selectFrom('remittanceProvider').select('id').where(sql`lower(name)`, '=', fields.name.toLowerCase()).executeTakeFirst();
    if (existing) return existing.id;
    const { id } = await db
      .insertInto('remittanceProvider')
      .values({ name: fields.name, type: fields.type, organisationId: fields.organisationId ?? null, website: fields.website ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  },

  /** Finds a provider's product by name (any case) or creates it. */
  async ensureProduct(fields: ProductFields): Promise<string> {
    const existing = await db
      .selectFrom('remittanceProduct').select('id')
      .where('providerId', '=', fields.providerId).where(sql`lower(name)`, '=', fields.name.toLowerCase())
      .executeTakeFirst();
    if (existing) return existing.id;
    const { id } = await db.insertInto('remittanceProduct').values({ ...fields, coverageNote: fields.coverageNote ?? null }).returning('id').executeTakeFirstOrThrow();
    return id;
  },

  /** Stores an observation unless one with the same natural key exists; true when stored. */
  async insertPrice(fields: PriceFields): Promise<boolean> {
    return (await remittancesRepository(db).insertPrices([fields])) === 1;
  },

  /**
   * Stores many observations, leaving out those whose natural key is stored (a file imported twice
   * stores nothing new): the batch's keys are looked up at once, then its new rows go in one COPY.
   * Answers how many were stored. `seen`, the keys of the same import's earlier batches, is checked
   * and added to, so calls may overlap without storing a row twice. With `priorPeriods` (keys whose
   * text names their corridor and period, as RPW and survey keys do), only keys of corridor-periods
   * that held prices before the import are looked up: the others can only repeat the import's own
   * rows, which `seen` holds. (A concurrent transaction storing the same key between lookup and
   * COPY makes the COPY fail on the unique index.)
   */
  async insertPrices(rows: PriceFields[], { seen = new Set<string>(), priorPeriods }: InsertOptions = {}): Promise<number> {
    const keys: string[] = [];
    const fresh: PriceFields[] = [];
    for (const r of rows) {
      const key = naturalKeyOf(r.naturalKey);
      if (seen.has(key)) continue;
      seen.add(key);
      keys.push(key);
      fresh.push(r);
    }
    if (keys.length === 0) return 0;
    const periods = priorPeriods ? fresh.map(corridorPeriod) : [];
    const held = priorPeriods ? await periodsHeldBefore(db, fresh, periods, priorPeriods) : null;
    const lookedUp = held === null ? keys : held.size === 0 ? [] : keys.filter((_, index) => held.has(periods[index]!));
    const { rows: known } = lookedUp.length === 0 ? { rows: [] } : await sql<{ key: string }>`
      select replace(natural_key::text, '-', '') as key from remittance_price where natural_key = any(${`{${lookedUp.join(',')}}`}::uuid[])`.execute(db);
    const existing = new Set(known.map((row) => row.key));
    const values: CopyValue[][] = [];
    for (const index of priorPeriods ? byCorridorPeriod(periods) : fresh.keys()) {
      const r = fresh[index]!;
      if (existing.has(keys[index]!)) continue;
      values.push([
        r.productId, r.sendingCountry, r.receivingCountry, r.sendingCurrency, r.receivingCurrency, r.amount, r.standardAmount,
        JSON.stringify(r.feeSchedule), r.rateOffered, r.interbankRate, r.observedOn, r.period, r.source, r.importId, keys[index], r.reportedBy,
        r.illustrative ?? false,
      ]);
    }
    return copyRows(db, 'remittance_price', PRICE_COPY_COLUMNS, values);
  },

  async upsertReferenceRate(row: { baseCurrency: string; quoteCurrency: string; rateDate: string; rate: string; source: string }) {
    await db
      .insertInto('remittanceReferenceRate')
      .values(row)
      .onConflict((oc) => oc.columns(['baseCurrency', 'quoteCurrency', 'rateDate']).doUpdateSet({ rate: row.rate, source: row.source }))
      .execute();
  },

  /**
   * Stores rates (no two with the same currencies and date), replacing a known rate whose figure or
   * source differs and leaving an identical one untouched. Answers how many were new and how many replaced.
   */
  async upsertReferenceRates(rows: { baseCurrency: string; quoteCurrency: string; rateDate: string; rate: string; source: string }[]) {
    let inserted = 0;
    let updated = 0;
    for (let start = 0; start < rows.length; start += REFERENCE_RATE_BATCH) {
      const batch = rows.slice(start, start + REFERENCE_RATE_BATCH);
      const column = (pick: (r: (typeof rows)[number]) => string) => batch.map(pick);
      const { rows: changed } = await sql<{ inserted: boolean }>`
        insert into remittance_reference_rate (base_currency, quote_currency, rate_date, rate, source)
        select * from unnest(${column((r) => r.baseCurrency)}::text[], ${column((r) => r.quoteCurrency)}::text[],
          ${column((r) => r.rateDate)}::date[], ${column((r) => r.rate)}::numeric[], ${column((r) => r.source)}::text[])
        on conflict (base_currency, quote_currency, rate_date) do update set rate = excluded.rate, source = excluded.source
          where (remittance_reference_rate.rate, remittance_reference_rate.source) is distinct from (excluded.rate, excluded.source)
        returning (xmax = 0) as inserted`.execute(db);
      for (const row of changed) {
        if (row.inserted) inserted++;
        else updated++;
      }
    }
    return { inserted, updated };
  },

  /**
   * The latest fee schedule of each product in the corridor, if observed on or after `since`
   * (an older latest price drops the product). A recursive skip scan then one index probe per
   * product, so a million observations cost no more than a dozen. `until`: as the prices stood that day.
   */
  async latestSchedules(from: string, to: string, since: string, until = '9999-12-31'): Promise<PriceRow[]> {
    const { rows } = await sql<PriceRow>`
      ${corridorProducts(from, to, sql``)}
      select ${PRICE_COLUMNS}
      from products
      cross join lateral (
        select * from remittance_price p
        where p.sending_country = ${from} and p.receiving_country = ${to} and p.amount is null and p.product_id = products.product_id
          and p.observed_on <= ${until}::date
        order by p.observed_on desc, p.id desc limit 1
      ) p
      join remittance_product pr on pr.id = p.product_id
      join remittance_provider pv on pv.id = pr.provider_id
      where products.product_id is not null and p.observed_on >= ${since}::date`.execute(db);
    return rows;
  },

  /**
   * The latest observation of each product in the period, per kind (schedule, USD 200 point, USD
   * 500 point): a skip scan over (product, kind) pairs, then one index probe each.
   */
  async periodObservations(from: string, to: string, period: string): Promise<PriceRow[]> {
    const { rows } = await sql<PriceRow>`
      with recursive pairs(product_id, kind) as (
        (select product_id, coalesce(standard_amount, '') from remittance_price
          where sending_country = ${from} and receiving_country = ${to} and period = ${period}
          order by product_id, coalesce(standard_amount, '') limit 1)
        union all
        select next.product_id, next.kind from pairs cross join lateral (
          select p.product_id, coalesce(p.standard_amount, '') as kind from remittance_price p
          where p.sending_country = ${from} and p.receiving_country = ${to} and p.period = ${period}
            and (p.product_id, coalesce(p.standard_amount, '')) > (pairs.product_id, pairs.kind)
          order by p.product_id, coalesce(p.standard_amount, '') limit 1
        ) next
      )
      select ${PRICE_COLUMNS}
      from pairs
      cross join lateral (
        select * from remittance_price p
        where p.sending_country = ${from} and p.receiving_country = ${to} and p.period = ${period}
          and p.product_id = pairs.product_id and coalesce(p.standard_amount, '') = pairs.kind
        order by p.observed_on desc, p.id desc limit 1
      ) p
      join remittance_product pr on pr.id = p.product_id
      join remittance_provider pv on pv.id = pr.provider_id`.execute(db);
    return rows;
  },

  /**
   * The latest fee schedule of each of a provider's products in each corridor with prices, however
   * old: one probe of the quote index per corridor and product (corridors are few; a provider's products too).
   */
  async latestProviderSchedules(providerId: string): Promise<ProviderScheduleRow[]> {
    const { rows } = await sql<ProviderScheduleRow>`
      select p.product_id, c.sending_country, c.receiving_country, p.sending_currency, p.receiving_currency, p.fee_schedule,
        trim_scale(p.rate_offered)::text as rate_offered, trim_scale(p.interbank_rate)::text as interbank_rate,
        to_char(p.observed_on, 'YYYY-MM-DD') as observed_on, p.source
      from remittance_corridor c
      cross join remittance_product pr
      cross join lateral (
        select * from remittance_price p
        where p.sending_country = c.sending_country and p.receiving_country = c.receiving_country and p.amount is null and p.product_id = pr.id
        order by p.observed_on desc, p.id desc limit 1
      ) p
      where pr.provider_id = ${providerId}
      order by pr.name, c.sending_country, c.receiving_country`.execute(db);
    return rows;
  },

  /** The latest period a corridor has observations in (one probe of the period index), or null. */
  async latestPeriod(from: string, to: string): Promise<string | null> {
    const { rows } = await sql<{ period: string }>`
      select period from remittance_price where sending_country = ${from} and receiving_country = ${to} order by period desc limit 1`.execute(db);
    return rows[0]?.period ?? null;
  },

  /** The periods a corridor has observations in, oldest first. */
  async periods(from: string, to: string): Promise<string[]> {
    const { rows } = await sql<{ period: string }>`
      with recursive periods(period) as (
        (select period from remittance_price where sending_country = ${from} and receiving_country = ${to} order by period limit 1)
        union all
        select (select p.period from remittance_price p where p.sending_country = ${from} and p.receiving_country = ${to}
                  and p.period > periods.period order by p.period limit 1)
        from periods where periods.period is not null
      )
      select period from periods where period is not null`.execute(db);
    return rows.map((row) => row.period);
  },

  async corridors() {
    return db
      .selectFrom('remittanceCorridor')
      .select([
        'sendingCountry', 'receivingCountry', 'sendingCurrency', 'receivingCurrency', 'latestPeriod', 'observations', 'illustrative',
        sql<string>`to_char(latest_observed_on, 'YYYY-MM-DD')`.as('latestObservedOn'),
      ])
      .orderBy('sendingCountry')
      .orderBy('receivingCountry')
      .execute();
  },

  /** Units of `quote` per `base` on or before `onOrBefore` (the latest known). */
  async referenceRate(base: string, quote: string, onOrBefore: string): Promise<string | null> {
    if (base === quote) return '1';
    const { rows } = await sql<{ rate: string }>`
      select trim_scale(rate)::text as rate from remittance_reference_rate
      where base_currency = ${base} and quote_currency = ${quote} and rate_date <= ${onOrBefore}::date
      order by rate_date desc limit 1`.execute(db);
    return rows[0]?.rate ?? null;
  },

  /** The latest rate on or before `onOrBefore` of every stored pair with one of `currencies` on either side. */
  async latestRatesTouching(currencies: string[], onOrBefore: string): Promise<{ baseCurrency: string; quoteCurrency: string; rate: string; rateDate: string }[]> {
    const { rows } = await sql<{ baseCurrency: string; quoteCurrency: string; rate: string; rateDate: string }>`
      select distinct on (base_currency, quote_currency) base_currency as "baseCurrency", quote_currency as "quoteCurrency",
             trim_scale(rate)::text as rate, to_char(rate_date, 'YYYY-MM-DD') as "rateDate"
      from remittance_reference_rate
      where (base_currency in (${sql.join(currencies)}) or quote_currency in (${sql.join(currencies)})) and rate_date <= ${onOrBefore}::date
      order by base_currency, quote_currency, rate_date desc`.execute(db);
    return rows;
  },
});
