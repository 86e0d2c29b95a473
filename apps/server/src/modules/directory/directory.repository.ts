import type { DirectorySearchQuery, Locale, OpportunityQuery } from '@glocal/contracts';
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

/** Text search configuration of each reading language (PostgreSQL's Snowball stemmers). */
export const SEARCH_CONFIG: Record<Locale, string> = { en: 'english', fr: 'french', es: 'spanish', it: 'italian', ar: 'arabic' };
const LOCALE_CONFIGS = sql.raw(
  `(values ${Object.entries(SEARCH_CONFIG).map(([locale, config]) => `('${locale}', '${config}'::regconfig)`).join(', ')})`,
);
/** Typo tolerance: how close a word of the query must be to a keyword (pg_trgm word similarity). */
const WORD_SIMILARITY = 0.45;

export type SearchRow = {
  id: string;
  name: string;
  description: string | null;
  organizationId: string;
  organizationName: string;
  status: string;
  lastVerified: string | null;
  stale: boolean;
  latitude: number | null;
  longitude: number | null;
  city: string | null;
  distanceKm: number | null;
  sortKey: string;
};

/** Great-circle distance in km (haversine): PostGIS is not available on PGlite. */
const haversine = (lat: number, lon: number) => sql<number>`(12742 * asin(least(1, sqrt(
  power(sin(radians(l.latitude - ${lat}) / 2), 2) +
  cos(radians(${lat})) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - ${lon}) / 2), 2)))))`;

export const directoryRepository = (db: Executor) => ({
  /**
   * One search over services: text (stemmed, unaccented, with trigram typo tolerance), filters and
   * distance, keyset-paged on the sort key. Free text only ever travels as a bound parameter.
   */
  async search(query: DirectorySearchQuery & { locale: Locale }, after: [string, string] | undefined, limit: number): Promise<SearchRow[]> {
    const { locale } = query;
    const text = query.q && query.q.length > 0 ? query.q : null;
    const near = query.lat !== undefined && query.lon !== undefined ? { lat: query.lat, lon: query.lon } : null;
    const sort = query.sort ?? (text ? 'relevance' : near ? 'distance' : 'name');
    const conditions: RawBuilder<unknown>[] = [sql`s.status <> 'defunct'`];
    if (text) {
      conditions.push(sql`(d.document @@ websearch_to_tsquery(${SEARCH_CONFIG[locale]}::regconfig, f_unaccent(${text}))
        or lower(f_unaccent(${text})) operator(public.<%) d.keywords)`);
    }
    // Subtrees are resolved once, before the search, not once per candidate row.
    if (query.taxonomyTermId) {
      const { rows } = await sql<{ id: string }>`
        with recursive terms as (
          select id from hsds_taxonomy_term where id = ${query.taxonomyTermId}
          union all select t.id from hsds_taxonomy_term t join terms on t.parent_id = terms.id)
        select id from terms`.execute(db);
      conditions.push(sql`exists (select 1 from hsds_attribute a where a.link_id = s.id and a.taxonomy_term_id = any(${rows.map((row) => row.id)}::uuid[]))`);
    }
    if (query.territoryId) {
      const { rows } = await sql<{ id: string }>`
        with recursive tree as (
          select id from territory where id = ${query.territoryId}
          union all select t.id from territory t join tree on t.parent_id = tree.id)
        select id from tree`.execute(db);
      conditions.push(sql`s.territory_id = any(${rows.map((row) => row.id)}::uuid[])`);
    }
    if (query.language) {
      conditions.push(sql`(${query.language} = any(s.staff_languages) or exists (
        select 1 from hsds_language lg where lg.service_id = s.id and lg.code = ${query.language}))`);
    }
    if (query.cost === 'free') conditions.push(sql`not exists (select 1 from hsds_cost_option c where c.service_id = s.id and c.amount > 0)`);
    if (query.cost === 'paid') conditions.push(sql`exists (select 1 from hsds_cost_option c where c.service_id = s.id and c.amount > 0)`);
    if (query.eligibility === 'diaspora') conditions.push(sql`s.diaspora_eligible`);
    if (query.eligibility === 'returnee') conditions.push(sql`s.returnee_eligible`);
    if (query.targetGroup) conditions.push(sql`${query.targetGroup} = any(s.target_groups)`);

    // Nearest location: with a radius, a bounding box first (index on latitude, longitude), then the exact distance.
    let locationFilter = sql``;
    if (near && query.radiusKm) {
      const dLat = query.radiusKm / 111.2;
      const dLon = query.radiusKm / (111.2 * Math.max(Math.cos((near.lat * Math.PI) / 180), 0.01));
      const box = sql`l.latitude between ${near.lat - dLat} and ${near.lat + dLat} and l.longitude between ${near.lon - dLon} and ${near.lon + dLon}`;
      locationFilter = sql`and ${box} and ${haversine(near.lat, near.lon)} <= ${query.radiusKm}`;
      // Services with a location in the box first (an index range), so the exact distance is computed for few.
      conditions.push(sql`s.id in (select sal.service_id from hsds_location l join hsds_service_at_location sal on sal.location_id = l.id where ${box})`);
      conditions.push(sql`loc.id is not null`);
    }
    const distance = near ? haversine(near.lat, near.lon) : sql`null::double precision`;
    const score = text
      ? sql`ts_rank(d.document, websearch_to_tsquery(${SEARCH_CONFIG[locale]}::regconfig, f_unaccent(${text})))
          + public.word_similarity(lower(f_unaccent(${text})), d.keywords)`
      : sql`0`;
    // Sort keys as text so a cursor compares exactly what the database compared.
    const sortKey =
      sort === 'relevance'
        ? sql`to_char(1000 - round((${score})::numeric, 6), 'FM00000.000000')`
        : sort === 'distance'
          ? sql`to_char(coalesce(round(loc.km::numeric, 6), 99999), 'FM00000.000000')`
          : sql`lower(coalesce(tr.name, s.name))`;

    const { rows } = await sql<SearchRow>`
      select * from (
        select s.id, coalesce(tr.name, s.name) as name, coalesce(tr.description, s.description) as description,
          s.organization_id, coalesce(otr.name, o.name) as organization_name, s.status,
          s.last_verified::text as last_verified,
          (s.last_verified is null or s.last_verified < current_date - interval '12 months') as stale,
          loc.latitude, loc.longitude, loc.city, loc.km as distance_km,
          ${sortKey} as sort_key
        from hsds_service s
        join hsds_organization o on o.id = s.organization_id
        join directory_service_search d on d.service_id = s.id and d.locale = ${locale}
        left join hsds_service_translation tr on tr.service_id = s.id and tr.locale = ${locale}
        left join hsds_organization_translation otr on otr.organization_id = o.id and otr.locale = ${locale}
        left join lateral (
          select l.id, l.latitude, l.longitude, a.city, ${distance} as km
          from hsds_service_at_location sal
          join hsds_location l on l.id = sal.location_id
          left join hsds_address a on a.location_id = l.id
          where sal.service_id = s.id and l.latitude is not null ${locationFilter}
          order by km, l.id limit 1
        ) loc on true
        where ${sql.join(conditions, sql` and `)}
      ) found
      ${after ? sql`where (found.sort_key, found.id) > (${after[0]}, ${after[1]}::uuid)` : sql``}
      order by found.sort_key, found.id
      limit ${limit}`.execute(db);
    return rows;
  },

  /** Runs `work` with the looser word-similarity threshold, local to its transaction. */
  withTypoTolerance: async <T>(work: () => Promise<T>): Promise<T> => {
    await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY)}, true)`.execute(db);
    return work();
  },

  async mapPoints(query: DirectorySearchQuery & { locale: Locale }): Promise<[string, number, number][]> {
    const rows = await this.search({ ...query, sort: 'name' }, undefined, 50_000);
    return rows.filter((row) => row.latitude !== null).map((row) => [row.id, row.latitude!, row.longitude!]);
  },

  termsOf: async (serviceIds: string[], locale: Locale) =>
    serviceIds.length === 0
      ? []
      : (
          await sql<{ serviceId: string; id: string; code: string | null; name: string }>`
            select a.link_id as service_id, t.id, t.code, coalesce(tr.name, t.name) as name
            from hsds_attribute a
            join hsds_taxonomy_term t on t.id = a.taxonomy_term_id
            left join hsds_taxonomy_term_translation tr on tr.taxonomy_term_id = t.id and tr.locale = ${locale}
            where a.link_entity = 'service' and a.link_id = any(${serviceIds}::uuid[])
            order by t.code`.execute(db)
        ).rows,

  /** Rebuilds the search documents of these services (all five reading languages). */
  async refreshSearch(serviceIds: string[] | 'all'): Promise<void> {
    const only = serviceIds === 'all' ? sql`true` : sql`s.id = any(${serviceIds}::uuid[])`;
    if (serviceIds !== 'all' && serviceIds.length === 0) return;
    await sql`delete from directory_service_search s where ${serviceIds === 'all' ? sql`true` : sql`s.service_id = any(${serviceIds}::uuid[])`}`.execute(db);
    await sql`
      insert into directory_service_search (service_id, locale, document, keywords)
      select s.id, cfg.locale,
        setweight(to_tsvector(cfg.config, f_unaccent(coalesce(tr.name, s.name))), 'A') ||
        setweight(to_tsvector(cfg.config, f_unaccent(concat_ws(' ', coalesce(tr.alternate_name, s.alternate_name), terms.names, coalesce(otr.name, o.name)))), 'B') ||
        setweight(to_tsvector(cfg.config, f_unaccent(concat_ws(' ', coalesce(tr.description, s.description), coalesce(tr.eligibility_description, s.eligibility_description)))), 'C'),
        lower(f_unaccent(concat_ws(' ', coalesce(tr.name, s.name), coalesce(tr.alternate_name, s.alternate_name), terms.names, coalesce(otr.name, o.name))))
      from hsds_service s
      cross join ${LOCALE_CONFIGS} as cfg(locale, config)
      join hsds_organization o on o.id = s.organization_id
      left join hsds_service_translation tr on tr.service_id = s.id and tr.locale = cfg.locale
      left join hsds_organization_translation otr on otr.organization_id = o.id and otr.locale = cfg.locale
      left join lateral (
        select string_agg(coalesce(ttr.name, t.name), ' ') as names
        from hsds_attribute a
        join hsds_taxonomy_term t on t.id = a.taxonomy_term_id
        left join hsds_taxonomy_term_translation ttr on ttr.taxonomy_term_id = t.id and ttr.locale = cfg.locale
        where a.link_id = s.id and a.link_entity = 'service'
      ) terms on true
      where ${only}`.execute(db);
  },

  /** The organisations whose territories (home or served, and everything under them) contain this one. */
  async organisationsReaching(territoryId: string | null): Promise<string[]> {
    if (!territoryId) return [];
    const { rows } = await sql<{ id: string }>`
      with recursive up as (
        select id, parent_id from territory where id = ${territoryId}
        union all select t.id, t.parent_id from territory t join up on t.id = up.parent_id)
      select o.id from organisation o where o.home_territory_id in (select id from up)
      union select ot.organisation_id from organisation_territory ot where ot.territory_id in (select id from up)`.execute(db);
    return rows.map((row) => row.id);
  },

  async opportunities(query: OpportunityQuery & { locale: Locale }, after: [string, string] | undefined, limit: number) {
    const { locale } = query;
    const conditions: RawBuilder<unknown>[] = [sql`true`];
    if (query.q) {
      conditions.push(sql`(to_tsvector(${SEARCH_CONFIG[locale]}::regconfig, f_unaccent(coalesce(tr.title, op.title) || ' ' || coalesce(tr.description, op.description)))
        @@ websearch_to_tsquery(${SEARCH_CONFIG[locale]}::regconfig, f_unaccent(${query.q}))
        or public.word_similarity(lower(f_unaccent(${query.q})), lower(f_unaccent(coalesce(tr.title, op.title)))) > ${WORD_SIMILARITY})`);
    }
    if (query.territoryId) {
      conditions.push(sql`op.territory_id in (
        with recursive tree as (select id from territory where id = ${query.territoryId}
          union all select t.id from territory t join tree on t.parent_id = tree.id)
        select id from tree)`);
    }
    if (query.kind) conditions.push(sql`op.kind = ${query.kind}`);
    if (query.isic) conditions.push(sql`op.isic_code like ${`${query.isic}%`}`);
    const { rows } = await sql<{
      id: string; kind: string; isicCode: string; title: string; description: string; territoryId: string; territoryName: string | null;
      contactName: string | null; contactEmail: string | null; contactPhone: string | null; sortKey: string;
    }>`
      select * from (
        select op.id, op.kind, op.isic_code, coalesce(tr.title, op.title) as title, coalesce(tr.description, op.description) as description,
          op.territory_id, tn.name as territory_name, op.contact_name, op.contact_email, op.contact_phone,
          lower(coalesce(tr.title, op.title)) as sort_key
        from directory_opportunity op
        left join directory_opportunity_translation tr on tr.opportunity_id = op.id and tr.locale = ${locale}
        left join territory_name tn on tn.territory_id = op.territory_id and tn.locale = ${locale}
        where ${sql.join(conditions, sql` and `)}
      ) found
      ${after ? sql`where (found.sort_key, found.id) > (${after[0]}, ${after[1]}::uuid)` : sql``}
      order by found.sort_key, found.id
      limit ${limit}`.execute(db);
    return rows;
  },
});
