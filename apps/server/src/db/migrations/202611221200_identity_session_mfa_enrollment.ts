import { sql, type Kysely } from 'kysely';

// A session opened by someone who must set up two-step sign-in and has not: it may only reach
// the routes that let them do so (and public ones) until they have.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table user_session add column mfa_enrollment_pending boolean not null default false`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table user_session drop column mfa_enrollment_pending`.execute(db);
}
