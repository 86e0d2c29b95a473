import type { BusinessStage, CaseListQuery } from '@glocal/contracts';
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { caseVisibleToDesks } from './case-access.js';
import { normaliseName } from './people.service.js';

/** A `date` column as YYYY-MM-DD text: drivers would otherwise hand back a local-midnight Date. */
export const dayText = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

export type CaseListRow = {
  id: string;
  reference: string;
  givenName: string;
  familyName: string | null;
  deskId: string;
  deskName: string;
  requestKind: string;
  status: string;
  priority: string;
  tags: string[];
  assignedCoachId: string | null;
  coachName: string | null;
  stage: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** updated_at to the microsecond, as text: the keyset cursor (a JS Date keeps milliseconds only). */
  activityKey: string;
};

export type CaseListFilter = Omit<CaseListQuery, 'cursor' | 'limit' | 'scope' | 'deskId'> & { after?: [string, string] | undefined };

// Kysely cannot type joins added on condition; these queries are checked by the routes tests instead.
type AnyQuery = SelectQueryBuilder<any, any, any>;

/**
 * The keys (id, activity) of the cases matching `filter`, newest activity first. Only support_case
 * (and the table a filter needs): cheap to plan, and each branch reads its index in order. The
 * names, desk and coach are joined once, on the page only (`withDetails`).
 */
function keysOf(db: Executor, filter: CaseListFilter): AnyQuery {
  let query = db.selectFrom('supportCase') as unknown as AnyQuery;
  // Literal status predicates (not parameters), so the planner can use the partial open-case indexes.
  if (filter.status === 'open') query = query.where(sql<boolean>`support_case.status <> 'closed'`);
  else if (filter.status !== 'all') query = query.where('supportCase.status', '=', filter.status);
  if (filter.stage) query = query.innerJoin('businessProject', 'businessProject.caseId', 'supportCase.id').where('businessProject.stage', '=', filter.stage);
  if (filter.requestKind) query = query.where('supportCase.requestKind', '=', filter.requestKind);
  if (filter.priority) query = query.where('supportCase.priority', '=', filter.priority);
  if (filter.tag) query = query.where(sql<boolean>`${filter.tag} = any(support_case.tags)`);
  if (filter.assignedCoachId) query = query.where('supportCase.assignedCoachId', '=', filter.assignedCoachId);
  if (filter.q) {
    const q = filter.q;
    const name = normaliseName(q);
    query = query
      .innerJoin('person', 'person.id', 'supportCase.personId')
      .where((eb: ExpressionBuilder<any, any>) =>
        eb.or([
          eb('supportCase.reference', 'like', `${q.toUpperCase().replace(/[\\%_]/g, '\\$&')}%`),
          ...(name ? [eb('person.normalisedName', 'like', `%${name.replace(/[\\%_]/g, '\\$&')}%`)] : []),
        ]),
      );
  }
  if (filter.after) {
    query = query.where(sql<boolean>`(support_case.updated_at, support_case.id) < (${filter.after[0]}::timestamptz, ${filter.after[1]}::uuid)`);
  }
  return query.select(['supportCase.id', 'supportCase.updatedAt']).orderBy('supportCase.updatedAt', 'desc').orderBy('supportCase.id', 'desc');
}

/** A page of keys with what the list shows of each case, in the list's order. */
function withDetails(db: Executor, keys: AnyQuery, limit: number): Promise<CaseListRow[]> {
  return (db
    .selectFrom(keys.as('page') as never)
    .innerJoin('supportCase', 'supportCase.id', 'page.id' as never)
    .innerJoin('person', 'person.id', 'supportCase.personId')
    .innerJoin('organisation', 'organisation.id', 'supportCase.deskId')
    .leftJoin('businessProject', 'businessProject.caseId', 'supportCase.id')
    .leftJoin('appUser', 'appUser.id', 'supportCase.assignedCoachId')
    .select([
      'supportCase.id', 'supportCase.reference', 'person.givenName', 'person.familyName', 'supportCase.deskId',
      'organisation.name as deskName', 'supportCase.requestKind', 'supportCase.status', 'supportCase.priority', 'supportCase.tags',
      'supportCase.assignedCoachId', 'appUser.displayName as coachName', 'businessProject.stage', 'supportCase.createdAt',
      'supportCase.updatedAt',
    ])
    .select(sql<string>`support_case.updated_at::text`.as('activityKey'))
    .orderBy('supportCase.updatedAt', 'desc')
    .orderBy('supportCase.id', 'desc')
    .limit(limit)
    .execute() as unknown) as Promise<CaseListRow[]>;
}

/**
 * Cases shared with one of `deskIds` by a standing share, as a subquery driven from case_share
 * (a handful of rows per desk): an `exists` tested against every open case would scan them all.
 */
const sharedWith = (db: Executor, deskIds: readonly string[]) =>
  db
    .selectFrom('caseShare')
    .innerJoin('consent', 'consent.id', 'caseShare.consentId')
    .select('caseShare.caseId')
    .where('caseShare.deskId', 'in', deskIds)
    .where(sql<boolean>`case_share.revoked_at is null and consent.withdrawn_at is null
      and (consent.valid_until is null or consent.valid_until >= current_date)`);

/** One lead desk's page of cases: the query the coach's default list runs (the benchmark explains it). */
export const deskBranch = (db: Executor, deskId: string, filter: CaseListFilter, limit: number) =>
  keysOf(db, filter).where('supportCase.deskId', '=', deskId).limit(limit);

export const casesRepository = (db: Executor) => ({
  /**
   * A page of the cases `deskIds` reach (led, or shared by a standing share). One index-ordered
   * query per lead desk plus one for shared cases, merged here: `desk_id in (…)` with an OR on
   * the shares would defeat the (desk_id, updated_at) index and sort every open case of the desks.
   */
  async listForDesks(deskIds: readonly string[], filter: CaseListFilter, limit: number): Promise<CaseListRow[]> {
    if (deskIds.length === 0) return [];
    const branches = [
      ...deskIds.map((deskId) => deskBranch(db, deskId, filter, limit)),
      keysOf(db, filter)
        .where('supportCase.deskId', 'not in', deskIds)
        .where('supportCase.id', 'in', sharedWith(db, deskIds))
        .limit(limit),
    ];
    // One statement: each branch reads a page of keys off its index, the union is sorted and
    // joined to names, desk and coach by the database.
    const [first, ...rest] = branches.map((branch, index) => db.selectFrom(branch.as(`b${index}`) as never).selectAll() as unknown as AnyQuery);
    return withDetails(db, rest.reduce((all, branch) => all.unionAll(branch), first!), limit);
  },

  /** A page of the cases assigned to `coachId` among those `deskIds` reach. */
  listAssigned: (coachId: string, deskIds: readonly string[], filter: CaseListFilter, limit: number) =>
    withDetails(
      db,
      keysOf(db, filter)
        .where('supportCase.assignedCoachId', '=', coachId)
        .where((eb: ExpressionBuilder<any, any>) => caseVisibleToDesks(deskIds)(eb as unknown as ExpressionBuilder<DB, 'supportCase'>))
        .limit(limit),
      limit,
    ),

  /**
   * Open business projects per stage among the cases `deskIds` reach (optionally assigned to one
   * coach): the lead desks' counts off the open-case index, plus the shared cases' counts.
   */
  stageCounts: async (deskIds: readonly string[], coachId?: string) => {
    const counts = new Map<BusinessStage, number>();
    if (deskIds.length === 0) return counts;
    const base = () => {
      let query = db
        .selectFrom('supportCase')
        .innerJoin('businessProject', 'businessProject.caseId', 'supportCase.id')
        .select(['businessProject.stage', (eb) => eb.fn.countAll<number>().as('n')])
        .where(sql<boolean>`support_case.status <> 'closed'`);
      if (coachId) query = query.where('supportCase.assignedCoachId', '=', coachId);
      return query;
    };
    const [lead, shared] = await Promise.all([
      base().where('supportCase.deskId', 'in', deskIds).groupBy('businessProject.stage').execute(),
      base().where('supportCase.deskId', 'not in', deskIds).where('supportCase.id', 'in', sharedWith(db, deskIds)).groupBy('businessProject.stage').execute(),
    ]);
    for (const row of [...lead, ...shared]) counts.set(row.stage as BusinessStage, (counts.get(row.stage as BusinessStage) ?? 0) + Number(row.n));
    return counts;
  },

  findCase: (id: string) => db.selectFrom('supportCase').selectAll().where('id', '=', id).executeTakeFirst(),

  findProject: (caseId: string) =>
    db
      .selectFrom('businessProject')
      .select([
        'caseId', 'stage', 'idea', 'isicSection', 'isicDivision', 'setupTerritoryId', 'ownFundsAmount', 'neededAmount', 'currency',
        'businessPlanDocumentId', 'financingPlanDocumentId', 'legalForm', 'registrationNumber',
      ])
      .select(dayText('registered_on').as('registeredOn'))
      // As text: the CamelCasePlugin would rename the checklist's snake_case codes in a jsonb value.
      .select(sql<string>`checklist::text`.as('checklistJson'))
      .where('caseId', '=', caseId)
      .executeTakeFirst()
      .then((row) => (row ? { ...row, checklist: JSON.parse(row.checklistJson) as Record<string, boolean> } : undefined)),

  transitions: (caseId: string) =>
    db
      .selectFrom('businessStageTransition')
      .leftJoin('appUser', 'appUser.id', 'businessStageTransition.movedBy')
      .select([
        'businessStageTransition.id', 'fromStage', 'toStage', 'movedBy', 'appUser.displayName as movedByName', 'reason', 'movedAt',
      ])
      .where('caseId', '=', caseId)
      .orderBy('movedAt')
      .orderBy('businessStageTransition.id')
      .execute(),

  findOutcome: (caseId: string) =>
    db
      .selectFrom('caseOutcome')
      .select(['caseId', 'legalForm', 'jobsWomen', 'jobsMen', 'jobsOther', 'notes'])
      .select(dayText('business_created_on').as('businessCreatedOn'))
      .where('caseId', '=', caseId)
      .executeTakeFirst(),

  financing: (caseId: string) =>
    db
      .selectFrom('caseFinancing')
      .leftJoin('organisation', 'organisation.id', 'caseFinancing.sourceOrganisationId')
      .select([
        'caseFinancing.id', 'kind', 'amount', 'currency', 'sourceOrganisationId', 'organisation.name as sourceOrganisationName',
        'sourceName', 'fromRemittances',
      ])
      .select(dayText('obtained_on').as('obtainedOn'))
      .where('caseId', '=', caseId)
      .orderBy('caseFinancing.createdAt')
      .execute(),

  deskName: async (deskId: string) =>
    (await db.selectFrom('organisation').select('name').where('id', '=', deskId).executeTakeFirst())?.name ?? '',

  userName: async (userId: string | null) =>
    userId ? ((await db.selectFrom('appUser').select('displayName').where('id', '=', userId).executeTakeFirst())?.displayName ?? null) : null,

  /** Whether the user holds one of `roles` at the desk. */
  holdsRoleAt: async (userId: string, deskId: string, roles: readonly string[]) =>
    Boolean(
      await db
        .selectFrom('membership')
        .select('userId')
        .where('userId', '=', userId)
        .where('organisationId', '=', deskId)
        .where('role', 'in', roles as string[])
        .executeTakeFirst(),
    ),

  /** Bumps the case's activity time: lists show newest activity first. */
  touch: (caseId: string) => db.updateTable('supportCase').set({ updatedAt: new Date() }).where('id', '=', caseId).execute(),

  /** Whether a person is known to one of these desks (one of their cases is visible to them). */
  personKnownTo: async (personId: string, deskIds: readonly string[]) =>
    Boolean(
      await db
        .selectFrom('supportCase')
        .select('id')
        .where('personId', '=', personId)
        .where((eb) => caseVisibleToDesks(deskIds)(eb as unknown as ExpressionBuilder<DB, 'supportCase'>))
        .executeTakeFirst(),
    ),

  territoriesExist: async (ids: string[]) => {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return true;
    const rows = await db.selectFrom('territory').select('id').where('id', 'in', unique).execute();
    return rows.length === unique.length;
  },

  documentOfCase: (caseId: string, documentId: string) =>
    db.selectFrom('caseDocument').select(['id', 'kind']).where('caseId', '=', caseId).where('id', '=', documentId).where('deletedAt', 'is', null).executeTakeFirst(),

  organisationExists: async (id: string) => Boolean(await db.selectFrom('organisation').select('id').where('id', '=', id).executeTakeFirst()),

  upsertOutcome: (caseId: string, fields: Record<string, unknown>, recordedBy: string) =>
    db
      .insertInto('caseOutcome')
      .values({ caseId, ...fields, recordedBy })
      .onConflict((oc) => oc.column('caseId').doUpdateSet({ ...fields, recordedBy, recordedAt: new Date() }))
      .execute(),
});
