import type {
  DirectorySearchQuery,
  FlagCreateBody,
  EditableOrganizationList,
  Locale,
  LocationCreateBody,
  LocationUpdateBody,
  PostalAddressBody,
  ReviewList,
  ServiceCreateBody,
  ServiceDetailView,
  ServiceSearchResult,
  ServiceUpdateBody,
  TargetGroup,
} from '@glocal/contracts';
import { sql } from 'kysely';
import type { Access } from '../../platform/access/access.js';
import type { ResourceScope } from '../../platform/access/policies/index.js';
import type { Actor } from '../../platform/auth/actor.js';
import { changedFields, type AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { BadRequestError, NotFoundError } from '../../platform/errors/app-error.js';
import { snakeCase } from '../../platform/db/column-names.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import { directoryDetailRepository } from './directory-detail.repository.js';
import { directoryRepository, type SearchRow } from './directory.repository.js';
import { serviceListsSnapshot, writeServiceLists } from './service-lists.js';

type Request = { ip?: string; id?: string };
type Deps = { db: Database; access: Access; audit: AuditTrail };
export type DirectoryService = ReturnType<typeof createDirectoryService>;

const keyset = (cursor: string | undefined) => (cursor ? (decodeCursor(cursor, 2).map(String) as [string, string]) : undefined);
const TRANSLATED_SERVICE_FIELDS = ['name', 'description', 'eligibilityDescription', 'applicationProcess', 'feesDescription', 'alert'] as const;

export function createDirectoryService({ db, access, audit }: Deps) {
  async function serviceScope(executor: Executor, serviceId: string): Promise<ResourceScope & { territoryId: string | null }> {
    const row = await sql<{ ownerOrganisationId: string | null; territoryId: string | null }>`
      select o.organisation_id as owner_organisation_id, s.territory_id
      from hsds_service s join hsds_organization o on o.id = s.organization_id where s.id = ${serviceId}`.execute(executor);
    const found = row.rows[0];
    if (!found) throw new NotFoundError('directory.service_not_found', { id: serviceId });
    return {
      organisationId: found.ownerOrganisationId,
      organisationIds: await directoryRepository(executor).organisationsReaching(found.territoryId),
      subject: { type: 'hsds_service', id: serviceId },
      territoryId: found.territoryId,
    };
  }

  async function withTerms(rows: SearchRow[], locale: Locale) {
    const terms = await directoryRepository(db).termsOf(rows.map((row) => row.id), locale);
    return (row: SearchRow) => ({
      id: row.id,
      name: row.name,
      description: row.description,
      organizationId: row.organizationId,
      organizationName: row.organizationName,
      status: row.status as ServiceDetailView['status'],
      terms: terms.filter((term) => term.serviceId === row.id).map(({ id, code, name }) => ({ id, code, name })),
      location: row.latitude !== null && row.longitude !== null ? { latitude: row.latitude, longitude: row.longitude, city: row.city } : null,
      distanceKm: row.distanceKm === null ? null : Math.round(row.distanceKm * 100) / 100,
      lastVerified: row.lastVerified,
      stale: row.stale,
    });
  }

  async function detail(actor: Actor | null, id: string, locale: Locale): Promise<ServiceDetailView> {
    const repository = directoryDetailRepository(db);
    const row = await repository.service(id, locale);
    if (!row) throw new NotFoundError('directory.service_not_found', { id });
    const [terms, requiredDocuments, schedules, languages, costs, locations, phones] = await Promise.all([
      directoryRepository(db).termsOf([id], locale),
      repository.requiredDocuments(id, locale),
      repository.schedules(id, locale),
      repository.languages(id),
      repository.costs(id, locale),
      repository.locations(id, locale),
      repository.phones(id),
    ]);
    const first = locations.find((location) => location.latitude !== null);
    const scope = actor ? await serviceScope(db, id) : undefined;
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      organizationId: row.organizationId,
      organizationName: row.organizationName,
      status: row.status as ServiceDetailView['status'],
      terms: terms.map(({ id: termId, code, name }) => ({ id: termId, code, name })),
      location: first ? { latitude: first.latitude!, longitude: first.longitude!, city: null } : null,
      distanceKm: null,
      lastVerified: row.lastVerified,
      stale: row.stale,
      alternateName: row.alternateName,
      eligibility: row.eligibility,
      applicationProcess: row.applicationProcess,
      feesDescription: row.feesDescription,
      alert: row.alert,
      url: row.url,
      email: row.email,
      territoryId: row.territoryId,
      requiredDocuments,
      schedules,
      languages,
      costs,
      locations,
      contacts: [
        ...phones.map((phone) => ({ kind: 'phone' as const, value: phone.number, label: phone.description })),
        ...(row.email ? [{ kind: 'email' as const, value: row.email, label: null }] : []),
        ...(row.url ? [{ kind: 'website' as const, value: row.url, label: null }] : []),
      ],
      profile: {
        diasporaEligible: row.diasporaEligible,
        returneeEligible: row.returneeEligible,
        loanMin: row.loanMin,
        loanMax: row.loanMax,
        loanCurrency: row.loanCurrency,
        collateralRequired: row.collateralRequired,
        interestMin: row.interestMin,
        interestMax: row.interestMax,
        targetGroups: row.targetGroups as TargetGroup[],
        staffLanguages: row.staffLanguages,
      },
      openFlags: row.openFlags,
      canEdit: Boolean(actor && scope && access.can(actor, 'directory:edit', scope)),
    };
  }

  async function checkTerms(executor: Executor, termIds: string[]) {
    if (termIds.length === 0) return;
    const { rows } = await sql<{ id: string }>`select id from hsds_taxonomy_term where id = any(${termIds}::uuid[])`.execute(executor);
    const known = new Set(rows.map((row) => row.id));
    const unknown = termIds.filter((termId) => !known.has(termId));
    if (unknown.length > 0) throw new BadRequestError('directory.taxonomy_term_unknown', { ids: unknown });
  }

  async function setTerms(executor: Executor, serviceId: string, termIds: string[]) {
    await sql`delete from hsds_attribute where link_id = ${serviceId} and link_entity = 'service'`.execute(executor);
    for (const termId of [...new Set(termIds)]) {
      await sql`insert into hsds_attribute (link_id, taxonomy_term_id, link_type, link_entity) values (${serviceId}, ${termId}, 'service_category', 'service')`.execute(executor);
    }
  }

  /** The audited shape of a service: its source row, translations, profile and terms. */
  async function snapshot(executor: Executor, serviceId: string) {
    const { rows } = await sql<Record<string, unknown>>`
      select s.name, s.description, s.eligibility_description, s.application_process, s.fees_description, s.alert, s.status, s.url, s.email,
        s.territory_id, s.last_verified::text as last_verified, s.diaspora_eligible, s.returnee_eligible, s.loan_min::text as loan_min,
        s.loan_max::text as loan_max, s.loan_currency, s.collateral_required, s.interest_min::text as interest_min,
        s.interest_max::text as interest_max, s.target_groups, s.staff_languages, s.source_locale,
        coalesce((select jsonb_object_agg(t.locale, jsonb_strip_nulls(to_jsonb(t) - 'service_id' - 'locale'))
          from hsds_service_translation t where t.service_id = s.id), '{}'::jsonb) as translations,
        array(select a.taxonomy_term_id::text from hsds_attribute a where a.link_id = s.id and a.link_entity = 'service' order by 1) as taxonomy_term_ids,
        ${serviceListsSnapshot(sql.ref('s.id'))}
      from hsds_service s where s.id = ${serviceId}`.execute(executor);
    return rows[0]!;
  }

  async function writeTexts(executor: Executor, serviceId: string, locale: Locale, texts: Partial<Record<(typeof TRANSLATED_SERVICE_FIELDS)[number], string | null>>) {
    const entries = Object.entries(texts).filter(([, value]) => value !== undefined);
    if (entries.length === 0) return;
    const source = await sql<{ sourceLocale: string }>`select source_locale from hsds_service where id = ${serviceId}`.execute(executor);
    if (source.rows[0]!.sourceLocale === locale) {
      // The source row holds HSDS's required fields: a name can change but never become empty.
      await sql`update hsds_service set ${sql.join(entries.map(([field, value]) => sql`${sql.ref(snakeCase(field))} = ${value}`))} where id = ${serviceId}`.execute(executor);
      return;
    }
    const columns = entries.map(([field]) => sql.ref(snakeCase(field)));
    await sql`
      insert into hsds_service_translation (service_id, locale, ${sql.join(columns)})
      values (${serviceId}, ${locale}, ${sql.join(entries.map(([, value]) => sql`${value}`))})
      on conflict (service_id, locale) do update set ${sql.join(entries.map(([field]) => sql`${sql.ref(snakeCase(field))} = excluded.${sql.ref(snakeCase(field))}`))}`.execute(executor);
  }


  /** Writes a change to a service (texts in `input.locale`, the rest as given), checking its ranges; the caller audits. */
  async function writeChanges(executor: Executor, id: string, input: ServiceUpdateBody) {
    const { locale, verified, taxonomyTermIds, requiredDocuments, costs, languages, ...fields } = input;
    const texts = Object.fromEntries(TRANSLATED_SERVICE_FIELDS.filter((field) => field in fields).map((field) => [field, fields[field]]));
    await writeTexts(executor, id, locale, texts);
    const plain = Object.entries(fields).filter(([field, value]) => value !== undefined && !(TRANSLATED_SERVICE_FIELDS as readonly string[]).includes(field));
    const sets = [
      ...plain.map(([field, value]) => sql`${sql.ref(snakeCase(field))} = ${Array.isArray(value) ? sql`${value}::text[]` : value}`),
      sql`last_modified = now()`,
      sql`updated_at = now()`,
      ...(verified ? [sql`last_verified = current_date`] : []),
    ];
    // A range is checked against what is stored, so that changing one end alone cannot invert it.
    const ends = ['loanMin', 'loanMax', 'interestMin', 'interestMax'] as const;
    if (ends.some((field) => field in fields)) {
      const end = (field: (typeof ends)[number]) => (field in fields ? sql`${fields[field] ?? null}::numeric` : sql.ref(snakeCase(field)));
      const { rows: inverted } = await sql<{ field: string }>`
        select field from hsds_service, lateral (values
          ('/loanMax', ${end('loanMin')} > ${end('loanMax')}), ('/interestMax', ${end('interestMin')} > ${end('interestMax')})) as ranges(field, wrong)
         where id = ${id} and wrong`.execute(executor);
      if (inverted.length > 0) throw new BadRequestError('validation_failed', {}, inverted.map(({ field }) => ({ pointer: field, in: 'body' as const, code: 'too_small' })));
    }
    await sql`update hsds_service set ${sql.join(sets)} where id = ${id}`.execute(executor);
    if (taxonomyTermIds) await setTerms(executor, id, taxonomyTermIds);
    await writeServiceLists(executor, id, locale, { requiredDocuments, costs, languages });
    return { verified, fields: { ...fields, ...(requiredDocuments && { requiredDocuments }), ...(costs && { costs }), ...(languages && { languages }) } };
  }

  /** Who may change a place: its organisation's staff, and the desks and officers of its territory (else 404). */
  async function locationEditor(actor: Actor | null, id: string, request: Request) {
    const found = await directoryDetailRepository(db).locationScope(id);
    if (!found) throw new NotFoundError('directory.location_not_found', { id });
    const scope = {
      organisationId: found.ownerOrganisationId,
      organisationIds: await directoryRepository(db).organisationsReaching(found.territoryId),
      subject: { type: 'hsds_location', id },
    };
    const editor = await access.require(actor, 'directory:edit', scope, { whenDenied: 'not_found', request });
    return { editor, found };
  }

  /** The audited shape of a location: its source row, translations and physical address. */
  async function locationSnapshot(executor: Executor, id: string) {
    return (
      await sql<Record<string, unknown>>`
        select l.name, l.description, l.transportation, l.latitude, l.longitude, l.source_locale,
          coalesce((select jsonb_object_agg(t.locale, jsonb_strip_nulls(to_jsonb(t) - 'location_id' - 'locale'))
            from hsds_location_translation t where t.location_id = l.id), '{}'::jsonb) as translations,
          (select jsonb_build_object('address1', a.address1, 'address2', a.address2, 'city', a.city, 'state_province', a.state_province,
             'postal_code', a.postal_code, 'country', a.country)
           from hsds_address a where a.location_id = l.id and a.address_type = 'physical' order by a.id limit 1) as address
        from hsds_location l where l.id = ${id}`.execute(executor)
    ).rows[0]!;
  }

  /** Sets a location's physical address (the first one, if it has several), or removes them all (null). */
  async function writeAddress(executor: Executor, locationId: string, address: PostalAddressBody | null) {
    if (address === null) {
      await sql`delete from hsds_address where location_id = ${locationId} and address_type = 'physical'`.execute(executor);
      return;
    }
    const values = [address.address1, address.address2 ?? null, address.city, address.stateProvince, address.postalCode, address.country] as const;
    const { rows } = await sql<{ id: string }>`
      update hsds_address set address1 = ${values[0]}, address2 = ${values[1]}, city = ${values[2]}, state_province = ${values[3]},
        postal_code = ${values[4]}, country = ${values[5]}, updated_at = now()
      where id = (select id from hsds_address where location_id = ${locationId} and address_type = 'physical' order by id limit 1)
      returning id`.execute(executor);
    if (rows.length === 0) {
      await sql`
        insert into hsds_address (location_id, address1, address2, city, state_province, postal_code, country, address_type)
        values (${locationId}, ${values[0]}, ${values[1]}, ${values[2]}, ${values[3]}, ${values[4]}, ${values[5]}, 'physical')`.execute(executor);
    }
  }

  /** A location as the service page shows it, its texts in `locale`. */
  async function locationView(executor: Executor, id: string, locale: Locale) {
    const found = await directoryDetailRepository(executor).location(id, locale);
    if (!found) throw new NotFoundError('directory.location_not_found', { id });
    return found;
  }

  return {
    async search(query: DirectorySearchQuery, locale: Locale): Promise<ServiceSearchResult> {
      const after = query.cursor ? decodeCursor(query.cursor, 3) : undefined;
      const { rows, spelling } = await directoryRepository(db).search(
        { ...query, locale },
        after ? { key: [String(after[0]), String(after[1])], spelling: after[2] === 1 } : undefined,
        query.limit + 1,
      );
      const toItem = await withTerms(rows.slice(0, query.limit), locale);
      return toPage(rows, query.limit, (row) => [row.sortKey, row.id, spelling ? 1 : 0], toItem);
    },

    async mapPoints(query: DirectorySearchQuery, locale: Locale) {
      const points = await directoryRepository(db).mapPoints({ ...query, locale });
      return { points };
    },

    get: (actor: Actor | null, id: string, locale: Locale) => detail(actor, id, locale),

    async taxonomy(locale: Locale) {
      const { rows } = await sql<{ id: string; code: string | null; name: string; description: string; parentId: string | null }>`
        select t.id, t.code, coalesce(tr.name, t.name) as name, coalesce(tr.description, t.description) as description, t.parent_id
        from hsds_taxonomy_term t
        left join hsds_taxonomy_term_translation tr on tr.taxonomy_term_id = t.id and tr.locale = ${locale}
        order by t.code nulls last, t.id`.execute(db);
      return { items: rows, nextCursor: null };
    },

    async create(actor: Actor | null, input: ServiceCreateBody, request: Request) {
      const organization = await sql<{ ownerOrganisationId: string | null; territoryId: string | null }>`
        select organisation_id as owner_organisation_id, territory_id from hsds_organization where id = ${input.organizationId}`.execute(db);
      const found = organization.rows[0];
      if (!found) throw new NotFoundError('directory.organization_not_found', { id: input.organizationId });
      const territoryId = input.territoryId ?? found.territoryId;
      const scope = { organisationId: found.ownerOrganisationId, organisationIds: await directoryRepository(db).organisationsReaching(territoryId) };
      const editor = await access.require(actor, 'directory:edit', scope, { whenDenied: 'not_found', request });
      return db.transaction().execute(async (trx) => {
        await checkTerms(trx, input.taxonomyTermIds);
        const { organizationId: _organizationId, name, description, status, territoryId: _territoryId, ...rest } = input;
        const { rows } = await sql<{ id: string }>`
          insert into hsds_service (organization_id, name, description, status, territory_id, source_locale, last_modified, last_verified)
          values (${input.organizationId}, ${name}, ${description ?? null}, ${status}, ${territoryId}, ${input.locale}, now(), current_date)
          returning id`.execute(trx);
        const id = rows[0]!.id;
        // The other fields as a change would write them (the texts go to the source row: same locale).
        await writeChanges(trx, id, rest);
        await directoryRepository(trx).refreshSearch([id]);
        await audit.record(trx, {
          actor: editor,
          action: 'directory.service_created',
          subject: { type: 'hsds_service', id },
          organisationId: found.ownerOrganisationId,
          details: { changes: changedFields(undefined, await snapshot(trx, id)) },
          request,
        });
        return id;
      });
    },

    async update(actor: Actor | null, id: string, input: ServiceUpdateBody, request: Request) {
      const scope = await serviceScope(db, id);
      const editor = await access.require(actor, 'directory:edit', scope, { whenDenied: 'not_found', request });
      if (input.territoryId) {
        // Moving a service: the new territory must be one the editor reaches too.
        const target = { organisationId: scope.organisationId, organisationIds: await directoryRepository(db).organisationsReaching(input.territoryId) };
        await access.require(editor, 'directory:edit', target, { request });
      }
      await db.transaction().execute(async (trx) => {
        const before = await snapshot(trx, id);
        if (input.taxonomyTermIds) await checkTerms(trx, input.taxonomyTermIds);
        const { verified, fields } = await writeChanges(trx, id, input);
        if (verified) await sql`update directory_flag set resolved_at = now(), resolved_by = ${editor.userId} where entity_type = 'service' and entity_id = ${id} and resolved_at is null`.execute(trx);
        await directoryRepository(trx).refreshSearch([id]);
        await audit.record(trx, {
          actor: editor,
          action: verified && Object.keys(fields).length === 0 ? 'directory.service_verified' : 'directory.service_updated',
          subject: { type: 'hsds_service', id },
          organisationId: scope.organisationId ?? null,
          details: { changes: changedFields(before, await snapshot(trx, id)) },
          request,
        });
      });
      return detail(editor, id, input.locale);
    },

    /**
     * The organizations the actor may add services to, each with the territory a new service would
     * get: the organization's own if the actor reaches it, else the first of the actor's organisations'
     * territories where the access policy allows it (desk staff add services in their territories).
     */
    async editableOrganizations(actor: Actor | null, locale: Locale): Promise<EditableOrganizationList> {
      const editor = await access.require(actor, 'directory:edit');
      const { rows } = await sql<{ id: string; name: string; territoryId: string | null; ownerOrganisationId: string | null }>`
        select o.id, coalesce(tr.name, o.name) as name, o.territory_id, o.organisation_id as owner_organisation_id
        from hsds_organization o left join hsds_organization_translation tr on tr.organization_id = o.id and tr.locale = ${locale}
        order by 2, o.id`.execute(db);
      const ownIds = editor.memberships.flatMap((membership) => (membership.organisationId ? [membership.organisationId] : []));
      // The actor's organisations' home territories first, then those they serve.
      const { rows: own } = await sql<{ territoryId: string }>`
        select territory_id from (
          select home_territory_id as territory_id, 0 as rank from organisation where id = any(${ownIds}::uuid[]) and home_territory_id is not null
          union select territory_id, 1 from organisation_territory where organisation_id = any(${ownIds}::uuid[])
        ) found order by rank, territory_id`.execute(db);
      const reaching = new Map<string | null, string[]>();
      const reach = async (territoryId: string | null) => {
        if (!reaching.has(territoryId)) reaching.set(territoryId, await directoryRepository(db).organisationsReaching(territoryId));
        return reaching.get(territoryId)!;
      };
      const items = [];
      for (const row of rows) {
        for (const territoryId of [...new Set([row.territoryId, ...own.map((territory) => territory.territoryId)])]) {
          if (access.can(editor, 'directory:edit', { organisationId: row.ownerOrganisationId, organisationIds: await reach(territoryId) })) {
            items.push({ id: row.id, name: row.name, territoryId });
            break;
          }
        }
      }
      return { items, nextCursor: null };
    },

    /** Adds a location to a service (where it is offered): audited, the service's search rows refreshed. */
    async createLocation(actor: Actor | null, serviceId: string, input: LocationCreateBody, request: Request) {
      const scope = await serviceScope(db, serviceId);
      const editor = await access.require(actor, 'directory:edit', scope, { whenDenied: 'not_found', request });
      return db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ id: string }>`
          insert into hsds_location (location_type, organization_id, name, description, transportation, latitude, longitude, territory_id, source_locale)
          select 'physical', s.organization_id, ${input.name ?? null}, ${input.description ?? null}, ${input.transportation ?? null},
            ${input.latitude ?? null}::double precision, ${input.longitude ?? null}::double precision, s.territory_id, ${input.locale}
          from hsds_service s where s.id = ${serviceId}
          returning id`.execute(trx);
        const id = rows[0]!.id;
        await sql`insert into hsds_service_at_location (service_id, location_id) values (${serviceId}, ${id})`.execute(trx);
        if (input.address) await writeAddress(trx, id, input.address);
        await sql`update hsds_service set last_modified = now() where id = ${serviceId}`.execute(trx);
        await directoryRepository(trx).refreshSearch([serviceId]);
        await audit.record(trx, {
          actor: editor,
          action: 'directory.location_created',
          subject: { type: 'hsds_location', id },
          organisationId: scope.organisationId ?? null,
          details: { serviceId, changes: changedFields(undefined, await locationSnapshot(trx, id)) },
          request,
        });
        return locationView(trx, id, input.locale);
      });
    },

    async updateLocation(actor: Actor | null, id: string, input: LocationUpdateBody, request: Request) {
      const { editor, found } = await locationEditor(actor, id, request);
      return db.transaction().execute(async (trx) => {
        const read = () => locationSnapshot(trx, id);
        const before = await read();
        const { locale, latitude, longitude, address, ...texts } = input;
        const entries = Object.entries(texts).filter(([, value]) => value !== undefined);
        if (entries.length > 0) {
          if (before.source_locale === locale) {
            await sql`update hsds_location set ${sql.join(entries.map(([field, value]) => sql`${sql.ref(field)} = ${value}`))} where id = ${id}`.execute(trx);
          } else {
            await sql`
              insert into hsds_location_translation (location_id, locale, ${sql.join(entries.map(([field]) => sql.ref(field)))})
              values (${id}, ${locale}, ${sql.join(entries.map(([, value]) => sql`${value}`))})
              on conflict (location_id, locale) do update set ${sql.join(entries.map(([field]) => sql`${sql.ref(field)} = excluded.${sql.ref(field)}`))}`.execute(trx);
          }
        }
        if (latitude !== undefined) await sql`update hsds_location set latitude = ${latitude}, longitude = ${longitude ?? null}, updated_at = now() where id = ${id}`.execute(trx);
        if (address !== undefined) await writeAddress(trx, id, address);
        // A location's services changed too, for HSDS consumers polling `modified_after`.
        const { rows: served } = await sql<{ id: string }>`
          update hsds_service set last_modified = now() where id in (select service_id from hsds_service_at_location where location_id = ${id}) returning id`.execute(trx);
        // Their search rows carry the location's coordinates.
        await directoryRepository(trx).refreshSearch(served.map((row) => row.id));
        const after = await read();
        await audit.record(trx, {
          actor: editor,
          action: 'directory.location_updated',
          subject: { type: 'hsds_location', id },
          organisationId: found.ownerOrganisationId,
          details: { changes: changedFields(before, after) },
          request,
        });
        return locationView(trx, id, locale);
      });
    },

    /**
     * Removes a place, with its address, phones, hours and accessibility (the database cascades), and
     * its links to services, whose search rows and `last_modified` follow; open flags on it are
     * resolved. The audit trail keeps what it held.
     */
    async deleteLocation(actor: Actor | null, id: string, request: Request) {
      const { editor, found } = await locationEditor(actor, id, request);
      await db.transaction().execute(async (trx) => {
        const before = await locationSnapshot(trx, id);
        const { rows: served } = await sql<{ id: string }>`
          update hsds_service set last_modified = now() where id in (select service_id from hsds_service_at_location where location_id = ${id}) returning id`.execute(trx);
        // HSDS attributes point at their entity by id alone: no foreign key removes them.
        await sql`delete from hsds_attribute where link_id = ${id}`.execute(trx);
        await sql`delete from hsds_location where id = ${id}`.execute(trx);
        await directoryRepository(trx).refreshSearch(served.map((row) => row.id));
        await sql`update directory_flag set resolved_at = now(), resolved_by = ${editor.userId} where entity_type = 'location' and entity_id = ${id} and resolved_at is null`.execute(trx);
        await audit.record(trx, {
          actor: editor,
          action: 'directory.location_deleted',
          subject: { type: 'hsds_location', id },
          organisationId: found.ownerOrganisationId,
          details: { services: served.map((row) => row.id), changes: Object.fromEntries(Object.entries(before).map(([field, value]) => [field, { before: value, after: null }])) },
          request,
        });
      });
    },

    async flag(actor: Actor | null, input: FlagCreateBody, request: Request) {
      const table = { service: 'hsds_service', organization: 'hsds_organization', location: 'hsds_location', opportunity: 'directory_opportunity' }[input.entityType];
      const flagger = await access.require(actor, 'directory:flag', { subject: { type: table, id: input.entityId } }, { request });
      const exists = await sql`select 1 from ${sql.table(table)} where id = ${input.entityId}`.execute(db);
      if (exists.rows.length === 0) throw new NotFoundError('not_found', { entityType: input.entityType, id: input.entityId });
      return db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ id: string; createdAt: Date }>`
          insert into directory_flag (entity_type, entity_id, reason, flagged_by) values (${input.entityType}, ${input.entityId}, ${input.reason}, ${flagger.userId})
          returning id, created_at`.execute(trx);
        await audit.record(trx, {
          actor: flagger,
          action: 'directory.entry_flagged',
          subject: { type: table, id: input.entityId },
          details: { changes: changedFields(undefined, { reason: input.reason }) },
          request,
        });
        return { id: rows[0]!.id, entityType: input.entityType, entityId: input.entityId, reason: input.reason, createdAt: new Date(rows[0]!.createdAt).toISOString() };
      });
    },

    /**
     * Services to check: unverified for 12 months, or flagged. Owners see their organisation's;
     * desk staff and officers those in their territories; platform staff all.
     */
    async review(actor: Actor | null, query: { cursor?: string | undefined; limit: number }, locale: Locale): Promise<ReviewList> {
      const reviewer = await access.require(actor, 'directory:review');
      const platformWide = reviewer.memberships.some((membership) => membership.organisationId === null);
      const own = reviewer.memberships.flatMap((m) => (m.organisationId ? [m.organisationId] : []));
      const byTerritory = reviewer.memberships.flatMap((m) => (m.organisationId && ['coach', 'desk_manager', 'lra_officer'].includes(m.role) ? [m.organisationId] : []));
      const after = keyset(query.cursor);
      const { rows } = await sql<{ id: string; name: string; organizationName: string; lastVerified: string | null; stale: boolean; openFlags: number; flagReasons: string[]; sortKey: string }>`
        with recursive reach as (
          select o.home_territory_id as id from organisation o where o.id = any(${byTerritory}::uuid[])
          union select ot.territory_id from organisation_territory ot where ot.organisation_id = any(${byTerritory}::uuid[])
          union select t.id from territory t join reach on t.parent_id = reach.id
        )
        select * from (
          select s.id, coalesce(tr.name, s.name) as name, o.name as organization_name, s.last_verified::text as last_verified,
            (s.last_verified is null or s.last_verified < current_date - interval '12 months') as stale,
            (select count(*) from directory_flag f where f.entity_type = 'service' and f.entity_id = s.id and f.resolved_at is null)::int as open_flags,
            array(select f.reason from directory_flag f where f.entity_type = 'service' and f.entity_id = s.id and f.resolved_at is null order by f.created_at, f.id) as flag_reasons,
            coalesce(s.last_verified::text, '0000-00-00') as sort_key
          from hsds_service s
          join hsds_organization o on o.id = s.organization_id
          left join hsds_service_translation tr on tr.service_id = s.id and tr.locale = ${locale}
          where (${platformWide} or o.organisation_id = any(${own}::uuid[]) or s.territory_id in (select id from reach))
        ) found
        where (found.stale or found.open_flags > 0)
          ${after ? sql`and (found.sort_key, found.id) > (${after[0]}, ${after[1]}::uuid)` : sql``}
        order by found.sort_key, found.id
        limit ${query.limit + 1}`.execute(db);
      return toPage(rows, query.limit, (row) => [row.sortKey, row.id], ({ sortKey: _sortKey, ...row }) => row);
    },
  };
}
