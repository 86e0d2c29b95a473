import { sql, type Kysely } from 'kysely';

// Frozen copies of the lists in contracts/remittances.ts: a migration never imports app code.
const PROVIDER_TYPES = `'bank','money_transfer_operator','post_office','mobile_operator','credit_union_or_mfi','fintech'`;
const PAY_IN = `'cash','account','card','online'`;
const PICKUP = `'cash_pickup','account','mobile_wallet','home_delivery'`;
const SPEEDS = `'less_than_one_hour','same_day','next_day','two_days','three_to_five_days','more_than_five_days'`;
const COUNTRY = (column: string) => `${column} ~ '^[A-Z]{2}$'`;
const CURRENCY = (column: string) => `${column} ~ '^[A-Z]{3}$'`;

export async function up(db: Kysely<any>): Promise<void> {
  // A provider may be an organisation of the network (its partner staff then report its prices).
  await sql`
    create table remittance_provider (
      id uuid primary key default gen_random_uuid(),
      name text not null check (length(name) between 1 and 200),
      type text not null check (type in (${sql.raw(PROVIDER_TYPES)})),
      organisation_id uuid references organisation(id) on delete set null,
      website text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  // Imports find providers by name, whatever its case.
  await sql`create unique index remittance_provider_name_key on remittance_provider (lower(name))`.execute(db);
  await sql`create index remittance_provider_organisation_idx on remittance_provider (organisation_id) where organisation_id is not null`.execute(db);

  await sql`
    create table remittance_product (
      id uuid primary key default gen_random_uuid(),
      provider_id uuid not null references remittance_provider(id) on delete cascade,
      name text not null check (length(name) between 1 and 200),
      pay_in text not null check (pay_in in (${sql.raw(PAY_IN)})),
      pickup text not null check (pickup in (${sql.raw(PICKUP)})),
      speed text not null check (speed in (${sql.raw(SPEEDS)})),
      accessible boolean not null default true,
      fee_charged_on_top boolean not null default false,
      coverage_note text check (length(coverage_note) <= 500),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index remittance_product_name_key on remittance_product (provider_id, lower(name))`.execute(db);

  // One upload of a price file; its rows report what was refused and why.
  await sql`
    create table remittance_import (
      id uuid primary key default gen_random_uuid(),
      format text not null check (format in ('rpw','survey')),
      file_name text,
      file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
      rows_total integer not null check (rows_total >= 0),
      rows_imported integer not null check (rows_imported >= 0),
      rows_unchanged integer not null check (rows_unchanged >= 0),
      rows_rejected integer not null check (rows_rejected >= 0),
      created_by uuid references app_user(id) on delete set null,
      created_at timestamptz not null default now()
    )`.execute(db);

  // A price seen for a service (product × corridor) at a date. Either a point observation made
  // at one amount (RPW's two standard amounts) or a fee schedule valid for any amount in its tiers.
  // natural_key (an MD5 of the observation's identity, as a uuid) makes re-importing it a no-op.
  // A bigint identity keeps the primary key append-only, and orders observations of one day.
  await sql`
    create table remittance_price (
      id bigint generated always as identity primary key,
      product_id uuid not null references remittance_product(id) on delete cascade,
      sending_country text not null check (${sql.raw(COUNTRY('sending_country'))}),
      receiving_country text not null check (${sql.raw(COUNTRY('receiving_country'))}),
      sending_currency text not null check (${sql.raw(CURRENCY('sending_currency'))}),
      receiving_currency text not null check (${sql.raw(CURRENCY('receiving_currency'))}),
      amount numeric(20, 4) check (amount > 0),
      standard_amount text check (standard_amount in ('usd200','usd500')),
      fee_schedule jsonb not null check (jsonb_typeof(fee_schedule) = 'object'),
      rate_offered numeric(30, 12) check (rate_offered > 0),
      interbank_rate numeric(30, 12) not null check (interbank_rate > 0),
      observed_on date not null,
      period text not null check (period ~ '^[0-9]{4}-Q[1-4]$'),
      source text not null check (source in ('desk_survey','provider_self_report','import')),
      illustrative boolean not null default false,
      import_id uuid references remittance_import(id) on delete set null,
      natural_key uuid not null,
      reported_by uuid references app_user(id) on delete set null,
      created_at timestamptz not null default now(),
      check (standard_amount is null or amount is not null)
    )`.execute(db);
  await sql`create unique index remittance_price_natural_key on remittance_price (natural_key)`.execute(db);
  // Quotes: the latest schedule of each product in a corridor (a skip scan over product_id).
  await sql`
    create index remittance_price_quote_idx on remittance_price
      (sending_country, receiving_country, product_id, observed_on desc, id desc)
      where amount is null`.execute(db);
  // Statistics and history: the latest observation of each product and kind in a corridor's period (skip scan again).
  await sql`
    create index remittance_price_period_idx on remittance_price
      (sending_country, receiving_country, period, product_id, (coalesce(standard_amount, '')), observed_on desc, id desc)`.execute(db);
  // No index on product_id alone: the two above serve every read, and each index slows imports. Deleting a product
  // (rare, an administrator's act) scans instead.

  // One row per corridor with prices, kept by a statement trigger from the rows each insert adds:
  // the corridor list is read on every visit and must not aggregate a million observations.
  // (Prices are never deleted by the app; a product deleted by hand leaves these figures as they were.)
  await sql`
    create table remittance_corridor (
      sending_country text not null,
      receiving_country text not null,
      sending_currency text not null,
      receiving_currency text not null,
      latest_period text not null,
      latest_observed_on date not null,
      observations bigint not null check (observations >= 0),
      illustrative boolean not null,
      primary key (sending_country, receiving_country)
    )`.execute(db);
  await sql`
    create function remittance_corridor_refresh() returns trigger language plpgsql as $$
    begin
      insert into remittance_corridor as c
        (sending_country, receiving_country, sending_currency, receiving_currency, latest_period, latest_observed_on, observations, illustrative)
      -- min(), not mode(): a corridor's currencies rarely differ, and sorting every inserted row costs imports dearly.
      select sending_country, receiving_country, min(sending_currency), min(receiving_currency),
             max(period), max(observed_on), count(*), bool_and(illustrative)
      from inserted group by sending_country, receiving_country
      on conflict (sending_country, receiving_country) do update set
        latest_period = greatest(c.latest_period, excluded.latest_period),
        latest_observed_on = greatest(c.latest_observed_on, excluded.latest_observed_on),
        observations = c.observations + excluded.observations,
        illustrative = c.illustrative and excluded.illustrative;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger remittance_corridor_refresh after insert on remittance_price
      referencing new table as inserted for each statement execute function remittance_corridor_refresh()`.execute(db);

  // Mid-market reference rates, units of `quote_currency` per unit of `base_currency`.
  await sql`
    create table remittance_reference_rate (
      base_currency text not null check (${sql.raw(CURRENCY('base_currency'))}),
      quote_currency text not null check (${sql.raw(CURRENCY('quote_currency'))}),
      rate_date date not null,
      rate numeric(30, 12) not null check (rate > 0),
      source text not null check (length(source) between 1 and 200),
      primary key (base_currency, quote_currency, rate_date)
    )`.execute(db);

  // A transfer a desk's beneficiary made, as the desk recorded it: no personal data, at most an
  // opaque reference of the desk's own.
  await sql`
    create table remittance_transfer (
      id uuid primary key default gen_random_uuid(),
      desk_organisation_id uuid not null references organisation(id) on delete cascade,
      product_id uuid references remittance_product(id) on delete set null,
      provider_id uuid not null references remittance_provider(id) on delete restrict,
      sending_country text not null check (${sql.raw(COUNTRY('sending_country'))}),
      receiving_country text not null check (${sql.raw(COUNTRY('receiving_country'))}),
      sending_currency text not null check (${sql.raw(CURRENCY('sending_currency'))}),
      receiving_currency text not null check (${sql.raw(CURRENCY('receiving_currency'))}),
      amount_sent numeric(20, 4) not null check (amount_sent > 0),
      fee_paid numeric(20, 4) not null check (fee_paid >= 0),
      rate_applied numeric(30, 12) not null check (rate_applied > 0),
      transferred_on date not null,
      beneficiary_ref text check (beneficiary_ref ~ '^[A-Za-z0-9._-]{1,64}$'),
      recorded_by uuid references app_user(id) on delete set null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index remittance_transfer_desk_idx on remittance_transfer (desk_organisation_id, transferred_on)`.execute(db);

  // Opt-in alerts: the cheapest product last told to the follower, to send only on a change.
  await sql`
    create table remittance_corridor_follow (
      user_id uuid not null references app_user(id) on delete cascade,
      sending_country text not null check (${sql.raw(COUNTRY('sending_country'))}),
      receiving_country text not null check (${sql.raw(COUNTRY('receiving_country'))}),
      last_cheapest_product_id uuid,
      created_at timestamptz not null default now(),
      primary key (user_id, sending_country, receiving_country)
    )`.execute(db);
  await sql`create index remittance_corridor_follow_corridor_idx on remittance_corridor_follow (sending_country, receiving_country)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'remittance_corridor_follow', 'remittance_transfer', 'remittance_reference_rate', 'remittance_corridor', 'remittance_price',
    'remittance_import', 'remittance_product', 'remittance_provider',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists remittance_corridor_refresh()`.execute(db);
}
