import type { Locale } from '@glocal/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

type LocationRow = {
  id: string;
  name: string | null;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
  postalAddress: { address1: string; address2: string | null; city: string; stateProvince: string; postalCode: string; country: string } | null;
  transportation: string | null;
};

/** A location in the reader's language, with its (first) physical address on one line and field by field. */
const locationSelect = (locale: Locale) => sql`
  select l.id, coalesce(tr.name, l.name) as name, l.latitude, l.longitude,
    (select concat_ws(', ', a.address1, nullif(a.address2, ''), nullif(concat_ws(' ', nullif(a.postal_code, ''), a.city), ''), a.country)
       from hsds_address a where a.location_id = l.id and a.address_type = 'physical' order by a.id limit 1) as address,
    (select jsonb_build_object('address1', a.address1, 'address2', a.address2, 'city', a.city, 'stateProvince', a.state_province,
         'postalCode', a.postal_code, 'country', a.country)
       from hsds_address a where a.location_id = l.id and a.address_type = 'physical' order by a.id limit 1) as postal_address,
    coalesce(tr.transportation, l.transportation) as transportation
  from hsds_location l
  left join hsds_location_translation tr on tr.location_id = l.id and tr.locale = ${locale}`;

/** One service with everything its page shows, in the reader's language (source text as fallback). */
export const directoryDetailRepository = (db: Executor) => ({
  async service(id: string, locale: Locale) {
    const { rows } = await sql<{
      id: string; name: string; alternateName: string | null; description: string | null; eligibility: string | null;
      applicationProcess: string | null; feesDescription: string | null; alert: string | null; url: string | null; email: string | null;
      status: string; organizationId: string; organizationName: string; ownerOrganisationId: string | null; territoryId: string | null;
      lastVerified: string | null; stale: boolean; diasporaEligible: boolean | null; returneeEligible: boolean | null;
      loanMin: string | null; loanMax: string | null; loanCurrency: string | null; collateralRequired: boolean | null;
      interestMin: string | null; interestMax: string | null; targetGroups: string[]; staffLanguages: string[]; openFlags: number;
    }>`
      select s.id, coalesce(tr.name, s.name) as name, coalesce(tr.alternate_name, s.alternate_name) as alternate_name,
        coalesce(tr.description, s.description) as description,
        coalesce(tr.eligibility_description, s.eligibility_description) as eligibility,
        coalesce(tr.application_process, s.application_process) as application_process,
        coalesce(tr.fees_description, s.fees_description) as fees_description,
        coalesce(tr.alert, s.alert) as alert, s.url, s.email, s.status,
        s.organization_id, coalesce(otr.name, o.name) as organization_name, o.organisation_id as owner_organisation_id,
        s.territory_id, s.last_verified::text as last_verified,
        (s.last_verified is null or s.last_verified < current_date - interval '12 months') as stale,
        s.diaspora_eligible, s.returnee_eligible, s.loan_min::text as loan_min, s.loan_max::text as loan_max, s.loan_currency,
        s.collateral_required, s.interest_min::text as interest_min, s.interest_max::text as interest_max,
        s.target_groups, s.staff_languages,
        (select count(*) from directory_flag f where f.entity_type = 'service' and f.entity_id = s.id and f.resolved_at is null)::int as open_flags
      from hsds_service s
      join hsds_organization o on o.id = s.organization_id
      left join hsds_service_translation tr on tr.service_id = s.id and tr.locale = ${locale}
      left join hsds_organization_translation otr on otr.organization_id = o.id and otr.locale = ${locale}
      where s.id = ${id}`.execute(db);
    return rows[0];
  },

  requiredDocuments: async (id: string, locale: Locale) =>
    (
      await sql<{ id: string; document: string }>`
        select d.id, coalesce(tr.document, d.document) as document from hsds_required_document d
        left join hsds_required_document_translation tr on tr.required_document_id = d.id and tr.locale = ${locale}
        where d.service_id = ${id} and d.document is not null order by d.created_at, d.id`.execute(db)
    ).rows,

  schedules: async (id: string, locale: Locale) =>
    (
      await sql<{ byday: string | null; opensAt: string | null; closesAt: string | null; description: string | null }>`
        select sc.byday, to_char(sc.opens_at, 'HH24:MI') as opens_at, to_char(sc.closes_at, 'HH24:MI') as closes_at,
          coalesce(tr.description, sc.description) as description
        from hsds_schedule sc
        left join hsds_schedule_translation tr on tr.schedule_id = sc.id and tr.locale = ${locale}
        where sc.service_id = ${id}
           or sc.service_at_location_id in (select sal.id from hsds_service_at_location sal where sal.service_id = ${id})
        order by sc.opens_at nulls last, sc.id`.execute(db)
    ).rows,

  languages: async (id: string) =>
    (await sql<{ code: string | null; name: string | null }>`select code, name from hsds_language where service_id = ${id} order by code`.execute(db)).rows,

  costs: async (id: string, locale: Locale) =>
    (
      await sql<{ id: string; option: string | null; amount: string | null; currency: string | null; amountDescription: string | null }>`
        select c.id, coalesce(tr.option, c.option) as option, c.amount::text as amount, c.currency,
          coalesce(tr.amount_description, c.amount_description) as amount_description
        from hsds_cost_option c
        left join hsds_cost_option_translation tr on tr.cost_option_id = c.id and tr.locale = ${locale}
        where c.service_id = ${id} order by c.amount nulls first, c.id`.execute(db)
    ).rows,

  locations: async (id: string, locale: Locale) =>
    (await sql<LocationRow>`${locationSelect(locale)} where l.id in (select location_id from hsds_service_at_location where service_id = ${id}) order by l.id`.execute(db)).rows,

  /** One location, as `locations` answers each. */
  location: async (id: string, locale: Locale) => (await sql<LocationRow>`${locationSelect(locale)} where l.id = ${id}`.execute(db)).rows[0],

  /** Public contact points only: phones and contacts marked private never leave the database here. */
  phones: async (id: string) =>
    (
      await sql<{ number: string; description: string | null }>`
        select p.number, p.description from hsds_phone p
        where not p.is_private and (p.contact_id is null or p.contact_id not in (select id from hsds_contact where is_private))
          and (p.service_id = ${id}
          or p.service_at_location_id in (select sal.id from hsds_service_at_location sal where sal.service_id = ${id}))
        order by p.id`.execute(db)
    ).rows,

  locationScope: async (locationId: string) =>
    (
      await sql<{ id: string; ownerOrganisationId: string | null; territoryId: string | null }>`
        select l.id, o.organisation_id as owner_organisation_id,
          coalesce(l.territory_id, (select s.territory_id from hsds_service_at_location sal join hsds_service s on s.id = sal.service_id
                                    where sal.location_id = l.id and s.territory_id is not null limit 1)) as territory_id
        from hsds_location l left join hsds_organization o on o.id = l.organization_id
        where l.id = ${locationId}`.execute(db)
    ).rows[0],
});
