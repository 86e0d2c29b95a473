import { sql, type Kysely } from 'kysely';

/**
 * A price's product and import checked once per statement instead of once per row: a foreign key
 * runs a lookup for every inserted row, a third of the time of a million-row import. The statement
 * trigger checks the whole batch with one anti-join and refuses it as a foreign key would (23503);
 * deleting a product or an import does what the keys' ON DELETE clauses did.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table remittance_price drop constraint remittance_price_product_id_fkey, drop constraint remittance_price_import_id_fkey`.execute(db);
  await sql`
    create function remittance_price_references_check() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from inserted i where not exists (select 1 from remittance_product p where p.id = i.product_id)) then
        raise foreign_key_violation using message = 'remittance_price.product_id names no remittance_product';
      end if;
      if exists (select 1 from (select distinct import_id from inserted where import_id is not null) i
                 where not exists (select 1 from remittance_import m where m.id = i.import_id)) then
        raise foreign_key_violation using message = 'remittance_price.import_id names no remittance_import';
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger remittance_price_references_on_insert after insert on remittance_price
      referencing new table as inserted for each statement execute function remittance_price_references_check()`.execute(db);
  await sql`
    create trigger remittance_price_references_on_update after update on remittance_price
      referencing new table as inserted for each statement execute function remittance_price_references_check()`.execute(db);
  await sql`
    create function remittance_product_delete_prices() returns trigger language plpgsql as $$
    begin
      delete from remittance_price where product_id in (select id from deleted);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger remittance_product_delete_prices after delete on remittance_product
      referencing old table as deleted for each statement execute function remittance_product_delete_prices()`.execute(db);
  await sql`
    create function remittance_import_release_prices() returns trigger language plpgsql as $$
    begin
      update remittance_price set import_id = null where import_id in (select id from deleted);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger remittance_import_release_prices after delete on remittance_import
      referencing old table as deleted for each statement execute function remittance_import_release_prices()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger remittance_import_release_prices on remittance_import`.execute(db);
  await sql`drop function remittance_import_release_prices()`.execute(db);
  await sql`drop trigger remittance_product_delete_prices on remittance_product`.execute(db);
  await sql`drop function remittance_product_delete_prices()`.execute(db);
  await sql`drop trigger remittance_price_references_on_update on remittance_price`.execute(db);
  await sql`drop trigger remittance_price_references_on_insert on remittance_price`.execute(db);
  await sql`drop function remittance_price_references_check()`.execute(db);
  await sql`
    alter table remittance_price
      add constraint remittance_price_product_id_fkey foreign key (product_id) references remittance_product(id) on delete cascade,
      add constraint remittance_price_import_id_fkey foreign key (import_id) references remittance_import(id) on delete set null`.execute(db);
}
