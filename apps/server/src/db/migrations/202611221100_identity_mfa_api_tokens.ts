import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The TOTP secret is encrypted by the app (AES-256-GCM): a database dump alone cannot mint codes.
  // last_used_step: the last 30-second step accepted, so a code is never accepted twice.
  await sql`
    create table user_mfa (
      user_id uuid primary key references app_user(id) on delete cascade,
      secret_encrypted text not null,
      confirmed_at timestamptz,
      last_used_step integer,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table mfa_recovery_code (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references app_user(id) on delete cascade,
      code_hash text not null,
      used_at timestamptz,
      created_at timestamptz not null default now(),
      unique (user_id, code_hash)
    )`.execute(db);

  // The pending second step of a sign-in: only a hash of the challenge token is stored.
  await sql`
    create table mfa_challenge (
      token_hash text primary key,
      user_id uuid not null references app_user(id) on delete cascade,
      expires_at timestamptz not null,
      attempts int not null default 0 check (attempts >= 0),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index mfa_challenge_user_idx on mfa_challenge (user_id)`.execute(db);

  // created_at to the millisecond: it is the list's keyset, and cursors carry JavaScript dates.
  await sql`
    create table api_token (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisation(id) on delete cascade,
      created_by uuid not null references app_user(id) on delete cascade,
      name text not null check (length(trim(name)) between 1 and 100),
      token_prefix text not null,
      token_hash text not null unique,
      permissions text[] not null check (cardinality(permissions) > 0),
      created_at timestamptz(3) not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz,
      expires_at timestamptz
    )`.execute(db);
  await sql`create index api_token_organisation_idx on api_token (organisation_id, created_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['api_token', 'mfa_challenge', 'mfa_recovery_code', 'user_mfa']) {
    await sql`drop table ${sql.id(table)}`.execute(db);
  }
}
