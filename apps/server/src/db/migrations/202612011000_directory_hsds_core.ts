import { sql, type Kysely } from 'kysely';

/**
 * The Open Referral HSDS 3.0 core (all 21 tables of its datapackage.json, prefixed hsds_), their
 * translations (one row per locale), Glocal's profile columns, economic opportunities, flags and
 * the search documents. Generated once from the datapackage, then frozen like every migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Both engines: PGlite loads these as contrib modules (platform/db/database.ts). In "public" so
  // that parallel test schemas share one copy; a race between two of them creating it is harmless.
  for (const extension of ['pg_trgm', 'unaccent']) {
    await sql.raw(`do $$ begin
      create extension if not exists ${extension} with schema public;
    exception when unique_violation or duplicate_object then null;
    end $$`).execute(db);
  }
  // unaccent() is only "stable"; indexes need an immutable wrapper with its dictionary pinned.
  await sql`
    create or replace function f_unaccent(text) returns text
    language sql immutable parallel safe strict
    as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$`.execute(db);

  await sql`
    create table hsds_organization (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      alternate_name text,
      description text not null,
      email text,
      website text,
      tax_status text,
      tax_id text,
      year_incorporated numeric,
      legal_status text,
      logo text,
      uri text,
      parent_organization_id uuid,
      organisation_id uuid references organisation(id) on delete set null,
      territory_id uuid references territory(id),
      source_locale text not null default 'en' check (source_locale in ('en', 'fr', 'es', 'it', 'ar')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table hsds_organization_translation (
      organization_id uuid not null references hsds_organization(id) on delete cascade,
      locale text not null check (locale in ('en', 'fr', 'es', 'it', 'ar')),
      name text,
      alternate_name text,
      description text,
      primary key (organization_id, locale)
    )`.execute(db);
  await sql`
    create table hsds_program (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null unique references hsds_organization(id),
      name text not null,
      alternate_name text,
      description text not null,
      source_locale text not null default 'en' check (source_locale in ('en', 'fr', 'es', 'it', 'ar')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index hsds_program_organization_id_idx on hsds_program (organization_id)`.execute(db);
  await sql`
    create table hsds_program_translation (
      program_id uuid not null references hsds_program(id) on delete cascade,
      locale text not null check (locale in ('en', 'fr', 'es', 'it', 'ar')),
      name text,
      alternate_name text,
      description text,
      primary key (program_id, locale)
    )`.execute(db);
  await sql`
    create table hsds_service (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references hsds_organization(id),
      program_id uuid references hsds_program(id),
      name text not null,
      alternate_name text,
      description text,
      url text,
      email text,
      status text not null check (status in ('active', 'inactive', 'defunct', 'temporarily closed')),
      interpretation_services text,
      application_process text,
      fees_description text,
      wait_time text,
      fees text,
      accreditations text,
      eligibility_description text,
      minimum_age numeric,
      maximum_age numeric,
      assured_date date,
      assurer_email text,
      licenses text,
      alert text,
      last_modified timestamptz,
      territory_id uuid references territory(id),
      last_verified date,
      diaspora_eligible boolean,
      returnee_eligible boolean,
      loan_min numeric check (loan_min >= 0),
      loan_max numeric check (loan_max >= 0),
      loan_currency char(3) check (loan_currency ~ '^[A-Z]{3}$'),
      collateral_required boolean,
      interest_min numeric check (interest_min >= 0),
      interest_max numeric check (interest_max >= 0),
      target_groups text[] not null default '{}',
      staff_languages text[] not null default '{}',
      source_locale text not null default 'en' check (source_locale in ('en', 'fr', 'es', 'it', 'ar')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (loan_min is null or loan_max is null or loan_min <= loan_max),
      check (interest_min is null or interest_max is null or interest_min <= interest_max),
      check ((loan_min is null and loan_max is null) or loan_currency is not null)
    )`.execute(db);
  await sql`create index hsds_service_organization_id_idx on hsds_service (organization_id)`.execute(db);
  await sql`create index hsds_service_program_id_idx on hsds_service (program_id)`.execute(db);
  await sql`
    create table hsds_service_translation (
      service_id uuid not null references hsds_service(id) on delete cascade,
      locale text not null check (locale in ('en', 'fr', 'es', 'it', 'ar')),
      name text,
      alternate_name text,
      description text,
      interpretation_services text,
      application_process text,
      fees_description text,
      eligibility_description text,
      alert text,
      primary key (service_id, locale)
    )`.execute(db);
  await sql`
    create table hsds_location (
      id uuid primary key default gen_random_uuid(),
      location_type text not null check (location_type in ('physical', 'postal', 'virtual')),
      url text,
      organization_id uuid references hsds_organization(id),
      name text,
      alternate_name text,
      description text,
      transportation text,
      latitude double precision check (latitude between -90 and 90),
      longitude double precision check (longitude between -180 and 180),
      external_identifier text,
      external_identifier_type text,
      territory_id uuid references territory(id),
      source_locale text not null default 'en' check (source_locale in ('en', 'fr', 'es', 'it', 'ar')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((latitude is null) = (longitude is null))
    )`.execute(db);
  await sql`create index hsds_location_organization_id_idx on hsds_location (organization_id)`.execute(db);
  await sql`
    create table hsds_location_translation (
      location_id uuid not null references hsds_location(id) on delete cascade,
      locale text not null check (locale in ('en', 'fr', 'es', 'it', 'ar')),
      name text,
      alternate_name text,
      description text,
      transportation text,
      primary key (location_id, locale)
    )`.execute(db);
  await sql`
    create table hsds_service_at_location (
      id uuid primary key default gen_random_uuid(),
      service_id uuid not null references hsds_service(id) on delete cascade,
      location_id uuid not null references hsds_location(id) on delete cascade,
      description text,
      source_locale text not null default 'en' check (source_locale in ('en', 'fr', 'es', 'it', 'ar')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index hsds_service_at_location_service_id_idx on hsds_service_at_location (service_id)`.execute(db);
  await sql`create index hsds_service_at_location_location_id_idx on hsds_service_at_location (location_id)`.execute(db);
  await sql`
    create table hsds_service_at_location_translation (
      service_at_location_id uuid not null references hsds_service_at_location(id) on delete cascade,
      locale text not null check (locale in ('en', 'fr', 'es', 'it', 'ar')),
      description text,
      primary key (service_at_location_id, locale)
    )`.execute(db);
  await sql`
    create table hsds_contact (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid references hsds_organization(id),
      service_id uuid references hsds_service(id) on delete cascade,
      service_at_location_id uuid references hsds_service_at_location(id) on delete cascade,
      location_id uuid references hsds_location(id) on delete cascade,
      name text,
      title text,
      department text,
      email text,
      is_private boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index hsds_contact_location_id_idx on hsds_contact (location_id)`.execute(db);
  await sql`create index hsds_contact_organization_id_idx on hsds_contact (organization_id)`.execute(db);
  await sql`create index hsds_contact_service_id_idx on hsds_contact (service_id)`.execute(db);
  await sql`create index hsds_contact_service_at_location_id_idx on hsds_contact (service_at_location_id)`.execute(db);
  await sql`
    create table hsds_phone (
      id uuid primary key default gen_random_uuid(),
      location_id uuid references hsds_location(id) on delete cascade,
      service_id uuid references hsds_service(id) on delete cascade,
      organization_id uuid references hsds_organization(id),
      contact_id uuid references hsds_contact(id) on delete cascade,
      service_at_location_id uuid references hsds_service_at_location(id) on delete cascade,
      number text not null,
      extension numeric,
      type text,
      description text,
      is_private boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index hsds_phone_contact_id_idx on hsds_phone (contact_id)`.execute(db);
  await sql`create index hsds_phone_location_id_idx on hsds_phone (location_id)`.execute(db);
  await sql`create index hsds_phone_organization_id_idx on hsds_phone (organization_id)`.execute(db);
  await sql`create index hsds_phone_service_id_idx on hsds_phone (service_id)`.execute(db);
  await sql`create index hsds_phone_service_at_location_id_idx on hsds_phone (service_at_location_id)`.execute(db);
  await sql`
    create table hsds_address (
      id uuid primary key default gen_random_uuid(),
      location_id uuid references hsds_location(id) on delete cascade,
      attention text,
      address1 text not null,
      address2 text,
      city text not null,
      region text,
      state_province text not null,
      postal_code text not null,
      country text not null,
      address_type text not null check (address_type in ('physical', 'postal', 'virtual')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index hsds_address_location_id_idx on hsds_address (location_id)`.execute(db);
  await sql`
    create table hsds_schedule (
      id uuid primary key default gen_random_uuid(),
      service_id uuid references hsds_service(id) on delete cascade,
      location_id uuid references hsds_location(id) on delete cascade,
      service_at_location_id uuid references hsds_service_at_location(id) on delete cascade,
      valid_from date,
      valid_to date,
      dtstart date,
      timezone numeric,
      until date,
      count numeric,
      wkst text check (wkst in ('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')),
      freq text check (freq in ('WEEKLY', 'MONTHLY')),
      interval numeric,
      byday text,
      byweekno text,
      bymonthday text,
      byyearday text,
      description text,
      opens_at time,
      closes_at time,
      schedule_link text,
      attending_type text,
      notes text,
      source_locale text not null default 'en' check (source_locale in ('en', 'fr', 'es', 'it', 'ar')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index hsds_schedule_location_id_idx on hsds_schedule (location_id)`.execute(db);
  await sql`create index hsds_schedule_service_id_idx on hsds_schedule (service_id)`.execute(db);
  await sql`create index hsds_schedule_service_at_location_id_idx on hsds_schedule (service_at_location_id)`.execute(db);
  await sql`
    create table hsds_schedule_translation (
      schedule_id uuid not null references hsds_schedule(id) on delete cascade,
      locale text not null check (locale in ('en', 'fr', 'es', 'it', 'ar')),
      description text,
      notes text,
      primary key (schedule_id, locale)
    )`.execute(db);
  await sql`
    create table hsds_funding (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid references hsds_organization(id),
      service_id uuid references hsds_service(id) on delete cascade,
      source text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index hsds_funding_organization_id_idx on hsds_funding (organization_id)`.execute(db);
  await sql`create index hsds_funding_service_id_idx on hsds_funding (service_id)`.execute(db);
  await sql`
    create table hsds_service_area (
      id uuid primary key default gen_random_uuid(),
      service_id uuid references hsds_service(id) on delete cascade,
      name text,
      description text,
      extent text,
      extent_type text,
      uri text,
      source_locale text not null default 'en' check (source_locale in ('en', 'fr', 'es', 'it', 'ar')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index hsds_service_area_service_id_idx on hsds_service_area (service_id)`.execute(db);
  await sql`
    create table hsds_service_area_translation (
      service_area_id uuid not null references hsds_service_area(id) on delete cascade,
      locale text not null check (locale in ('en', 'fr', 'es', 'it', 'ar')),
      name text,
      description text,
      primary key (service_area_id, locale)
    )`.execute(db);
  await sql`
    create table hsds_required_document (
      id uuid primary key default gen_random_uuid(),
      service_id uuid references hsds_service(id) on delete cascade,
      document text,
      uri text,
      source_locale text not null default 'en' check (source_locale in ('en', 'fr', 'es', 'it', 'ar')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index hsds_required_document_service_id_idx on hsds_required_document (service_id)`.execute(db);
  await sql`
    create table hsds_required_document_translation (
      required_document_id uuid not null references hsds_required_document(id) on delete cascade,
      locale text not null check (locale in ('en', 'fr', 'es', 'it', 'ar')),
      document text,
      primary key (required_document_id, locale)
    )`.execute(db);
  await sql`
    create table hsds_language (
      id uuid primary key default gen_random_uuid(),
      service_id uuid references hsds_service(id) on delete cascade,
      location_id uuid references hsds_location(id) on delete cascade,
      phone_id uuid references hsds_phone(id) on delete cascade,
      name text,
      code text,
      note text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index hsds_language_location_id_idx on hsds_language (location_id)`.execute(db);
  await sql`create index hsds_language_phone_id_idx on hsds_language (phone_id)`.execute(db);
  await sql`create index hsds_language_service_id_idx on hsds_language (service_id)`.execute(db);
  await sql`
    create table hsds_accessibility (
      id uuid primary key default gen_random_uuid(),
      location_id uuid references hsds_location(id) on delete cascade,
      description text,
      details text,
      url text,
      source_locale text not null default 'en' check (source_locale in ('en', 'fr', 'es', 'it', 'ar')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index hsds_accessibility_location_id_idx on hsds_accessibility (location_id)`.execute(db);
  await sql`
    create table hsds_accessibility_translation (
      accessibility_id uuid not null references hsds_accessibility(id) on delete cascade,
      locale text not null check (locale in ('en', 'fr', 'es', 'it', 'ar')),
      description text,
      details text,
      primary key (accessibility_id, locale)
    )`.execute(db);
  await sql`
    create table hsds_taxonomy (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      description text not null,
      uri text,
      version text,
      source_locale text not null default 'en' check (source_locale in ('en', 'fr', 'es', 'it', 'ar')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table hsds_taxonomy_translation (
      taxonomy_id uuid not null references hsds_taxonomy(id) on delete cascade,
      locale text not null check (locale in ('en', 'fr', 'es', 'it', 'ar')),
      name text,
      description text,
      primary key (taxonomy_id, locale)
    )`.execute(db);
  await sql`
    create table hsds_taxonomy_term (
      id uuid primary key default gen_random_uuid(),
      code text unique,
      name text not null,
      description text not null,
      parent_id uuid,
      taxonomy text,
      language text,
      taxonomy_id uuid references hsds_taxonomy(id) on delete cascade,
      term_uri text,
      source_locale text not null default 'en' check (source_locale in ('en', 'fr', 'es', 'it', 'ar')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index hsds_taxonomy_term_taxonomy_id_idx on hsds_taxonomy_term (taxonomy_id)`.execute(db);
  await sql`
    create table hsds_taxonomy_term_translation (
      taxonomy_term_id uuid not null references hsds_taxonomy_term(id) on delete cascade,
      locale text not null check (locale in ('en', 'fr', 'es', 'it', 'ar')),
      name text,
      description text,
      primary key (taxonomy_term_id, locale)
    )`.execute(db);
  await sql`
    create table hsds_attribute (
      id uuid primary key default gen_random_uuid(),
      link_id uuid not null,
      taxonomy_term_id uuid not null references hsds_taxonomy_term(id) on delete cascade,
      link_type text,
      link_entity text not null,
      value text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index hsds_attribute_taxonomy_term_id_idx on hsds_attribute (taxonomy_term_id)`.execute(db);
  await sql`
    create table hsds_metadata (
      id uuid primary key default gen_random_uuid(),
      resource_id uuid not null,
      resource_type text not null,
      last_action_date date not null,
      last_action_type text not null,
      field_name text not null,
      previous_value text not null,
      replacement_value text not null,
      updated_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table hsds_meta_table_description (
      id uuid primary key default gen_random_uuid(),
      name text,
      language text,
      character_set text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table hsds_cost_option (
      id uuid primary key default gen_random_uuid(),
      service_id uuid not null references hsds_service(id) on delete cascade,
      valid_from date,
      valid_to date,
      option text,
      currency text,
      amount numeric,
      amount_description text,
      source_locale text not null default 'en' check (source_locale in ('en', 'fr', 'es', 'it', 'ar')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index hsds_cost_option_service_id_idx on hsds_cost_option (service_id)`.execute(db);
  await sql`
    create table hsds_cost_option_translation (
      cost_option_id uuid not null references hsds_cost_option(id) on delete cascade,
      locale text not null check (locale in ('en', 'fr', 'es', 'it', 'ar')),
      option text,
      amount_description text,
      primary key (cost_option_id, locale)
    )`.execute(db);
  await sql`
    create table hsds_organization_identifier (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references hsds_organization(id),
      identifier_scheme text,
      identifier_type text not null,
      identifier text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index hsds_organization_identifier_organization_id_idx on hsds_organization_identifier (organization_id)`.execute(db);
  await sql`create index hsds_attribute_link_idx on hsds_attribute (link_id, taxonomy_term_id)`.execute(db);
  await sql`create index hsds_location_coordinates_idx on hsds_location (latitude, longitude) where latitude is not null`.execute(db);
  await sql`create index hsds_service_territory_idx on hsds_service (territory_id)`.execute(db);
  await sql`create index hsds_service_last_modified_idx on hsds_service (last_modified)`.execute(db);
  await sql`create index hsds_organization_organisation_idx on hsds_organization (organisation_id)`.execute(db);
  await sql`create index hsds_language_code_idx on hsds_language (code, service_id)`.execute(db);

  await sql`
    create table directory_opportunity (
      id uuid primary key default gen_random_uuid(),
      territory_id uuid not null references territory(id),
      kind text not null check (kind in ('value_chain', 'investment', 'income_generating')),
      -- ISIC Rev.4: a section letter, or a division (2), group (3) or class (4 digits)
      isic_code text not null check (isic_code ~ '^([A-U]|[0-9]{2,4})$'),
      title text not null check (length(trim(title)) between 1 and 200),
      description text not null,
      contact_name text,
      contact_email text,
      contact_phone text,
      organization_id uuid references hsds_organization(id) on delete set null,
      source_locale text not null default 'en' check (source_locale in ('en', 'fr', 'es', 'it', 'ar')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index directory_opportunity_territory_idx on directory_opportunity (territory_id)`.execute(db);
  await sql`
    create table directory_opportunity_translation (
      opportunity_id uuid not null references directory_opportunity(id) on delete cascade,
      locale text not null check (locale in ('en', 'fr', 'es', 'it', 'ar')),
      title text,
      description text,
      primary key (opportunity_id, locale)
    )`.execute(db);

  // One search document per service and reading language: stemmed text plus unaccented keywords
  // (names, taxonomy terms) whose words feed the spelling correction. Rebuilt on every write.
  await sql`
    create table directory_service_search (
      service_id uuid not null references hsds_service(id) on delete cascade,
      locale text not null check (locale in ('en', 'fr', 'es', 'it', 'ar')),
      document tsvector not null,
      keywords text not null,
      -- What the filters test, copied from the service so one index scan answers a search.
      status text not null,
      territory_id uuid,
      term_ids uuid[] not null default '{}',
      languages text[] not null default '{}',
      paid boolean not null default false,
      diaspora_eligible boolean not null default false,
      returnee_eligible boolean not null default false,
      target_groups text[] not null default '{}',
      primary key (service_id, locale)
    )`.execute(db);
  // The words of the search keywords (names, terms), for spelling correction: a query word that
  // matches no document is replaced by its nearest known words (pg_trgm similarity), as PostgreSQL's
  // documentation suggests, instead of comparing it with every document.
  await sql`create table directory_search_word (word text primary key)`.execute(db);
  await sql`create index directory_search_word_trgm_idx on directory_search_word using gin (word public.gin_trgm_ops)`.execute(db);
  await sql`create index directory_service_search_territory_idx on directory_service_search (territory_id, locale)`.execute(db);
  // One index per reading language: a search only ever looks at its reader's documents.
  for (const locale of ['en', 'fr', 'es', 'it', 'ar']) {
    await sql.raw(`create index directory_service_search_document_${locale}_idx on directory_service_search using gin (document) where locale = '${locale}'`).execute(db);
    await sql.raw(`create index directory_service_search_terms_${locale}_idx on directory_service_search using gin (term_ids) where locale = '${locale}'`).execute(db);
  }

  await sql`
    create table directory_flag (
      id uuid primary key default gen_random_uuid(),
      entity_type text not null check (entity_type in ('service', 'organization', 'location', 'opportunity')),
      entity_id uuid not null,
      reason text not null check (length(trim(reason)) between 1 and 1000),
      flagged_by uuid references app_user(id),
      created_at timestamptz not null default now(),
      resolved_at timestamptz,
      resolved_by uuid references app_user(id)
    )`.execute(db);
  await sql`create index directory_flag_entity_idx on directory_flag (entity_type, entity_id) where resolved_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists directory_flag`.execute(db);
  await sql`drop table if exists directory_search_word`.execute(db);
  await sql`drop table if exists directory_service_search`.execute(db);
  await sql`drop table if exists directory_opportunity_translation`.execute(db);
  await sql`drop table if exists directory_opportunity`.execute(db);
  await sql`drop table if exists hsds_organization_identifier`.execute(db);
  await sql`drop table if exists hsds_cost_option_translation`.execute(db);
  await sql`drop table if exists hsds_cost_option`.execute(db);
  await sql`drop table if exists hsds_meta_table_description`.execute(db);
  await sql`drop table if exists hsds_metadata`.execute(db);
  await sql`drop table if exists hsds_attribute`.execute(db);
  await sql`drop table if exists hsds_taxonomy_term_translation`.execute(db);
  await sql`drop table if exists hsds_taxonomy_term`.execute(db);
  await sql`drop table if exists hsds_taxonomy_translation`.execute(db);
  await sql`drop table if exists hsds_taxonomy`.execute(db);
  await sql`drop table if exists hsds_accessibility_translation`.execute(db);
  await sql`drop table if exists hsds_accessibility`.execute(db);
  await sql`drop table if exists hsds_language`.execute(db);
  await sql`drop table if exists hsds_required_document_translation`.execute(db);
  await sql`drop table if exists hsds_required_document`.execute(db);
  await sql`drop table if exists hsds_service_area_translation`.execute(db);
  await sql`drop table if exists hsds_service_area`.execute(db);
  await sql`drop table if exists hsds_funding`.execute(db);
  await sql`drop table if exists hsds_schedule_translation`.execute(db);
  await sql`drop table if exists hsds_schedule`.execute(db);
  await sql`drop table if exists hsds_address`.execute(db);
  await sql`drop table if exists hsds_phone`.execute(db);
  await sql`drop table if exists hsds_contact`.execute(db);
  await sql`drop table if exists hsds_service_at_location_translation`.execute(db);
  await sql`drop table if exists hsds_service_at_location`.execute(db);
  await sql`drop table if exists hsds_location_translation`.execute(db);
  await sql`drop table if exists hsds_location`.execute(db);
  await sql`drop table if exists hsds_service_translation`.execute(db);
  await sql`drop table if exists hsds_service`.execute(db);
  await sql`drop table if exists hsds_program_translation`.execute(db);
  await sql`drop table if exists hsds_program`.execute(db);
  await sql`drop table if exists hsds_organization_translation`.execute(db);
  await sql`drop table if exists hsds_organization`.execute(db);
  await sql`drop function if exists f_unaccent(text)`.execute(db);
}
