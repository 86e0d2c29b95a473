import type { BusinessStage, DeskWorkloadView } from '@glocal/contracts';
import { sql } from 'kysely';
import type { Access } from '../../platform/access/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/database.js';
import { NotFoundError } from '../../platform/errors/app-error.js';
import { desksOf } from './cases.guard.js';

type Deps = { db: Database; access: Access };

export type WorkloadService = ReturnType<typeof createWorkloadService>;

/** A desk's load for its managers: open cases per coach and per stage, overdue tasks. Counts only. */
export function createWorkloadService({ db, access }: Deps) {
  return {
    async forDesk(actor: Actor | null, deskId: string | undefined): Promise<DeskWorkloadView> {
      const manager = await access.require(actor, 'desk_workload:read');
      const desk = deskId ?? desksOf(manager, 'desk_workload:read')[0];
      if (!desk) throw new NotFoundError('case.desk_not_found');
      await access.require(manager, 'desk_workload:read', { organisationId: desk });

      const [coaches, open, overdue] = await Promise.all([
        sql<{ id: string; displayName: string }>`
          select distinct u.id, u.display_name from membership m join app_user u on u.id = m.user_id
          where m.organisation_id = ${desk} and m.role = 'coach' and u.disabled_at is null
          order by u.display_name`.execute(db),
        sql<{ coachId: string | null; stage: string | null; n: number }>`
          select c.assigned_coach_id as coach_id, b.stage, count(*)::int as n
          from support_case c left join business_project b on b.case_id = c.id
          where c.desk_id = ${desk} and c.status <> 'closed'
          group by c.assigned_coach_id, b.stage`.execute(db),
        sql<{ assigneeId: string | null; n: number }>`
          select t.assignee_id, count(*)::int as n
          from case_task t join support_case c on c.id = t.case_id
          where c.desk_id = ${desk} and c.status <> 'closed' and t.done_at is null and t.due_on < current_date
          group by t.assignee_id`.execute(db),
      ]);

      const stagesOf = (rows: typeof open.rows) => {
        const byStage: Partial<Record<BusinessStage, number>> = {};
        for (const row of rows) if (row.stage) byStage[row.stage as BusinessStage] = (byStage[row.stage as BusinessStage] ?? 0) + row.n;
        return byStage;
      };
      const sum = (rows: { n: number }[]) => rows.reduce((total, row) => total + row.n, 0);
      // Coaches of the desk, plus anyone else still holding its cases (a coach who moved on).
      const people = new Map(coaches.rows.map((c) => [c.id, c.displayName]));
      const holders = open.rows.flatMap((row) => (row.coachId && !people.has(row.coachId) ? [row.coachId] : []));
      if (holders.length > 0) {
        for (const row of (await db.selectFrom('appUser').select(['id', 'displayName']).where('id', 'in', holders).execute())) people.set(row.id, row.displayName);
      }
      return {
        deskId: desk,
        openCases: sum(open.rows),
        unassigned: sum(open.rows.filter((row) => row.coachId === null)),
        byStage: stagesOf(open.rows),
        overdueTasks: sum(overdue.rows),
        coaches: [...people].map(([id, displayName]) => {
          const mine = open.rows.filter((row) => row.coachId === id);
          return {
            coach: { id, displayName },
            openCases: sum(mine),
            byStage: stagesOf(mine),
            overdueTasks: sum(overdue.rows.filter((row) => row.assigneeId === id)),
          };
        }),
      };
    },
  };
}
