import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table territory (
      id uuid primary key default gen_random_uuid(),
      parent_id uuid references territory(id) on delete restrict,
      level text not null check (level in ('country', 'region', 'department', 'commune')),
      code text not null unique,
      country_code char(2) not null check (country_code ~ '^[A-Z]{2}$'),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      -- a country is a root and carries its own ISO code; everything else hangs under a parent
      check ((level = 'country') = (parent_id is null)),
      check (level <> 'country' or code = country_code)
    )`.execute(db);
  await sql`create index territory_parent_idx on territory (parent_id)`.execute(db);

  await sql`
    create table territory_name (
      territory_id uuid not null references territory(id) on delete cascade,
      locale text not null check (locale in ('en', 'fr', 'es', 'it', 'ar')),
      name text not null check (length(trim(name)) > 0),
      primary key (territory_id, locale)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table territory_name`.execute(db);
  await sql`drop table territory`.execute(db);
}
