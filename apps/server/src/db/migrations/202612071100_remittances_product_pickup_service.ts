import { sql, type Kysely } from 'kysely';

/**
 * A remittance product's network coverage linked to the services directory: the directory's
 * services (agencies, caisses, post offices…) where the family can collect the money, rural pickup
 * points included. Many to many; a product or a service removed takes its links with it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table remittance_product_pickup_service (
      product_id uuid not null references remittance_product(id) on delete cascade,
      service_id uuid not null references hsds_service(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (product_id, service_id)
    )`.execute(db);
  // The primary key serves the quotes (by product); this one, a service's removal.
  await sql`create index remittance_product_pickup_service_service_id_idx on remittance_product_pickup_service (service_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table remittance_product_pickup_service`.execute(db);
}
