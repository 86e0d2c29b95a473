import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Only hashes of e-mailed tokens are stored: a leaked table opens no account.
  await sql`
    create table invitation (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisation(id) on delete cascade,
      email text not null check (email = lower(email) and position('@' in email) > 1),
      role text not null check (role in ('org_admin', 'lra_officer', 'desk_manager', 'coach', 'partner_staff')),
      token_hash text not null unique,
      invited_by uuid references app_user(id) on delete set null,
      locale text not null check (locale in ('en', 'fr', 'es', 'it', 'ar')),
      expires_at timestamptz not null,
      accepted_at timestamptz,
      revoked_at timestamptz,
      created_at timestamptz not null default now(),
      check (accepted_at is null or revoked_at is null)
    )`.execute(db);
  // One open invitation per address and organisation: a new one replaces (revokes) the old.
  await sql`
    create unique index invitation_open_uq on invitation (organisation_id, email)
      where accepted_at is null and revoked_at is null`.execute(db);

  await sql`
    create table password_reset (
      token_hash text primary key,
      user_id uuid not null references app_user(id) on delete cascade,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index password_reset_user_idx on password_reset (user_id)`.execute(db);

  // A self-registration waits here until its e-mail link is opened; only then is the account created.
  await sql`
    create table pending_registration (
      token_hash text primary key,
      email text not null check (email = lower(email) and position('@' in email) > 1),
      display_name text not null check (length(trim(display_name)) between 1 and 200),
      password_hash text not null,
      locale text not null check (locale in ('en', 'fr', 'es', 'it', 'ar')),
      expires_at timestamptz not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index pending_registration_email_idx on pending_registration (email)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table pending_registration`.execute(db);
  await sql`drop table password_reset`.execute(db);
  await sql`drop table invitation`.execute(db);
}
