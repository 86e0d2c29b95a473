import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table organisation (
      id uuid primary key default gen_random_uuid(),
      type text not null check (type in (
        'local_authority', 'help_desk', 'bank', 'credit_union', 'microfinance', 'mutual',
        'money_transfer_operator', 'employer', 'public_employment_service', 'ngo',
        'migrant_association', 'chamber_of_commerce', 'training_centre', 'university',
        'trade_union', 'national_agency', 'platform')),
      name text not null check (length(trim(name)) between 1 and 200),
      host_organisation_id uuid references organisation(id),
      home_territory_id uuid not null references territory(id),
      languages text[] not null default '{}',
      email text,
      phone text,
      website text,
      require_mfa boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (host_organisation_id is null or host_organisation_id <> id)
    )`.execute(db);
  await sql`create unique index organisation_name_territory_uq on organisation (lower(name), home_territory_id)`.execute(db);

  await sql`
    create table organisation_territory (
      organisation_id uuid not null references organisation(id) on delete cascade,
      territory_id uuid not null references territory(id),
      primary key (organisation_id, territory_id)
    )`.execute(db);

  await sql`
    create table partnership (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('decentralised_cooperation', 'desk_network', 'convention', 'other')),
      name text not null check (length(trim(name)) between 1 and 200),
      description text,
      starts_on date,
      ends_on date,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_on is null or starts_on is null or ends_on >= starts_on)
    )`.execute(db);

  await sql`
    create table partnership_member (
      id uuid primary key default gen_random_uuid(),
      partnership_id uuid not null references partnership(id) on delete cascade,
      organisation_id uuid references organisation(id),
      territory_id uuid references territory(id),
      role text not null check (length(trim(role)) between 1 and 200),
      check ((organisation_id is null) <> (territory_id is null))
    )`.execute(db);

  await sql`
    create table territory_statistic (
      territory_id uuid not null references territory(id) on delete cascade,
      year int not null check (year between 1900 and 2100),
      population_total bigint check (population_total >= 0),
      population_female bigint check (population_female >= 0),
      population_male bigint check (population_male >= 0),
      foreign_born bigint check (foreign_born >= 0),
      emigrants_abroad bigint check (emigrants_abroad >= 0),
      source text not null check (length(trim(source)) > 0),
      primary key (territory_id, year)
    )`.execute(db);

  await sql`
    create table app_user (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      display_name text not null check (length(trim(display_name)) between 1 and 200),
      password_hash text,
      locale text not null default 'en' check (locale in ('en', 'fr', 'es', 'it', 'ar')),
      kind text not null default 'staff' check (kind in ('staff', 'migrant')),
      disabled_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (email = lower(email) and position('@' in email) > 1)
    )`.execute(db);
  await sql`create unique index app_user_email_uq on app_user (email)`.execute(db);

  // organisation_id null: a platform-wide role (platform administrator, data protection officer).
  await sql`
    create table membership (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references app_user(id) on delete cascade,
      organisation_id uuid references organisation(id) on delete cascade,
      role text not null check (role in (
        'platform_admin', 'dpo', 'org_admin', 'lra_officer', 'desk_manager', 'coach', 'partner_staff', 'migrant')),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index membership_uq on membership (user_id, coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid), role)`.execute(db);

  // Only a hash of the session token is stored: a leaked table opens no session.
  await sql`
    create table user_session (
      token_hash text primary key,
      user_id uuid not null references app_user(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ip text,
      user_agent text
    )`.execute(db);
  await sql`create index user_session_user_idx on user_session (user_id)`.execute(db);

  await sql`
    create table sign_in_throttle (
      key text primary key,
      failures int not null default 0,
      window_started_at timestamptz not null default now(),
      locked_until timestamptz
    )`.execute(db);

  // Append-only, hash-chained: each row carries the hash of the previous one.
  await sql`
    create table audit_event (
      seq bigint generated always as identity primary key,
      occurred_at timestamptz not null default now(),
      actor_user_id uuid,
      actor_label text not null,
      action text not null,
      subject_type text,
      subject_id text,
      organisation_id uuid,
      outcome text not null default 'success' check (outcome in ('success', 'denied', 'failure')),
      details jsonb not null default '{}'::jsonb,
      ip text,
      request_id text,
      prev_hash text not null,
      hash text not null unique
    )`.execute(db);
  await sql`create index audit_event_subject_idx on audit_event (subject_type, subject_id)`.execute(db);
  await sql`create index audit_event_actor_idx on audit_event (actor_user_id, occurred_at)`.execute(db);
  await sql`
    create function audit_event_reject_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_event is append-only' using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`
    create trigger audit_event_append_only before update or delete on audit_event
      for each row execute function audit_event_reject_change()`.execute(db);
  await sql`
    create trigger audit_event_no_truncate before truncate on audit_event
      for each statement execute function audit_event_reject_change()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_event', 'sign_in_throttle', 'user_session', 'membership', 'app_user', 'territory_statistic',
    'partnership_member', 'partnership', 'organisation_territory', 'organisation',
  ]) {
    await sql`drop table ${sql.id(table)}`.execute(db);
  }
  await sql`drop function audit_event_reject_change()`.execute(db);
}
