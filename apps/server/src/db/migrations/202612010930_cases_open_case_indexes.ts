import { sql, type Kysely } from 'kysely';

/*
 * The lists coaches open all day show open cases (new, active, waiting), newest activity first.
 * Partial indexes on open cases only, in exactly that order, let the first page be read straight
 * off the index per desk (and per coach for "my cases") however many closed cases pile up.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index support_case_desk_open_idx on support_case (desk_id, updated_at desc, id desc) where status <> 'closed'`.execute(db);
  await sql`create index support_case_coach_open_idx on support_case (assigned_coach_id, updated_at desc, id desc) where status <> 'closed'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index support_case_coach_open_idx`.execute(db);
  await sql`drop index support_case_desk_open_idx`.execute(db);
}
