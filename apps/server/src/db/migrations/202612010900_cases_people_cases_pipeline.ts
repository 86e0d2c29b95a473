import { sql, type Kysely } from 'kysely';

/*
 * Desk network and case management: people, their cases at a desk, the business-project pipeline,
 * consent, referral between desks, and the case's working material (notes, tasks, documents,
 * messages). Fields that could harm a person if leaked (phone, e-mail, date of birth, their need
 * in their words, residence status, notes, messages) are stored encrypted (`*_encrypted`, see
 * platform/crypto/field-encryption.ts); phone, e-mail and date of birth also get a keyed hash
 * (`*_hash`, HMAC-SHA-256) so that duplicates and self-service look-ups never need the plaintext.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table person (
      id uuid primary key default gen_random_uuid(),
      given_name text not null check (length(trim(given_name)) between 1 and 200),
      family_name text check (family_name is null or length(trim(family_name)) between 1 and 200),
      -- lower-cased, accents and punctuation removed, words sorted: the duplicate key with a contact hash
      normalised_name text not null,
      email_encrypted text,
      email_hash text,
      phone_encrypted text,
      phone_hash text,
      birth_date_encrypted text,
      birth_date_hash text,
      residence_status_encrypted text,
      gender text check (gender in ('female', 'male', 'other')),
      languages text[] not null default '{}',
      preferred_locale text not null default 'en' check (preferred_locale in ('en', 'fr', 'es', 'it', 'ar')),
      residence_territory_id uuid references territory(id),
      origin_territory_id uuid references territory(id),
      -- the self-service account, once the person has created one from their reference
      user_id uuid unique references app_user(id),
      merged_into_person_id uuid references person(id),
      erased_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (merged_into_person_id is null or merged_into_person_id <> id)
    )`.execute(db);
  await sql`create index person_email_hash_idx on person (email_hash) where email_hash is not null`.execute(db);
  await sql`create index person_phone_hash_idx on person (phone_hash) where phone_hash is not null`.execute(db);
  await sql`create index person_normalised_name_idx on person (normalised_name)`.execute(db);

  await sql`
    create table support_case (
      id uuid primary key default gen_random_uuid(),
      -- given to the person: random, not guessable, not enumerable (e.g. GLC-7K3M-9QXD-2WPA)
      reference text not null unique,
      person_id uuid not null references person(id),
      -- the desk that leads the case; desks it is shared with are in case_share
      desk_id uuid not null references organisation(id),
      request_kind text not null check (request_kind in (
        'business_project', 'job', 'return_reintegration', 'training', 'legal_social_support', 'pre_departure_information')),
      status text not null default 'new' check (status in ('new', 'active', 'waiting', 'closed')),
      priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
      tags text[] not null default '{}',
      assigned_coach_id uuid references app_user(id),
      need_encrypted text,
      source text not null default 'intake_form' check (source in ('intake_form', 'staff')),
      intake_locale text not null default 'en' check (intake_locale in ('en', 'fr', 'es', 'it', 'ar')),
      outcome text check (outcome in (
        'business_created', 'job_found', 'training_completed', 'returned', 'referred_elsewhere', 'withdrawn', 'no_outcome')),
      closed_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((status = 'closed') = (outcome is not null and closed_at is not null))
    )`.execute(db);
  // "My cases" and the desk's lists: by desk, open first, newest first; by coach likewise.
  await sql`create index support_case_desk_status_idx on support_case (desk_id, status, updated_at desc, id)`.execute(db);
  await sql`create index support_case_coach_status_idx on support_case (assigned_coach_id, status, updated_at desc, id)`.execute(db);
  await sql`create index support_case_person_idx on support_case (person_id)`.execute(db);

  await sql`
    create table business_project (
      case_id uuid primary key references support_case(id) on delete cascade,
      stage text not null default 'idea' check (stage in (
        'idea', 'identification', 'elaboration', 'formalisation', 'creation', 'follow_up')),
      idea text not null check (length(trim(idea)) between 1 and 4000),
      -- ISIC Rev.4: section letter and two-digit division
      isic_section text check (isic_section ~ '^[A-U]$'),
      isic_division text check (isic_division ~ '^[0-9]{2}$'),
      setup_territory_id uuid references territory(id),
      own_funds_amount numeric(18, 2) check (own_funds_amount >= 0),
      needed_amount numeric(18, 2) check (needed_amount >= 0),
      currency text check (currency ~ '^[A-Z]{3}$'),
      -- what each stage requires, ticked: { "market_study": true, ... }
      checklist jsonb not null default '{}',
      business_plan_document_id uuid,
      financing_plan_document_id uuid,
      legal_form text,
      registration_number text,
      registered_on date,
      updated_at timestamptz not null default now(),
      check ((own_funds_amount is null and needed_amount is null) or currency is not null)
    )`.execute(db);

  await sql`
    create table business_stage_transition (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references support_case(id) on delete cascade,
      from_stage text,
      to_stage text not null,
      moved_by uuid references app_user(id),
      reason text,
      moved_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index business_stage_transition_case_idx on business_stage_transition (case_id, moved_at)`.execute(db);

  // What a closed case achieved: feeds the territory indicators.
  await sql`
    create table case_outcome (
      case_id uuid primary key references support_case(id) on delete cascade,
      business_created_on date,
      legal_form text,
      jobs_women int check (jobs_women >= 0),
      jobs_men int check (jobs_men >= 0),
      jobs_other int check (jobs_other >= 0),
      notes text,
      recorded_by uuid references app_user(id),
      recorded_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table case_financing (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references support_case(id) on delete cascade,
      kind text not null check (kind in ('micro_credit', 'bank_loan', 'grant', 'equity', 'own_savings', 'other')),
      amount numeric(18, 2) not null check (amount > 0),
      currency text not null check (currency ~ '^[A-Z]{3}$'),
      source_organisation_id uuid references organisation(id),
      source_name text,
      from_remittances boolean not null default false,
      obtained_on date,
      recorded_by uuid references app_user(id),
      created_at timestamptz not null default now(),
      check (source_organisation_id is not null or source_name is not null)
    )`.execute(db);
  await sql`create index case_financing_case_idx on case_financing (case_id)`.execute(db);

  // Consent: to processing (asked at intake; nothing is stored without it) and to each referral.
  await sql`
    create table consent (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references person(id),
      case_id uuid references support_case(id),
      kind text not null check (kind in ('processing', 'referral')),
      purpose text not null,
      data_categories text[] not null default '{}',
      recipient_desk_id uuid references organisation(id),
      recipient_country text check (recipient_country ~ '^[A-Z]{2}$'),
      legal_basis text not null check (legal_basis in ('consent', 'vital_interests', 'legal_obligation', 'public_task')),
      method text not null check (method in ('online_form', 'signed_form', 'in_person', 'email')),
      -- the signed form, when that is how it was given
      document_id uuid,
      policy_version text,
      given_at timestamptz not null default now(),
      valid_until date,
      recorded_by uuid references app_user(id),
      withdrawn_at timestamptz,
      withdrawn_by uuid references app_user(id),
      check (kind <> 'referral' or (recipient_desk_id is not null and recipient_country is not null and case_id is not null))
    )`.execute(db);
  await sql`create index consent_case_idx on consent (case_id)`.execute(db);
  await sql`create index consent_person_idx on consent (person_id)`.execute(db);

  await sql`
    create table referral (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references support_case(id) on delete cascade,
      from_desk_id uuid not null references organisation(id),
      to_desk_id uuid not null references organisation(id),
      partnership_id uuid not null references partnership(id),
      consent_id uuid not null references consent(id),
      purpose text not null,
      status text not null default 'pending' check (status in ('pending', 'accepted', 'declined', 'cancelled')),
      decline_reason text,
      created_by uuid references app_user(id),
      created_at timestamptz not null default now(),
      decided_by uuid references app_user(id),
      decided_at timestamptz,
      check (from_desk_id <> to_desk_id),
      check ((status = 'declined') = (decline_reason is not null))
    )`.execute(db);
  await sql`create index referral_to_desk_idx on referral (to_desk_id, status)`.execute(db);
  await sql`create unique index referral_one_pending_uq on referral (case_id, to_desk_id) where status = 'pending'`.execute(db);

  // A desk other than the lead that may see the case: the receiving desk while a referral is
  // pending (summary only), the referring desk after acceptance. Ends with the consent.
  await sql`
    create table case_share (
      case_id uuid not null references support_case(id) on delete cascade,
      desk_id uuid not null references organisation(id),
      referral_id uuid not null references referral(id),
      consent_id uuid not null references consent(id),
      granted_at timestamptz not null default now(),
      revoked_at timestamptz,
      primary key (case_id, desk_id, referral_id)
    )`.execute(db);
  await sql`create index case_share_desk_idx on case_share (desk_id) where revoked_at is null`.execute(db);

  await sql`
    create table case_note (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references support_case(id) on delete cascade,
      -- notes belong to the desk that wrote them: a referring desk keeps its own
      desk_id uuid not null references organisation(id),
      author_id uuid not null references app_user(id),
      body_encrypted text not null,
      sensitive boolean not null default false,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index case_note_case_idx on case_note (case_id, created_at)`.execute(db);

  await sql`
    create table case_task (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references support_case(id) on delete cascade,
      title text not null check (length(trim(title)) between 1 and 300),
      due_on date,
      assignee_id uuid references app_user(id),
      created_by uuid not null references app_user(id),
      done_at timestamptz,
      reminded_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index case_task_assignee_due_idx on case_task (assignee_id, due_on) where done_at is null`.execute(db);
  await sql`create index case_task_case_idx on case_task (case_id)`.execute(db);

  // Files live outside the database (DATA_DIR/documents by default), under a random storage key.
  await sql`
    create table case_document (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references support_case(id) on delete cascade,
      kind text not null default 'other' check (kind in (
        'business_plan', 'financing_plan', 'consent_form', 'identity', 'qualification', 'other')),
      file_name text not null,
      -- detected from the content, never from the name
      media_type text not null,
      size_bytes int not null check (size_bytes > 0),
      sha256 text not null,
      storage_key text not null unique,
      uploaded_by_user_id uuid references app_user(id),
      uploaded_by_person boolean not null default false,
      created_at timestamptz not null default now(),
      deleted_at timestamptz
    )`.execute(db);
  await sql`create index case_document_case_idx on case_document (case_id)`.execute(db);

  await sql`
    create table case_message (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references support_case(id) on delete cascade,
      sender text not null check (sender in ('person', 'staff')),
      author_user_id uuid references app_user(id),
      body_encrypted text not null,
      created_at timestamptz not null default now(),
      read_at timestamptz
    )`.execute(db);
  await sql`create index case_message_case_idx on case_message (case_id, created_at)`.execute(db);

  // Possible duplicates found at intake, for the desk to merge (both histories kept) or dismiss.
  await sql`
    create table person_duplicate (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references person(id),
      duplicate_of_person_id uuid not null references person(id),
      -- which keys matched: name + email | name + phone | name + birth_date
      matched_on text[] not null,
      status text not null default 'open' check (status in ('open', 'merged', 'dismissed')),
      decided_by uuid references app_user(id),
      decided_at timestamptz,
      created_at timestamptz not null default now(),
      check (person_id <> duplicate_of_person_id)
    )`.execute(db);
  await sql`create unique index person_duplicate_pair_uq on person_duplicate (person_id, duplicate_of_person_id)`.execute(db);

  // A person's request to be forgotten, decided by a data protection officer.
  await sql`
    create table erasure_request (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references person(id),
      status text not null default 'pending' check (status in ('pending', 'completed', 'partially_completed', 'refused')),
      requested_at timestamptz not null default now(),
      decided_by uuid references app_user(id),
      decided_at timestamptz,
      -- what had to be kept, and the legal reason
      retained_reason text,
      check (status = 'pending' or decided_at is not null)
    )`.execute(db);
}
