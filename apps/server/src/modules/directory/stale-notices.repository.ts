import type { Locale, Role } from '@glocal/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

/** A service's reach, as the access policy reads it: its owner and the organisations whose territories contain it. */
export type StaleServiceScope = { serviceId: string; ownerOrganisationId: string | null; organisationIds: string[] };

/** Queries of the stale-entry notices (`directory_stale_notice`). */
export const staleNoticesRepository = (db: Executor) => ({
  /**
   * Marks every stale service (not verified for 12 months, or never; defunct ones left alone) whose
   * current staleness period was not notified yet, and answers their ids. The conditional upsert
   * claims each period once, even with two rounds racing: a row about the same `last_verified`
   * is left untouched and not returned.
   */
  claim: async (): Promise<string[]> =>
    (
      await sql<{ serviceId: string }>`
        insert into directory_stale_notice (service_id, last_verified, notified_at)
        select s.id, s.last_verified, now() from hsds_service s
        where s.status <> 'defunct' and (s.last_verified is null or s.last_verified < current_date - interval '12 months')
        on conflict (service_id) do update set last_verified = excluded.last_verified, notified_at = excluded.notified_at
          where directory_stale_notice.last_verified is distinct from excluded.last_verified
        returning service_id`.execute(db)
    ).rows.map((row) => row.serviceId),

  /** Gives services back to the next round (no e-mail about them went out). */
  release: async (serviceIds: string[]): Promise<void> => {
    if (serviceIds.length === 0) return;
    await sql`delete from directory_stale_notice where service_id = any(${serviceIds}::uuid[])`.execute(db);
  },

  /** Each service's owner and the organisations reaching its territory (home or served, up the territory tree). */
  scopes: async (serviceIds: string[]): Promise<StaleServiceScope[]> =>
    (
      await sql<StaleServiceScope>`
        with recursive claimed as (
          select s.id as service_id, s.territory_id, o.organisation_id as owner_organisation_id
          from hsds_service s join hsds_organization o on o.id = s.organization_id
          where s.id = any(${serviceIds}::uuid[])
        ),
        up (service_id, territory_id) as (
          select service_id, territory_id from claimed where territory_id is not null
          union select up.service_id, t.parent_id from up join territory t on t.id = up.territory_id where t.parent_id is not null
        ),
        reaching as (
          select up.service_id, o.id as organisation_id from up join organisation o on o.home_territory_id = up.territory_id
          union select up.service_id, ot.organisation_id from up join organisation_territory ot on ot.territory_id = up.territory_id
        )
        select c.service_id, c.owner_organisation_id,
          array(select r.organisation_id::text from reaching r where r.service_id = c.service_id order by 1) as organisation_ids
        from claimed c`.execute(db)
    ).rows,

  /** The members of these organisations: who the access policy may count as the services' reviewers. */
  membersOf: async (organisationIds: string[]): Promise<{ userId: string; organisationId: string; role: Role }[]> =>
    organisationIds.length === 0
      ? []
      : (
          await sql<{ userId: string; organisationId: string; role: Role }>`
            select m.user_id, m.organisation_id, m.role from membership m
            where m.organisation_id = any(${organisationIds}::uuid[])
            order by m.user_id, m.organisation_id, m.role`.execute(db)
        ).rows,

  /** What a digest line shows of each service, with its name and organisation in every language written. */
  summaries: async (serviceIds: string[]) =>
    (
      await sql<{
        id: string;
        name: string;
        organizationName: string;
        lastVerified: string | null;
        names: Partial<Record<Locale, string>>;
        organizationNames: Partial<Record<Locale, string>>;
      }>`
        select s.id, s.name, o.name as organization_name, s.last_verified::text as last_verified,
          coalesce((select jsonb_object_agg(t.locale, t.name) from hsds_service_translation t where t.service_id = s.id and t.name is not null), '{}'::jsonb) as names,
          coalesce((select jsonb_object_agg(t.locale, t.name) from hsds_organization_translation t where t.organization_id = o.id and t.name is not null), '{}'::jsonb) as organization_names
        from hsds_service s join hsds_organization o on o.id = s.organization_id
        where s.id = any(${serviceIds}::uuid[])`.execute(db)
    ).rows,
});
