import type { Locale } from '@glocal/contracts';
import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../../../platform/db/database.js';
import { NotFoundError } from '../../../platform/errors/app-error.js';
import { directoryRepository } from '../directory.repository.js';
import { selectRows, toJsonObject } from './hsds-rows.js';
import { resource } from './hsds-schema.js';

export type HsdsPage = {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Record<string, unknown>[];
};
/** `format=ndjson`: every result, read and built a chunk of ids at a time, never all in memory. */
export type HsdsStream = { stream: AsyncIterable<Record<string, unknown>> };
/** Records built per query round when streaming: a fully nested service reads a dozen tables. */
const STREAM_CHUNK = 100;

export type HsdsListQuery = {
  search?: string | undefined;
  page: number;
  per_page: number;
  taxonomy_term_id?: string | undefined;
  taxonomy_id?: string | undefined;
  organization_id?: string | undefined;
  modified_after?: string | undefined;
  minimal?: boolean | undefined;
  full?: boolean | undefined;
  full_service?: boolean | undefined;
  postcode?: string | undefined;
  proximity?: string | undefined;
  top_only?: boolean | undefined;
  parent_id?: string | undefined;
  /** ndjson: every result, no pages, as a stream. */
  all?: boolean;
};

const json = (name: string, row: Record<string, string>) => toJsonObject(resource(name), row);
// A phone of a private contact is as private as the contact.
const PUBLIC = {
  contact: sql`not t.is_private`,
  phone: sql`not t.is_private and (t.contact_id is null or t.contact_id not in (select id from hsds_contact where is_private))`,
};
const group = <T extends Record<string, string>>(rows: T[], key: string) => {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const value = row[key];
    if (!value) continue;
    map.set(value, [...(map.get(value) ?? []), row]);
  }
  return map;
};
const ids = (values: (string | undefined)[]) => [...new Set(values.filter((value): value is string => Boolean(value)))];
const anyOf = (column: string, values: string[]) => sql`${sql.ref(`t.${column}`)} = any(${values}::uuid[])`;

/**
 * The HSDS 3.0 read API (Open Referral's openapi.json): public data only. Private contacts and
 * phones are never read here; text is served in each record's source language, as HSDS has no
 * translation fields (translations travel in the Glocal profile's export resources).
 */
export function createHsdsApiService({ db }: { db: Database }) {
  async function page(countSql: RawBuilder<{ n: number }>, idsSql: (limit: number, offset: number) => RawBuilder<{ id: string }>, query: HsdsListQuery, build: (ids: string[]) => Promise<Record<string, unknown>[]>): Promise<HsdsPage | HsdsStream> {
    const total = Number((await countSql.execute(db)).rows[0]?.n ?? 0);
    if (query.all) {
      const every = (await idsSql(Math.max(total, 1), 0).execute(db)).rows.map((row) => row.id);
      return {
        stream: (async function* () {
          for (let start = 0; start < every.length; start += STREAM_CHUNK) yield* await build(every.slice(start, start + STREAM_CHUNK));
        })(),
      };
    }
    const perPage = query.per_page;
    const totalPages = Math.max(1, Math.ceil(total / perPage));
    const pageNumber = query.page;
    const found = (await idsSql(perPage, (pageNumber - 1) * perPage).execute(db)).rows.map((row) => row.id);
    const contents = await build(found);
    return {
      total_items: total,
      total_pages: totalPages,
      page_number: pageNumber,
      size: contents.length,
      first_page: pageNumber === 1,
      last_page: pageNumber >= totalPages,
      empty: contents.length === 0,
      contents,
    };
  }

  async function locationsNested(locationIds: string[]) {
    if (locationIds.length === 0) return new Map<string, Record<string, unknown>>();
    const [locations, addresses, phones, schedules, languages, accessibility] = await Promise.all([
      selectRows(db, 'location', anyOf('id', locationIds)),
      selectRows(db, 'address', anyOf('location_id', locationIds)),
      selectRows(db, 'phone', sql`${anyOf('location_id', locationIds)} and ${PUBLIC.phone}`),
      selectRows(db, 'schedule', anyOf('location_id', locationIds)),
      selectRows(db, 'language', anyOf('location_id', locationIds)),
      selectRows(db, 'accessibility', anyOf('location_id', locationIds)),
    ]);
    const [byAddress, byPhone, bySchedule, byLanguage, byAccessibility] = [addresses, phones, schedules, languages, accessibility].map((rows) => group(rows, 'location_id'));
    return new Map(
      locations.map((location) => [
        location.id!,
        {
          ...json('location', location),
          addresses: (byAddress!.get(location.id!) ?? []).map((row) => json('address', row)),
          phones: (byPhone!.get(location.id!) ?? []).map((row) => json('phone', row)),
          schedules: (bySchedule!.get(location.id!) ?? []).map((row) => json('schedule', row)),
          languages: (byLanguage!.get(location.id!) ?? []).map((row) => json('language', row)),
          accessibility: (byAccessibility!.get(location.id!) ?? []).map((row) => json('accessibility', row)),
        },
      ]),
    );
  }

  async function attributesOf(linkIds: string[]) {
    const attributes = linkIds.length ? await selectRows(db, 'attribute', anyOf('link_id', linkIds)) : [];
    const terms = await selectRows(db, 'taxonomy_term', anyOf('id', ids(attributes.map((row) => row.taxonomy_term_id))));
    const termById = new Map(terms.map((term) => [term.id!, json('taxonomy_term', term)]));
    return { byLink: group(attributes, 'link_id'), termById };
  }

  /** Services as HSDS JSON: one-to-one fields (+ organization) for lists, fully nested when `full`. */
  async function services(serviceIds: string[], full: boolean): Promise<Record<string, unknown>[]> {
    if (serviceIds.length === 0) return [];
    const rows = await selectRows(db, 'service', anyOf('id', serviceIds), false);
    const organizations = new Map((await selectRows(db, 'organization', anyOf('id', ids(rows.map((row) => row.organization_id))))).map((row) => [row.id!, json('organization', row)]));
    const programs = new Map((await selectRows(db, 'program', anyOf('id', ids(rows.map((row) => row.program_id))))).map((row) => [row.id!, json('program', row)]));
    const order = new Map(serviceIds.map((id, index) => [id, index]));
    rows.sort((a, b) => order.get(a.id!)! - order.get(b.id!)!);
    const base = (row: Record<string, string>) => ({
      ...json('service', row),
      ...(row.organization_id && organizations.has(row.organization_id) ? { organization: organizations.get(row.organization_id) } : {}),
      ...(row.program_id && programs.has(row.program_id) ? { program: programs.get(row.program_id) } : {}),
    });
    if (!full) return rows.map(base);

    const [serviceAreas, sals, languages, funding, costOptions, documents, contacts, phones, schedules, metadata] = await Promise.all([
      selectRows(db, 'service_area', anyOf('service_id', serviceIds)),
      selectRows(db, 'service_at_location', anyOf('service_id', serviceIds)),
      selectRows(db, 'language', anyOf('service_id', serviceIds)),
      selectRows(db, 'funding', anyOf('service_id', serviceIds)),
      selectRows(db, 'cost_option', anyOf('service_id', serviceIds)),
      selectRows(db, 'required_document', anyOf('service_id', serviceIds)),
      selectRows(db, 'contact', sql`${anyOf('service_id', serviceIds)} and ${PUBLIC.contact}`),
      selectRows(db, 'phone', sql`${anyOf('service_id', serviceIds)} and ${PUBLIC.phone}`),
      selectRows(db, 'schedule', anyOf('service_id', serviceIds)),
      selectRows(db, 'metadata', anyOf('resource_id', serviceIds)),
    ]);
    const contactPhones = group(await selectRows(db, 'phone', sql`${anyOf('contact_id', ids(contacts.map((row) => row.id)))} and ${PUBLIC.phone}`), 'contact_id');
    const locations = await locationsNested(ids(sals.map((row) => row.location_id)));
    const { byLink, termById } = await attributesOf(serviceIds);
    const by = Object.fromEntries(
      Object.entries({ serviceAreas, sals, languages, funding, costOptions, documents, contacts, phones, schedules }).map(([key, list]) => [key, group(list, 'service_id')]),
    ) as Record<string, Map<string, Record<string, string>[]>>;
    const metadataByResource = group(metadata, 'resource_id');
    const of = (key: string, id: string) => by[key]!.get(id) ?? [];
    return rows.map((row) => {
      const id = row.id!;
      return {
        ...base(row),
        service_areas: of('serviceAreas', id).map((r) => json('service_area', r)),
        service_at_locations: of('sals', id).map((r) => ({ ...json('service_at_location', r), ...(locations.has(r.location_id!) ? { location: locations.get(r.location_id!) } : {}) })),
        languages: of('languages', id).map((r) => json('language', r)),
        funding: of('funding', id).map((r) => json('funding', r)),
        cost_options: of('costOptions', id).map((r) => json('cost_option', r)),
        required_documents: of('documents', id).map((r) => json('required_document', r)),
        contacts: of('contacts', id).map((r) => ({ ...json('contact', r), phones: (contactPhones.get(r.id!) ?? []).map((p) => json('phone', p)) })),
        phones: of('phones', id).map((r) => json('phone', r)),
        schedules: of('schedules', id).map((r) => json('schedule', r)),
        attributes: (byLink.get(id) ?? []).map((r) => ({ ...json('attribute', r), ...(termById.has(r.taxonomy_term_id!) ? { taxonomy_term: termById.get(r.taxonomy_term_id!) } : {}) })),
        metadata: (metadataByResource.get(id) ?? []).map((r) => json('metadata', r)),
      };
    });
  }

  function serviceFilters(query: HsdsListQuery, searchIds: string[] | null, alias = 's') {
    const s = (column: string) => sql.ref(`${alias}.${column}`);
    const conditions: RawBuilder<unknown>[] = [sql`true`];
    if (query.search) {
      // The directory's own search (stemming, accents, spelling), in the reader's language.
      conditions.push(sql`${s('id')} = any(${searchIds ?? []}::uuid[])`);
    }
    if (query.taxonomy_term_id) conditions.push(sql`exists (select 1 from hsds_attribute a where a.link_id = ${s('id')} and a.taxonomy_term_id::text = ${query.taxonomy_term_id})`);
    if (query.taxonomy_id) {
      conditions.push(sql`exists (select 1 from hsds_attribute a join hsds_taxonomy_term t on t.id = a.taxonomy_term_id
        where a.link_id = ${s('id')} and t.taxonomy_id::text = ${query.taxonomy_id})`);
    }
    if (query.organization_id) conditions.push(sql`${s('organization_id')}::text = ${query.organization_id}`);
    if (query.modified_after) conditions.push(sql`${s('last_modified')} >= ${query.modified_after}::timestamptz`);
    return sql.join(conditions, sql` and `);
  }

  return {
    meta: (publicUrl: string) => ({
      version: '3.0',
      profile: `${publicUrl.replace(/\/$/, '')}/api/hsds/v3/profile`,
      openapi_url: `${publicUrl.replace(/\/$/, '')}/api/hsds/v3/openapi.json`,
    }),

    async listServices(query: HsdsListQuery, locale: Locale) {
      const where = serviceFilters(query, query.search ? await directoryRepository(db).matchingIds(query.search, locale) : null);
      if (query.minimal) {
        const { rows } = await sql<{ id: string; lastModified: string | null }>`
          select s.id::text as id, to_json(s.last_modified) #>> '{}' as last_modified from hsds_service s where ${where} order by s.id`.execute(db);
        const contents = rows.map((row) => ({ id: row.id, ...(row.lastModified ? { last_modified: row.lastModified } : {}) }));
        return { total_items: contents.length, total_pages: 1, page_number: 1, size: contents.length, first_page: true, last_page: true, empty: contents.length === 0, contents };
      }
      return page(
        sql<{ n: number }>`select count(*)::int as n from hsds_service s where ${where}`,
        (limit, offset) => sql<{ id: string }>`select s.id::text as id from hsds_service s where ${where} order by s.id limit ${limit} offset ${offset}`,
        query,
        (found) => services(found, Boolean(query.full)),
      );
    },

    async getService(id: string) {
      const [service] = await services([id], true);
      if (!service) throw new NotFoundError('directory.service_not_found', { id });
      return service;
    },

    async listServiceAtLocations(query: HsdsListQuery, locale: Locale) {
      const conditions: RawBuilder<unknown>[] = [serviceFilters(query, query.search ? await directoryRepository(db).matchingIds(query.search, locale) : null)];
      if (query.postcode && !query.proximity) {
        conditions.push(sql`exists (select 1 from hsds_address a where a.location_id = sal.location_id and a.postal_code = ${query.postcode})`);
      }
      if (query.postcode && query.proximity) {
        // Within `proximity` metres of the centroid of the locations that have this postcode.
        conditions.push(sql`exists (
          select 1 from hsds_location l,
            (select avg(l2.latitude) as lat, avg(l2.longitude) as lon from hsds_location l2 join hsds_address a2 on a2.location_id = l2.id
             where a2.postal_code = ${query.postcode} and l2.latitude is not null) c
          where l.id = sal.location_id and c.lat is not null and l.latitude is not null
            and 12742000 * asin(least(1, sqrt(power(sin(radians(l.latitude - c.lat) / 2), 2)
              + cos(radians(c.lat)) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - c.lon) / 2), 2)))) <= ${Number(query.proximity)})`);
      }
      const where = sql.join(conditions, sql` and `);
      return page(
        sql<{ n: number }>`select count(*)::int as n from hsds_service_at_location sal join hsds_service s on s.id = sal.service_id where ${where}`,
        (limit, offset) => sql<{ id: string }>`select sal.id::text as id from hsds_service_at_location sal join hsds_service s on s.id = sal.service_id where ${where} order by sal.id limit ${limit} offset ${offset}`,
        query,
        (found) => this.serviceAtLocations(found, Boolean(query.full)),
      );
    },

    async serviceAtLocations(salIds: string[], full: boolean) {
      if (salIds.length === 0) return [];
      const rows = await selectRows(db, 'service_at_location', anyOf('id', salIds));
      const servicesById = new Map((await services(ids(rows.map((row) => row.service_id)), full)).map((service) => [service.id as string, service]));
      const locations = await locationsNested(ids(rows.map((row) => row.location_id)));
      const [phones, schedules, contacts] = await Promise.all([
        selectRows(db, 'phone', sql`${anyOf('service_at_location_id', salIds)} and ${PUBLIC.phone}`),
        selectRows(db, 'schedule', anyOf('service_at_location_id', salIds)),
        selectRows(db, 'contact', sql`${anyOf('service_at_location_id', salIds)} and ${PUBLIC.contact}`),
      ]);
      const [byPhone, bySchedule, byContact] = [phones, schedules, contacts].map((list) => group(list, 'service_at_location_id'));
      return rows.map((row) => ({
        ...json('service_at_location', row),
        ...(servicesById.has(row.service_id!) ? { service: servicesById.get(row.service_id!) } : {}),
        ...(locations.has(row.location_id!) ? { location: locations.get(row.location_id!) } : {}),
        ...(full
          ? {
              phones: (byPhone!.get(row.id!) ?? []).map((r) => json('phone', r)),
              schedules: (bySchedule!.get(row.id!) ?? []).map((r) => json('schedule', r)),
              contacts: (byContact!.get(row.id!) ?? []).map((r) => json('contact', r)),
            }
          : {}),
      }));
    },

    async getServiceAtLocation(id: string) {
      const [found] = await this.serviceAtLocations([id], true);
      if (!found) throw new NotFoundError('not_found', { id });
      return found;
    },

    async listOrganizations(query: HsdsListQuery) {
      const where = query.search
        ? sql`(f_unaccent(lower(o.name)) like ${`%${query.search.toLowerCase().normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/[%_\\]/g, (c) => `\\${c}`)}%`}
               or public.word_similarity(lower(f_unaccent(${query.search})), lower(f_unaccent(o.name))) > 0.6)`
        : sql`true`;
      return page(
        sql<{ n: number }>`select count(*)::int as n from hsds_organization o where ${where}`,
        (limit, offset) => sql<{ id: string }>`select o.id::text as id from hsds_organization o where ${where} order by o.id limit ${limit} offset ${offset}`,
        query,
        (found) => this.organizations(found, Boolean(query.full), Boolean(query.full_service)),
      );
    },

    async organizations(organizationIds: string[], full: boolean, fullService: boolean) {
      if (organizationIds.length === 0) return [];
      const rows = await selectRows(db, 'organization', anyOf('id', organizationIds));
      const serviceRows = await selectRows(db, 'service', anyOf('organization_id', organizationIds));
      const nestedServices = fullService ? new Map((await services(serviceRows.map((row) => row.id!), true)).map((service) => [service.id as string, service])) : null;
      const servicesByOrganization = group(serviceRows, 'organization_id');
      const serviceList = (organizationId: string) =>
        (servicesByOrganization.get(organizationId) ?? []).map((row) => nestedServices?.get(row.id!) ?? json('service', row));
      if (!full) return rows.map((row) => ({ ...json('organization', row), services: serviceList(row.id!) }));
      const [phones, contacts, locations, programs, identifiers, funding] = await Promise.all([
        selectRows(db, 'phone', sql`${anyOf('organization_id', organizationIds)} and ${PUBLIC.phone}`),
        selectRows(db, 'contact', sql`${anyOf('organization_id', organizationIds)} and ${PUBLIC.contact}`),
        selectRows(db, 'location', anyOf('organization_id', organizationIds)),
        selectRows(db, 'program', anyOf('organization_id', organizationIds)),
        selectRows(db, 'organization_identifier', anyOf('organization_id', organizationIds)),
        selectRows(db, 'funding', anyOf('organization_id', organizationIds)),
      ]);
      const nestedLocations = await locationsNested(locations.map((row) => row.id!));
      const { byLink, termById } = await attributesOf(organizationIds);
      const [byPhone, byContact, byLocation, byProgram, byIdentifier, byFunding] = [phones, contacts, locations, programs, identifiers, funding].map((list) => group(list, 'organization_id'));
      return rows.map((row) => {
        const id = row.id!;
        return {
          ...json('organization', row),
          services: serviceList(id),
          phones: (byPhone!.get(id) ?? []).map((r) => json('phone', r)),
          contacts: (byContact!.get(id) ?? []).map((r) => json('contact', r)),
          locations: (byLocation!.get(id) ?? []).map((r) => nestedLocations.get(r.id!) ?? json('location', r)),
          programs: (byProgram!.get(id) ?? []).map((r) => json('program', r)),
          organization_identifiers: (byIdentifier!.get(id) ?? []).map((r) => json('organization_identifier', r)),
          funding: (byFunding!.get(id) ?? []).map((r) => json('funding', r)),
          attributes: (byLink.get(id) ?? []).map((r) => ({ ...json('attribute', r), ...(termById.has(r.taxonomy_term_id!) ? { taxonomy_term: termById.get(r.taxonomy_term_id!) } : {}) })),
        };
      });
    },

    async getOrganization(id: string, fullService: boolean) {
      const [found] = await this.organizations([id], true, fullService);
      if (!found) throw new NotFoundError('directory.organization_not_found', { id });
      return found;
    },

    async listTaxonomies(query: HsdsListQuery) {
      const where = query.search ? sql`public.word_similarity(lower(f_unaccent(${query.search})), lower(f_unaccent(t.name || ' ' || t.description))) > 0.5` : sql`true`;
      return page(
        sql<{ n: number }>`select count(*)::int as n from hsds_taxonomy t where ${where}`,
        (limit, offset) => sql<{ id: string }>`select t.id::text as id from hsds_taxonomy t where ${where} order by t.id limit ${limit} offset ${offset}`,
        query,
        async (found) => (await selectRows(db, 'taxonomy', anyOf('id', found))).map((row) => json('taxonomy', row)),
      );
    },

    async getTaxonomy(id: string) {
      const [row] = await selectRows(db, 'taxonomy', sql`t.id::text = ${id}`);
      if (!row) throw new NotFoundError('not_found', { id });
      return json('taxonomy', row);
    },

    async listTaxonomyTerms(query: HsdsListQuery) {
      const conditions: RawBuilder<unknown>[] = [sql`true`];
      if (query.search) conditions.push(sql`public.word_similarity(lower(f_unaccent(${query.search})), lower(f_unaccent(t.name || ' ' || coalesce(t.code, '')))) > 0.5`);
      if (query.taxonomy_id) conditions.push(sql`t.taxonomy_id::text = ${query.taxonomy_id}`);
      if (query.parent_id) conditions.push(sql`t.parent_id::text = ${query.parent_id}`);
      // "top_only: terms that have no child terms", as the specification words it.
      if (query.top_only) conditions.push(sql`not exists (select 1 from hsds_taxonomy_term c where c.parent_id = t.id)`);
      const where = sql.join(conditions, sql` and `);
      return page(
        sql<{ n: number }>`select count(*)::int as n from hsds_taxonomy_term t where ${where}`,
        (limit, offset) => sql<{ id: string }>`select t.id::text as id from hsds_taxonomy_term t where ${where} order by t.code, t.id limit ${limit} offset ${offset}`,
        query,
        async (found) => {
          const rows = await selectRows(db, 'taxonomy_term', anyOf('id', found));
          const order = new Map(found.map((id, index) => [id, index]));
          return rows.sort((a, b) => order.get(a.id!)! - order.get(b.id!)!).map((row) => json('taxonomy_term', row));
        },
      );
    },

    async getTaxonomyTerm(id: string) {
      const [row] = await selectRows(db, 'taxonomy_term', sql`t.id::text = ${id}`);
      if (!row) throw new NotFoundError('not_found', { id });
      const [taxonomy] = row.taxonomy_id ? await selectRows(db, 'taxonomy', sql`t.id = ${row.taxonomy_id}::uuid`) : [];
      return { ...json('taxonomy_term', row), ...(taxonomy ? { taxonomy_detail: json('taxonomy', taxonomy) } : {}) };
    },
  };
}

export type HsdsApiService = ReturnType<typeof createHsdsApiService>;
