import { sql, type ExpressionBuilder } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { caseVisibleToDesks } from './case-access.js';
import { dayText } from './cases.repository.js';

export type TaskRow = {
  id: string;
  caseId: string;
  caseReference: string;
  title: string;
  dueOn: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  createdBy: string;
  createdByName: string;
  doneAt: Date | null;
  overdue: boolean;
  createdAt: Date;
};

function tasks(db: Executor) {
  return db
    .selectFrom('caseTask')
    .innerJoin('supportCase', 'supportCase.id', 'caseTask.caseId')
    .innerJoin('appUser as creator', 'creator.id', 'caseTask.createdBy')
    .leftJoin('appUser as assignee', 'assignee.id', 'caseTask.assigneeId')
    .select([
      'caseTask.id', 'caseTask.caseId', 'supportCase.reference as caseReference', 'caseTask.title', 'caseTask.assigneeId',
      'assignee.displayName as assigneeName', 'caseTask.createdBy', 'creator.displayName as createdByName', 'caseTask.doneAt',
      'caseTask.createdAt',
    ])
    .select(dayText('case_task.due_on').as('dueOn'))
    .select(sql<boolean>`coalesce(case_task.done_at is null and case_task.due_on < current_date, false)`.as('overdue'));
}

export const tasksRepository = (db: Executor) => ({
  ofCase: (caseId: string) =>
    tasks(db)
      .where('caseTask.caseId', '=', caseId)
      .orderBy(sql`case_task.done_at is not null`)
      .orderBy(sql`case_task.due_on asc nulls last`)
      .orderBy('caseTask.createdAt')
      .execute() as Promise<TaskRow[]>,

  find: (caseId: string, taskId: string) =>
    tasks(db).where('caseTask.caseId', '=', caseId).where('caseTask.id', '=', taskId).executeTakeFirst() as Promise<TaskRow | undefined>,

  /** The user's tasks on cases their desks still reach, soonest due first (undated last). */
  assignedTo: (userId: string, deskIds: readonly string[], filter: 'open' | 'due' | 'done', after: [string, string] | undefined, limit: number) => {
    let query = tasks(db)
      .where('caseTask.assigneeId', '=', userId)
      .where((eb) => caseVisibleToDesks(deskIds)(eb as unknown as ExpressionBuilder<DB, 'supportCase'>));
    if (filter === 'done') query = query.where('caseTask.doneAt', 'is not', null);
    else query = query.where('caseTask.doneAt', 'is', null);
    if (filter === 'due') query = query.where(sql<boolean>`case_task.due_on <= current_date`);
    // Undated tasks sort after every date: the key stands in for null.
    const dueKey = sql`coalesce(case_task.due_on, date '9999-12-31')`;
    if (after) query = query.where(sql<boolean>`(${dueKey}, case_task.id) > (${after[0]}::date, ${after[1]}::uuid)`);
    return query.orderBy(dueKey).orderBy('caseTask.id').limit(limit).execute() as Promise<TaskRow[]>;
  },

  /** Whether the user is staff (any role) of the desk. */
  isStaffOf: async (userId: string, deskId: string) =>
    Boolean(await db.selectFrom('membership').select('userId').where('userId', '=', userId).where('organisationId', '=', deskId).executeTakeFirst()),

  /**
   * Claims the open tasks due today or earlier not yet reminded, on open cases, marking them
   * reminded in the same statement: two processes running reminders never both send one.
   */
  claimDue: async () => {
    const { rows } = await sql<{ id: string }>`
      update case_task set reminded_at = now()
      where id in (
        select t.id from case_task t join support_case c on c.id = t.case_id
        where t.done_at is null and t.reminded_at is null and t.assignee_id is not null
          and t.due_on <= current_date and c.status <> 'closed'
        for update of t skip locked)
      returning id`.execute(db);
    if (rows.length === 0) return [];
    return db
      .selectFrom('caseTask')
      .innerJoin('supportCase', 'supportCase.id', 'caseTask.caseId')
      .innerJoin('appUser', 'appUser.id', 'caseTask.assigneeId')
      .select(['caseTask.id', 'caseTask.caseId', 'caseTask.title', 'supportCase.reference', 'appUser.email', 'appUser.displayName', 'appUser.locale', 'supportCase.deskId'])
      .select(dayText('case_task.due_on').as('dueOn'))
      .where('caseTask.id', 'in', rows.map((row) => row.id))
      .orderBy('caseTask.dueOn')
      .execute();
  },

  unclaim: (ids: string[]) =>
    ids.length === 0 ? Promise.resolve() : db.updateTable('caseTask').set({ remindedAt: null }).where('id', 'in', ids).execute().then(() => undefined),
});
