import { sql } from 'kysely';
import { auditAppendEach, type AuditEntry } from '../../platform/audit/audit-trail.js';
import type { Executor } from '../../platform/db/database.js';
import { caseVisibleToDeskSql } from './case-access.js';
import type { DuplicateCandidate } from './duplicates.repository.js';

export type IntakeDesk = { id: string; name: string; territoryIds: string[] };

const PERSON_COLUMNS = [
  'id', 'given_name', 'family_name', 'normalised_name', 'email_encrypted', 'email_hash', 'phone_encrypted', 'phone_hash', 'birth_date_encrypted',
  'birth_date_hash', 'residence_status_encrypted', 'gender', 'languages', 'preferred_locale', 'residence_territory_id', 'origin_territory_id',
];

/** Inserts `rows`, sent as one JSON array, into `columns` of `table`, the others taking their defaults. */
function insertJson(table: string, columns: readonly string[], rows: readonly unknown[], returning = 'id', conflict = sql``) {
  const list = sql.join(columns.map((column) => sql.id(column)));
  return sql`insert into ${sql.table(table)} (${list}) select ${list} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::json) ${conflict} returning ${sql.id(returning)}`;
}

/** What `admit` checks of one submission. */
export type AdmissionInput = {
  throttleKey: string;
  territoryIds: readonly string[];
  deskId: string | null;
  residenceTerritoryId: string;
  normalisedName: string;
  emailHash: string | null;
  phoneHash: string | null;
  birthDateHash: string | null;
};
export type Admission = {
  /** The client's submissions in the rate window, this one included. */
  submissions: number;
  windowStartedAt: Date;
  known: Set<string>;
  desk: IntakeDesk | undefined;
  candidates: DuplicateCandidate[];
};
/** One submission's rows, each table's under its column names. */
export type SubmissionRows = {
  person: Record<string, unknown>;
  supportCase: Record<string, unknown>;
  consent: Record<string, unknown>;
  businessProjects: Record<string, unknown>[];
  duplicates: Record<string, unknown>[];
  audited: AuditEntry;
};

/**
 * What intake reads of the network (the help desks, every one of which takes requests, the
 * territories they are based in or serve, the territory tree with names in one locale) and its two
 * statements per submission, `admit` then `insertSubmissions`, each taking many submissions at once
 * (see the service). Both are hand-written SQL whose text does not vary with the input: each
 * connection parses and plans them once, and the app does not build them again for each request
 * (with the query builder, building the write cost more CPU than anything else in a submission).
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
   * Everything submissions check before they are written, for many at once in one statement and
   * one round trip, each answer in its submission's order: the client's count in the rate window
   * (incremented, by as many as the batch holds for that client; the statement commits on its own,
   * so the counter row is locked no longer than it runs), which of its territories exist, the desk
   * taking the request (the one asked for, else the help desk whose territory is the nearest
   * ancestor-or-self of the residence territory), and the people with the same normalised name and
   * a same contact hash who have a case that desk can see. The submissions travel as one JSON
   * parameter: the text never varies, and PostgreSQL parses and plans it once per connection.
   */
  async admit(now: Date, windowStart: Date, submissions: readonly AdmissionInput[]): Promise<Admission[]> {
    const input = submissions.map((submission, n) => ({ n, ...submission }));
    const { rows } = await sql<{
      submissions: number;
      windowStartedAt: Date;
      knownTerritoryIds: string[];
      deskId: string | null;
      deskName: string | null;
      candidates: { personId: string; emailHash: string | null; phoneHash: string | null; birthDateHash: string | null }[];
    }>`
      with recursive input as (
        select * from json_to_recordset(${JSON.stringify(input)}::json) as i(n integer, "throttleKey" text, "territoryIds" uuid[], "deskId" uuid,
          "residenceTerritoryId" uuid, "normalisedName" text, "emailHash" text, "phoneHash" text, "birthDateHash" text)
      ),
      per_client as (select "throttleKey" as key, count(*)::integer as submissions from input group by "throttleKey"),
      counted as (
        insert into sign_in_throttle as t (key, failures, window_started_at)
        select key, submissions, ${now} from per_client
        on conflict (key) do update set
          failures = case when t.window_started_at < ${windowStart} then excluded.failures else t.failures + excluded.failures end,
          window_started_at = case when t.window_started_at < ${windowStart} then ${now} else t.window_started_at end
        returning key, failures, window_started_at
      ),
      up(residence_id, id, parent_id, depth) as (
        select id, id, parent_id, 0 from territory where id in (select "residenceTerritoryId" from input)
        union all
        select up.residence_id, t.id, t.parent_id, up.depth + 1 from territory t join up on t.id = up.parent_id
      ),
      desk_territory as (
        select o.id, o.name, o.home_territory_id as territory_id from organisation o where o.type = 'help_desk'
        union
        select o.id, o.name, ot.territory_id from organisation o join organisation_territory ot on ot.organisation_id = o.id where o.type = 'help_desk'
      )
      select counted.failures - (per_client.submissions - row_number() over (partition by i."throttleKey" order by i.n))::integer as submissions,
             counted.window_started_at,
             (select coalesce(array_agg(t.id), '{}') from territory t where t.id = any(i."territoryIds")) as known_territory_ids,
             desk.id as desk_id, desk.name as desk_name,
             coalesce((select json_agg(json_build_object('personId', p.id, 'emailHash', p.email_hash, 'phoneHash', p.phone_hash, 'birthDateHash', p.birth_date_hash))
                         from person p
                        where p.normalised_name = i."normalisedName" and p.merged_into_person_id is null and p.erased_at is null
                          and (p.email_hash = i."emailHash" or p.phone_hash = i."phoneHash" or p.birth_date_hash = i."birthDateHash")
                          and exists (select 1 from support_case c where c.person_id = p.id and ${caseVisibleToDeskSql('c', sql`desk.id`)})), '[]') as candidates
        from input i
        join per_client on per_client.key = i."throttleKey"
        join counted on counted.key = i."throttleKey"
        left join lateral (
          select o.id, o.name from organisation o where o.type = 'help_desk' and o.id = i."deskId"
          union all
          (select d.id, d.name from up join desk_territory d on d.territory_id = up.id
            where i."deskId" is null and up.residence_id = i."residenceTerritoryId" order by up.depth, d.name limit 1)
        ) desk on true
       order by i.n`.execute(db);
    return rows.map((row, n) => {
      const { emailHash, phoneHash, birthDateHash } = submissions[n]!;
      return {
        submissions: row.submissions,
        windowStartedAt: new Date(row.windowStartedAt),
        known: new Set(row.knownTerritoryIds),
        desk: row.deskId ? ({ id: row.deskId, name: row.deskName!, territoryIds: [] } satisfies IntakeDesk) : undefined,
        candidates: row.candidates.map(
          (candidate): DuplicateCandidate => ({
            personId: candidate.personId,
            matchedOn: [
              ...(emailHash && candidate.emailHash === emailHash ? (['email'] as const) : []),
              ...(phoneHash && candidate.phoneHash === phoneHash ? (['phone'] as const) : []),
              ...(birthDateHash && candidate.birthDateHash === birthDateHash ? (['birth_date'] as const) : []),
            ],
          }),
        ),
      };
    });
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
   * The whole write of many submissions, one statement of data-modifying CTEs with no explicit
   * transaction: atomic on its own, one round trip, and the audit chain lock (taken in
   * audit_event_append) held only until it commits. Each table's rows come as one JSON array with
   * the table's column names; projects (each with its first stage) and duplicate pairs may be none.
   * The appends read every insert (so they run first and the lock is taken as late as possible);
   * foreign keys are checked at the statement's end.
   */
  async insertSubmissions(submissions: readonly SubmissionRows[]): Promise<void> {
    const all = (key: Exclude<keyof SubmissionRows, 'audited'>) => submissions.flatMap((submission) => submission[key]);
    const audited = auditAppendEach(submissions.map((submission) => submission.audited));
    await sql`
      with new_person as (${insertJson('person', PERSON_COLUMNS, all('person'))}),
      new_case as (${insertJson('support_case', ['id', 'reference', 'person_id', 'desk_id', 'request_kind', 'need_encrypted', 'source', 'intake_locale'], all('supportCase'))}),
      new_consent as (${insertJson('consent', ['person_id', 'case_id', 'kind', 'purpose', 'data_categories', 'legal_basis', 'method', 'policy_version'], all('consent'))}),
      new_project as (${insertJson('business_project', ['case_id', 'idea', 'isic_section', 'isic_division', 'setup_territory_id', 'own_funds_amount', 'needed_amount', 'currency'], all('businessProjects'), 'case_id')}),
      new_transition as (
        insert into business_stage_transition (case_id, from_stage, to_stage, moved_by, reason)
        select case_id, null, 'idea', null, 'intake' from new_project
        returning id
      ),
      new_duplicates as (${insertJson('person_duplicate', ['person_id', 'duplicate_of_person_id', 'matched_on'], all('duplicates'), 'id', sql`on conflict (person_id, duplicate_of_person_id) do nothing`)})
      select ${audited.call}
        from ${audited.from},
             (select count(*) from new_person) people, (select count(*) from new_case) cases, (select count(*) from new_consent) consents,
             (select count(*) from new_project) projects, (select count(*) from new_transition) transitions,
             (select count(*) from new_duplicates) duplicates`.execute(db);
  },
});
