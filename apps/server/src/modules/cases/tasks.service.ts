import { resolveLocale, type CaseTaskCreateBody, type CaseTaskUpdateBody, type CaseTaskView, type Locale, type MyCaseTasksQuery } from '@glocal/contracts';
import { pino } from 'pino';
import type { Config } from '../../config.js';
import { createAccess, type Access } from '../../platform/access/access.js';
import { createAuditTrail } from '../../platform/audit/audit-trail.js';
import { createMailer } from '../../platform/mail/mailer.js';
import type { Actor } from '../../platform/auth/actor.js';
import { changedFields, type AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, NotFoundError } from '../../platform/errors/app-error.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import { translate } from '../../platform/i18n/translate.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { translatedMail } from '../../platform/mail/translated-mail.js';
import { createCaseGuard, desksOf } from './cases.guard.js';
import { casesRepository } from './cases.repository.js';
import { tasksRepository, type TaskRow } from './tasks.repository.js';

type Request = { ip?: string; id?: string };
type Deps = { db: Database; access: Access; audit: AuditTrail; mailer: Mailer; publicUrl: string };

export type TasksService = ReturnType<typeof createTasksService>;

export const toTaskView = (row: TaskRow): CaseTaskView => ({
  id: row.id,
  caseId: row.caseId,
  caseReference: row.caseReference,
  title: row.title,
  dueOn: row.dueOn,
  assignee: row.assigneeId ? { id: row.assigneeId, displayName: row.assigneeName ?? '' } : null,
  createdBy: { id: row.createdBy, displayName: row.createdByName },
  done: row.doneAt !== null,
  doneAt: row.doneAt?.toISOString() ?? null,
  overdue: row.overdue,
  createdAt: row.createdAt.toISOString(),
});

export function createTasksService({ db, access, audit, mailer, publicUrl }: Deps) {
  const guard = createCaseGuard(access);
  const base = publicUrl.replace(/\/+$/, '');

  async function checkAssignee(trx: Database | Parameters<typeof tasksRepository>[0], assigneeId: string, deskId: string) {
    if (!(await tasksRepository(trx).isStaffOf(assigneeId, deskId))) {
      throw new AppError('case.task_assignee_invalid', 422, { assigneeId }, [{ pointer: '/assigneeId', code: 'not_staff_of_the_lead_desk' }]);
    }
  }

  return {
    async list(actor: Actor | null, caseId: string, request: Request) {
      await guard.read(db, actor, caseId, request);
      return { items: (await tasksRepository(db).ofCase(caseId)).map(toTaskView), nextCursor: null };
    },

    async create(actor: Actor | null, caseId: string, input: CaseTaskCreateBody, request: Request) {
      const { scope, actor: author } = await guard.act(db, actor, caseId, 'cases:update', request);
      return db.transaction().execute(async (trx) => {
        const assigneeId = input.assigneeId ?? author.userId;
        await checkAssignee(trx, assigneeId, scope.leadDeskId);
        const { id } = await trx
          .insertInto('caseTask')
          .values({ caseId, title: input.title, dueOn: input.dueOn ?? null, assigneeId, createdBy: author.userId })
          .returning('id')
          .executeTakeFirstOrThrow();
        await casesRepository(trx).touch(caseId);
        await audit.record(trx, {
          actor: author,
          action: 'case_task.created',
          subject: { type: 'case', id: caseId },
          organisationId: scope.leadDeskId,
          details: { taskId: id, dueOn: input.dueOn ?? null, assigneeId },
          request,
        });
        return toTaskView((await tasksRepository(trx).find(caseId, id))!);
      });
    },

    async update(actor: Actor | null, caseId: string, taskId: string, input: CaseTaskUpdateBody, request: Request) {
      const { scope, actor: editor } = await guard.act(db, actor, caseId, 'cases:update', request);
      return db.transaction().execute(async (trx) => {
        const before = await tasksRepository(trx).find(caseId, taskId);
        if (!before) throw new NotFoundError('case.task_not_found', { taskId });
        if (input.assigneeId) await checkAssignee(trx, input.assigneeId, scope.leadDeskId);
        const fields = {
          ...(input.title !== undefined ? { title: input.title } : {}),
          // A new due date earns a new reminder.
          ...(input.dueOn !== undefined ? { dueOn: input.dueOn, remindedAt: null } : {}),
          ...(input.assigneeId !== undefined ? { assigneeId: input.assigneeId, remindedAt: null } : {}),
          ...(input.done !== undefined ? { doneAt: input.done ? (before.doneAt ?? new Date()) : null } : {}),
        };
        await trx.updateTable('caseTask').set(fields).where('id', '=', taskId).execute();
        await casesRepository(trx).touch(caseId);
        const after = (await tasksRepository(trx).find(caseId, taskId))!;
        await audit.record(trx, {
          actor: editor,
          action: 'case_task.updated',
          subject: { type: 'case', id: caseId },
          organisationId: scope.leadDeskId,
          details: {
            taskId,
            changes: changedFields(
              { title: before.title, dueOn: before.dueOn, assigneeId: before.assigneeId, done: before.doneAt !== null },
              { title: after.title, dueOn: after.dueOn, assigneeId: after.assigneeId, done: after.doneAt !== null },
            ),
          },
          request,
        });
        return toTaskView(after);
      });
    },

    /** "My tasks": open tasks given to me on cases my desks reach, soonest due first. */
    async mine(actor: Actor | null, query: MyCaseTasksQuery) {
      const me = await access.require(actor, 'cases:read');
      const after = query.cursor ? (decodeCursor(query.cursor, 2).map(String) as [string, string]) : undefined;
      const rows = await tasksRepository(db).assignedTo(me.userId, desksOf(me, 'cases:read'), query.filter, after, query.limit + 1);
      return toPage(rows, query.limit, (row) => [row.dueOn ?? '9999-12-31', row.id], toTaskView);
    },

    /**
     * Sends each assignee one e-mail listing their tasks due today or earlier that were not yet
     * reminded. Tasks are claimed (marked reminded) before sending, outside any open transaction;
     * those whose e-mail fails are released, so the next run tries again.
     */
    async sendReminders(): Promise<{ tasks: number; emails: number; failed: number }> {
      const due = await db.transaction().execute((trx) => tasksRepository(trx).claimDue());
      const byAssignee = new Map<string, typeof due>();
      for (const task of due) byAssignee.set(task.email, [...(byAssignee.get(task.email) ?? []), task]);
      let emails = 0;
      let failed = 0;
      for (const [email, tasks] of byAssignee) {
        const locale = resolveLocale(tasks[0]!.locale) as Locale;
        const lines = tasks.map((task) =>
          translate(locale, 'mail.task_reminder.line', {
            title: task.title,
            reference: task.reference,
            due: task.dueOn ?? '',
            link: `${base}/cases/${task.caseId}`,
          }),
        );
        const delivery = await mailer.send(
          translatedMail(email, locale, 'task_reminder', {
            name: tasks[0]!.displayName,
            count: tasks.length,
            tasks: lines.join('\n'),
            link: `${base}/cases/tasks`,
          }),
        );
        if (delivery === 'failed') {
          failed += 1;
          await tasksRepository(db).unclaim(tasks.map((task) => task.id));
        } else {
          emails += 1;
        }
      }
      if (due.length > 0) {
        await db.transaction().execute((trx) =>
          audit.record(trx, {
            actor: null,
            action: 'case_task.reminders_sent',
            details: { tasks: due.length, emails, failed },
          }),
        );
      }
      return { tasks: due.length, emails, failed };
    },
  };
}

/** One round of reminders outside the server (`npm run glocal -- cases remind`), with the app's own mail settings. */
export async function runTaskReminders(db: Database, config: Config) {
  const log = pino({ level: config.logLevel });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log });
  const audit = createAuditTrail();
  try {
    return await createTasksService({ db, access: createAccess({ db, audit }), audit, mailer, publicUrl: config.publicUrl }).sendReminders();
  } finally {
    await mailer.close();
  }
}
