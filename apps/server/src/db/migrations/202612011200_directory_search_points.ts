import { sql, type Kysely } from 'kysely';

const LOCALES = ['en', 'fr', 'es', 'it', 'ar'];

/**
 * Search rows, one partition per reading language, carrying the service's located points. A search
 * reads only its reader's partition (a fifth of the rows, which stays in memory) and one row per
 * candidate: the bounding box prunes, the arrays give the nearest point (most services have one),
 * where it used to join two tables for every candidate.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table directory_service_search rename to directory_service_search_unpartitioned`.execute(db);
  for (const locale of LOCALES) {
    await sql.raw(`drop index if exists directory_service_search_document_${locale}_idx`).execute(db);
    await sql.raw(`drop index if exists directory_service_search_terms_${locale}_idx`).execute(db);
  }
  await sql`drop index if exists directory_service_search_territory_idx`.execute(db);
  await sql`alter table directory_service_search_unpartitioned rename constraint directory_service_search_pkey to directory_service_search_unpartitioned_pkey`.execute(db);
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
      -- The located points (by location id) and their bounding box.
      latitudes double precision[] not null default '{}',
      longitudes double precision[] not null default '{}',
      min_latitude double precision,
      max_latitude double precision,
      min_longitude double precision,
      max_longitude double precision,
      -- The 0.1° grid cell holding those points (directory_grid_cell), -1 when they lie in several:
      -- "near me" looks up the cells its box touches (and -1) in the index.
      cell integer,
      primary key (service_id, locale)
    ) partition by list (locale)`.execute(db);
  for (const locale of LOCALES) {
    await sql.raw(`create table directory_service_search_${locale} partition of directory_service_search for values in ('${locale}')`).execute(db);
  }
  await sql`create index directory_service_search_document_idx on directory_service_search using gin (document)`.execute(db);
  await sql`create index directory_service_search_terms_idx on directory_service_search using gin (term_ids)`.execute(db);
  await sql`create index directory_service_search_territory_idx on directory_service_search (territory_id)`.execute(db);
  await sql`create index directory_service_search_cell_idx on directory_service_search (cell)`.execute(db);
  // The grid cell of a point, 0.1° a side (about 11 km): the app computes the same for a search's box.
  await sql`
    create function directory_grid_cell(latitude double precision, longitude double precision) returns integer
    language sql immutable parallel safe
    return ((floor(latitude * 10) + 900) * 3600 + floor(longitude * 10) + 1800)::integer`.execute(db);
  await sql`
    insert into directory_service_search
    select d.service_id, d.locale, d.document, d.keywords, d.status, d.territory_id, d.term_ids, d.languages, d.paid,
      d.diaspora_eligible, d.returnee_eligible, d.target_groups,
      coalesce(p.latitudes, '{}'), coalesce(p.longitudes, '{}'), p.min_latitude, p.max_latitude, p.min_longitude, p.max_longitude,
      p.cell
    from directory_service_search_unpartitioned d
    left join (
      select sal.service_id, array_agg(l.latitude order by l.id) as latitudes, array_agg(l.longitude order by l.id) as longitudes,
        min(l.latitude) as min_latitude, max(l.latitude) as max_latitude, min(l.longitude) as min_longitude, max(l.longitude) as max_longitude,
        case when count(distinct directory_grid_cell(l.latitude, l.longitude)) = 1 then min(directory_grid_cell(l.latitude, l.longitude)) else -1 end as cell
      from hsds_service_at_location sal join hsds_location l on l.id = sal.location_id
      where l.latitude is not null and l.longitude is not null
      group by sal.service_id
    ) p on p.service_id = d.service_id`.execute(db);
  await sql`drop table directory_service_search_unpartitioned`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table directory_service_search rename to directory_service_search_partitioned`.execute(db);
  await sql`alter index directory_service_search_territory_idx rename to directory_service_search_partitioned_territory_idx`.execute(db);
  await sql`alter table directory_service_search_partitioned rename constraint directory_service_search_pkey to directory_service_search_partitioned_pkey`.execute(db);
  await sql`
    create table directory_service_search (
      service_id uuid not null references hsds_service(id) on delete cascade,
      locale text not null check (locale in ('en', 'fr', 'es', 'it', 'ar')),
      document tsvector not null,
      keywords text not null,
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
  await sql`
    insert into directory_service_search
    select service_id, locale, document, keywords, status, territory_id, term_ids, languages, paid, diaspora_eligible, returnee_eligible, target_groups
    from directory_service_search_partitioned`.execute(db);
  await sql`drop table directory_service_search_partitioned`.execute(db);
  await sql`drop function directory_grid_cell`.execute(db);
  await sql`create index directory_service_search_territory_idx on directory_service_search (territory_id, locale)`.execute(db);
  for (const locale of LOCALES) {
    await sql.raw(`create index directory_service_search_document_${locale}_idx on directory_service_search using gin (document) where locale = '${locale}'`).execute(db);
    await sql.raw(`create index directory_service_search_terms_${locale}_idx on directory_service_search using gin (term_ids) where locale = '${locale}'`).execute(db);
  }
}
