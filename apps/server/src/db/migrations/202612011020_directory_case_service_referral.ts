import { sql, type Kysely } from 'kysely';

/** "Referred to this service": a coach links a directory service to a case and records whether the person got it. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table case_service_referral (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references support_case(id) on delete cascade,
      service_id uuid not null references hsds_service(id),
      referred_by uuid references app_user(id),
      note text check (note is null or length(note) <= 1000),
      outcome text not null default 'pending' check (outcome in ('pending', 'received', 'not_received')),
      outcome_at timestamptz,
      outcome_by uuid references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((outcome = 'pending') = (outcome_at is null))
    )`.execute(db);
  await sql`create index case_service_referral_case_idx on case_service_referral (case_id, created_at, id)`.execute(db);
  await sql`create index case_service_referral_service_idx on case_service_referral (service_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table case_service_referral`.execute(db);
}
