import { sql, type Kysely } from 'kysely';

/**
 * What an erasure kept, by category (consent records, financing records), beside the legal reason
 * already in `retained_reason`;.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table erasure_request add column retained text[] not null default '{}'`.execute(db);
  await sql`create index erasure_request_status_idx on erasure_request (status, requested_at)`.execute(db);
  // One pending request per person: asking twice changes nothing.
  await sql`create unique index erasure_request_one_pending_uq on erasure_request (person_id) where status = 'pending'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index erasure_request_one_pending_uq`.execute(db);
  await sql`drop index erasure_request_status_idx`.execute(db);
  await sql`alter table erasure_request drop column retained`.execute(db);
}
