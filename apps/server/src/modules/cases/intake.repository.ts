import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { caseVisibleToDeskSql } from './case-access.js';
import type { DuplicateCandidate, DuplicateKeys } from './duplicates.repository.js';

export type IntakeDesk = { id: string; name: string; territoryIds: string[] };

const PERSON_COLUMNS = [
  'id', 'given_name', 'family_name', 'normalised_name', 'email_encrypted', 'email_hash', 'phone_encrypted', 'phone_hash', 'birth_date_encrypted',
  'birth_date_hash', 'residence_status_encrypted', 'gender', 'languages', 'preferred_locale', 'residence_territory_id', 'origin_territory_id',
];

/** Inserts `rows` (one JSON object, or an array of them) into `columns` of `table`, the others taking their defaults. */
function insertJson(table: string, columns: readonly string[], rows: unknown, returning = 'id', conflict = sql``) {
  const list = sql.join(columns.map((column) => sql.id(column)));
  const source = Array.isArray(rows) ? sql`json_populate_recordset` : sql`json_populate_record`;
  return sql`insert into ${sql.table(table)} (${list}) select ${list} from ${source}(null::${sql.table(table)}, ${JSON.stringify(rows)}::json) ${conflict} returning ${sql.id(returning)}`;
}

/**
 * What intake reads of the network (the help desks, every one of which takes requests, the
 * territories they are based in or serve, the territory tree with names in one locale) and its two
 * statements per submission: `admit`, then `insertSubmission`. Those two are hand-written SQL whose
 * text does not vary with the input: each connection parses and plans them once, and the app does
 * not build them again for each request (with the query builder, building the write cost more CPU
 * than anything else in a submission).
 */
export const intakeRepository = (db: Executor) => ({
  async desks(): Promise<IntakeDesk[]> {
    const { rows } = await sql<{ id: string; name: string; territoryIds: string[] }>`
      select o.id, o.name,
             array_remove(array[o.home_territory_id] || coalesce(array_agg(ot.territory_id) filter (where ot.territory_id is not null), '{}'), null) as territory_ids
        from organisation o
        left join organisation_territory ot on ot.organisation_id = o.id
       where o.type = 'help_desk'
       group by o.id
       order by o.name`.execute(db);
    return rows;
  },

  /**
   * Everything a submission checks before it is written, in one statement and one round trip:
   * the client's count in the rate window (incremented; the statement commits on its own, so the
   * counter row is locked no longer than it runs), which of `territoryIds` exist, the desk taking
   * the request (the one asked for, else the help desk whose territory is the nearest
   * ancestor-or-self of the residence territory), and the people with the same normalised name and
   * a same contact hash who have a case that desk can see. Its text varies only with whether a desk
   * was chosen, so PostgreSQL parses and plans it once per connection for each.
   */
  async admit(input: {
    throttleKey: string;
    now: Date;
    windowStart: Date;
    territoryIds: readonly string[];
    deskId: string | undefined;
    residenceTerritoryId: string;
    duplicateKeys: DuplicateKeys;
  }) {
    const desk = input.deskId
      ? sql`select o.id, o.name from organisation o where o.type = 'help_desk' and o.id = ${input.deskId}`
      : sql`select d.id, d.name from desk_territory d join up on up.id = d.territory_id order by up.depth, d.name limit 1`;
    const { normalisedName, email, phone, birthDate } = input.duplicateKeys;
    const { rows } = await sql<{
      submissions: number;
      windowStartedAt: Date;
      knownTerritoryIds: string[];
      deskId: string | null;
      deskName: string | null;
      candidates: { personId: string; emailHash: string | null; phoneHash: string | null; birthDateHash: string | null }[];
    }>`
      with recursive counted as (
        insert into sign_in_throttle as t (key, failures, window_started_at)
        values (${input.throttleKey}, 1, ${input.now})
        on conflict (key) do update set
          failures = case when t.window_started_at < ${input.windowStart} then 1 else t.failures + 1 end,
          window_started_at = case when t.window_started_at < ${input.windowStart} then ${input.now} else t.window_started_at end
        returning failures, window_started_at
      ),
      up(id, parent_id, depth) as (
        select id, parent_id, 0 from territory where id = ${input.residenceTerritoryId}
        union all
        select t.id, t.parent_id, up.depth + 1 from territory t join up on t.id = up.parent_id
      ),
      desk_territory as (
        select o.id, o.name, o.home_territory_id as territory_id from organisation o where o.type = 'help_desk'
        union
        select o.id, o.name, ot.territory_id from organisation o join organisation_territory ot on ot.organisation_id = o.id where o.type = 'help_desk'
      ),
      chosen as (${desk}),
      candidates as (
        select p.id as person_id, p.email_hash, p.phone_hash, p.birth_date_hash
          from person p, chosen
         where p.normalised_name = ${normalisedName} and p.merged_into_person_id is null and p.erased_at is null
           and (p.email_hash = ${email}::text or p.phone_hash = ${phone}::text or p.birth_date_hash = ${birthDate}::text)
           and exists (select 1 from support_case c where c.person_id = p.id and ${caseVisibleToDeskSql('c', sql`chosen.id`)})
      )
      select counted.failures as submissions, counted.window_started_at,
             (select coalesce(array_agg(id), '{}') from territory where id = any(${[...input.territoryIds]}::uuid[])) as known_territory_ids,
             chosen.id as desk_id, chosen.name as desk_name,
             coalesce((select json_agg(json_build_object('personId', person_id, 'emailHash', email_hash, 'phoneHash', phone_hash, 'birthDateHash', birth_date_hash))
                         from candidates), '[]') as candidates
        from counted left join chosen on true`.execute(db);
    const row = rows[0]!;
    return {
      submissions: row.submissions,
      windowStartedAt: new Date(row.windowStartedAt),
      known: new Set(row.knownTerritoryIds),
      desk: row.deskId ? ({ id: row.deskId, name: row.deskName!, territoryIds: [] } satisfies IntakeDesk) : undefined,
      candidates: row.candidates.map(
        (candidate): DuplicateCandidate => ({
          personId: candidate.personId,
          matchedOn: [
            ...(email && candidate.emailHash === email ? (['email'] as const) : []),
            ...(phone && candidate.phoneHash === phone ? (['phone'] as const) : []),
            ...(birthDate && candidate.birthDateHash === birthDate ? (['birth_date'] as const) : []),
          ],
        }),
      ),
    };
  },

  async territories(locale: string) {
    const { rows } = await sql<{ id: string; parentId: string | null; code: string; level: string; name: string }>`
      select t.id, t.parent_id, t.code, t.level,
             coalesce(mine.name, en.name, (select name from territory_name n where n.territory_id = t.id order by n.locale limit 1), t.code) as name
        from territory t
        left join territory_name mine on mine.territory_id = t.id and mine.locale = ${locale}
        left join territory_name en on en.territory_id = t.id and en.locale = 'en'
       order by t.level = 'country' desc, name`.execute(db);
    return rows;
  },


  /**
   * The whole write, one statement of data-modifying CTEs with no explicit transaction: atomic on
   * its own, one round trip, and the audit chain lock (taken in audit_event_append) held only until
   * it commits. Each table's row comes as JSON with the table's column names; the project and its
   * first stage, and the duplicate pairs, are sets that may be empty. The append reads every insert
   * (so they run first and the lock is taken as late as possible); foreign keys are checked at the
   * statement's end.
   */
  async insertSubmission(rows: {
    person: Record<string, unknown>;
    supportCase: Record<string, unknown>;
    consent: Record<string, unknown>;
    businessProjects: Record<string, unknown>[];
    duplicates: Record<string, unknown>[];
    audited: RawBuilder<unknown>;
  }): Promise<void> {
    await sql`
      with new_person as (${insertJson('person', PERSON_COLUMNS, rows.person)}),
      new_case as (${insertJson('support_case', ['id', 'reference', 'person_id', 'desk_id', 'request_kind', 'need_encrypted', 'source', 'intake_locale'], rows.supportCase)}),
      new_consent as (${insertJson('consent', ['person_id', 'case_id', 'kind', 'purpose', 'data_categories', 'legal_basis', 'method', 'policy_version'], rows.consent)}),
      new_project as (${insertJson('business_project', ['case_id', 'idea', 'isic_section', 'isic_division', 'setup_territory_id', 'own_funds_amount', 'needed_amount', 'currency'], rows.businessProjects, 'case_id')}),
      new_transition as (
        insert into business_stage_transition (case_id, from_stage, to_stage, moved_by, reason)
        select case_id, null, 'idea', null, 'intake' from new_project
        returning id
      ),
      new_duplicates as (${insertJson('person_duplicate', ['person_id', 'duplicate_of_person_id', 'matched_on'], rows.duplicates, 'id', sql`on conflict (person_id, duplicate_of_person_id) do nothing`)})
      select ${rows.audited}
        from new_person, new_case, new_consent,
             (select count(*) from new_project) projects, (select count(*) from new_transition) transitions,
             (select count(*) from new_duplicates) duplicates`.execute(db);
  },
});
