import { sql, type Kysely } from 'kysely';

/**
 * When the owner and desk staff were last told a service is stale, and about which verification:
 * one notice per staleness period. A new `last_verified` (verified again, or imported) is a new period.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table directory_stale_notice (
      service_id uuid primary key references hsds_service(id) on delete cascade,
      last_verified date,
      notified_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table directory_stale_notice`.execute(db);
}
