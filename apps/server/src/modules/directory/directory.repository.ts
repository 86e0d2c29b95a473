import { randomUUID } from 'node:crypto';
import { ISIC_SECTIONS, LOCALES, type DirectorySearchQuery, type Locale, type OpportunityQuery } from '@glocal/contracts';
import { sql, type RawBuilder } from 'kysely';
import { hasOneConnection, type Database, type Executor } from '../../platform/db/database.js';

/** Text search configuration of each reading language (PostgreSQL's Snowball stemmers). */
export const SEARCH_CONFIG: Record<Locale, string> = { en: 'english', fr: 'french', es: 'spanish', it: 'italian', ar: 'arabic' };
/** `(locale, config)` rows of these reading languages, to join. */
const configsOf = (locales: readonly Locale[]) =>
  sql.raw(`(values ${locales.map((locale) => `('${locale}', '${SEARCH_CONFIG[locale]}'::regconfig)`).join(', ')})`);
const LOCALE_CONFIGS = configsOf(LOCALES);
/** Services refreshed at once beyond which the search indexes are tidied at the end (an import, a rebuild). */
const BULK_REFRESH = 1_000;
/** Services refreshed at once from which each language's search rows are rebuilt whole (see refreshSearchInBulk). */
const BULK_REBUILD = 5_000;
/** Typo tolerance: how close a word of the query must be to a known word (pg_trgm similarity). */
const WORD_SIMILARITY = 0.4;

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
const haversine = (latitude: RawBuilder<unknown>, longitude: RawBuilder<unknown>, lat: number, lon: number) => sql<number>`(12742 * asin(least(1, sqrt(
  power(sin(radians(${latitude} - ${lat}) / 2), 2) +
  cos(radians(${lat})) * cos(radians(${latitude})) * power(sin(radians(${longitude} - ${lon}) / 2), 2)))))`;

/**
 * The 0.1° grid cells covering a box, as `directory_grid_cell` numbers them; none when the box is
 * too wide to be worth listing (the bounding-box test alone applies then) or crosses a pole or the antimeridian.
 */
export function gridCells(minLat: number, maxLat: number, minLon: number, maxLon: number): number[] | null {
  if (minLat < -90 || maxLat > 90 || minLon < -180 || maxLon >= 180) return null;
  const [fromLat, toLat, fromLon, toLon] = [Math.floor(minLat * 10), Math.floor(maxLat * 10), Math.floor(minLon * 10), Math.floor(maxLon * 10)];
  if ((toLat - fromLat + 1) * (toLon - fromLon + 1) > 400) return null;
  const cells: number[] = [];
  for (let lat = fromLat; lat <= toLat; lat++) for (let lon = fromLon; lon <= toLon; lon++) cells.push((lat + 900) * 3600 + lon + 1800);
  return cells;
}

/** A search row's distance to its nearest located point (most services have one: no unnest then). */
const nearestKm = (lat: number, lon: number) => sql<number | null>`(case cardinality(d.latitudes)
  when 0 then null
  when 1 then ${haversine(sql`d.latitudes[1]`, sql`d.longitudes[1]`, lat, lon)}
  else (select min(${haversine(sql`u.lat`, sql`u.lon`, lat, lon)}) from unnest(d.latitudes, d.longitudes) u(lat, lon)) end)`;

/** Where the last page ended, and whether its search needed spelling correction. */
export type SearchAfter = { key: [string, string]; spelling: boolean };

/**
 * A value the planner must see to estimate what a filter keeps (the text's lexemes, a term, the
 * territories, the grid cells), written into the statement instead of bound. A repeated search
 * text is a prepared statement (platform/db/prepared-statements.ts), and its generic plan would
 * assume every bound filter keeps 0.5 % of the rows, so it skips the indexes that narrow most.
 * Only values checked at the edge or produced by the database come here; kysely doubles quotes.
 */
const planned = (value: string | number) => sql.lit(value);
const plannedArray = (values: readonly (string | number)[], type: 'uuid' | 'integer') => sql`${planned(`{${values.join(',')}}`)}::${sql.raw(type)}[]`;

/** `column` is one of these services' ids (any, for 'all'). */
const servicesIn = (column: string, serviceIds: string[] | 'all') => (serviceIds === 'all' ? sql`true` : sql`${sql.ref(column)} = any(${serviceIds}::uuid[])`);
/** A condition on a column of service ids, naming the services a statement is about. */
type ServicesFilter = (column: string) => RawBuilder<unknown>;

/** The search rows' columns, in the order `searchRows` answers them. */
const SEARCH_COLUMNS = sql.join(
  ['service_id', 'locale', 'document', 'keywords', 'status', 'territory_id', 'term_ids', 'languages', 'paid', 'diaspora_eligible', 'returnee_eligible',
    'target_groups', 'latitudes', 'longitudes', 'min_latitude', 'max_latitude', 'min_longitude', 'max_longitude', 'cell'].map((column) => sql.id(column)),
);

/**
 * The search rows of these services in the reading languages of `configs` (`(locale, config)`
 * values): the document and keywords in each language, and the facts every filter reads. The facts
 * are aggregated once per table for all the services at once (hash joins, not a lookup per service).
 * `only` says which services, by column.
 */
function searchRows(only: ServicesFilter, configs: RawBuilder<unknown>) {
  return sql`
    with recursive closure (term_id, ancestor_id) as (
      select id, id from hsds_taxonomy_term
      union all select c.term_id, t.parent_id from closure c join hsds_taxonomy_term t on t.id = c.ancestor_id where t.parent_id is not null
    ),
    -- What the filters test, computed once per service (not once per service and language).
    facts as materialized (
      select s.id, coalesce(terms.term_ids, '{}') as term_ids,
        array(select distinct code from unnest(coalesce(spoken.codes, '{}') || s.staff_languages) code order by code) as languages,
        cost.service_id is not null as paid,
        coalesce(pt.latitudes, '{}') as latitudes, coalesce(pt.longitudes, '{}') as longitudes,
        pt.min_latitude, pt.max_latitude, pt.min_longitude, pt.max_longitude, pt.cell
      from hsds_service s
      left join (
        select a.link_id, array_agg(distinct c.ancestor_id) as term_ids from hsds_attribute a join closure c on c.term_id = a.taxonomy_term_id
        where a.link_entity = 'service' and ${only('a.link_id')} group by a.link_id
      ) terms on terms.link_id = s.id
      left join (
        select lg.service_id, array_agg(lg.code) as codes from hsds_language lg
        where lg.code is not null and ${only('lg.service_id')} group by lg.service_id
      ) spoken on spoken.service_id = s.id
      left join (
        select distinct co.service_id from hsds_cost_option co where co.amount > 0 and ${only('co.service_id')}
      ) cost on cost.service_id = s.id
      left join (
        select sal.service_id, array_agg(l.latitude order by l.id) as latitudes, array_agg(l.longitude order by l.id) as longitudes,
          min(l.latitude) as min_latitude, max(l.latitude) as max_latitude, min(l.longitude) as min_longitude, max(l.longitude) as max_longitude,
          case count(distinct directory_grid_cell(l.latitude, l.longitude)) when 1 then min(directory_grid_cell(l.latitude, l.longitude)) else -1 end as cell
        from hsds_service_at_location sal join hsds_location l on l.id = sal.location_id
        where l.latitude is not null and l.longitude is not null and ${only('sal.service_id')}
        group by sal.service_id
      ) pt on pt.service_id = s.id
      where ${only('s.id')}
    )
    select s.id as service_id, cfg.locale,
      -- '<' and '>' as blanks: the text search parser would read "<…>" as markup and drop it (a <script> element's content too).
      setweight(to_tsvector(cfg.config, f_unaccent(translate(coalesce(tr.name, s.name), '<>', '  '))), 'A') ||
      setweight(to_tsvector(cfg.config, f_unaccent(translate(concat_ws(' ', coalesce(tr.alternate_name, s.alternate_name), terms.names, coalesce(otr.name, o.name)), '<>', '  '))), 'B') ||
      setweight(to_tsvector(cfg.config, f_unaccent(translate(concat_ws(' ', coalesce(tr.description, s.description), coalesce(tr.eligibility_description, s.eligibility_description)), '<>', '  '))), 'C') as document,
      lower(f_unaccent(concat_ws(' ', coalesce(tr.name, s.name), coalesce(tr.alternate_name, s.alternate_name), terms.names, coalesce(otr.name, o.name)))) as keywords,
      s.status, s.territory_id, f.term_ids, f.languages, f.paid,
      coalesce(s.diaspora_eligible, false) as diaspora_eligible, coalesce(s.returnee_eligible, false) as returnee_eligible, s.target_groups,
      f.latitudes, f.longitudes, f.min_latitude, f.max_latitude, f.min_longitude, f.max_longitude, f.cell
    from hsds_service s
    join facts f on f.id = s.id
    cross join ${configs} as cfg(locale, config)
    join hsds_organization o on o.id = s.organization_id
    left join hsds_service_translation tr on tr.service_id = s.id and tr.locale = cfg.locale
    left join hsds_organization_translation otr on otr.organization_id = o.id and otr.locale = cfg.locale
    -- Joined, not looked up per row: the documents of a bulk refresh are computed a sixth faster.
    left join (
      select a.link_id, l.locale, string_agg(coalesce(ttr.name, t.name), ' ' order by t.code) as names
      from hsds_attribute a
      join hsds_taxonomy_term t on t.id = a.taxonomy_term_id
      cross join ${configs} as l(locale, config)
      left join hsds_taxonomy_term_translation ttr on ttr.taxonomy_term_id = t.id and ttr.locale = l.locale
      where a.link_entity = 'service' and ${only('a.link_id')}
      group by a.link_id, l.locale
    ) terms on terms.link_id = s.id and terms.locale = cfg.locale
    where ${only('s.id')}`;
}

export const directoryRepository = (db: Executor) => ({
  /**
   * One search over services: text (stemmed, unaccented, with trigram typo tolerance), filters and
   * distance, keyset-paged on the sort key. Free text only ever travels as a bound parameter.
   */
  async search(query: DirectorySearchQuery & { locale: Locale }, after: SearchAfter | undefined, limit: number): Promise<{ rows: SearchRow[]; spelling: boolean }> {
    const { result, spelling } = await this.spellingTolerant(query, after, (searchText) => this.run(query, searchText, after?.key, limit, 'page'));
    return { rows: result as SearchRow[], spelling };
  },

  /** Every matching located service as [id, latitude, longitude] (its first location), for the map. */
  async mapPoints(query: DirectorySearchQuery & { locale: Locale }): Promise<[string, number, number][]> {
    const { result } = await this.spellingTolerant(query, undefined, (searchText) => this.run({ ...query, sort: 'name' }, searchText, undefined, 0, 'points'));
    return (result as { id: string; latitude: number; longitude: number }[]).map((row) => [row.id, row.latitude, row.longitude]);
  },

  /** The ids of every service the text (and spelling correction) finds, for the HSDS API's `search`. */
  async matchingIds(q: string, locale: Locale): Promise<string[]> {
    const query = { q, locale, limit: 1 } as DirectorySearchQuery & { locale: Locale };
    return (await this.spellingTolerant(query, undefined, (searchText) => this.run(query, searchText, undefined, 0, 'ids'))).result as string[];
  },

  /**
   * Full text first; only when a first page finds nothing do typos get their chance (trigram word
   * similarity), which costs far more on common words. The cursor carries which of the two a
   * search used, so every page agrees. The query travels as a tsquery constant (see `planned`): the
   * planner then estimates what it matches and picks its indexes.
   */
  async spellingTolerant(query: DirectorySearchQuery & { locale: Locale }, after: SearchAfter | undefined, search: (searchText: string | null) => Promise<unknown[]>) {
    const text = query.q && query.q.length > 0 ? query.q : null;
    const config = SEARCH_CONFIG[query.locale];
    if (!text) return { result: await search(null), spelling: false };
    if (!after?.spelling) {
      const { rows } = await sql<{ query: string }>`select websearch_to_tsquery(${config}::regconfig, f_unaccent(translate(${text}, '<>', '  ')))::text as query`.execute(db);
      const result = await search(rows[0]!.query);
      if (result.length > 0 || after) return { result, spelling: false };
    }
    // Spelling: each word of the query may stand for its nearest known words (trigram similarity).
    const words = [...new Set(text.toLowerCase().normalize('NFD').replace(/\p{Diacritic}/gu, '').split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3))].slice(0, 8);
    const { rows } = words.length === 0 ? { rows: [] } : await sql<{ asked: string; word: string }>`
      select u.word as asked, w.word from unnest(${words}::text[]) u(word)
      cross join lateral (
        select w.word from directory_search_word w
        where w.word operator(public.%) u.word and public.similarity(w.word, u.word) >= ${WORD_SIMILARITY}
        order by public.similarity(w.word, u.word) desc, w.word limit 3
      ) w`.execute(db);
    const corrected = words.map((word) => {
      const options = rows.filter((row) => row.asked === word).map((row) => row.word);
      return (options.length > 0 ? options : [word]).join(' or ');
    });
    const spelled = await sql<{ query: string }>`select websearch_to_tsquery(${config}::regconfig, ${corrected.join(' ')})::text as query`.execute(db);
    return { result: await search(spelled.rows[0]!.query), spelling: true };
  },

  async run(query: DirectorySearchQuery & { locale: Locale }, searchText: string | null, after: [string, string] | undefined, limit: number, mode: 'page' | 'points' | 'ids'): Promise<unknown[]> {
    const { locale } = query;
    const hasText = searchText !== null;
    const near = query.lat !== undefined && query.lon !== undefined ? { lat: query.lat, lon: query.lon } : null;
    const sort = query.sort ?? (hasText ? 'relevance' : near ? 'distance' : 'name');
    const conditions: RawBuilder<unknown>[] = [sql`d.status <> 'defunct'`];
    const language = sql.lit(locale);
    const searchQuery = searchText === null ? sql`null` : sql`${planned(searchText)}::tsquery`;
    const textCondition = hasText ? sql`d.document @@ ${searchQuery}` : null;
    const textScore = hasText ? sql`ts_rank(d.document, ${searchQuery})` : sql`0`;
    if (textCondition) conditions.push(textCondition);
    // Every filter reads the search row itself (its copies of terms with their ancestors, languages,
    // cost, eligibility, groups), so one scan of the reader's documents answers the whole search.
    if (query.taxonomyTermId) conditions.push(sql`d.term_ids @> ${plannedArray([query.taxonomyTermId], 'uuid')}`);
    if (query.territoryId) {
      const { rows } = await sql<{ id: string }>`
        with recursive tree as (
          select id from territory where id = ${query.territoryId}
          union all select t.id from territory t join tree on t.parent_id = tree.id)
        select id from tree`.execute(db);
      conditions.push(sql`d.territory_id = any(${plannedArray(rows.map((row) => row.id), 'uuid')})`);
    }
    if (query.language) conditions.push(sql`d.languages @> array[${planned(query.language)}]::text[]`);
    if (query.cost === 'free') conditions.push(sql`not d.paid`);
    if (query.cost === 'paid') conditions.push(sql`d.paid`);
    if (query.eligibility === 'diaspora') conditions.push(sql`d.diaspora_eligible`);
    if (query.eligibility === 'returnee') conditions.push(sql`d.returnee_eligible`);
    if (query.targetGroup) conditions.push(sql`d.target_groups @> array[${planned(query.targetGroup)}]::text[]`);

    // One pass over the reader's search rows, which carry every filter and the service's located
    // points (its bounding box prunes before any distance is computed); the page's keys first, and
    // only then the page's details.
    let within: RawBuilder<unknown> = sql`true`;
    if (near && query.radiusKm) {
      const dLat = query.radiusKm / 111.2;
      const dLon = query.radiusKm / (111.2 * Math.max(Math.cos((near.lat * Math.PI) / 180), 0.01));
      // The grid cells the radius's box touches (and -1, services in several cells), looked up in
      // the cell index and intersected there with the text's, terms' and territory's; then the box.
      // (A GiST index on the box gets a fixed selectivity estimate, and made the planner skip the
      // text index; a GIN array of cells tests every key against every row it finds.)
      const cells = gridCells(near.lat - dLat, near.lat + dLat, near.lon - dLon, near.lon + dLon);
      if (cells) conditions.push(sql`d.cell = any(${plannedArray([...cells, -1], 'integer')})`);
      conditions.push(sql`d.min_latitude <= ${planned(near.lat + dLat)} and d.max_latitude >= ${planned(near.lat - dLat)}
        and d.min_longitude <= ${planned(near.lon + dLon)} and d.max_longitude >= ${planned(near.lon - dLon)}`);
      within = sql`keyed.km <= ${query.radiusKm}`;
    }
    const where = sql`d.locale = ${language} and ${sql.join(conditions, sql` and `)}`;
    if (mode === 'ids') {
      return (await sql<{ id: string }>`select d.service_id as id from directory_service_search d where ${where}`.execute(db)).rows.map((row) => row.id);
    }
    if (mode === 'points') {
      // The first located point (by location id) within the radius, as the map shows one marker a service.
      const inRadius = near && query.radiusKm ? sql`${haversine(sql`u.lat`, sql`u.lon`, near.lat, near.lon)} <= ${query.radiusKm}` : sql`true`;
      const { rows } = await sql<{ id: string; latitude: number; longitude: number }>`
        select d.service_id as id, pt.lat as latitude, pt.lon as longitude
        from directory_service_search d
        cross join lateral (
          select u.lat, u.lon from unnest(d.latitudes, d.longitudes) with ordinality u(lat, lon, n)
          where ${inRadius} order by u.n limit 1
        ) pt
        where ${where}
        order by d.service_id`.execute(db);
      return rows;
    }
    // Sort keys as text so a cursor compares exactly what the database compared.
    const sortKey =
      sort === 'relevance'
        ? sql`to_char(1000 - round((${textScore})::numeric, 6), 'FM00000.000000')`
        : sort === 'distance'
          ? sql`to_char(coalesce(round((${near ? nearestKm(near.lat, near.lon) : sql`null`})::numeric, 6), 99999), 'FM00000.000000')`
          : sql`lower(coalesce(tr.name, sv.name))`;
    const { rows } = await sql<SearchRow>`
      with page as materialized (
        select * from (
          select d.service_id as id, ${near ? nearestKm(near.lat, near.lon) : sql`null::double precision`} as km, ${sortKey} as sort_key
          from directory_service_search d
          ${sort === 'name' ? sql`join hsds_service sv on sv.id = d.service_id left join hsds_service_translation tr on tr.service_id = d.service_id and tr.locale = ${language}` : sql``}
          where ${where}
        ) keyed
        where ${within} ${after ? sql`and (keyed.sort_key, keyed.id) > (${after[0]}, ${after[1]}::uuid)` : sql``}
        order by keyed.sort_key, keyed.id
        limit ${limit}
      )
      select s.id, coalesce(tr.name, s.name) as name, coalesce(tr.description, s.description) as description,
        s.organization_id, coalesce(otr.name, o.name) as organization_name, s.status,
        s.last_verified::text as last_verified,
        (s.last_verified is null or s.last_verified < current_date - interval '12 months') as stale,
        loc.latitude, loc.longitude, loc.city, page.km as distance_km, page.sort_key
      from page
      join hsds_service s on s.id = page.id
      join hsds_organization o on o.id = s.organization_id
      left join hsds_service_translation tr on tr.service_id = s.id and tr.locale = ${language}
      left join hsds_organization_translation otr on otr.organization_id = o.id and otr.locale = ${language}
      left join lateral (
        select l.latitude, l.longitude, a.city
        from hsds_service_at_location sal
        join hsds_location l on l.id = sal.location_id
        left join hsds_address a on a.location_id = l.id
        where sal.service_id = s.id and l.latitude is not null and l.longitude is not null
        order by ${near ? sql`${haversine(sql`l.latitude`, sql`l.longitude`, near.lat, near.lon)}, ` : sql``}l.id, a.id limit 1
      ) loc on true
      order by page.sort_key, page.id`.execute(db);
    return rows;
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

  /**
   * Rebuilds the search documents of these services (all five reading languages), in one
   * transaction (the caller's, or its own): a search never sees the directory half rebuilt.
   */
  async refreshSearch(serviceIds: string[] | 'all'): Promise<void> {
    if (serviceIds !== 'all' && serviceIds.length === 0) return;
    if (!db.isTransaction) return db.transaction().execute((trx) => directoryRepository(trx).refreshSearch(serviceIds));
    const bulk = serviceIds === 'all' || serviceIds.length >= BULK_REFRESH;
    await sql`delete from directory_service_search s where ${servicesIn('s.service_id', serviceIds)}`.execute(db);
    if (bulk) {
      // Bigger fast-update buffers: the GIN indexes take the new rows in fewer, larger merges.
      await sql`set local gin_pending_list_limit = '64MB'`.execute(db);
      await sql`set local work_mem = '64MB'`.execute(db);
    }
    await sql`
      insert into directory_service_search (${SEARCH_COLUMNS})
      select * from (${searchRows((column) => servicesIn(column, serviceIds), LOCALE_CONFIGS)}) d
      -- Neighbours on the map, neighbours on disk: a radius search reads fewer pages.
      order by d.cell nulls last, d.service_id`.execute(db);
    await this.addSearchWords(serviceIds);
    // A search reads the GIN indexes' pending lists (their fast-update buffer) row by row; after a
    // bulk refresh, merge them into the indexes now rather than when vacuum comes by.
    if (bulk) await mergeSearchPending(db, await searchGinIndexes(db));
  },

  /**
   * The words of these services' names, kinds and organisations, for spelling correction: the
   * words of the search rows' keywords, read from the texts they join (each distinct text once: a
   * service's keywords differ by language, its untranslated name does not).
   */
  async addSearchWords(serviceIds: string[] | 'all'): Promise<void> {
    const only = servicesIn('s.id', serviceIds);
    await sql`
      insert into directory_search_word (word)
      select distinct word
        from (
          select coalesce(tr.name, s.name) as text from hsds_service s cross join ${LOCALE_CONFIGS} as l(locale, config)
            left join hsds_service_translation tr on tr.service_id = s.id and tr.locale = l.locale where ${only}
          union select coalesce(tr.alternate_name, s.alternate_name) from hsds_service s cross join ${LOCALE_CONFIGS} as l(locale, config)
            left join hsds_service_translation tr on tr.service_id = s.id and tr.locale = l.locale where ${only}
          union select coalesce(otr.name, o.name) from hsds_organization o cross join ${LOCALE_CONFIGS} as l(locale, config)
            left join hsds_organization_translation otr on otr.organization_id = o.id and otr.locale = l.locale
            where o.id in (select s.organization_id from hsds_service s where ${only})
          union select coalesce(ttr.name, t.name) from hsds_taxonomy_term t cross join ${LOCALE_CONFIGS} as l(locale, config)
            left join hsds_taxonomy_term_translation ttr on ttr.taxonomy_term_id = t.id and ttr.locale = l.locale
            where t.id in (select a.taxonomy_term_id from hsds_attribute a where a.link_entity = 'service' and ${servicesIn('a.link_id', serviceIds)})
        ) texts,
        unnest(tsvector_to_array(to_tsvector('simple', lower(f_unaccent(translate(texts.text, '<>', '  ')))))) as word
      where length(word) >= 3 and word !~ '^[0-9]+$'
      -- In one order, so that refreshes running at once wait for each other's words instead of deadlocking.
      order by word
      on conflict do nothing`.execute(db);
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
      conditions.push(sql`(to_tsvector(${SEARCH_CONFIG[locale]}::regconfig, f_unaccent(translate(coalesce(tr.title, op.title) || ' ' || coalesce(tr.description, op.description), '<>', '  ')))
        @@ websearch_to_tsquery(${SEARCH_CONFIG[locale]}::regconfig, f_unaccent(translate(${query.q}, '<>', '  ')))
        or public.word_similarity(lower(f_unaccent(${query.q})), lower(f_unaccent(coalesce(tr.title, op.title)))) > ${WORD_SIMILARITY})`);
    }
    if (query.territoryId) {
      conditions.push(sql`op.territory_id in (
        with recursive tree as (select id from territory where id = ${query.territoryId}
          union all select t.id from territory t join tree on t.parent_id = tree.id)
        select id from tree)`);
    }
    if (query.kind) conditions.push(sql`op.kind = ${query.kind}`);
    if (query.isic) {
      // A section letter stands for its divisions: the codes held are digits (or a section letter alone).
      const divisions = (ISIC_SECTIONS as Record<string, readonly string[]>)[query.isic];
      conditions.push(
        divisions ? sql`(op.isic_code = ${query.isic} or left(op.isic_code, 2) = any(${[...divisions]}::text[]))` : sql`op.isic_code like ${`${query.isic}%`}`,
      );
    }
    const { rows } = await sql<{
      id: string; kind: string; isicCode: string; title: string; description: string; territoryId: string; territoryName: string | null;
      contactName: string | null; contactEmail: string | null; contactPhone: string | null; organizationId: string | null; sortKey: string;
    }>`
      select * from (
        select op.id, op.kind, op.isic_code, coalesce(tr.title, op.title) as title, coalesce(tr.description, op.description) as description,
          op.territory_id, tn.name as territory_name, op.contact_name, op.contact_email, op.contact_phone, op.organization_id,
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

/**
 * Refreshes these services' search rows; when they are many (an import), and at least a quarter of
 * the directory, rebuilds each reading language's partition whole beside the live one and swaps it
 * in, its indexes built once over the new rows: several times cheaper than growing them row by row
 * (the GIN indexes above all). The new rows are computed into an unindexed staging table first,
 * half of the services on each of two connections (PostgreSQL runs a statement on one core), then
 * each language's next partition is filled from it and the live rows of the other services, two
 * languages at a time. Searches read the old rows until the swap, which holds the table for a
 * moment; edits of the directory wait from the start (their refresh would be lost in the swap).
 * PGlite, with one connection, does it all in turn inside the one transaction.
 */
export async function refreshSearchInBulk(db: Database, serviceIds: string[], { from = BULK_REBUILD } = {}): Promise<void> {
  const { rows } = serviceIds.length < from ? { rows: [] } : await sql<{ services: number }>`select count(*)::int as services from hsds_service`.execute(db);
  if (serviceIds.length < from || serviceIds.length * 4 < rows[0]!.services) return directoryRepository(db).refreshSearch(serviceIds);
  const staging = sql.table(`directory_search_staging_${randomUUID().replace(/-/g, '')}`);
  try {
    await db.transaction().execute(async (trx) => {
      // Blocks every writer of search rows, not readers, until the new partitions are in place.
      await sql`lock table directory_service_search in share row exclusive mode`.execute(trx);
      const builder = hasOneConnection(db) ? trx : db;
      // A staging table still there was left by a rebuild that died: none other runs while the lock is held.
      const { rows: leftovers } = await sql<{ name: string }>`
        select relname as name from pg_class where relname like 'directory\_search\_staging\_%' and relnamespace = current_schema()::regnamespace`.execute(trx);
      for (const { name } of leftovers) await sql`drop table ${sql.table(name)}`.execute(builder);
      await sql`create unlogged table ${staging} (like directory_service_search)`.execute(builder);
      const middle = hasOneConnection(db) ? serviceIds.length : Math.ceil(serviceIds.length / 2);
      await Promise.all([serviceIds.slice(0, middle), serviceIds.slice(middle)].map((part) => stageSearchRows(builder, staging, part)));
      const languages = [...LOCALES];
      const buildNext = async (): Promise<void> => {
        const locale = languages.shift();
        if (!locale) return;
        await buildPartition(builder, staging, locale);
        return buildNext();
      };
      // The vocabulary meanwhile, on the transaction's own connection (all of it when every service is refreshed).
      const words = directoryRepository(trx).addSearchWords(serviceIds.length === rows[0]!.services ? 'all' : serviceIds);
      await Promise.all([buildNext(), buildNext(), words]);
      for (const locale of LOCALES) await swapPartition(trx, locale);
    });
  } finally {
    await sql`drop table if exists ${staging}`.execute(db);
  }
}

/** The search rows of these services, in every reading language, into the staging table. */
async function stageSearchRows(db: Executor, staging: RawBuilder<unknown>, serviceIds: string[]): Promise<void> {
  if (serviceIds.length === 0) return;
  if (!db.isTransaction) return db.transaction().execute((trx) => stageSearchRows(trx, staging, serviceIds));
  await sql`set local work_mem = '64MB'`.execute(db);
  // The services, sent once and joined by every part of the statement (an array parameter is sent, and read, once per use).
  await sql`create temporary table refreshed_service (id uuid primary key) on commit drop`.execute(db);
  await sql`insert into refreshed_service select distinct unnest(${serviceIds}::uuid[])`.execute(db);
  await sql`analyze refreshed_service`.execute(db);
  await sql`insert into ${staging} (${SEARCH_COLUMNS}) ${searchRows((column) => sql`${sql.ref(column)} in (select id from refreshed_service)`, LOCALE_CONFIGS)}`.execute(db);
}

/** A reading language's partition of the search rows (its next one, with `_next`), by name and as a table. */
const partitionName = (locale: Locale, suffix = '') => `directory_service_search_${locale}${suffix}`;
const partition = (locale: Locale, suffix = '') => sql.table(partitionName(locale, suffix));

/**
 * The next rows of one reading language, in a table of their own: the staged rows, and the live
 * rows of the services not staged, in map order; then the live partition's indexes, built over
 * them, and statistics.
 */
async function buildPartition(db: Executor, staging: RawBuilder<unknown>, locale: Locale): Promise<void> {
  if (!db.isTransaction) return db.transaction().execute((trx) => buildPartition(trx, staging, locale));
  const [live, next] = [partition(locale), partition(locale, '_next')];
  await sql`set local work_mem = '64MB'`.execute(db);
  await sql`set local maintenance_work_mem = '128MB'`.execute(db);
  await sql`drop table if exists ${next}`.execute(db);
  await sql`create table ${next} (like directory_service_search including defaults including constraints)`.execute(db);
  await sql`
    insert into ${next} (${SEARCH_COLUMNS})
    select * from (
      select ${SEARCH_COLUMNS} from ${staging} where locale = ${locale}
      union all
      select ${SEARCH_COLUMNS} from ${live} where service_id not in (select service_id from ${staging} where locale = ${locale})
    ) d
    -- Neighbours on the map, neighbours on disk: a radius search reads fewer pages.
    order by d.cell nulls last, d.service_id`.execute(db);
  const { rows: indexes } = await sql<{ name: string; definition: string; primary: boolean }>`
    select c.relname as name, pg_get_indexdef(i.indexrelid) as definition, i.indisprimary as primary
    from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = ${partitionName(locale)}::regclass`.execute(db);
  for (const index of indexes) {
    // The live index's own definition, on the next table, under the name it will take after the swap, with `_next`.
    const definition = index.definition.replace(/^(CREATE (?:UNIQUE )?INDEX) \S+ ON (?:ONLY )?\S+ /, `$1 ${index.name}_next ON ${partitionName(locale, '_next')} `);
    await sql.raw(definition).execute(db);
    if (index.primary) await sql`alter table ${next} add constraint ${sql.id(`${index.name}_next`)} primary key using index ${sql.id(`${index.name}_next`)}`.execute(db);
  }
  await sql`analyze ${next}`.execute(db);
}

/** The next partition of a language in place of the live one, its indexes under the live ones' names. */
async function swapPartition(trx: Executor, locale: Locale): Promise<void> {
  const [live, next] = [partition(locale), partition(locale, '_next')];
  await sql`alter table directory_service_search detach partition ${live}`.execute(trx);
  await sql`alter table directory_service_search attach partition ${next} for values in (${sql.lit(locale)})`.execute(trx);
  await sql`drop table ${live}`.execute(trx);
  await sql`alter table ${next} rename to ${sql.id(partitionName(locale))}`.execute(trx);
  const { rows: indexes } = await sql<{ name: string }>`
    select c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid = ${partitionName(locale)}::regclass and c.relname like '%\_next'`.execute(trx);
  for (const { name } of indexes) await sql`alter index ${sql.id(name)} rename to ${sql.id(name.slice(0, -'_next'.length))}`.execute(trx);
}

/** The GIN indexes of the search rows' partitions. */
async function searchGinIndexes(db: Executor): Promise<number[]> {
  const { rows } = await sql<{ oid: number }>`
    select i.indexrelid::int as oid
      from pg_inherits h join pg_index i on i.indrelid = h.inhrelid join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam
     where h.inhparent = 'directory_service_search'::regclass and am.amname = 'gin' order by 1`.execute(db);
  return rows.map((row) => row.oid);
}

const mergeSearchPending = async (db: Executor, indexes: number[]) => {
  if (indexes.length > 0) await sql`select gin_clean_pending_list(oid::regclass) from unnest(${indexes}::int[]) as oid`.execute(db);
};
