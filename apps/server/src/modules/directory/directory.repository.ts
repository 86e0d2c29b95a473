import type { DirectorySearchQuery, Locale, OpportunityQuery } from '@glocal/contracts';
import { sql, type RawBuilder } from 'kysely';
import type { Database, Executor } from '../../platform/db/database.js';

/** Text search configuration of each reading language (PostgreSQL's Snowball stemmers). */
export const SEARCH_CONFIG: Record<Locale, string> = { en: 'english', fr: 'french', es: 'spanish', it: 'italian', ar: 'arabic' };
const LOCALE_CONFIGS = sql.raw(
  `(values ${Object.entries(SEARCH_CONFIG).map(([locale, config]) => `('${locale}', '${config}'::regconfig)`).join(', ')})`,
);
/** Services refreshed at once beyond which the search indexes are tidied at the end (an import, a rebuild). */
const BULK_REFRESH = 1_000;
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
      const { rows } = await sql<{ query: string }>`select websearch_to_tsquery(${config}::regconfig, f_unaccent(${text}))::text as query`.execute(db);
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
  async refreshSearch(serviceIds: string[] | 'all', { mergePending = true } = {}): Promise<void> {
    if (serviceIds !== 'all' && serviceIds.length === 0) return;
    if (!db.isTransaction) return db.transaction().execute((trx) => directoryRepository(trx).refreshSearch(serviceIds, { mergePending }));
    const only = servicesIn('s.id', serviceIds);
    const bulk = serviceIds === 'all' || serviceIds.length >= BULK_REFRESH;
    await sql`delete from directory_service_search s where ${servicesIn('s.service_id', serviceIds)}`.execute(db);
    if (bulk) {
      // Bigger fast-update buffers: the GIN indexes take the new rows in fewer, larger merges.
      await sql`set local gin_pending_list_limit = '64MB'`.execute(db);
      await sql`set local work_mem = '64MB'`.execute(db);
    }
    await sql`
      with recursive closure (term_id, ancestor_id) as (
        select id, id from hsds_taxonomy_term
        union all select c.term_id, t.parent_id from closure c join hsds_taxonomy_term t on t.id = c.ancestor_id where t.parent_id is not null
      ),
      -- What the filters test, computed once per service (not once per service and language).
      facts as materialized (
        select s.id,
          array(select distinct c.ancestor_id from hsds_attribute a join closure c on c.term_id = a.taxonomy_term_id where a.link_id = s.id and a.link_entity = 'service') as term_ids,
          array(select distinct code from (select lg.code from hsds_language lg where lg.service_id = s.id and lg.code is not null
                                           union select unnest(s.staff_languages)) codes(code)) as languages,
          exists (select 1 from hsds_cost_option co where co.service_id = s.id and co.amount > 0) as paid,
          pt.latitudes, pt.longitudes, pt.min_latitude, pt.max_latitude, pt.min_longitude, pt.max_longitude, pt.cell
        from hsds_service s
        cross join lateral (
          select coalesce(array_agg(l.latitude order by l.id), '{}') as latitudes, coalesce(array_agg(l.longitude order by l.id), '{}') as longitudes,
            min(l.latitude) as min_latitude, max(l.latitude) as max_latitude, min(l.longitude) as min_longitude, max(l.longitude) as max_longitude,
            case count(distinct directory_grid_cell(l.latitude, l.longitude))
              when 0 then null when 1 then min(directory_grid_cell(l.latitude, l.longitude)) else -1 end as cell
          from hsds_service_at_location sal join hsds_location l on l.id = sal.location_id
          where sal.service_id = s.id and l.latitude is not null and l.longitude is not null
        ) pt
        where ${only}
      )
      insert into directory_service_search (service_id, locale, document, keywords, status, territory_id, term_ids, languages, paid,
        diaspora_eligible, returnee_eligible, target_groups, latitudes, longitudes, min_latitude, max_latitude, min_longitude, max_longitude, cell)
      select s.id, cfg.locale,
        setweight(to_tsvector(cfg.config, f_unaccent(coalesce(tr.name, s.name))), 'A') ||
        setweight(to_tsvector(cfg.config, f_unaccent(concat_ws(' ', coalesce(tr.alternate_name, s.alternate_name), terms.names, coalesce(otr.name, o.name)))), 'B') ||
        setweight(to_tsvector(cfg.config, f_unaccent(concat_ws(' ', coalesce(tr.description, s.description), coalesce(tr.eligibility_description, s.eligibility_description)))), 'C'),
        lower(f_unaccent(concat_ws(' ', coalesce(tr.name, s.name), coalesce(tr.alternate_name, s.alternate_name), terms.names, coalesce(otr.name, o.name)))),
        s.status, s.territory_id, f.term_ids, f.languages, f.paid,
        coalesce(s.diaspora_eligible, false), coalesce(s.returnee_eligible, false), s.target_groups,
        f.latitudes, f.longitudes, f.min_latitude, f.max_latitude, f.min_longitude, f.max_longitude, f.cell
      from hsds_service s
      join facts f on f.id = s.id
      cross join ${LOCALE_CONFIGS} as cfg(locale, config)
      join hsds_organization o on o.id = s.organization_id
      left join hsds_service_translation tr on tr.service_id = s.id and tr.locale = cfg.locale
      left join hsds_organization_translation otr on otr.organization_id = o.id and otr.locale = cfg.locale
      -- Joined, not looked up per row: the documents of a bulk refresh are computed a sixth faster.
      left join (
        select a.link_id, l.locale, string_agg(coalesce(ttr.name, t.name), ' ' order by t.code) as names
        from hsds_attribute a
        join hsds_taxonomy_term t on t.id = a.taxonomy_term_id
        cross join ${LOCALE_CONFIGS} as l(locale, config)
        left join hsds_taxonomy_term_translation ttr on ttr.taxonomy_term_id = t.id and ttr.locale = l.locale
        where a.link_entity = 'service' and ${servicesIn('a.link_id', serviceIds)}
        group by a.link_id, l.locale
      ) terms on terms.link_id = s.id and terms.locale = cfg.locale
      where ${only}
      -- Neighbours on the map, neighbours on disk: a radius search reads fewer pages.
      order by f.cell nulls last, s.id`.execute(db);
    // The words of names, kinds and organisations, for spelling correction: the words of the search
    // rows' keywords, read from the texts they join (each distinct text once: a service's keywords
    // differ by language, its untranslated name does not).
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
        unnest(tsvector_to_array(to_tsvector('simple', lower(f_unaccent(texts.text))))) as word
      where length(word) >= 3 and word !~ '^[0-9]+$'
      -- In one order, so that refreshes running at once wait for each other's words instead of deadlocking.
      order by word
      on conflict do nothing`.execute(db);
    // A search reads the GIN indexes' pending lists (their fast-update buffer) row by row; after a
    // bulk refresh, merge them into the indexes now rather than when vacuum comes by.
    if (bulk && mergePending) await mergeSearchPending(db, await searchGinIndexes(db));
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

/**
 * A large refresh as two transactions at once, each for half the services on a connection of its
 * own: building search documents is the database's work, and PostgreSQL runs an INSERT's query on
 * one core. Each half is consistent; a search meanwhile may see one half's new documents before
 * the other's. A half that fails is tried again alone. (PGlite, with one connection, takes them in turn.)
 * Fewer services than `from` are refreshed in one transaction.
 */
export async function refreshSearchInHalves(db: Database, serviceIds: string[], { from = 2 * BULK_REFRESH } = {}): Promise<void> {
  if (serviceIds.length < from) return directoryRepository(db).refreshSearch(serviceIds);
  const middle = Math.ceil(serviceIds.length / 2);
  const halves = [serviceIds.slice(0, middle), serviceIds.slice(middle)];
  const refresh = (half: string[]) => directoryRepository(db).refreshSearch(half, { mergePending: false });
  const outcomes = await Promise.allSettled(halves.map(refresh));
  for (const [index, outcome] of outcomes.entries()) if (outcome.status === 'rejected') await refresh(halves[index]!);
  // The pending lists once, after both halves, half of the indexes on each connection.
  const indexes = await searchGinIndexes(db);
  await Promise.all([indexes.filter((_, n) => n % 2 === 0), indexes.filter((_, n) => n % 2 === 1)].map((part) => mergeSearchPending(db, part)));
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
