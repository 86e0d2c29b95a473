import { sql, type Kysely } from 'kysely';

/**
 * One statement trigger for every insert of prices instead of three (corridor figures, codes,
 * references), each of which read the statement's rows again: the rows are grouped once by what
 * the three need (corridor, currencies, period, product, import), and the checks and the corridor
 * figures read the groups, a few hundred where a batch of an RPW import holds 20,000 rows. Refused
 * as before: 23514 for a malformed code, 23503 for an unknown product or import. Updates keep their
 * two triggers; `remittance_corridor_refresh()` stays for `down`.
 */
/** The insert triggers this one replaces, with their functions (kept for `down`). */
const REPLACED = [
  ['remittance_corridor_refresh', 'remittance_corridor_refresh'],
  ['remittance_price_codes_on_insert', 'remittance_price_codes_check'],
  ['remittance_price_references_on_insert', 'remittance_price_references_check'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function remittance_price_inserted() returns trigger language plpgsql as $$
    declare
      found record;
    begin
      with groups as materialized (
        select sending_country, receiving_country, sending_currency, receiving_currency, period, product_id, import_id,
               max(observed_on) as latest_observed_on, count(*) as observations, bool_and(illustrative) as illustrative
        from inserted
        group by sending_country, receiving_country, sending_currency, receiving_currency, period, product_id, import_id
      ),
      corridors as (
        insert into remittance_corridor as c
          (sending_country, receiving_country, sending_currency, receiving_currency, latest_period, latest_observed_on, observations, illustrative)
        select sending_country, receiving_country, min(sending_currency), min(receiving_currency),
               max(period), max(latest_observed_on), sum(observations), bool_and(illustrative)
        from groups group by sending_country, receiving_country
        on conflict (sending_country, receiving_country) do update set
          latest_period = greatest(c.latest_period, excluded.latest_period),
          latest_observed_on = greatest(c.latest_observed_on, excluded.latest_observed_on),
          observations = c.observations + excluded.observations,
          illustrative = c.illustrative and excluded.illustrative
      )
      select
        exists (select 1 from (select distinct sending_country, receiving_country, sending_currency, receiving_currency, period from groups) g
                where not (g.sending_country ~ '^[A-Z]{2}$' and g.receiving_country ~ '^[A-Z]{2}$'
                  and g.sending_currency ~ '^[A-Z]{3}$' and g.receiving_currency ~ '^[A-Z]{3}$' and g.period ~ '^[0-9]{4}-Q[1-4]$')) as bad_codes,
        exists (select 1 from (select distinct product_id from groups) g where not exists (select 1 from remittance_product p where p.id = g.product_id)) as unknown_product,
        exists (select 1 from (select distinct import_id from groups where import_id is not null) g
                where not exists (select 1 from remittance_import m where m.id = g.import_id)) as unknown_import
      into found;
      if found.bad_codes then
        raise check_violation using message = 'remittance_price: a country code is two capital letters, a currency code three, a period YYYY-Qn';
      end if;
      if found.unknown_product then
        raise foreign_key_violation using message = 'remittance_price.product_id names no remittance_product';
      end if;
      if found.unknown_import then
        raise foreign_key_violation using message = 'remittance_price.import_id names no remittance_import';
      end if;
      return null;
    end $$`.execute(db);
  for (const [trigger] of REPLACED) await sql`drop trigger ${sql.id(trigger)} on remittance_price`.execute(db);
  await sql`
    create trigger remittance_price_inserted after insert on remittance_price
      referencing new table as inserted for each statement execute function remittance_price_inserted()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger remittance_price_inserted on remittance_price`.execute(db);
  await sql`drop function remittance_price_inserted()`.execute(db);
  for (const [trigger, check] of REPLACED) {
    await sql`
      create trigger ${sql.id(trigger)} after insert on remittance_price
        referencing new table as inserted for each statement execute function ${sql.id(check)}()`.execute(db);
  }
}
