import type { Locale } from '@glocal/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

/** A directory service as other modules show a link to it: its name and territory in the reader's language, its territory's country (ISO alpha-2) and its HSDS status. */
export type DirectoryServiceLabel = { serviceId: string; name: string; territory: string | null; country: string | null; status: string };

/** Which of these ids are services of the directory: for other modules that link to them (one query). */
export async function existingServiceIds(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const { rows } = await sql<{ id: string }>`select id from hsds_service where id in (${sql.join(unique)})`.execute(db);
  return new Set(rows.map((row) => row.id));
}

/**
 * These services named in `locale` (else as written), with their territory's name in `locale`
 * (else in English, else its code), in one query whatever their number; unknown ids are left out.
 */
export async function serviceLabels(db: Executor, ids: readonly string[], locale: Locale): Promise<Map<string, DirectoryServiceLabel>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { rows } = await sql<{ id: string; name: string; territory: string | null; country: string | null; status: string }>`
    select s.id, coalesce(tr.name, s.name) as name, s.status, t.country_code as country,
      case when s.territory_id is null then null else coalesce(tn.name, tn_en.name, t.code) end as territory
    from hsds_service s
    left join hsds_service_translation tr on tr.service_id = s.id and tr.locale = ${locale}
    left join territory t on t.id = s.territory_id
    left join territory_name tn on tn.territory_id = s.territory_id and tn.locale = ${locale}
    left join territory_name tn_en on tn_en.territory_id = s.territory_id and tn_en.locale = 'en'
    where s.id in (${sql.join(unique)})`.execute(db);
  return new Map(rows.map((row) => [row.id, { serviceId: row.id, name: row.name, territory: row.territory, country: row.country, status: row.status }]));
}
